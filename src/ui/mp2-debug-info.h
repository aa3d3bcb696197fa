/* mp2-debug-info.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"

G_BEGIN_DECLS

char *mp2_debug_info_collect (Mp2HttpClient *http);

G_END_DECLS
