/* mp2-route-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MP2_TYPE_ROUTE_CARD (mp2_route_card_get_type ())

G_DECLARE_FINAL_TYPE (Mp2RouteCard, mp2_route_card, MP2, ROUTE_CARD, AdwBin)

GtkWidget  *mp2_route_card_new          (void);
gboolean    mp2_route_card_set_plan     (Mp2RouteCard *self,
                                         JsonObject   *plan);
const char *mp2_route_card_get_maps_uri (Mp2RouteCard *self);

G_END_DECLS
