/* mp2-fake-google.h
 *
 * A fake Google for tests and the demo: OAuth 2.0 (authorization with PKCE, token,
 * revoke), Gmail v1 and Calendar v3 on one SoupServer at http://127.0.0.1:PORT, with
 * the real paths, so that MP2_OAUTH_URL, MP2_GMAIL_URL and MP2_CALENDAR_URL can all
 * point at it. Every request is checked against the discovery documents of
 * tests/data/contracts/; errors are the contract's sample bodies. Faults can be
 * scripted per endpoint. The server runs in the GMainContext that was the thread's
 * default when the fake was made: tests drive the client and the fake from one loop.
 *
 * Endpoint names, for counters and fault patterns: "oauth2.auth", "oauth2.token",
 * "oauth2.revoke", and the discovery ids of the API methods, such as
 * "gmail.users.messages.list" or "calendar.events.insert".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The desktop client the fake knows, unless mp2_fake_google_set_client () says otherwise. */
#define MP2_FAKE_GOOGLE_CLIENT_ID     "mp2-fake-client.apps.googleusercontent.com"
#define MP2_FAKE_GOOGLE_CLIENT_SECRET "mp2-fake-client-secret"

/* The signed-in user, the id of their primary calendar, and a second calendar. */
#define MP2_FAKE_GOOGLE_USER_EMAIL    "filmowiec@example.com"
#define MP2_FAKE_GOOGLE_CALENDAR_ID   "c_5p3q8r1t6u2v9m0n4k7j@group.calendar.google.com"

#define MP2_FAKE_GOOGLE_SCOPE_GMAIL    "https://www.googleapis.com/auth/gmail.modify"
#define MP2_FAKE_GOOGLE_SCOPE_CALENDAR "https://www.googleapis.com/auth/calendar"
#define MP2_FAKE_GOOGLE_SCOPE_EVENTS   "https://www.googleapis.com/auth/calendar.events"

/**
 * Mp2FakeFault:
 * @MP2_FAKE_FAULT_SERVER_ERROR: 500 `backendError`
 * @MP2_FAKE_FAULT_UNAVAILABLE: 503 `backendError`, `UNAVAILABLE`
 * @MP2_FAKE_FAULT_RATE_LIMIT: 429 `rateLimitExceeded`, no Retry-After
 * @MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER: 429 with `Retry-After: SECONDS`
 * @MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE: 429 with `Retry-After: HTTP-date` (now + SECONDS)
 * @MP2_FAKE_FAULT_QUOTA_RATE_LIMIT: 403 domain `usageLimits`, reason `rateLimitExceeded`
 * @MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT: 403 `usageLimits`, `userRateLimitExceeded`
 * @MP2_FAKE_FAULT_HANG: no answer for SECONDS (the message is paused; then the real answer)
 * @MP2_FAKE_FAULT_TRUNCATED: the real answer, its JSON cut in the middle
 * @MP2_FAKE_FAULT_TOKEN_EXPIRED: the access token presented expires now: 401 `authError`
 * @MP2_FAKE_FAULT_INVALID_GRANT: 400 `invalid_grant` (for "oauth2.token"); the refresh
 *   token presented is revoked, as Google does
 * @MP2_FAKE_FAULT_HISTORY_TOO_OLD: 404 `notFound` (for "gmail.users.history.list")
 *
 * What a scripted fault answers. The bodies are those of tests/data/contracts/samples
 * for the API of the endpoint (Gmail, Calendar or OAuth).
 */
typedef enum
{
  MP2_FAKE_FAULT_SERVER_ERROR,
  MP2_FAKE_FAULT_UNAVAILABLE,
  MP2_FAKE_FAULT_RATE_LIMIT,
  MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER,
  MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE,
  MP2_FAKE_FAULT_QUOTA_RATE_LIMIT,
  MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT,
  MP2_FAKE_FAULT_HANG,
  MP2_FAKE_FAULT_TRUNCATED,
  MP2_FAKE_FAULT_TOKEN_EXPIRED,
  MP2_FAKE_FAULT_INVALID_GRANT,
  MP2_FAKE_FAULT_HISTORY_TOO_OLD,
} Mp2FakeFault;

#define MP2_TYPE_FAKE_GOOGLE (mp2_fake_google_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FakeGoogle, mp2_fake_google, MP2, FAKE_GOOGLE, GObject)

/* The server */
Mp2FakeGoogle *mp2_fake_google_new                  (GError        **error);
Mp2FakeGoogle *mp2_fake_google_new_with_port        (guint           port,
                                                     GError        **error);
const char    *mp2_fake_google_get_url              (Mp2FakeGoogle  *self);
guint          mp2_fake_google_get_port             (Mp2FakeGoogle  *self);
void           mp2_fake_google_export_environment   (Mp2FakeGoogle  *self);
void           mp2_fake_google_set_verbose          (Mp2FakeGoogle  *self,
                                                     gboolean        verbose);

/* OAuth 2.0 */
void           mp2_fake_google_set_client           (Mp2FakeGoogle  *self,
                                                     const char     *client_id,
                                                     const char     *client_secret);
void           mp2_fake_google_set_consent          (Mp2FakeGoogle  *self,
                                                     gboolean        grant);
void           mp2_fake_google_set_granted_scope    (Mp2FakeGoogle  *self,
                                                     const char     *scope);
void           mp2_fake_google_set_token_lifetime   (Mp2FakeGoogle  *self,
                                                     guint           seconds);
