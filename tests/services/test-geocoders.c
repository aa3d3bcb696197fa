/* test-geocoders.c
 *
 * Mp2NominatimGeocoder and Mp2GoogleGeocoder against the fake geocoders
 * (tests/fakes/mp2-fake-geocoding.h) over 127.0.0.1, with a real store's cache:
 * a place found, none, several far apart (reported, not guessed), results close
 * together or of very different importance (the first taken), Google's partial
 * match, 429 and OVER_QUERY_LIMIT then success, a server that stays down, a refused
 * key, no key (nothing sent), the cache (a second search of the same address,
 * however written, sends nothing), Nominatim's usage policy (User-Agent, one
 * request a second) and no key in the log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mp2-fake-geocoding.h"
#include "mp2-geocoder-private.h"
#include "mp2-google-geocoder.h"
#include "mp2-nominatim-geocoder.h"
#include "mp2-planning-limits.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 30

#define CHELMSKA       "Chełmska 21, Warszawa"
#define OGRODOWA       "Ogrodowa 5"
#define NOWHERE        "Nieistniejąca 99, Nibylandia"

#define NOMINATIM      MP2_FAKE_GEOCODING_NOMINATIM
#define GOOGLE         MP2_FAKE_GEOCODING_GOOGLE

/* Every log line of the program, for the check that the key is in none. */
static GMutex log_mutex;
static GString *log_text;

typedef struct
{
  Mp2FakeGeocoding     *fake;
  Mp2HttpClient        *http;
  char                 *store_dir;
  Mp2Store             *store;
  Mp2NominatimGeocoder *nominatim;
  Mp2GoogleGeocoder    *google;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *url;

  fixture->fake = mp2_fake_geocoding_new (&error);
  g_assert_no_error (error);
  url = mp2_fake_geocoding_get_url (fixture->fake);

  fixture->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (fixture->http, TRUE);
  mp2_http_client_set_retry_policy (fixture->http, 10, 50, 3);
  mp2_http_client_set_breaker (fixture->http, 100, 1);
  mp2_planning_configure_rate_limits (fixture->http);

  fixture->store_dir = g_dir_make_tmp ("mp2-geocoders-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = mp2_store_open (fixture->store_dir, &error);
  g_assert_no_error (error);

  fixture->nominatim = mp2_nominatim_geocoder_new (fixture->http, fixture->store, url);
  fixture->google = mp2_google_geocoder_new (fixture->http, fixture->store, url);
  mp2_google_geocoder_set_api_key (fixture->google, MP2_FAKE_GEOCODING_GOOGLE_KEY);

  mp2_fake_geocoding_set_answer (fixture->fake, NOMINATIM, CHELMSKA,
                                 "nominatim/search_chelmska.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, NOMINATIM, OGRODOWA,
                                 "nominatim/search_ambiguous_ogrodowa.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, NOMINATIM, "Chełmska 21",
                                 "nominatim/search_near_duplicates.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, NOMINATIM, "Warszawa",
                                 "nominatim/search_warszawa.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, GOOGLE, CHELMSKA,
                                 "geocoding/geocode_chelmska_warsaw.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, GOOGLE, OGRODOWA,
                                 "geocoding/geocode_ambiguous_ogrodowa.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, GOOGLE, "Chełmska 210, Warszawa",
                                 "geocoding/geocode_partial_match_chelmska.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->fake, GOOGLE, "Sydney",
                                 "geocoding/geocode_sydney.fixture.json");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mp2_fake_geocoding_assert_no_violations (fixture->fake);
  g_clear_object (&fixture->nominatim);
  g_clear_object (&fixture->google);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->fake);
  mp2_test_remove_tree (fixture->store_dir);
  g_clear_pointer (&fixture->store_dir, g_free);
}

