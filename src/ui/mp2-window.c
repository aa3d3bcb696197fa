/* mp2-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-window"

#include "config.h"

#include "mp2-window.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"
#include "mp2-application.h"
#include "mp2-errors.h"
#include "mp2-pdf-document.h"
#include "mp2-pdf-view.h"

struct _Mp2Window
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *load_cancellable;
  GFile                *file;
  char                 *password;
  Mp2PdfDocument       *document;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  Mp2PdfView           *pdf_view;
  AdwStatusPage        *error_page;
  GtkWidget            *password_box;
  AdwPasswordEntryRow  *password_row;
};

G_DEFINE_FINAL_TYPE (Mp2Window, mp2_window, ADW_TYPE_APPLICATION_WINDOW)

static void load_file (Mp2Window  *self,
                       GFile      *file,
                       const char *password);

static void
show_page (Mp2Window  *self,
           const char *name)
{
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
describe_error (const GError  *error,
                const char   **icon_name,
                const char   **title)
{
  *icon_name = "dialog-warning-symbolic";
  *title = _("Cannot Open the Call Sheet");

  if (error->domain != MP2_PARSE_ERROR)
    return;

  switch ((Mp2ParseError) error->code)
    {
    case MP2_PARSE_ERROR_ENCRYPTED:
      *icon_name = "channel-secure-symbolic";
      *title = _("Password Required");
      break;
    case MP2_PARSE_ERROR_EMPTY:
      *icon_name = "document-open-symbolic";
      *title = _("The File Is Empty");
      break;
    case MP2_PARSE_ERROR_NOT_A_PDF:
      *title = _("Not a PDF Document");
      break;
    case MP2_PARSE_ERROR_CORRUPT:
      *title = _("The PDF Is Damaged");
      break;
    case MP2_PARSE_ERROR_TOO_LARGE:
      *title = _("The File Is Too Large");
      break;
    case MP2_PARSE_ERROR_NO_TEXT_LAYER:
    case MP2_PARSE_ERROR_NOT_A_CALL_SHEET:
    default:
      break;
    }
}

static void
show_error (Mp2Window    *self,
            const GError *error)
{
  const char *icon_name;
  const char *title;
  gboolean needs_password;

  describe_error (error, &icon_name, &title);
  needs_password = g_error_matches (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_ENCRYPTED);

  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->password_box, needs_password);

  if (needs_password && self->password != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");

  show_page (self, "error");

  if (needs_password)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
show_document (Mp2Window      *self,
               Mp2PdfDocument *document)
{
  g_set_object (&self->document, document);
  mp2_pdf_view_set_document (self->pdf_view, document);
  show_page (self, "document");
  gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
}

static void
on_document_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Mp2Window) self = user_data;
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = mp2_pdf_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);

  if (document == NULL)
    {
      g_debug ("Could not open the document: %s", error->message);
      show_error (self, error);
      return;
    }

  show_document (self, document);
}

static void
set_file (Mp2Window *self,
          GFile     *file)
{
  g_autofree char *basename = NULL;

  if (self->file != file)
    g_set_object (&self->file, file);

  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
}

static void
load_file (Mp2Window  *self,
           GFile      *file,
           const char *password)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  set_file (self, file);
  g_free (self->password);
  self->password = g_strdup (password);

  g_clear_object (&self->document);
  mp2_pdf_view_set_document (self->pdf_view, NULL);
  show_page (self, "loading");

  mp2_pdf_document_load_async (file, password, self->load_cancellable, on_document_loaded_cb,
                               g_object_ref (self));
}

/**
 * mp2_window_open_file:
 * @self: a #Mp2Window
 * @file: a PDF
 *
 * Opens @file and shows it, or shows why it cannot be shown.
 */
void
mp2_window_open_file (Mp2Window *self,
                      GFile     *file)
{
  g_return_if_fail (MP2_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  load_file (self, file, NULL);
}

/**
 * mp2_window_is_empty:
 * @self: a #Mp2Window
 *
 * Returns: %TRUE if the window shows no document and is not opening one
 */
gboolean
mp2_window_is_empty (Mp2Window *self)
{
  g_return_val_if_fail (MP2_IS_WINDOW (self), FALSE);

  return self->file == NULL;
}

static void
unlock (Mp2Window *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->file == NULL || *password == '\0')
    return;

  load_file (self, self->file, password);
}

static void
on_password_row_entry_activated_cb (Mp2Window *self)
{
  unlock (self);
}

static void
on_unlock_button_clicked_cb (Mp2Window *self)
{
  unlock (self);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  g_autoptr(Mp2Window) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL)
    mp2_window_open_file (self, file);
}

static GtkFileFilter *
create_pdf_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  return filter;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  Mp2Window *self = MP2_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = create_pdf_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Call Sheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GSList *
files_from_drop_value (const GValue *value)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return gdk_file_list_get_files (g_value_get_boxed (value));

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    return g_slist_prepend (NULL, g_value_get_object (value));

  return NULL;
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        gpointer       user_data)
{
  Mp2Window *self = user_data;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  GSList *files = files_from_drop_value (value);

  if (files == NULL)
    return FALSE;

  /* The first file goes where it was dropped, the others into windows of their own. */
  mp2_window_open_file (self, files->data);

  for (GSList *l = files->next; l != NULL; l = l->next)
    g_ptr_array_add (rest, l->data);

  if (rest->len > 0 && application != NULL)
    mp2_application_open_files (MP2_APPLICATION (application), (GFile **) rest->pdata,
                                rest->len);

  g_slist_free (files);

  return TRUE;
}

static void
setup_drop_target (Mp2Window *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *target;

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_target_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stack), GTK_EVENT_CONTROLLER (target));
}

static void
restore_window_state (Mp2Window *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (Mp2Window *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  /* The schema's ranges: never store a size the window could not be restored to. */
  width = MAX (width, 360);
  height = MAX (height, 294);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
mp2_window_close_request (GtkWindow *window)
{
  Mp2Window *self = MP2_WINDOW (window);

  save_window_state (self);
  g_cancellable_cancel (self->load_cancellable);

  return GTK_WINDOW_CLASS (mp2_window_parent_class)->close_request (window);
}

static void
mp2_window_dispose (GObject *object)
{
  Mp2Window *self = MP2_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP2_TYPE_WINDOW);

  G_OBJECT_CLASS (mp2_window_parent_class)->dispose (object);
}

static void
mp2_window_finalize (GObject *object)
{
  Mp2Window *self = MP2_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (mp2_window_parent_class)->finalize (object);
}

static void
mp2_window_class_init (Mp2WindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp2_window_dispose;
  object_class->finalize = mp2_window_finalize;

  window_class->close_request = mp2_window_close_request;

  g_type_ensure (MP2_TYPE_PDF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-window.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, window_title);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, stack);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, error_page);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, password_box);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, password_row);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
}

static void
mp2_window_init (Mp2Window *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mp2_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  restore_window_state (self);
  setup_drop_target (self);

  /* The viewer's page and zoom actions work from anywhere in the window, so that
   * their keyboard shortcuts do not depend on where the focus is. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "pdf",
                                  mp2_pdf_view_get_action_group (self->pdf_view));
}
