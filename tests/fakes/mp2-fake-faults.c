/* mp2-fake-faults.c
 *
 * The fault script of the fake Google: for the requests to an endpoint pattern, let
 * SKIP through, then answer the next COUNT with a fault (5xx, rate limits, a hang,
 * a cut body, an expired token, invalid_grant, a too old history id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google-private.h"

#include <string.h>

#define DEFAULT_RETRY_AFTER 1
#define DEFAULT_HANG        30

typedef struct
{
  guint        id;
  char        *pattern;
  Mp2FakeFault fault;
  guint        skip;
  guint        count;  /* G_MAXUINT: every request */
  guint        seconds;
  gboolean     seconds_set;
  guint        hits;
} Fault;

struct _Mp2FakeFaults
{
  GPtrArray *faults;
  guint      last_id;
};

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->pattern);
  g_free (fault);
}

Mp2FakeFaults *
mp2_fake_faults_new (void)
{
  Mp2FakeFaults *faults = g_new0 (Mp2FakeFaults, 1);

  faults->faults = g_ptr_array_new_with_free_func (fault_free);

  return faults;
}

void
mp2_fake_faults_free (Mp2FakeFaults *faults)
{
  g_ptr_array_unref (faults->faults);
  g_free (faults);
}

static Fault *
find_fault (Mp2FakeFaults *faults,
            guint          id)
{
  for (guint i = 0; i < faults->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (faults->faults, i);

      if (fault->id == id)
        return fault;
    }

  return NULL;
}

static gboolean
matches (Fault          *fault,
         Mp2FakeRequest *request)
{
  return g_pattern_match_simple (fault->pattern, request->endpoint) ||
         g_pattern_match_simple (fault->pattern, request->path);
}

/* The bodies of the contract for each API; OAuth has none of its own for quotas. */
static const char *
choose_sample (Mp2FakeFault fault,
               const char  *api)
{
  gboolean gmail = g_strcmp0 (api, "gmail") == 0;
  gboolean calendar = g_strcmp0 (api, "calendar") == 0;

  switch (fault)
    {
    case MP2_FAKE_FAULT_RATE_LIMIT:
      return gmail ? "gmail/error_429_rate_limit_exceeded.observed.json"
             : calendar ? "calendar/error_429_rate_limit_exceeded.constructed.json"
             : "google_common/error_429_resource_exhausted_with_details.observed.json";
    case MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER:
    case MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE:
      return gmail ? "gmail/error_429_user_rate_limit_retry_after.assembled.json"
             : calendar ? "calendar/error_429_rate_limit_exceeded.constructed.json"
             : "google_common/error_429_resource_exhausted_with_details.observed.json";
    case MP2_FAKE_FAULT_QUOTA_RATE_LIMIT:
      return gmail ? "gmail/error_403_queries_per_minute_per_user.assembled.json"
                   : "calendar/error_403_rate_limit_exceeded.docs.json";
    case MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT:
      return "calendar/error_403_user_rate_limit_exceeded.docs.json";
    case MP2_FAKE_FAULT_TOKEN_EXPIRED:
      return "google_common/error_401_invalid_credentials.docs.json";
    case MP2_FAKE_FAULT_INVALID_GRANT:
      return "oauth/error_400_invalid_grant_revoked.observed.json";
    case MP2_FAKE_FAULT_HISTORY_TOO_OLD:
      return "gmail/error_404_history_too_old.observed.json";
    case MP2_FAKE_FAULT_SERVER_ERROR:
    case MP2_FAKE_FAULT_UNAVAILABLE:
    case MP2_FAKE_FAULT_HANG:
    case MP2_FAKE_FAULT_TRUNCATED:
    default:
      return NULL;
    }
}

static guint
get_status (Mp2FakeFault fault)
{
  switch (fault)
    {
    case MP2_FAKE_FAULT_SERVER_ERROR: return 500;
    case MP2_FAKE_FAULT_UNAVAILABLE: return 503;
    case MP2_FAKE_FAULT_RATE_LIMIT:
    case MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER:
    case MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE: return 429;
    case MP2_FAKE_FAULT_QUOTA_RATE_LIMIT:
    case MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT: return 403;
    case MP2_FAKE_FAULT_TOKEN_EXPIRED: return 401;
    case MP2_FAKE_FAULT_INVALID_GRANT: return 400;
    case MP2_FAKE_FAULT_HISTORY_TOO_OLD: return 404;
    case MP2_FAKE_FAULT_HANG:
    case MP2_FAKE_FAULT_TRUNCATED:
    default: return 200;
    }
}

static void
set_retry_after (Mp2FakeRequest *request,
                 Fault          *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  guint seconds = fault->seconds_set ? fault->seconds : DEFAULT_RETRY_AFTER;
  g_autofree char *value = NULL;

  if (fault->fault == MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER)
    value = g_strdup_printf ("%u", seconds);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);

      value = soup_date_time_to_string (then, SOUP_DATE_HTTP);
    }
  soup_message_headers_replace (headers, "Retry-After", value);
}

static void
reply_server_error (Mp2FakeRequest *request,
                    guint           status)
{
  gboolean oauth = g_strcmp0 (request->api, "oauth2") == 0;

  if (status == 500)
    mp2_fake_reply_error (request, status, oauth ? "server_error" : "backendError",
                          "Internal error encountered.");
  else
    mp2_fake_reply_error (request, status, oauth ? "temporarily_unavailable" : "backendError",
                          "The service is currently unavailable.");
}

