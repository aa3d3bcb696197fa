/* mp2-eds-calendar-sink.c
 *
 * Writes a day's event into a calendar of evolution-data-server, which then shows
 * it in GNOME Calendar and Evolution and, for CalDAV, Google and Nextcloud calendars,
 * sends it to the server. Calendar ids are ESource uids.
 *
 * One ECalClient per calendar is kept once connected, until its source goes away
 * or its backend dies. Every call is asynchronous: nothing here blocks the main
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-eds-calendar-sink"

#include "config.h"

#include "mp2-eds-calendar-sink.h"

#include <glib/gi18n-lib.h>
#include <libecal/libecal.h>

#include "mp2-eds-errors.h"
#include "mp2-ical.h"

struct _Mp2EdsCalendarSink
{
  GObject          parent_instance;

  ESourceRegistry *registry;
  GHashTable      *clients;       /* source uid → ECalClient */
};

enum {
  PROP_0,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void mp2_eds_calendar_sink_calendar_sink_init (Mp2CalendarSinkInterface *iface);
static void mp2_eds_calendar_sink_async_initable_init (GAsyncInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2EdsCalendarSink, mp2_eds_calendar_sink, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_CALENDAR_SINK,
                                                      mp2_eds_calendar_sink_calendar_sink_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE,
                                                      mp2_eds_calendar_sink_async_initable_init))

/* Backends whose calendars nobody can add events to: birthdays of the address
 * books, the weather, and subscriptions to an .ics address. */
static const char * const read_only_backends[] = { "contacts", "weather", "webcal", NULL };

static void
return_mapped_error (GTask        *task,
                     const GError *error,
                     ESource      *source)
{
  g_debug ("%s: %s", source != NULL ? e_source_get_uid (source) : "?", error->message);
  g_task_return_error (task, mp2_eds_error_map (error, source));
}

/* Clients */

static void
on_client_backend_died_cb (EClient  *client,
                           gpointer  user_data)
{
  Mp2EdsCalendarSink *self = user_data;
  const char *uid = e_source_get_uid (e_client_get_source (client));

  g_debug ("The backend of %s died; connecting again next time", uid);
  if (g_hash_table_lookup (self->clients, uid) == client)
    g_hash_table_remove (self->clients, uid);
}

static void
on_registry_source_removed_cb (ESourceRegistry *registry,
                               ESource         *source,
                               gpointer         user_data)
{
  Mp2EdsCalendarSink *self = user_data;

  g_hash_table_remove (self->clients, e_source_get_uid (source));
}

static ECalClient *
cache_client (Mp2EdsCalendarSink *self,
              EClient            *client)
{
  const char *uid = e_source_get_uid (e_client_get_source (client));
  ECalClient *cached = g_hash_table_lookup (self->clients, uid);

  /* Another call connected it meanwhile: keep one. */
  if (cached != NULL)
    return cached;

  g_signal_connect_object (client, "backend-died", G_CALLBACK (on_client_backend_died_cb), self,
                           G_CONNECT_DEFAULT);
  g_hash_table_insert (self->clients, g_strdup (uid), g_object_ref (client));

  return E_CAL_CLIENT (client);
}

static void
on_client_connected_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2EdsCalendarSink *self = g_task_get_source_object (task);
  g_autoptr(EClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = e_cal_client_connect_finish (result, &error);
  if (client == NULL)
    {
      return_mapped_error (task, error, g_task_get_task_data (task));
      return;
    }

  g_task_return_pointer (task, g_object_ref (cache_client (self, client)), g_object_unref);
}

/* The connected client of a calendar, from the cache or connected now. */
static void
get_client_async (Mp2EdsCalendarSink  *self,
                  const char          *calendar_id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(ESource) source = NULL;
  ECalClient *cached;

  g_task_set_source_tag (task, get_client_async);

  cached = g_hash_table_lookup (self->clients, calendar_id);
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_object_ref (cached), g_object_unref);
      return;
    }

  source = e_source_registry_ref_source (self->registry, calendar_id);
  if (source == NULL || !e_source_has_extension (source, E_SOURCE_EXTENSION_CALENDAR))
    {
      g_task_return_error (task, mp2_eds_error_new_no_calendar (NULL));
      return;
    }

  g_task_set_task_data (task, g_object_ref (source), g_object_unref);
  /* (guint32) -1: do not wait for the backend to reach its server; an offline
   * calendar keeps the change and sends it later. */
  e_cal_client_connect (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, cancellable,
                        on_client_connected_cb, g_steal_pointer (&task));
}

