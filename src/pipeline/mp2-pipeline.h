/* mp2-pipeline.h
 *
 * Moves a call sheet from where it came from to the calendar: store, read, identify
 * the day, review, confirm, sync. Its events are signals; the UI and the notifier
 * listen, nothing calls them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-store.h"
#include "mp2-calendar-sink.h"
#include "mp2-geocoder.h"
#include "mp2-mail-source.h"
#include "mp2-route-provider.h"
#include "mp2-weather-provider.h"

G_BEGIN_DECLS

#define MP2_TYPE_PIPELINE (mp2_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Pipeline, mp2_pipeline, MP2, PIPELINE, GObject)

/*
 * Signals (all on the main thread):
 *
 *   email-received (Mp2Schedule *schedule)
 *       a document was stored (from a mail or a file), state "new"
 *   document-parsed (Mp2Schedule *schedule)
 *       it was read (state "parsed"), or could not be (state "failed")
 *   schedule-created (Mp2Schedule *schedule)
 *       the first sheet of a day is ready for review
 *   schedule-updated::DETAIL (Mp2Schedule *schedule)
 *       details: "revision" (a later sheet of a day superseded the one before;
 *       the schedule's changes say what moved), "state", "edits"
 *       "plan" (the day was planned: mp2_schedule_get_plan_json ())
 *   route-calculated (Mp2Schedule *schedule)
 *   weather-fetched (Mp2Schedule *schedule)
 *   leave-moved (Mp2Schedule *schedule, int minutes_earlier, int traffic_minutes)
 *       the route checked again before leaving makes the departure earlier by at
 *       least MP2_LEAVE_MOVED_MINUTES (it now takes traffic_minutes more); not for
 *       a departure moved by a correction or a setting, which the user made
 *   calendar-event-synced (Mp2Schedule *schedule, const char *sink_id)
 *   notification-sent (Mp2Schedule *schedule, const char *kind)
 *   error-occurred (Mp2Schedule *schedule (nullable), GError *error)
 *       something the user has to act on
 */

Mp2Pipeline   *mp2_pipeline_new                 (Mp2Store            *store,
                                                 GSettings           *settings);
Mp2Store      *mp2_pipeline_get_store           (Mp2Pipeline         *self);
gboolean       mp2_pipeline_get_busy            (Mp2Pipeline         *self);
void           mp2_pipeline_set_calendar_sink   (Mp2Pipeline         *self,
                                                 Mp2CalendarSink     *sink);
Mp2CalendarSink *mp2_pipeline_get_calendar_sink (Mp2Pipeline         *self);

/* The current days (not superseded, not dismissed), newest first: a GListModel of
 * Mp2Schedule, kept up to date by the pipeline. */
GListModel    *mp2_pipeline_get_days            (Mp2Pipeline         *self);
Mp2Schedule   *mp2_pipeline_lookup              (Mp2Pipeline         *self,
                                                 gint64               schedule_id);

