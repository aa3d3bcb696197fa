/* bench-sync.c
 *
 * How close a first Gmail sync of many mails comes to the floor that the rate limit
 * and the concurrency set, and what an idle poll costs. The fake Google serves COUNT
 * call-sheet mails (each with a PDF of its own) from a thread of its own, adding
 * LATENCY ms to every answer, as a server elsewhere would; the app's code reads them:
 * Mp2GmailSource with the app's rate limits (mp2_google_configure_rate_limits()),
 * its candidates imported by a real Mp2Pipeline into a store in a temporary folder.
 * The sync is over when every mail is labelled and recorded and the history id
 * stored; every candidate must have been found, stored and its mail labelled exactly
 * once. The floor is worked out from the requests the fake counted; the reference of
 * the same run is a loop of plain libsoup sending the same requests, the same number
 * of mails at once, through a plain token bucket of the same rate (it looks up the
 * label that the sync made before it reads, instead of making it). Then one more
 * check with nothing new: the idle poll, whose requests are counted. Exits with 1
 * when the ratio or the idle poll misses its target. Run inside build-aux/session.sh
 * (keyring, D-Bus); build-aux/bench-sync.sh does that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "mp2-fake-google.h"
#include "mp2-gmail-source-private.h"
#include "mp2-gmail-source.h"
#include "mp2-google-account.h"
#include "mp2-pipeline.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 600
#define TARGET_RATIO 1.2

/* The fake Google in a thread of its own --------------------------------------------- */

typedef gpointer (*ServerFunc) (Mp2FakeGoogle *fake,
                                gpointer       data);

typedef struct
{
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  Mp2FakeGoogle *fake;
  char          *url;
} Server;

typedef struct
{
  Server     *server;
  ServerFunc  func;
  gpointer    data;
  gpointer    result;
  gboolean    done;
  GMutex      mutex;
  GCond       cond;
} ServerCall;

static gpointer
run_server_thread (gpointer data)
{
  Server *server = data;

  g_main_context_push_thread_default (server->context);
  g_main_loop_run (server->loop);
  g_main_context_pop_thread_default (server->context);

  return NULL;
}

static gboolean
on_server_call_cb (gpointer user_data)
{
  ServerCall *call = user_data;
  gpointer result = call->func (call->server->fake, call->data);

  g_mutex_lock (&call->mutex);
  call->result = result;
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->mutex);

  return G_SOURCE_REMOVE;
}

/* Runs @func in the fake's thread and waits for it: the fake is not thread-safe. */
static gpointer
server_call (Server     *server,
             ServerFunc  func,
             gpointer    data)
{
  ServerCall call = { server, func, data, NULL, FALSE };

  g_mutex_init (&call.mutex);
  g_cond_init (&call.cond);
  g_main_context_invoke (server->context, on_server_call_cb, &call);

  g_mutex_lock (&call.mutex);
  while (!call.done)
    g_cond_wait (&call.cond, &call.mutex);
  g_mutex_unlock (&call.mutex);

  g_mutex_clear (&call.mutex);
  g_cond_clear (&call.cond);

  return call.result;
}

static gpointer
make_fake (Mp2FakeGoogle *unused,
           gpointer       data)
{
  Server *server = data;
  g_autoptr(GError) error = NULL;

  server->fake = mp2_fake_google_new (&error);
  if (server->fake == NULL)
    g_error ("The fake Google cannot listen: %s", error->message);
  server->url = g_strdup (mp2_fake_google_get_url (server->fake));
  /* MP2_OAUTH_URL and the others, while the main thread waits for this call */
  mp2_fake_google_export_environment (server->fake);

  return NULL;
}

static gpointer
drop_fake (Mp2FakeGoogle *fake,
           gpointer       data)
{
  Server *server = data;

  g_clear_object (&server->fake);
  g_main_loop_quit (server->loop);

  return NULL;
}

static Server *
server_start (void)
{
  Server *server = g_new0 (Server, 1);

  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->thread = g_thread_new ("fake-google", run_server_thread, server);
  server_call (server, make_fake, server);

  return server;
}

static void
server_stop (Server *server)
{
  server_call (server, drop_fake, server);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_free (server->url);
  g_free (server);
}

static gpointer
set_latency (Mp2FakeGoogle *fake,
             gpointer       data)
{
  mp2_fake_google_set_latency (fake, GPOINTER_TO_UINT (data));
  return NULL;
}

typedef struct
{
  guint       count;
  const char *callsheets_dir;
} MailsWanted;

/* Returns: the ids of the mails delivered, in order */
static gpointer
deliver_mails (Mp2FakeGoogle *fake,
               gpointer       data)
{
  MailsWanted *wanted = data;
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  mails = mp2_fake_google_make_synthetic_mails (wanted->count, wanted->callsheets_dir, &error);
  if (mails == NULL)
    g_error ("No mails: %s", error->message);

  for (guint i = 0; i < mails->len; i++)
    {
      char *id = mp2_fake_google_add_mail (fake, g_ptr_array_index (mails, i), &error);

      if (id == NULL)
        g_error ("The fake refused a mail: %s", error->message);
      g_ptr_array_add (ids, id);
    }

  return ids;
}

