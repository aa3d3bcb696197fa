/* mp2-route-provider.h
 *
 * How long the way from home to set takes when leaving at a given time: Google Routes
 * with live traffic, OSRM (OpenStreetMap, no key), or a fixed time from Preferences.
 * Answers are cached in the store for 10 minutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-plan-data.h"

G_BEGIN_DECLS

#define MP2_TYPE_ROUTE_PROVIDER (mp2_route_provider_get_type ())

G_DECLARE_INTERFACE (Mp2RouteProvider, mp2_route_provider, MP2, ROUTE_PROVIDER, GObject)

/* How long a provider keeps an answer in the store's cache. */
#define MP2_ROUTE_CACHE_SECONDS (10 * 60)

struct _Mp2RouteProviderInterface
{
  GTypeInterface parent_iface;

  const char *(*get_id)         (Mp2RouteProvider     *self);
  gboolean    (*get_uses_traffic) (Mp2RouteProvider   *self);
  void        (*compute_async)  (Mp2RouteProvider     *self,
                                 const Mp2Place       *from,
                                 const Mp2Place       *via,
                                 const Mp2Place       *to,
                                 GDateTime            *departure,
                                 Mp2TravelMode         mode,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
  Mp2Route   *(*compute_finish) (Mp2RouteProvider     *self,
                                 GAsyncResult         *result,
                                 GError              **error);
};

/* "google", "osrm", "manual" */
const char *mp2_route_provider_get_id           (Mp2RouteProvider     *self);
/* Whether the duration depends on the departure time (traffic): only then is the
 * departure searched for by asking again. */
gboolean    mp2_route_provider_get_uses_traffic (Mp2RouteProvider     *self);
/* @via: (nullable): a stop on the way (the time spent there is the planner's). */
void        mp2_route_provider_compute_async    (Mp2RouteProvider     *self,
                                                 const Mp2Place       *from,
                                                 const Mp2Place       *via,
                                                 const Mp2Place       *to,
                                                 GDateTime            *departure,
                                                 Mp2TravelMode         mode,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
Mp2Route   *mp2_route_provider_compute_finish   (Mp2RouteProvider     *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
