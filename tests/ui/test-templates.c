/* test-templates.c
 *
 * Every .ui file in the resources builds on GTK 4.8 / libadwaita 1.2. The C version
 * macros cannot see a newer widget named in a template; building it here does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-day-row.h"
#include "mp2-day-view.h"
#include "mp2-mail-page.h"
#include "mp2-preferences-window.h"
#include "mp2-route-card.h"
#include "mp2-test-ui.h"
#include "mp2-weather-card.h"
#include "mp2-window.h"

static GtkWidget *
create_template_instance (GType type)
{
  if (type == MP2_TYPE_PREFERENCES_WINDOW)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      return GTK_WIDGET (mp2_preferences_window_new (settings, NULL));
    }

  /* The Mail page, with an account that never signed in. */
  if (type == MP2_TYPE_MAIL_PAGE)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
      g_autoptr(Mp2GoogleAccount) account = mp2_google_account_new (http, "client.example", "");
      GtkWidget *window = adw_preferences_window_new ();

      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                                  ADW_PREFERENCES_PAGE (mp2_mail_page_new (settings, account,
                                                                           NULL)));
      return window;
    }

  /* A row lives in a list, and shows a day. */
  if (type == MP2_TYPE_DAY_ROW)
    {
      g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_append (GTK_LIST_BOX (list), mp2_day_row_new (schedule));
      return list;
    }

  return g_object_new (type, NULL);
}

static char *
find_template_class (const char *xml)
{
  const char *start = strstr (xml, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;

  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, (gsize) (end - start));
}

static void
show_and_destroy (GtkWidget *widget)
{
  GtkWidget *window = widget;

  if (!GTK_IS_WINDOW (widget))
    {
      window = gtk_window_new ();
      gtk_window_set_child (GTK_WINDOW (window), widget);
    }

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_assert_true (gtk_widget_get_mapped (widget));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_template (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *class_name = NULL;
  g_autoptr(GError) error = NULL;
  GType type;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  class_name = find_template_class (g_bytes_get_data (bytes, NULL));
  if (class_name == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GSList) objects = NULL;

      gtk_builder_add_from_resource (builder, path, &error);
      g_assert_no_error (error);

      objects = gtk_builder_get_objects (builder);
      g_assert_nonnull (objects);
      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          show_and_destroy (l->data);
      return;
    }

  type = g_type_from_name (class_name);
  if (type == G_TYPE_INVALID)
    g_error ("%s is the template of %s, which is not registered: add it to ensure_types()",
             path, class_name);

  show_and_destroy (create_template_instance (type));
}

static void
collect_ui_files (const char *path,
                  GPtrArray  *files)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GError) error = NULL;

  children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (child, "/"))
        collect_ui_files (child, files);
      else if (g_str_has_suffix (child, ".ui"))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static void
ensure_types (void)
{
  g_type_ensure (MP2_TYPE_WINDOW);
  g_type_ensure (MP2_TYPE_DAY_VIEW);
  g_type_ensure (MP2_TYPE_DAY_ROW);
  g_type_ensure (MP2_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (MP2_TYPE_MAIL_PAGE);
  g_type_ensure (MP2_TYPE_ROUTE_CARD);
  g_type_ensure (MP2_TYPE_WEATHER_CARD);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  ensure_types ();

  collect_ui_files (RESOURCE_BASE_PATH "/", files);
  g_assert_cmpuint (files->len, >=, 4);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *test_path = g_strconcat ("/templates", path, NULL);

      g_test_add_data_func (test_path, path, test_template);
    }

  return g_test_run ();
}
