/* mp2-fake-geocoding.c
 *
 * The fake geocoders' server. Each request is routed by its path (Nominatim's
 * /search, Google's /maps/api/geocode/json), counted, checked against the service's
 * contract (method, parameters, Nominatim's usage policy, Google's key), offered to
 * the fault script, then answered with the sample chosen for its query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-geocoding"

#include "config.h"

#include "mp2-fake-geocoding.h"
#include "mp2-fake-service.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#define NOMINATIM_PATH "/search"
#define GOOGLE_PATH    "/maps/api/geocode/json"

/* Nominatim's usage policy: one request a second. A token bucket's timer may fire a
 * little early; anything closer than this is a second request in the same second. */
#define NOMINATIM_MIN_INTERVAL_US (900 * 1000)

/* libsoup 3.2 names no 429 (RFC 6585). */
#define STATUS_TOO_MANY_REQUESTS 429

/* Nominatim's largest `limit`. */
#define NOMINATIM_MAX_LIMIT 40

#define NOMINATIM_EMPTY        "nominatim/search_empty.constructed.json"
#define NOMINATIM_BAD_REQUEST  "nominatim/error_400_bad_parameter.constructed.json"
#define GOOGLE_ZERO_RESULTS    "geocoding/zero_results.fixture.json"
#define GOOGLE_REQUEST_DENIED  "directions_legacy/error_request_denied.constructed.json"
#define GOOGLE_OVER_QUERY      "directions_legacy/error_over_query_limit.fixture.json"

#define N_SERVICES 2

typedef struct
{
  GHashTable *answers;         /* normalised query -> sample */
  guint       requests;
  GHashTable *last_parameters; /* nullable */
  char       *last_user_agent;
  gint64      last_time;       /* monotonic µs of the last request; 0 before */
} Service;

struct _Mp2FakeGeocoding
{
  GObject     parent_instance;

  SoupServer *server;
  char       *url;
  Service     services[N_SERVICES];
  char       *google_key;
  gboolean    any_address;
  Mp2FakeFaultScript *faults;
  GPtrArray  *violations;      /* char * */
};

G_DEFINE_FINAL_TYPE (Mp2FakeGeocoding, mp2_fake_geocoding, G_TYPE_OBJECT)

static const char *nominatim_parameters[] = {
  "q", "format", "limit", "addressdetails", "accept-language", "countrycodes", "email",
  "extratags", "namedetails", "viewbox", "bounded", "dedupe", "layer", "featureType",
  "exclude_place_ids", "street", "city", "county", "state", "country", "postalcode",
  "amenity", "polygon_geojson", "polygon_kml", "polygon_svg", "polygon_text",
  "polygon_threshold", "entrances", "debug", "json_callback",
};

static const char *google_parameters[] = {
  "address", "key", "components", "bounds", "language", "region", "latlng", "place_id",
  "result_type", "location_type", "extra_computations",
};

static const char *
get_service_name (Mp2FakeGeocodingService service)
{
  return service == MP2_FAKE_GEOCODING_NOMINATIM ? "nominatim" : "google";
}

/* Case and runs of white space do not matter; nor a space before a comma. */
static char *
normalize_query (const char *query)
{
  g_autofree char *folded = g_utf8_casefold (query, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = folded; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isspace (u))
        {
          space = out->len > 0;
          continue;
        }
      if (space && u != ',')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, u);
    }

  return g_string_free (out, FALSE);
}

static void
add_violation (Mp2FakeGeocoding        *self,
               Mp2FakeGeocodingService  service,
               const char              *format,
               ...) G_GNUC_PRINTF (3, 4);

static void
add_violation (Mp2FakeGeocoding        *self,
               Mp2FakeGeocodingService  service,
               const char              *format,
               ...)
{
  g_autofree char *what = NULL;
  va_list args;
  char *text;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  text = g_strdup_printf ("%s: %s", get_service_name (service), what);
  g_message ("Contract violation: %s", text);
  g_ptr_array_add (self->violations, text);
}

/* Answers ------------------------------------------------------------------------------- */

static void
respond_sample (SoupServerMessage *msg,
                guint              status,
                const char        *sample)
{
  g_autofree char *path = g_build_filename (MP2_FAKE_GEOCODING_SAMPLES_DIR, sample, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("The fake geocoders have no sample %s: %s", sample, error->message);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8",
                                    SOUP_MEMORY_TAKE, contents, length);
}

