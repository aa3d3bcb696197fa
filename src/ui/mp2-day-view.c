/* mp2-day-view.c
 *
 * One day of the review screen: what was read from a call sheet, beside the sheet
 * itself, for the user to correct and confirm. The view follows its Mp2Schedule: the
 * pipeline updates that object in place (state, sheet, edits, changes, conflicts),
 * and every notification refreshes what it shows, keeping what the user is typing.
 *
 * Wide, the fields and the original PDF are side by side in a GtkPaned; narrower
 * than FOLD_WIDTH, one of them at a time, switched with "day.show-original".
 * Pointing at a field or moving the focus into it highlights the box on the page
 * where it was read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"

/* Narrower than this, the fields and the original take turns. */
#define FOLD_WIDTH 700
/* What each side gets at least when the divider is first placed. */
#define FIELDS_WIDTH 360
#define ORIGINAL_WIDTH 300

G_DEFINE_FINAL_TYPE (Mp2DayView, mp2_day_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_PIPELINE,
  PROP_TOAST_OVERLAY,
  PROP_FOLDED,
  PROP_SHOW_ORIGINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Which page ------------------------------------------------------------------------ */

static const char *
page_for_schedule (Mp2DayView *self)
{
  if (self->schedule == NULL)
    return "empty";

  if (mp2_schedule_get_state (self->schedule) == MP2_DAY_STATE_FAILED)
    return "failed";

  if (self->sheet == NULL)
    return "reading";

  return "day";
}

static void
update_page (Mp2DayView *self)
{
  const char *page = page_for_schedule (self);

  gtk_spinner_set_spinning (self->reading_spinner, g_str_equal (page, "reading"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The header ------------------------------------------------------------------------ */

static const char *
describe_state (Mp2DayState state)
{
  switch (state)
    {
    case MP2_DAY_STATE_NEW:
    case MP2_DAY_STATE_PARSED:
    case MP2_DAY_STATE_PLANNED:
      return C_("day state", "Being read");
    case MP2_DAY_STATE_NEEDS_REVIEW:
      return C_("day state", "Needs review");
    case MP2_DAY_STATE_CONFIRMED:
      return C_("day state", "Confirmed");
    case MP2_DAY_STATE_SYNCED:
      return C_("day state", "In your calendar");
    case MP2_DAY_STATE_SUPERSEDED:
      return C_("day state", "Replaced by a revision");
    case MP2_DAY_STATE_DISMISSED:
      return C_("day state", "Dismissed");
    case MP2_DAY_STATE_FAILED:
    default:
      return C_("day state", "Could not be read");
    }
}

static char *
format_long_date (int year,
                  int month,
                  int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 12, 0, 0);

  if (date == NULL)
    return NULL;

  /* Translators: the date of a shooting day, such as "Thursday, 28 March 2025", in
   * the codes of g_date_time_format(); %B is the month's name as it goes with a day
   * ("28 marca"), %-d the day without a leading zero. */
  return g_date_time_format (date, _("%A, %-d %B %Y"));
}

static char *
describe_day_number (Mp2CallSheet *sheet)
{
  int day = mp2_call_sheet_get_shooting_day (sheet);
  int total = mp2_call_sheet_get_total_days (sheet);

  if (day == MP2_CALL_SHEET_NO_NUMBER)
    return NULL;

  if (total == MP2_CALL_SHEET_NO_NUMBER)
    /* Translators: the number of a shooting day. */
    return g_strdup_printf (_("Day %d"), day);

  /* Translators: the number of a shooting day and how many the production has. */
  return g_strdup_printf (_("Day %d of %d"), day, total);
}

static char *
describe_day (Mp2CallSheet *sheet)
{
  g_autofree char *number = describe_day_number (sheet);
  g_autofree char *date = NULL;
  int year, month, day;

  if (mp2_call_sheet_get_date (sheet, &year, &month, &day))
    date = format_long_date (year, month, day);

  if (number != NULL && date != NULL)
    return g_strconcat (number, " · ", date, NULL);

  return g_strdup (number != NULL ? number : date);
}

static void
update_state_badge (Mp2DayView *self)
{
  Mp2DayState state = mp2_schedule_get_state (self->schedule);
  g_autofree char *state_class = g_strconcat ("state-", mp2_day_state_to_string (state), NULL);
  const char *classes[] = { "day-badge", "caption-heading", state_class, NULL };

  gtk_label_set_label (self->state_label, describe_state (state));
  gtk_widget_set_css_classes (GTK_WIDGET (self->state_label), classes);
}

static void
update_header (Mp2DayView *self)
{
  g_autofree char *day = NULL;
  g_autofree char *revision = NULL;
  const char *production;
  int number;

  if (self->schedule == NULL || self->sheet == NULL)
    return;

  production = mp2_call_sheet_get_production (self->sheet);
  gtk_label_set_label (self->production_label,
                       production != NULL ? production : _("Untitled Production"));

  day = describe_day (self->sheet);
  gtk_label_set_label (self->day_label, day != NULL ? day : "");
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), day != NULL);

  /* The first issue of a sheet is not a revision worth a badge. */
  number = mp2_call_sheet_get_revision (self->sheet);
  if (number > 1)
    /* Translators: a badge on a revised call sheet. */
    revision = g_strdup_printf (_("Revision %d"), number);
  gtk_label_set_label (self->revision_label, revision != NULL ? revision : "");
  gtk_widget_set_visible (GTK_WIDGET (self->revision_label), revision != NULL);

  gtk_label_set_label (self->file_label, mp2_schedule_get_file_name (self->schedule));
  update_state_badge (self);
}

/* Helpers of the rows -------------------------------------------------------------- */

void
mp2_day_view_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
fold_name (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : NULL;
}

/**
 * mp2_day_view_is_me:
 * @self: a #Mp2DayView
 * @source: the list @name is from: crew or cast
 * @name: (nullable): a name on that list
 *
 * Returns: %TRUE if the user's call was found at @name in that list
 */
gboolean
mp2_day_view_is_me (Mp2DayView            *self,
                    Mp2PersonalCallSource  source,
                    const char            *name)
{
  const Mp2PersonalCall *call;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  if (self->sheet == NULL || name == NULL)
    return FALSE;

  call = mp2_call_sheet_get_personal_call (self->sheet);
  if (call->source != source || call->name == NULL)
    return FALSE;

  mine = fold_name (call->name);
  theirs = fold_name (name);

  return mine != NULL && g_strcmp0 (mine, theirs) == 0;
}

/* Side by side, or one at a time ----------------------------------------------------- */

static void
update_layout (Mp2DayView *self)
{
  gboolean original = !self->folded || self->show_original;
  gboolean fields = !self->folded || !self->show_original;

  gtk_widget_set_visible (self->fields_scroller, fields);
  gtk_widget_set_visible (GTK_WIDGET (self->original_stack), original);
  gtk_widget_set_visible (self->original_button, self->folded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "day.show-original", self->folded);
}

static void
set_folded (Mp2DayView *self,
            gboolean    folded)
{
  if (self->folded == folded)
    return;

  self->folded = folded;
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/* The first time the two are side by side, the fields get a fair share; after that,
 * where the user puts the divider. */
static void
place_divider (Mp2DayView *self,
               int         width)
{
  if (self->folded || self->position_set)
    return;

  gtk_paned_set_position (self->paned,
                          CLAMP (width * 45 / 100, FIELDS_WIDTH, width - ORIGINAL_WIDTH));
  self->position_set = TRUE;
}

static gboolean
fold_cb (gpointer user_data)
{
  Mp2DayView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->fold_source = 0;
  set_folded (self, width < FOLD_WIDTH);
  place_divider (self, width);

  return G_SOURCE_REMOVE;
}

static void
mp2_day_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (MP2_DAY_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
mp2_day_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  Mp2DayView *self = MP2_DAY_VIEW (widget);

  /* Showing or hiding a pane resizes: not in the middle of an allocation. */
  if (((width < FOLD_WIDTH) != self->folded || (!self->position_set && width >= FOLD_WIDTH))
      && self->fold_source == 0)
    self->fold_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fold_cb, self, NULL);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
on_banner_close_button_clicked_cb (Mp2DayView *self)
{
  mp2_day_view_hide_banner (self);
}

/* Following the schedule ----------------------------------------------------------- */

/* Returns whether the effective sheet changed. */
static gboolean
update_sheet (Mp2DayView *self)
{
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autofree char *json = NULL;
  gboolean changed;

  if (self->schedule != NULL)
    sheet = mp2_schedule_dup_effective_sheet (self->schedule);
  if (sheet != NULL)
    json = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_EXTRAS, FALSE);

  changed = g_strcmp0 (json, self->sheet_json) != 0;
  g_set_object (&self->sheet, sheet);
  g_free (self->sheet_json);
  self->sheet_json = g_steal_pointer (&json);

  return changed;
}

static void
refresh (Mp2DayView *self)
{
  gboolean sheet_changed = update_sheet (self);

  update_page (self);
  update_header (self);
  mp2_day_view_update_banner (self);
  mp2_day_view_update_conflicts (self);
  mp2_day_view_update_fields (self);
  mp2_day_view_update_places (self);
  mp2_day_view_update_plan (self);
  if (sheet_changed)
    mp2_day_view_update_lists (self);
  mp2_day_view_update_failed (self);
  mp2_day_view_update_original (self, g_str_equal (page_for_schedule (self), "day"));
  mp2_day_view_update_actions (self);
}

static void
on_schedule_notify_cb (Mp2DayView *self,
                       GParamSpec *pspec)
{
  refresh (self);
}

/* The object -------------------------------------------------------------------------- */

static void
mp2_day_view_dispose (GObject *object)
{
  Mp2DayView *self = MP2_DAY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  mp2_day_view_cancel_original (self);
  g_clear_handle_id (&self->fold_source, g_source_remove);

  if (self->schedule != NULL)
    g_signal_handlers_disconnect_by_data (self->schedule, self);
  g_clear_object (&self->schedule);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP2_TYPE_DAY_VIEW);

  g_clear_object (&self->pipeline);
  g_clear_object (&self->toast_overlay);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->place_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mp2_day_view_parent_class)->dispose (object);
}

