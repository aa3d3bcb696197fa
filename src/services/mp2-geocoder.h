/* mp2-geocoder.h
 *
 * Addresses to places on the map: the home address, a via point and the set's
 * address of a call sheet. An address that fits no place, or several far-apart
 * places, is reported (MP2_PLAN_ERROR_NOT_FOUND, MP2_PLAN_ERROR_AMBIGUOUS), never
 * guessed. Answers are cached in the store for 30 days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-plan-data.h"

G_BEGIN_DECLS

#define MP2_TYPE_GEOCODER (mp2_geocoder_get_type ())

G_DECLARE_INTERFACE (Mp2Geocoder, mp2_geocoder, MP2, GEOCODER, GObject)

/* How long a geocoder keeps an answer in the store's cache. */
#define MP2_GEOCODER_CACHE_SECONDS (30 * 24 * 3600)

struct _Mp2GeocoderInterface
{
  GTypeInterface parent_iface;

  const char *(*get_id)        (Mp2Geocoder          *self);
  void        (*search_async)  (Mp2Geocoder          *self,
                                const char           *address,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
  Mp2Place   *(*search_finish) (Mp2Geocoder          *self,
                                GAsyncResult         *result,
                                GError              **error);
};

/* "nominatim", "google" */
const char *mp2_geocoder_get_id        (Mp2Geocoder          *self);
void        mp2_geocoder_search_async  (Mp2Geocoder          *self,
                                        const char           *address,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
Mp2Place   *mp2_geocoder_search_finish (Mp2Geocoder          *self,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
