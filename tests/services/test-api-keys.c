/* test-api-keys.c
 *
 * The API keys in the private session's gnome-keyring (build-aux/session.sh): stored,
 * found, replaced, kept apart per service, deleted, and items of the schema
 * "com.mp2.FilmSchedule.ApiKey" with the attribute "service" that the keyring shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-api-keys.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 30

#define MAPS_KEY    "AIzaTestMapsKey-0123456789abcdefghij"
#define MAPS_KEY_2  "AIzaTestMapsKey-second-9876543210zyx"
#define WEATHER_KEY "0123456789abcdef0123456789abcdef"

static char *
lookup (const char *service)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key = NULL;

  mp2_api_key_lookup_async (service, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the key from the keyring");
  key = mp2_api_key_lookup_finish (result, &error);
  g_assert_no_error (error);

  return key;
}

static void
store (const char *service,
       const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_api_key_store_async (service, key, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the key stored");
  g_assert_true (mp2_api_key_store_finish (result, &error));
  g_assert_no_error (error);
}

static void
clear (const char *service)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_api_key_clear_async (service, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the key deleted");
  g_assert_true (mp2_api_key_clear_finish (result, &error));
  g_assert_no_error (error);
}

static void
assert_key (const char *service,
            const char *expected)
{
  char *key = lookup (service);

  g_assert_cmpstr (key, ==, expected);
  mp2_api_key_free (key);
}

/* The items as another program sees them: by schema and attribute. */
static guint
count_items (const char *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items = NULL;
  guint n;

  g_hash_table_insert (attributes, (gpointer) "service", (gpointer) service);
  items = secret_service_search_sync (NULL, mp2_api_key_get_schema (), attributes,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);

  return n;
}

static void
set_up (void)
{
  clear (MP2_API_KEY_GOOGLE_MAPS);
  clear (MP2_API_KEY_OPENWEATHERMAP);
}

static void
test_store_lookup_clear (void)
{
  set_up ();
  assert_key (MP2_API_KEY_GOOGLE_MAPS, NULL);

  store (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  assert_key (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  g_assert_cmpuint (count_items (MP2_API_KEY_GOOGLE_MAPS), ==, 1);

  clear (MP2_API_KEY_GOOGLE_MAPS);
  assert_key (MP2_API_KEY_GOOGLE_MAPS, NULL);
  g_assert_cmpuint (count_items (MP2_API_KEY_GOOGLE_MAPS), ==, 0);

  /* deleting what is not there is done too */
  clear (MP2_API_KEY_GOOGLE_MAPS);
}

/* A new key replaces the old: one item per service. */
static void
test_replace (void)
{
  set_up ();
  store (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  store (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY_2);

  assert_key (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY_2);
  g_assert_cmpuint (count_items (MP2_API_KEY_GOOGLE_MAPS), ==, 1);
  set_up ();
}

static void
test_services_apart (void)
{
  set_up ();
  store (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  store (MP2_API_KEY_OPENWEATHERMAP, WEATHER_KEY);

  assert_key (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  assert_key (MP2_API_KEY_OPENWEATHERMAP, WEATHER_KEY);

  clear (MP2_API_KEY_OPENWEATHERMAP);
  assert_key (MP2_API_KEY_OPENWEATHERMAP, NULL);
  assert_key (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  set_up ();
}

/* An empty key from Preferences deletes the stored one. */
static void
test_store_empty (void)
{
  set_up ();
  store (MP2_API_KEY_OPENWEATHERMAP, WEATHER_KEY);
  store (MP2_API_KEY_OPENWEATHERMAP, "");
  assert_key (MP2_API_KEY_OPENWEATHERMAP, NULL);

  store (MP2_API_KEY_OPENWEATHERMAP, WEATHER_KEY);
  store (MP2_API_KEY_OPENWEATHERMAP, NULL);
  assert_key (MP2_API_KEY_OPENWEATHERMAP, NULL);
  g_assert_cmpuint (count_items (MP2_API_KEY_OPENWEATHERMAP), ==, 0);
}

/* The item's label says whose key it is, for Seahorse. */
static void
test_label (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items = NULL;
  g_autofree char *label = NULL;

  set_up ();
  store (MP2_API_KEY_GOOGLE_MAPS, MAPS_KEY);
  g_hash_table_insert (attributes, (gpointer) "service", (gpointer) MP2_API_KEY_GOOGLE_MAPS);
  items = secret_service_search_sync (NULL, mp2_api_key_get_schema (), attributes,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_item_get_label (items->data);
  g_assert_cmpstr (label, ==, "Film Schedule: Google Maps API key");
  g_assert_cmpstr (secret_item_get_schema_name (items->data), ==,
                   "com.mp2.FilmSchedule.ApiKey");
  g_list_free_full (items, g_object_unref);
  set_up ();
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key = NULL;

  g_cancellable_cancel (cancellable);
  mp2_api_key_lookup_async (MP2_API_KEY_GOOGLE_MAPS, cancellable, mp2_test_on_result_cb,
                            &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the cancelled lookup");
  key = mp2_api_key_lookup_finish (result, &error);
  g_assert_null (key);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api-keys/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/api-keys/replace", test_replace);
  g_test_add_func ("/api-keys/services-apart", test_services_apart);
  g_test_add_func ("/api-keys/store-empty", test_store_empty);
  g_test_add_func ("/api-keys/label", test_label);
  g_test_add_func ("/api-keys/cancelled", test_cancelled);

  return g_test_run ();
}