/* Returns whether the fault answered the request itself. */
static gboolean
fire (Mp2FakeGoogle  *self,
      Mp2FakeRequest *request,
      Fault          *fault)
{
  const char *sample = choose_sample (fault->fault, request->api);
  guint status = get_status (fault->fault);

  switch (fault->fault)
    {
    case MP2_FAKE_FAULT_HANG:
      request->delay_ms += (fault->seconds_set ? fault->seconds : DEFAULT_HANG) * 1000;
      return FALSE;
    case MP2_FAKE_FAULT_TRUNCATED:
      request->truncate = TRUE;
      return FALSE;
    case MP2_FAKE_FAULT_SERVER_ERROR:
    case MP2_FAKE_FAULT_UNAVAILABLE:
      reply_server_error (request, status);
      return TRUE;
    case MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER:
    case MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE:
      set_retry_after (request, fault);
      break;
    case MP2_FAKE_FAULT_TOKEN_EXPIRED:
      mp2_fake_oauth_expire_token (self->oauth, request->token);
      break;
    case MP2_FAKE_FAULT_INVALID_GRANT:
      mp2_fake_oauth_revoke_refresh_of_request (self->oauth, request);
      break;
    case MP2_FAKE_FAULT_RATE_LIMIT:
    case MP2_FAKE_FAULT_QUOTA_RATE_LIMIT:
    case MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT:
    case MP2_FAKE_FAULT_HISTORY_TOO_OLD:
    default:
      break;
    }

  mp2_fake_reply_sample (request, status, sample);

  return TRUE;
}

/**
 * mp2_fake_faults_apply:
 *
 * Offers @request to the fault script; the first fault that takes it fires.
 *
 * Returns: whether the request has been answered
 */
gboolean
mp2_fake_faults_apply (Mp2FakeGoogle  *self,
                       Mp2FakeRequest *request)
{
  for (guint i = 0; i < self->faults->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults->faults, i);

      if (fault->count == 0 || !matches (fault, request))
        continue;
      if (fault->skip > 0)
        {
          fault->skip--;
          continue;
        }
      if (fault->count != G_MAXUINT)
        fault->count--;
      fault->hits++;
      if (self->verbose)
        g_printerr ("fault %u fires on %s %s\n", fault->id, request->http_method, request->path);
      return fire (self, request, fault);
    }

  return FALSE;
}

/* The truncated answer: a valid start of the JSON, cut in the middle. */
void
mp2_fake_faults_finish (Mp2FakeRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_response_body (request->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) half = NULL;

  if (!request->truncate || body->length < 2)
    return;

  bytes = soup_message_body_flatten (body);
  half = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
  soup_message_body_truncate (body);
  soup_message_body_append_bytes (body, half);
}

/**
 * mp2_fake_google_add_fault:
 * @pattern: a glob on the endpoint name ("gmail.users.messages.get", "calendar.*",
 *   "oauth2.token", "*") or on the request path ("/gmail/v1/users/me/history")
 * @skip: how many matching requests to let through first
 * @count: how many to answer with @fault then; 0 for every one from then on
 *
 * Scripts a fault. Faults are tried in the order they were added; a request that one
 * fault lets through (skip) is offered to the next. Only requests that pass the
 * contract check reach the script.
 *
 * Returns: the fault's id, for mp2_fake_google_set_fault_seconds () and
 *   mp2_fake_google_get_fault_hits ()
 */
guint
mp2_fake_google_add_fault (Mp2FakeGoogle *self,
                           const char    *pattern,
                           Mp2FakeFault   fault,
                           guint          skip,
                           guint          count)
{
  Fault *added = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);
  g_return_val_if_fail (pattern != NULL, 0);

  added = g_new0 (Fault, 1);
  added->id = ++self->faults->last_id;
  added->pattern = g_strdup (pattern);
  added->fault = fault;
  added->skip = skip;
  added->count = count == 0 ? G_MAXUINT : count;
  g_ptr_array_add (self->faults->faults, added);

  return added->id;
}

/**
 * mp2_fake_google_set_fault_seconds:
 *
 * Sets the Retry-After of a rate-limit fault (1 s by default) or how long a hang
 * holds the answer (30 s by default).
 */
void
mp2_fake_google_set_fault_seconds (Mp2FakeGoogle *self,
                                   guint          fault_id,
                                   guint          seconds)
{
  Fault *fault = NULL;

  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));
  fault = find_fault (self->faults, fault_id);
  g_return_if_fail (fault != NULL);

  fault->seconds = seconds;
  fault->seconds_set = TRUE;
}

/**
 * mp2_fake_google_get_fault_hits:
 *
 * Returns: how many requests the fault has answered
 */
guint
mp2_fake_google_get_fault_hits (Mp2FakeGoogle *self,
                                guint          fault_id)
{
  Fault *fault = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);
  fault = find_fault (self->faults, fault_id);
  g_return_val_if_fail (fault != NULL, 0);

  return fault->hits;
}

void
mp2_fake_google_remove_fault (Mp2FakeGoogle *self,
                              guint          fault_id)
{
  Fault *fault = NULL;

  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));
  fault = find_fault (self->faults, fault_id);
  g_return_if_fail (fault != NULL);

  g_ptr_array_remove (self->faults->faults, fault);
}

void
mp2_fake_google_clear_faults (Mp2FakeGoogle *self)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_ptr_array_set_size (self->faults->faults, 0);
}
