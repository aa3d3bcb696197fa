/* mp2-fuzz.h
 *
 * The entry point every fuzz target defines, for libFuzzer and for replay.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