static Mp2Place *
search_with (Mp2Geocoder   *geocoder,
             const char    *address,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_geocoder_search_async (geocoder, address, cancellable, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the geocoder's answer");

  return mp2_geocoder_search_finish (geocoder, result, error);
}

static Mp2Place *
search (gpointer    geocoder,
        const char *address,
        GError    **error)
{
  return search_with (MP2_GEOCODER (geocoder), address, NULL, error);
}

static Mp2Place *
search_found (gpointer    geocoder,
              const char *address)
{
  g_autoptr(GError) error = NULL;
  Mp2Place *place = search (geocoder, address, &error);

  g_assert_no_error (error);
  g_assert_nonnull (place);

  return place;
}

static void
assert_search_fails (gpointer      geocoder,
                     const char   *address,
                     Mp2PlanError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Place) place = search (geocoder, address, &error);

  g_assert_null (place);
  g_assert_error (error, MP2_PLAN_ERROR, (int) code);
}

static GError *
search_error (gpointer      geocoder,
              const char   *address,
              Mp2PlanError  code)
{
  GError *error = NULL;
  g_autoptr(Mp2Place) place = search (geocoder, address, &error);

  g_assert_null (place);
  g_assert_error (error, MP2_PLAN_ERROR, (int) code);

  return error;
}

static void
assert_place (const Mp2Place *place,
              double          latitude,
              double          longitude,
              const char     *name)
{
  g_assert_cmpfloat_with_epsilon (place->latitude, latitude, 1e-7);
  g_assert_cmpfloat_with_epsilon (place->longitude, longitude, 1e-7);
  g_assert_cmpstr (place->name, ==, name);
}

static guint
count (Fixture                 *fixture,
       Mp2FakeGeocodingService  service)
{
  return mp2_fake_geocoding_get_request_count (fixture->fake, service);
}

static void
assert_parameter (Fixture                 *fixture,
                  Mp2FakeGeocodingService  service,
                  const char              *name,
                  const char              *value)
{
  g_autofree char *sent = mp2_fake_geocoding_dup_last_parameter (fixture->fake, service, name);

  g_assert_cmpstr (sent, ==, value);
}

/* Addresses -------------------------------------------------------------------------------- */

static void
test_normalize_address (void)
{
  static const struct
  {
    const char *address;
    const char *clean;
    const char *normalized;
  } cases[] = {
    { "Chełmska 21, Warszawa", "Chełmska 21, Warszawa", "chełmska 21, warszawa" },
    { "  CHEŁMSKA\t21 ,\n WARSZAWA  ", "CHEŁMSKA 21, WARSZAWA", "chełmska 21, warszawa" },
    /* a no-break space is a space */
    { "Chełmska\xc2\xa0" "21", "Chełmska 21", "chełmska 21" },
    { "Łódź,Piotrkowska 1,", "Łódź, Piotrkowska 1,", "łódź, piotrkowska 1," },
    { " \t\n", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = mp2_geocoder_clean_address (cases[i].address);
      g_autofree char *normalized = mp2_geocoder_normalize_address (cases[i].address);

      g_assert_cmpstr (clean, ==, cases[i].clean);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }

  {
    /* "ó" as one character and as o + combining acute: one key */
    g_autofree char *composed = mp2_geocoder_cache_key ("nominatim", "Kraków");
    g_autofree char *decomposed = mp2_geocoder_cache_key ("nominatim", "KRAKO\xcc\x81W");

    g_assert_cmpstr (composed, ==, "geocode:nominatim:kraków");
    g_assert_cmpstr (decomposed, ==, composed);
  }
}

/* Nominatim -------------------------------------------------------------------------------- */

static void
test_nominatim_found (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Mp2Place) place = NULL;
  g_autofree char *user_agent = NULL;

  g_assert_cmpstr (mp2_geocoder_get_id (MP2_GEOCODER (fixture->nominatim)), ==, "nominatim");

  place = search_found (fixture->nominatim, CHELMSKA);
  assert_place (place, 52.1925376, 21.0436954,
                "21, Chełmska, Sielce, Mokotów, Warszawa, województwo mazowieckie, 00-724, "
                "Polska");

  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 1);
  assert_parameter (fixture, NOMINATIM, "q", CHELMSKA);
  assert_parameter (fixture, NOMINATIM, "format", "jsonv2");
  assert_parameter (fixture, NOMINATIM, "limit", "5");
  assert_parameter (fixture, NOMINATIM, "addressdetails", "0");

  /* The usage policy: a User-Agent that names the app (the fake checks it too). */
  user_agent = mp2_fake_geocoding_dup_last_user_agent (fixture->fake, NOMINATIM);
  g_assert_nonnull (user_agent);
  g_assert_true (g_str_has_prefix (user_agent, "FilmSchedule/" PACKAGE_VERSION));
  g_assert_nonnull (strstr (user_agent, PACKAGE_WEBSITE));
}

