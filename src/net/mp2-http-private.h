/* mp2-http-private.h
 *
 * What the parts of the net layer share: the request's fields, the response built
 * from a message, Google's error envelope, redaction for the log, the circuit
 * breaker, the token bucket and the client's state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"

G_BEGIN_DECLS

/* The request ------------------------------------------------------------------------ */

typedef struct
{
  char *name;
  char *value;
} Mp2HttpPair;

struct _Mp2HttpRequest
{
  gatomicrefcount  ref_count;
  char            *method;
  char            *uri;
  GPtrArray       *query;        /* Mp2HttpPair */
  GPtrArray       *headers;      /* Mp2HttpPair */
  GPtrArray       *form;         /* Mp2HttpPair */
  JsonNode        *json_body;
  char            *api;
  guint            timeout;      /* seconds; 0 for the client's default */
  int              retryable;    /* -1 for the method's default */
  GHashTable      *secrets;      /* folded names */
};

char       *mp2_http_request_build_uri       (Mp2HttpRequest *self);
GBytes     *mp2_http_request_build_body      (Mp2HttpRequest *self,
                                              const char    **content_type);
gboolean    mp2_http_request_is_retryable    (Mp2HttpRequest *self);
GPtrArray  *mp2_http_request_secret_values   (Mp2HttpRequest *self);
void        mp2_http_request_apply_headers   (Mp2HttpRequest     *self,
                                              SoupMessageHeaders *headers);
const char *mp2_http_request_find_header     (Mp2HttpRequest *self,
                                              const char     *name);

/* The response and Google's error envelope ------------------------------------------ */

Mp2HttpResponse *mp2_http_response_new_from_message (SoupMessage  *message,
                                                     GBytes       *body,
                                                     const char   *request_id,
                                                     guint         attempts,
                                                     GError      **json_error);
gboolean         mp2_http_response_is_rate_limit    (Mp2HttpResponse *self);
gint64           mp2_http_parse_retry_after         (const char      *value,
                                                     GDateTime       *now);

/* The errors ------------------------------------------------------------------------- */

Mp2HttpError mp2_http_error_from_status  (Mp2HttpResponse *response);
GError      *mp2_http_error_for_response (Mp2HttpResponse *response,
                                          const char      *host);
GError      *mp2_http_error_for_transport (const GError   *error,
                                           const char     *host,
                                           gboolean        timed_out,
                                           guint           timeout);
GError      *mp2_http_error_offline       (const char     *host);
GError      *mp2_http_error_circuit_open  (const char     *host,
                                           guint           seconds_left);
GError      *mp2_http_error_insecure      (const char     *redacted_uri);
GError      *mp2_http_error_invalid_uri   (const char     *redacted_uri);
GError      *mp2_http_error_bad_response  (const char     *host);

/* Redaction -------------------------------------------------------------------------- */

gboolean  mp2_http_is_secret_name   (const char  *name,
                                     GHashTable  *extra);
char     *mp2_http_fold_name        (const char  *name);
char     *mp2_http_redact_uri       (const char  *uri,
                                     GHashTable  *extra);
char     *mp2_http_redact_json      (JsonNode    *node,
                                     GHashTable  *extra);
char     *mp2_http_scrub_values     (const char  *text,
                                     GPtrArray   *values);

#define MP2_HTTP_REDACTED "[REDACTED]"

/* Sources on the client's context ---------------------------------------------------- */

GSource *mp2_http_timeout_new  (GMainContext  *context,
                                guint          milliseconds,
                                GSourceFunc    func,
                                gpointer       user_data);
void     mp2_http_clear_source (GSource      **source);

/* The circuit breaker of one host ---------------------------------------------------- */

typedef struct _Mp2HttpBreaker Mp2HttpBreaker;

typedef void (*Mp2HttpBreakerChangedFunc) (const char          *host,
                                           Mp2HttpBreakerState  state,
                                           gpointer             user_data);

Mp2HttpBreaker     *mp2_http_breaker_new          (GMainContext              *context,
                                                   const char                *host,
                                                   guint                      threshold,
                                                   guint                      open_seconds,
                                                   Mp2HttpBreakerChangedFunc  changed,
                                                   gpointer                   user_data);
void                mp2_http_breaker_free         (Mp2HttpBreaker *self);
void                mp2_http_breaker_configure    (Mp2HttpBreaker *self,
                                                   guint           threshold,
                                                   guint           open_seconds);
Mp2HttpBreakerState mp2_http_breaker_get_state    (Mp2HttpBreaker *self);
guint               mp2_http_breaker_get_seconds_left (Mp2HttpBreaker *self);
gboolean            mp2_http_breaker_would_allow  (Mp2HttpBreaker *self);
gboolean            mp2_http_breaker_begin        (Mp2HttpBreaker *self,
                                                   gboolean       *is_probe);
void                mp2_http_breaker_succeeded    (Mp2HttpBreaker *self,
                                                   gboolean        is_probe);
void                mp2_http_breaker_failed       (Mp2HttpBreaker *self,
                                                   gboolean        is_probe);
void                mp2_http_breaker_abandoned    (Mp2HttpBreaker *self,
                                                   gboolean        is_probe);
void                mp2_http_breaker_network_back (Mp2HttpBreaker *self);

/* The token bucket of one API -------------------------------------------------------- */

typedef struct _Mp2HttpBucket Mp2HttpBucket;

typedef void (*Mp2HttpBucketGrantFunc) (gpointer user_data);

Mp2HttpBucket *mp2_http_bucket_new       (GMainContext           *context,
                                          double                  per_second,
                                          guint                   burst);
void           mp2_http_bucket_free      (Mp2HttpBucket          *self);
void           mp2_http_bucket_configure (Mp2HttpBucket          *self,
                                          double                  per_second,
                                          guint                   burst);
gboolean       mp2_http_bucket_take      (Mp2HttpBucket          *self,
                                          Mp2HttpBucketGrantFunc  granted,
                                          gpointer                user_data,
                                          guint64                *ticket);
void           mp2_http_bucket_cancel    (Mp2HttpBucket          *self,
                                          guint64                 ticket);
guint          mp2_http_bucket_get_n_waiting (Mp2HttpBucket      *self);

/* The client's state ----------------------------------------------------------------- */

struct _Mp2HttpClient
{
  GObject          parent_instance;

  GMainContext    *context;           /* where its timers run: the creator's */
  SoupSession     *session;
  GNetworkMonitor *monitor;
  gboolean         monitor_is_system;
  gulong           monitor_handler;

  guint            base_ms;
  guint            cap_ms;
  guint            max_attempts;
  guint            max_retry_after;   /* seconds */
  guint            default_timeout;   /* seconds */
  guint            breaker_threshold;
  guint            breaker_open_seconds;
  gboolean         allow_http;

  GHashTable      *breakers;          /* host -> Mp2HttpBreaker */
  GHashTable      *buckets;           /* api -> Mp2HttpBucket */

  Mp2HttpStats     stats;
  guint64          n_latencies;
};

Mp2HttpBreaker *mp2_http_client_get_breaker     (Mp2HttpClient *self,
                                                 const char    *host);
Mp2HttpBucket  *mp2_http_client_get_bucket      (Mp2HttpClient *self,
                                                 const char    *api);
gboolean        mp2_http_client_is_online_for   (Mp2HttpClient *self,
                                                 const char    *host);
void            mp2_http_client_count_answer    (Mp2HttpClient *self,
                                                 double         latency_ms);
gboolean        mp2_http_host_is_loopback       (const char    *host);

G_END_DECLS
