/* mp2-window.c
 *
 * The main window: the shooting days in a sidebar, grouped Needs Review, Upcoming
 * and Past, and the selected day beside them. It folds into one column on a narrow
 * screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-window"

#include "config.h"

#include "mp2-window.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"
#include "mp2-application.h"
#include "mp2-day-row.h"
#include "mp2-day-view.h"

struct _Mp2Window
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  Mp2Pipeline          *pipeline;
  GtkSortListModel     *sorted_days;
  GtkSorter            *sorter;
  GDate                 today;
  Mp2Schedule          *shown;
  GtkApplication       *sign_in_application;  /* weak: whose google-sign-in is followed */
  gboolean              select_next_import;
  guint                 resort_source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkSpinner           *busy_spinner;
  GtkStack             *sidebar_stack;
  GtkListBox           *days_list;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  Mp2DayView           *day_view;
  AdwStatusPage        *store_error_page;
  GtkWidget            *welcome_sign_in_button;
};

G_DEFINE_FINAL_TYPE (Mp2Window, mp2_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_page (Mp2Window  *self,
           const char *name)
{
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* The sidebar ------------------------------------------------------------------------ */

static void
update_today (Mp2Window *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static int
compare_days_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Mp2Window *self = user_data;

  return mp2_day_compare (MP2_SCHEDULE ((gpointer) a), MP2_SCHEDULE ((gpointer) b), &self->today);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return mp2_day_row_new (item);
}

static GtkWidget *
create_group_header (Mp2DayGroup group)
{
  GtkWidget *label = gtk_label_new (mp2_day_group_title (group));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  return label;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  Mp2Window *self = user_data;
  Mp2DayGroup group = mp2_day_group_for (mp2_day_row_get_schedule (MP2_DAY_ROW (row)), &self->today);

  if (before != NULL
      && mp2_day_group_for (mp2_day_row_get_schedule (MP2_DAY_ROW (before)), &self->today) == group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  gtk_list_box_row_set_header (row, create_group_header (group));
}

static gboolean
resort_cb (gpointer user_data)
{
  Mp2Window *self = user_data;

  self->resort_source = 0;
  update_today (self);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_list_box_invalidate_headers (self->days_list);

  return G_SOURCE_REMOVE;
}

/* A re-sort rebuilds the rows: when many sheets arrive at once, it is done once for
 * all of them, when the main loop has nothing more urgent to do. */
static void
resort (Mp2Window *self)
{
  if (self->resort_source == 0)
    self->resort_source = g_idle_add_full (G_PRIORITY_LOW, resort_cb, self, NULL);
}

static GtkListBoxRow *
find_row (Mp2Window   *self,
          Mp2Schedule *schedule)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->days_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MP2_IS_DAY_ROW (child) && mp2_day_row_get_schedule (MP2_DAY_ROW (child)) == schedule)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
update_empty_state (Mp2Window *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sorted_days)) == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "days");
  if (empty || self->shown == NULL)
    show_page (self, "welcome");
}

/* The day beside ---------------------------------------------------------------------- */

static void
update_title (Mp2Window *self)
{
  g_autoptr(Mp2CallSheet) sheet = NULL;
  const char *title = NULL;

  if (self->shown != NULL)
    {
      sheet = mp2_schedule_dup_effective_sheet (self->shown);
      if (sheet != NULL)
        title = mp2_call_sheet_get_production (sheet);
      if (title == NULL)
        title = mp2_schedule_get_file_name (self->shown);
    }

  adw_window_title_set_title (self->window_title, title != NULL ? title : "");
}

