/* mp2-day-view-original.c
 *
 * The original PDF of a day, beside its fields: loaded from the store and opened in
 * a worker thread, and the box where a field was read highlighted when the pointer
 * enters the field's row or the focus moves into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>

#include "mp2-errors.h"
#include "mp2-pdf-document.h"
#include "mp2-store.h"

#define SOURCE_KEY_DATA "mp2-source-key"

/* Where a field was read ------------------------------------------------------------ */

static void
apply_source (Mp2DayView *self)
{
  Mp2CallSheet *sheet = NULL;
  Mp2SourceBox box;
  graphene_rect_t rect;

  if (self->schedule != NULL)
    sheet = mp2_schedule_get_sheet (self->schedule);

  /* Boxes are where the sheet as read printed its values: edits do not move them. */
  if (sheet == NULL || self->source_key == NULL
      || !mp2_call_sheet_get_position (sheet, self->source_key, &box))
    {
      mp2_pdf_view_clear_highlight (self->pdf_view);
      return;
    }

  graphene_rect_init (&rect, (float) box.x, (float) box.y, (float) box.width,
                      (float) box.height);
  mp2_pdf_view_show_highlight (self->pdf_view, box.page, &rect);
}

/**
 * mp2_day_view_show_source:
 * @self: a #Mp2DayView
 * @key: (nullable): a key of the sheet's positions, such as "crew_call" or "crew/5"
 *
 * Shows the page of the original where @key was read and highlights its box.
 */
void
mp2_day_view_show_source (Mp2DayView *self,
                          const char *key)
{
  if (g_strcmp0 (self->source_key, key) != 0)
    {
      g_free (self->source_key);
      self->source_key = g_strdup (key);
    }

  apply_source (self);
}

static void
show_source_of (Mp2DayView *self,
                GtkWidget  *widget)
{
  const char *key;

  if (MP2_IS_FIELD_ROW (widget))
    key = mp2_field_row_get_source_key (MP2_FIELD_ROW (widget));
  else
    key = g_object_get_data (G_OBJECT (widget), SOURCE_KEY_DATA);

  mp2_day_view_show_source (self, key);
}

static void
on_source_motion_enter_cb (GtkEventControllerMotion *controller,
                           double                    x,
                           double                    y,
                           Mp2DayView               *self)
{
  show_source_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_source_focus_enter_cb (GtkEventControllerFocus *controller,
                          Mp2DayView              *self)
{
  show_source_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/**
 * mp2_day_view_track_source:
 * @self: a #Mp2DayView
 * @widget: a row
 * @key: (nullable): where its value was read; a #Mp2FieldRow knows its own
 *
 * Highlights where @widget's value was read when the pointer enters it or the focus
 * moves into it.
 */
void
mp2_day_view_track_source (Mp2DayView *self,
                           GtkWidget  *widget,
                           const char *key)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  if (key != NULL)
    g_object_set_data_full (G_OBJECT (widget), SOURCE_KEY_DATA, g_strdup (key), g_free);

  g_signal_connect (motion, "enter", G_CALLBACK (on_source_motion_enter_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_source_focus_enter_cb), self);
  gtk_widget_add_controller (widget, motion);
  gtk_widget_add_controller (widget, focus);
}

/* The original PDF ----------------------------------------------------------------- */

typedef struct
{
  GBytes *pdf;
  char   *password;
} OpenRequest;

static void
open_request_free (gpointer data)
{
  OpenRequest *request = data;

  g_bytes_unref (request->pdf);
  g_free (request->password);
  g_free (request);
}

static void
open_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  OpenRequest *request = task_data;
  Mp2PdfDocument *document;
  GError *error = NULL;

  document = mp2_pdf_document_new_from_bytes (request->pdf, request->password, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
show_original_error (Mp2DayView   *self,
                     const GError *error)
{
  const char *description = error->message;

  if (g_error_matches (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_ENCRYPTED))
    description = _("The original is protected by a password.");

  g_debug ("Cannot show the original: %s", error->message);
  adw_status_page_set_description (self->original_status, description);
  gtk_spinner_set_spinning (self->original_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->original_stack, "unavailable");
}

static void
on_document_opened_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Mp2DayView *self = MP2_DAY_VIEW (source);
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      show_original_error (self, error);
      return;
    }

  mp2_pdf_view_set_document (self->pdf_view, document);
  gtk_spinner_set_spinning (self->original_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->original_stack, "document");
  apply_source (self);
}

static void
open_document (Mp2DayView *self,
               GBytes     *pdf)
{
  g_autoptr(GTask) task = NULL;
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->pdf = g_bytes_ref (pdf);
  request->password = g_strdup (self->password);

  task = g_task_new (self, self->pdf_cancellable, on_document_opened_cb, NULL);
  g_task_set_source_tag (task, open_document);
  g_task_set_task_data (task, request, open_request_free);
  g_task_run_in_thread (task, open_document_thread);
}

static void
on_pdf_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Mp2DayView) self = user_data;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  pdf = mp2_store_load_pdf_finish (MP2_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (pdf == NULL)
    show_original_error (self, error);
  else
    open_document (self, pdf);
}

void
mp2_day_view_cancel_original (Mp2DayView *self)
{
  g_cancellable_cancel (self->pdf_cancellable);
  g_clear_object (&self->pdf_cancellable);
}

/**
 * mp2_day_view_update_original:
 * @self: a #Mp2DayView
 * @shown: whether the day's page is shown (its document is loaded only then)
 *
 * Loads the stored PDF of the day into the viewer, in a worker thread, when it is
 * not the one there.
 */
void
mp2_day_view_update_original (Mp2DayView *self,
                              gboolean    shown)
{
  const char *document = NULL;

  if (self->pipeline != NULL && shown)
    document = mp2_schedule_get_document (self->schedule);

  if (g_strcmp0 (document, self->pdf_document) == 0)
    return;

  mp2_day_view_cancel_original (self);
  g_free (self->pdf_document);
  self->pdf_document = g_strdup (document);
  mp2_pdf_view_set_document (self->pdf_view, NULL);

  if (document == NULL)
    return;

  self->pdf_cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->original_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->original_stack, "loading");
  mp2_store_load_pdf_async (mp2_pipeline_get_store (self->pipeline), document,
                            self->pdf_cancellable, on_pdf_loaded_cb, g_object_ref (self));
}
