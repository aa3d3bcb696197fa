/* mp2-folder-source.c
 *
 * Call sheets from files. The files the user opens are read one after the other and
 * emitted whatever they are; a watched folder offers its PDFs once they have stopped
 * changing, and is scanned for the ones not handled yet when asked to check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-folder-source"

#include "config.h"

#include "mp2-folder-source.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mp2-folder-source-private.h"

/**
 * SECTION:mp2-folder-source
 * @title: Mp2FolderSource
 * @short_description: call sheets from files and from a watched folder
 *
 * Files given to mp2_folder_source_add_files() (opened with the file chooser,
 * dropped on the window, named on the command line) are always emitted, PDF or not,
 * known or not: the user asked for them, and the reader's error for a file that is
 * not a PDF says more than a file that silently does nothing.
 *
 * When #Mp2FolderSource:folder is set, a new file in it whose name ends in ".pdf"
 * (in any case; hidden files are left alone) is emitted once its writer has closed
 * it and left it alone for #Mp2FolderSource:settle-time, and a file moved or renamed
 * into it once it has been left alone as long (a browser's download renamed from
 * ".part" is one). mp2_mail_source_check_async() scans the folder, oldest file first,
 * for PDFs that are neither handled nor failed, nor being written. Setting the folder
 * does not scan it: the owner calls the check when it is ready for the candidates.
 *
 * Before reading a file it found by itself the source asks the handled function
 * (mp2_mail_source_set_handled_func()); it also remembers the ids marked handled and
 * those that could not be read, until the file changes again. A candidate's id names
 * the file ("file:" and its URI), not its contents: a handled file that is
 * overwritten under the same name is not offered again; a revision saved under a new
 * name is.
 *
 * Many PDFs in a watched folder are not call sheets. The pipeline is expected to
 * store them, fail to parse them quietly (no notification for a file that nobody
 * opened on purpose) and mark them handled all the same, so that they are not read
 * again at the next check.
 *
 * A file that cannot be read is reported with #Mp2FolderSource::file-failed and a
 * sentence for the user; in the watched folder a file that disappeared before it was
 * read, or a folder named like a PDF, is not reported.
 */

#define MIN_SETTLE_TIME 10
#define MAX_SETTLE_TIME 60000

static void mp2_mail_source_iface_init (Mp2MailSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2FolderSource, mp2_folder_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_MAIL_SOURCE,
                                                      mp2_mail_source_iface_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_SETTLE_TIME,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FILE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * mp2_folder_source_id_for_file:
 * @file: a file
 *
 * Returns: (transfer full): the id of the candidates read from @file
 */
char *
mp2_folder_source_id_for_file (GFile *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);

  return g_strconcat ("file:", uri, NULL);
}

char *
_mp2_folder_source_dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

gboolean
_mp2_folder_source_is_watched_name (const char *name)
{
  gsize length = name != NULL ? strlen (name) : 0;

  return length > 4 && name[0] != '.' && g_ascii_strcasecmp (name + length - 4, ".pdf") == 0;
}

void
_mp2_folder_source_emit_file_failed (Mp2FolderSource *self,
                                     GFile           *file,
                                     const GError    *error)
{
  g_debug ("%s: %s", self->name, error->message);
  g_signal_emit (self, signals[FILE_FAILED], 0, file, error);
}

static char *
dup_name (Mp2FolderSource *self)
{
  if (self->folder != NULL)
    return _mp2_folder_source_dup_display_basename (self->folder);

  /* Translators: where call sheets come from when the user opens or drops them */
  return g_strdup (_("Opened files"));
}

