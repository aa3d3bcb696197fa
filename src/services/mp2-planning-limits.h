/* mp2-planning-limits.h
 *
 * The rate limits of the services that plan the day (routes, geocoding, weather),
 * set once on the app's HTTP client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"

G_BEGIN_DECLS

void mp2_planning_configure_rate_limits (Mp2HttpClient *http);

G_END_DECLS
