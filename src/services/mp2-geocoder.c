/* mp2-geocoder.c
 *
 * The interface of the geocoders, and the steps every search takes whichever the
 * service: the address cleaned and normalised, the store's cache read in a worker
 * thread, the request, the service's results, the place chosen among them (or the
 * address reported as not found or ambiguous), the cache written, and the answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-geocoder"

#include "config.h"

#include "mp2-geocoder.h"
#include "mp2-geocoder-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/**
 * SECTION:mp2-geocoder
 * @title: Mp2Geocoder
 * @short_description: addresses to places on the map
 *
 * A geocoder finds the place of an address: the home address, a via point, a set.
 * It never guesses: an address that fits no place fails with
 * %MP2_PLAN_ERROR_NOT_FOUND, one whose first two results are far apart places of
 * about the same importance with %MP2_PLAN_ERROR_AMBIGUOUS (the message names both,
 * for the user to write the address more precisely).
 *
 * With a store, answers are kept in its cache under
 * `geocode:<provider>:<normalised address>` (case, accents' composition and spaces
 * do not matter): places for %MP2_GEOCODER_CACHE_SECONDS, addresses that fit no place
 * or several for a day. Failures of the service (offline, a refused key) are not
 * kept.
 */

G_DEFINE_INTERFACE (Mp2Geocoder, mp2_geocoder, G_TYPE_OBJECT)