static void
test_nominatim_not_found (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = search_error (fixture->nominatim, NOWHERE,
                                          MP2_PLAN_ERROR_NOT_FOUND);

  g_assert_nonnull (strstr (error->message, NOWHERE));
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 1);
}

static void
test_nominatim_ambiguous (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = search_error (fixture->nominatim, OGRODOWA,
                                          MP2_PLAN_ERROR_AMBIGUOUS);

  g_assert_nonnull (strstr (error->message, "“" OGRODOWA "”"));
  g_assert_nonnull (strstr (error->message, "5, Ogrodowa, Mirów, Wola, Warszawa"));
  g_assert_nonnull (strstr (error->message, "5, Ogrodowa, Stare Polesie, Polesie, Łódź"));
}

/* Two results 150 m apart are one place; a far second of much less importance (a
 * hamlet called Warszawa) does not make the capital ambiguous. */
static void
test_nominatim_first_result (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(Mp2Place) near = search_found (fixture->nominatim, "Chełmska 21");
  g_autoptr(Mp2Place) city = search_found (fixture->nominatim, "Warszawa");

  g_assert_cmpfloat_with_epsilon (near->latitude, 52.1925376, 1e-7);
  assert_place (city, 52.2319581, 21.0067249, "Warszawa, województwo mazowieckie, Polska");
}

static void
test_nominatim_rate_limited (Fixture       *fixture,
                             gconstpointer  data)
{
  guint fault = mp2_fake_geocoding_add_fault (fixture->fake, NOMINATIM,
                                              MP2_FAKE_GEOCODING_FAULT_RATE_LIMIT, 0, 1);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(Mp2Place) place = search_found (fixture->nominatim, CHELMSKA);

  g_assert_cmpfloat_with_epsilon (place->latitude, 52.1925376, 1e-7);
  g_assert_cmpuint (mp2_fake_geocoding_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 2);
  /* the second try waited for the "nominatim" bucket: one request a second */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
}

static void
test_nominatim_blocked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  mp2_fake_geocoding_add_fault (fixture->fake, NOMINATIM,
                                MP2_FAKE_GEOCODING_FAULT_REQUEST_DENIED, 0, 0);
  error = search_error (fixture->nominatim, CHELMSKA, MP2_PLAN_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "OpenStreetMap"));
  /* a 403 is not tried again */
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 1);
}

/* A server that stays down: OFFLINE after the client's tries, and nothing kept, so
 * that the next search asks again and finds the place. */
static void
test_nominatim_offline (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Mp2Place) place = NULL;

  mp2_fake_geocoding_add_fault (fixture->fake, NOMINATIM,
                                MP2_FAKE_GEOCODING_FAULT_SERVER_ERROR, 0, 0);
  assert_search_fails (fixture->nominatim, CHELMSKA, MP2_PLAN_ERROR_OFFLINE);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 3);

  mp2_fake_geocoding_clear_faults (fixture->fake);
  place = search_found (fixture->nominatim, CHELMSKA);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 4);
}

static void
test_nominatim_empty_address (Fixture       *fixture,
                              gconstpointer  data)
{
  assert_search_fails (fixture->nominatim, " \n\t ", MP2_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 0);
}

static void
test_nominatim_cancelled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Place) place = NULL;

  g_cancellable_cancel (cancellable);
  place = search_with (MP2_GEOCODER (fixture->nominatim), CHELMSKA, cancellable, &error);
  g_assert_null (place);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 0);
}