static void
show_schedule (Mp2Window   *self,
               Mp2Schedule *schedule)
{
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_set_object (&self->shown, schedule);

  g_object_set (self->day_view, "schedule", schedule, NULL);
  update_title (self);

  if (schedule == NULL)
    {
      show_page (self, "welcome");
      return;
    }

  g_signal_connect_object (schedule, "notify::sheet", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (schedule, "notify::edits", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  show_page (self, "day");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
select_schedule (Mp2Window   *self,
                 Mp2Schedule *schedule)
{
  GtkListBoxRow *row = find_row (self, schedule);

  if (row != NULL)
    {
      gtk_list_box_select_row (self->days_list, row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    show_schedule (self, schedule);
}

static void
on_days_list_row_selected_cb (Mp2Window     *self,
                              GtkListBoxRow *row)
{
  if (row != NULL)
    show_schedule (self, mp2_day_row_get_schedule (MP2_DAY_ROW (row)));
}

static void
on_days_list_row_activated_cb (Mp2Window     *self,
                               GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The pipeline's news ------------------------------------------------------------------- */

static Mp2Schedule *
find_revision_of (Mp2Window *self,
                  gint64     superseded_id)
{
  GListModel *days = mp2_pipeline_get_days (self->pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) day = g_list_model_get_item (days, i);

      if (mp2_schedule_get_supersedes (day) == superseded_id)
        return day;
    }

  return NULL;
}

static void
on_schedule_updated_cb (Mp2Window   *self,
                        Mp2Schedule *schedule)
{
  resort (self);

  /* The day on show was replaced by a revision, or set aside. */
  if (schedule != NULL && mp2_schedule_get_supersedes (schedule) != 0
      && self->shown != NULL
      && mp2_schedule_get_id (self->shown) == mp2_schedule_get_supersedes (schedule))
    select_schedule (self, schedule);
  else if (self->shown != NULL && find_row (self, self->shown) == NULL)
    {
      Mp2Schedule *revision = find_revision_of (self, mp2_schedule_get_id (self->shown));

      if (revision != NULL)
        select_schedule (self, revision);
      else
        show_schedule (self, NULL);
    }

  update_empty_state (self);
}

static void
on_document_parsed_cb (Mp2Window   *self,
                       Mp2Schedule *schedule)
{
  resort (self);
  update_empty_state (self);

  if (self->select_next_import && mp2_pipeline_lookup (self->pipeline,
                                                       mp2_schedule_get_id (schedule)) != NULL)
    {
      self->select_next_import = FALSE;
      select_schedule (self, schedule);
    }
}

static void
on_error_occurred_cb (Mp2Window    *self,
                      Mp2Schedule  *schedule,
                      const GError *error)
{
  AdwToast *toast;

  /* A document that cannot be read has its own page; other errors are news. */
  if (schedule != NULL && mp2_schedule_get_state (schedule) == MP2_DAY_STATE_FAILED)
    return;
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  mp2_a11y_add_toast (self->toast_overlay, toast);
}

static void
on_pipeline_busy_cb (Mp2Window *self)
{
  gboolean busy = mp2_pipeline_get_busy (self->pipeline);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
}

static void
on_items_changed_cb (Mp2Window *self)
{
  update_empty_state (self);
}

/**
 * mp2_window_set_pipeline:
 * @self: a #Mp2Window
 * @pipeline: the app's pipeline, once its store is open
 *
 * Shows the stored days; until then the window says it is opening them.
 */
void
mp2_window_set_pipeline (Mp2Window   *self,
                         Mp2Pipeline *pipeline)
{
  g_return_if_fail (MP2_IS_WINDOW (self));
  g_return_if_fail (MP2_IS_PIPELINE (pipeline));
  g_return_if_fail (self->pipeline == NULL);

  self->pipeline = g_object_ref (pipeline);
  g_object_set (self->day_view, "pipeline", pipeline, NULL);

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_days_cb, self, NULL));
  self->sorted_days = gtk_sort_list_model_new (g_object_ref (mp2_pipeline_get_days (pipeline)),
                                               g_object_ref (self->sorter));
  gtk_list_box_bind_model (self->days_list, G_LIST_MODEL (self->sorted_days), create_row_cb,
                           self, NULL);
  gtk_list_box_set_header_func (self->days_list, update_header_cb, self, NULL);

  g_signal_connect_object (self->sorted_days, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "schedule-created", G_CALLBACK (on_schedule_updated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "schedule-updated", G_CALLBACK (on_schedule_updated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "document-parsed", G_CALLBACK (on_document_parsed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "error-occurred", G_CALLBACK (on_error_occurred_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "notify::busy", G_CALLBACK (on_pipeline_busy_cb),
                           self, G_CONNECT_SWAPPED);

  on_pipeline_busy_cb (self);
  update_empty_state (self);
}

/**
 * mp2_window_show_store_error:
 * @self: a #Mp2Window
 * @error: why the days cannot be opened
 */
void
mp2_window_show_store_error (Mp2Window    *self,
                             const GError *error)
{
  g_return_if_fail (MP2_IS_WINDOW (self));

  adw_status_page_set_description (self->store_error_page, error->message);
  show_page (self, "store-error");
}

/**
 * mp2_window_show_day:
 * @self: a #Mp2Window
 * @schedule_id: a day
 *
 * Selects a day, as the Review button of a notification asks.
 *
 * Returns: %TRUE if the day is in the list
 */
gboolean
mp2_window_show_day (Mp2Window *self,
                     gint64     schedule_id)
{
  Mp2Schedule *schedule;

  g_return_val_if_fail (MP2_IS_WINDOW (self), FALSE);

  if (self->pipeline == NULL || (schedule = mp2_pipeline_lookup (self->pipeline, schedule_id)) == NULL)
    return FALSE;

  select_schedule (self, schedule);
  return TRUE;
}

/**
 * mp2_window_expect_import:
 * @self: a #Mp2Window
 *
 * The next document the pipeline reads is shown: the user opened or dropped it here.
 */
void
mp2_window_expect_import (Mp2Window *self)
{
  g_return_if_fail (MP2_IS_WINDOW (self));

  self->select_next_import = TRUE;
}

/* Opening and dropping files ----------------------------------------------------------- */

static void
import_files (Mp2Window  *self,
              GFile     **files,
              guint       n_files)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application == NULL || n_files == 0)
    return;

  mp2_window_expect_import (self);
  mp2_application_import_files (MP2_APPLICATION (application), files, n_files);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  g_autoptr(Mp2Window) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (chosen, g_list_model_get_item (files, i));

  import_files (self, (GFile **) chosen->pdata, chosen->len);
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
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_days_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Mp2Window *self = MP2_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GPtrArray *
files_from_drop_value (const GValue *value)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
        g_ptr_array_add (files, g_object_ref (l->data));
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_ptr_array_add (files, g_value_dup_object (value));

  return files;
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        gpointer       user_data)
{
  Mp2Window *self = user_data;
  g_autoptr(GPtrArray) files = files_from_drop_value (value);

  if (files->len == 0)
    return FALSE;

  import_files (self, (GFile **) files->pdata, files->len);
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
  gtk_widget_add_controller (GTK_WIDGET (self->leaflet), GTK_EVENT_CONTROLLER (target));
}

/* Window state --------------------------------------------------------------------------- */

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
  save_window_state (MP2_WINDOW (window));

  return GTK_WINDOW_CLASS (mp2_window_parent_class)->close_request (window);
}

/**
 * mp2_window_get_toast_overlay:
 * @self: a #Mp2Window
 *
 * Returns: (transfer none): where the window's toasts go
 */
AdwToastOverlay *
mp2_window_get_toast_overlay (Mp2Window *self)
{
  g_return_val_if_fail (MP2_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

static void
mp2_window_finalize (GObject *object)
{
  Mp2Window *self = MP2_WINDOW (object);

  g_clear_object (&self->sorted_days);
  g_clear_object (&self->sorter);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp2_window_parent_class)->finalize (object);
}

/* The welcome page offers to sign in only while there is nobody signed in. */
static void
update_welcome_sign_in (Mp2Window *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean can_sign_in = application != NULL
                         && g_action_group_get_action_enabled (G_ACTION_GROUP (application),
                                                               "google-sign-in");

  gtk_widget_set_visible (self->welcome_sign_in_button, can_sign_in);
}

/* GtkWindow's "application" is not a construct property: it is set after
 * constructed(), and again to %NULL when the window goes. */
static void
on_notify_application_cb (Mp2Window *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL && application != self->sign_in_application)
    {
      g_set_weak_pointer (&self->sign_in_application, application);
      g_signal_connect_object (application, "action-enabled-changed::google-sign-in",
                               G_CALLBACK (update_welcome_sign_in), self, G_CONNECT_SWAPPED);
    }
  update_welcome_sign_in (self);
}

static void
mp2_window_dispose (GObject *object)
{
  Mp2Window *self = MP2_WINDOW (object);

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_clear_object (&self->shown);
  g_clear_handle_id (&self->resort_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (self, on_notify_application_cb, NULL);
  g_clear_weak_pointer (&self->sign_in_application);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP2_TYPE_WINDOW);

  G_OBJECT_CLASS (mp2_window_parent_class)->dispose (object);
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

  g_type_ensure (MP2_TYPE_DAY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-window.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, leaflet);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, content);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, days_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, window_title);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, stack);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, day_view);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, store_error_page);
  gtk_widget_class_bind_template_child (widget_class, Mp2Window, welcome_sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, on_days_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_days_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-days", NULL, show_days_action);
}

static void
mp2_window_init (Mp2Window *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mp2_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  update_today (self);
  restore_window_state (self);
  setup_drop_target (self);
  show_page (self, "loading");

  g_signal_connect (self, "notify::application", G_CALLBACK (on_notify_application_cb), NULL);
  update_welcome_sign_in (self);
}