static void
respond_text (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=UTF-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
respond_fault (SoupServerMessage       *msg,
               Mp2FakeGeocodingService  service,
               Mp2FakeGeocodingFault    fault)
{
  gboolean google = service == MP2_FAKE_GEOCODING_GOOGLE;

  switch (fault)
    {
    case MP2_FAKE_GEOCODING_FAULT_RATE_LIMIT:
      if (google)
        respond_sample (msg, STATUS_TOO_MANY_REQUESTS, GOOGLE_OVER_QUERY);
      else
        respond_text (msg, STATUS_TOO_MANY_REQUESTS, "Too Many Requests");
      break;

    case MP2_FAKE_GEOCODING_FAULT_SERVER_ERROR:
      respond_text (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "Service Unavailable");
      break;

    case MP2_FAKE_GEOCODING_FAULT_EMPTY:
      respond_sample (msg, SOUP_STATUS_OK, google ? GOOGLE_ZERO_RESULTS : NOMINATIM_EMPTY);
      break;

    case MP2_FAKE_GEOCODING_FAULT_REQUEST_DENIED:
      if (google)
        respond_sample (msg, SOUP_STATUS_OK, GOOGLE_REQUEST_DENIED);
      else
        respond_text (msg, SOUP_STATUS_FORBIDDEN, "Access blocked");
      break;

    case MP2_FAKE_GEOCODING_FAULT_OVER_QUERY_LIMIT:
      if (google)
        respond_sample (msg, SOUP_STATUS_OK, GOOGLE_OVER_QUERY);
      else
        respond_text (msg, STATUS_TOO_MANY_REQUESTS, "Too Many Requests");
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Any address (mp2_fake_geocoding_set_any_address ()) --------------------------------- */

/* Warsaw's centre, and how far from it a made-up place may be: about 7 km each way. */
#define WARSAW_LAT 52.2297
#define WARSAW_LON 21.0122
#define WARSAW_LAT_SPAN 0.06
#define WARSAW_LON_SPAN 0.10

/* FNV-1a: the same text is the same place in every run, whatever GLib's hash does. */
static guint64
hash_text (const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (const guchar *c = (const guchar *) text; *c != '\0'; c++)
    hash = (hash ^ *c) * G_GUINT64_CONSTANT (1099511628211);

  return hash;
}

static void
make_place (const char *normalized,
            double     *lat,
            double     *lon)
{
  guint64 hash = hash_text (normalized);

  *lat = WARSAW_LAT + ((double) (hash & 0xffffffff) / G_MAXUINT32 * 2 - 1) * WARSAW_LAT_SPAN;
  *lon = WARSAW_LON + ((double) (hash >> 32) / G_MAXUINT32 * 2 - 1) * WARSAW_LON_SPAN;
}

/* The place's name says that it was put in Warsaw, unless the address is there. */
static char *
make_place_name (const char *query,
                 const char *normalized)
{
  if (strstr (normalized, "warszawa") != NULL)
    return g_strdup_printf ("%s, Polska", query);

  return g_strdup_printf ("%s (placed in Warszawa by the fake)", query);
}

static void
respond_made_up (SoupServerMessage       *msg,
                 Mp2FakeGeocodingService  service,
                 const char              *query,
                 const char              *normalized)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *name = make_place_name (query, normalized);
  g_autofree char *text = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double lat, lon;

  make_place (normalized, &lat, &lon);
  if (service == MP2_FAKE_GEOCODING_NOMINATIM)
    {
      /* jsonv2: one building, coordinates as strings */
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "place_id");
      json_builder_add_int_value (builder, (gint64) (hash_text (normalized) & 0x7fffffff));
      json_builder_set_member_name (builder, "osm_type");
      json_builder_add_string_value (builder, "way");
      json_builder_set_member_name (builder, "lat");
      json_builder_add_string_value (builder, g_ascii_formatd (number, sizeof number, "%.7f", lat));
      json_builder_set_member_name (builder, "lon");
      json_builder_add_string_value (builder, g_ascii_formatd (number, sizeof number, "%.7f", lon));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, "building");
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "yes");
      json_builder_set_member_name (builder, "place_rank");
      json_builder_add_int_value (builder, 30);
      json_builder_set_member_name (builder, "importance");
      json_builder_add_double_value (builder, 0.00001);
      json_builder_set_member_name (builder, "addresstype");
      json_builder_add_string_value (builder, "building");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, "");
      json_builder_set_member_name (builder, "display_name");
      json_builder_add_string_value (builder, name);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "results");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "formatted_address");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "geometry");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "location");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, lat);
      json_builder_set_member_name (builder, "lng");
      json_builder_add_double_value (builder, lon);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "location_type");
      json_builder_add_string_value (builder, "ROOFTOP");
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "types");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "street_address");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "OK");
      json_builder_end_object (builder);
    }

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
respond_answer (Mp2FakeGeocoding        *self,
                SoupServerMessage       *msg,
                Mp2FakeGeocodingService  service,
                const char              *query)
{
  g_autofree char *normalized = normalize_query (query);
  const char *sample = g_hash_table_lookup (self->services[service].answers, normalized);

  if (sample == NULL && self->any_address)
    {
      respond_made_up (msg, service, query, normalized);
      return;
    }
  if (sample == NULL)
    sample = service == MP2_FAKE_GEOCODING_GOOGLE ? GOOGLE_ZERO_RESULTS : NOMINATIM_EMPTY;

  respond_sample (msg, SOUP_STATUS_OK, sample);
}

