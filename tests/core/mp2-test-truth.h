/* mp2-test-truth.h
 *
 * The ground truth of the corpus: NAME.json beside NAME.pdf in tests/data/callsheets,
 * read as a call sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet.h"

G_BEGIN_DECLS

Mp2CallSheet *mp2_test_load_truth (const char *name);

G_END_DECLS