static gpointer
issue_refresh_token (Mp2FakeGoogle *fake,
                     gpointer       data)
{
  char *refresh_token = NULL;

  mp2_fake_google_issue_tokens (fake, MP2_GOOGLE_SCOPES, NULL, &refresh_token);
  return refresh_token;
}

static gpointer
reset_counts (Mp2FakeGoogle *fake,
              gpointer       data)
{
  mp2_fake_google_reset_request_counts (fake);
  return NULL;
}

static gpointer
count_requests (Mp2FakeGoogle *fake,
                gpointer       data)
{
  return GUINT_TO_POINTER (mp2_fake_google_get_request_count (fake, data));
}

static gpointer
dup_violations (Mp2FakeGoogle *fake,
                gpointer       data)
{
  return mp2_fake_google_dup_violations_text (fake);
}

/* Returns: how many of the mails (a GPtrArray of ids) lack the app's label */
static gpointer
count_unlabelled (Mp2FakeGoogle *fake,
                  gpointer       data)
{
  GPtrArray *ids = data;
  const char *label = mp2_fake_google_lookup_label (fake, MP2_GMAIL_LABEL_NAME);
  guint unlabelled = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) labels = mp2_fake_google_dup_mail_labels (fake, g_ptr_array_index (ids, i));

      if (label == NULL || labels == NULL
          || !g_strv_contains ((const char * const *) labels, label))
        unlabelled++;
    }

  return GUINT_TO_POINTER (unlabelled);
}

static guint
server_count (Server     *server,
              const char *pattern)
{
  return GPOINTER_TO_UINT (server_call (server, count_requests, (gpointer) pattern));
}

/* Requests and the floor ---------------------------------------------------------------- */

typedef enum
{
  STEP_SEQUENTIAL,  /* one after the other, before anything else */
  STEP_READ,        /* a mail's reads: MP2_GMAIL_MAX_FETCHES mails at once */
  STEP_OTHER,       /* alongside the reads, bound only by the rate limit */
} Step;

static const struct
{
  const char *endpoint;
  Step        step;
  const char *what;
} endpoints[] = {
  { "gmail.users.getProfile", STEP_SEQUENTIAL, "history id before the search" },
  { "gmail.users.messages.list", STEP_SEQUENTIAL, "pages of the search" },
  { "gmail.users.history.list", STEP_SEQUENTIAL, "pages of history" },
  { "gmail.users.messages.get", STEP_READ, "mails read" },
  { "gmail.users.messages.attachments.get", STEP_READ, "PDFs downloaded" },
  { "gmail.users.labels.list", STEP_OTHER, "label looked up" },
  { "gmail.users.labels.create", STEP_OTHER, "label made" },
  { "gmail.users.messages.modify", STEP_OTHER, "mails labelled" },
};

typedef struct
{
  guint per_endpoint[G_N_ELEMENTS (endpoints)];
  guint sequential;
  guint reads;
  guint gmail;     /* every Gmail request, also of endpoints not listed */
  guint oauth;
} Counts;

static guint
count_of (const Counts *counts,
          const char   *endpoint)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (g_str_equal (endpoints[i].endpoint, endpoint))
      return counts->per_endpoint[i];

  g_assert_not_reached ();
}

static void
read_counts (Server *server,
             Counts *counts)
{
  memset (counts, 0, sizeof *counts);

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      counts->per_endpoint[i] = server_count (server, endpoints[i].endpoint);
      if (endpoints[i].step == STEP_SEQUENTIAL)
        counts->sequential += counts->per_endpoint[i];
      else if (endpoints[i].step == STEP_READ)
        counts->reads += counts->per_endpoint[i];
    }
  counts->gmail = server_count (server, "gmail.*");
  counts->oauth = server_count (server, "oauth2.*");
}

typedef struct
{
  double rate_s;         /* set by the rate limit */
  double concurrency_s;  /* set by the latency and the reads at once */
  double floor_s;
} Floor;

/* The sequential requests come first, one latency each, while the bucket stays full;
 * the rest are sent as fast as the bucket lets (its burst at once, then one every
 * 1/rate) or as the reads at once let (each mail's reads one after the other); the
 * last answer comes one latency after the last request. */
static Floor
compute_floor (const Counts *counts,
               guint         latency_ms)
{
  double latency = latency_ms / 1000.0;
  double prefix = counts->sequential * latency;
  guint rest = counts->gmail - counts->sequential;
  Floor floor;

  floor.rate_s = prefix + MAX (0.0, (double) rest - MP2_GOOGLE_GMAIL_BURST)
                 / MP2_GOOGLE_GMAIL_PER_SECOND + latency;
  floor.concurrency_s = prefix + counts->reads * latency / MP2_GMAIL_MAX_FETCHES + latency;
  floor.floor_s = MAX (floor.rate_s, floor.concurrency_s);

  return floor;
}

