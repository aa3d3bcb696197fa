/* mp2-nominatim-geocoder.c
 *
 * Nominatim's /search (https://nominatim.org/release-docs/latest/api/Search/):
 * `q` the address, `format=jsonv2`, at most 5 results, no address details. The
 * answer is an array, empty when nothing matches, each place with `lat` and `lon` as
 * strings, its `display_name` and an `importance` from 0 to 1.
 *
 * The usage policy (https://operations.osmfoundation.org/policies/nominatim/) asks
 * for a User-Agent that identifies the app (Mp2HttpClient sends "FilmSchedule/VERSION
 * (+website)"), at most one request a second (the "nominatim" token bucket of
 * mp2_planning_configure_rate_limits()) and results cached (the store's cache, 30 days). A client
 * that breaks it is answered 403 or 429.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-geocoder"

#include "config.h"

#include "mp2-nominatim-geocoder.h"
#include "mp2-geocoder-private.h"
#include "mp2-service-url.h"

#include <glib/gi18n-lib.h>

#define NOMINATIM_URL    "https://nominatim.openstreetmap.org/"
#define NOMINATIM_NAME   "OpenStreetMap"
#define NOMINATIM_LIMIT  "5"

struct _Mp2NominatimGeocoder
{
  GObject        parent_instance;

  Mp2HttpClient *http;
  Mp2Store      *store;      /* nullable: no cache */
  char          *base_url;   /* ends with '/' */
};

static void mp2_nominatim_geocoder_geocoder_init (Mp2GeocoderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2NominatimGeocoder, mp2_nominatim_geocoder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_GEOCODER,
                                                      mp2_nominatim_geocoder_geocoder_init))

/* The request and its answer ------------------------------------------------------------ */

static Mp2HttpRequest *
new_search_request (gpointer    geocoder,
                    const char *address)
{
  Mp2NominatimGeocoder *self = geocoder;
  g_autofree char *uri = g_strconcat (self->base_url, "search", NULL);
  Mp2HttpRequest *request = mp2_http_request_new ("GET", uri);

  mp2_http_request_set_api (request, MP2_NOMINATIM_API);
  mp2_http_request_add_query (request, "q", address);
  mp2_http_request_add_query (request, "format", "jsonv2");
  mp2_http_request_add_query (request, "limit", NOMINATIM_LIMIT);
  mp2_http_request_add_query (request, "addressdetails", "0");

  return request;
}

/* One place of the array; FALSE when it has no usable coordinates. */
static gboolean
add_place (Mp2GeocoderAnswer *answer,
           JsonNode          *node)
{
  JsonObject *place = NULL;
  JsonNode *importance_node = NULL;
  double lat, lon, importance = -1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  place = json_node_get_object (node);
  if (!mp2_geocoder_parse_coordinate (json_object_get_member (place, "lat"), -90, 90, &lat)
      || !mp2_geocoder_parse_coordinate (json_object_get_member (place, "lon"), -180, 180,
                                         &lon))
    return FALSE;

  importance_node = json_object_get_member (place, "importance");
  if (!mp2_geocoder_parse_coordinate (importance_node, 0, G_MAXDOUBLE, &importance))
    importance = -1;

  mp2_geocoder_answer_add (answer, lat, lon,
                           json_object_get_string_member_with_default (place, "display_name",
                                                                       NULL),
                           importance);

  return TRUE;
}

static Mp2GeocoderAnswer *
parse_search_answer (gpointer          geocoder,
                     Mp2HttpResponse  *response,
                     GError          **error)
{
  g_autoptr(Mp2GeocoderAnswer) answer = NULL;
  JsonArray *places = NULL;

  if (response->json == NULL || !JSON_NODE_HOLDS_ARRAY (response->json))
    {
      g_propagate_error (error, mp2_geocoder_new_bad_answer_error (NOMINATIM_NAME));
      return NULL;
    }

  answer = mp2_geocoder_answer_new ();
  places = json_node_get_array (response->json);
  for (guint i = 0; i < json_array_get_length (places); i++)
    {
      if (!add_place (answer, json_array_get_element (places, i)))
        {
          g_propagate_error (error, mp2_geocoder_new_bad_answer_error (NOMINATIM_NAME));
          return NULL;
        }
    }

  return g_steal_pointer (&answer);
}

static GError *
map_search_error (gpointer         geocoder,
                  const GError    *error,
                  Mp2HttpResponse *response)
{
  /* 403 is how the public server turns away a client it blocked. */
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_FORBIDDEN))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                                _("OpenStreetMap’s address search turned Film Schedule "
                                  "away. Try again tomorrow, or choose Google Maps for "
                                  "addresses in Preferences."));

  return NULL;
}

static const Mp2GeocoderProvider nominatim_provider = {
  .id = "nominatim",
  .service_name = NOMINATIM_NAME,
  .new_request = new_search_request,
  .parse = parse_search_answer,
  .map_http_error = map_search_error,
};

/* Mp2Geocoder ---------------------------------------------------------------------------- */

static const char *
mp2_nominatim_geocoder_get_id (Mp2Geocoder *geocoder)
{
  return nominatim_provider.id;
}

static void
mp2_nominatim_geocoder_search_async (Mp2Geocoder         *geocoder,
                                     const char          *address,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Mp2NominatimGeocoder *self = MP2_NOMINATIM_GEOCODER (geocoder);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_nominatim_geocoder_search_async);
  mp2_geocoder_search_run (task, &nominatim_provider, self->http, self->store, address);
}

static void
mp2_nominatim_geocoder_geocoder_init (Mp2GeocoderInterface *iface)
{
  iface->get_id = mp2_nominatim_geocoder_get_id;
  iface->search_async = mp2_nominatim_geocoder_search_async;
}

/* GObject ------------------------------------------------------------------------------- */

static void
mp2_nominatim_geocoder_dispose (GObject *object)
{
  Mp2NominatimGeocoder *self = MP2_NOMINATIM_GEOCODER (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_nominatim_geocoder_parent_class)->dispose (object);
}

static void
mp2_nominatim_geocoder_finalize (GObject *object)
{
  Mp2NominatimGeocoder *self = MP2_NOMINATIM_GEOCODER (object);

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (mp2_nominatim_geocoder_parent_class)->finalize (object);
}

static void
mp2_nominatim_geocoder_class_init (Mp2NominatimGeocoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_nominatim_geocoder_dispose;
  object_class->finalize = mp2_nominatim_geocoder_finalize;
}

static void
mp2_nominatim_geocoder_init (Mp2NominatimGeocoder *self)
{
}

/**
 * mp2_nominatim_geocoder_new:
 * @http: the client for the requests, with the planning services' rate limits
 *   (mp2_planning_configure_rate_limits(): one request a second to Nominatim)
 * @store: (nullable): the store whose cache keeps the answers; %NULL for none
 * @base_url: (nullable): the server; %NULL for `MP2_NOMINATIM_URL` or the public one
 *
 * Returns: (transfer full): the geocoder
 */
Mp2NominatimGeocoder *
mp2_nominatim_geocoder_new (Mp2HttpClient *http,
                            Mp2Store      *store,
                            const char    *base_url)
{
  Mp2NominatimGeocoder *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);

  self = g_object_new (MP2_TYPE_NOMINATIM_GEOCODER, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->base_url = mp2_service_base_url (base_url, "MP2_NOMINATIM_URL", NOMINATIM_URL);

  return self;
}
