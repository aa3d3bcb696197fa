/* mp2-eds-errors.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libedataserver/libedataserver.h>

#include "mp2-calendar-sink.h"

G_BEGIN_DECLS

GError   *mp2_eds_error_map             (const GError *error,
                                         ESource      *source);
GError   *mp2_eds_error_new_no_calendar (const char   *name);
GError   *mp2_eds_error_new_read_only   (const char   *name);
gboolean  mp2_eds_error_is_cancelled    (const GError *error);

G_END_DECLS
