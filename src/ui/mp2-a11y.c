/* mp2-a11y.c
 *
 * GTK 4.8 names a button whose label has a mnemonic twice over: once from its raw
 * label ("_Open Call Sheet…") and once from the label widget that it is labelled by,
 * so a screen reader says "underscore Open Call Sheet… Open Call Sheet…". Giving
 * such buttons their label without the mnemonic, and only that, makes the name
 * right on every GTK version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-a11y"

#include "config.h"

#include "mp2-a11y.h"

#include <string.h>

/**
 * mp2_a11y_strip_mnemonic:
 * @label: a label with mnemonics, such as `_Open`
 *
 * Returns: (transfer full): @label as it reads, `__` becoming `_`
 */
char *
mp2_a11y_strip_mnemonic (const char *label)
{
  GString *string;

  g_return_val_if_fail (label != NULL, NULL);

  string = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          /* "__" stands for an underscore; a single one marks the mnemonic. */
          if (p[1] == '_')
            {
              g_string_append_c (string, '_');
              p++;
            }
          continue;
        }

      g_string_append_c (string, *p);
    }

  return g_string_free (string, FALSE);
}

static void
fix_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  name = mp2_a11y_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * mp2_a11y_fix_mnemonic_buttons:
 * @root: a widget
 *
 * Gives every button under @root that has a mnemonic an accessible name that a
 * screen reader can speak. Call it once the widgets are built.
 */
void
mp2_a11y_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    fix_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mp2_a11y_fix_mnemonic_buttons (child);
}

/**
 * mp2_a11y_label_drop_down:
 * @drop_down: a #GtkDropDown
 * @label: what the drop-down chooses, such as "Time zone"
 * @value: (nullable): the item chosen now
 *
 * GTK 4.8 gives the button inside a drop-down no name at all, so a screen reader
 * only says "toggle button". Names it after what it chooses, and describes it with
 * the item chosen.
 */
void
mp2_a11y_label_drop_down (GtkDropDown *drop_down,
                          const char  *label,
                          const char  *value)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;

      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value ? value : "",
                                      -1);
    }
}
