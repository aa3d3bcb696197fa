/* mp2-route-provider-private.h
 *
 * What the route providers share: the cache key of a question, the store's cache
 * read and written off the main thread, and HTTP failures told as MP2_PLAN_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-route-provider.h"
#include "mp2-store.h"

G_BEGIN_DECLS

/* Decimals of a coordinate in a cache key or an address: 5 is about a metre. */
#define MP2_ROUTE_COORDINATE_DECIMALS 5

const char *mp2_travel_mode_to_nick        (Mp2TravelMode         mode);
char       *mp2_route_format_coordinate    (double                degrees);
char       *mp2_route_cache_key            (const char           *provider,
                                            const Mp2Place       *from,
                                            const Mp2Place       *via,
                                            const Mp2Place       *to,
                                            Mp2TravelMode         mode,
                                            GDateTime            *departure);

void        mp2_route_cache_lookup_async   (Mp2Store             *store,
                                            const char           *key,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
Mp2Route   *mp2_route_cache_lookup_finish  (GAsyncResult         *result,
                                            GError              **error);
void        mp2_route_cache_store_async    (Mp2Store             *store,
                                            const char           *key,
                                            const Mp2Route       *route,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    mp2_route_cache_store_finish   (GAsyncResult         *result,
                                            GError              **error);

GError     *mp2_route_error_from_http      (const GError         *error,
                                            Mp2HttpResponse      *response,
                                            const char           *service);

G_END_DECLS
