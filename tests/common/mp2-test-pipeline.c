/* mp2-test-pipeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-pipeline.h"

#include "mp2-test-files.h"
#include "mp2-test-wait.h"

/**
 * mp2_test_pipeline_start:
 * @pipeline: a pipeline
 * @seconds: how long it may take
 *
 * mp2_pipeline_start_async(), awaited; the test fails on an error.
 */
void
mp2_test_pipeline_start (Mp2Pipeline *pipeline,
                         guint        seconds)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_pipeline_start_async (pipeline, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, seconds, "the pipeline to start");
  mp2_pipeline_start_finish (pipeline, result, &error);
  g_assert_no_error (error);
}

/**
 * mp2_test_pipeline_import:
 * @pipeline: a started pipeline
 * @name: a call sheet of tests/data/callsheets: "T2_rev1.pdf"
 * @seconds: how long the import may take
 *
 * Imports @name as if the user had opened it; the test fails on an error.
 *
 * Returns: (transfer full): the schedule stored for it
 */
Mp2Schedule *
mp2_test_pipeline_import (Mp2Pipeline *pipeline,
                          const char  *name,
                          guint        seconds)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet (name);
  g_autofree char *what = g_strdup_printf ("the import of %s", name);
  Mp2DocumentOrigin origin = { .file_name = name };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Mp2Schedule *schedule;

  mp2_pipeline_import_async (pipeline, pdf, &origin, MP2_IMPORT_DEFAULT, NULL,
                             mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, seconds, what);

  schedule = mp2_pipeline_import_finish (pipeline, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  return schedule;
}
