/* mp2-test-pipeline.h
 *
 * Driving a real pipeline in tests: starting it and importing the call sheets of
 * tests/data/callsheets, each awaited with a deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-pipeline.h"

G_BEGIN_DECLS

void         mp2_test_pipeline_start  (Mp2Pipeline *pipeline,
                                       guint        seconds);
Mp2Schedule *mp2_test_pipeline_import (Mp2Pipeline *pipeline,
                                       const char  *name,
                                       guint        seconds);

G_END_DECLS