static void
print_counts (const Counts *counts)
{
  guint listed = 0;

  g_print ("Requests the fake counted:\n");
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autofree char *how = NULL;

      if (counts->per_endpoint[i] == 0)
        continue;
      listed += counts->per_endpoint[i];
      if (endpoints[i].step == STEP_SEQUENTIAL)
        how = g_strdup ("one after the other");
      else if (endpoints[i].step == STEP_READ)
        how = g_strdup_printf ("%u mails at once", MP2_GMAIL_MAX_FETCHES);
      else
        how = g_strdup ("alongside");
      g_print ("  %-38s %5u  %s (%s)\n", endpoints[i].endpoint, counts->per_endpoint[i],
               endpoints[i].what, how);
    }
  if (counts->gmail > listed)
    g_print ("  %-38s %5u\n", "other Gmail requests", counts->gmail - listed);
  g_print ("  %-38s %5u\n", "Gmail, all", counts->gmail);
  if (counts->oauth > 0)
    g_print ("  %-38s %5u  (not in the Gmail bucket)\n", "oauth2.*", counts->oauth);
}

static void
print_floor (const Counts *counts,
             const Floor  *floor,
             guint         latency_ms)
{
  g_print ("Floor, with L = %u ms per answer and the %u sequential requests first:\n",
           latency_ms, counts->sequential);
  g_print ("  rate limit (%.0f/s, burst %u): %u x L + (%u - %u - %u) / %.0f/s + L = %.2f s\n",
           MP2_GOOGLE_GMAIL_PER_SECOND, MP2_GOOGLE_GMAIL_BURST, counts->sequential,
           counts->gmail, counts->sequential, MP2_GOOGLE_GMAIL_BURST,
           MP2_GOOGLE_GMAIL_PER_SECOND, floor->rate_s);
  g_print ("  concurrency (%u mails at once, each mail's reads in turn): "
           "%u x L + %u reads x L / %u + L = %.2f s\n",
           MP2_GMAIL_MAX_FETCHES, counts->sequential, counts->reads, MP2_GMAIL_MAX_FETCHES,
           floor->concurrency_s);
  g_print ("  floor = the larger = %.2f s, set by %s\n", floor->floor_s,
           floor->rate_s >= floor->concurrency_s ? "the rate limit" : "the concurrency");
}

static double
seconds_since (gint64 start,
               gint64 end)
{
  return (end - start) / (double) G_USEC_PER_SEC;
}

/* The client: the app's HTTP client and account --------------------------------------- */

typedef struct
{
  Server           *server;
  guint             count;
  guint             latency_ms;
  GPtrArray        *mail_ids;
  GSettings        *settings;
  Mp2HttpClient    *http;
  Mp2GoogleAccount *account;
} Bench;

static void
store_refresh_token (const char *refresh_token)
{
  g_autoptr(GError) error = NULL;

  secret_password_store_sync (mp2_google_account_get_secret_schema (), NULL,
                              "Film Schedule benchmark", refresh_token, NULL, &error,
                              "kind", "refresh-token",
                              "client-id", MP2_FAKE_GOOGLE_CLIENT_ID,
                              "email", MP2_FAKE_GOOGLE_USER_EMAIL,
                              NULL);
  if (error != NULL)
    g_error ("The keyring refused the token (run under build-aux/session.sh): %s",
             error->message);
}

/* Signed in as in the app after a sign-in: a refresh token in the keyring, loaded,
 * and an access token taken before the clock starts. */
static void
sign_in (Bench *bench)
{
  g_autofree char *refresh_token = server_call (bench->server, issue_refresh_token, NULL);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) token_result = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  store_refresh_token (refresh_token);

  mp2_google_account_load_async (bench->account, NULL, mp2_test_on_result_cb, &loaded);
  mp2_test_wait_for_result (&loaded, 60, "the account");
  if (!mp2_google_account_load_finish (bench->account, loaded, &error))
    g_error ("The account did not load: %s", error->message);

  mp2_google_account_get_token_async (bench->account, NULL, mp2_test_on_result_cb,
                                      &token_result);
  mp2_test_wait_for_result (&token_result, 60, "an access token");
  token = mp2_google_account_get_token_finish (bench->account, token_result, &error);
  if (token == NULL)
    g_error ("No access token: %s", error->message);
}

static void
setup_client (Bench *bench)
{
  bench->settings = g_settings_new (APPLICATION_ID);
  bench->http = mp2_http_client_new ();
  mp2_google_configure_rate_limits (bench->http);
  mp2_http_client_set_allow_http (bench->http, TRUE);
  bench->account = mp2_google_account_new (bench->http, MP2_FAKE_GOOGLE_CLIENT_ID,
                                           MP2_FAKE_GOOGLE_CLIENT_SECRET);
  sign_in (bench);
}

/* One first sync through the pipeline ------------------------------------------------- */

typedef struct
{
  Bench          *bench;
  char           *dir;
  Mp2Store       *store;
  Mp2Pipeline    *pipeline;
  Mp2GmailSource *source;
  GHashTable     *candidates;   /* candidate id -> times found */
  guint           n_found;
  guint           n_received;   /* documents the pipeline stored */
  guint           n_parsed;     /* documents it read (or failed to) */
  gint64          last_parsed;  /* monotonic µs */
  GAsyncResult   *check_result;
  gint64          started;      /* of the last check, monotonic µs */
  gint64          checked;      /* when it returned */
  gint64          ended;        /* when the source settled */
} Run;

/* The times of the first sync, kept apart from those of the idle poll. */
typedef struct
{
  double checked_s;
  double parsed_s;
  double wall_s;
} SyncTimes;

static void
on_candidate_found_cb (Mp2MailSource    *source,
                       Mp2MailCandidate *candidate,
                       Run              *run)
{
  guint times = GPOINTER_TO_UINT (g_hash_table_lookup (run->candidates, candidate->id));

  g_hash_table_replace (run->candidates, g_strdup (candidate->id), GUINT_TO_POINTER (times + 1));
  run->n_found++;
}

static void
on_email_received_cb (Mp2Pipeline *pipeline,
                      Mp2Schedule *schedule,
                      Run         *run)
{
  run->n_received++;
}

static void
on_document_parsed_cb (Mp2Pipeline *pipeline,
                       Mp2Schedule *schedule,
                       Run         *run)
{
  run->n_parsed++;
  run->last_parsed = g_get_monotonic_time ();
}

static void
on_pipeline_started_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  gboolean *started = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_start_finish (MP2_PIPELINE (source), result, &error))
    g_error ("The pipeline did not start: %s", error->message);
  *started = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static Run *
run_new (Bench *bench)
{
  Run *run = g_new0 (Run, 1);
  g_autoptr(GError) error = NULL;
  gboolean started = FALSE;

  run->bench = bench;
  run->dir = g_dir_make_tmp ("mp2-bench-sync-XXXXXX", &error);
  if (run->dir == NULL)
    g_error ("%s", error->message);
  run->store = mp2_store_open (run->dir, &error);
  if (run->store == NULL)
    g_error ("%s", error->message);
  run->candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  run->pipeline = mp2_pipeline_new (run->store, bench->settings);
  mp2_pipeline_start_async (run->pipeline, NULL, on_pipeline_started_cb, &started);
  mp2_test_wait_until (is_true, &started, 60, "the pipeline");
  g_signal_connect (run->pipeline, "email-received", G_CALLBACK (on_email_received_cb), run);
  g_signal_connect (run->pipeline, "document-parsed", G_CALLBACK (on_document_parsed_cb), run);

  run->source = mp2_gmail_source_new (bench->account, run->store, bench->settings,
                                      bench->server->url);
  mp2_pipeline_add_mail_source (run->pipeline, MP2_MAIL_SOURCE (run->source),
                                MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT);
  g_signal_connect (run->source, "candidate-found", G_CALLBACK (on_candidate_found_cb), run);

  return run;
}

static void
run_free (Run *run)
{
  g_object_run_dispose (G_OBJECT (run->source));
  g_clear_object (&run->source);
  /* what the source and the pipeline still had in flight ends */
  mp2_test_run_for (200);
  g_clear_object (&run->pipeline);
  g_clear_object (&run->store);
  mp2_test_remove_tree (run->dir);
  g_free (run->dir);
  g_clear_pointer (&run->candidates, g_hash_table_unref);
  g_clear_object (&run->check_result);
  g_free (run);
}

/* The source has nothing left to do: its check returned, no candidate waits, no mail
 * is being labelled or recorded, and the history id is stored. */
static gboolean
is_settled (gpointer data)
{
  Run *run = data;
  Mp2GmailSource *source = run->source;

  if (run->check_result != NULL && run->checked == 0)
    run->checked = g_get_monotonic_time ();

  return run->check_result != NULL && source->sync == NULL
         && g_hash_table_size (source->waiting) == 0 && g_hash_table_size (source->messages) == 0
         && source->finishing == 0 && source->pending_history_id == NULL
         && !source->storing_history;
}

static void
check_and_settle (Run *run)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&run->check_result);
  run->checked = 0;
  run->started = g_get_monotonic_time ();
  mp2_mail_source_check_async (MP2_MAIL_SOURCE (run->source), NULL, mp2_test_on_result_cb,
                               &run->check_result);
  mp2_test_wait_until (is_settled, run, WAIT_SECONDS, "the sync");
  run->ended = g_get_monotonic_time ();

  if (!mp2_mail_source_check_finish (MP2_MAIL_SOURCE (run->source), run->check_result, &error))
    g_error ("The check failed: %s", error->message);
}

/* Every mail's PDF found once, stored once, its mail labelled once, the history id
 * kept: otherwise the numbers mean nothing. */
static void
verify_run (Run          *run,
            const Counts *counts)
{
  Bench *bench = run->bench;
  g_autofree char *violations = server_call (bench->server, dup_violations, NULL);
  g_autofree char *query = mp2_gmail_source_build_query (bench->settings);
  g_autofree char *history_key = NULL;
  g_autofree char *history_id = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer times = NULL;
  const char *id = NULL;
  guint unlabelled;
  guint failures = 0;

  if (*violations != '\0')
    g_error ("The fake saw requests outside the contract:\n%s", violations);

  g_hash_table_iter_init (&iter, run->candidates);
  while (g_hash_table_iter_next (&iter, NULL, &times))
    if (GPOINTER_TO_UINT (times) != 1)
      failures++;
  if (g_hash_table_size (run->candidates) != bench->count || failures > 0)
    g_error ("%u distinct candidates for %u mails, %u found more than once",
             g_hash_table_size (run->candidates), bench->count, failures);

  if (run->n_received != bench->count || run->n_parsed != bench->count)
    g_error ("The pipeline stored %u documents and read %u, not %u", run->n_received,
             run->n_parsed, bench->count);

  unlabelled = GPOINTER_TO_UINT (server_call (bench->server, count_unlabelled, bench->mail_ids));
  if (unlabelled > 0 || count_of (counts, "gmail.users.messages.modify") != bench->count)
    g_error ("%u mails unlabelled, %u labelled with %u requests", unlabelled,
             bench->count - unlabelled, count_of (counts, "gmail.users.messages.modify"));

  g_hash_table_iter_init (&iter, run->candidates);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!mp2_store_has_message (run->store, id, &error))
      g_error ("The store lacks candidate %s%s%s", id, error != NULL ? ": " : "",
               error != NULL ? error->message : "");

  history_key = _mp2_gmail_sync_state_key (MP2_FAKE_GOOGLE_USER_EMAIL, query);
  history_id = mp2_store_get_sync_state (run->store, history_key, &error);
  if (history_id == NULL)
    g_error ("No history id stored after the sync");
}

/* The idle poll -------------------------------------------------------------------------- */

/* One more check with nothing new: its requests and how long it took, in µs. */
static gint64
run_idle_poll (Run    *run,
               Counts *counts)
{
  Server *server = run->bench->server;
  guint found = run->n_found;

  server_call (server, reset_counts, NULL);
  check_and_settle (run);
  read_counts (server, counts);

  if (run->n_found != found)
    g_error ("The idle poll found %u candidates", run->n_found - found);

  return run->ended - run->started;
}

/* The reference: plain libsoup, the same requests --------------------------------------- */

typedef struct
{
  SoupSession *session;
  char        *api_url;          /* …/gmail/v1/users/me/ */
  char        *authorization;    /* "Bearer …" */
  char        *query;
  char        *label_id;
  GPtrArray   *mail_ids;
  char        *page_token;

  GQueue       paced;            /* SoupMessage waiting for a token */
  double       tokens;
  gint64       refilled_at;      /* monotonic µs */
  GSource     *timer;

  guint        next;             /* the next mail to read */
  guint        reading;          /* mails being read */
  guint        labelling;        /* modify requests not answered */
  gboolean     listed;
} Reference;

typedef void (*ReplyFunc) (Reference  *ref,
                           const char *mail_id,
                           JsonObject *reply);

typedef struct
{
  Reference *ref;
  ReplyFunc  func;
  char      *mail_id;   /* nullable */
} Exchange;

static void send_paced (Reference   *ref,
                        SoupMessage *msg);

static void
refill_tokens (Reference *ref)
{
  gint64 now = g_get_monotonic_time ();
  double gained = (now - ref->refilled_at) / (double) G_USEC_PER_SEC * MP2_GOOGLE_GMAIL_PER_SECOND;

  ref->tokens = MIN ((double) MP2_GOOGLE_GMAIL_BURST, ref->tokens + gained);
  ref->refilled_at = now;
}

static void
on_reply_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree Exchange *exchange = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *mail_id = g_steal_pointer (&exchange->mail_id);
  JsonNode *root;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    g_error ("Reference: %s", error->message);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("Reference: %s answered %u", soup_message_get_method (msg),
             soup_message_get_status (msg));
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), &error))
    g_error ("Reference: %s", error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    g_error ("Reference: an answer that is not an object");
  exchange->func (exchange->ref, mail_id, json_node_get_object (root));
}

static void
send_now (Reference   *ref,
          SoupMessage *msg)
{
  Exchange *exchange = g_object_steal_data (G_OBJECT (msg), "exchange");

  soup_session_send_and_read_async (ref->session, msg, G_PRIORITY_DEFAULT, NULL, on_reply_cb,
                                    exchange);
  g_object_unref (msg);
}

