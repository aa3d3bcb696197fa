/* mp2-weather-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP2_TYPE_WEATHER_CARD (mp2_weather_card_get_type ())

G_DECLARE_FINAL_TYPE (Mp2WeatherCard, mp2_weather_card, MP2, WEATHER_CARD, AdwBin)

GtkWidget *mp2_weather_card_new         (void);
gboolean   mp2_weather_card_set_weather (Mp2WeatherCard *self,
                                         const char     *weather_json);

G_END_DECLS