static ECalClient *
get_client_finish (Mp2EdsCalendarSink  *self,
                   GAsyncResult        *result,
                   GError             **error)
{
  g_assert (g_task_is_valid (result, self));
  g_assert (g_task_get_source_tag (G_TASK (result)) == get_client_async);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Listing calendars */

typedef struct
{
  GPtrArray *writable;   /* ESource */
  guint      pending;
} ListData;

static void
list_data_free (ListData *data)
{
  g_ptr_array_unref (data->writable);
  g_free (data);
}

typedef struct
{
  GTask   *task;
  ESource *source;
} ListItem;

static char *
dup_calendar_name (ESourceRegistry *registry,
                   ESource         *source)
{
  g_autoptr(ESource) account = NULL;

  account = e_source_registry_find_extension (registry, source, E_SOURCE_EXTENSION_COLLECTION);
  if (account != NULL && account != source)
    /* Translators: a calendar's name and, in brackets, its account's:
     * "Work (Nextcloud)", "Family (jan@example.com)" */
    return g_strdup_printf (_("%s (%s)"), e_source_get_display_name (source),
                            e_source_get_display_name (account));

  return e_source_registry_dup_unique_display_name (registry, source,
                                                    E_SOURCE_EXTENSION_CALENDAR);
}

static char *
dup_calendar_color (ESource *source)
{
  ESourceSelectable *extension = e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR);
  g_autofree char *color = e_source_selectable_dup_color (extension);

  if (color == NULL || *g_strstrip (color) == '\0')
    return NULL;

  return g_steal_pointer (&color);
}

static Mp2CalendarInfo *
new_calendar_info (ESourceRegistry *registry,
                   ESource         *source,
                   ESource         *default_source)
{
  Mp2CalendarInfo *info = g_new0 (Mp2CalendarInfo, 1);

  info->id = e_source_dup_uid (source);
  info->name = dup_calendar_name (registry, source);
  info->color = dup_calendar_color (source);
  info->is_default = default_source != NULL && e_source_equal (source, default_source);

  return info;
}

static int
compare_calendar_infos (gconstpointer a,
                        gconstpointer b)
{
  const Mp2CalendarInfo *info_a = *(const Mp2CalendarInfo * const *) a;
  const Mp2CalendarInfo *info_b = *(const Mp2CalendarInfo * const *) b;

  if (info_a->is_default != info_b->is_default)
    return info_a->is_default ? -1 : 1;

  return g_utf8_collate (info_a->name, info_b->name);
}

static void
return_calendar_infos (GTask *task)
{
  Mp2EdsCalendarSink *self = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);
  g_autoptr(ESource) default_source = e_source_registry_ref_default_calendar (self->registry);
  g_autoptr(GPtrArray) infos = NULL;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_calendar_info_free);
  for (guint i = 0; i < data->writable->len; i++)
    g_ptr_array_add (infos, new_calendar_info (self->registry,
                                               g_ptr_array_index (data->writable, i),
                                               default_source));
  g_ptr_array_sort (infos, compare_calendar_infos);

  g_task_return_pointer (task, g_steal_pointer (&infos), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_list_client_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ListItem *item = user_data;
  g_autoptr(GTask) task = item->task;
  g_autoptr(ESource) source = item->source;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(EClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_free (item);
  client = E_CLIENT (get_client_finish (MP2_EDS_CALENDAR_SINK (object), result, &error));
  /* One that cannot be opened now is listed: it may be writable once it can. */
  if (client == NULL)
    g_debug ("Listing %s unopened: %s", e_source_get_uid (source), error->message);
  if (client == NULL || !e_client_is_readonly (client))
    g_ptr_array_add (data->writable, g_object_ref (source));

  if (--data->pending > 0)
    return;

  if (g_task_return_error_if_cancelled (task))
    return;
  return_calendar_infos (task);
}

static gboolean
is_read_only_backend (ESource *source)
{
  ESourceBackend *extension = e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR);
  const char *backend = e_source_backend_get_backend_name (extension);

  return backend == NULL || g_strv_contains (read_only_backends, backend);
}