static gboolean on_tokens_cb (gpointer user_data);

static void
schedule_tokens (Reference *ref)
{
  double missing = MAX (0.0, 1.0 - ref->tokens);
  guint delay_ms = MAX (1, (guint) (missing / MP2_GOOGLE_GMAIL_PER_SECOND * 1000.0 + 0.999));

  ref->timer = g_timeout_source_new (delay_ms);
  g_source_set_callback (ref->timer, on_tokens_cb, ref, NULL);
  g_source_attach (ref->timer, NULL);
}

static gboolean
on_tokens_cb (gpointer user_data)
{
  Reference *ref = user_data;

  g_clear_pointer (&ref->timer, g_source_unref);
  refill_tokens (ref);
  while (!g_queue_is_empty (&ref->paced) && ref->tokens >= 1.0 - 1e-6)
    {
      ref->tokens = MAX (0.0, ref->tokens - 1.0);
      send_now (ref, g_queue_pop_head (&ref->paced));
    }
  if (!g_queue_is_empty (&ref->paced))
    schedule_tokens (ref);

  return G_SOURCE_REMOVE;
}

/* Through a token bucket of the app's rate and burst, first come first served. */
static void
send_paced (Reference   *ref,
            SoupMessage *msg)
{
  refill_tokens (ref);
  if (g_queue_is_empty (&ref->paced) && ref->tokens >= 1.0 - 1e-6)
    {
      ref->tokens = MAX (0.0, ref->tokens - 1.0);
      send_now (ref, msg);
      return;
    }

  g_queue_push_tail (&ref->paced, msg);
  if (ref->timer == NULL)
    schedule_tokens (ref);
}

/* A request to @path under users/me/, with @query (nullable) and @body (nullable). */
static void
send_request (Reference  *ref,
              const char *method,
              const char *path,
              const char *query,
              const char *body,
              const char *mail_id,
              ReplyFunc   func)
{
  g_autofree char *uri = g_strconcat (ref->api_url, path, query != NULL ? "?" : "",
                                      query != NULL ? query : "", NULL);
  SoupMessage *msg = soup_message_new (method, uri);
  Exchange *exchange = g_new0 (Exchange, 1);

  if (msg == NULL)
    g_error ("Reference: not an address: %s", uri);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                ref->authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  exchange->ref = ref;
  exchange->func = func;
  exchange->mail_id = g_strdup (mail_id);
  g_object_set_data (G_OBJECT (msg), "exchange", exchange);
  send_paced (ref, msg);
}

static void reference_pump (Reference *ref);

static void
on_modified_cb (Reference  *ref,
                const char *mail_id,
                JsonObject *reply)
{
  ref->labelling--;
}

static void
on_attachment_cb (Reference  *ref,
                  const char *mail_id,
                  JsonObject *reply)
{
  g_autofree char *path = g_strconcat ("messages/", mail_id, "/modify", NULL);
  g_autofree char *body = g_strdup_printf ("{\"addLabelIds\":[\"%s\"]}", ref->label_id);

  if (!json_object_has_member (reply, "data"))
    g_error ("Reference: an attachment without data");

  ref->labelling++;
  send_request (ref, "POST", path, NULL, body, mail_id, on_modified_cb);

  ref->reading--;
  reference_pump (ref);
}

/* The attachmentId of the first part with one, depth first. */
static const char *
find_attachment_id (JsonObject *part)
{
  JsonObject *body = json_object_get_object_member (part, "body");
  JsonArray *parts = NULL;

  if (body != NULL && json_object_has_member (body, "attachmentId"))
    return json_object_get_string_member (body, "attachmentId");

  if (json_object_has_member (part, "parts"))
    parts = json_object_get_array_member (part, "parts");
  for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
    {
      const char *id = find_attachment_id (json_array_get_object_element (parts, i));

      if (id != NULL)
        return id;
    }

  return NULL;
}

static void
on_message_cb (Reference  *ref,
               const char *mail_id,
               JsonObject *reply)
{
  const char *attachment_id = find_attachment_id (json_object_get_object_member (reply,
                                                                                 "payload"));
  g_autofree char *path = NULL;

  if (attachment_id == NULL)
    g_error ("Reference: mail %s has no attachment", mail_id);

  path = g_strconcat ("messages/", mail_id, "/attachments/", attachment_id, NULL);
  send_request (ref, "GET", path, NULL, NULL, mail_id, on_attachment_cb);
}

/* MP2_GMAIL_MAX_FETCHES mails being read at once, as the source does. */
static void
reference_pump (Reference *ref)
{
  while (ref->reading < MP2_GMAIL_MAX_FETCHES && ref->next < ref->mail_ids->len)
    {
      const char *id = g_ptr_array_index (ref->mail_ids, ref->next++);
      g_autofree char *path = g_strconcat ("messages/", id, NULL);

      ref->reading++;
      send_request (ref, "GET", path, "format=full", NULL, id, on_message_cb);
    }
}