static void
mp2_day_view_finalize (GObject *object)
{
  Mp2DayView *self = MP2_DAY_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->banners_hidden, g_hash_table_unref);
  g_clear_pointer (&self->sheet_json, g_free);
  g_clear_pointer (&self->conflicts_json, g_free);
  g_clear_pointer (&self->places_signature, g_free);
  g_clear_pointer (&self->plan_signature, g_free);
  g_clear_pointer (&self->source_key, g_free);
  g_clear_pointer (&self->pdf_document, g_free);
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (mp2_day_view_parent_class)->finalize (object);
}

static void
mp2_day_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Mp2DayView *self = MP2_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toast_overlay);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SHOW_ORIGINAL:
      g_value_set_boolean (value, self->show_original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_day_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Mp2DayView *self = MP2_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      mp2_day_view_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_PIPELINE:
      mp2_day_view_set_pipeline (self, g_value_get_object (value));
      break;
    case PROP_TOAST_OVERLAY:
      mp2_day_view_set_toast_overlay (self, g_value_get_object (value));
      break;
    case PROP_SHOW_ORIGINAL:
      mp2_day_view_set_show_original (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, MP2_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, MP2_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL, ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ORIGINAL] =
    g_param_spec_boolean ("show-original", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static const char * const unkept_rows[] = {
  "shooting_call_row", "breakfast_row", "lunch_row", "sunrise_row", "sunset_row",
  "production_row", "date_row", "shooting_day_row", "total_days_row", "banner_close_button",
};

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-day-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, stack);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, paned);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, fields_scroller);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, production_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, day_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, state_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, revision_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, file_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, changes_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, plan_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, plan_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, wake_up_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, wake_up_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, leave_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, leave_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, arrive_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, arrive_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, problems_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, route_card);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, weather_card);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, times_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, my_call_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, crew_call_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, wrap_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, production_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, places_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, places_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, scenes_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, scenes_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, cast_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, cast_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, crew_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, crew_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, notes_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, notes_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, original_stack);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, original_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, original_status);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, original_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, failed_page);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, failed_file_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, password_box);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, password_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, password_error_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayView, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_button_clicked_cb);

  /* Not kept, but reachable with gtk_widget_get_template_child(), for tests. */
  for (guint i = 0; i < G_N_ELEMENTS (unkept_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, unkept_rows[i], FALSE, 0);
}

