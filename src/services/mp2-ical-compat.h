/* mp2-ical-compat.h
 *
 * g_autoptr() cleanups for libical-glib, which 3.0 does not declare. meson checks
 * whether the installed headers already have them (HAVE_ICAL_GLIB_AUTOPTR), so a
 * newer libical does not clash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define LIBICAL_GLIB_UNSTABLE_API 1
#include <libical-glib/libical-glib.h>
#undef LIBICAL_GLIB_UNSTABLE_API

#if !HAVE_ICAL_GLIB_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalDuration, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalParameter, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTimezone, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTrigger, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalValue, g_object_unref)
#endif
