/* mp2-folder-source.h
 *
 * Call sheets from files: those the user opens, drops on the window or names on the
 * command line, and, when a folder is set, the PDFs saved into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-mail-source.h"

G_BEGIN_DECLS

#define MP2_TYPE_FOLDER_SOURCE (mp2_folder_source_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FolderSource, mp2_folder_source, MP2, FOLDER_SOURCE, GObject)

/* How long, by default, a file in the watched folder must be left alone after its
 * writer closed it before it is read. */
#define MP2_FOLDER_SOURCE_DEFAULT_SETTLE_TIME 1000

Mp2FolderSource *mp2_folder_source_new              (void);

void             mp2_folder_source_add_files        (Mp2FolderSource  *self,
                                                     GFile           **files,
                                                     guint             n_files);

GFile           *mp2_folder_source_get_folder       (Mp2FolderSource  *self);
void             mp2_folder_source_set_folder       (Mp2FolderSource  *self,
                                                     GFile            *folder);

guint            mp2_folder_source_get_settle_time  (Mp2FolderSource  *self);
void             mp2_folder_source_set_settle_time  (Mp2FolderSource  *self,
                                                     guint             settle_time);

char            *mp2_folder_source_id_for_file      (GFile            *file);

G_END_DECLS
