/* mp2-a11y.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *mp2_a11y_strip_mnemonic          (const char  *label);
void  mp2_a11y_fix_mnemonic_buttons    (GtkWidget   *root);
void  mp2_a11y_label_drop_down         (GtkDropDown *drop_down,
                                        const char  *label,
                                        const char  *value);
void  mp2_a11y_label_entry_row         (AdwEntryRow *row);
void  mp2_a11y_add_toast               (AdwToastOverlay *overlay,
                                        AdwToast        *toast);

G_END_DECLS
