/* mp2-store-sync.c
 *
 * What the store remembers of the world outside: each day's event in each calendar,
 * the mail accounts' history ids, and the cache of geocoding, routes and weather.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-store"

#include "config.h"

#include "mp2-store.h"

#include "mp2-store-private.h"

/* Calendar links ------------------------------------------------------------------ */

/**
 * mp2_calendar_link_new:
 * @sink: the sink's name: "eds", "google", "ics"
 * @calendar_id: the calendar in the sink
 * @event_uid: the day's event
 * @etag: (nullable): the event's version in the sink
 *
 * Returns: (transfer full): a new link, not synced yet (synced_at 0)
 */
Mp2CalendarLink *
mp2_calendar_link_new (const char *sink,
                       const char *calendar_id,
                       const char *event_uid,
                       const char *etag)
{
  Mp2CalendarLink *link;

  g_return_val_if_fail (sink != NULL, NULL);
  g_return_val_if_fail (calendar_id != NULL, NULL);
  g_return_val_if_fail (event_uid != NULL, NULL);

  link = g_new0 (Mp2CalendarLink, 1);
  link->sink = g_strdup (sink);
  link->calendar_id = g_strdup (calendar_id);
  link->event_uid = g_strdup (event_uid);
  link->etag = g_strdup (etag);

  return link;
}

/**
 * mp2_calendar_link_free:
 * @link: (nullable): a link
 */
void
mp2_calendar_link_free (Mp2CalendarLink *link)
{
  if (link == NULL)
    return;

  g_free (link->sink);
  g_free (link->calendar_id);
  g_free (link->event_uid);
  g_free (link->etag);
  g_free (link);
}

static Mp2CalendarLink *
calendar_link_new_from_statement (sqlite3_stmt *stmt)
{
  Mp2CalendarLink *link = g_new0 (Mp2CalendarLink, 1);

  link->sink = mp2_store_dup_column_text (stmt, 0);
  link->calendar_id = mp2_store_dup_column_text (stmt, 1);
  link->event_uid = mp2_store_dup_column_text (stmt, 2);
  link->etag = mp2_store_dup_column_text (stmt, 3);
  link->synced_at = sqlite3_column_int64 (stmt, 4);

  return link;
}

/**
 * mp2_store_get_calendar_link:
 * @self: a #Mp2Store
 * @day_key: a day's key
 * @sink: the sink's name
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Blocking.
 *
 * Returns: (transfer full) (nullable): the day's event in @sink, or %NULL when it
 *   has none (@error unset) or on an error (@error set)
 */
