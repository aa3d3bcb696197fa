/* mp2-test-wait.h
 *
 * Waiting in tests, always with a deadline: the main loop runs until what a test
 * awaits has happened, and the test fails with what it awaited instead of hanging.
 * GLib only, for every suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*Mp2TestCondition) (gpointer user_data);

gboolean mp2_test_on_timeout_cb   (gpointer           user_data);
void     mp2_test_on_result_cb    (GObject           *object,
                                   GAsyncResult      *result,
                                   gpointer           user_data);
void     mp2_test_wait_until      (Mp2TestCondition   condition,
                                   gpointer           user_data,
                                   guint              seconds,
                                   const char        *what);
void     mp2_test_wait_for_result (GAsyncResult     **result,
                                   guint              seconds,
                                   const char        *what);
void     mp2_test_run_for         (guint              milliseconds);

G_END_DECLS
