/* mp2-day-view-private.h
 *
 * What the parts of the day view share: mp2-day-view.c (the object, the page shown,
 * the header, folding), mp2-day-view-fields.c (the fields the user corrects),
 * mp2-day-view-lists.c (scenes, cast, crew, notes, warnings), mp2-day-view-revision.c
 * (what a revision changed, conflicts), mp2-day-view-plan.c (wake-up, leave, route,
 * weather and what stops the plan), mp2-day-view-original.c (the PDF and where
 * fields were read) and mp2-day-view-actions.c (confirm, dismiss, retry, toasts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-day-view.h"
#include "mp2-field-row.h"
#include "mp2-pdf-view.h"
#include "mp2-route-card.h"
#include "mp2-weather-card.h"

G_BEGIN_DECLS

struct _Mp2DayView
{
  GtkWidget            parent_instance;

  Mp2Schedule         *schedule;
  Mp2Pipeline         *pipeline;
  AdwToastOverlay     *toast_overlay;
  /* The view's calls to the pipeline; cancelled only when the view goes away, so
   * that a confirmation finishes when another day is shown. */
  GCancellable        *cancellable;

  Mp2CallSheet        *sheet;           /* the effective sheet: as read + edits */
  char                *sheet_json;      /* to know when the lists must be rebuilt */
  char                *conflicts_json;
  char                *places_signature;
  char                *plan_signature;  /* plan_json and weather_json shown */
  char                *source_key;      /* the field whose box is highlighted */
  guint                busy;            /* calls to the pipeline under way */
  GHashTable          *banners_hidden;  /* gint64* ids of days whose banner was closed */

  /* The original PDF */
  GCancellable        *pdf_cancellable;
  char                *pdf_document;    /* sha256 of the document shown or loading */
  char                *password;        /* typed for an encrypted document */

  /* Side by side, or one at a time */
  gboolean             folded;
  gboolean             show_original;
  gboolean             position_set;
  guint                fold_source;

  GPtrArray           *field_rows;      /* Mp2FieldRow of the template */
  GPtrArray           *place_rows;      /* AdwExpanderRow, one per place */

  /* Template widgets */
  GtkStack            *stack;
  GtkSpinner          *reading_spinner;
  GtkPaned            *paned;
  GtkWidget           *fields_scroller;
  GtkLabel            *production_label;
  GtkLabel            *day_label;
  GtkLabel            *state_label;
  GtkLabel            *revision_label;
  GtkLabel            *file_label;
  GtkRevealer         *banner_revealer;
  GtkLabel            *changes_label;
  GtkWidget           *conflicts_group;
  GtkListBox          *conflicts_list;
  AdwPreferencesGroup *plan_group;
  GtkWidget           *plan_list;
  AdwActionRow        *wake_up_row;
  GtkLabel            *wake_up_label;
  AdwActionRow        *leave_row;
  GtkLabel            *leave_label;
  AdwActionRow        *arrive_row;
  GtkLabel            *arrive_label;
  GtkListBox          *problems_list;
  Mp2RouteCard        *route_card;
  Mp2WeatherCard      *weather_card;
  AdwPreferencesGroup *times_group;
  Mp2FieldRow         *my_call_row;
  Mp2FieldRow         *crew_call_row;
  Mp2FieldRow         *wrap_row;
  GtkWidget           *production_group;
  GtkWidget           *places_group;
  GtkListBox          *places_list;
  GtkWidget           *scenes_group;
  GtkListBox          *scenes_list;
  GtkWidget           *cast_group;
  GtkListBox          *cast_list;
  GtkWidget           *crew_group;
  GtkListBox          *crew_list;
  GtkWidget           *notes_group;
  GtkListBox          *notes_list;
  GtkWidget           *warnings_group;
  GtkListBox          *warnings_list;
  GtkStack            *original_stack;
  GtkSpinner          *original_spinner;
  Mp2PdfView          *pdf_view;
  AdwStatusPage       *original_status;
  GtkWidget           *original_button;
  GtkWidget           *confirm_button;
  GtkWidget           *dismiss_button;
  AdwStatusPage       *failed_page;
  GtkLabel            *failed_file_label;
  GtkWidget           *password_box;
  AdwPasswordEntryRow *password_row;
  GtkWidget           *password_error_label;
  GtkWidget           *unlock_button;
  GtkWidget           *retry_button;
};

/* mp2-day-view.c */
void     mp2_day_view_clear_list         (GtkListBox   *list);
gboolean mp2_day_view_is_me              (Mp2DayView   *self,
                                          Mp2PersonalCallSource source,
                                          const char   *name);

/* mp2-day-view-original.c */
void     mp2_day_view_show_source        (Mp2DayView   *self,
                                          const char   *key);
void     mp2_day_view_track_source       (Mp2DayView   *self,
                                          GtkWidget    *widget,
                                          const char   *key);
void     mp2_day_view_update_original    (Mp2DayView   *self,
                                          gboolean      shown);
void     mp2_day_view_cancel_original    (Mp2DayView   *self);

/* mp2-day-view-revision.c */
void     mp2_day_view_update_banner      (Mp2DayView   *self);
void     mp2_day_view_hide_banner        (Mp2DayView   *self);
void     mp2_day_view_update_conflicts   (Mp2DayView   *self);

/* mp2-day-view-fields.c */
void     mp2_day_view_init_fields        (Mp2DayView   *self);
void     mp2_day_view_update_fields      (Mp2DayView   *self);
void     mp2_day_view_update_places      (Mp2DayView   *self);
char    *mp2_day_view_describe_field     (Mp2DayView   *self,
                                          const char   *key);
char    *mp2_day_view_source_for_key     (Mp2DayView   *self,
                                          const char   *key);
char    *mp2_day_view_format_value       (JsonNode     *value);
const char *mp2_day_view_location_kind_label (Mp2LocationKind kind);

/* mp2-day-view-plan.c */
void     mp2_day_view_update_plan        (Mp2DayView   *self);

/* mp2-day-view-lists.c */
void     mp2_day_view_update_lists       (Mp2DayView   *self);

/* mp2-day-view-actions.c */
void     mp2_day_view_class_init_actions (GtkWidgetClass *widget_class);
void     mp2_day_view_update_actions     (Mp2DayView   *self);
void     mp2_day_view_add_toast          (Mp2DayView   *self,
                                          AdwToast     *toast);
void     mp2_day_view_toast_error        (Mp2DayView   *self,
                                          const GError *error);
void     mp2_day_view_begin_call         (Mp2DayView   *self);
void     mp2_day_view_end_call           (Mp2DayView   *self);
void     mp2_day_view_update_failed      (Mp2DayView   *self);
void     mp2_day_view_resolve_conflict   (Mp2DayView   *self,
                                          const char   *key,
                                          gboolean      keep_mine);
void     mp2_day_view_save_edit          (Mp2DayView   *self,
                                          const char   *key,
                                          JsonNode     *value);
void     mp2_day_view_reset_edit         (Mp2DayView   *self,
                                          const char   *key);

G_END_DECLS
