/* mp2-route-provider-private.h
 *
 * What the route providers share: the cache key of a question, one computation's
 * steps (the store's cache read off the main thread, the request, the answer read by
 * the provider, the cache written), and HTTP failures told as MP2_PLAN_ERROR.
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

/**
 * Mp2RouteService:
 * @new_request: the request for a question (the one given to mp2_route_fetch())
 * @parse: reads a 2xx answer: the route, or %NULL with an %MP2_PLAN_ERROR
 * @map_http_error: the %MP2_PLAN_ERROR of a failed request, usually the service's own
 *   verdicts and then mp2_route_error_from_http()
 *
 * How one provider asks and reads; the steps around are mp2_route_fetch()'s.
 */
typedef struct
{
  Mp2HttpRequest *(*new_request)    (gpointer          provider,
                                     gpointer          question);
  Mp2Route       *(*parse)          (JsonObject       *answer,
                                     GError          **error);
  GError         *(*map_http_error) (const GError     *error,
                                     Mp2HttpResponse  *response);
} Mp2RouteService;

void        mp2_route_fetch                (GTask                 *task,
                                            const Mp2RouteService *service,
                                            Mp2HttpClient         *http,
                                            Mp2Store              *store,
                                            char                  *cache_key,
                                            gpointer               question,
                                            GDestroyNotify         question_free);

G_END_DECLS