/* The place of a GTask whose source object is the geocoder: every implementation's. */
static Mp2Place *
mp2_geocoder_real_search_finish (Mp2Geocoder   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_geocoder_default_init (Mp2GeocoderInterface *iface)
{
  iface->search_finish = mp2_geocoder_real_search_finish;
}

/**
 * mp2_geocoder_get_id:
 *
 * Returns: the provider's id: "nominatim", "google"
 */
const char *
mp2_geocoder_get_id (Mp2Geocoder *self)
{
  g_return_val_if_fail (MP2_IS_GEOCODER (self), NULL);

  return MP2_GEOCODER_GET_IFACE (self)->get_id (self);
}

/**
 * mp2_geocoder_search_async:
 * @address: the address as the user or the call sheet wrote it
 *
 * Looks for the place of @address: in the cache, else at the service.
 */
void
mp2_geocoder_search_async (Mp2Geocoder         *self,
                           const char          *address,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (MP2_IS_GEOCODER (self));
  g_return_if_fail (address != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_GEOCODER_GET_IFACE (self)->search_async (self, address, cancellable, callback,
                                               user_data);
}

/**
 * mp2_geocoder_search_finish:
 *
 * Returns: (transfer full): the place found, or %NULL with an %MP2_PLAN_ERROR (or
 *   %G_IO_ERROR_CANCELLED)
 */
Mp2Place *
mp2_geocoder_search_finish (Mp2Geocoder   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (MP2_IS_GEOCODER (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return MP2_GEOCODER_GET_IFACE (self)->search_finish (self, result, error);
}

/* Addresses --------------------------------------------------------------------------- */

/**
 * mp2_geocoder_clean_address:
 *
 * The address as it is sent: every run of white space (line breaks of a call sheet
 * included) made one space, none at the ends or before a comma, one after a comma.
 *
 * Returns: (transfer full): the address, "" when there is nothing in it
 */
char *
mp2_geocoder_clean_address (const char *address)
{
  g_autofree char *valid = g_utf8_make_valid (address, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = valid; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isspace (u))
        {
          space = out->len > 0;
          continue;
        }
      if (space && u != ',')
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, u);
      /* one space after a comma, even where the writer left none */
      space = u == ',';
    }

  return g_string_free (out, FALSE);
}

/**
 * mp2_geocoder_normalize_address:
 *
 * The address in its cache key: cleaned, composed (NFKC) and case-folded, so that
 * "Chełmska  21, WARSZAWA" and "chełmska 21 , warszawa" are one address.
 *
 * Returns: (transfer full): the normalised address
 */
char *
mp2_geocoder_normalize_address (const char *address)
{
  g_autofree char *clean = mp2_geocoder_clean_address (address);
  g_autofree char *composed = g_utf8_normalize (clean, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (composed != NULL ? composed : clean, -1);
}

/**
 * mp2_geocoder_cache_key:
 * @provider: the provider's id
 *
 * Returns: (transfer full): `geocode:<provider>:<normalised address>`
 */
char *
mp2_geocoder_cache_key (const char *provider,
                        const char *address)
{
  g_autofree char *normalized = mp2_geocoder_normalize_address (address);

  return g_strconcat ("geocode:", provider, ":", normalized, NULL);
}

/* Answers ------------------------------------------------------------------------------ */

static void
candidate_free (gpointer data)
{
  Mp2GeocoderCandidate *candidate = data;

  g_clear_pointer (&candidate->place, mp2_place_free);
  g_free (candidate);
}

Mp2GeocoderAnswer *
mp2_geocoder_answer_new (void)
{
  Mp2GeocoderAnswer *answer = g_new0 (Mp2GeocoderAnswer, 1);

  answer->candidates = g_ptr_array_new_with_free_func (candidate_free);

  return answer;
}

void
mp2_geocoder_answer_free (Mp2GeocoderAnswer *answer)
{
  if (answer == NULL)
    return;

  g_ptr_array_unref (answer->candidates);
  g_free (answer);
}

/**
 * mp2_geocoder_answer_add:
 * @name: (nullable): what the service calls the place
 * @importance: the service's importance of the result; -1 when it does not say
 */
void
mp2_geocoder_answer_add (Mp2GeocoderAnswer *answer,
                         double             latitude,
                         double             longitude,
                         const char        *name,
                         double             importance)
{
  Mp2GeocoderCandidate *candidate = g_new0 (Mp2GeocoderCandidate, 1);

  candidate->place = mp2_place_new (latitude, longitude, name);
  candidate->importance = importance;
  g_ptr_array_add (answer->candidates, candidate);
}

static char *
dup_place_label (const Mp2Place *place)
{
  if (place->name != NULL && *place->name != '\0')
    return g_strdup (place->name);

  return g_strdup_printf ("%.5f, %.5f", place->latitude, place->longitude);
}

static gboolean
have_similar_importance (const Mp2GeocoderCandidate *first,
                         const Mp2GeocoderCandidate *second)
{
  /* Without the service's word, two places are as likely as each other. */
  if (first->importance < 0 || second->importance < 0)
    return TRUE;

  return second->importance >= first->importance * MP2_GEOCODER_SIMILAR_IMPORTANCE;
}

static GError *
new_not_found_error (const char *address)
{
  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NOT_FOUND,
                      /* Translators: %s is an address as the user or the call sheet wrote it */
                      _("No place was found for the address “%s”. Check it, or add the "
                        "street number and the town."), address);
}

static GError *
new_ambiguous_error (const char     *address,
                     const Mp2Place *first,
                     const Mp2Place *second)
{
  g_autofree char *first_label = dup_place_label (first);
  g_autofree char *second_label = dup_place_label (second);

  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_AMBIGUOUS,
                      /* Translators: the first %s is an address as written, the others two places
                       * that it fits */
                      _("The address “%s” fits several places far apart, such as “%s” "
                        "and “%s”. Add the town or the postcode."),
                      address, first_label, second_label);
}

static GError *
new_partial_error (const char     *address,
                   const Mp2Place *found)
{
  g_autofree char *label = dup_place_label (found);

  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NOT_FOUND,
                      /* Translators: the first %s is an address as written, the second the only
                       * part of it that the service found */
                      _("The address “%s” was found only in part, as “%s”. Check the "
                        "street and the number."), address, label);
}

/**
 * mp2_geocoder_answer_choose:
 * @address: the address as written, for the messages
 *
 * The place of a service's answer, never a guess: its first result, unless there
 * is none (%MP2_PLAN_ERROR_NOT_FOUND), the second is a far-apart place of about the
 * same importance (%MP2_PLAN_ERROR_AMBIGUOUS), or the service matched only part of
 * the address (%MP2_PLAN_ERROR_NOT_FOUND, naming what it found).
 *
 * Returns: (transfer full): the place, or %NULL with @error set
 */
Mp2Place *
mp2_geocoder_answer_choose (const Mp2GeocoderAnswer  *answer,
                            const char               *address,
                            GError                  **error)
{
  const Mp2GeocoderCandidate *first = NULL;
  const Mp2GeocoderCandidate *second = NULL;

  if (answer->candidates->len == 0)
    {
      g_propagate_error (error, new_not_found_error (address));
      return NULL;
    }

  first = g_ptr_array_index (answer->candidates, 0);
  if (answer->candidates->len > 1)
    second = g_ptr_array_index (answer->candidates, 1);

  if (second != NULL
      && mp2_place_distance (first->place, second->place) > MP2_GEOCODER_AMBIGUOUS_METRES
      && have_similar_importance (first, second))
    {
      g_propagate_error (error, new_ambiguous_error (address, first->place, second->place));
      return NULL;
    }

  if (answer->partial)
    {
      g_propagate_error (error, new_partial_error (address, first->place));
      return NULL;
    }

  return mp2_place_copy (first->place);
}