void           mp2_fake_google_issue_tokens         (Mp2FakeGoogle  *self,
                                                     const char     *scope,
                                                     char          **access_token,
                                                     char          **refresh_token);
void           mp2_fake_google_expire_access_tokens (Mp2FakeGoogle  *self);
void           mp2_fake_google_revoke_refresh_token (Mp2FakeGoogle  *self,
                                                     const char     *refresh_token);
gboolean       mp2_fake_google_is_refresh_token_valid (Mp2FakeGoogle *self,
                                                       const char    *refresh_token);
GHashTable    *mp2_fake_google_get_last_authorization (Mp2FakeGoogle *self);
GPtrArray     *mp2_fake_google_get_received_tokens  (Mp2FakeGoogle  *self);

/* Gmail */
char          *mp2_fake_google_add_mail             (Mp2FakeGoogle  *self,
                                                     GBytes         *eml,
                                                     GError        **error);
char          *mp2_fake_google_add_mail_full        (Mp2FakeGoogle      *self,
                                                     GBytes             *eml,
                                                     const char * const *label_ids,
                                                     GDateTime          *internal_date,
                                                     GError            **error);
char          *mp2_fake_google_add_mail_file        (Mp2FakeGoogle  *self,
                                                     const char     *path,
                                                     GError        **error);
guint          mp2_fake_google_add_mailbox          (Mp2FakeGoogle  *self,
                                                     const char     *directory,
                                                     GError        **error);
guint          mp2_fake_google_add_synthetic_mails  (Mp2FakeGoogle  *self,
                                                     guint           count,
                                                     const char     *callsheets_dir,
                                                     GError        **error);
GPtrArray     *mp2_fake_google_make_synthetic_mails (guint           count,
                                                     const char     *callsheets_dir,
                                                     GError        **error);
guint          mp2_fake_google_get_mail_count       (Mp2FakeGoogle  *self);
char         **mp2_fake_google_dup_mail_labels      (Mp2FakeGoogle  *self,
                                                     const char     *mail_id);
char          *mp2_fake_google_add_label            (Mp2FakeGoogle  *self,
                                                     const char     *name);
const char    *mp2_fake_google_lookup_label         (Mp2FakeGoogle  *self,
                                                     const char     *name);
guint64        mp2_fake_google_get_history_id       (Mp2FakeGoogle  *self);
void           mp2_fake_google_forget_history       (Mp2FakeGoogle  *self);

/* Calendar */
void           mp2_fake_google_add_calendar         (Mp2FakeGoogle  *self,
                                                     const char     *calendar_id,
                                                     const char     *summary);
char          *mp2_fake_google_put_event            (Mp2FakeGoogle  *self,
                                                     const char     *calendar_id,
                                                     const char     *event_json,
                                                     GError        **error);
JsonObject    *mp2_fake_google_dup_event            (Mp2FakeGoogle  *self,
                                                     const char     *calendar_id,
                                                     const char     *event_id);
gboolean       mp2_fake_google_touch_event          (Mp2FakeGoogle  *self,
                                                     const char     *calendar_id,
                                                     const char     *event_id);
guint          mp2_fake_google_count_events         (Mp2FakeGoogle  *self,
                                                     const char     *calendar_id);
void           mp2_fake_google_set_calendar_access_role (Mp2FakeGoogle *self,
                                                         const char    *calendar_id,
                                                         const char    *access_role);
void           mp2_fake_google_set_calendar_summary_override (Mp2FakeGoogle *self,
                                                              const char    *calendar_id,
                                                              const char    *summary_override);
void           mp2_fake_google_expire_sync_tokens   (Mp2FakeGoogle  *self);

/* Faults and latency */
guint          mp2_fake_google_add_fault            (Mp2FakeGoogle  *self,
                                                     const char     *pattern,
                                                     Mp2FakeFault    fault,
                                                     guint           skip,
                                                     guint           count);
void           mp2_fake_google_set_fault_seconds    (Mp2FakeGoogle  *self,
                                                     guint           fault_id,
                                                     guint           seconds);
guint          mp2_fake_google_get_fault_hits       (Mp2FakeGoogle  *self,
                                                     guint           fault_id);
void           mp2_fake_google_remove_fault         (Mp2FakeGoogle  *self,
                                                     guint           fault_id);
void           mp2_fake_google_clear_faults         (Mp2FakeGoogle  *self);
void           mp2_fake_google_set_latency          (Mp2FakeGoogle  *self,
                                                     guint           milliseconds);

/* What the clients did */
guint          mp2_fake_google_get_request_count    (Mp2FakeGoogle  *self,
                                                     const char     *pattern);
void           mp2_fake_google_reset_request_counts (Mp2FakeGoogle  *self);
GPtrArray     *mp2_fake_google_dup_request_lines    (Mp2FakeGoogle  *self,
                                                     const char     *pattern);
GPtrArray     *mp2_fake_google_get_violations       (Mp2FakeGoogle  *self);
char          *mp2_fake_google_dup_violations_text  (Mp2FakeGoogle  *self);
void           mp2_fake_google_clear_violations     (Mp2FakeGoogle  *self);

/**
 * mp2_fake_google_assert_no_violations:
 * @fake: a #Mp2FakeGoogle
 *
 * Fails the test with the list of the requests that broke the contract, if any.
 */
#define mp2_fake_google_assert_no_violations(fake) \
  G_STMT_START { \
    g_autofree char *mp2_violations_ = mp2_fake_google_dup_violations_text (fake); \
    g_assert_cmpstr (mp2_violations_, ==, ""); \
  } G_STMT_END

G_END_DECLS