static void
update_name (Mp2FolderSource *self)
{
  g_autofree char *name = dup_name (self);

  if (g_strcmp0 (name, self->name) == 0)
    return;

  g_free (self->name);
  self->name = g_steal_pointer (&name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* Mp2MailSource */

static const char *
mp2_folder_source_get_name (Mp2MailSource *source)
{
  return MP2_FOLDER_SOURCE (source)->name;
}

static void
mp2_folder_source_check_async (Mp2MailSource       *source,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Mp2FolderSource *self = MP2_FOLDER_SOURCE (source);
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_folder_source_check_async);
  g_task_set_task_data (task, g_new0 (Mp2FolderCheck, 1), g_free);

  if (self->folder == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  _mp2_folder_source_scan_async (self, task);
}

static gboolean
mp2_folder_source_check_finish (Mp2MailSource  *source,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_folder_source_check_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mp2_folder_source_mark_handled_async (Mp2MailSource       *source,
                                      const char          *id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Mp2FolderSource *self = MP2_FOLDER_SOURCE (source);
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_folder_source_mark_handled_async);

  g_hash_table_add (self->handled, g_strdup (id));
  g_hash_table_remove (self->failed, id);

  g_task_return_boolean (task, TRUE);
}

static gboolean
mp2_folder_source_mark_handled_finish (Mp2MailSource  *source,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_folder_source_mark_handled_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mp2_mail_source_iface_init (Mp2MailSourceInterface *iface)
{
  iface->get_name = mp2_folder_source_get_name;
  iface->check_async = mp2_folder_source_check_async;
  iface->check_finish = mp2_folder_source_check_finish;
  iface->mark_handled_async = mp2_folder_source_mark_handled_async;
  iface->mark_handled_finish = mp2_folder_source_mark_handled_finish;
}

/* GObject */

static void
mp2_folder_source_dispose (GObject *object)
{
  Mp2FolderSource *self = (Mp2FolderSource *) object;

  _mp2_folder_source_stop_watching (self);
  g_cancellable_cancel (self->watch_cancellable);

  G_OBJECT_CLASS (mp2_folder_source_parent_class)->dispose (object);
}

static void
mp2_folder_source_finalize (GObject *object)
{
  Mp2FolderSource *self = (Mp2FolderSource *) object;

  /* Every queued or running job holds a reference. */
  g_assert (self->current == NULL);
  g_assert (g_queue_is_empty (&self->queue));

  g_clear_object (&self->folder);
  g_clear_object (&self->watch_cancellable);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->handled, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
  g_clear_pointer (&self->reading, g_hash_table_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (mp2_folder_source_parent_class)->finalize (object);
}

static void
mp2_folder_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  Mp2FolderSource *self = MP2_FOLDER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_SETTLE_TIME:
      g_value_set_uint (value, self->settle_time);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_folder_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  Mp2FolderSource *self = MP2_FOLDER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      mp2_folder_source_set_folder (self, g_value_get_object (value));
      break;

    case PROP_SETTLE_TIME:
      mp2_folder_source_set_settle_time (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_folder_source_class_init (Mp2FolderSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_folder_source_dispose;
  object_class->finalize = mp2_folder_source_finalize;
  object_class->get_property = mp2_folder_source_get_property;
  object_class->set_property = mp2_folder_source_set_property;

  /**
   * Mp2FolderSource:folder:
   *
   * The watched folder, or %NULL when no folder is watched.
   */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * Mp2FolderSource:settle-time:
   *
   * How long, in milliseconds, a file in the watched folder must be left alone
   * after it was written or moved in before it is read.
   */
  properties[PROP_SETTLE_TIME] =
    g_param_spec_uint ("settle-time", NULL, NULL,
                       MIN_SETTLE_TIME, MAX_SETTLE_TIME, MP2_FOLDER_SOURCE_DEFAULT_SETTLE_TIME,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, PROP_NAME, properties);

  g_object_class_override_property (object_class, PROP_NAME, "name");
  properties[PROP_NAME] = g_object_class_find_property (object_class, "name");

  /**
   * Mp2FolderSource::file-failed:
   * @self: the source
   * @file: the file, or the folder, that could not be read or watched
   * @error: why, in a sentence for the user: a #G_IO_ERROR, or
   *   %MP2_PARSE_ERROR_TOO_LARGE
   *
   * Emitted instead of #Mp2MailSource::candidate-found for a file that cannot be
   * read, and for a folder that cannot be watched.
   */
  signals[FILE_FAILED] =
    g_signal_new ("file-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
}

static void
mp2_folder_source_init (Mp2FolderSource *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->settle_time = MP2_FOLDER_SOURCE_DEFAULT_SETTLE_TIME;
  self->generation = 1;
  self->watch_cancellable = g_cancellable_new ();
  self->pending = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                         NULL, _mp2_folder_source_pending_file_free);
  self->handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->queue);
  self->name = dup_name (self);
}

/**
 * mp2_folder_source_new:
 *
 * Makes a source for files, with no folder watched. Its signals are emitted on the
 * thread-default main context of the caller.
 *
 * Returns: (transfer full): a new #Mp2FolderSource
 */
Mp2FolderSource *
mp2_folder_source_new (void)
{
  return g_object_new (MP2_TYPE_FOLDER_SOURCE, NULL);
}

/**
 * mp2_folder_source_get_folder:
 * @self: a folder source
 *
 * Returns: (transfer none) (nullable): the watched folder
 */
GFile *
mp2_folder_source_get_folder (Mp2FolderSource *self)
{
  g_return_val_if_fail (MP2_IS_FOLDER_SOURCE (self), NULL);

  return self->folder;
}

/**
 * mp2_folder_source_set_folder:
 * @self: a folder source
 * @folder: (nullable): the folder to watch, or %NULL to watch none
 *
 * Watches @folder for new PDFs instead of the folder watched before. Files of the
 * previous folder that were still waiting or being read are dropped. A folder that
 * cannot be watched is reported with #Mp2FolderSource::file-failed.
 */
void
mp2_folder_source_set_folder (Mp2FolderSource *self,
                              GFile           *folder)
{
  g_return_if_fail (MP2_IS_FOLDER_SOURCE (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (self->folder == folder ||
      (self->folder != NULL && folder != NULL && g_file_equal (self->folder, folder)))
    return;

  _mp2_folder_source_stop_watching (self);
  g_set_object (&self->folder, folder);
  _mp2_folder_source_start_watching (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  update_name (self);
}

/**
 * mp2_folder_source_get_settle_time:
 * @self: a folder source
 *
 * Returns: how long, in milliseconds, a file must be quiet before it is read
 */
guint
mp2_folder_source_get_settle_time (Mp2FolderSource *self)
{
  g_return_val_if_fail (MP2_IS_FOLDER_SOURCE (self), 0);

  return self->settle_time;
}

/**
 * mp2_folder_source_set_settle_time:
 * @self: a folder source
 * @settle_time: milliseconds, from 10 to 60000
 *
 * Sets how long a file in the watched folder must be quiet before it is read.
 */
void
mp2_folder_source_set_settle_time (Mp2FolderSource *self,
                                   guint            settle_time)
{
  g_return_if_fail (MP2_IS_FOLDER_SOURCE (self));

  settle_time = CLAMP (settle_time, MIN_SETTLE_TIME, MAX_SETTLE_TIME);
  if (self->settle_time == settle_time)
    return;

  self->settle_time = settle_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLE_TIME]);
}
