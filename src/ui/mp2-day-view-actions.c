/* mp2-day-view-actions.c
 *
 * What the user does with a day, through the pipeline: save and reset edits,
 * resolve conflicts, confirm (with an undo), dismiss (after asking), and read a
 * failed document again (with a password for an encrypted one). The results that
 * change the day come back as notifications of the schedule; what only the user
 * needs to know comes as a toast.
 *
 * Actions of the widget class, with their shortcuts while the focus is in the day:
 *
 *   day.confirm          Ctrl+Return   put the day in the calendar
 *   day.dismiss          Delete        set the day aside, after asking
 *   day.show-original    Ctrl+Shift+O  the original instead of the fields (stateful;
 *                                      enabled while the view is folded)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"
#include "mp2-errors.h"
#include "mp2-ics-export.h"

/* What a call to the pipeline needs when it comes back. */
typedef struct
{
  Mp2DayView *self;
  gint64      id;
  gboolean    with_password;
} Call;

static Call *
call_new (Mp2DayView *self,
          gint64      id)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->id = id;

  return call;
}

static void
call_free (gpointer data)
{
  Call *call = data;

  g_object_unref (call->self);
  g_free (call);
}

static void
call_free_closure (gpointer  data,
                   GClosure *closure)
{
  call_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static gboolean
was_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Toasts ----------------------------------------------------------------------------- */

static AdwToast *
toast_new_plain (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * mp2_day_view_add_toast:
 * @self: a #Mp2DayView
 * @toast: (transfer full): a toast
 *
 * Shows @toast in #Mp2DayView:toast-overlay, or else in the nearest overlay around
 * the view.
 */
void
mp2_day_view_add_toast (Mp2DayView *self,
                        AdwToast   *toast)
{
  AdwToastOverlay *overlay = self->toast_overlay;

  if (overlay == NULL)
    overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                          ADW_TYPE_TOAST_OVERLAY));
  if (overlay == NULL)
    {
      g_debug ("No toast overlay to say: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  mp2_a11y_add_toast (overlay, toast);
}

void
mp2_day_view_toast_error (Mp2DayView   *self,
                          const GError *error)
{
  AdwToast *toast = toast_new_plain (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  mp2_day_view_add_toast (self, toast);
}

/* State of the actions -------------------------------------------------------------- */

static gboolean
can_confirm (Mp2DayView *self)
{
  Mp2DayState state;

  if (self->pipeline == NULL || self->schedule == NULL || self->sheet == NULL
      || self->busy > 0)
    return FALSE;

  /* A confirmed day that is not in the calendar yet can be tried again. */
  state = mp2_schedule_get_state (self->schedule);

  return state == MP2_DAY_STATE_NEEDS_REVIEW || state == MP2_DAY_STATE_CONFIRMED;
}

static gboolean
can_dismiss (Mp2DayView *self)
{
  Mp2DayState state;

  if (self->pipeline == NULL || self->schedule == NULL || self->busy > 0)
    return FALSE;

  state = mp2_schedule_get_state (self->schedule);

  return state != MP2_DAY_STATE_DISMISSED && state != MP2_DAY_STATE_SUPERSEDED;
}

void
mp2_day_view_update_actions (Mp2DayView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "day.export",
                                 self->pipeline != NULL && self->schedule != NULL
                                 && mp2_schedule_get_sheet (self->schedule) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "day.confirm", can_confirm (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "day.dismiss", can_dismiss (self));
  gtk_widget_set_sensitive (self->unlock_button, self->busy == 0);
  gtk_widget_set_sensitive (self->retry_button, self->busy == 0);
}

void
mp2_day_view_begin_call (Mp2DayView *self)
{
  self->busy++;
  mp2_day_view_update_actions (self);
}

void
mp2_day_view_end_call (Mp2DayView *self)
{
  g_return_if_fail (self->busy > 0);

  self->busy--;
  mp2_day_view_update_actions (self);
}

/* Edits and conflicts ------------------------------------------------------------- */

static void
on_edit_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Mp2DayView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (mp2_pipeline_set_edit_finish (MP2_PIPELINE (source), result, &error)
      || was_cancelled (error))
    return;

  mp2_day_view_toast_error (self, error);
}

/**
 * mp2_day_view_save_edit:
 * @self: a #Mp2DayView
 * @key: an edit key
 * @value: (nullable): the value, in the form of an edit; a JSON null clears the
 *   field, %NULL takes the edit back
 */
void
mp2_day_view_save_edit (Mp2DayView *self,
                        const char *key,
                        JsonNode   *value)
{
  if (self->pipeline == NULL || self->schedule == NULL)
    return;

  mp2_pipeline_set_edit_async (self->pipeline, mp2_schedule_get_id (self->schedule), key,
                               value, self->cancellable, on_edit_saved_cb,
                               g_object_ref (self));
}

static void
on_conflict_resolved_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Mp2DayView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (mp2_pipeline_resolve_conflict_finish (MP2_PIPELINE (source), result, &error)
      || was_cancelled (error))
    return;

  mp2_day_view_toast_error (self, error);
}

void
mp2_day_view_resolve_conflict (Mp2DayView *self,
                               const char *key,
                               gboolean    keep_mine)
{
  if (self->pipeline == NULL || self->schedule == NULL || key == NULL)
    return;

  mp2_pipeline_resolve_conflict_async (self->pipeline, mp2_schedule_get_id (self->schedule),
                                       key, keep_mine, self->cancellable,
                                       on_conflict_resolved_cb, g_object_ref (self));
}

/**
 * mp2_day_view_reset_edit:
 * @self: a #Mp2DayView
 * @key: an edit key
 *
 * Drops the user's edit of @key: the sheet's value shows again.
 */
void
mp2_day_view_reset_edit (Mp2DayView *self,
                         const char *key)
{
  mp2_day_view_save_edit (self, key, NULL);
}

/* Confirm, and undo ------------------------------------------------------------------ */

static void
on_unconfirmed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_unconfirm_finish (MP2_PIPELINE (source), result, &error)
      && was_cancelled (error))
    return;

  mp2_day_view_end_call (call->self);
  if (error != NULL)
    mp2_day_view_toast_error (call->self, error);
  else
    mp2_day_view_add_toast (call->self, adw_toast_new (_("Removed from your calendar")));
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Call     *call)
{
  Mp2DayView *self = call->self;

  if (self->pipeline == NULL)
    return;

  mp2_day_view_begin_call (self);
  mp2_pipeline_unconfirm_async (self->pipeline, call->id, self->cancellable, on_unconfirmed_cb,
                                call_new (self, call->id));
}

