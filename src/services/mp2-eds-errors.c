/* mp2-eds-errors.c
 *
 * The errors of evolution-data-server (E_CLIENT_ERROR, E_CAL_CLIENT_ERROR, and
 * the GIO, resolver and HTTP errors its backends pass on) as MP2_SYNC_ERRORs
 * that say what a person can do about them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-eds-errors"

#include "config.h"

#include "mp2-eds-errors.h"

#include <glib/gi18n-lib.h>
#include <libecal/libecal.h>

static gboolean
is_offline_error (const GError *error)
{
  if (g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_REPOSITORY_OFFLINE) ||
      g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_OFFLINE_UNAVAILABLE) ||
      error->domain == G_RESOLVER_ERROR)
    return TRUE;

  /* the server, or a gateway to it, is down for now */
  if (error->domain == E_SOUP_SESSION_ERROR)
    return error->code == 502 || error->code == 503 || error->code == 504;

  return error->domain == G_IO_ERROR &&
         (error->code == G_IO_ERROR_NETWORK_UNREACHABLE ||
          error->code == G_IO_ERROR_HOST_UNREACHABLE ||
          error->code == G_IO_ERROR_HOST_NOT_FOUND ||
          error->code == G_IO_ERROR_CONNECTION_REFUSED ||
          error->code == G_IO_ERROR_CONNECTION_CLOSED ||
          error->code == G_IO_ERROR_TIMED_OUT);
}

static gboolean
is_auth_error (const GError *error)
{
  if (error->domain == E_SOUP_SESSION_ERROR)
    return error->code == 401 || error->code == 407;

  return g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_AUTHENTICATION_FAILED) ||
         g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_AUTHENTICATION_REQUIRED) ||
         g_error_matches (error, E_CLIENT_ERROR,
                          E_CLIENT_ERROR_UNSUPPORTED_AUTHENTICATION_METHOD);
}

static gboolean
is_read_only_error (const GError *error)
{
  if (error->domain == E_SOUP_SESSION_ERROR)
    return error->code == 403 || error->code == 405;

  return g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_PERMISSION_DENIED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
}

static gboolean
is_no_calendar_error (const GError *error)
{
  if (error->domain == E_SOUP_SESSION_ERROR)
    return error->code == 404 || error->code == 410;

  return g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_NO_SUCH_CALENDAR);
}

/**
 * mp2_eds_error_is_cancelled:
 * @error: an error of evolution-data-server
 *
 * Returns: whether @error says that the call was cancelled
 */
gboolean
mp2_eds_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_CANCELLED);
}

/**
 * mp2_eds_error_new_no_calendar:
 * @name: (nullable): the calendar's name, if it is known
 *
 * Returns: (transfer full): a %MP2_SYNC_ERROR_NO_CALENDAR
 */
GError *
mp2_eds_error_new_no_calendar (const char *name)
{
  if (name == NULL)
    return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR,
                                _("The chosen calendar is not there any more. "
                                  "Choose another calendar in Preferences."));

  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR,
                      _("The calendar “%s” is not there any more. "
                        "Choose another calendar in Preferences."), name);
}

/**
 * mp2_eds_error_new_read_only:
 * @name: the calendar's name
 *
 * Returns: (transfer full): a %MP2_SYNC_ERROR_READ_ONLY
 */
GError *
mp2_eds_error_new_read_only (const char *name)
{
  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY,
                      _("The calendar “%s” is read-only. "
                        "Choose a calendar that you can add events to."), name);
}

/**
 * mp2_eds_error_map:
 * @error: an error of evolution-data-server
 * @source: (nullable): the calendar it is about, %NULL when it is not there
 *
 * Says what went wrong as a #MP2_SYNC_ERROR a person can act on, with the
 * calendar's name; cancelling stays %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the error to report
 */
GError *
mp2_eds_error_map (const GError *error,
                   ESource      *source)
{
  const char *name = source != NULL ? e_source_get_display_name (source) : NULL;

  if (mp2_eds_error_is_cancelled (error))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, error->message);
  if (name == NULL || is_no_calendar_error (error))
    return mp2_eds_error_new_no_calendar (name);
  if (is_read_only_error (error))
    return mp2_eds_error_new_read_only (name);
  if (is_auth_error (error))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH,
                        _("The calendar “%s” needs you to sign in again. Enter the "
                          "password in Online Accounts or Evolution, then try again."), name);
  if (is_offline_error (error))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_OFFLINE,
                        _("The server of the calendar “%s” cannot be reached. "
                          "Check the network connection, then try again."), name);

  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                      _("The calendar “%s” did not take the event: %s"), name, error->message);
}
