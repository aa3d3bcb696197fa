/* mp2-time-zones.c
 *
 * The time zone identifiers the system knows, from the tz database's own table
 * (zone1970.tab), for the time zone picker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-time-zones"

#include "config.h"

#include "mp2-time-zones.h"

static const char *table_names[] = { "zone1970.tab", "zone.tab" };

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * mp2_time_zones_parse_table:
 * @table: the text of a zone1970.tab or zone.tab file
 *
 * Returns: (transfer full): the sorted identifiers of the table, with `UTC`
 */
GStrv
mp2_time_zones_parse_table (const char *table)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (table != NULL, NULL);

  lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      columns = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (columns) >= 3 && columns[2][0] != '\0')
        g_ptr_array_add (zones, g_strdup (g_strstrip (columns[2])));
    }

  g_ptr_array_add (zones, g_strdup ("UTC"));
  g_ptr_array_sort (zones, compare_strings);
  g_ptr_array_add (zones, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&zones), FALSE);
}

static char *
read_table (GCancellable  *cancellable,
            GError       **error)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autoptr(GError) last_error = NULL;

  if (tzdir == NULL || *tzdir == '\0')
    tzdir = "/usr/share/zoneinfo";

  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    {
      g_autofree char *path = g_build_filename (tzdir, table_names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      char *contents = NULL;

      g_clear_error (&last_error);
      if (g_file_load_contents (file, cancellable, &contents, NULL, NULL, &last_error))
        return contents;
    }

  g_propagate_error (error, g_steal_pointer (&last_error));

  return NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *table = NULL;
  GError *error = NULL;

  table = read_table (cancellable, &error);
  if (table == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, mp2_time_zones_parse_table (table), (GDestroyNotify) g_strfreev);
}

/**
 * mp2_time_zones_load_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Reads the system's list of time zones in a worker thread.
 */
void
mp2_time_zones_load_async (GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_time_zones_load_async);
  g_task_run_in_thread (task, load_thread);
}

/**
 * mp2_time_zones_load_finish:
 * @result: the result given to the callback
 * @error: where to report an error
 *
 * Returns: (transfer full): the sorted identifiers, or %NULL with @error set
 */
GStrv
mp2_time_zones_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mp2_time_zone_is_valid:
 * @identifier: a name such as `Europe/Warsaw`
 *
 * Returns: %TRUE if the system's tz database knows @identifier
 */
gboolean
mp2_time_zone_is_valid (const char *identifier)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (identifier == NULL || *identifier == '\0')
    return FALSE;

  zone = g_time_zone_new_identifier (identifier);

  return zone != NULL;
}
