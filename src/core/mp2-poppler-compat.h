/* mp2-poppler-compat.h
 *
 * g_autoptr() cleanups for poppler-glib, which 22.12 does not declare. meson checks
 * whether the installed headers already have them, so a newer poppler does not clash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include <poppler.h>

#if !HAVE_POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif
