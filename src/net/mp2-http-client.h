/* mp2-http-client.h
 *
 * HTTP for every outside service: libsoup 3, async and cancellable, JSON in and out,
 * retries with exponential backoff and full jitter, Retry-After, a circuit breaker
 * per host, a token-bucket rate limit per API, a pause while the network is down,
 * a request id, redacted debug logging and counters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define MP2_HTTP_ERROR (mp2_http_error_quark ())

/**
 * Mp2HttpError:
 * @MP2_HTTP_ERROR_NETWORK: the server cannot be reached (DNS, refused, reset, TLS)
 * @MP2_HTTP_ERROR_TIMEOUT: no answer in time
 * @MP2_HTTP_ERROR_OFFLINE: the computer is offline and the request was not sent
 * @MP2_HTTP_ERROR_CIRCUIT_OPEN: the host failed too often lately; not tried now
 * @MP2_HTTP_ERROR_BAD_REQUEST: 400
 * @MP2_HTTP_ERROR_UNAUTHORIZED: 401
 * @MP2_HTTP_ERROR_FORBIDDEN: 403 that is not a rate limit
 * @MP2_HTTP_ERROR_NOT_FOUND: 404
 * @MP2_HTTP_ERROR_CONFLICT: 409
 * @MP2_HTTP_ERROR_GONE: 410
 * @MP2_HTTP_ERROR_PRECONDITION_FAILED: 412
 * @MP2_HTTP_ERROR_RATE_LIMITED: 429, or 403 with a rate-limit reason, still after retries
 * @MP2_HTTP_ERROR_SERVER: 5xx still after retries
 * @MP2_HTTP_ERROR_BAD_RESPONSE: a body that is not the JSON it should be (truncated)
 * @MP2_HTTP_ERROR_FAILED: any other status, or an address that is not valid
 * @MP2_HTTP_ERROR_INSECURE: the address is not HTTPS and plain HTTP is not allowed
 *   (see mp2_http_client_set_allow_http()); the request was not sent
 *
 * The message of each is a sentence a person can act on; the status, the reason
 * of a Google error envelope and the body are on the response for the caller.
 */
typedef enum
{
  MP2_HTTP_ERROR_NETWORK,
  MP2_HTTP_ERROR_TIMEOUT,
  MP2_HTTP_ERROR_OFFLINE,
  MP2_HTTP_ERROR_CIRCUIT_OPEN,
  MP2_HTTP_ERROR_BAD_REQUEST,
  MP2_HTTP_ERROR_UNAUTHORIZED,
  MP2_HTTP_ERROR_FORBIDDEN,
  MP2_HTTP_ERROR_NOT_FOUND,
  MP2_HTTP_ERROR_CONFLICT,
  MP2_HTTP_ERROR_GONE,
  MP2_HTTP_ERROR_PRECONDITION_FAILED,
  MP2_HTTP_ERROR_RATE_LIMITED,
  MP2_HTTP_ERROR_SERVER,
  MP2_HTTP_ERROR_BAD_RESPONSE,
  MP2_HTTP_ERROR_FAILED,
  MP2_HTTP_ERROR_INSECURE,
} Mp2HttpError;

GQuark mp2_http_error_quark (void);

/* A request -------------------------------------------------------------------------- */

typedef struct _Mp2HttpRequest Mp2HttpRequest;

#define MP2_TYPE_HTTP_REQUEST (mp2_http_request_get_type ())

GType           mp2_http_request_get_type        (void) G_GNUC_CONST;
Mp2HttpRequest *mp2_http_request_new             (const char     *method,
                                                  const char     *uri);
Mp2HttpRequest *mp2_http_request_ref             (Mp2HttpRequest *self);
void            mp2_http_request_unref           (Mp2HttpRequest *self);
void            mp2_http_request_add_query       (Mp2HttpRequest *self,
                                                  const char     *name,
                                                  const char     *value);
void            mp2_http_request_set_header      (Mp2HttpRequest *self,
                                                  const char     *name,
                                                  const char     *value);
void            mp2_http_request_set_bearer      (Mp2HttpRequest *self,
                                                  const char     *access_token);
void            mp2_http_request_set_json_body   (Mp2HttpRequest *self,
                                                  JsonNode       *body);
void            mp2_http_request_add_form_field  (Mp2HttpRequest *self,
                                                  const char     *name,
                                                  const char     *value);
/* which token bucket it draws from: "gmail", "calendar", "oauth"…; NULL for none */
void            mp2_http_request_set_api         (Mp2HttpRequest *self,
                                                  const char     *api);
void            mp2_http_request_set_timeout     (Mp2HttpRequest *self,
                                                  guint           seconds);
/* whether it may be sent again after a failure (default: TRUE for GET, PUT, DELETE,
 * and for POST/PATCH only when set) */
void            mp2_http_request_set_retryable   (Mp2HttpRequest *self,
                                                  gboolean        retryable);
/* values of these query parameters, form fields and headers never reach the log */
void            mp2_http_request_add_secret      (Mp2HttpRequest *self,
                                                  const char     *name);

