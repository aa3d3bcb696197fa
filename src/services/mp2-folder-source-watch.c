/* mp2-folder-source-watch.c
 *
 * The watched folder of a folder source: a file monitor whose events wait until a
 * PDF has stopped changing, and the scan that a check makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-folder-source"

#include "config.h"

#include "mp2-folder-source-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define SCAN_ATTRIBUTES                     \
  G_FILE_ATTRIBUTE_STANDARD_TYPE ","        \
  G_FILE_ATTRIBUTE_STANDARD_NAME ","        \
  G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN ","   \
  G_FILE_ATTRIBUTE_TIME_MODIFIED

/* A writer that keeps a file open, silent, for this long is taken to be done with
 * it. GLib sends a virtual "changes done" after two seconds where the backend has
 * none, so this is a last resort. */
#define MAX_WAIT_WITHOUT_HINT_MS (60 * 1000)

/* A file in the watched folder that is being written. */
typedef struct
{
  Mp2FolderSource *self;          /* unowned: the source drops its pending files */
  GFile           *file;
  GSource         *timeout;
  gboolean         closed;        /* its writer closed it, or it was moved in */
  guint            quiet_rounds;
} PendingFile;

typedef struct
{
  GFile   *file;
  char    *name;
  gint64   modified;
} ScanEntry;

typedef struct
{
  GFile      *folder;
  guint       generation;
  GHashTable *skip;               /* ids not to ask about */
  GPtrArray  *found;              /* GFile, oldest first */
  GPtrArray  *known;              /* ids the handled function knows */
} ScanData;

static gboolean
is_watched_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return _mp2_folder_source_is_watched_name (basename);
}

/* The sentence for a folder that cannot be scanned or watched. */
static GError *
new_folder_error (GFile        *folder,
                  const GError *cause)
{
  g_autofree char *name = _mp2_folder_source_dup_display_basename (folder);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Translators: %s is a folder name */
    return g_error_new (G_IO_ERROR, cause->code, _("The watched folder “%s” is not there any "
                                                   "more. Choose another one in Preferences."),
                        name);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    /* Translators: %s is a file name */
    return g_error_new (G_IO_ERROR, cause->code, _("“%s” is not a folder. Choose a folder "
                                                   "to watch in Preferences."), name);

  /* Translators: the first %s is a folder name, the second the system’s reason */
  return g_error_new (cause->domain, cause->code, _("The folder “%s” cannot be read: %s"),
                      name, cause->message);
}

void
_mp2_folder_source_pending_file_free (gpointer data)
{
  PendingFile *pending = data;

  if (pending->timeout != NULL)
    {
      g_source_destroy (pending->timeout);
      g_source_unref (pending->timeout);
    }

  g_clear_object (&pending->file);
  g_free (pending);
}

static guint
get_max_quiet_rounds (Mp2FolderSource *self)
{
  return MAX (1, MAX_WAIT_WITHOUT_HINT_MS / self->settle_time);
}

static gboolean
on_pending_quiet_cb (gpointer user_data)
{
  PendingFile *pending = user_data;
  Mp2FolderSource *self = pending->self;
  g_autoptr(GFile) file = NULL;

  if (!pending->closed && ++pending->quiet_rounds < get_max_quiet_rounds (self))
    return G_SOURCE_CONTINUE;

  if (!pending->closed)
    g_debug ("%s: a file was left open but quiet; reading it", self->name);

  /* The context keeps the source alive until this returns. */
  g_clear_pointer (&pending->timeout, g_source_unref);
  file = g_object_ref (pending->file);
  g_hash_table_remove (self->pending, file);

  _mp2_folder_source_queue_folder_file (self, file, TRUE, NULL);

  return G_SOURCE_REMOVE;
}

static void
pending_file_rearm (PendingFile *pending)
{
  Mp2FolderSource *self = pending->self;

  if (pending->timeout != NULL)
    {
      g_source_destroy (pending->timeout);
      g_source_unref (pending->timeout);
    }

  pending->timeout = g_timeout_source_new (self->settle_time);
  g_source_set_name (pending->timeout, "[mp2] folder source settle");
  g_source_set_callback (pending->timeout, on_pending_quiet_cb, pending, NULL);
  g_source_attach (pending->timeout, self->context);
}

/* A write to @file, or its arrival: wait until it has been quiet for a while. */
static void
note_write (Mp2FolderSource *self,
            GFile           *file,
            gboolean         closed)
{
  g_autofree char *id = NULL;
  PendingFile *pending;

  if (!is_watched_file (file))
    return;

  pending = g_hash_table_lookup (self->pending, file);
  if (pending == NULL)
    {
      pending = g_new0 (PendingFile, 1);
      pending->self = self;
      pending->file = g_object_ref (file);
      g_hash_table_insert (self->pending, pending->file, pending);
    }

  pending->closed = closed;
  pending->quiet_rounds = 0;
  pending_file_rearm (pending);

  /* New contents: a file that failed may read now. */
  id = mp2_folder_source_id_for_file (file);
  g_hash_table_remove (self->failed, id);
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       gpointer           user_data)
{
  Mp2FolderSource *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
      note_write (self, file, FALSE);
      break;

    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      note_write (self, file, TRUE);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      g_hash_table_remove (self->pending, file);
      if (other_file != NULL)
        note_write (self, other_file, TRUE);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      g_hash_table_remove (self->pending, file);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

void
_mp2_folder_source_stop_watching (Mp2FolderSource *self)
{
  g_cancellable_cancel (self->watch_cancellable);
  g_clear_object (&self->watch_cancellable);
  self->watch_cancellable = g_cancellable_new ();

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->reading);
  self->generation++;
}

