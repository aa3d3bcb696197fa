/* mp2-http-client.c
 *
 * The client's settings, its circuit breakers and token buckets, the network monitor,
 * the counters and the addresses of the services. Sending is in mp2-http-send.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include "mp2-http-private.h"

/**
 * SECTION:mp2-http-client
 * @title: Mp2HttpClient
 * @short_description: HTTP for every outside service
 *
 * One #Mp2HttpClient is shared by the service clients (OAuth, Gmail, Calendar,
 * routes, geocoding, weather). A service client builds an #Mp2HttpRequest, sends it
 * with mp2_http_client_send_async() and reads the #Mp2HttpResponse; everything
 * between is done here, on the main loop, without blocking it:
 *
 * - **HTTPS only.** An `http://` address fails with %MP2_HTTP_ERROR_INSECURE unless
 *   mp2_http_client_set_allow_http() was called, and even then only to a loopback
 *   host (127.0.0.1, ::1, localhost), where the tests' and the demo's fakes listen.
 *   Redirects are not followed (no API we call redirects, and following one could
 *   carry the `Authorization` header elsewhere); a 3xx is %MP2_HTTP_ERROR_FAILED.
 * - **Each attempt** waits for the network, checks the host's circuit breaker, waits
 *   for a token of the request's API, then is sent with `Accept: application/json`,
 *   an `X-Request-Id` (one uuid for all the attempts of a request) and the client's
 *   `User-Agent`, and must be answered, body included, within the request's timeout.
 * - **Retries** (of retryable requests only, see mp2_http_request_set_retryable()):
 *   after no answer, a timeout, a 5xx, a 429, or a 403 whose Google envelope says rate
 *   limit (`rateLimitExceeded`, `userRateLimitExceeded`, domain `usageLimits`, status
 *   `RESOURCE_EXHAUSTED`). Never after another 4xx. Before retry n (0 for the first)
 *   the client waits a random time between 0 and min(cap, base × 2ⁿ) ("full jitter"),
 *   or what a `Retry-After` header asks (seconds or an HTTP-date). When it asks for
 *   more than mp2_http_client_set_max_retry_after(), the client does not wait but
 *   fails, and mp2_http_response_get_retry_after() tells the caller when to try again.
 *   All waits are main-loop timers that the request's #GCancellable ends at once.
 * - **A circuit breaker per host** opens after a number of consecutive attempts with
 *   no answer, a timeout or a 5xx (4xx answers are the host working), fails requests
 *   at once with %MP2_HTTP_ERROR_CIRCUIT_OPEN while open, lets one probe through
 *   after its pause, and closes when the probe succeeds or opens again when it fails.
 *   #Mp2HttpClient::breaker-changed reports each change. A retry that finds the
 *   breaker open ends the request with the error of its last attempt, which says
 *   more than "circuit open".
 * - **A token bucket per API** (mp2_http_client_set_rate_limit()): each attempt takes
 *   a token; requests that find none wait in the order they came.
 * - **Offline:** while the #GNetworkMonitor says the network is unavailable, a request
 *   is not sent but waits, up to its own timeout, for the network to come back; then
 *   it goes on as if nothing happened, else it fails with %MP2_HTTP_ERROR_OFFLINE
 *   (never sent, so safe to repeat; not counted by the breaker). A person who opens
 *   the laptop on a train sees the work resume when the Wi-Fi connects, and a sync
 *   they asked for does not hang for longer than a timeout. When the network comes
 *   back, open breakers let a probe through at once. The system's monitor speaks for
 *   the outside world, so requests to a loopback host never wait for it; a monitor
 *   set with mp2_http_client_set_network_monitor() is trusted for every host.
 * - **Debug log** (`G_MESSAGES_DEBUG=mp2-net`): method, address, status, attempt,
 *   time, request id; never a header, nor a body except an error's JSON, and never a
 *   secret: the values of secret query parameters and JSON members are replaced (see
 *   mp2_http_request_add_secret()), and every secret value of the request is replaced
 *   wherever else it appears.
 * - **Counters** for a diagnostics view: mp2_http_client_get_stats().
 *
 * Rate limits to set (per second, burst), from the services' published quotas:
 * Gmail 40, 20 (15,000 units a minute, 5 per call); Calendar 8, 10 (600 a minute);
 * OSRM's demo server 1, 1; OpenWeatherMap 1, 5 (60 a minute); Open-Meteo 5, 10;
 * Nominatim 1, 1 (its usage policy).
 *
 * A request's timeout runs from the moment it is sent, waiting for one of the six
 * connections a host gets included: a service client keeps a few requests in flight
 * at a time (fetching 200 mails is not 200 requests at once).
 *
 * An #Mp2HttpClient is used from the thread that created it; its timers run on the
 * thread-default main context of that moment.
 */

enum
{
  BREAKER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (Mp2HttpClient, mp2_http_client, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (Mp2HttpBreakerState, mp2_http_breaker_state,
  G_DEFINE_ENUM_VALUE (MP2_HTTP_BREAKER_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (MP2_HTTP_BREAKER_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (MP2_HTTP_BREAKER_HALF_OPEN, "half-open"))

#define DEFAULT_BASE_MS 1000
#define DEFAULT_CAP_MS 32000
#define DEFAULT_MAX_ATTEMPTS 5
#define DEFAULT_MAX_RETRY_AFTER 120
#define DEFAULT_TIMEOUT 30
#define DEFAULT_BREAKER_FAILURES 5
#define DEFAULT_BREAKER_OPEN_SECONDS 30

static void
disconnect_monitor (Mp2HttpClient *self)
{
  if (self->monitor != NULL)
    g_clear_signal_handler (&self->monitor_handler, self->monitor);
  g_clear_object (&self->monitor);
}

static void
mp2_http_client_dispose (GObject *object)
{
  Mp2HttpClient *self = MP2_HTTP_CLIENT (object);

  disconnect_monitor (self);
  g_clear_pointer (&self->breakers, g_hash_table_unref);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (mp2_http_client_parent_class)->dispose (object);
}

static void
mp2_http_client_finalize (GObject *object)
{
  Mp2HttpClient *self = MP2_HTTP_CLIENT (object);

  g_main_context_unref (self->context);

  G_OBJECT_CLASS (mp2_http_client_parent_class)->finalize (object);
}

static void
mp2_http_client_class_init (Mp2HttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_http_client_dispose;
  object_class->finalize = mp2_http_client_finalize;

  /**
   * Mp2HttpClient::breaker-changed:
   * @self: the client
   * @host: the host whose breaker changed
   * @state: its new #Mp2HttpBreakerState
   *
   * The circuit breaker of @host opened, became half-open or closed, for a view that
   * shows which services are unreachable.
   */
  signals[BREAKER_CHANGED] =
    g_signal_new ("breaker-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  MP2_TYPE_HTTP_BREAKER_STATE);
}

static void
on_monitor_network_changed_cb (GNetworkMonitor *monitor,
                               gboolean         available,
                               gpointer         user_data)
{
  Mp2HttpClient *self = user_data;
  GHashTableIter iter;
  gpointer breaker;

  if (!g_network_monitor_get_network_available (monitor))
    return;

  g_hash_table_iter_init (&iter, self->breakers);
  while (g_hash_table_iter_next (&iter, NULL, &breaker))
    mp2_http_breaker_network_back (breaker);
}

static void
connect_monitor (Mp2HttpClient   *self,
                 GNetworkMonitor *monitor,
                 gboolean         is_system)
{
  disconnect_monitor (self);
  self->monitor = g_object_ref (monitor);
  self->monitor_is_system = is_system;
  self->monitor_handler = g_signal_connect (monitor, "network-changed",
                                            G_CALLBACK (on_monitor_network_changed_cb),
                                            self);
}

static void
mp2_http_client_init (Mp2HttpClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("FilmSchedule/%s (+%s)",
                                                 PACKAGE_VERSION, PACKAGE_WEBSITE);

  self->context = g_main_context_ref_thread_default ();
  /* timeouts are the client's own: one deadline for the whole attempt, queueing for
   * a connection included, hence more connections per host than libsoup's two */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", 0,
                                                 "max-conns-per-host", 6,
                                                 "max-conns", 24,
                                                 NULL);
  self->base_ms = DEFAULT_BASE_MS;
  self->cap_ms = DEFAULT_CAP_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->max_retry_after = DEFAULT_MAX_RETRY_AFTER;
  self->default_timeout = DEFAULT_TIMEOUT;
  self->breaker_threshold = DEFAULT_BREAKER_FAILURES;
  self->breaker_open_seconds = DEFAULT_BREAKER_OPEN_SECONDS;
  self->breakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) mp2_http_breaker_free);
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) mp2_http_bucket_free);

