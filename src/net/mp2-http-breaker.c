/* mp2-http-breaker.c
 *
 * The circuit breaker of one host. Closed: requests go through and consecutive
 * failures (no answer, a timeout, a 5xx) are counted; at the threshold it opens.
 * Open: requests fail at once; after open_seconds a timer makes it half-open. Half-open:
 * one request, the probe, goes through and the others fail at once; the probe's
 * success closes it, its failure opens it again for another open_seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include "mp2-http-private.h"

struct _Mp2HttpBreaker
{
  char                      *host;
  guint                      threshold;     /* 0: never opens */
  guint                      open_seconds;
  Mp2HttpBreakerState        state;
  guint                      failures;      /* consecutive, while closed */
  gboolean                   probing;       /* a probe is on its way */
  gint64                     opened_at;     /* monotonic µs */
  GMainContext              *context;
  GSource                   *timer;
  Mp2HttpBreakerChangedFunc  changed;
  gpointer                   user_data;
};

Mp2HttpBreaker *
mp2_http_breaker_new (GMainContext              *context,
                      const char                *host,
                      guint                      threshold,
                      guint                      open_seconds,
                      Mp2HttpBreakerChangedFunc  changed,
                      gpointer                   user_data)
{
  Mp2HttpBreaker *self = g_new0 (Mp2HttpBreaker, 1);

  self->context = g_main_context_ref (context);
  self->host = g_strdup (host);
  self->threshold = threshold;
  self->open_seconds = open_seconds;
  self->state = MP2_HTTP_BREAKER_CLOSED;
  self->changed = changed;
  self->user_data = user_data;

  return self;
}

void
mp2_http_breaker_free (Mp2HttpBreaker *self)
{
  mp2_http_clear_source (&self->timer);
  g_main_context_unref (self->context);
  g_free (self->host);
  g_free (self);
}

void
mp2_http_breaker_configure (Mp2HttpBreaker *self,
                            guint           threshold,
                            guint           open_seconds)
{
  self->threshold = threshold;
  self->open_seconds = open_seconds;
}

Mp2HttpBreakerState
mp2_http_breaker_get_state (Mp2HttpBreaker *self)
{
  return self->state;
}

/* How long until a probe may go, in whole seconds, at least one: for the message. */
guint
mp2_http_breaker_get_seconds_left (Mp2HttpBreaker *self)
{
  gint64 left_us;

  if (self->state != MP2_HTTP_BREAKER_OPEN)
    return 1;

  left_us = self->opened_at + (gint64) self->open_seconds * G_USEC_PER_SEC
            - g_get_monotonic_time ();

  return (guint) MAX (1, (left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static void
set_state (Mp2HttpBreaker      *self,
           Mp2HttpBreakerState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_debug ("Circuit breaker of %s: %s", self->host,
           state == MP2_HTTP_BREAKER_OPEN ? "open"
           : state == MP2_HTTP_BREAKER_HALF_OPEN ? "half-open" : "closed");
  if (self->changed != NULL)
    self->changed (self->host, state, self->user_data);
}

static gboolean
on_open_timer_cb (gpointer user_data)
{
  Mp2HttpBreaker *self = user_data;

  mp2_http_clear_source (&self->timer);
  set_state (self, MP2_HTTP_BREAKER_HALF_OPEN);

  return G_SOURCE_REMOVE;
}

static void
open_breaker (Mp2HttpBreaker *self)
{
  self->failures = 0;
  self->probing = FALSE;
  self->opened_at = g_get_monotonic_time ();
  mp2_http_clear_source (&self->timer);
  self->timer = mp2_http_timeout_new (self->context, MAX (1, self->open_seconds) * 1000,
                                      on_open_timer_cb, self);
  set_state (self, MP2_HTTP_BREAKER_OPEN);
}

/* Whether a request would be let through now, without claiming the probe: for
 * failing at once before waiting for a token. */
gboolean
mp2_http_breaker_would_allow (Mp2HttpBreaker *self)
{
  switch (self->state)
    {
    case MP2_HTTP_BREAKER_CLOSED:
      return TRUE;
    case MP2_HTTP_BREAKER_HALF_OPEN:
      return !self->probing;
    case MP2_HTTP_BREAKER_OPEN:
    default:
      return FALSE;
    }
}

/* Lets a request through, as the probe when half-open; FALSE when it must fail. */
gboolean
mp2_http_breaker_begin (Mp2HttpBreaker *self,
                        gboolean       *is_probe)
{
  *is_probe = FALSE;

  if (!mp2_http_breaker_would_allow (self))
    return FALSE;

  if (self->state == MP2_HTTP_BREAKER_HALF_OPEN)
    {
      self->probing = TRUE;
      *is_probe = TRUE;
    }

  return TRUE;
}

/* The host answered (whatever the status, unless 5xx). While open, answers to
 * requests sent before it opened change nothing: only the probe decides. */
void
mp2_http_breaker_succeeded (Mp2HttpBreaker *self,
                            gboolean        is_probe)
{
  if (is_probe)
    {
      self->probing = FALSE;
      set_state (self, MP2_HTTP_BREAKER_CLOSED);
    }
  else if (self->state == MP2_HTTP_BREAKER_CLOSED)
    {
      self->failures = 0;
    }
}

void
mp2_http_breaker_failed (Mp2HttpBreaker *self,
                         gboolean        is_probe)
{
  if (is_probe)
    {
      open_breaker (self);
      return;
    }

  if (self->state != MP2_HTTP_BREAKER_CLOSED || self->threshold == 0)
    return;

  if (++self->failures >= self->threshold)
    open_breaker (self);
}

/* The request was cancelled on its way: the probe's place is free again. */
void
mp2_http_breaker_abandoned (Mp2HttpBreaker *self,
                            gboolean        is_probe)
{
  if (is_probe)
    self->probing = FALSE;
}

/* The network came back: failures while it was going away say nothing about the
 * host, so an open breaker lets a probe through now rather than later. */
void
mp2_http_breaker_network_back (Mp2HttpBreaker *self)
{
  if (self->state != MP2_HTTP_BREAKER_OPEN)
    return;

  mp2_http_clear_source (&self->timer);
  set_state (self, MP2_HTTP_BREAKER_HALF_OPEN);
}