/* Checks --------------------------------------------------------------------------------- */

static gboolean
check_parameters (Mp2FakeGeocoding        *self,
                  Mp2FakeGeocodingService  service,
                  GHashTable              *query,
                  const char * const      *known,
                  gsize                    n_known)
{
  GHashTableIter iter;
  gpointer name;
  gboolean ok = TRUE;

  if (query == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      gboolean found = FALSE;

      for (gsize i = 0; i < n_known && !found; i++)
        found = g_str_equal (name, known[i]);
      if (!found)
        {
          add_violation (self, service, "unknown parameter %s", (const char *) name);
          ok = FALSE;
        }
    }

  return ok;
}

/* A User-Agent that names the app and says where to find it, not a library's. */
static void
check_user_agent (Mp2FakeGeocoding *self,
                  const char       *user_agent)
{
  static const char *stock[] = { "libsoup", "curl", "wget", "python", "java", "go-http" };
  g_autofree char *lower = NULL;

  if (user_agent == NULL || *user_agent == '\0')
    {
      add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM,
                     "no User-Agent (the usage policy asks for one that names the app)");
      return;
    }

  lower = g_ascii_strdown (user_agent, -1);
  for (guint i = 0; i < G_N_ELEMENTS (stock); i++)
    {
      if (g_str_has_prefix (lower, stock[i]))
        {
          add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM,
                         "the User-Agent \"%s\" is a library's, not the app's", user_agent);
          return;
        }
    }

  if (strstr (lower, "http") == NULL)
    add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM,
                   "the User-Agent \"%s\" gives no address to reach the app's authors",
                   user_agent);
}

static gboolean
check_nominatim (Mp2FakeGeocoding *self,
                 GHashTable       *query)
{
  const char *q = query != NULL ? g_hash_table_lookup (query, "q") : NULL;
  const char *format = query != NULL ? g_hash_table_lookup (query, "format") : NULL;
  const char *limit = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  const char *details = query != NULL ? g_hash_table_lookup (query, "addressdetails") : NULL;
  gboolean ok = check_parameters (self, MP2_FAKE_GEOCODING_NOMINATIM, query,
                                  nominatim_parameters, G_N_ELEMENTS (nominatim_parameters));
  guint64 number = 0;

  if (q == NULL || *q == '\0')
    {
      add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM, "no q");
      ok = FALSE;
    }
  if (g_strcmp0 (format, "jsonv2") != 0)
    {
      add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM, "format is %s, not jsonv2",
                     format != NULL ? format : "missing (xml)");
      ok = FALSE;
    }
  if (limit != NULL
      && (!g_ascii_string_to_unsigned (limit, 10, 1, NOMINATIM_MAX_LIMIT, &number, NULL)))
    {
      add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM, "limit %s is not 1 to %d", limit,
                     NOMINATIM_MAX_LIMIT);
      ok = FALSE;
    }
  if (details != NULL && g_strcmp0 (details, "0") != 0 && g_strcmp0 (details, "1") != 0)
    {
      add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM, "addressdetails %s is not 0 or 1",
                     details);
      ok = FALSE;
    }

  return ok;
}