static void
on_labels_cb (Reference  *ref,
              const char *mail_id,
              JsonObject *reply)
{
  JsonArray *labels = json_object_get_array_member (reply, "labels");

  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    {
      JsonObject *label = json_array_get_object_element (labels, i);

      if (g_strcmp0 (json_object_get_string_member (label, "name"), MP2_GMAIL_LABEL_NAME) == 0)
        ref->label_id = g_strdup (json_object_get_string_member (label, "id"));
    }
  if (ref->label_id == NULL)
    g_error ("Reference: no label \"%s\" (the app's sync makes it)", MP2_GMAIL_LABEL_NAME);

  reference_pump (ref);
}

static void list_page (Reference *ref);

static void
on_listed_cb (Reference  *ref,
              const char *mail_id,
              JsonObject *reply)
{
  JsonArray *messages = NULL;

  if (json_object_has_member (reply, "messages"))
    messages = json_object_get_array_member (reply, "messages");
  for (guint i = 0; messages != NULL && i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      g_ptr_array_add (ref->mail_ids, g_strdup (json_object_get_string_member (message, "id")));
    }

  g_clear_pointer (&ref->page_token, g_free);
  if (json_object_has_member (reply, "nextPageToken"))
    ref->page_token = g_strdup (json_object_get_string_member (reply, "nextPageToken"));

  if (ref->page_token != NULL)
    {
      list_page (ref);
      return;
    }

  ref->listed = TRUE;
  send_request (ref, "GET", "labels", NULL, NULL, NULL, on_labels_cb);
}

static void
list_page (Reference *ref)
{
  g_autofree char *q = g_uri_escape_string (ref->query, NULL, FALSE);
  g_autofree char *query = NULL;

  if (ref->page_token != NULL)
    {
      g_autofree char *token = g_uri_escape_string (ref->page_token, NULL, FALSE);

      query = g_strdup_printf ("q=%s&maxResults=500&pageToken=%s", q, token);
    }
  else
    {
      query = g_strdup_printf ("q=%s&maxResults=500", q);
    }

  send_request (ref, "GET", "messages", query, NULL, NULL, on_listed_cb);
}

static void
on_profile_cb (Reference  *ref,
               const char *mail_id,
               JsonObject *reply)
{
  if (!json_object_has_member (reply, "historyId"))
    g_error ("Reference: a profile without historyId");

  list_page (ref);
}

static gboolean
reference_done (gpointer data)
{
  Reference *ref = data;

  return ref->listed && ref->label_id != NULL && ref->next == ref->mail_ids->len
         && ref->reading == 0 && ref->labelling == 0;
}

static char *
dup_access_token (Bench *bench)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  mp2_google_account_get_token_async (bench->account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, 60, "an access token");
  token = mp2_google_account_get_token_finish (bench->account, result, &error);
  if (token == NULL)
    g_error ("No access token: %s", error->message);

  return token;
}

/* The same requests as the source's first sync, in the same order, from a SoupSession
 * of the same connections as Mp2HttpClient's, through a token bucket of the same
 * rate: what the sync would take if the app's code cost nothing. */
static double
run_reference (Bench  *bench,
               Counts *counts)
{
  g_autofree char *token = dup_access_token (bench);
  Reference ref = { 0 };
  gint64 started;
  gint64 elapsed;

  ref.session = soup_session_new_with_options ("max-conns-per-host", 6, "max-conns", 24, NULL);
  ref.api_url = g_strconcat (bench->server->url, "/gmail/v1/users/me/", NULL);
  ref.authorization = g_strconcat ("Bearer ", token, NULL);
  ref.query = mp2_gmail_source_build_query (bench->settings);
  ref.mail_ids = g_ptr_array_new_with_free_func (g_free);
  ref.tokens = MP2_GOOGLE_GMAIL_BURST;
  ref.refilled_at = g_get_monotonic_time ();
  g_queue_init (&ref.paced);

  server_call (bench->server, reset_counts, NULL);
  started = g_get_monotonic_time ();
  send_request (&ref, "GET", "profile", NULL, NULL, NULL, on_profile_cb);
  mp2_test_wait_until (reference_done, &ref, WAIT_SECONDS, "the reference");
  elapsed = g_get_monotonic_time () - started;
  read_counts (bench->server, counts);

  if (ref.mail_ids->len != bench->count)
    g_error ("Reference: %u mails listed, not %u", ref.mail_ids->len, bench->count);

  g_object_unref (ref.session);
  g_free (ref.api_url);
  g_free (ref.authorization);
  g_free (ref.query);
  g_free (ref.label_id);
  g_free (ref.page_token);
  g_ptr_array_unref (ref.mail_ids);

  return elapsed / (double) G_USEC_PER_SEC;
}

