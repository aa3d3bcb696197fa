/* mp2-test-wait.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-wait.h"

/**
 * mp2_test_on_timeout_cb:
 * @user_data: a #gboolean
 *
 * A timeout's callback that sets the #gboolean at @user_data and runs once.
 */
gboolean
mp2_test_on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * mp2_test_on_result_cb:
 * @object: the source object
 * @result: the result
 * @user_data: a `GAsyncResult **` that is %NULL
 *
 * A #GAsyncReadyCallback that keeps a reference to @result at @user_data, for
 * mp2_test_wait_for_result().
 */
void
mp2_test_on_result_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * mp2_test_wait_until:
 * @condition: what is awaited
 * @user_data: data for @condition
 * @seconds: the deadline
 * @what: what is awaited, for the failure's message
 *
 * Runs the main loop until @condition holds; fails the test after @seconds.
 */
void
mp2_test_wait_until (Mp2TestCondition  condition,
                     gpointer          user_data,
                     guint             seconds,
                     const char       *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (seconds, mp2_test_on_timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u s waiting for %s", seconds, what);

  g_source_remove (source);
}

static gboolean
is_set (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

/**
 * mp2_test_wait_for_result:
 * @result: where mp2_test_on_result_cb() puts the result
 * @seconds: the deadline
 * @what: what is awaited, for the failure's message
 *
 * Runs the main loop until the call given mp2_test_on_result_cb() and @result has
 * finished; fails the test after @seconds.
 */
void
mp2_test_wait_for_result (GAsyncResult **result,
                          guint          seconds,
                          const char    *what)
{
  mp2_test_wait_until (is_set, result, seconds, what);
}

/**
 * mp2_test_run_for:
 * @milliseconds: how long
 *
 * Runs the main loop for @milliseconds.
 */
void
mp2_test_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, mp2_test_on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