/* The first two results are all that a choice looks at: the cache keeps those. */
#define CACHED_CANDIDATES 2

/**
 * mp2_geocoder_answer_to_string:
 *
 * Returns: (transfer full): the answer as the cache keeps it:
 *   `{"partial": false, "results": [{"lat": …, "lon": …, "name": …, "importance": …}]}`
 */
char *
mp2_geocoder_answer_to_string (const Mp2GeocoderAnswer *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "partial");
  json_builder_add_boolean_value (builder, answer->partial);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (answer->candidates->len, CACHED_CANDIDATES); i++)
    {
      const Mp2GeocoderCandidate *candidate = g_ptr_array_index (answer->candidates, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, candidate->place->latitude);
      json_builder_set_member_name (builder, "lon");
      json_builder_add_double_value (builder, candidate->place->longitude);
      json_builder_set_member_name (builder, "name");
      if (candidate->place->name != NULL)
        json_builder_add_string_value (builder, candidate->place->name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "importance");
      json_builder_add_double_value (builder, candidate->importance);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static gboolean
read_number (JsonObject *object,
             const char *name,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;

    case G_TYPE_INT64:
      *out = (double) json_node_get_int (node);
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * mp2_geocoder_answer_from_string:
 *
 * Returns: (transfer full) (nullable): the answer kept by
 *   mp2_geocoder_answer_to_string(), or %NULL when @text is not one
 */
Mp2GeocoderAnswer *
mp2_geocoder_answer_from_string (const char *text)
{
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(Mp2GeocoderAnswer) answer = NULL;
  JsonObject *object = NULL;
  JsonArray *results = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "results")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "results")))
    return NULL;

  answer = mp2_geocoder_answer_new ();
  answer->partial = json_object_get_boolean_member_with_default (object, "partial", FALSE);
  results = json_object_get_array_member (object, "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = NULL;
      double lat, lon, importance = -1;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      result = json_node_get_object (node);
      if (!read_number (result, "lat", &lat) || !read_number (result, "lon", &lon))
        return NULL;
      read_number (result, "importance", &importance);
      mp2_geocoder_answer_add (answer, lat, lon,
                               json_object_get_string_member_with_default (result, "name",
                                                                           NULL),
                               importance);
    }

  return g_steal_pointer (&answer);
}

/**
 * mp2_geocoder_parse_coordinate:
 * @node: (nullable): a member of a service's answer: a number, or a string holding
 *   one (Nominatim writes `"lat": "52.2"`)
 *
 * Returns: whether @node held a number from @min to @max, then in @out
 */
gboolean
mp2_geocoder_parse_coordinate (JsonNode *node,
                               double    min,
                               double    max,
                               double   *out)
{
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;

    case G_TYPE_INT64:
      value = (double) json_node_get_int (node);
      break;

    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end = NULL;

        value = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0')
          return FALSE;
      }
      break;

    default:
      return FALSE;
    }

  if (!isfinite (value) || value < min || value > max)
    return FALSE;

  *out = value;

  return TRUE;
}

/* Errors ------------------------------------------------------------------------------- */

/**
 * mp2_geocoder_new_bad_answer_error:
 *
 * Returns: (transfer full): %MP2_PLAN_ERROR_FAILED for an answer that is not what
 *   the service documents
 */
GError *
mp2_geocoder_new_bad_answer_error (const char *service_name)
{
  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                      /* Translators: %s is a service's name, such as "OpenStreetMap" or "Google
                       * Maps" */
                      _("%s answered something that Film Schedule cannot read. Try again "
                        "later, or choose another geocoding service in Preferences."),
                      service_name);
}

/**
 * mp2_geocoder_error_from_http:
 * @error: what the HTTP client reported
 * @response: (nullable): the answer, when there was one
 * @service_name: the service's name, for the message
 *
 * Returns: (transfer full): the %MP2_PLAN_ERROR for a failed request; a
 *   cancellation stays one
 */
