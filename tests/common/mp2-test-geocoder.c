/* mp2-test-geocoder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-geocoder.h"

#include <string.h>

struct _Mp2TestGeocoder
{
  GObject parent_instance;
  guint   searches;
};

static void mp2_test_geocoder_iface_init (Mp2GeocoderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2TestGeocoder, mp2_test_geocoder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_GEOCODER,
                                                      mp2_test_geocoder_iface_init))

static const char *
mp2_test_geocoder_get_id (Mp2Geocoder *geocoder)
{
  return "test";
}

static gboolean
answer_cb (gpointer user_data)
{
  GTask *task = user_data;
  const char *address = g_task_get_task_data (task);
  guint hash = g_str_hash (address);

  if (strstr (address, "Nowhere") != NULL)
    g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NOT_FOUND,
                             "No place was found for “%s”.", address);
  else if (g_str_equal (address, "Chełmska 21, Warszawa"))
    g_task_return_pointer (task, mp2_place_new (52.1897, 21.0455,
                                                "Chełmska 21, Mokotów, Warszawa"),
                           (GDestroyNotify) mp2_place_free);
  else
    g_task_return_pointer (task, mp2_place_new (52.0 + (hash % 100) / 1000.0,
                                                21.0 + (hash % 97) / 1000.0, address),
                           (GDestroyNotify) mp2_place_free);

  return G_SOURCE_REMOVE;
}

static void
mp2_test_geocoder_search_async (Mp2Geocoder         *geocoder,
                                const char          *address,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (geocoder, cancellable, callback, user_data);

  MP2_TEST_GEOCODER (geocoder)->searches++;
  g_task_set_task_data (task, g_strdup (address), g_free);
  g_idle_add_full (G_PRIORITY_DEFAULT, answer_cb, task, g_object_unref);
}

static Mp2Place *
mp2_test_geocoder_search_finish (Mp2Geocoder   *geocoder,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_test_geocoder_iface_init (Mp2GeocoderInterface *iface)
{
  iface->get_id = mp2_test_geocoder_get_id;
  iface->search_async = mp2_test_geocoder_search_async;
  iface->search_finish = mp2_test_geocoder_search_finish;
}

static void
mp2_test_geocoder_class_init (Mp2TestGeocoderClass *klass)
{
}

static void
mp2_test_geocoder_init (Mp2TestGeocoder *self)
{
}

Mp2TestGeocoder *
mp2_test_geocoder_new (void)
{
  return g_object_new (MP2_TYPE_TEST_GEOCODER, NULL);
}

guint
mp2_test_geocoder_get_searches (Mp2TestGeocoder *self)
{
  g_return_val_if_fail (MP2_IS_TEST_GEOCODER (self), 0);

  return self->searches;
}
