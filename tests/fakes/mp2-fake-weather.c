/* mp2-fake-weather.c
 *
 * The fake weather services (see mp2-fake-weather.h): the server, the weather it
 * answers from, faults and counters. The two APIs are in mp2-fake-weather-open-meteo.c
 * and mp2-fake-weather-openweathermap.c, answering for any place and day in the
 * shapes of the contract samples compiled in from tests/data/contracts/samples
 * (open_meteo, openweathermap).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-weather"

#include "config.h"

#include "mp2-fake-weather-private.h"

#include "mp2-fake-weather-resources.h"

#include <math.h>
#include <string.h>

#define RESOURCE_PREFIX "/com/mp2/FakeWeather/samples/"

static const char * const api_names[N_APIS] = { "open-meteo", "openweathermap" };

G_DEFINE_FINAL_TYPE (Mp2FakeWeather, mp2_fake_weather, G_TYPE_OBJECT)

/* Helpers */

static gboolean
lookup_api (const char *name,
            Api        *api)
{
  for (guint i = 0; i < N_APIS; i++)
    {
      if (g_strcmp0 (name, api_names[i]) == 0)
        {
          *api = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
mp2_fake_weather_add_violation (Mp2FakeWeather *self,
                                const char     *format,
                                ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_message ("Contract violation: %s", text);
  g_ptr_array_add (self->violations, text);
}

JsonNode *
mp2_fake_weather_load_sample (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (mp2_fake_weather_data_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert (bytes != NULL);
  node = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);

  return node;
}

void
mp2_fake_weather_reply_json (SoupServerMessage *msg,
                             guint              status,
                             JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

void
mp2_fake_weather_reply_sample (SoupServerMessage *msg,
                               guint              status,
                               const char        *name)
{
  g_autoptr(JsonNode) node = mp2_fake_weather_load_sample (name);

  mp2_fake_weather_reply_json (msg, status, node);
}

void
mp2_fake_weather_reply_unavailable (SoupServerMessage *msg)
{
  static const char page[] = "<html><body><h1>503 Service Unavailable</h1></body></html>\n";

  soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

gboolean
mp2_fake_weather_parse_double (const char *text,
                               double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

void
mp2_fake_weather_check_parameters (Mp2FakeWeather     *self,
                                   Api                 api,
                                   GHashTable         *query,
                                   const char * const *known)
{
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        mp2_fake_weather_add_violation (self, "%s: unknown parameter “%s”", api_names[api],
                                        (char *) name);
    }
}
/* The weather */

double
mp2_fake_weather_round_to (double value,
                           double step)
{
  return isnan (value) ? value : round (value / step) * step;
}

static double
get_default_value (Mp2FakeWeather      *self,
                   Mp2FakeWeatherField  field,
                   GDateTime           *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, self->zone);
  double hour = g_date_time_get_hour (local);

  switch (field)
    {
    case MP2_FAKE_WEATHER_TEMPERATURE:
      return 10.0 + hour / 2;
    case MP2_FAKE_WEATHER_APPARENT_TEMPERATURE:
      return 8.0 + hour / 2;
    case MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY:
      return 10.0;
    case MP2_FAKE_WEATHER_PRECIPITATION:
      return 0.0;
    case MP2_FAKE_WEATHER_WEATHER_CODE:
      return 2.0;
    case MP2_FAKE_WEATHER_WIND_SPEED:
      return 4.0;
    case MP2_FAKE_WEATHER_WIND_GUSTS:
      return 7.0;
    default:
      g_assert_not_reached ();
    }
}

double
mp2_fake_weather_get_value (Mp2FakeWeather      *self,
                            Mp2FakeWeatherField  field,
                            GDateTime           *time)
{
  for (guint i = self->settings->len; i > 0; i--)
    {
      const Setting *setting = &g_array_index (self->settings, Setting, i - 1);

      if (setting->field == field && g_date_time_compare (setting->from, time) <= 0 &&
          g_date_time_compare (time, setting->until) < 0)
        return setting->value;
    }

  return get_default_value (self, field, time);
}

/* Sunrise or sunset on the local day that starts at @midnight. */
GDateTime *
mp2_fake_weather_new_sun_time (GDateTime *midnight,
                               int        hour,
                               int        minute)
{
  return g_date_time_new (g_date_time_get_timezone (midnight), g_date_time_get_year (midnight),
                          g_date_time_get_month (midnight),
                          g_date_time_get_day_of_month (midnight), hour, minute, 0);
}

/* The server */

static void
record_request (Mp2FakeWeather *self,
                Api             api,
                GHashTable     *query)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer name, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_hash_table_insert (copy, g_strdup (name), g_strdup (value));
    }

  self->counts[api]++;
  g_clear_pointer (&self->last_query[api], g_hash_table_unref);
  self->last_query[api] = copy;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Mp2FakeWeather *self = MP2_FAKE_WEATHER (user_data);
  g_autoptr(GHashTable) empty = NULL;
  Api api;

  if (query == NULL)
    query = empty = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_str_equal (path, "/v1/forecast"))
    api = API_OPEN_METEO;
  else if (g_str_equal (path, "/data/2.5/forecast"))
    api = API_OPENWEATHERMAP;
  else
    {
      mp2_fake_weather_add_violation (self, "no service at %s", path);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  record_request (self, api, query);

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      mp2_fake_weather_add_violation (self, "%s: %s instead of GET", api_names[api],
                                      soup_server_message_get_method (msg));
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  if (api == API_OPEN_METEO)
    mp2_fake_weather_handle_open_meteo (self, msg, query);
  else
    mp2_fake_weather_handle_openweathermap (self, msg, query);
}

static void
clear_setting (gpointer data)
{
  Setting *setting = data;

  g_clear_pointer (&setting->from, g_date_time_unref);
  g_clear_pointer (&setting->until, g_date_time_unref);
}

static void
mp2_fake_weather_finalize (GObject *object)
{
  Mp2FakeWeather *self = MP2_FAKE_WEATHER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->settings, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->faults, mp2_fake_fault_script_free);
  for (guint i = 0; i < N_APIS; i++)
    g_clear_pointer (&self->last_query[i], g_hash_table_unref);
  g_clear_pointer (&self->violations, g_ptr_array_unref);

  G_OBJECT_CLASS (mp2_fake_weather_parent_class)->finalize (object);
}

static void
mp2_fake_weather_class_init (Mp2FakeWeatherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_fake_weather_finalize;
}

static void
mp2_fake_weather_init (Mp2FakeWeather *self)
{
  self->settings = g_array_new (FALSE, TRUE, sizeof (Setting));
  g_array_set_clear_func (self->settings, clear_setting);
  self->zone = g_time_zone_new_identifier ("Europe/Warsaw");
  g_assert (self->zone != NULL);
  self->api_key = g_strdup (MP2_FAKE_WEATHER_API_KEY);
  self->past_days = OPEN_METEO_PAST_DAYS;
  self->faults = mp2_fake_fault_script_new ();
  self->violations = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mp2_fake_weather_new:
 * @error: where to report a failure to listen
 *
 * Starts the fake on a free port of 127.0.0.1, in the thread-default main context.
 *
 * Returns: (transfer full) (nullable): the fake
 */
Mp2FakeWeather *
mp2_fake_weather_new (GError **error)
{
  g_autoptr(Mp2FakeWeather) self = g_object_new (MP2_TYPE_FAKE_WEATHER, NULL);
  guint port = 0;

  self->server = mp2_fake_service_new_server ("mp2-fake-weather", on_request_cb, self, &port,
                                              error);
  if (self->server == NULL)
    return NULL;

  self->url = g_strdup_printf ("http://127.0.0.1:%u/", port);

  return g_steal_pointer (&self);
}

const char *
mp2_fake_weather_get_url (Mp2FakeWeather *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), NULL);

  return self->url;
}