  connect_monitor (self, g_network_monitor_get_default (), TRUE);
}

/**
 * mp2_http_client_new:
 *
 * Creates a client with the defaults: 30 s timeout; up to 5 attempts with backoff
 * from 1 s, capped at 32 s; `Retry-After` honoured up to 120 s; breakers that open
 * after 5 consecutive failures for 30 s; no rate limit; HTTPS only; the system's
 * network monitor.
 *
 * Returns: (transfer full): a new client
 */
Mp2HttpClient *
mp2_http_client_new (void)
{
  return g_object_new (MP2_TYPE_HTTP_CLIENT, NULL);
}

/**
 * mp2_http_client_set_retry_policy:
 * @self: a client
 * @base_ms: the first backoff's upper bound
 * @cap_ms: the upper bound of any backoff
 * @max_attempts: how many times a request is sent at most, the first time included
 *   (1: never retried)
 *
 * Sets the retry policy: before retry n (from 0) the client waits a random time in
 * [0, min(@cap_ms, @base_ms × 2ⁿ)], unless the answer had a `Retry-After`.
 */
void
mp2_http_client_set_retry_policy (Mp2HttpClient *self,
                                  guint          base_ms,
                                  guint          cap_ms,
                                  guint          max_attempts)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);

  self->base_ms = base_ms;
  self->cap_ms = MAX (cap_ms, base_ms);
  self->max_attempts = max_attempts;
}

/**
 * mp2_http_client_set_max_retry_after:
 * @self: a client
 * @seconds: the longest `Retry-After` the client waits for by itself
 *
 * An answer asking for a longer wait fails the request at once instead (with
 * %MP2_HTTP_ERROR_RATE_LIMITED or %MP2_HTTP_ERROR_SERVER), so that a request does
 * not hang for an hour; the caller reads the wait with
 * mp2_http_response_get_retry_after() and schedules its next try.
 */
void
mp2_http_client_set_max_retry_after (Mp2HttpClient *self,
                                     guint          seconds)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));

  self->max_retry_after = seconds;
}

/**
 * mp2_http_client_set_rate_limit:
 * @self: a client
 * @api: the name requests give with mp2_http_request_set_api()
 * @per_second: how many requests a second, on average (more than 0)
 * @burst: how many may go at once after a quiet time (at least 1)
 *
 * Sets or changes the token bucket of @api. Each attempt of a request of @api takes
 * a token; requests wait for theirs in the order they came.
 */
void
mp2_http_client_set_rate_limit (Mp2HttpClient *self,
                                const char    *api,
                                double         per_second,
                                guint          burst)
{
  Mp2HttpBucket *bucket;

  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));
  g_return_if_fail (api != NULL);
  g_return_if_fail (per_second > 0);

  bucket = g_hash_table_lookup (self->buckets, api);
  if (bucket != NULL)
    mp2_http_bucket_configure (bucket, per_second, burst);
  else
    g_hash_table_insert (self->buckets, g_strdup (api),
                         mp2_http_bucket_new (self->context, per_second, burst));
}

/**
 * mp2_http_client_set_breaker:
 * @self: a client
 * @failures: consecutive failures (no answer, timeout, 5xx) that open a host's
 *   breaker; 0 never opens it
 * @open_seconds: how long it stays open before a probe is let through
 *
 * Sets the circuit breakers of every host, present and future.
 */
void
mp2_http_client_set_breaker (Mp2HttpClient *self,
                             guint          failures,
                             guint          open_seconds)
{
  GHashTableIter iter;
  gpointer breaker;

  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));

  self->breaker_threshold = failures;
  self->breaker_open_seconds = MAX (1, open_seconds);

  g_hash_table_iter_init (&iter, self->breakers);
  while (g_hash_table_iter_next (&iter, NULL, &breaker))
    mp2_http_breaker_configure (breaker, failures, self->breaker_open_seconds);
}