static void
check_rate (Mp2FakeGeocoding *self)
{
  Service *state = &self->services[MP2_FAKE_GEOCODING_NOMINATIM];
  gint64 now = g_get_monotonic_time ();

  if (state->last_time != 0 && now - state->last_time < NOMINATIM_MIN_INTERVAL_US)
    add_violation (self, MP2_FAKE_GEOCODING_NOMINATIM,
                   "two requests %" G_GINT64_FORMAT " ms apart (at most one a second)",
                   (now - state->last_time) / 1000);
  state->last_time = now;
}

/* Services ------------------------------------------------------------------------------- */

static void
handle_nominatim (Mp2FakeGeocoding  *self,
                  SoupServerMessage *msg,
                  GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const Mp2FakeScriptedFault *fault = NULL;

  check_user_agent (self, soup_message_headers_get_one (headers, "User-Agent"));
  check_rate (self);
  if (!check_nominatim (self, query))
    {
      respond_sample (msg, SOUP_STATUS_BAD_REQUEST, NOMINATIM_BAD_REQUEST);
      return;
    }

  fault = mp2_fake_fault_script_take (self->faults, MP2_FAKE_GEOCODING_NOMINATIM);
  if (fault != NULL)
    {
      respond_fault (msg, MP2_FAKE_GEOCODING_NOMINATIM, fault->fault);
      return;
    }

  respond_answer (self, msg, MP2_FAKE_GEOCODING_NOMINATIM, g_hash_table_lookup (query, "q"));
}

static void
handle_google (Mp2FakeGeocoding  *self,
               SoupServerMessage *msg,
               GHashTable        *query)
{
  const char *address = query != NULL ? g_hash_table_lookup (query, "address") : NULL;
  const char *key = query != NULL ? g_hash_table_lookup (query, "key") : NULL;
  const Mp2FakeScriptedFault *fault = NULL;

  if (!check_parameters (self, MP2_FAKE_GEOCODING_GOOGLE, query, google_parameters,
                         G_N_ELEMENTS (google_parameters)))
    {
      respond_sample (msg, SOUP_STATUS_OK, GOOGLE_REQUEST_DENIED);
      return;
    }

  /* Google answers a request without a key REQUEST_DENIED; the app must not send one. */
  if (key == NULL || *key == '\0')
    {
      add_violation (self, MP2_FAKE_GEOCODING_GOOGLE, "no key");
      respond_sample (msg, SOUP_STATUS_OK, GOOGLE_REQUEST_DENIED);
      return;
    }
  if (address == NULL || *address == '\0')
    {
      add_violation (self, MP2_FAKE_GEOCODING_GOOGLE, "no address");
      respond_sample (msg, SOUP_STATUS_OK, GOOGLE_REQUEST_DENIED);
      return;
    }

  if (g_strcmp0 (key, self->google_key) != 0)
    {
      respond_sample (msg, SOUP_STATUS_OK, GOOGLE_REQUEST_DENIED);
      return;
    }

  fault = mp2_fake_fault_script_take (self->faults, MP2_FAKE_GEOCODING_GOOGLE);
  if (fault != NULL)
    {
      respond_fault (msg, MP2_FAKE_GEOCODING_GOOGLE, fault->fault);
      return;
    }

  respond_answer (self, msg, MP2_FAKE_GEOCODING_GOOGLE, address);
}

static void
remember_request (Mp2FakeGeocoding        *self,
                  Mp2FakeGeocodingService  service,
                  SoupServerMessage       *msg,
                  GHashTable              *query)
{
  Service *state = &self->services[service];
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  state->requests++;
  g_clear_pointer (&state->last_parameters, g_hash_table_unref);
  if (query != NULL)
    state->last_parameters = g_hash_table_ref (query);
  g_free (state->last_user_agent);
  state->last_user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Mp2FakeGeocoding *self = user_data;
  Mp2FakeGeocodingService service;

  if (g_str_equal (path, NOMINATIM_PATH))
    service = MP2_FAKE_GEOCODING_NOMINATIM;
  else if (g_str_equal (path, GOOGLE_PATH))
    service = MP2_FAKE_GEOCODING_GOOGLE;
  else
    {
      g_autofree char *what = g_strdup_printf ("no service at %s", path);

      g_message ("Contract violation: %s", what);
      g_ptr_array_add (self->violations, g_steal_pointer (&what));
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }

  remember_request (self, service, msg, query);
  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      add_violation (self, service, "method %s, not GET", soup_server_message_get_method (msg));
      respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
      return;
    }

  if (service == MP2_FAKE_GEOCODING_NOMINATIM)
    handle_nominatim (self, msg, query);
  else
    handle_google (self, msg, query);
}

