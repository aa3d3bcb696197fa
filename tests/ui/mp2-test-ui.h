/* mp2-test-ui.h
 *
 * Helpers for widget tests that run under Xvfb; waiting and files are in
 * mp2-test-wait.h and mp2-test-files.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp2-test-files.h"
#include "mp2-test-wait.h"

G_BEGIN_DECLS

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

G_END_DECLS
