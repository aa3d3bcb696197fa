/* mp2-notify-compat.h
 *
 * g_autoptr() cleanups for libnotify, which 0.8 does not declare. meson checks
 * whether the installed headers already have them (HAVE_NOTIFY_AUTOPTR), so a newer
 * libnotify does not clash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include <libnotify/notify.h>

#if !HAVE_NOTIFY_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyNotification, g_object_unref)
#endif
