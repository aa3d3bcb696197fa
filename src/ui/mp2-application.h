/* mp2-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP2_TYPE_APPLICATION (mp2_application_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Application, mp2_application, MP2, APPLICATION, AdwApplication)

Mp2Application *mp2_application_new          (void);
GSettings      *mp2_application_get_settings (Mp2Application *self);
void            mp2_application_open_files   (Mp2Application *self,
                                              GFile         **files,
                                              guint           n_files);
void            mp2_application_import_files (Mp2Application *self,
                                              GFile         **files,
                                              guint           n_files);

G_END_DECLS