const char     *mp2_http_request_get_method      (Mp2HttpRequest *self);
const char     *mp2_http_request_get_uri         (Mp2HttpRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2HttpRequest, mp2_http_request_unref)

/* A response ------------------------------------------------------------------------- */

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;        /* the body parsed, when it is JSON; nullable */
  char               *reason;      /* a Google error envelope's errors[0].reason; nullable */
  guint               attempts;    /* how many times it was sent */
  char               *request_id;  /* the X-Request-Id it was sent with */
} Mp2HttpResponse;

#define MP2_TYPE_HTTP_RESPONSE (mp2_http_response_get_type ())

GType            mp2_http_response_get_type          (void) G_GNUC_CONST;
void             mp2_http_response_free              (Mp2HttpResponse       *self);
Mp2HttpResponse *mp2_http_response_copy              (const Mp2HttpResponse *self);
JsonObject      *mp2_http_response_get_object        (Mp2HttpResponse       *self);
const char      *mp2_http_response_get_error_message (Mp2HttpResponse       *self);
gint64           mp2_http_response_get_retry_after   (Mp2HttpResponse       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2HttpResponse, mp2_http_response_free)

/* The client ---------------------------------------------------------------------------- */

/**
 * Mp2HttpBreakerState:
 * @MP2_HTTP_BREAKER_CLOSED: requests to the host go through
 * @MP2_HTTP_BREAKER_OPEN: the host failed too often; requests fail at once
 * @MP2_HTTP_BREAKER_HALF_OPEN: the pause is over; the next request is a probe
 */
typedef enum
{
  MP2_HTTP_BREAKER_CLOSED,
  MP2_HTTP_BREAKER_OPEN,
  MP2_HTTP_BREAKER_HALF_OPEN,
} Mp2HttpBreakerState;

#define MP2_TYPE_HTTP_BREAKER_STATE (mp2_http_breaker_state_get_type ())

GType mp2_http_breaker_state_get_type (void) G_GNUC_CONST;

typedef struct
{
  guint64 requests;       /* sent, counting each retry */
  guint64 retries;
  guint64 failures;       /* requests that ended in an error, cancelled ones aside */
  guint64 rate_limited;   /* 429 and rate-limit 403 answers */
  double  latency_ms_avg; /* of the answers received */
  double  latency_ms_max;
} Mp2HttpStats;

#define MP2_TYPE_HTTP_CLIENT (mp2_http_client_get_type ())

G_DECLARE_FINAL_TYPE (Mp2HttpClient, mp2_http_client, MP2, HTTP_CLIENT, GObject)

Mp2HttpClient      *mp2_http_client_new               (void);

void                mp2_http_client_set_retry_policy  (Mp2HttpClient   *self,
                                                       guint            base_ms,
                                                       guint            cap_ms,
                                                       guint            max_attempts);
void                mp2_http_client_set_max_retry_after (Mp2HttpClient *self,
                                                       guint            seconds);
void                mp2_http_client_set_rate_limit    (Mp2HttpClient   *self,
                                                       const char      *api,
                                                       double           per_second,
                                                       guint            burst);
void                mp2_http_client_set_breaker       (Mp2HttpClient   *self,
                                                       guint            failures,
                                                       guint            open_seconds);
void                mp2_http_client_set_default_timeout (Mp2HttpClient *self,
                                                       guint            seconds);
/* Only for tests and the demo: lets requests go to plain http:// (127.0.0.1). */
void                mp2_http_client_set_allow_http    (Mp2HttpClient   *self,
                                                       gboolean         allow);
/* The system's monitor unless set; tests set one to simulate being offline. */
void                mp2_http_client_set_network_monitor (Mp2HttpClient *self,
                                                       GNetworkMonitor *monitor);

void                mp2_http_client_send_async        (Mp2HttpClient   *self,
                                                       Mp2HttpRequest  *request,
                                                       GCancellable    *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer         user_data);
/* A response is returned for every 2xx; any other status is an error (with the
 * response, when there was one, in @response_out for the caller to look at). */
Mp2HttpResponse    *mp2_http_client_send_finish       (Mp2HttpClient   *self,
                                                       GAsyncResult    *result,
                                                       Mp2HttpResponse **response_out,
                                                       GError         **error);

Mp2HttpBreakerState mp2_http_client_get_breaker_state (Mp2HttpClient   *self,
                                                       const char      *host);
char              **mp2_http_client_dup_hosts         (Mp2HttpClient   *self);
Mp2HttpStats        mp2_http_client_get_stats         (Mp2HttpClient   *self);

/* base URLs of the real services, or the override of the environment (see
 * docs/architecture.md: MP2_OAUTH_URL, MP2_GMAIL_URL, MP2_CALENDAR_URL…) */
char               *mp2_http_service_url              (const char      *variable,
                                                       const char      *real_url);
gboolean            mp2_http_service_url_overridden   (void);

G_END_DECLS