GError *
mp2_geocoder_error_from_http (const GError    *error,
                              Mp2HttpResponse *response,
                              const char      *service_name)
{
  const char *detail = NULL;

  g_debug ("%s: %s (status %u)", service_name, error->message,
           response != NULL ? response->status : 0);

  if (error->domain != MP2_HTTP_ERROR)
    return g_error_copy (error);

  switch ((Mp2HttpError) error->code)
    {
    case MP2_HTTP_ERROR_NETWORK:
    case MP2_HTTP_ERROR_TIMEOUT:
    case MP2_HTTP_ERROR_OFFLINE:
    case MP2_HTTP_ERROR_CIRCUIT_OPEN:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                          /* Translators: %s is a service's name */
                          _("%s cannot be reached now. Check the internet connection; "
                            "the plan follows when it is back."), service_name);

    case MP2_HTTP_ERROR_RATE_LIMITED:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                          /* Translators: %s is a service's name */
                          _("%s received too many requests and asks to wait. The plan "
                            "follows in a few minutes."), service_name);

    case MP2_HTTP_ERROR_SERVER:
    case MP2_HTTP_ERROR_BAD_RESPONSE:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                          /* Translators: %s is a service's name */
                          _("%s has a problem of its own now. The plan follows when it "
                            "answers again."), service_name);

    case MP2_HTTP_ERROR_BAD_REQUEST:
    case MP2_HTTP_ERROR_UNAUTHORIZED:
    case MP2_HTTP_ERROR_FORBIDDEN:
    case MP2_HTTP_ERROR_NOT_FOUND:
    case MP2_HTTP_ERROR_CONFLICT:
    case MP2_HTTP_ERROR_GONE:
    case MP2_HTTP_ERROR_PRECONDITION_FAILED:
    case MP2_HTTP_ERROR_FAILED:
    case MP2_HTTP_ERROR_INSECURE:
    default:
      detail = response != NULL ? mp2_http_response_get_error_message (response) : NULL;
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                          /* Translators: the first %s is a service's name, the second its own
                           * explanation, in English, or why the request failed */
                          _("%s could not look up the address: %s"), service_name,
                          detail != NULL ? detail : error->message);
    }
}

/* The cache, in worker threads ------------------------------------------------------------ */

typedef struct
{
  Mp2Store *store;
  char     *key;
  char     *value;
  gint64    ttl_seconds;
} CacheOp;

static void
cache_op_free (gpointer data)
{
  CacheOp *op = data;

  g_clear_object (&op->store);
  g_free (op->key);
  g_free (op->value);
  g_free (op);
}

static GTask *
new_cache_task (Mp2Store            *store,
                const char          *key,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  CacheOp *op = g_new0 (CacheOp, 1);

  op->store = g_object_ref (store);
  op->key = g_strdup (key);
  g_task_set_task_data (task, op, cache_op_free);

  return task;
}

static void
read_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CacheOp *op = task_data;

  g_task_return_pointer (task, mp2_store_cache_get (op->store, op->key), g_free);
}

static void
write_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CacheOp *op = task_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_store_cache_put (op->store, op->key, op->value, op->ttl_seconds, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* One search ----------------------------------------------------------------------------- */

typedef struct
{
  const Mp2GeocoderProvider *provider;
  Mp2HttpClient             *http;
  Mp2Store                  *store;     /* nullable: no cache */
  char                      *address;   /* cleaned */
  char                      *key;
  guint                      body_retries;
  Mp2Place                  *place;     /* chosen, while the cache is written */
  GError                    *error;     /* likewise, for a negative answer */
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_clear_object (&search->http);
  g_clear_object (&search->store);
  g_free (search->address);
  g_free (search->key);
  g_clear_pointer (&search->place, mp2_place_free);
  g_clear_error (&search->error);
  g_free (search);
}

static void send_request (GTask *task);

static void
return_choice (GTask *task)
{
  SearchData *search = g_task_get_task_data (task);

  if (search->place != NULL)
    g_task_return_pointer (task, g_steal_pointer (&search->place),
                           (GDestroyNotify) mp2_place_free);
  else
    g_task_return_error (task, g_steal_pointer (&search->error));
}

static void
on_cache_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* A cache that cannot be written costs a request next time; the answer stands. */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep a geocoding answer: %s", error->message);

  return_choice (task);
}

/* Chooses the place of a fresh answer, keeps the answer when the choice is about the
 * address (a place, none, several), and returns the choice. */