void
_mp2_folder_source_start_watching (Mp2FolderSource *self)
{
  g_autoptr(GError) error = NULL;

  if (self->folder == NULL)
    return;

  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES,
                                            NULL, &error);
  if (self->monitor == NULL)
    {
      g_autoptr(GError) described = new_folder_error (self->folder, error);

      _mp2_folder_source_emit_file_failed (self, self->folder, described);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self);
}

/* Scanning the folder */

static void
scan_entry_clear (gpointer data)
{
  ScanEntry *entry = data;

  g_clear_object (&entry->file);
  g_clear_pointer (&entry->name, g_free);
}

static int
compare_scan_entries (gconstpointer a,
                      gconstpointer b)
{
  const ScanEntry *entry_a = a;
  const ScanEntry *entry_b = b;

  if (entry_a->modified != entry_b->modified)
    return entry_a->modified < entry_b->modified ? -1 : 1;

  return strcmp (entry_a->name, entry_b->name);
}

static ScanData *
scan_data_new (Mp2FolderSource *self)
{
  ScanData *data = g_new0 (ScanData, 1);
  GHashTableIter iter;
  gpointer id;

  data->folder = g_object_ref (self->folder);
  data->generation = self->generation;
  data->skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->found = g_ptr_array_new_with_free_func (g_object_unref);
  data->known = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_iter_init (&iter, self->handled);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (data->skip, g_strdup (id));

  g_hash_table_iter_init (&iter, self->failed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (data->skip, g_strdup (id));

  return data;
}

static void
scan_data_free (gpointer user_data)
{
  ScanData *data = user_data;

  g_clear_object (&data->folder);
  g_clear_pointer (&data->skip, g_hash_table_unref);
  g_clear_pointer (&data->found, g_ptr_array_unref);
  g_clear_pointer (&data->known, g_ptr_array_unref);
  g_free (data);
}

static void
add_scan_entry (GArray    *entries,
                GFileInfo *info,
                GFile     *child)
{
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
  ScanEntry entry = { 0 };

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_is_hidden (info) ||
      !_mp2_folder_source_is_watched_name (g_file_info_get_name (info)))
    return;

  entry.file = g_object_ref (child);
  entry.name = g_strdup (g_file_info_get_name (info));
  entry.modified = modified != NULL ? g_date_time_to_unix (modified) : 0;
  g_array_append_val (entries, entry);
}

/* Blocking: the PDFs in the folder, oldest first. */
static GArray *
list_folder_pdfs (GFile         *folder,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (ScanEntry));

  g_array_set_clear_func (entries, scan_entry_clear);

  enumerator = g_file_enumerate_children (folder, SCAN_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      add_scan_entry (entries, info, child);
    }

  g_array_sort (entries, compare_scan_entries);

  return g_steal_pointer (&entries);
}

static void
scan_folder_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ScanData *data = task_data;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = list_folder_pdfs (data->folder, cancellable, &error);
  if (entries == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (entries == NULL)
    {
      g_task_return_error (task, new_folder_error (data->folder, error));
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      ScanEntry *entry = &g_array_index (entries, ScanEntry, i);
      g_autofree char *id = mp2_folder_source_id_for_file (entry->file);

      if (g_task_return_error_if_cancelled (task))
        return;

      if (g_hash_table_contains (data->skip, id))
        continue;

      if (mp2_mail_source_is_handled (source_object, id))
        g_ptr_array_add (data->known, g_steal_pointer (&id));
      else
        g_ptr_array_add (data->found, g_object_ref (entry->file));
    }

  g_task_return_boolean (task, TRUE);
}

static void
queue_found_files (Mp2FolderSource *self,
                   ScanData        *data,
                   GTask           *check)
{
  for (guint i = 0; i < data->known->len; i++)
    g_hash_table_add (self->handled, g_strdup (g_ptr_array_index (data->known, i)));

  for (guint i = 0; i < data->found->len; i++)
    {
      GFile *file = g_ptr_array_index (data->found, i);
      g_autofree char *id = mp2_folder_source_id_for_file (file);

      /* A file being written is the watch's, once it is done. */
      if (g_hash_table_contains (self->pending, file) ||
          g_hash_table_contains (self->failed, id))
        continue;

      _mp2_folder_source_queue_folder_file (self, file, FALSE, check);
    }
}

static void
on_folder_scanned_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Mp2FolderSource *self = MP2_FOLDER_SOURCE (object);
  g_autoptr(GTask) check = user_data;
  ScanData *data = g_task_get_task_data (G_TASK (result));
  Mp2FolderCheck *check_data = g_task_get_task_data (check);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (check, g_steal_pointer (&error));
      return;
    }

  /* The folder was changed or turned off meanwhile. */
  if (data->generation != self->generation)
    {
      g_task_return_boolean (check, TRUE);
      return;
    }

  queue_found_files (self, data, check);

  check_data->scanned = TRUE;
  if (check_data->n_left == 0)
    _mp2_folder_source_complete_check (check);
}

void
_mp2_folder_source_scan_async (Mp2FolderSource *self,
                               GTask           *check)
{
  g_autoptr(GTask) scan = NULL;

  scan = g_task_new (self, g_task_get_cancellable (check), on_folder_scanned_cb,
                     g_object_ref (check));
  g_task_set_source_tag (scan, _mp2_folder_source_scan_async);
  g_task_set_task_data (scan, scan_data_new (self), scan_data_free);
  g_task_run_in_thread (scan, scan_folder_thread);
}