/**
 * mp2_http_client_set_default_timeout:
 * @self: a client
 * @seconds: how long an attempt may take when its request does not say (at least 1)
 *
 * Sets the timeout of requests without one of their own.
 */
void
mp2_http_client_set_default_timeout (Mp2HttpClient *self,
                                     guint          seconds)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));
  g_return_if_fail (seconds >= 1);

  self->default_timeout = seconds;
}

/**
 * mp2_http_client_set_allow_http:
 * @self: a client
 * @allow: whether plain `http://` may be used
 *
 * For the tests and the demo, whose fakes listen on 127.0.0.1 without TLS: the app
 * calls it when an `MP2_*_URL` override is set (mp2_http_service_url_overridden()).
 * Even then plain HTTP goes only to a loopback host.
 */
void
mp2_http_client_set_allow_http (Mp2HttpClient *self,
                                gboolean       allow)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));

  self->allow_http = !!allow;
}

/**
 * mp2_http_client_set_network_monitor:
 * @self: a client
 * @monitor: (nullable): the monitor to follow; %NULL for the system's
 *
 * Replaces the system's network monitor, for tests that simulate being offline. Set
 * it before sending: requests already waiting for the network follow the old one.
 */
void
mp2_http_client_set_network_monitor (Mp2HttpClient   *self,
                                     GNetworkMonitor *monitor)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (monitor == NULL)
    connect_monitor (self, g_network_monitor_get_default (), TRUE);
  else
    connect_monitor (self, monitor, FALSE);
}

/**
 * mp2_http_client_get_breaker_state:
 * @self: a client
 * @host: a host name, as in the addresses (`gmail.googleapis.com`, `127.0.0.1`)
 *
 * Returns: the state of @host's circuit breaker; closed for a host not used yet
 */
Mp2HttpBreakerState
mp2_http_client_get_breaker_state (Mp2HttpClient *self,
                                   const char    *host)
{
  Mp2HttpBreaker *breaker;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (self), MP2_HTTP_BREAKER_CLOSED);
  g_return_val_if_fail (host != NULL, MP2_HTTP_BREAKER_CLOSED);

  breaker = g_hash_table_lookup (self->breakers, host);

  return breaker ? mp2_http_breaker_get_state (breaker) : MP2_HTTP_BREAKER_CLOSED;
}

static int
compare_hosts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * mp2_http_client_dup_hosts:
 * @self: a client
 *
 * Returns: (transfer full): the hosts that requests went to, sorted: each has a
 *   circuit breaker (mp2_http_client_get_breaker_state())
 */
char **
mp2_http_client_dup_hosts (Mp2HttpClient *self)
{
  g_autoptr(GPtrArray) hosts = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer host;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (self), NULL);

  g_hash_table_iter_init (&iter, self->breakers);
  while (g_hash_table_iter_next (&iter, &host, NULL))
    g_ptr_array_add (hosts, g_strdup (host));
  g_ptr_array_sort (hosts, compare_hosts);
  g_ptr_array_add (hosts, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&hosts), FALSE);
}

/**
 * mp2_http_client_get_stats:
 * @self: a client
 *
 * Returns: the counters since the client was created
 */
Mp2HttpStats
mp2_http_client_get_stats (Mp2HttpClient *self)
{
  Mp2HttpStats empty = { 0, };

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (self), empty);

  return self->stats;
}

static void
on_breaker_changed (const char          *host,
                    Mp2HttpBreakerState  state,
                    gpointer             user_data)
{
  g_signal_emit (user_data, signals[BREAKER_CHANGED], 0, host, state);
}

Mp2HttpBreaker *
mp2_http_client_get_breaker (Mp2HttpClient *self,
                             const char    *host)
{
  Mp2HttpBreaker *breaker = g_hash_table_lookup (self->breakers, host);

  if (breaker == NULL)
    {
      breaker = mp2_http_breaker_new (self->context, host, self->breaker_threshold,
                                      self->breaker_open_seconds, on_breaker_changed, self);
      g_hash_table_insert (self->breakers, g_strdup (host), breaker);
    }

  return breaker;
}