Mp2CalendarLink *
mp2_store_get_calendar_link (Mp2Store    *self,
                             const char  *day_key,
                             const char  *sink,
                             GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (day_key != NULL, NULL);
  g_return_val_if_fail (sink != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = mp2_store_prepare (self,
                            "SELECT sink, calendar_id, event_uid, etag, synced_at "
                            "FROM calendar_links WHERE day_key = ?1 AND sink = ?2",
                            error);
  if (stmt == NULL)
    return NULL;

  mp2_store_bind_text (stmt, 1, day_key);
  mp2_store_bind_text (stmt, 2, sink);
  if (!mp2_store_step (self, stmt, &has_row, error) || !has_row)
    return NULL;

  return calendar_link_new_from_statement (stmt);
}

/**
 * mp2_store_delete_calendar_link:
 * @self: a #Mp2Store
 * @day_key: a day's key
 * @sink: the sink's name
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Forgets the day's event in @sink (after it was removed from the calendar).
 * Deleting a link that is not there succeeds. Blocking.
 *
 * Returns: %TRUE when done, %FALSE with @error set
 */
gboolean
mp2_store_delete_calendar_link (Mp2Store    *self,
                                const char  *day_key,
                                const char  *sink,
                                GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (day_key != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = mp2_store_prepare (self,
                            "DELETE FROM calendar_links WHERE day_key = ?1 AND sink = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, day_key);
  mp2_store_bind_text (stmt, 2, sink);
  return mp2_store_step_done (self, stmt, error);
}

/* Mail sync state ------------------------------------------------------------------ */

/**
 * mp2_store_get_sync_state:
 * @self: a #Mp2Store
 * @account: a mail account
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Blocking.
 *
 * Returns: (transfer full) (nullable): the account's last history id, or %NULL when
 *   there is none (@error unset) or on an error (@error set)
 */
char *
mp2_store_get_sync_state (Mp2Store    *self,
                          const char  *account,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = mp2_store_prepare (self, "SELECT history_id FROM sync_state WHERE account = ?1", error);
  if (stmt == NULL)
    return NULL;

  mp2_store_bind_text (stmt, 1, account);
  if (!mp2_store_step (self, stmt, &has_row, error) || !has_row)
    return NULL;

  return mp2_store_dup_column_text (stmt, 0);
}

/**
 * mp2_store_set_sync_state:
 * @self: a #Mp2Store
 * @account: a mail account
 * @history_id: (nullable): the account's history id, or %NULL to forget it (the
 *   next sync then starts afresh)
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Blocking.
 *
 * Returns: %TRUE when saved, %FALSE with @error set
 */
gboolean
mp2_store_set_sync_state (Mp2Store    *self,
                          const char  *account,
                          const char  *history_id,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (history_id == NULL)
    stmt = mp2_store_prepare (self, "DELETE FROM sync_state WHERE account = ?1", error);
  else
    stmt = mp2_store_prepare (self,
                              "INSERT INTO sync_state (account, history_id, updated_at) "
                              "VALUES (?1, ?2, ?3) ON CONFLICT (account) DO UPDATE SET "
                              "history_id = excluded.history_id, updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, account);
  if (history_id != NULL)
    {
      mp2_store_bind_text (stmt, 2, history_id);
      sqlite3_bind_int64 (stmt, 3, mp2_store_now ());
    }

  return mp2_store_step_done (self, stmt, error);
}

/* Cache ---------------------------------------------------------------------------- */

/**
 * mp2_store_cache_get:
 * @self: a #Mp2Store
 * @key: the cache key, such as a geocoder's name and an address
 *
 * Blocking.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when there is none or it
 *   has expired
 */
char *
mp2_store_cache_get (Mp2Store   *self,
                     const char *key)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = mp2_store_prepare (self,
                            "SELECT value FROM cache WHERE key = ?1 "
                            "AND (expires_at IS NULL OR expires_at > ?2)",
                            &error);
  if (stmt != NULL)
    {
      mp2_store_bind_text (stmt, 1, key);
      sqlite3_bind_int64 (stmt, 2, mp2_store_now ());
      if (mp2_store_step (self, stmt, &has_row, &error) && has_row)
        return mp2_store_dup_column_text (stmt, 0);
    }

  if (error != NULL)
    g_warning ("Could not read the cache: %s", error->message);

  return NULL;
}

/**
 * mp2_store_cache_put:
 * @self: a #Mp2Store
 * @key: the cache key
 * @value: the value
 * @ttl_seconds: how long the value holds; 0 or less: until it is replaced
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Keeps @value under @key, replacing what was there. Expired values are removed
 * when the store is opened. Blocking.
 *
 * Returns: %TRUE when saved, %FALSE with @error set
 */
gboolean
mp2_store_cache_put (Mp2Store    *self,
                     const char  *key,
                     const char  *value,
                     gint64       ttl_seconds,
                     GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = mp2_store_prepare (self,
                            "INSERT INTO cache (key, value, expires_at) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (key) DO UPDATE SET "
                            "value = excluded.value, expires_at = excluded.expires_at",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, key);
  mp2_store_bind_text (stmt, 2, value);
  mp2_store_bind_id (stmt, 3, ttl_seconds > 0 ? mp2_store_now () + ttl_seconds : 0);

  return mp2_store_step_done (self, stmt, error);
}