/* The cache ---------------------------------------------------------------------------------- */

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  gpointer geocoder = GPOINTER_TO_INT (data) == NOMINATIM ? (gpointer) fixture->nominatim
                                                          : (gpointer) fixture->google;
  Mp2FakeGeocodingService service = GPOINTER_TO_INT (data);
  Mp2FakeGeocodingService other = service == NOMINATIM ? GOOGLE : NOMINATIM;
  gpointer other_geocoder = service == NOMINATIM ? (gpointer) fixture->google
                                                 : (gpointer) fixture->nominatim;
  g_autoptr(Mp2Place) first = search_found (geocoder, CHELMSKA);
  g_autoptr(Mp2Place) again = NULL;
  g_autoptr(Mp2Place) respelled = NULL;
  g_autoptr(Mp2Place) restarted = NULL;
  g_autoptr(Mp2Place) elsewhere = NULL;
  g_autoptr(Mp2NominatimGeocoder) new_nominatim = NULL;
  g_autoptr(Mp2GoogleGeocoder) new_google = NULL;
  g_autofree char *key = g_strconcat ("geocode:", mp2_geocoder_get_id (geocoder),
                                      ":chełmska 21, warszawa", NULL);
  g_autofree char *kept = mp2_store_cache_get (fixture->store, key);

  g_assert_cmpuint (count (fixture, service), ==, 1);
  g_assert_nonnull (kept);

  /* the same address, however written: from the cache */
  again = search_found (geocoder, CHELMSKA);
  respelled = search_found (geocoder, "  chełmska   21 ,WARSZAWA ");
  g_assert_cmpuint (count (fixture, service), ==, 1);
  assert_place (again, first->latitude, first->longitude, first->name);
  assert_place (respelled, first->latitude, first->longitude, first->name);

  /* a new geocoder on the same store, as after a restart of the app */
  if (service == NOMINATIM)
    {
      new_nominatim = mp2_nominatim_geocoder_new (fixture->http, fixture->store,
                                                  mp2_fake_geocoding_get_url (fixture->fake));
      restarted = search_found (new_nominatim, CHELMSKA);
    }
  else
    {
      new_google = mp2_google_geocoder_new (fixture->http, fixture->store,
                                            mp2_fake_geocoding_get_url (fixture->fake));
      mp2_google_geocoder_set_api_key (new_google, MP2_FAKE_GEOCODING_GOOGLE_KEY);
      restarted = search_found (new_google, CHELMSKA);
    }
  g_assert_cmpuint (count (fixture, service), ==, 1);
  assert_place (restarted, first->latitude, first->longitude, first->name);

  /* the other provider has answers of its own */
  elsewhere = search_found (other_geocoder, CHELMSKA);
  g_assert_cmpuint (count (fixture, other), ==, 1);
  g_assert_cmpstr (elsewhere->name, !=, first->name);
}

/* An address that fits no place, or several, is an answer too: kept (for a day), so
 * that the re-checks of the day do not ask again. */
static void
test_cache_negative (Fixture       *fixture,
                     gconstpointer  data)
{
  gpointer geocoder = GPOINTER_TO_INT (data) == NOMINATIM ? (gpointer) fixture->nominatim
                                                          : (gpointer) fixture->google;
  Mp2FakeGeocodingService service = GPOINTER_TO_INT (data);
  g_autoptr(GError) first = search_error (geocoder, OGRODOWA, MP2_PLAN_ERROR_AMBIGUOUS);
  g_autoptr(GError) again = search_error (geocoder, "ogrodowa  5", MP2_PLAN_ERROR_AMBIGUOUS);

  assert_search_fails (geocoder, NOWHERE, MP2_PLAN_ERROR_NOT_FOUND);
  assert_search_fails (geocoder, NOWHERE, MP2_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpuint (count (fixture, service), ==, 2);
  /* the message from the cache names the same places, for the address as written */
  g_assert_nonnull (strstr (again->message, "“ogrodowa 5”"));
  g_assert_nonnull (strstr (first->message, "“" OGRODOWA "”"));
  g_assert_cmpstr (strstr (again->message, "such as"), ==, strstr (first->message, "such as"));
}

static void
test_no_store (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(Mp2NominatimGeocoder) geocoder =
    mp2_nominatim_geocoder_new (fixture->http, NULL, mp2_fake_geocoding_get_url (fixture->fake));
  g_autoptr(Mp2Place) first = search_found (geocoder, CHELMSKA);
  g_autoptr(Mp2Place) second = search_found (geocoder, CHELMSKA);

  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 2);
  assert_place (second, first->latitude, first->longitude, first->name);
}

/* Without a base URL, the geocoders go where MP2_NOMINATIM_URL and MP2_GEOCODING_URL
 * say. */