void
mp2_fake_weather_export_environment (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_setenv ("MP2_OPEN_METEO_URL", self->url, TRUE);
  g_setenv ("MP2_OPENWEATHERMAP_URL", self->url, TRUE);
}

void
mp2_fake_weather_set_value (Mp2FakeWeather      *self,
                            Mp2FakeWeatherField  field,
                            GDateTime           *from,
                            GDateTime           *until,
                            double               value)
{
  Setting setting;

  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));
  g_return_if_fail (from != NULL && until != NULL);

  setting.field = field;
  setting.from = g_date_time_ref (from);
  setting.until = g_date_time_ref (until);
  setting.value = value;
  g_array_append_val (self->settings, setting);
}

void
mp2_fake_weather_set_time_zone (Mp2FakeWeather *self,
                                GTimeZone      *zone)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_unref (self->zone);
  self->zone = g_time_zone_ref (zone);
}

void
mp2_fake_weather_set_api_key (Mp2FakeWeather *self,
                              const char     *api_key)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_free (self->api_key);
  self->api_key = g_strdup (api_key);
}

void
mp2_fake_weather_set_past_days (Mp2FakeWeather *self,
                                guint           days)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  self->past_days = days;
}

void
mp2_fake_weather_set_numeric_cod (Mp2FakeWeather *self,
                                  gboolean        numeric)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  self->numeric_cod = !!numeric;
}

guint
mp2_fake_weather_add_fault (Mp2FakeWeather      *self,
                            const char          *api,
                            Mp2FakeWeatherFault  fault,
                            guint                skip,
                            guint                count)
{
  Api which;

  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), 0);
  g_return_val_if_fail (lookup_api (api, &which), 0);

  return mp2_fake_fault_script_add (self->faults, which, fault, skip, count);
}

guint
mp2_fake_weather_get_fault_hits (Mp2FakeWeather *self,
                                 guint           fault_id)
{
  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), 0);

  return mp2_fake_fault_script_get_hits (self->faults, fault_id);
}

void
mp2_fake_weather_clear_faults (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  mp2_fake_fault_script_clear (self->faults);
}

guint
mp2_fake_weather_get_request_count (Mp2FakeWeather *self,
                                    const char     *api)
{
  Api which;

  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), 0);
  g_return_val_if_fail (lookup_api (api, &which), 0);

  return self->counts[which];
}

void
mp2_fake_weather_reset_request_counts (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  for (guint i = 0; i < N_APIS; i++)
    {
      self->counts[i] = 0;
      g_clear_pointer (&self->last_query[i], g_hash_table_unref);
    }
}

const char *
mp2_fake_weather_get_last_parameter (Mp2FakeWeather *self,
                                     const char     *api,
                                     const char     *name)
{
  Api which;

  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), NULL);
  g_return_val_if_fail (lookup_api (api, &which), NULL);

  if (self->last_query[which] == NULL)
    return NULL;

  return g_hash_table_lookup (self->last_query[which], name);
}

GPtrArray *
mp2_fake_weather_get_violations (Mp2FakeWeather *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), NULL);

  return self->violations;
}

void
mp2_fake_weather_clear_violations (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_ptr_array_set_size (self->violations, 0);
}
