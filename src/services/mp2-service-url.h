/* mp2-service-url.h
 *
 * Where a planning service is asked: the URL a caller gives (a test's fake), else the
 * environment's override or the real service, always ending with '/'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mp2_service_base_url (const char *base_url,
                            const char *variable,
                            const char *real_url);

G_END_DECLS
