/* mp2-test-ui.h
 *
 * Helpers for widget tests that run under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*Mp2TestCondition) (gpointer user_data);

static gboolean
mp2_test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test after @seconds. */
static inline void
mp2_test_wait_until (Mp2TestCondition  condition,
                     gpointer          user_data,
                     guint             seconds,
                     const char       *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (seconds, mp2_test_timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u s waiting for %s", seconds, what);

  g_source_remove (source);
}

/* Lets pending work (layout, idle callbacks) run without blocking. */
static inline void
mp2_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A child that the class's template binds, for a test to look at or drive. */
static inline GObject *
mp2_test_template_child (gpointer    widget,
                         GType       template_type,
                         const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), template_type, name);

  if (child == NULL)
    g_error ("The template of %s binds no child called %s", g_type_name (template_type), name);

  return child;
}

static inline char *
mp2_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "callsheets", name, NULL);
}

G_END_DECLS
