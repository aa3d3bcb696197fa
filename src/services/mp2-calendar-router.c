/* mp2-calendar-router.c
 *
 * One calendar sink over several: GNOME's calendars (evolution-data-server) and
 * Google Calendar side by side in the picker. A calendar's id is its sink's id, a
 * colon and the sink's own id for it ("eds:1a2b…", "google:primary"); writing and
 * deleting go to the sink the id names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-calendar-router"

#include "config.h"

#include "mp2-calendar-router.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _Mp2CalendarRouter
{
  GObject    parent_instance;

  GPtrArray *sinks;   /* Mp2CalendarSink, in the order of the picker */
};

static void mp2_calendar_router_sink_init (Mp2CalendarSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2CalendarRouter, mp2_calendar_router, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_CALENDAR_SINK,
                                                      mp2_calendar_router_sink_init))

/* Ids ------------------------------------------------------------------------------------ */

static char *
join_id (Mp2CalendarSink *sink,
         const char      *calendar_id)
{
  return g_strconcat (mp2_calendar_sink_get_id (sink), ":", calendar_id, NULL);
}

/* The sink an id names, and the sink's own id in @calendar_id. */
static Mp2CalendarSink *
route (Mp2CalendarRouter  *self,
       const char         *id,
       const char        **calendar_id)
{
  const char *colon = strchr (id, ':');

  if (colon == NULL)
    return NULL;

  for (guint i = 0; i < self->sinks->len; i++)
    {
      Mp2CalendarSink *sink = g_ptr_array_index (self->sinks, i);
      const char *sink_id = mp2_calendar_sink_get_id (sink);

      if (strlen (sink_id) == (gsize) (colon - id) && strncmp (id, sink_id, colon - id) == 0)
        {
          *calendar_id = colon + 1;
          return sink;
        }
    }

  return NULL;
}

static void
report_unknown (gpointer             source,
                const char          *id,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag)
{
  g_task_report_new_error (source, callback, user_data, source_tag, MP2_SYNC_ERROR,
                           MP2_SYNC_ERROR_NO_CALENDAR,
                           /* Translators: %s is an internal calendar id */
                           _("The calendar chosen in Preferences (%s) is not available. "
                             "Choose another one."), id);
}

/* Listing ----------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *lists;     /* per sink: GPtrArray of Mp2CalendarInfo, or NULL */
  GError    *error;     /* the first sink's error */
  guint      pending;
} ListData;

/* A sink that could not list leaves its place empty. */
static void
calendars_free (gpointer calendars)
{
  if (calendars != NULL)
    g_ptr_array_unref (calendars);
}

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  g_ptr_array_unref (list->lists);
  g_clear_error (&list->error);
  g_free (list);
}

static GPtrArray *
merge_lists (Mp2CalendarRouter *self,
             ListData          *list)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_calendar_info_free);
  gboolean has_default = FALSE;

  for (guint i = 0; i < list->lists->len; i++)
    {
      GPtrArray *calendars = g_ptr_array_index (list->lists, i);
      Mp2CalendarSink *sink = g_ptr_array_index (self->sinks, i);

      for (guint j = 0; calendars != NULL && j < calendars->len; j++)
        {
          Mp2CalendarInfo *info = g_ptr_array_index (calendars, j);
          Mp2CalendarInfo *copy = g_new0 (Mp2CalendarInfo, 1);

          copy->id = join_id (sink, info->id);
          copy->name = g_strdup (info->name);
          copy->color = g_strdup (info->color);
          /* the first sink's default is the default of all */
          copy->is_default = info->is_default && !has_default;
          has_default |= copy->is_default;
          g_ptr_array_add (merged, copy);
        }
    }

  return merged;
}

static void
on_sink_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2CalendarRouter *self = g_task_get_source_object (task);
  ListData *list = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GPtrArray *calendars;
  guint index;

  calendars = mp2_calendar_sink_list_calendars_finish (MP2_CALENDAR_SINK (source), result, &error);
  if (g_ptr_array_find (self->sinks, source, &index))
    {
      g_clear_pointer (&g_ptr_array_index (list->lists, index), g_ptr_array_unref);
      g_ptr_array_index (list->lists, index) = calendars;
    }
  else if (calendars != NULL)
    g_ptr_array_unref (calendars);

  /* A sink that cannot list (offline, signed out) does not hide the others. */
  if (error != NULL)
    {
      g_debug ("%s cannot list its calendars: %s",
               mp2_calendar_sink_get_id (MP2_CALENDAR_SINK (source)), error->message);
      if (list->error == NULL)
        list->error = g_steal_pointer (&error);
    }

  if (--list->pending > 0)
    return;

  for (guint i = 0; i < list->lists->len; i++)
    if (g_ptr_array_index (list->lists, i) != NULL)
      {
        g_task_return_pointer (task, merge_lists (self, list), (GDestroyNotify) g_ptr_array_unref);
        return;
      }

  if (list->error != NULL)
    g_task_return_error (task, g_steal_pointer (&list->error));
  else
    g_task_return_pointer (task, merge_lists (self, list), (GDestroyNotify) g_ptr_array_unref);
}