static void
mp2_eds_calendar_sink_list_calendars_async (Mp2CalendarSink     *sink,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GList *sources = e_source_registry_list_enabled (self->registry, E_SOURCE_EXTENSION_CALENDAR);
  ListData *data = g_new0 (ListData, 1);

  g_task_set_source_tag (task, mp2_eds_calendar_sink_list_calendars_async);
  data->writable = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  /* One more than the connections, so that none of them finishes the list early. */
  data->pending = 1;
  for (GList *link = sources; link != NULL; link = link->next)
    {
      ListItem *item;

      if (is_read_only_backend (link->data))
        continue;

      item = g_new0 (ListItem, 1);
      item->task = g_object_ref (task);
      item->source = g_object_ref (link->data);
      data->pending++;
      get_client_async (self, e_source_get_uid (item->source), cancellable, on_list_client_cb,
                        item);
    }
  g_list_free_full (sources, g_object_unref);

  if (--data->pending == 0)
    return_calendar_infos (task);
}

static GPtrArray *
mp2_eds_calendar_sink_list_calendars_finish (Mp2CalendarSink  *sink,
                                             GAsyncResult     *result,
                                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_eds_calendar_sink_list_calendars_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing an event */

typedef struct
{
  ECalClient    *client;
  ICalComponent *vevent;
  GPtrArray     *zones;      /* ICalTimezone */
  guint          next_zone;
} UpsertData;

static void
upsert_data_free (UpsertData *data)
{
  g_clear_object (&data->client);
  g_clear_object (&data->vevent);
  g_clear_pointer (&data->zones, g_ptr_array_unref);
  g_free (data);
}

static ESource *
task_source (GTask *task)
{
  UpsertData *data = g_task_get_task_data (task);

  return e_client_get_source (E_CLIENT (data->client));
}

static void
return_written (GTask        *task,
                gboolean      written,
                const GError *error)
{
  if (!written)
    {
      return_mapped_error (task, error, task_source (task));
      return;
    }

  /* The event has no etag of its own here: the calendar's revision is not the
   * event's, and the uid finds it again. */
  g_task_return_pointer (task, g_strdup (""), g_free);
}

static void
on_event_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean created;

  created = e_cal_client_create_object_finish (E_CAL_CLIENT (object), result, NULL, &error);
  return_written (task, created, error);
}

static void
on_event_modified_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean modified;

  modified = e_cal_client_modify_object_finish (E_CAL_CLIENT (object), result, &error);
  return_written (task, modified, error);
}

static void
modify_event (GTask         *task,
              ICalComponent *existing)
{
  UpsertData *data = g_task_get_task_data (task);

  /* Other calendars see by SEQUENCE that the event changed. */
  i_cal_component_set_sequence (data->vevent, i_cal_component_get_sequence (existing) + 1);
  e_cal_client_modify_object (data->client, data->vevent, E_CAL_OBJ_MOD_ALL,
                              E_CAL_OPERATION_FLAG_NONE, g_task_get_cancellable (task),
                              on_event_modified_cb, g_object_ref (task));
}

static void
create_event (GTask *task)
{
  UpsertData *data = g_task_get_task_data (task);

  e_cal_client_create_object (data->client, data->vevent, E_CAL_OPERATION_FLAG_NONE,
                              g_task_get_cancellable (task), on_event_created_cb,
                              g_object_ref (task));
}

static void
on_existing_event_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ICalComponent) existing = NULL;
  g_autoptr(GError) error = NULL;

  if (e_cal_client_get_object_finish (E_CAL_CLIENT (object), result, &existing, &error))
    modify_event (task, existing);
  else if (g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    create_event (task);
  else
    return_mapped_error (task, error, task_source (task));
}

static void
look_up_event (GTask *task)
{
  UpsertData *data = g_task_get_task_data (task);

  e_cal_client_get_object (data->client, i_cal_component_get_uid (data->vevent), NULL,
                           g_task_get_cancellable (task), on_existing_event_cb,
                           g_object_ref (task));
}