/* The benchmark -------------------------------------------------------------------------- */

/* Returns: whether the ratio is within the target */
static gboolean
print_sync (Bench           *bench,
            Run             *run,
            const SyncTimes *times,
            const Counts    *counts)
{
  Floor floor = compute_floor (counts, bench->latency_ms);
  double ratio = times->wall_s / floor.floor_s;

  g_print ("\nFirst sync of %u mails, %u ms latency added by the fake:\n", bench->count,
           bench->latency_ms);
  g_print ("  %u candidates found, each once; %u documents stored and read by the pipeline; "
           "%u mails labelled once\n", g_hash_table_size (run->candidates), run->n_received,
           bench->count);
  g_print ("  check returned after %.2f s; last document read after %.2f s; settled "
           "(labelled, recorded, history id kept) after %.2f s\n",
           times->checked_s, times->parsed_s, times->wall_s);
  print_counts (counts);
  print_floor (counts, &floor, bench->latency_ms);
  g_print ("Wall time %.2f s / floor %.2f s = ratio %.3f (target <= %.1f)%s\n", times->wall_s,
           floor.floor_s, ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "" : "  ABOVE TARGET");

  return ratio <= TARGET_RATIO;
}

static void
print_reference (Bench           *bench,
                 const SyncTimes *times,
                 const Counts    *counts,
                 double           reference_s)
{
  Floor floor = compute_floor (counts, bench->latency_ms);

  g_print ("Reference of the same run (plain libsoup: the same requests, %u in all, %u mails "
           "at once, a token bucket of the same rate):\n"
           "  %.2f s = %.3f x its floor of %.2f s; the app's sync took %.3f x the reference\n",
           counts->gmail, MP2_GMAIL_MAX_FETCHES, reference_s, reference_s / floor.floor_s,
           floor.floor_s, times->wall_s / reference_s);
}

/* Returns: whether it made one request */
static gboolean
print_idle_poll (const Counts *counts,
                 gint64        duration)
{
  guint requests = counts->gmail + counts->oauth;

  g_print ("\nIdle poll (one more check, nothing new), %.0f ms:\n", duration / 1000.0);
  print_counts (counts);
  g_print ("Requests of the idle poll: %u (target 1: a single users.history.list)%s\n",
           requests, requests == 1 ? "" : "  ABOVE TARGET");

  return requests == 1;
}

static void
bench_free (Bench *bench)
{
  g_clear_object (&bench->account);
  g_clear_object (&bench->http);
  g_clear_object (&bench->settings);
  g_clear_pointer (&bench->mail_ids, g_ptr_array_unref);
  server_stop (bench->server);
  g_free (bench);
}

int
main (int   argc,
      char *argv[])
{
  Bench *bench = g_new0 (Bench, 1);
  MailsWanted wanted = { 0 };
  Counts counts;
  Counts idle_counts;
  Counts reference_counts;
  SyncTimes times;
  gint64 idle_duration;
  double reference_s;
  gboolean on_target;
  gint64 made;
  Run *run;

  if (argc != 4 || atoi (argv[1]) <= 0 || atoi (argv[2]) < 0)
    {
      g_printerr ("usage: %s COUNT LATENCY_MS CALLSHEETS_DIR\n", argv[0]);
      return 2;
    }

  bench->count = (guint) atoi (argv[1]);
  bench->latency_ms = (guint) atoi (argv[2]);
  wanted.count = bench->count;
  wanted.callsheets_dir = argv[3];

  bench->server = server_start ();
  made = g_get_monotonic_time ();
  bench->mail_ids = server_call (bench->server, deliver_mails, &wanted);
  g_print ("%u call-sheet mails in the fake Google (made in %.1f s)\n", bench->mail_ids->len,
           seconds_since (made, g_get_monotonic_time ()));
  setup_client (bench);
  server_call (bench->server, set_latency, GUINT_TO_POINTER (bench->latency_ms));

  run = run_new (bench);
  server_call (bench->server, reset_counts, NULL);
  check_and_settle (run);
  read_counts (bench->server, &counts);
  verify_run (run, &counts);
  times.checked_s = seconds_since (run->started, run->checked);
  times.parsed_s = seconds_since (run->started, run->last_parsed);
  times.wall_s = seconds_since (run->started, run->ended);
  idle_duration = run_idle_poll (run, &idle_counts);

  reference_s = run_reference (bench, &reference_counts);
  if (count_of (&reference_counts, "gmail.users.messages.modify") != bench->count)
    g_error ("Reference: %u mails labelled",
             count_of (&reference_counts, "gmail.users.messages.modify"));

  on_target = print_sync (bench, run, &times, &counts);
  print_reference (bench, &times, &reference_counts, reference_s);
  on_target &= print_idle_poll (&idle_counts, idle_duration);

  run_free (run);
  bench_free (bench);

  return on_target ? 0 : 1;
}
