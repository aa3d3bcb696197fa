/* mp2-http-bucket.c
 *
 * The token bucket of one API: it holds up to `burst` tokens and gains `per_second`
 * of them each second; each request sent takes one. A request that finds none, or
 * finds others already waiting, queues and is granted its token in turn, from a
 * timer on the main loop: nothing blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include <math.h>

#include "mp2-http-private.h"

/* a timer may be a hair early in floating point; never by a whole token */
#define EPSILON 1e-6

typedef struct
{
  guint64                ticket;
  Mp2HttpBucketGrantFunc granted;
  gpointer               user_data;
} Waiter;

struct _Mp2HttpBucket
{
  GMainContext *context;
  double        per_second;
  guint         burst;
  double        tokens;
  gint64        refilled_at;   /* monotonic µs */
  GQueue        waiters;       /* Waiter, first come first served */
  guint64       last_ticket;
  GSource      *timer;
};

Mp2HttpBucket *
mp2_http_bucket_new (GMainContext *context,
                     double        per_second,
                     guint         burst)
{
  Mp2HttpBucket *self = g_new0 (Mp2HttpBucket, 1);

  self->context = g_main_context_ref (context);
  self->per_second = per_second;
  self->burst = MAX (1, burst);
  self->tokens = self->burst;
  self->refilled_at = g_get_monotonic_time ();
  g_queue_init (&self->waiters);

  return self;
}

void
mp2_http_bucket_free (Mp2HttpBucket *self)
{
  /* the client's dispose has failed every request, so nobody waits any more */
  g_warn_if_fail (g_queue_is_empty (&self->waiters));

  g_queue_clear_full (&self->waiters, g_free);
  mp2_http_clear_source (&self->timer);
  g_main_context_unref (self->context);
  g_free (self);
}

static void
refill (Mp2HttpBucket *self)
{
  gint64 now = g_get_monotonic_time ();
  double gained = (double) (now - self->refilled_at) / G_USEC_PER_SEC * self->per_second;

  self->tokens = MIN ((double) self->burst, self->tokens + gained);
  self->refilled_at = now;
}

static gboolean on_timer_cb (gpointer user_data);

/* A timer for when the first in the queue can have its token. */
static void
schedule (Mp2HttpBucket *self)
{
  double missing;
  guint delay_ms;

  mp2_http_clear_source (&self->timer);
  if (g_queue_is_empty (&self->waiters))
    return;

  missing = MAX (0.0, 1.0 - self->tokens);
  delay_ms = (guint) MAX (1.0, ceil (missing / self->per_second * 1000.0));
  self->timer = mp2_http_timeout_new (self->context, delay_ms, on_timer_cb, self);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  Mp2HttpBucket *self = user_data;

  mp2_http_clear_source (&self->timer);
  refill (self);

  while (!g_queue_is_empty (&self->waiters) && self->tokens >= 1.0 - EPSILON)
    {
      g_autofree Waiter *waiter = g_queue_pop_head (&self->waiters);

      self->tokens = MAX (0.0, self->tokens - 1.0);
      /* may take or cancel again: the queue is consistent here */
      waiter->granted (waiter->user_data);
    }

  if (self->timer == NULL)
    schedule (self);

  return G_SOURCE_REMOVE;
}

/* Changing the rate or the burst keeps the tokens there are, up to the new burst. */
void
mp2_http_bucket_configure (Mp2HttpBucket *self,
                           double         per_second,
                           guint          burst)
{
  refill (self);
  self->per_second = per_second;
  self->burst = MAX (1, burst);
  self->tokens = MIN (self->tokens, (double) self->burst);
  schedule (self);
}

/* Takes a token at once when one is there and nobody is waiting, and returns TRUE.
 * Otherwise queues @granted, which the main loop calls when this request's turn has
 * come, and returns FALSE with a @ticket for mp2_http_bucket_cancel(). */
gboolean
mp2_http_bucket_take (Mp2HttpBucket          *self,
                      Mp2HttpBucketGrantFunc  granted,
                      gpointer                user_data,
                      guint64                *ticket)
{
  Waiter *waiter;

  refill (self);
  if (g_queue_is_empty (&self->waiters) && self->tokens >= 1.0 - EPSILON)
    {
      self->tokens = MAX (0.0, self->tokens - 1.0);
      *ticket = 0;
      return TRUE;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->ticket = ++self->last_ticket;
  waiter->granted = granted;
  waiter->user_data = user_data;
  g_queue_push_tail (&self->waiters, waiter);
  *ticket = waiter->ticket;

  if (self->timer == NULL)
    schedule (self);

  return FALSE;
}

static int
compare_ticket (gconstpointer a,
                gconstpointer b)
{
  const Waiter *waiter = a;
  const guint64 *ticket = b;

  return waiter->ticket == *ticket ? 0 : 1;
}

/* The request no longer waits (cancelled): its place goes to the next. */
void
mp2_http_bucket_cancel (Mp2HttpBucket *self,
                        guint64        ticket)
{
  GList *link = g_queue_find_custom (&self->waiters, &ticket, compare_ticket);

  if (link == NULL)
    return;

  g_free (link->data);
  g_queue_delete_link (&self->waiters, link);

  if (g_queue_is_empty (&self->waiters))
    mp2_http_clear_source (&self->timer);
}

guint
mp2_http_bucket_get_n_waiting (Mp2HttpBucket *self)
{
  return g_queue_get_length (&self->waiters);
}