static void add_next_zone (GTask *task);

static void
on_zone_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!e_cal_client_add_timezone_finish (E_CAL_CLIENT (object), result, &error))
    {
      return_mapped_error (task, error, task_source (task));
      return;
    }

  add_next_zone (task);
}

/* The calendar gets the VTIMEZONE of each zone the event names, so that it (and a
 * CalDAV server after it) can show the event's local times. */
static void
add_next_zone (GTask *task)
{
  UpsertData *data = g_task_get_task_data (task);

  if (data->next_zone >= data->zones->len)
    {
      look_up_event (task);
      return;
    }

  e_cal_client_add_timezone (data->client, g_ptr_array_index (data->zones, data->next_zone++),
                             g_task_get_cancellable (task), on_zone_added_cb,
                             g_object_ref (task));
}

static void
on_upsert_client_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->client = get_client_finish (MP2_EDS_CALENDAR_SINK (object), result, &error);
  if (data->client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (e_client_is_readonly (E_CLIENT (data->client)))
    {
      ESource *source = task_source (task);

      g_task_return_error (task, mp2_eds_error_new_read_only (e_source_get_display_name (source)));
      return;
    }

  add_next_zone (task);
}

static void
mp2_eds_calendar_sink_upsert_async (Mp2CalendarSink     *sink,
                                    const char          *calendar_id,
                                    const Mp2DayEvent   *event,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  UpsertData *data = g_new0 (UpsertData, 1);

  g_task_set_source_tag (task, mp2_eds_calendar_sink_upsert_async);
  /* The event is written out now: the caller's may be gone when the calendar answers. */
  data->vevent = mp2_ical_event_new (event, &data->zones);
  g_task_set_task_data (task, data, (GDestroyNotify) upsert_data_free);

  get_client_async (self, calendar_id, cancellable, on_upsert_client_cb, g_steal_pointer (&task));
}