static void
on_confirmed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!mp2_pipeline_confirm_finish (MP2_PIPELINE (source), result, &error)
      && was_cancelled (error))
    return;

  mp2_day_view_end_call (call->self);
  if (error != NULL)
    {
      mp2_day_view_toast_error (call->self, error);
      return;
    }

  toast = adw_toast_new (_("Added to your calendar"));
  /* Without a mnemonic: the toast's button would be named twice on GTK 4.8 (see
   * mp2-a11y.c), and a toast is not a place for one. */
  adw_toast_set_button_label (toast, _("Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         call_new (call->self, call->id), call_free_closure, 0);
  mp2_day_view_add_toast (call->self, toast);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Mp2DayView *self = MP2_DAY_VIEW (widget);
  gint64 id;

  if (!can_confirm (self))
    return;

  id = mp2_schedule_get_id (self->schedule);
  mp2_day_view_begin_call (self);
  mp2_pipeline_confirm_async (self->pipeline, id, self->cancellable, on_confirmed_cb,
                              call_new (self, id));
}

/* Dismiss ------------------------------------------------------------------------------ */

static void
on_dismissed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_dismiss_finish (MP2_PIPELINE (source), result, &error)
      && was_cancelled (error))
    return;

  mp2_day_view_end_call (call->self);
  if (error != NULL)
    mp2_day_view_toast_error (call->self, error);
}

static void
on_dismiss_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               Call             *call)
{
  Mp2DayView *self = call->self;

  if (g_strcmp0 (response, "dismiss") != 0 || self->pipeline == NULL)
    return;

  mp2_day_view_begin_call (self);
  mp2_pipeline_dismiss_async (self->pipeline, call->id, self->cancellable, on_dismissed_cb,
                              call_new (self, call->id));
}

