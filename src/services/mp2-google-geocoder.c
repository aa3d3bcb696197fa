/* mp2-google-geocoder.c
 *
 * Google's Geocoding API: GET maps/api/geocode/json?address=…&key=…. Every answer
 * comes with HTTP 200 and a `status`: "OK" with `results` (each with
 * `formatted_address`, `geometry.location` {lat, lng} and, when Google matched only
 * part of the address, `partial_match`), "ZERO_RESULTS", "OVER_QUERY_LIMIT" (asked
 * again after 1 s and 2 s), "REQUEST_DENIED" (the key: its `error_message` says
 * why), "INVALID_REQUEST" or "UNKNOWN_ERROR" (a server error: asked again).
 *
 * The key is a query parameter, marked secret so that the HTTP client's log never
 * shows it; it is overwritten in memory when replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-geocoder"

#include "config.h"

#include "mp2-google-geocoder.h"
#include "mp2-geocoder-private.h"
#include "mp2-service-url.h"

#include <glib/gi18n-lib.h>

#include "mp2-api-keys.h"

#define GOOGLE_MAPS_URL  "https://maps.googleapis.com/"
#define GOOGLE_MAPS_NAME "Google Maps"

struct _Mp2GoogleGeocoder
{
  GObject        parent_instance;

  Mp2HttpClient *http;
  Mp2Store      *store;      /* nullable: no cache */
  char          *base_url;   /* ends with '/' */
  char          *api_key;    /* nullable; never logged */
};

static void mp2_google_geocoder_geocoder_init (Mp2GeocoderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2GoogleGeocoder, mp2_google_geocoder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_GEOCODER,
                                                      mp2_google_geocoder_geocoder_init))

/* The request and its answer ------------------------------------------------------------ */

static Mp2HttpRequest *
new_geocode_request (gpointer    geocoder,
                     const char *address)
{
  Mp2GoogleGeocoder *self = geocoder;
  g_autofree char *uri = g_strconcat (self->base_url, "maps/api/geocode/json", NULL);
  Mp2HttpRequest *request = mp2_http_request_new ("GET", uri);

  mp2_http_request_add_secret (request, "key");
  mp2_http_request_set_api (request, MP2_GOOGLE_GEOCODING_API);
  mp2_http_request_add_query (request, "address", address);
  mp2_http_request_add_query (request, "key", self->api_key);

  return request;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* One result; FALSE when it has no usable geometry.location. */
static gboolean
add_result (Mp2GeocoderAnswer *answer,
            JsonNode          *node)
{
  JsonObject *result = NULL;
  JsonObject *geometry = NULL;
  JsonObject *location = NULL;
  double lat, lng;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  result = json_node_get_object (node);
  geometry = get_object_member (result, "geometry");
  location = geometry != NULL ? get_object_member (geometry, "location") : NULL;
  if (location == NULL
      || !mp2_geocoder_parse_coordinate (json_object_get_member (location, "lat"), -90, 90, &lat)
      || !mp2_geocoder_parse_coordinate (json_object_get_member (location, "lng"), -180, 180,
                                         &lng))
    return FALSE;

  /* Whether Google matched the whole address is the first result's word. */
  if (answer->candidates->len == 0)
    answer->partial = json_object_get_boolean_member_with_default (result, "partial_match",
                                                                   FALSE);
  mp2_geocoder_answer_add (answer, lat, lng, get_string_member (result, "formatted_address"),
                           -1);

  return TRUE;
}

static Mp2GeocoderAnswer *
parse_results (JsonObject  *object,
               GError     **error)
{
  g_autoptr(Mp2GeocoderAnswer) answer = mp2_geocoder_answer_new ();
  JsonNode *results = json_object_get_member (object, "results");

  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_propagate_error (error, mp2_geocoder_new_bad_answer_error (GOOGLE_MAPS_NAME));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (results)); i++)
    {
      if (!add_result (answer, json_array_get_element (json_node_get_array (results), i)))
        {
          g_propagate_error (error, mp2_geocoder_new_bad_answer_error (GOOGLE_MAPS_NAME));
          return NULL;
        }
    }

  return g_steal_pointer (&answer);
}

static GError *
new_key_rejected_error (const char *detail)
{
  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_KEY_REJECTED,
                      /* Translators: %s is Google's own explanation, in English */
                      _("Google Maps refused the API key (%s). Check the key in "
                        "Preferences, and that the Geocoding API is enabled for it."),
                      detail != NULL ? detail : "REQUEST_DENIED");
}

