/* mp2-fake-browser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-browser.h"

#include <libsoup/soup.h>

typedef struct
{
  SoupSession *session;
  char        *location;
  guint        status;
} Visit;

static void
visit_free (gpointer data)
{
  Visit *visit = data;

  g_clear_object (&visit->session);
  g_free (visit->location);
  g_free (visit);
}

static void
on_redirect_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Visit *visit = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (visit->session, result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (visit->session, result);

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  visit->status = soup_message_get_status (msg);
  g_task_return_boolean (task, TRUE);
}

static void
follow (GTask      *task,
        const char *location)
{
  Visit *visit = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", location);

  if (msg == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The redirect is not a URL: %s", location);
      g_object_unref (task);
      return;
    }

  visit->location = g_strdup (location);
  soup_session_send_and_read_async (visit->session, msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_redirect_read_cb, task);
}

static void
on_authorization_read_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Visit *visit = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (visit->session, result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (visit->session, result);
  const char *location = NULL;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (soup_message_get_status (msg) != SOUP_STATUS_FOUND || location == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The authorization page answered %u instead of a redirect: %.*s",
                               soup_message_get_status (msg), (int) g_bytes_get_size (body),
                               (const char *) g_bytes_get_data (body, NULL));
      return;
    }

  follow (g_steal_pointer (&task), location);
}

/**
 * mp2_fake_browser_open_async:
 * @url: the authorization URL, as the app would open it
 *
 * GETs @url without following redirects, then GETs the Location of its 302 (the
 * app's loopback redirect, with `code` and `state` or `error`).
 */
void
mp2_fake_browser_open_async (const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(SoupMessage) msg = NULL;
  Visit *visit = g_new0 (Visit, 1);

  g_task_set_source_tag (task, mp2_fake_browser_open_async);
  g_task_set_task_data (task, visit, visit_free);
  visit->session = soup_session_new_with_options ("timeout", 30, NULL);

  msg = soup_message_new ("GET", url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Not a URL: %s", url);
      return;
    }

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (visit->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    on_authorization_read_cb, g_steal_pointer (&task));
}

/**
 * mp2_fake_browser_open_finish:
 * @redirect_uri: (out) (optional): where the authorization page sent the browser
 * @callback_status: (out) (optional): the HTTP status of the app's loopback page
 *
 * Returns: %FALSE with @error set if the authorization page did not redirect, or the
 *   loopback redirect could not be reached
 */
gboolean
mp2_fake_browser_open_finish (GAsyncResult *result,
                              char        **redirect_uri,
                              guint        *callback_status,
                              GError      **error)
{
  Visit *visit = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  visit = g_task_get_task_data (G_TASK (result));
  if (redirect_uri != NULL)
    *redirect_uri = g_strdup (visit->location);
  if (callback_status != NULL)
    *callback_status = visit->status;

  return TRUE;
}