/* Loads the stored days and finishes what a crash or a quit interrupted. */
void           mp2_pipeline_start_async         (Mp2Pipeline         *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_start_finish        (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

typedef enum
{
  MP2_IMPORT_DEFAULT           = 0,
  /* from a watched folder: a PDF that is not a call sheet is set aside quietly */
  MP2_IMPORT_QUIET_UNLESS_SHEET = 1 << 0,
  /* from a call-sheet mail: a readable PDF that is no call sheet (a map, a script
   * page) is set aside quietly; one that cannot be read is a failed day, told */
  MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT = 1 << 1,
  /* a file the user opened: not remembered as a mail, so that opening it again
   * reads it again (mail sources only) */
  MP2_IMPORT_OPENED_BY_USER = 1 << 2,
} Mp2ImportFlags;

/**
 * Mp2CandidateFlagsFunc:
 * @source: the source that found @candidate
 * @candidate: a possible call sheet
 * @user_data: the data given with the function
 *
 * Returns: how @candidate is imported
 */
typedef Mp2ImportFlags (*Mp2CandidateFlagsFunc) (Mp2MailSource    *source,
                                                 Mp2MailCandidate *candidate,
                                                 gpointer          user_data);

void           mp2_pipeline_add_mail_source     (Mp2Pipeline          *self,
                                                 Mp2MailSource        *source,
                                                 Mp2ImportFlags        flags);
void           mp2_pipeline_add_mail_source_full (Mp2Pipeline         *self,
                                                 Mp2MailSource        *source,
                                                 Mp2CandidateFlagsFunc flags_func,
                                                 gpointer              user_data,
                                                 GDestroyNotify        destroy);

/* A document from a file or a mail. Resolves to the schedule it became (an earlier
 * one when the same PDF was stored before). */
void           mp2_pipeline_import_async        (Mp2Pipeline         *self,
                                                 GBytes              *pdf,
                                                 const Mp2DocumentOrigin *origin,
                                                 Mp2ImportFlags       flags,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
Mp2Schedule   *mp2_pipeline_import_finish       (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Reads a failed document again, with a password for an encrypted one. */
void           mp2_pipeline_retry_async         (Mp2Pipeline         *self,
                                                 gint64               schedule_id,
                                                 const char          *password,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_retry_finish        (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The user's corrections (see mp2-day.h). Saved at once. */
void           mp2_pipeline_set_edit_async      (Mp2Pipeline         *self,
                                                 gint64               schedule_id,
                                                 const char          *key,
                                                 JsonNode            *value,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_set_edit_finish     (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           mp2_pipeline_resolve_conflict_async  (Mp2Pipeline     *self,
                                                     gint64           schedule_id,
                                                     const char      *key,
                                                     gboolean         keep_mine,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
gboolean       mp2_pipeline_resolve_conflict_finish (Mp2Pipeline     *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);

/* Confirm puts the day in the calendar (or updates its event); dismiss takes it out.
 * Undo of a confirm goes back to "needs-review" and removes the event. */
void           mp2_pipeline_confirm_async       (Mp2Pipeline         *self,
                                                 gint64               schedule_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_confirm_finish      (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           mp2_pipeline_unconfirm_async     (Mp2Pipeline         *self,
                                                 gint64               schedule_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_unconfirm_finish    (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           mp2_pipeline_dismiss_async       (Mp2Pipeline         *self,
                                                 gint64               schedule_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_dismiss_finish      (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Planning the day: wake-up, departure, route, weather (mp2-pipeline-plan.c). When
 * the route checked again before leaving (mp2_pipeline_recheck_day()) moves the
 * departure earlier by this much, it is told ("leave-moved"). */
#define MP2_LEAVE_MOVED_MINUTES 5
void           mp2_pipeline_set_planning        (Mp2Pipeline         *self,
                                                 Mp2Geocoder         *geocoder,
                                                 Mp2RouteProvider    *routes,
                                                 Mp2WeatherProvider  *weather);
void           mp2_pipeline_plan_async          (Mp2Pipeline         *self,
                                                 gint64               schedule_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       mp2_pipeline_plan_finish         (Mp2Pipeline         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           mp2_pipeline_plan_day            (Mp2Pipeline         *self,
                                                 gint64               schedule_id);
void           mp2_pipeline_recheck_day         (Mp2Pipeline         *self,
                                                 gint64               schedule_id);
void           mp2_pipeline_plan_all            (Mp2Pipeline         *self);

Mp2DayEvent   *mp2_pipeline_dup_event           (Mp2Pipeline         *self,
                                                 Mp2Schedule         *schedule,
                                                 GError             **error);

/* For the notifier: tells the listeners that a notification went out. */
void           mp2_pipeline_emit_notification_sent (Mp2Pipeline      *self,
                                                    Mp2Schedule      *schedule,
                                                    const char       *kind);

G_END_DECLS