static Mp2GeocoderAnswer *
parse_geocode_answer (gpointer          geocoder,
                      Mp2HttpResponse  *response,
                      GError          **error)
{
  JsonObject *object = mp2_http_response_get_object (response);
  const char *status = get_string_member (object, "status");
  const char *detail = get_string_member (object, "error_message");

  g_debug ("Google Geocoding: %s%s%s", status != NULL ? status : "no status",
           detail != NULL ? ": " : "", detail != NULL ? detail : "");

  if (g_strcmp0 (status, "OK") == 0)
    return parse_results (object, error);

  if (g_strcmp0 (status, "ZERO_RESULTS") == 0)
    return mp2_geocoder_answer_new ();

  if (g_strcmp0 (status, "OVER_QUERY_LIMIT") == 0)
    g_set_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                 _("Google Maps received too many requests and asks to wait. The plan "
                   "follows in a few minutes."));
  else if (g_strcmp0 (status, "UNKNOWN_ERROR") == 0)
    g_set_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                 _("Google Maps has a problem of its own now. The plan follows when it "
                   "answers again."));
  else if (g_strcmp0 (status, "REQUEST_DENIED") == 0)
    g_propagate_error (error, new_key_rejected_error (detail));
  else if (g_strcmp0 (status, "INVALID_REQUEST") == 0)
    g_set_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                 /* Translators: %s is Google's own explanation, in English */
                 _("Google Maps could not read the address (%s). Write it differently."),
                 detail != NULL ? detail : status);
  else
    g_propagate_error (error, mp2_geocoder_new_bad_answer_error (GOOGLE_MAPS_NAME));

  return NULL;
}

static GError *
map_geocode_error (gpointer         geocoder,
                   const GError    *error,
                   Mp2HttpResponse *response)
{
  JsonObject *object = response != NULL ? mp2_http_response_get_object (response) : NULL;

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_UNAUTHORIZED)
      || g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_FORBIDDEN)
      || g_strcmp0 (get_string_member (object, "status"), "REQUEST_DENIED") == 0)
    return new_key_rejected_error (get_string_member (object, "error_message"));

  return NULL;
}

static const Mp2GeocoderProvider google_provider = {
  .id = "google",
  .service_name = GOOGLE_MAPS_NAME,
  .new_request = new_geocode_request,
  .parse = parse_geocode_answer,
  .map_http_error = map_geocode_error,
};

/* Mp2Geocoder ---------------------------------------------------------------------------- */

static const char *
mp2_google_geocoder_get_id (Mp2Geocoder *geocoder)
{
  return google_provider.id;
}

static void
mp2_google_geocoder_search_async (Mp2Geocoder         *geocoder,
                                  const char          *address,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Mp2GoogleGeocoder *self = MP2_GOOGLE_GEOCODER (geocoder);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_google_geocoder_search_async);

  if (self->api_key == NULL)
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_KEY,
                               _("Google Maps needs an API key to find addresses. Add one "
                                 "in Preferences, or choose OpenStreetMap."));
      return;
    }

  mp2_geocoder_search_run (g_steal_pointer (&task), &google_provider, self->http, self->store,
                           address);
}

static void
mp2_google_geocoder_geocoder_init (Mp2GeocoderInterface *iface)
{
  iface->get_id = mp2_google_geocoder_get_id;
  iface->search_async = mp2_google_geocoder_search_async;
}

/* GObject ------------------------------------------------------------------------------- */

static void
mp2_google_geocoder_dispose (GObject *object)
{
  Mp2GoogleGeocoder *self = MP2_GOOGLE_GEOCODER (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_google_geocoder_parent_class)->dispose (object);
}

static void
mp2_google_geocoder_finalize (GObject *object)
{
  Mp2GoogleGeocoder *self = MP2_GOOGLE_GEOCODER (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, mp2_api_key_free);

  G_OBJECT_CLASS (mp2_google_geocoder_parent_class)->finalize (object);
}

static void
mp2_google_geocoder_class_init (Mp2GoogleGeocoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_google_geocoder_dispose;
  object_class->finalize = mp2_google_geocoder_finalize;
}

static void
mp2_google_geocoder_init (Mp2GoogleGeocoder *self)
{
}

/**
 * mp2_google_geocoder_new:
 * @http: the client for the requests
 * @store: (nullable): the store whose cache keeps the answers; %NULL for none
 * @base_url: (nullable): the server; %NULL for `MP2_GEOCODING_URL` or Google's
 *
 * A geocoder without a key until mp2_google_geocoder_set_api_key().
 *
 * Returns: (transfer full): the geocoder
 */
Mp2GoogleGeocoder *
mp2_google_geocoder_new (Mp2HttpClient *http,
                         Mp2Store      *store,
                         const char    *base_url)
{
  Mp2GoogleGeocoder *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);

  self = g_object_new (MP2_TYPE_GOOGLE_GEOCODER, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->base_url = mp2_service_base_url (base_url, "MP2_GEOCODING_URL", GOOGLE_MAPS_URL);

  return self;
}

/**
 * mp2_google_geocoder_set_api_key:
 * @api_key: (nullable): the user's Google Maps key; %NULL or "" for none
 *
 * Uses @api_key from the next search on. Without one, searches fail with
 * %MP2_PLAN_ERROR_NO_KEY and send nothing.
 */
void
mp2_google_geocoder_set_api_key (Mp2GoogleGeocoder *self,
                                 const char        *api_key)
{
  g_return_if_fail (MP2_IS_GOOGLE_GEOCODER (self));

  g_clear_pointer (&self->api_key, mp2_api_key_free);
  if (api_key != NULL && *api_key != '\0')
    self->api_key = g_strdup (api_key);
}