static void
test_environment (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Mp2NominatimGeocoder) nominatim = NULL;
  g_autoptr(Mp2GoogleGeocoder) google = NULL;
  g_autoptr(Mp2Place) from_nominatim = NULL;
  g_autoptr(Mp2Place) from_google = NULL;

  mp2_fake_geocoding_export_environment (fixture->fake);
  nominatim = mp2_nominatim_geocoder_new (fixture->http, NULL, NULL);
  google = mp2_google_geocoder_new (fixture->http, NULL, NULL);
  mp2_google_geocoder_set_api_key (google, MP2_FAKE_GEOCODING_GOOGLE_KEY);

  from_nominatim = search_found (nominatim, CHELMSKA);
  from_google = search_found (google, CHELMSKA);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 1);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 1);

  g_unsetenv ("MP2_NOMINATIM_URL");
  g_unsetenv ("MP2_GEOCODING_URL");
}

/* The fake's own checks of Nominatim's usage policy are live: a client without the
 * app's User-Agent, and one without the rate limit, are caught. */
static void
test_fake_policy_checks (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (mp2_fake_geocoding_get_url (fixture->fake),
                                      "/search?q=Warszawa&format=jsonv2", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2HttpClient) unlimited = mp2_http_client_new ();
  g_autoptr(Mp2NominatimGeocoder) hasty = NULL;
  g_autoptr(Mp2Place) first = NULL;
  g_autoptr(Mp2Place) second = NULL;
  g_autofree char *violations = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "User-Agent",
                                "libsoup/3.2");
  /* answered by the fake in this same loop */
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the fake's answer");
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  violations = mp2_fake_geocoding_dup_violations_text (fixture->fake);
  g_assert_nonnull (strstr (violations, "is a library's, not the app's"));
  mp2_fake_geocoding_clear_violations (fixture->fake);
  mp2_test_run_for (1000);

  mp2_http_client_set_allow_http (unlimited, TRUE);
  hasty = mp2_nominatim_geocoder_new (unlimited, NULL, mp2_fake_geocoding_get_url (fixture->fake));
  first = search_found (hasty, CHELMSKA);
  second = search_found (hasty, CHELMSKA);
  g_clear_pointer (&violations, g_free);
  violations = mp2_fake_geocoding_dup_violations_text (fixture->fake);
  g_assert_nonnull (strstr (violations, "(at most one a second)"));
  mp2_fake_geocoding_clear_violations (fixture->fake);
}

/* Google ------------------------------------------------------------------------------------ */

static void
test_google_found (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Mp2Place) place = NULL;
  g_autoptr(Mp2Place) sydney = NULL;

  g_assert_cmpstr (mp2_geocoder_get_id (MP2_GEOCODER (fixture->google)), ==, "google");

  place = search_found (fixture->google, CHELMSKA);
  assert_place (place, 52.1925412, 21.0437108, "Chełmska 21, 00-724 Warszawa, Poland");
  assert_parameter (fixture, GOOGLE, "address", CHELMSKA);
  assert_parameter (fixture, GOOGLE, "key", MP2_FAKE_GEOCODING_GOOGLE_KEY);

  /* a body captured from the real service (google-maps-services-java's fixture) */
  sydney = search_found (fixture->google, "Sydney");
  assert_place (sydney, -33.8688197, 151.2092955, "Sydney NSW, Australia");
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 2);
  g_assert_cmpuint (count (fixture, NOMINATIM), ==, 0);
}

static void
test_google_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = search_error (fixture->google, NOWHERE, MP2_PLAN_ERROR_NOT_FOUND);

  g_assert_nonnull (strstr (error->message, NOWHERE));
}

static void
test_google_ambiguous (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = search_error (fixture->google, OGRODOWA, MP2_PLAN_ERROR_AMBIGUOUS);

  g_assert_nonnull (strstr (error->message, "Ogrodowa 5, 00-896 Warszawa, Poland"));
  g_assert_nonnull (strstr (error->message, "Ogrodowa 5, 91-065 Łódź, Poland"));
}