static char *
mp2_eds_calendar_sink_upsert_finish (Mp2CalendarSink  *sink,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_eds_calendar_sink_upsert_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Deleting an event */

static void
on_event_removed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!e_cal_client_remove_object_finish (E_CAL_CLIENT (object), result, &error) &&
      !g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    {
      return_mapped_error (task, error, e_client_get_source (E_CLIENT (object)));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_delete_client_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(EClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = E_CLIENT (get_client_finish (MP2_EDS_CALENDAR_SINK (object), result, &error));
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  e_cal_client_remove_object (E_CAL_CLIENT (client), g_task_get_task_data (task), NULL,
                              E_CAL_OBJ_MOD_ALL, E_CAL_OPERATION_FLAG_NONE,
                              g_task_get_cancellable (task), on_event_removed_cb,
                              g_object_ref (task));
}

static void
mp2_eds_calendar_sink_delete_async (Mp2CalendarSink     *sink,
                                    const char          *calendar_id,
                                    const char          *event_uid,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_eds_calendar_sink_delete_async);
  g_task_set_task_data (task, g_strdup (event_uid), g_free);

  get_client_async (self, calendar_id, cancellable, on_delete_client_cb, g_steal_pointer (&task));
}

static gboolean
mp2_eds_calendar_sink_delete_finish (Mp2CalendarSink  *sink,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_eds_calendar_sink_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static const char *
mp2_eds_calendar_sink_get_id (Mp2CalendarSink *sink)
{
  return "eds";
}

static void
mp2_eds_calendar_sink_calendar_sink_init (Mp2CalendarSinkInterface *iface)
{
  iface->get_id = mp2_eds_calendar_sink_get_id;
  iface->list_calendars_async = mp2_eds_calendar_sink_list_calendars_async;
  iface->list_calendars_finish = mp2_eds_calendar_sink_list_calendars_finish;
  iface->upsert_async = mp2_eds_calendar_sink_upsert_async;
  iface->upsert_finish = mp2_eds_calendar_sink_upsert_finish;
  iface->delete_async = mp2_eds_calendar_sink_delete_async;
  iface->delete_finish = mp2_eds_calendar_sink_delete_finish;
}

/* Initialisation */

static void
watch_registry (Mp2EdsCalendarSink *self)
{
  g_signal_connect_object (self->registry, "source-removed",
                           G_CALLBACK (on_registry_source_removed_cb), self, G_CONNECT_DEFAULT);
}

static void
on_registry_ready_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2EdsCalendarSink *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  self->registry = e_source_registry_new_finish (result, &error);
  if (self->registry == NULL)
    {
      if (mp2_eds_error_is_cancelled (error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                                 _("The calendars of this computer cannot be read: %s. Check "
                                   "that evolution-data-server is installed."), error->message);
      return;
    }

  watch_registry (self);
  g_task_return_boolean (task, TRUE);
}

static void
mp2_eds_calendar_sink_init_async (GAsyncInitable      *initable,
                                  int                  io_priority,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (initable);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_eds_calendar_sink_init_async);
  g_task_set_priority (task, io_priority);

  if (self->registry != NULL)
    {
      watch_registry (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  e_source_registry_new (cancellable, on_registry_ready_cb, g_steal_pointer (&task));
}

static gboolean
mp2_eds_calendar_sink_init_finish (GAsyncInitable  *initable,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, initable), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mp2_eds_calendar_sink_async_initable_init (GAsyncInitableIface *iface)
{
  iface->init_async = mp2_eds_calendar_sink_init_async;
  iface->init_finish = mp2_eds_calendar_sink_init_finish;
}

static void
mp2_eds_calendar_sink_dispose (GObject *object)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (object);

  g_hash_table_remove_all (self->clients);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (mp2_eds_calendar_sink_parent_class)->dispose (object);
}

static void
mp2_eds_calendar_sink_finalize (GObject *object)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (object);

  g_clear_pointer (&self->clients, g_hash_table_unref);

  G_OBJECT_CLASS (mp2_eds_calendar_sink_parent_class)->finalize (object);
}

static void
mp2_eds_calendar_sink_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_eds_calendar_sink_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  Mp2EdsCalendarSink *self = MP2_EDS_CALENDAR_SINK (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_eds_calendar_sink_class_init (Mp2EdsCalendarSinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_eds_calendar_sink_dispose;
  object_class->finalize = mp2_eds_calendar_sink_finalize;
  object_class->get_property = mp2_eds_calendar_sink_get_property;
  object_class->set_property = mp2_eds_calendar_sink_set_property;

  /**
   * Mp2EdsCalendarSink:registry:
   *
   * The registry of calendars; one of its own when none is given.
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         E_TYPE_SOURCE_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_eds_calendar_sink_init (Mp2EdsCalendarSink *self)
{
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * mp2_eds_calendar_sink_new_async:
 * @registry: (nullable): the app's #ESourceRegistry, or %NULL to open one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the sink is ready
 * @user_data: data for @callback
 *
 * Creates the sink of evolution-data-server's calendars.
 */
void
mp2_eds_calendar_sink_new_async (ESourceRegistry     *registry,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (registry == NULL || E_IS_SOURCE_REGISTRY (registry));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_async_initable_new_async (MP2_TYPE_EDS_CALENDAR_SINK, G_PRIORITY_DEFAULT, cancellable,
                              callback, user_data,
                              "registry", registry,
                              NULL);
}

/**
 * mp2_eds_calendar_sink_new_finish:
 * @result: the result
 * @error: where to report a #MP2_SYNC_ERROR when evolution-data-server cannot
 *   be reached
 *
 * Returns: (transfer full) (nullable): the sink, or %NULL with @error set
 */
Mp2EdsCalendarSink *
mp2_eds_calendar_sink_new_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(GObject) source_object = NULL;
  GObject *object;

  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  source_object = g_async_result_get_source_object (result);
  object = g_async_initable_new_finish (G_ASYNC_INITABLE (source_object), result, error);

  return object != NULL ? MP2_EDS_CALENDAR_SINK (object) : NULL;
}

/**
 * mp2_eds_calendar_sink_get_registry:
 * @self: a sink
 *
 * Returns: (transfer none): the registry of calendars the sink lists
 */
ESourceRegistry *
mp2_eds_calendar_sink_get_registry (Mp2EdsCalendarSink *self)
{
  g_return_val_if_fail (MP2_IS_EDS_CALENDAR_SINK (self), NULL);

  return self->registry;
}