/* GObject -------------------------------------------------------------------------------- */

static void
mp2_fake_geocoding_dispose (GObject *object)
{
  Mp2FakeGeocoding *self = MP2_FAKE_GEOCODING (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (mp2_fake_geocoding_parent_class)->dispose (object);
}

static void
mp2_fake_geocoding_finalize (GObject *object)
{
  Mp2FakeGeocoding *self = MP2_FAKE_GEOCODING (object);

  for (guint i = 0; i < N_SERVICES; i++)
    {
      g_clear_pointer (&self->services[i].answers, g_hash_table_unref);
      g_clear_pointer (&self->services[i].last_parameters, g_hash_table_unref);
      g_clear_pointer (&self->services[i].last_user_agent, g_free);
    }
  g_clear_pointer (&self->google_key, g_free);
  g_clear_pointer (&self->faults, mp2_fake_fault_script_free);
  g_clear_pointer (&self->violations, g_ptr_array_unref);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (mp2_fake_geocoding_parent_class)->finalize (object);
}

static void
mp2_fake_geocoding_class_init (Mp2FakeGeocodingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_fake_geocoding_dispose;
  object_class->finalize = mp2_fake_geocoding_finalize;
}

static void
mp2_fake_geocoding_init (Mp2FakeGeocoding *self)
{
  for (guint i = 0; i < N_SERVICES; i++)
    self->services[i].answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->google_key = g_strdup (MP2_FAKE_GEOCODING_GOOGLE_KEY);
  self->faults = mp2_fake_fault_script_new ();
  self->violations = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mp2_fake_geocoding_new:
 *
 * A fake listening on a free port of 127.0.0.1, in the thread's default main context.
 *
 * Returns: (transfer full) (nullable): the fake, or %NULL with @error set
 */
Mp2FakeGeocoding *
mp2_fake_geocoding_new (GError **error)
{
  g_autoptr(Mp2FakeGeocoding) self = g_object_new (MP2_TYPE_FAKE_GEOCODING, NULL);
  guint port = 0;

  self->server = mp2_fake_service_new_server ("mp2-fake-geocoding ", on_request_cb, self, &port,
                                              error);
  if (self->server == NULL)
    return NULL;

  self->url = g_strdup_printf ("http://127.0.0.1:%u", port);

  return g_steal_pointer (&self);
}

/**
 * mp2_fake_geocoding_get_url:
 *
 * Returns: `http://127.0.0.1:PORT`, without a trailing slash
 */
const char *
mp2_fake_geocoding_get_url (Mp2FakeGeocoding *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), NULL);

  return self->url;
}

/**
 * mp2_fake_geocoding_export_environment:
 *
 * Points `MP2_NOMINATIM_URL` and `MP2_GEOCODING_URL` at the fake.
 */
void
mp2_fake_geocoding_export_environment (Mp2FakeGeocoding *self)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));

  g_setenv ("MP2_NOMINATIM_URL", self->url, TRUE);
  g_setenv ("MP2_GEOCODING_URL", self->url, TRUE);
}

/**
 * mp2_fake_geocoding_set_answer:
 * @query: Nominatim's `q` or Google's `address`, matched without regard to case and
 *   runs of white space
 * @sample: a file under tests/data/contracts/samples, answered with 200
 */
void
mp2_fake_geocoding_set_answer (Mp2FakeGeocoding        *self,
                               Mp2FakeGeocodingService  service,
                               const char              *query,
                               const char              *sample)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));
  g_return_if_fail (service < N_SERVICES);
  g_return_if_fail (query != NULL);
  g_return_if_fail (sample != NULL);

  g_hash_table_replace (self->services[service].answers, normalize_query (query),
                        g_strdup (sample));
}

/**
 * mp2_fake_geocoding_set_any_address:
 * @any: whether queries without an answer are found
 *
 * For the demo: a query without an answer set gets one place, made up from a hash of
 * its text, within 7 km of Warsaw's centre (the same text, the same place).
 */