static void
router_list_calendars_async (Mp2CalendarSink     *sink,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Mp2CalendarRouter *self = MP2_CALENDAR_ROUTER (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ListData *list = g_new0 (ListData, 1);

  g_task_set_source_tag (task, router_list_calendars_async);
  list->lists = g_ptr_array_new_with_free_func (calendars_free);
  g_ptr_array_set_size (list->lists, self->sinks->len);
  list->pending = self->sinks->len;
  g_task_set_task_data (task, list, list_data_free);

  if (self->sinks->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  for (guint i = 0; i < self->sinks->len; i++)
    mp2_calendar_sink_list_calendars_async (g_ptr_array_index (self->sinks, i), cancellable,
                                            on_sink_listed_cb, g_object_ref (task));
}

static GPtrArray *
router_list_calendars_finish (Mp2CalendarSink  *sink,
                              GAsyncResult     *result,
                              GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing and deleting: passed on --------------------------------------------------------- */

static void
on_sink_upserted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *etag;

  etag = mp2_calendar_sink_upsert_finish (MP2_CALENDAR_SINK (source), result, &error);
  if (etag == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, etag, g_free);
}

static void
router_upsert_async (Mp2CalendarSink     *sink,
                     const char          *id,
                     const Mp2DayEvent   *event,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Mp2CalendarRouter *self = MP2_CALENDAR_ROUTER (sink);
  const char *calendar_id = NULL;
  Mp2CalendarSink *target = route (self, id, &calendar_id);
  GTask *task;

  if (target == NULL)
    {
      report_unknown (self, id, callback, user_data, router_upsert_async);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, router_upsert_async);
  mp2_calendar_sink_upsert_async (target, calendar_id, event, cancellable, on_sink_upserted_cb,
                                  task);
}

static char *
router_upsert_finish (Mp2CalendarSink  *sink,
                      GAsyncResult     *result,
                      GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sink_deleted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (mp2_calendar_sink_delete_finish (MP2_CALENDAR_SINK (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
router_delete_async (Mp2CalendarSink     *sink,
                     const char          *id,
                     const char          *event_uid,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Mp2CalendarRouter *self = MP2_CALENDAR_ROUTER (sink);
  const char *calendar_id = NULL;
  Mp2CalendarSink *target = route (self, id, &calendar_id);
  GTask *task;

  if (target == NULL)
    {
      report_unknown (self, id, callback, user_data, router_delete_async);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, router_delete_async);
  mp2_calendar_sink_delete_async (target, calendar_id, event_uid, cancellable,
                                  on_sink_deleted_cb, task);
}

static gboolean
router_delete_finish (Mp2CalendarSink  *sink,
                      GAsyncResult     *result,
                      GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static const char *
router_get_id (Mp2CalendarSink *sink)
{
  return "calendar";
}

static void
mp2_calendar_router_sink_init (Mp2CalendarSinkInterface *iface)
{
  iface->get_id = router_get_id;
  iface->list_calendars_async = router_list_calendars_async;
  iface->list_calendars_finish = router_list_calendars_finish;
  iface->upsert_async = router_upsert_async;
  iface->upsert_finish = router_upsert_finish;
  iface->delete_async = router_delete_async;
  iface->delete_finish = router_delete_finish;
}

/* The object ----------------------------------------------------------------------------- */

/**
 * mp2_calendar_router_new:
 *
 * Returns: (transfer full): a router with no sink yet
 */
Mp2CalendarRouter *
mp2_calendar_router_new (void)
{
  return g_object_new (MP2_TYPE_CALENDAR_ROUTER, NULL);
}

/**
 * mp2_calendar_router_add_sink:
 * @self: a router
 * @sink: a calendar sink; its calendars come after those of the sinks added before
 */
void
mp2_calendar_router_add_sink (Mp2CalendarRouter *self,
                              Mp2CalendarSink   *sink)
{
  g_return_if_fail (MP2_IS_CALENDAR_ROUTER (self));
  g_return_if_fail (MP2_IS_CALENDAR_SINK (sink));
  g_return_if_fail (!g_ptr_array_find (self->sinks, sink, NULL));

  g_ptr_array_add (self->sinks, g_object_ref (sink));
}

/**
 * mp2_calendar_router_remove_sink:
 * @self: a router
 * @sink: one of its sinks (a Google account signed out)
 */
void
mp2_calendar_router_remove_sink (Mp2CalendarRouter *self,
                                 Mp2CalendarSink   *sink)
{
  g_return_if_fail (MP2_IS_CALENDAR_ROUTER (self));

  g_ptr_array_remove (self->sinks, sink);
}

static void
mp2_calendar_router_finalize (GObject *object)
{
  Mp2CalendarRouter *self = MP2_CALENDAR_ROUTER (object);

  g_ptr_array_unref (self->sinks);

  G_OBJECT_CLASS (mp2_calendar_router_parent_class)->finalize (object);
}

static void
mp2_calendar_router_class_init (Mp2CalendarRouterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp2_calendar_router_finalize;
}

static void
mp2_calendar_router_init (Mp2CalendarRouter *self)
{
  self->sinks = g_ptr_array_new_with_free_func (g_object_unref);
}