/* Google found the street but not the number: reported, with what it found. */
static void
test_google_partial_match (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = search_error (fixture->google, "Chełmska 210, Warszawa",
                                          MP2_PLAN_ERROR_NOT_FOUND);

  g_assert_nonnull (strstr (error->message, "“Chełmska 210, Warszawa”"));
  g_assert_nonnull (strstr (error->message, "“Chełmska, Warszawa, Poland”"));
}

static void
test_google_rate_limited (Fixture       *fixture,
                          gconstpointer  data)
{
  guint fault = mp2_fake_geocoding_add_fault (fixture->fake, GOOGLE,
                                              MP2_FAKE_GEOCODING_FAULT_RATE_LIMIT, 0, 1);
  g_autoptr(Mp2Place) place = search_found (fixture->google, CHELMSKA);

  g_assert_cmpfloat_with_epsilon (place->latitude, 52.1925412, 1e-7);
  g_assert_cmpuint (mp2_fake_geocoding_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 2);
}

/* OVER_QUERY_LIMIT comes in a 200 body: the geocoder asks again itself, after 1 s and
 * 2 s, then gives up with OFFLINE. */
static void
test_google_over_query_limit (Fixture       *fixture,
                              gconstpointer  data)
{
  guint fault = mp2_fake_geocoding_add_fault (fixture->fake, GOOGLE,
                                              MP2_FAKE_GEOCODING_FAULT_OVER_QUERY_LIMIT, 0, 1);
  g_autoptr(Mp2Place) place = search_found (fixture->google, CHELMSKA);

  g_assert_cmpfloat_with_epsilon (place->latitude, 52.1925412, 1e-7);
  g_assert_cmpuint (mp2_fake_geocoding_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 2);

  mp2_fake_geocoding_add_fault (fixture->fake, GOOGLE,
                                MP2_FAKE_GEOCODING_FAULT_OVER_QUERY_LIMIT, 0, 0);
  assert_search_fails (fixture->google, OGRODOWA, MP2_PLAN_ERROR_OFFLINE);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 2 + 1 + MP2_GEOCODER_MAX_BODY_RETRIES);
}

static void
test_google_over_query_limit_cancelled (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Place) place = NULL;
  gint64 start;

  mp2_fake_geocoding_add_fault (fixture->fake, GOOGLE,
                                MP2_FAKE_GEOCODING_FAULT_OVER_QUERY_LIMIT, 0, 0);
  mp2_geocoder_search_async (MP2_GEOCODER (fixture->google), CHELMSKA, cancellable,
                             mp2_test_on_result_cb, &result);
  while (count (fixture, GOOGLE) < 1)
    g_main_context_iteration (NULL, TRUE);
  mp2_test_run_for (100);

  /* cancelled while it waits to ask again: the answer comes at once */
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the cancelled search");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 500 * 1000);
  place = mp2_geocoder_search_finish (MP2_GEOCODER (fixture->google), result, &error);
  g_assert_null (place);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 1);
}

/* A refused key: KEY_REJECTED with Google's reason, and nothing kept. */
static void
test_google_key_rejected (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  mp2_google_geocoder_set_api_key (fixture->google, "AIzaRevokedKey-0000000000000000");
  error = search_error (fixture->google, CHELMSKA, MP2_PLAN_ERROR_KEY_REJECTED);
  g_assert_nonnull (strstr (error->message, "The provided API key is invalid."));
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 1);

  assert_search_fails (fixture->google, CHELMSKA, MP2_PLAN_ERROR_KEY_REJECTED);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 2);

  /* the fault script's REQUEST_DENIED, with the right key */
  mp2_google_geocoder_set_api_key (fixture->google, MP2_FAKE_GEOCODING_GOOGLE_KEY);
  mp2_fake_geocoding_add_fault (fixture->fake, GOOGLE,
                                MP2_FAKE_GEOCODING_FAULT_REQUEST_DENIED, 0, 1);
  assert_search_fails (fixture->google, CHELMSKA, MP2_PLAN_ERROR_KEY_REJECTED);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 3);
}

