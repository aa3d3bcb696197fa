/* mp2-folder-source-private.h
 *
 * What the files of Mp2FolderSource share: mp2-folder-source.c (the object),
 * mp2-folder-source-read.c (reading files one at a time) and
 * mp2-folder-source-watch.c (watching and scanning the folder).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-folder-source.h"

G_BEGIN_DECLS

typedef struct _Mp2FolderSourceJob Mp2FolderSourceJob;

struct _Mp2FolderSource
{
  GObject       parent_instance;

  GMainContext *context;
  char         *name;
  guint         settle_time;

  GFile        *folder;
  GFileMonitor *monitor;
  GCancellable *watch_cancellable;  /* cancelled when the folder changes */
  guint         generation;         /* the folder's; grows when it changes */

  GHashTable   *pending;            /* GFile → PendingFile: being written */
  GHashTable   *handled;            /* ids marked handled or known to the store */
  GHashTable   *failed;             /* ids of folder files that could not be read */
  GHashTable   *reading;            /* ids of folder files queued or being read */

  GQueue        queue;              /* Mp2FolderSourceJob, one at a time, in order */
  Mp2FolderSourceJob *current;
};

/* The task data of a check: what it still waits for. */
typedef struct
{
  guint    n_left;      /* files of this check still to be read */
  gboolean scanned;     /* the folder was listed and its files queued */
} Mp2FolderCheck;

/* mp2-folder-source.c */
char     *_mp2_folder_source_dup_display_basename (GFile           *file);
gboolean  _mp2_folder_source_is_watched_name      (const char      *name);
void      _mp2_folder_source_emit_file_failed     (Mp2FolderSource *self,
                                                   GFile           *file,
                                                   const GError    *error);

/* mp2-folder-source-read.c */
void      _mp2_folder_source_queue_folder_file    (Mp2FolderSource *self,
                                                   GFile           *file,
                                                   gboolean         ask_handled,
                                                   GTask           *check);
void      _mp2_folder_source_complete_check       (GTask           *check);

/* mp2-folder-source-watch.c */
void      _mp2_folder_source_pending_file_free    (gpointer         pending);
void      _mp2_folder_source_start_watching       (Mp2FolderSource *self);
void      _mp2_folder_source_stop_watching        (Mp2FolderSource *self);
void      _mp2_folder_source_scan_async           (Mp2FolderSource *self,
                                                   GTask           *check);

G_END_DECLS