static GtkWidget *
create_dismiss_dialog (Mp2DayView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Dismiss This Day?"),
                                   _("It leaves the list of days and your calendar. The call "
                                     "sheet stays stored."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "dismiss", _("_Dismiss"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "dismiss",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  mp2_a11y_fix_mnemonic_buttons (dialog);

  return dialog;
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Mp2DayView *self = MP2_DAY_VIEW (widget);
  GtkWidget *dialog;

  if (!can_dismiss (self))
    return;

  dialog = create_dismiss_dialog (self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_dismiss_dialog_response_cb),
                         call_new (self, mp2_schedule_get_id (self->schedule)),
                         call_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A day that could not be read ------------------------------------------------------- */

static gboolean
needs_password (Mp2DayView *self)
{
  return g_strcmp0 (mp2_schedule_get_error_code (self->schedule), "encrypted") == 0;
}

static void
describe_failure (Mp2DayView  *self,
                  const char **icon_name,
                  const char **title)
{
  const char *name = mp2_schedule_get_error_code (self->schedule);
  Mp2ParseError code;

  *icon_name = "dialog-warning-symbolic";
  *title = _("Cannot Read the Call Sheet");

  if (name == NULL || !mp2_parse_error_code_from_string (name, &code))
    return;

  switch (code)
    {
    case MP2_PARSE_ERROR_ENCRYPTED:
      *icon_name = "channel-secure-symbolic";
      *title = _("Password Required");
      break;
    case MP2_PARSE_ERROR_EMPTY:
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
    case MP2_PARSE_ERROR_NOT_A_CALL_SHEET:
      *title = _("Not a Call Sheet");
      break;
    case MP2_PARSE_ERROR_NO_TEXT_LAYER:
    default:
      break;
    }
}

/**
 * mp2_day_view_update_failed:
 * @self: a #Mp2DayView
 *
 * Shows why the document could not be read, and what the user can do: give the
 * password, try again, or dismiss it.
 */
void
mp2_day_view_update_failed (Mp2DayView *self)
{
  const char *icon_name;
  const char *title;
  const char *file_name;
  gboolean password;

  if (self->schedule == NULL || mp2_schedule_get_state (self->schedule) != MP2_DAY_STATE_FAILED)
    return;

  describe_failure (self, &icon_name, &title);
  password = needs_password (self);
  file_name = mp2_schedule_get_file_name (self->schedule);

  adw_status_page_set_icon_name (self->failed_page, icon_name);
  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page,
                                   mp2_schedule_get_error_message (self->schedule));
  gtk_label_set_label (self->failed_file_label, file_name != NULL ? file_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->failed_file_label), file_name != NULL);
  gtk_widget_set_visible (self->password_box, password);
  gtk_widget_set_visible (self->retry_button, !password);
}

static void
show_wrong_password (Mp2DayView *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->password_row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_set_visible (self->password_error_label, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_retried_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_retry_finish (MP2_PIPELINE (source), result, &error)
      && was_cancelled (error))
    return;

  mp2_day_view_end_call (call->self);

  /* Why a document still cannot be read is on the page (the schedule's error);
   * anything else, such as a disk error, in a toast. */
  if (g_error_matches (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_ENCRYPTED) && call->with_password)
    show_wrong_password (call->self);
  else if (error != NULL && error->domain != MP2_PARSE_ERROR)
    mp2_day_view_toast_error (call->self, error);
}

static void
retry (Mp2DayView *self,
       const char *password)
{
  Call *call;

  if (self->pipeline == NULL || self->schedule == NULL || self->busy > 0)
    return;

  call = call_new (self, mp2_schedule_get_id (self->schedule));
  call->with_password = password != NULL;

  /* Kept for showing the original, which needs it too. */
  if (password != NULL)
    {
      g_free (self->password);
      self->password = g_strdup (password);
    }

  gtk_widget_set_visible (self->password_error_label, FALSE);
  mp2_day_view_begin_call (self);
  mp2_pipeline_retry_async (self->pipeline, call->id, password, self->cancellable,
                            on_retried_cb, call);
}

static void
unlock (Mp2DayView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (*password == '\0')
    return;

  retry (self, password);
}

static void
on_password_row_entry_activated_cb (Mp2DayView *self)
{
  unlock (self);
}

static void
on_password_row_changed_cb (Mp2DayView *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->password_row),
                              GTK_ACCESSIBLE_STATE_INVALID);
}

static void
on_unlock_button_clicked_cb (Mp2DayView *self)
{
  unlock (self);
}

static void
on_retry_button_clicked_cb (Mp2DayView *self)
{
  retry (self, NULL);
}

/* Export as iCalendar --------------------------------------------------------------------- */

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Mp2DayView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_ics_export_write_finish (result, &error))
    {
      if (!was_cancelled (error))
        mp2_day_view_toast_error (self, error);
      return;
    }

  mp2_day_view_add_toast (self, toast_new_plain (_("Exported as iCalendar")));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *dialog,
                               int              response,
                               gpointer         user_data)
{
  g_autoptr(Mp2DayView) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL || self->schedule == NULL || self->pipeline == NULL)
    return;

  event = mp2_pipeline_dup_event (self->pipeline, self->schedule, &error);
  if (event == NULL)
    {
      mp2_day_view_toast_error (self, error);
      return;
    }

  mp2_ics_export_write_async (event, file, self->cancellable, on_exported_cb, g_object_ref (self));
}

/* "Cicha Woda 2025-03-28.ics" */
static char *
suggest_file_name (Mp2DayView *self)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (self->schedule);
  const char *production = sheet != NULL ? mp2_call_sheet_get_production (sheet) : NULL;
  int year, month, day;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (sheet != NULL && mp2_call_sheet_get_date (sheet, &year, &month, &day))
    date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  name = g_strjoin (" ", production != NULL ? production : _("Shooting Day"),
                    date != NULL ? date : "", NULL);
  g_strstrip (name);
  g_strdelimit (name, "/\\:", '-');

  return g_strconcat (name, ".ics", NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  Mp2DayView *self = MP2_DAY_VIEW (widget);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *dialog;

  if (self->schedule == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export as iCalendar"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  file_name = suggest_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The class ----------------------------------------------------------------------------- */

void
mp2_day_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "day.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "day.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "day.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_property_action (widget_class, "day.show-original",
                                            "show-original");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "day.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "day.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "day.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "day.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "day.dismiss",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "day.show-original", NULL);
}