static void
test_google_no_key (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2GoogleGeocoder) fresh = mp2_google_geocoder_new (fixture->http, fixture->store,
                                                                mp2_fake_geocoding_get_url (fixture->fake));

  assert_search_fails (fresh, CHELMSKA, MP2_PLAN_ERROR_NO_KEY);
  mp2_google_geocoder_set_api_key (fixture->google, NULL);
  assert_search_fails (fixture->google, CHELMSKA, MP2_PLAN_ERROR_NO_KEY);
  mp2_google_geocoder_set_api_key (fixture->google, "");
  assert_search_fails (fixture->google, CHELMSKA, MP2_PLAN_ERROR_NO_KEY);
  g_assert_cmpuint (count (fixture, GOOGLE), ==, 0);
}

/* The key goes in the query, which the HTTP client logs: never with the key in it. */
static void
test_google_key_not_logged (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *key = "AIzaSecretNeverLogged-4f9c2a7b1e";
  g_autoptr(Mp2Place) place = NULL;

  mp2_fake_geocoding_set_google_key (fixture->fake, key);
  mp2_google_geocoder_set_api_key (fixture->google, key);
  g_mutex_lock (&log_mutex);
  g_string_truncate (log_text, 0);
  g_mutex_unlock (&log_mutex);

  mp2_fake_geocoding_add_fault (fixture->fake, GOOGLE, MP2_FAKE_GEOCODING_FAULT_RATE_LIMIT, 0, 1);
  place = search_found (fixture->google, CHELMSKA);
  mp2_google_geocoder_set_api_key (fixture->google, "AIzaRevokedKey-0000000000000000");
  assert_search_fails (fixture->google, OGRODOWA, MP2_PLAN_ERROR_KEY_REJECTED);

  g_mutex_lock (&log_mutex);
  /* the log was written: the requests are in it */
  g_assert_nonnull (strstr (log_text->str, "maps/api/geocode/json"));
  if (strstr (log_text->str, key) != NULL || strstr (log_text->str, "AIzaRevokedKey") != NULL)
    g_error ("The API key is in the log:\n%s", log_text->str);
  g_mutex_unlock (&log_mutex);
}

/* Log --------------------------------------------------------------------------------------- */

static GLogWriterOutput
capture_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_mutex_lock (&log_mutex);
  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_mutex);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_unsetenv ("MP2_NOMINATIM_URL");
  g_unsetenv ("MP2_GEOCODING_URL");
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_log_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/geocoders/" path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, \
              fixture_tear_down)

  g_test_add_func ("/geocoders/normalize-address", test_normalize_address);
  ADD ("nominatim/found", test_nominatim_found, 0);
  ADD ("nominatim/not-found", test_nominatim_not_found, 0);
  ADD ("nominatim/ambiguous", test_nominatim_ambiguous, 0);
  ADD ("nominatim/first-result", test_nominatim_first_result, 0);
  ADD ("nominatim/rate-limited", test_nominatim_rate_limited, 0);
  ADD ("nominatim/blocked", test_nominatim_blocked, 0);
  ADD ("nominatim/offline", test_nominatim_offline, 0);
  ADD ("nominatim/empty-address", test_nominatim_empty_address, 0);
  ADD ("nominatim/cancelled", test_nominatim_cancelled, 0);
  ADD ("nominatim/cache", test_cache, NOMINATIM);
  ADD ("nominatim/cache-negative", test_cache_negative, NOMINATIM);
  ADD ("nominatim/no-store", test_no_store, 0);
  ADD ("environment", test_environment, 0);
  ADD ("fake-policy-checks", test_fake_policy_checks, 0);
  ADD ("google/found", test_google_found, 0);
  ADD ("google/not-found", test_google_not_found, 0);
  ADD ("google/ambiguous", test_google_ambiguous, 0);
  ADD ("google/partial-match", test_google_partial_match, 0);
  ADD ("google/rate-limited", test_google_rate_limited, 0);
  ADD ("google/over-query-limit", test_google_over_query_limit, 0);
  ADD ("google/over-query-limit-cancelled", test_google_over_query_limit_cancelled, 0);
  ADD ("google/key-rejected", test_google_key_rejected, 0);
  ADD ("google/no-key", test_google_no_key, 0);
  ADD ("google/key-not-logged", test_google_key_not_logged, 0);
  ADD ("google/cache", test_cache, GOOGLE);
  ADD ("google/cache-negative", test_cache_negative, GOOGLE);

#undef ADD

  status = g_test_run ();
  g_string_free (log_text, TRUE);

  return status;
}