static void
mp2_day_view_class_init (Mp2DayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp2_day_view_dispose;
  object_class->finalize = mp2_day_view_finalize;
  object_class->get_property = mp2_day_view_get_property;
  object_class->set_property = mp2_day_view_set_property;

  widget_class->measure = mp2_day_view_measure;
  widget_class->size_allocate = mp2_day_view_size_allocate;

  install_properties (object_class);

  g_type_ensure (MP2_TYPE_FIELD_ROW);
  g_type_ensure (MP2_TYPE_PDF_VIEW);
  g_type_ensure (MP2_TYPE_ROUTE_CARD);
  g_type_ensure (MP2_TYPE_WEATHER_CARD);

  bind_template (widget_class);
  mp2_day_view_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "day-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mp2_day_view_init (Mp2DayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mp2_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  mp2_a11y_label_entry_row (ADW_ENTRY_ROW (self->password_row));

  self->cancellable = g_cancellable_new ();
  self->banners_hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->place_rows = g_ptr_array_new ();

  /* The original's page and zoom shortcuts work from anywhere in the day. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "pdf",
                                  mp2_pdf_view_get_action_group (self->pdf_view));

  mp2_day_view_init_fields (self);
  update_layout (self);
  refresh (self);
}

/**
 * mp2_day_view_new:
 * @pipeline: (nullable): the pipeline that saves what the user does
 *
 * Returns: (transfer floating): a new day view
 */
GtkWidget *
mp2_day_view_new (Mp2Pipeline *pipeline)
{
  return g_object_new (MP2_TYPE_DAY_VIEW, "pipeline", pipeline, NULL);
}

/**
 * mp2_day_view_get_schedule:
 * @self: a #Mp2DayView
 *
 * Returns: (transfer none) (nullable): the day shown
 */
Mp2Schedule *
mp2_day_view_get_schedule (Mp2DayView *self)
{
  g_return_val_if_fail (MP2_IS_DAY_VIEW (self), NULL);

  return self->schedule;
}

/**
 * mp2_day_view_set_schedule:
 * @self: a #Mp2DayView
 * @schedule: (nullable): the day to show, the pipeline's own object (see
 *   mp2_pipeline_get_days()), so that the view follows its changes
 */
void
mp2_day_view_set_schedule (Mp2DayView  *self,
                           Mp2Schedule *schedule)
{
  g_return_if_fail (MP2_IS_DAY_VIEW (self));
  g_return_if_fail (schedule == NULL || MP2_IS_SCHEDULE (schedule));

  if (self->schedule == schedule)
    return;

  if (self->schedule != NULL)
    g_signal_handlers_disconnect_by_data (self->schedule, self);
  g_set_object (&self->schedule, schedule);
  if (schedule != NULL)
    g_signal_connect_swapped (schedule, "notify", G_CALLBACK (on_schedule_notify_cb), self);

  /* A new day starts with a clean slate: nothing typed for the last one stays. */
  g_clear_pointer (&self->source_key, g_free);
  g_clear_pointer (&self->password, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_set_visible (self->password_error_label, FALSE);
  mp2_pdf_view_clear_highlight (self->pdf_view);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (self->fields_scroller)), 0);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

/**
 * mp2_day_view_get_pipeline:
 * @self: a #Mp2DayView
 *
 * Returns: (transfer none) (nullable): the pipeline
 */
Mp2Pipeline *
mp2_day_view_get_pipeline (Mp2DayView *self)
{
  g_return_val_if_fail (MP2_IS_DAY_VIEW (self), NULL);

  return self->pipeline;
}

void
mp2_day_view_set_pipeline (Mp2DayView  *self,
                           Mp2Pipeline *pipeline)
{
  g_return_if_fail (MP2_IS_DAY_VIEW (self));
  g_return_if_fail (pipeline == NULL || MP2_IS_PIPELINE (pipeline));

  if (!g_set_object (&self->pipeline, pipeline))
    return;

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}

/**
 * mp2_day_view_get_toast_overlay:
 * @self: a #Mp2DayView
 *
 * Returns: (transfer none) (nullable): the overlay set for the view's toasts; when
 *   none is set, they go to the nearest #AdwToastOverlay around the view
 */
AdwToastOverlay *
mp2_day_view_get_toast_overlay (Mp2DayView *self)
{
  g_return_val_if_fail (MP2_IS_DAY_VIEW (self), NULL);

  return self->toast_overlay;
}

void
mp2_day_view_set_toast_overlay (Mp2DayView      *self,
                                AdwToastOverlay *overlay)
{
  g_return_if_fail (MP2_IS_DAY_VIEW (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  if (g_set_object (&self->toast_overlay, overlay))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOAST_OVERLAY]);
}

/**
 * mp2_day_view_get_folded:
 * @self: a #Mp2DayView
 *
 * Returns: %TRUE when the view is too narrow for the fields and the original side
 *   by side, and shows one of them (see #Mp2DayView:show-original)
 */
gboolean
mp2_day_view_get_folded (Mp2DayView *self)
{
  g_return_val_if_fail (MP2_IS_DAY_VIEW (self), FALSE);

  return self->folded;
}

gboolean
mp2_day_view_get_show_original (Mp2DayView *self)
{
  g_return_val_if_fail (MP2_IS_DAY_VIEW (self), FALSE);

  return self->show_original;
}

/**
 * mp2_day_view_set_show_original:
 * @self: a #Mp2DayView
 * @show_original: whether a folded view shows the original instead of the fields
 *
 * Has no visible effect while the two are side by side.
 */
void
mp2_day_view_set_show_original (Mp2DayView *self,
                                gboolean    show_original)
{
  g_return_if_fail (MP2_IS_DAY_VIEW (self));

  show_original = !!show_original;
  if (self->show_original == show_original)
    return;

  self->show_original = show_original;
  update_layout (self);

  if (self->folded)
    gtk_widget_grab_focus (show_original ? GTK_WIDGET (self->pdf_view)
                                         : GTK_WIDGET (self->my_call_row));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ORIGINAL]);
}