static void
take_answer (GTask             *task,
             Mp2GeocoderAnswer *answer)
{
  SearchData *search = g_task_get_task_data (task);
  g_autoptr(GTask) write = NULL;
  CacheOp *op = NULL;

  search->place = mp2_geocoder_answer_choose (answer, search->address, &search->error);
  if (search->store == NULL)
    {
      return_choice (task);
      return;
    }

  write = new_cache_task (search->store, search->key, NULL, on_cache_written_cb,
                          g_object_ref (task));
  g_task_set_source_tag (write, take_answer);
  op = g_task_get_task_data (write);
  op->value = mp2_geocoder_answer_to_string (answer);
  op->ttl_seconds = search->place != NULL ? MP2_GEOCODER_CACHE_SECONDS
                                          : MP2_GEOCODER_NEGATIVE_CACHE_SECONDS;
  g_task_run_in_thread (write, write_cache_thread);
}

static gboolean
on_retry_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  send_request (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

/* The service answered "wait" in a 200 body: ask again after 1 s, then 2 s; the
 * request's cancellable ends the wait at once. */
static void
retry_later (GTask *task)
{
  SearchData *search = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GSource) timeout = NULL;

  timeout = g_timeout_source_new (1000u << search->body_retries);
  search->body_retries++;
  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (timeout, cancelled);
    }
  g_source_set_callback (timeout, on_retry_timeout_cb, task, g_object_unref);
  g_source_attach (timeout, g_task_get_context (task));
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SearchData *search = g_task_get_task_data (task);
  gpointer geocoder = g_task_get_source_object (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(Mp2GeocoderAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  GError *mapped = NULL;

  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result, &failed, &error);
  if (response == NULL)
    {
      if (search->provider->map_http_error != NULL)
        mapped = search->provider->map_http_error (geocoder, error, failed);
      if (mapped == NULL)
        mapped = mp2_geocoder_error_from_http (error, failed, search->provider->service_name);
      g_task_return_error (task, mapped);
      return;
    }

  answer = search->provider->parse (geocoder, response, &error);
  if (answer != NULL)
    {
      take_answer (task, answer);
      return;
    }

  if (g_error_matches (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE)
      && search->body_retries < MP2_GEOCODER_MAX_BODY_RETRIES
      && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_debug ("%s asks to wait; asking again", search->provider->service_name);
      retry_later (g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
send_request (GTask *task)
{
  SearchData *search = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;

  request = search->provider->new_request (g_task_get_source_object (task), search->address);
  mp2_http_client_send_async (search->http, request, g_task_get_cancellable (task),
                              on_sent_cb, task);
}

static void
on_cache_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SearchData *search = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autoptr(Mp2GeocoderAnswer) answer = NULL;

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (value != NULL)
    answer = mp2_geocoder_answer_from_string (value);
  if (answer == NULL)
    {
      send_request (g_steal_pointer (&task));
      return;
    }

  g_debug ("%s: the answer for an address came from the cache", search->provider->id);
  search->place = mp2_geocoder_answer_choose (answer, search->address, &search->error);
  return_choice (task);
}

/**
 * mp2_geocoder_search_run:
 * @task: (transfer full): the search's task, whose source object is the geocoder;
 *   it returns an #Mp2Place
 * @store: (nullable): the store whose cache to use
 * @address: the address as written
 *
 * Runs a search: an empty address fails at once; then the cache, the request, the
 * choice among the results and the cache again.
 */
void
mp2_geocoder_search_run (GTask                     *task,
                         const Mp2GeocoderProvider *provider,
                         Mp2HttpClient             *http,
                         Mp2Store                  *store,
                         const char                *address)
{
  SearchData *search = g_new0 (SearchData, 1);
  g_autoptr(GTask) read = NULL;

  search->provider = provider;
  search->http = g_object_ref (http);
  search->store = store != NULL ? g_object_ref (store) : NULL;
  search->address = mp2_geocoder_clean_address (address);
  search->key = mp2_geocoder_cache_key (provider->id, address);
  g_task_set_task_data (task, search, search_data_free);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (*search->address == '\0')
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NOT_FOUND,
                               _("There is no address to look for. Enter one."));
      g_object_unref (task);
      return;
    }

  if (store == NULL)
    {
      send_request (task);
      return;
    }

  read = new_cache_task (store, search->key, g_task_get_cancellable (task), on_cache_read_cb,
                         task);
  g_task_set_source_tag (read, mp2_geocoder_search_run);
  g_task_run_in_thread (read, read_cache_thread);
}