Mp2HttpBucket *
mp2_http_client_get_bucket (Mp2HttpClient *self,
                            const char    *api)
{
  return api ? g_hash_table_lookup (self->buckets, api) : NULL;
}

gboolean
mp2_http_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Whether a request to @host may go now, as far as the network is concerned. */
gboolean
mp2_http_client_is_online_for (Mp2HttpClient *self,
                               const char    *host)
{
  if (self->monitor_is_system && mp2_http_host_is_loopback (host))
    return TRUE;

  return g_network_monitor_get_network_available (self->monitor);
}

void
mp2_http_client_count_answer (Mp2HttpClient *self,
                              double         latency_ms)
{
  Mp2HttpStats *stats = &self->stats;

  self->n_latencies++;
  stats->latency_ms_avg += (latency_ms - stats->latency_ms_avg) / (double) self->n_latencies;
  stats->latency_ms_max = MAX (stats->latency_ms_max, latency_ms);
}

GSource *
mp2_http_timeout_new (GMainContext *context,
                      guint         milliseconds,
                      GSourceFunc   func,
                      gpointer      user_data)
{
  GSource *source = g_timeout_source_new (milliseconds);

  g_source_set_callback (source, func, user_data, NULL);
  g_source_set_static_name (source, "[mp2-net] timer");
  g_source_attach (source, context);

  return source;
}

void
mp2_http_clear_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

/* Every variable that replaces a real service's address (docs/architecture.md). */
static const char *service_variables[] = {
  "MP2_OAUTH_URL",
  "MP2_GMAIL_URL",
  "MP2_CALENDAR_URL",
  "MP2_ROUTES_URL",
  "MP2_GEOCODING_URL",
  "MP2_OSRM_URL",
  "MP2_NOMINATIM_URL",
  "MP2_OPEN_METEO_URL",
  "MP2_OPENWEATHERMAP_URL",
};

/**
 * mp2_http_service_url:
 * @variable: the environment variable that may replace it (`MP2_GMAIL_URL`…)
 * @real_url: the real service's address (`https://gmail.googleapis.com/`)
 *
 * The address to use for a service: @real_url, or, when @variable is set, @real_url
 * with the scheme, host and port of @variable's value; the path stays the real one,
 * so that one fake can serve several services. `MP2_GMAIL_URL=http://127.0.0.1:8080`
 * makes `https://gmail.googleapis.com/` into `http://127.0.0.1:8080/`.
 *
 * A value that is not an absolute address is returned as it is, with a warning, and
 * the requests to it fail with a clear error.
 *
 * Returns: (transfer full): the address
 */
char *
mp2_http_service_url (const char *variable,
                      const char *real_url)
{
  const char *override;
  g_autoptr(GUri) real = NULL;
  g_autoptr(GUri) replacement = NULL;

  g_return_val_if_fail (variable != NULL, NULL);
  g_return_val_if_fail (real_url != NULL, NULL);

  override = g_getenv (variable);
  if (override == NULL || *override == '\0')
    return g_strdup (real_url);

  /* not normalized: a port that was not written stays unwritten */
  real = g_uri_parse (real_url, G_URI_FLAGS_ENCODED, NULL);
  replacement = g_uri_parse (override, G_URI_FLAGS_ENCODED, NULL);
  if (real == NULL || replacement == NULL || g_uri_get_host (replacement) == NULL)
    {
      g_warning ("%s is not an absolute address: %s", variable, override);
      return g_strdup (override);
    }

  return g_uri_join (G_URI_FLAGS_ENCODED,
                     g_uri_get_scheme (replacement), NULL,
                     g_uri_get_host (replacement), g_uri_get_port (replacement),
                     g_uri_get_path (real), g_uri_get_query (real), NULL);
}

/**
 * mp2_http_service_url_overridden:
 *
 * Whether any `MP2_*_URL` variable is set, in which case the app lets the client use
 * plain HTTP to loopback fakes (mp2_http_client_set_allow_http()).
 *
 * Returns: %TRUE when a service's address is replaced
 */
gboolean
mp2_http_service_url_overridden (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (service_variables); i++)
    {
      const char *value = g_getenv (service_variables[i]);

      if (value != NULL && *value != '\0')
        return TRUE;
    }

  return FALSE;
}
