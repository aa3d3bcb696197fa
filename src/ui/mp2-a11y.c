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

#include <glib/gi18n.h>
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

static void
label_entry_row_button (GtkButton *button)
{
  const char *icon_name = gtk_button_get_icon_name (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));
  g_autofree char *name = NULL;

  if (g_strcmp0 (icon_name, "adw-entry-apply-symbolic") == 0)
    name = g_strdup (_("Apply"));
  else if ((g_strcmp0 (icon_name, "view-reveal-symbolic") == 0
            || g_strcmp0 (icon_name, "view-conceal-symbolic") == 0) && tooltip != NULL)
    name = mp2_a11y_strip_mnemonic (tooltip);

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
}

static void
label_entry_row_part (GtkWidget  *widget,
                      const char *title)
{
  if (GTK_IS_TEXT (widget))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      return;
    }

  if (GTK_IS_BUTTON (widget))
    {
      label_entry_row_button (GTK_BUTTON (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_entry_row_part (child, title);
}

/**
 * mp2_a11y_label_entry_row:
 * @row: an #AdwEntryRow (or #AdwPasswordEntryRow)
 *
 * libadwaita 1.2 names the row after its title, but not the text inside it, where
 * the focus goes, nor its icon-only buttons, so a screen reader only says "text"
 * and "button". Names the text after the row's title, the apply button "Apply" and
 * a password row's button that shows the text after its tooltip. Call it again when
 * the title changes; other buttons of the row are left alone.
 */
void
mp2_a11y_label_entry_row (AdwEntryRow *row)
{
  const char *title;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_entry_row_part (child, title != NULL ? title : "");
}

/* A toast's close button is an icon only, without a name. */
static void
label_close_buttons (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root)
      && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "window-close-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Close"), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_close_buttons (child);
}

static void
fix_toast_buttons (GtkWidget *overlay)
{
  mp2_a11y_fix_mnemonic_buttons (overlay);
  label_close_buttons (overlay);
}

static gboolean
fix_toast_buttons_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) overlay = user_data;

  fix_toast_buttons (overlay);
  return G_SOURCE_REMOVE;
}

static void
on_toast_dismissed_cb (AdwToast        *toast,
                       AdwToastOverlay *overlay)
{
  g_idle_add (fix_toast_buttons_cb, g_object_ref (overlay));
}

/**
 * mp2_a11y_add_toast:
 * @overlay: an #AdwToastOverlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast. libadwaita gives a toast's button a mnemonic label, which GTK 4.8
 * names twice ("Undo Undo"), and its close button no name at all; both are named
 * once they exist.
 */
void
mp2_a11y_add_toast (AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  AdwToast *previous = g_object_get_data (G_OBJECT (overlay), "mp2-a11y-last-toast");

  /* A toast added while another shows comes up when that one is dismissed. */
  if (previous != NULL)
    g_signal_connect_object (previous, "dismissed", G_CALLBACK (on_toast_dismissed_cb), overlay,
                             0);
  g_object_set_data_full (G_OBJECT (overlay), "mp2-a11y-last-toast", g_object_ref (toast),
                          g_object_unref);

  adw_toast_overlay_add_toast (overlay, toast);
  fix_toast_buttons (GTK_WIDGET (overlay));
  g_idle_add (fix_toast_buttons_cb, g_object_ref (overlay));
}