void
mp2_fake_geocoding_set_any_address (Mp2FakeGeocoding *self,
                                    gboolean          any)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));

  self->any_address = any;
}

/**
 * mp2_fake_geocoding_set_google_key:
 * @key: the only key Google accepts; others get `REQUEST_DENIED`
 */
void
mp2_fake_geocoding_set_google_key (Mp2FakeGeocoding *self,
                                   const char       *key)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));
  g_return_if_fail (key != NULL);

  g_free (self->google_key);
  self->google_key = g_strdup (key);
}

/**
 * mp2_fake_geocoding_add_fault:
 * @skip: how many requests to @service pass first
 * @count: how many then get @fault; 0 for all
 *
 * Faults are tried in the order they were added; a request that passes the
 * contract checks gets the first that takes it.
 *
 * Returns: the fault's id
 */
guint
mp2_fake_geocoding_add_fault (Mp2FakeGeocoding        *self,
                              Mp2FakeGeocodingService  service,
                              Mp2FakeGeocodingFault    fault,
                              guint                    skip,
                              guint                    count)
{
  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), 0);
  g_return_val_if_fail (service < N_SERVICES, 0);

  return mp2_fake_fault_script_add (self->faults, service, fault, skip, count);
}

/**
 * mp2_fake_geocoding_get_fault_hits:
 *
 * Returns: how many requests the fault answered
 */
guint
mp2_fake_geocoding_get_fault_hits (Mp2FakeGeocoding *self,
                                   guint             fault_id)
{
  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), 0);

  return mp2_fake_fault_script_get_hits (self->faults, fault_id);
}

void
mp2_fake_geocoding_clear_faults (Mp2FakeGeocoding *self)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));

  mp2_fake_fault_script_clear (self->faults);
}

/**
 * mp2_fake_geocoding_get_request_count:
 *
 * Returns: the requests @service received (faulted and refused ones too) since the
 *   fake was made or the counts reset
 */
guint
mp2_fake_geocoding_get_request_count (Mp2FakeGeocoding        *self,
                                      Mp2FakeGeocodingService  service)
{
  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), 0);
  g_return_val_if_fail (service < N_SERVICES, 0);

  return self->services[service].requests;
}

void
mp2_fake_geocoding_reset_request_counts (Mp2FakeGeocoding *self)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));

  for (guint i = 0; i < N_SERVICES; i++)
    self->services[i].requests = 0;
}

/**
 * mp2_fake_geocoding_dup_last_parameter:
 * @name: a query parameter
 *
 * Returns: (transfer full) (nullable): its value in the last request to @service
 */
char *
mp2_fake_geocoding_dup_last_parameter (Mp2FakeGeocoding        *self,
                                       Mp2FakeGeocodingService  service,
                                       const char              *name)
{
  GHashTable *parameters;

  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), NULL);
  g_return_val_if_fail (service < N_SERVICES, NULL);

  parameters = self->services[service].last_parameters;

  return parameters != NULL ? g_strdup (g_hash_table_lookup (parameters, name)) : NULL;
}

/**
 * mp2_fake_geocoding_dup_last_user_agent:
 *
 * Returns: (transfer full) (nullable): the User-Agent of the last request to @service
 */
char *
mp2_fake_geocoding_dup_last_user_agent (Mp2FakeGeocoding        *self,
                                        Mp2FakeGeocodingService  service)
{
  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), NULL);
  g_return_val_if_fail (service < N_SERVICES, NULL);

  return g_strdup (self->services[service].last_user_agent);
}

/**
 * mp2_fake_geocoding_dup_violations_text:
 *
 * Returns: (transfer full): the violations, one a line; "" when there is none
 */
char *
mp2_fake_geocoding_dup_violations_text (Mp2FakeGeocoding *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MP2_IS_FAKE_GEOCODING (self), g_string_free (text, FALSE));

  for (guint i = 0; i < self->violations->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (self->violations,
                                                                            i));

  return g_string_free (text, FALSE);
}

void
mp2_fake_geocoding_clear_violations (Mp2FakeGeocoding *self)
{
  g_return_if_fail (MP2_IS_FAKE_GEOCODING (self));

  g_ptr_array_set_size (self->violations, 0);
}
