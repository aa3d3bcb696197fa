/* mp2-http-errors.c
 *
 * MP2_HTTP_ERROR: one code per thing a person or a service client can act on, and a
 * sentence for each that names the server and says what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include <glib/gi18n-lib.h>

#include "mp2-http-private.h"

G_DEFINE_QUARK (mp2-http-error-quark, mp2_http_error)

/* The code for a status that is not 2xx. */
Mp2HttpError
mp2_http_error_from_status (Mp2HttpResponse *response)
{
  if (mp2_http_response_is_rate_limit (response))
    return MP2_HTTP_ERROR_RATE_LIMITED;
  if (SOUP_STATUS_IS_SERVER_ERROR (response->status))
    return MP2_HTTP_ERROR_SERVER;

  switch (response->status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      return MP2_HTTP_ERROR_BAD_REQUEST;
    case SOUP_STATUS_UNAUTHORIZED:
      return MP2_HTTP_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return MP2_HTTP_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return MP2_HTTP_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      return MP2_HTTP_ERROR_CONFLICT;
    case SOUP_STATUS_GONE:
      return MP2_HTTP_ERROR_GONE;
    case SOUP_STATUS_PRECONDITION_FAILED:
      return MP2_HTTP_ERROR_PRECONDITION_FAILED;
    default:
      return MP2_HTTP_ERROR_FAILED;
    }
}

static char *
describe_status (Mp2HttpError  code,
                 guint         status,
                 const char   *host)
{
  switch (code)
    {
    case MP2_HTTP_ERROR_BAD_REQUEST:
      /* Translators: %s is a server's name, such as gmail.googleapis.com */
      return g_strdup_printf (_("%s did not understand the request. This is a fault in "
                                "Film Schedule; please report it."), host);
    case MP2_HTTP_ERROR_UNAUTHORIZED:
      return g_strdup_printf (_("%s did not accept the sign-in. Sign in again."), host);
    case MP2_HTTP_ERROR_FORBIDDEN:
      return g_strdup_printf (_("%s refused access. Check that your account allows "
                                "Film Schedule to do this, then sign in again."), host);
    case MP2_HTTP_ERROR_NOT_FOUND:
      return g_strdup_printf (_("%s does not have what was asked for. It may have been "
                                "deleted."), host);
    case MP2_HTTP_ERROR_CONFLICT:
      return g_strdup_printf (_("%s already has this item, so it was not added "
                                "again."), host);
    case MP2_HTTP_ERROR_GONE:
      return g_strdup_printf (_("%s no longer has this item. It was deleted, or has to "
                                "be read again from the start."), host);
    case MP2_HTTP_ERROR_PRECONDITION_FAILED:
      return g_strdup_printf (_("The item changed on %s since it was last read. It will "
                                "be read again before it is changed."), host);
    case MP2_HTTP_ERROR_RATE_LIMITED:
      return g_strdup_printf (_("%s received too many requests and asks to wait. Try "
                                "again in a few minutes."), host);
    case MP2_HTTP_ERROR_SERVER:
      /* Translators: %s is a server's name, %u an HTTP status such as 503 */
      return g_strdup_printf (_("%s has a problem of its own (error %u). Try again "
                                "later."), host, status);
    case MP2_HTTP_ERROR_BAD_RESPONSE:
      return g_strdup_printf (_("The answer from %s could not be read. On a public "
                                "network, you may have to sign in to it in your browser "
                                "first."), host);
    case MP2_HTTP_ERROR_NETWORK:
    case MP2_HTTP_ERROR_TIMEOUT:
    case MP2_HTTP_ERROR_OFFLINE:
    case MP2_HTTP_ERROR_CIRCUIT_OPEN:
    case MP2_HTTP_ERROR_FAILED:
    case MP2_HTTP_ERROR_INSECURE:
    default:
      /* Translators: %s is a server's name, %u an HTTP status such as 405 */
      return g_strdup_printf (_("%s answered with an unexpected error (%u). Try again "
                                "later; if it goes on, please report it."), host, status);
    }
}

/* The error for a response that is not 2xx. */
GError *
mp2_http_error_for_response (Mp2HttpResponse *response,
                             const char      *host)
{
  Mp2HttpError code = mp2_http_error_from_status (response);
  g_autofree char *message = describe_status (code, response->status, host);

  return g_error_new_literal (MP2_HTTP_ERROR, code, message);
}

/* The error for a request that got no answer: cancelled stays cancelled, a TLS
 * problem and others are NETWORK with a sentence of their own. */
GError *
mp2_http_error_for_transport (const GError *error,
                              const char   *host,
                              gboolean      timed_out,
                              guint         timeout)
{
  if (timed_out)
    return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_TIMEOUT,
                        g_dngettext (GETTEXT_PACKAGE,
                                     /* Translators: %s is a server's name, %u a number
                                      * of seconds */
                                     "%s did not answer within %u second. Try again "
                                     "later.",
                                     "%s did not answer within %u seconds. Try again "
                                     "later.", timeout),
                        host, timeout);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_NETWORK,
                        _("The identity of %s could not be verified, so it was not "
                          "used. The network may be redirecting you; check its "
                          "settings."), host);

  return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_NETWORK,
                      /* Translators: %s is a server's name, then the system's reason */
                      _("Could not reach %s. Check your internet connection. (%s)"),
                      host, error->message);
}

GError *
mp2_http_error_offline (const char *host)
{
  return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_OFFLINE,
                      /* Translators: %s is a server's name */
                      _("The computer is offline, so nothing was sent to %s. Connect "
                        "to a network and try again."), host);
}

GError *
mp2_http_error_circuit_open (const char *host,
                             guint       seconds_left)
{
  return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_CIRCUIT_OPEN,
                      g_dngettext (GETTEXT_PACKAGE,
                                   /* Translators: %s is a server's name, %u a number of
                                    * seconds */
                                   "%s failed several times in a row. Film Schedule waits "
                                   "%u more second before it tries again.",
                                   "%s failed several times in a row. Film Schedule waits "
                                   "%u more seconds before it tries again.",
                                   seconds_left),
                      host, seconds_left);
}

GError *
mp2_http_error_insecure (const char *redacted_uri)
{
  return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_INSECURE,
                      /* Translators: %s is a web address */
                      _("“%s” is not a secure (https://) address, so nothing was sent to "
                        "it. Check the address in the settings or the environment."),
                      redacted_uri);
}

GError *
mp2_http_error_invalid_uri (const char *redacted_uri)
{
  return g_error_new (MP2_HTTP_ERROR, MP2_HTTP_ERROR_FAILED,
                      /* Translators: %s is what should have been a web address */
                      _("“%s” is not a valid web address. Check the address in the "
                        "settings or the environment."), redacted_uri);
}

GError *
mp2_http_error_bad_response (const char *host)
{
  g_autofree char *message = describe_status (MP2_HTTP_ERROR_BAD_RESPONSE, 0, host);

  return g_error_new_literal (MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE, message);
}
