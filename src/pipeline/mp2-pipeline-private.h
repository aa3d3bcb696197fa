/* mp2-pipeline-private.h
 *
 * What the parts of the pipeline share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-pipeline.h"

G_BEGIN_DECLS

struct _Mp2Pipeline
{
  GObject          parent_instance;

  Mp2Store        *store;
  GSettings       *settings;
  Mp2CalendarSink *sink;

  GListStore      *days;       /* Mp2Schedule: the current ones */
  GHashTable      *by_id;      /* gint64* → Mp2Schedule in @days */

  /* Working out which day a sheet belongs to and saving it must not interleave
   * between two imports of the same day. */
  GMutex           identify_lock;

  guint            n_working;  /* imports and calendar writes under way */

  /* Planning (mp2-pipeline-plan.c) */
  Mp2Geocoder        *geocoder;
  Mp2RouteProvider   *routes;
  Mp2WeatherProvider *weather;
  GHashTable         *planning;             /* gint64* id → again (a day being planned) */
  GCancellable       *planning_cancellable;
  guint               replan_source;
  GHashTable         *rechecks;             /* gint64* id → GArray of source ids */
  GHashTable         *rechecking;           /* gint64* ids whose next plan is a re-check */
};

typedef enum
{
  SIGNAL_EMAIL_RECEIVED,
  SIGNAL_DOCUMENT_PARSED,
  SIGNAL_SCHEDULE_CREATED,
  SIGNAL_SCHEDULE_UPDATED,
  SIGNAL_ROUTE_CALCULATED,
  SIGNAL_WEATHER_FETCHED,
  SIGNAL_LEAVE_MOVED,
  SIGNAL_CALENDAR_EVENT_SYNCED,
  SIGNAL_NOTIFICATION_SENT,
  SIGNAL_ERROR_OCCURRED,
  N_SIGNALS
} Mp2PipelineSignal;

extern guint mp2_pipeline_signals[N_SIGNALS];

/* A blocking call on the store, run in a worker thread. Returns a pointer result
 * (a GObject, a boxed value or GINT_TO_POINTER (TRUE)), or NULL with @error set. */
typedef gpointer (*Mp2StoreJob) (Mp2Pipeline   *self,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error);

void          mp2_pipeline_run_job          (Mp2Pipeline         *self,
                                             Mp2StoreJob          job,
                                             gpointer             data,
                                             GDestroyNotify       data_free,
                                             GDestroyNotify       result_free,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gpointer      mp2_pipeline_run_job_finish   (Mp2Pipeline         *self,
                                             GAsyncResult        *result,
                                             GError             **error);

void          mp2_pipeline_hold_busy        (Mp2Pipeline         *self,
                                             GTask               *task);
Mp2Schedule  *mp2_pipeline_adopt            (Mp2Pipeline         *self,
                                             Mp2Schedule         *stored);
void          mp2_pipeline_emit_updated     (Mp2Pipeline         *self,
                                             Mp2Schedule         *schedule,
                                             const char          *detail);
void          mp2_pipeline_sync_confirmed   (Mp2Pipeline         *self,
                                             Mp2Schedule         *schedule);
void          mp2_pipeline_free_rechecks    (gpointer             sources);

G_END_DECLS
