/* test-gmail-source.c
 *
 * Mp2GmailSource against the fake Google on 127.0.0.1, with a real store in a
 * temporary folder and an account signed in through the keyring: first and later
 * checks, the PDFs of each mail, the label, faults, a crash in the middle of a
 * check; and the search, the MIME walk and base64url on their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <camel/camel.h>
#include <string.h>

#include "mp2-fake-google.h"
#include "mp2-gmail-source-private.h"
#include "mp2-gmail-source.h"
#include "mp2-test-account.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 60
#define EMAIL MP2_FAKE_GOOGLE_USER_EMAIL
#define LABEL "Film Schedule"

/* The mails of tests/data/mailbox that the default search finds: a PDF and a
 * subject with "plan zdjęciowy" or "call sheet". The invoice and the note are not. */
static const char * const call_sheet_mails[] = {
  "callsheet_t1_02.eml",
  "callsheet_t3_02_inline.eml",
  "email_pl_subject.eml",
  "email_revised.eml",
  "email_two_pdfs.eml",
  "plan_t2_01_alternative.eml",
  "plan_t2_rev1.eml",
  "plan_t2_rev2.eml",
  "plan_t4_01_octet_stream.eml",
};
#define N_CALL_SHEET_PDFS 10

typedef struct
{
  Mp2FakeGoogle    *fake;
  Mp2HttpClient    *http;
  Mp2GoogleAccount *account;
  char             *dir;
  Mp2Store         *store;
  GSettings        *settings;
  Mp2GmailSource   *source;
  GCancellable     *cancellable;    /* of the checks */

  GHashTable       *mail_files;     /* mail id -> .eml name */
  GHashTable       *mail_ids;       /* .eml name -> mail id */

  GPtrArray        *candidates;     /* Mp2MailCandidate, every one emitted */
  GHashTable       *stored;         /* sha256 -> times "the pipeline" stored it */
  guint             handle_limit;   /* candidates to store and mark; G_MAXUINT: all */
  guint             n_handled;      /* stored and marked */
  guint             marking;        /* marks not finished */
  guint             crash_after;    /* 0: never */
  gboolean          crashed;
} Fixture;

/* The eml's PDFs -------------------------------------------------------------------- */

static gboolean
has_pdf_name (const char *name)
{
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".pdf");
}

static void
collect_pdf_digests (CamelMimePart *part,
                     GPtrArray     *digests)
{
  CamelDataWrapper *content = camel_medium_get_content (CAMEL_MEDIUM (part));
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *name = camel_mime_part_get_filename (part);
  CamelContentType *type = camel_mime_part_get_content_type (part);

  if (CAMEL_IS_MULTIPART (content))
    {
      for (guint i = 0; i < camel_multipart_get_number (CAMEL_MULTIPART (content)); i++)
        collect_pdf_digests (camel_multipart_get_part (CAMEL_MULTIPART (content), i), digests);
      return;
    }
  if (CAMEL_IS_MIME_MESSAGE (content))
    {
      collect_pdf_digests (CAMEL_MIME_PART (content), digests);
      return;
    }

  if (!camel_content_type_is (type, "application", "pdf") && !has_pdf_name (name))
    return;

  stream = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (camel_data_wrapper_decode_to_output_stream_sync (content, stream, NULL, NULL),
                   >=, 0);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_ptr_array_add (digests, g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes));
}

static CamelMimeMessage *
parse_eml (GBytes *eml)
{
  g_autoptr(CamelMimeParser) parser = camel_mime_parser_new ();
  CamelMimeMessage *message = camel_mime_message_new ();
  g_autoptr(GError) error = NULL;

  camel_mime_parser_init_with_bytes (parser, eml);
  camel_mime_part_construct_from_parser_sync (CAMEL_MIME_PART (message), parser, NULL, &error);
  g_assert_no_error (error);

  return message;
}

/* The sha256 of each PDF in @eml, as a mail reader sees them. */
static GPtrArray *
dup_eml_pdf_digests (GBytes *eml)
{
  g_autoptr(CamelMimeMessage) message = parse_eml (eml);
  GPtrArray *digests = g_ptr_array_new_with_free_func (g_free);

  collect_pdf_digests (CAMEL_MIME_PART (message), digests);

  return digests;
}

static char *
dup_mailbox_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "mailbox", name, NULL);
}

static GBytes *
load_mailbox_eml (const char *name)
{
  g_autofree char *path = dup_mailbox_path (name);

  return mp2_test_load_file (path);
}

/* Mails made here --------------------------------------------------------------------- */

static void
append_base64 (GString *text,
               GBytes  *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autofree char *encoded = g_base64_encode (data, length);
  gsize total = strlen (encoded);

  for (gsize i = 0; i < total; i += 76)
    {
      g_string_append_len (text, encoded + i, MIN (76, total - i));
      g_string_append (text, "\r\n");
    }
}

static void
append_pdf_part (GString    *text,
                 const char *boundary,
                 const char *mime_type,
                 const char *disposition,
                 const char *file_name,
                 GBytes     *pdf)
{
  g_string_append_printf (text,
                          "--%s\r\n"
                          "Content-Type: %s; name=\"%s\"\r\n"
                          "Content-Disposition: %s; filename=\"%s\"\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\n",
                          boundary, mime_type, file_name, disposition, file_name);
  append_base64 (text, pdf);
}

static void
append_text_part (GString    *text,
                  const char *boundary,
                  const char *mime_type,
                  const char *body)
{
  g_string_append_printf (text,
                          "--%s\r\nContent-Type: %s; charset=utf-8\r\n\r\n%s\r\n",
                          boundary, mime_type, body);
}

static GString *
begin_mail (const char *subject,
            const char *from,
            const char *content_type)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          "From: %s\r\n"
                          "To: " EMAIL "\r\n"
                          "Subject: %s\r\n"
                          "Date: Thu, 13 Mar 2025 18:00:00 +0100\r\n"
                          "Message-ID: <%s@test.example>\r\n"
                          "MIME-Version: 1.0\r\n"
                          "Content-Type: %s\r\n\r\n",
                          from, subject, g_uuid_string_random (), content_type);

  return text;
}

/* A call-sheet mail with one PDF. */
static GBytes *
make_pdf_mail (const char *subject,
               const char *from,
               const char *file_name,
               GBytes     *pdf)
{
  GString *text = begin_mail (subject, from, "multipart/mixed; boundary=\"b1\"");

  append_text_part (text, "b1", "text/plain", "Plan w załączniku.");
  append_pdf_part (text, "b1", "application/pdf", "attachment", file_name, pdf);
  g_string_append (text, "--b1--\r\n");

  return g_string_free_to_bytes (text);
}

/* A PDF that no other test uses: a call sheet with a comment after %%EOF. */
static GBytes *
make_unique_pdf (const char *sheet,
                 const char *tag)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet (sheet);
  GByteArray *bytes = g_byte_array_new ();
  g_autofree char *tail = g_strdup_printf ("\n%% %s\n", tag);

  g_byte_array_append (bytes, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_byte_array_append (bytes, (const guint8 *) tail, strlen (tail));

  return g_byte_array_free_to_bytes (bytes);
}

/* The fixture ----------------------------------------------------------------------- */

static char *
add_mail (Fixture    *f,
          GBytes     *eml,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  char *id = mp2_fake_google_add_mail (f->fake, eml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_hash_table_insert (f->mail_files, g_strdup (id), g_strdup (name));
  g_hash_table_insert (f->mail_ids, g_strdup (name), g_strdup (id));

  return id;
}

static void
add_mailbox (Fixture *f)
{
  g_autofree char *dir = dup_mailbox_path (NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".eml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, ==, 11);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GBytes) eml = load_mailbox_eml (g_ptr_array_index (names, i));
      g_autofree char *id = add_mail (f, eml, g_ptr_array_index (names, i));
    }
}

static const char *
mail_id (Fixture    *f,
         const char *name)
{
  const char *id = g_hash_table_lookup (f->mail_ids, name);

  g_assert_nonnull (id);
  return id;
}

/* The pipeline's handled function: the store knows the candidate's id. */
static gboolean
is_handled_cb (Mp2MailSource *source,
               const char    *id,
               gpointer       user_data)
{
  return mp2_store_has_message (MP2_STORE (user_data), id, NULL);
}

static void
on_marked_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *f = user_data;

  /* a failure here only leaves the mail unlabelled until the next check */
  mp2_mail_source_mark_handled_finish (MP2_MAIL_SOURCE (source), result, NULL);
  f->marking--;
}

/* What the pipeline does: the candidate stored under its id, then marked handled. */
static void
handle_candidate (Fixture          *f,
                  Mp2MailSource    *source,
                  Mp2MailCandidate *candidate)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, candidate->pdf);
  g_autoptr(GError) error = NULL;
  Mp2DocumentOrigin origin = { .message_id = candidate->id };

  g_assert_true (mp2_store_add_message (f->store, &origin, &error));
  g_assert_no_error (error);
  g_hash_table_insert (f->stored, g_strdup (digest),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (f->stored,
                                                                                digest)) + 1));
  f->n_handled++;
  f->marking++;
  mp2_mail_source_mark_handled_async (source, candidate->id, NULL, on_marked_cb, f);
}

static void
on_candidate_found_cb (Mp2MailSource    *source,
                       Mp2MailCandidate *candidate,
                       Fixture          *f)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));

  /* lost in the crash: never stored */
  if (f->crashed)
    return;

  g_ptr_array_add (f->candidates, mp2_mail_candidate_ref (candidate));
  if (f->n_handled < f->handle_limit)
    handle_candidate (f, source, candidate);

  if (f->crash_after > 0 && f->candidates->len == f->crash_after)
    {
      f->crashed = TRUE;
      g_cancellable_cancel (f->cancellable);
    }
}

static void
make_source (Fixture *f)
{
  g_clear_object (&f->source);
  f->source = mp2_gmail_source_new (f->account, f->store, f->settings,
                                    mp2_fake_google_get_url (f->fake));
  mp2_mail_source_set_handled_func (MP2_MAIL_SOURCE (f->source), is_handled_cb,
                                    g_object_ref (f->store), g_object_unref);
  g_signal_connect (f->source, "candidate-found", G_CALLBACK (on_candidate_found_cb), f);
}

static void
sign_in (Fixture *f)
{
  g_autofree char *refresh_token = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_google_issue_tokens (f->fake, MP2_GOOGLE_SCOPES, NULL, &refresh_token);
  secret_password_store_sync (mp2_google_account_get_secret_schema (), NULL, "Film Schedule test",
                              refresh_token, NULL, &error,
                              "kind", "refresh-token",
                              "client-id", MP2_FAKE_GOOGLE_CLIENT_ID,
                              "email", EMAIL,
                              NULL);
  g_assert_no_error (error);

  g_assert_true (mp2_test_account_load (f->account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_google_account_get_state (f->account), ==, MP2_ACCOUNT_STATE_SIGNED_IN);
  g_assert_cmpstr (mp2_google_account_get_email (f->account), ==, EMAIL);
}

static void
reset_settings (GSettings *settings)
{
  const char *keys[] = { "subject-filter", "sender-filter", "gmail-newer-than-days",
                         "gmail-mark-read", "poll-interval-minutes" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
fixture_set_up_signed_out (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->fake = mp2_fake_google_new (&error);
  g_assert_no_error (error);
  mp2_fake_google_export_environment (f->fake);

  f->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (f->http, TRUE);
  mp2_http_client_set_retry_policy (f->http, 10, 50, 4);
  mp2_http_client_set_max_retry_after (f->http, 3);
  mp2_http_client_set_breaker (f->http, 1000, 1);
  mp2_http_client_set_default_timeout (f->http, 2);
  f->account = mp2_google_account_new (f->http, MP2_FAKE_GOOGLE_CLIENT_ID,
                                       MP2_FAKE_GOOGLE_CLIENT_SECRET);
  mp2_test_account_clear_keyring ();

  f->dir = g_dir_make_tmp ("mp2-gmail-source-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = mp2_store_open (f->dir, &error);
  g_assert_no_error (error);

  f->settings = g_settings_new ("com.mp2.FilmSchedule");
  reset_settings (f->settings);

  f->cancellable = g_cancellable_new ();
  f->mail_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->mail_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_mail_candidate_unref);
  f->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->handle_limit = G_MAXUINT;

  make_source (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_set_up_signed_out (f, data);
  sign_in (f);
}

static gboolean
nothing_marking (gpointer user_data)
{
  Fixture *f = user_data;

  return f->marking == 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  mp2_test_wait_until (nothing_marking, f, WAIT_SECONDS, "the marks");
  mp2_fake_google_assert_no_violations (f->fake);

  if (f->source != NULL)
    g_object_run_dispose (G_OBJECT (f->source));
  g_clear_object (&f->source);
  /* what the source still had in flight ends, cancelled */
  mp2_test_run_for (50);

  mp2_test_account_clear_keyring ();
  g_clear_object (&f->cancellable);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  mp2_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->account);
  g_clear_object (&f->http);
  g_clear_object (&f->fake);
  g_clear_pointer (&f->mail_files, g_hash_table_unref);
  g_clear_pointer (&f->mail_ids, g_hash_table_unref);
  g_clear_pointer (&f->candidates, g_ptr_array_unref);
  g_clear_pointer (&f->stored, g_hash_table_unref);
}

/* Steps ------------------------------------------------------------------------------ */

static gboolean
check (Fixture  *f,
       GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gboolean ok;

  mp2_mail_source_check_async (MP2_MAIL_SOURCE (f->source), f->cancellable,
                               mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "a check");
  ok = mp2_mail_source_check_finish (MP2_MAIL_SOURCE (f->source), result, error);
  mp2_test_wait_until (nothing_marking, f, WAIT_SECONDS, "the marks");

  return ok;
}

static void
check_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (check (f, &error));
  g_assert_no_error (error);
}

/* How many requests reached the fake's @endpoint (a glob) since the last reset. */
static guint
requests (Fixture    *f,
          const char *endpoint)
{
  return mp2_fake_google_get_request_count (f->fake, endpoint);
}

static char *
dup_stored_history (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = mp2_gmail_source_build_query (f->settings);
  g_autofree char *key = _mp2_gmail_sync_state_key (EMAIL, query);
  char *history_id = mp2_store_get_sync_state (f->store, key, &error);

  g_assert_no_error (error);
  return history_id;
}

static char *
dup_fake_history (Fixture *f)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, mp2_fake_google_get_history_id (f->fake));
}

typedef struct
{
  Fixture    *f;
  const char *history_id;
} StoredHistory;

static gboolean
history_is_stored (gpointer user_data)
{
  StoredHistory *wanted = user_data;
  g_autofree char *stored = dup_stored_history (wanted->f);

  return g_strcmp0 (stored, wanted->history_id) == 0;
}

static void
wait_for_stored_history (Fixture    *f,
                         const char *history_id)
{
  StoredHistory wanted = { f, history_id };

  mp2_test_wait_until (history_is_stored, &wanted, WAIT_SECONDS, "the stored history id");
}

static gboolean
history_is_stored_since (gpointer user_data)
{
  StoredHistory *wanted = user_data;
  g_autofree char *stored = dup_stored_history (wanted->f);

  return stored != NULL
         && g_ascii_strtoull (stored, NULL, 10) >= g_ascii_strtoull (wanted->history_id, NULL, 10);
}

/* A check that followed an earlier one took the mailbox's history id when it began,
 * which the labels of that earlier one had moved on. */
static void
wait_for_stored_history_since (Fixture    *f,
                               const char *history_id)
{
  StoredHistory wanted = { f, history_id };

  mp2_test_wait_until (history_is_stored_since, &wanted, WAIT_SECONDS,
                       "a stored history id");
}

static gboolean
has_message (Fixture    *f,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  gboolean known = mp2_store_has_message (f->store, id, &error);

  g_assert_no_error (error);
  return known;
}

static gboolean
mail_has_label (Fixture    *f,
                const char *id,
                const char *label_id)
{
  g_auto(GStrv) labels = mp2_fake_google_dup_mail_labels (f->fake, id);

  g_assert_nonnull (labels);
  return g_strv_contains ((const char * const *) labels, label_id);
}

/* How many candidates of the mail @id were emitted. */
static guint
count_candidates_of (Fixture    *f,
                     const char *id)
{
  g_autofree char *prefix = g_strconcat (id, "/", NULL);
  guint count = 0;

  for (guint i = 0; i < f->candidates->len; i++)
    {
      Mp2MailCandidate *candidate = g_ptr_array_index (f->candidates, i);

      if (g_str_has_prefix (candidate->id, prefix))
        count++;
    }

  return count;
}

static void
assert_each_candidate_once (Fixture *f)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < f->candidates->len; i++)
    {
      Mp2MailCandidate *candidate = g_ptr_array_index (f->candidates, i);
      char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, candidate->pdf);

      g_assert_true (g_hash_table_add (ids, candidate->id));
      g_assert_true (g_hash_table_add (digests, digest));
    }
}

/* Every PDF of the call-sheet mails emitted once, with its mail's subject, sender,
 * date and file name, and its bytes those of the .eml. */
static void
assert_call_sheets_emitted (Fixture *f)
{
  g_assert_cmpuint (f->candidates->len, ==, N_CALL_SHEET_PDFS);
  assert_each_candidate_once (f);

  for (guint i = 0; i < G_N_ELEMENTS (call_sheet_mails); i++)
    {
      g_autoptr(GBytes) eml = load_mailbox_eml (call_sheet_mails[i]);
      g_autoptr(CamelMimeMessage) message = parse_eml (eml);
      g_autoptr(GPtrArray) expected = dup_eml_pdf_digests (eml);
      g_autofree char *from = camel_address_format (
        CAMEL_ADDRESS (camel_mime_message_get_from (message)));
      const char *id = mail_id (f, call_sheet_mails[i]);
      g_autofree char *prefix = g_strconcat (id, "/", NULL);
      guint found = 0;

      for (guint j = 0; j < f->candidates->len; j++)
        {
          Mp2MailCandidate *candidate = g_ptr_array_index (f->candidates, j);
          g_autofree char *digest = NULL;
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          if (!g_str_has_prefix (candidate->id, prefix))
            continue;

          found++;
          digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, candidate->pdf);
          g_assert_true (g_ptr_array_find_with_equal_func (expected, digest, g_str_equal, NULL));
          g_assert_cmpstr (candidate->subject, ==, camel_mime_message_get_subject (message));
          g_assert_cmpstr (candidate->sender, ==, from);
          g_assert_nonnull (candidate->file_name);
          g_assert_true (has_pdf_name (candidate->file_name));
          g_assert_cmpint (g_date_time_difference (now, candidate->date), <,
                           300 * G_TIME_SPAN_SECOND);
        }
      g_assert_cmpuint (found, ==, expected->len);
    }
}

/* The first check of the mailbox, every candidate stored and marked handled. */
static char *
first_sync (Fixture *f)
{
  g_autofree char *history_id = NULL;

  add_mailbox (f);
  history_id = dup_fake_history (f);
  check_ok (f);
  assert_call_sheets_emitted (f);
  wait_for_stored_history (f, history_id);

  return g_steal_pointer (&history_id);
}

/* Tests -------------------------------------------------------------------------------- */

static void
test_first_sync (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *history_id = NULL;
  const char *label_id;
  const char *id;

  history_id = first_sync (f);

  /* the profile first, then one page of the search, each listed mail read once */
  g_assert_cmpuint (requests (f, "gmail.users.getProfile"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.messages.list"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.messages.get"), ==,
                    G_N_ELEMENTS (call_sheet_mails));
  g_assert_cmpuint (mp2_fake_google_get_request_count (f->fake,
                                                       "gmail.users.messages.attachments.get"),
                    ==, N_CALL_SHEET_PDFS);
  g_assert_cmpuint (requests (f, "gmail.users.history.list"), ==, 0);

  /* a file name decoded from RFC 2231, a PDF sent as application/octet-stream */
  id = mail_id (f, "email_pl_subject.eml");
  g_assert_cmpuint (count_candidates_of (f, id), ==, 1);
  id = mail_id (f, "plan_t4_01_octet_stream.eml");
  g_assert_cmpuint (count_candidates_of (f, id), ==, 1);
  for (guint i = 0; i < f->candidates->len; i++)
    {
      Mp2MailCandidate *candidate = g_ptr_array_index (f->candidates, i);

      if (g_str_has_prefix (candidate->id, mail_id (f, "email_pl_subject.eml")))
        {
          g_assert_cmpstr (candidate->file_name, ==, "MP2_Plan_zdjęciowy_dzień_12.pdf");
          g_assert_cmpstr (candidate->subject, ==, "MP2 Plan Zdjęciowy – Dzień 12");
          g_assert_cmpstr (candidate->sender, ==,
                           "Biuro produkcji MP2 <produkcja@mp2.kadrnova.example>");
        }
      if (g_str_has_prefix (candidate->id, mail_id (f, "plan_t4_01_octet_stream.eml")))
        g_assert_cmpstr (candidate->file_name, ==, "Plan zdjęciowy 18.07.pdf");
    }

  /* every call-sheet mail labelled once the label was made, once; still unread */
  label_id = mp2_fake_google_lookup_label (f->fake, LABEL);
  g_assert_nonnull (label_id);
  g_assert_cmpuint (requests (f, "gmail.users.labels.create"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.labels.list"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (call_sheet_mails); i++)
    {
      id = mail_id (f, call_sheet_mails[i]);
      g_assert_true (mail_has_label (f, id, label_id));
      g_assert_true (mail_has_label (f, id, "UNREAD"));
      g_assert_true (has_message (f, id));
    }
  g_assert_false (mail_has_label (f, mail_id (f, "invoice_not_a_call_sheet.eml"), label_id));
  g_assert_false (has_message (f, mail_id (f, "invoice_not_a_call_sheet.eml")));

  g_assert_cmpint (mp2_gmail_source_get_status (f->source), ==, MP2_GMAIL_SOURCE_IDLE);
  g_assert_null (mp2_gmail_source_get_last_error (f->source));
  g_assert_nonnull (mp2_gmail_source_get_last_check (f->source));
  g_assert_cmpstr (mp2_mail_source_get_name (MP2_MAIL_SOURCE (f->source)), ==, "Gmail");
}

/* A check with nothing new costs one request: history.list. */
static void
test_idle_check (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *history_id = first_sync (f);
  guint n_candidates = f->candidates->len;

  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);
  g_assert_cmpuint (requests (f, "*"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.history.list"), ==, 1);
  g_assert_cmpuint (f->candidates->len, ==, n_candidates);

  /* and again, with a new source on the same store (the app started again) */
  make_source (f);
  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);
  g_assert_cmpuint (requests (f, "gmail.*"), ==, 1);
  g_assert_cmpuint (f->candidates->len, ==, n_candidates);
}

/* A new call sheet comes through history.list, alone; a note without PDF and a mail
 * the filter turns down are recorded and never read again. */
static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *history_id = first_sync (f);
  g_autofree char *new_history_id = NULL;
  g_autoptr(GBytes) pdf = make_unique_pdf ("T1_01.pdf", "incremental");
  g_autoptr(GBytes) eml = make_pdf_mail ("Plan zdjęciowy – dzień 13",
                                         "Biuro <biuro@proba.example>", "plan_13.pdf", pdf);
  g_autoptr(GBytes) note = load_mailbox_eml ("note_without_pdf.eml");
  g_autoptr(GBytes) invoice = load_mailbox_eml ("invoice_not_a_call_sheet.eml");
  g_autofree char *new_id = add_mail (f, eml, "new");
  g_autofree char *note_id = add_mail (f, note, "note-2");
  g_autofree char *invoice_id = add_mail (f, invoice, "invoice-2");
  g_autofree char *stored = NULL;
  Mp2MailCandidate *candidate;

  new_history_id = dup_fake_history (f);
  f->handle_limit = f->n_handled;
  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);

  g_assert_cmpuint (f->candidates->len, ==, N_CALL_SHEET_PDFS + 1);
  candidate = g_ptr_array_index (f->candidates, N_CALL_SHEET_PDFS);
  g_assert_true (g_str_has_prefix (candidate->id, new_id));
  g_assert_true (g_bytes_equal (candidate->pdf, pdf));
  g_assert_cmpstr (candidate->subject, ==, "Plan zdjęciowy – dzień 13");
  g_assert_cmpstr (candidate->file_name, ==, "plan_13.pdf");
  g_assert_cmpuint (requests (f, "gmail.users.history.list"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.messages.list"), ==, 0);
  g_assert_cmpuint (requests (f, "gmail.users.getProfile"), ==, 0);
  g_assert_cmpuint (requests (f, "gmail.users.messages.get"), ==, 3);
  g_assert_cmpuint (mp2_fake_google_get_request_count (f->fake,
                                                       "gmail.users.messages.attachments.get"),
                    ==, 1);
  g_assert_true (has_message (f, note_id));
  g_assert_true (has_message (f, invoice_id));
  g_assert_false (has_message (f, new_id));

  /* the new candidate is not handled: the history id stays */
  stored = dup_stored_history (f);
  g_assert_cmpstr (stored, ==, history_id);

  /* the same range again: nothing read, nothing offered twice */
  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);
  g_assert_cmpuint (requests (f, "gmail.*"), ==, 1);
  g_assert_cmpuint (f->candidates->len, ==, N_CALL_SHEET_PDFS + 1);

  /* handled: the mail is labelled and recorded, the history id moves on */
  handle_candidate (f, MP2_MAIL_SOURCE (f->source), candidate);
  wait_for_stored_history (f, new_history_id);
  g_assert_true (has_message (f, new_id));
  g_assert_true (mail_has_label (f, new_id, mp2_fake_google_lookup_label (f->fake, LABEL)));
  g_assert_false (mail_has_label (f, note_id, mp2_fake_google_lookup_label (f->fake, LABEL)));

  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);
  g_assert_cmpuint (requests (f, "gmail.*"), ==, 1);
}

/* Another subject word in Preferences: the mailbox is searched again with it, the
 * older mail it now takes in is offered, and no mail read before is read again. */
static void
test_search_changed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_unique_pdf ("T2_01.pdf", "search-changed");
  g_autoptr(GBytes) eml = make_pdf_mail ("Harmonogram na czwartek", "Biuro <biuro@proba.example>",
                                         "harmonogram.pdf", pdf);
  g_autofree char *old_id = add_mail (f, eml, "harmonogram");
  g_autofree char *history_id = first_sync (f);
  g_autofree char *stored = NULL;
  g_auto(GStrv) words = g_settings_get_strv (f->settings, "subject-filter");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) more_words = NULL;
  Mp2MailCandidate *candidate;

  /* not a call-sheet subject for the first search */
  g_assert_cmpuint (f->candidates->len, ==, N_CALL_SHEET_PDFS);

  g_strv_builder_addv (builder, (const char **) words);
  g_strv_builder_add (builder, "harmonogram");
  more_words = g_strv_builder_end (builder);
  g_settings_set_strv (f->settings, "subject-filter", (const char * const *) more_words);
  g_assert_null (dup_stored_history (f));

  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);
  g_assert_cmpuint (requests (f, "gmail.users.messages.list"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.history.list"), ==, 0);
  /* the mails read before are known to the store: only the new one is fetched */
  g_assert_cmpuint (requests (f, "gmail.users.messages.get"), ==, 1);
  g_assert_cmpuint (f->candidates->len, ==, N_CALL_SHEET_PDFS + 1);
  candidate = g_ptr_array_index (f->candidates, N_CALL_SHEET_PDFS);
  g_assert_true (g_str_has_prefix (candidate->id, old_id));
  g_assert_true (g_bytes_equal (candidate->pdf, pdf));

  /* handled, its history id is kept under the new search; the next check is one
   * history.list */
  wait_for_stored_history_since (f, history_id);
  stored = dup_stored_history (f);
  g_assert_nonnull (stored);
  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);
  g_assert_cmpuint (requests (f, "gmail.*"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.history.list"), ==, 1);
}

/* A history id Gmail forgot (404): the mailbox is searched again, and only what is
 * new is read and offered. */
static void
test_history_expired (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *history_id = first_sync (f);
  g_autofree char *new_history_id = NULL;
  g_autoptr(GBytes) pdf = make_unique_pdf ("T2_02.pdf", "expired");
  g_autoptr(GBytes) eml = make_pdf_mail ("Call sheet – day 14", "AD <ad@film.example>",
                                         "day14.pdf", pdf);
  g_autofree char *new_id = add_mail (f, eml, "new");
  guint fault;

  new_history_id = dup_fake_history (f);
  fault = mp2_fake_google_add_fault (f->fake, "gmail.users.history.list",
                                     MP2_FAKE_FAULT_HISTORY_TOO_OLD, 0, 1);
  mp2_fake_google_reset_request_counts (f->fake);
  check_ok (f);

  g_assert_cmpuint (mp2_fake_google_get_fault_hits (f->fake, fault), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.getProfile"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.messages.list"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.messages.get"), ==, 1);
  g_assert_cmpuint (f->candidates->len, ==, N_CALL_SHEET_PDFS + 1);
  assert_each_candidate_once (f);
  g_assert_cmpuint (count_candidates_of (f, new_id), ==, 1);
  wait_for_stored_history (f, new_history_id);
}

/* "gmail-mark-read": the label, and UNREAD removed. */
static void
test_mark_read (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *history_id = NULL;
  const char *label_id;

  g_settings_set_boolean (f->settings, "gmail-mark-read", TRUE);
  history_id = first_sync (f);

  label_id = mp2_fake_google_lookup_label (f->fake, LABEL);
  for (guint i = 0; i < G_N_ELEMENTS (call_sheet_mails); i++)
    {
      const char *id = mail_id (f, call_sheet_mails[i]);

      g_assert_true (mail_has_label (f, id, label_id));
      g_assert_false (mail_has_label (f, id, "UNREAD"));
    }
  g_assert_true (mail_has_label (f, mail_id (f, "note_without_pdf.eml"), "UNREAD"));
}

/* A label the user made by hand, in another case, is used, not made again. */
static void
test_existing_label (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *label_id = mp2_fake_google_add_label (f->fake, "film schedule");
  g_autofree char *history_id = first_sync (f);

  g_assert_cmpuint (requests (f, "gmail.users.labels.create"), ==, 0);
  g_assert_cmpuint (requests (f, "gmail.users.labels.list"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (call_sheet_mails); i++)
    g_assert_true (mail_has_label (f, mail_id (f, call_sheet_mails[i]), label_id));
}

/* The history id waits for the last candidate of the check. */
static void
test_history_waits_for_handling (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *history_id = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  add_mailbox (f);
  history_id = dup_fake_history (f);
  f->handle_limit = 0;
  check_ok (f);
  assert_call_sheets_emitted (f);

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_mail_candidate_unref);
  for (guint i = 0; i < f->candidates->len; i++)
    g_ptr_array_add (candidates, mp2_mail_candidate_ref (g_ptr_array_index (f->candidates, i)));
  for (guint i = 0; i + 1 < candidates->len; i++)
    handle_candidate (f, MP2_MAIL_SOURCE (f->source), g_ptr_array_index (candidates, i));
  mp2_test_wait_until (nothing_marking, f, WAIT_SECONDS, "the marks");
  mp2_test_run_for (100);
  stored = dup_stored_history (f);
  g_assert_null (stored);

  handle_candidate (f, MP2_MAIL_SOURCE (f->source),
                    g_ptr_array_index (candidates, candidates->len - 1));
  wait_for_stored_history (f, history_id);
}

/* The same PDF in two mails of one check is offered once; both mails are labelled
 * once it is handled. */
static void
test_duplicate_pdf (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_unique_pdf ("T3_01.pdf", "twice");
  g_autoptr(GBytes) first = make_pdf_mail ("Call sheet – day 2", "PM <pm@film.example>",
                                           "day2.pdf", pdf);
  g_autoptr(GBytes) again = make_pdf_mail ("Fwd: Call sheet – day 2", "Me <me@film.example>",
                                           "day2 (1).pdf", pdf);
  g_autofree char *first_id = add_mail (f, first, "first");
  g_autofree char *again_id = add_mail (f, again, "again");
  g_autofree char *history_id = dup_fake_history (f);
  const char *label_id;

  check_ok (f);
  g_assert_cmpuint (f->candidates->len, ==, 1);
  wait_for_stored_history (f, history_id);

  label_id = mp2_fake_google_lookup_label (f->fake, LABEL);
  g_assert_true (mail_has_label (f, first_id, label_id));
  g_assert_true (mail_has_label (f, again_id, label_id));
  g_assert_true (has_message (f, first_id));
  g_assert_true (has_message (f, again_id));
}

/* A PDF over MP2_GMAIL_MAX_ATTACHMENT_SIZE is not downloaded; a mail with nothing
 * else is recorded without a label. */
static void
test_too_big (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) small = make_unique_pdf ("T4_02.pdf", "small");
  g_autoptr(GByteArray) big_bytes = g_byte_array_sized_new (MP2_GMAIL_MAX_ATTACHMENT_SIZE + 1);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) both = NULL;
  g_autoptr(GBytes) only_big = NULL;
  g_autofree char *both_id = NULL;
  g_autofree char *big_id = NULL;
  g_autofree char *history_id = NULL;
  GString *text;

  g_byte_array_append (big_bytes, (const guint8 *) "%PDF-1.4\n", 9);
  g_byte_array_set_size (big_bytes, MP2_GMAIL_MAX_ATTACHMENT_SIZE + 1);
  memset (big_bytes->data + 9, ' ', big_bytes->len - 9);
  big = g_byte_array_free_to_bytes (g_steal_pointer (&big_bytes));

  text = begin_mail ("Call sheet and a huge scan", "PM <pm@film.example>",
                     "multipart/mixed; boundary=\"b1\"");
  append_pdf_part (text, "b1", "application/pdf", "attachment", "scan.pdf", big);
  append_pdf_part (text, "b1", "application/pdf", "attachment", "sheet.pdf", small);
  g_string_append (text, "--b1--\r\n");
  both = g_string_free_to_bytes (text);
  both_id = add_mail (f, both, "both");

  only_big = make_pdf_mail ("Call sheet scan", "PM <pm@film.example>", "scan.pdf", big);
  big_id = add_mail (f, only_big, "big");
  history_id = dup_fake_history (f);

  check_ok (f);
  g_assert_cmpuint (f->candidates->len, ==, 1);
  g_assert_true (g_bytes_equal (((Mp2MailCandidate *) g_ptr_array_index (f->candidates, 0))->pdf,
                                small));
  g_assert_cmpuint (mp2_fake_google_get_request_count (f->fake,
                                                       "gmail.users.messages.attachments.get"),
                    ==, 1);
  wait_for_stored_history (f, history_id);
  g_assert_true (has_message (f, both_id));
  g_assert_true (has_message (f, big_id));
  g_assert_true (mail_has_label (f, both_id, mp2_fake_google_lookup_label (f->fake, LABEL)));
  g_assert_false (mail_has_label (f, big_id, mp2_fake_google_lookup_label (f->fake, LABEL)));
}

/* PDFs deep in the tree: in multipart/related inside multipart/alternative, and in
 * a mail forwarded as an attachment (message/rfc822), under a name in capitals. */
static void
test_nested_parts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) inner_pdf = make_unique_pdf ("T2_01.pdf", "related");
  g_autoptr(GBytes) forwarded_pdf = make_unique_pdf ("T1_02.pdf", "forwarded");
  g_autoptr(GBytes) eml = NULL;
  g_autoptr(GPtrArray) digests = NULL;
  g_autofree char *id = NULL;
  GString *text;

  text = begin_mail ("Plan zdjęciowy (forwarded)", "AD <ad@film.example>",
                     "multipart/mixed; boundary=\"outer\"");
  g_string_append (text, "--outer\r\n"
                         "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n");
  append_text_part (text, "alt", "text/plain", "See the plan.");
  g_string_append (text, "--alt\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n");
  append_text_part (text, "rel", "text/html", "<p>See the plan.</p>");
  append_pdf_part (text, "rel", "application/pdf", "inline", "plan.pdf", inner_pdf);
  g_string_append (text, "--rel--\r\n--alt--\r\n");
  g_string_append (text, "--outer\r\nContent-Type: message/rfc822\r\n"
                         "Content-Disposition: attachment\r\n\r\n"
                         "From: PM <pm@film.example>\r\nSubject: Call sheet\r\n"
                         "MIME-Version: 1.0\r\n"
                         "Content-Type: multipart/mixed; boundary=\"fwd\"\r\n\r\n");
  append_text_part (text, "fwd", "text/plain", "Attached.");
  append_pdf_part (text, "fwd", "application/octet-stream", "attachment", "SHEET.PDF",
                   forwarded_pdf);
  g_string_append (text, "--fwd--\r\n--outer--\r\n");
  eml = g_string_free_to_bytes (text);
  id = add_mail (f, eml, "nested");

  check_ok (f);
  g_assert_cmpuint (f->candidates->len, ==, 2);
  digests = dup_eml_pdf_digests (eml);
  g_assert_cmpuint (digests->len, ==, 2);
  for (guint i = 0; i < f->candidates->len; i++)
    {
      Mp2MailCandidate *candidate = g_ptr_array_index (f->candidates, i);
      g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, candidate->pdf);

      g_assert_true (g_ptr_array_find_with_equal_func (digests, digest, g_str_equal, NULL));
    }
  assert_each_candidate_once (f);
}

/* A check while one runs joins it. */
static void
test_joined_checks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  add_mailbox (f);
  mp2_mail_source_check_async (MP2_MAIL_SOURCE (f->source), NULL, mp2_test_on_result_cb, &first);
  g_assert_cmpint (mp2_gmail_source_get_status (f->source), ==, MP2_GMAIL_SOURCE_CHECKING);
  mp2_mail_source_check_async (MP2_MAIL_SOURCE (f->source), NULL, mp2_test_on_result_cb, &second);
  mp2_test_wait_for_result (&first, WAIT_SECONDS, "the first check");
  mp2_test_wait_for_result (&second, WAIT_SECONDS, "the second check");

  g_assert_true (mp2_mail_source_check_finish (MP2_MAIL_SOURCE (f->source), first, &error));
  g_assert_no_error (error);
  g_assert_true (mp2_mail_source_check_finish (MP2_MAIL_SOURCE (f->source), second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests (f, "gmail.users.getProfile"), ==, 1);
  g_assert_cmpuint (requests (f, "gmail.users.messages.list"), ==, 1);
  assert_call_sheets_emitted (f);
}

static gboolean
is_idle (gpointer user_data)
{
  Fixture *f = user_data;

  return mp2_gmail_source_get_status (f->source) == MP2_GMAIL_SOURCE_IDLE;
}

/* Four mails are read at once: with each answer 250 ms late, the nine mails (a
 * messages.get and an attachments.get each) take three rounds, not one nor nine. */
static void
test_four_at_once (Fixture       *f,
                   gconstpointer  data)
{
  gint64 started;
  gint64 elapsed_ms;

  add_mailbox (f);
  f->handle_limit = 0;
  mp2_fake_google_set_latency (f->fake, 250);
  started = g_get_monotonic_time ();
  check_ok (f);
  elapsed_ms = (g_get_monotonic_time () - started) / 1000;
  mp2_fake_google_set_latency (f->fake, 0);

  g_test_message ("nine mails in %" G_GINT64_FORMAT " ms", elapsed_ms);
  assert_call_sheets_emitted (f);
  /* the token, the profile, the search, then 3 rounds of 2 requests; five mails at
   * once would make it 2 rounds */
  g_assert_cmpint (elapsed_ms, >=, (3 + 3 * 2) * 250 - 100);
  /* one mail at a time would be 3 + 9 * 2 + 1 (email_two_pdfs has one more) */
  g_assert_cmpint (elapsed_ms, <, (3 + 9 * 2) * 250);
}

/* A check that its caller gives up fails as cancelled. */
static void
test_cancelled_check (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_mailbox (f);
  mp2_fake_google_set_latency (f->fake, 200);
  mp2_mail_source_check_async (MP2_MAIL_SOURCE (f->source), f->cancellable,
                               mp2_test_on_result_cb, &result);
  mp2_test_run_for (50);
  g_cancellable_cancel (f->cancellable);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the cancelled check");
  g_assert_false (mp2_mail_source_check_finish (MP2_MAIL_SOURCE (f->source), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* the next check does not join the one winding down */
  g_assert_cmpint (mp2_gmail_source_get_status (f->source), ==, MP2_GMAIL_SOURCE_CHECKING);
  mp2_mail_source_check_async (MP2_MAIL_SOURCE (f->source), NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the next check");
  g_assert_true (mp2_mail_source_check_finish (MP2_MAIL_SOURCE (f->source), result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests (f, "gmail.users.messages.list"), ==, 1);
  mp2_test_wait_until (nothing_marking, f, WAIT_SECONDS, "the marks");
  assert_call_sheets_emitted (f);
  mp2_test_wait_until (is_idle, f, WAIT_SECONDS, "the end of the check");
  g_assert_null (mp2_gmail_source_get_last_error (f->source));
}

/* The source is dropped after a few candidates (a crash: what came after is lost),
 * and a new one on the same store goes on: every PDF is stored exactly once. */
static void
test_crash_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *history_id = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer times;

  add_mailbox (f);
  history_id = dup_fake_history (f);
  f->crash_after = 4;
  g_assert_false (check (f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (f->crashed);
  g_assert_cmpuint (g_hash_table_size (f->stored), ==, 4);
  g_assert_null (dup_stored_history (f));

  g_object_run_dispose (G_OBJECT (f->source));
  g_clear_object (&f->source);
  mp2_test_run_for (100);

  f->crashed = FALSE;
  f->crash_after = 0;
  g_clear_object (&f->cancellable);
  f->cancellable = g_cancellable_new ();
  make_source (f);
  check_ok (f);

  g_assert_cmpuint (g_hash_table_size (f->stored), ==, N_CALL_SHEET_PDFS);
  g_hash_table_iter_init (&iter, f->stored);
  while (g_hash_table_iter_next (&iter, NULL, &times))
    g_assert_cmpuint (GPOINTER_TO_UINT (times), ==, 1);
  wait_for_stored_history_since (f, history_id);
  for (guint i = 0; i < G_N_ELEMENTS (call_sheet_mails); i++)
    g_assert_true (has_message (f, mail_id (f, call_sheet_mails[i])));
}

typedef struct
{
  const char   *name;
  const char   *endpoint;
  Mp2FakeFault  fault;
  guint         skip;
  guint         seconds;
} FaultCase;

static const FaultCase fault_cases[] = {
  { "500 on the search", "gmail.users.messages.list", MP2_FAKE_FAULT_SERVER_ERROR, 0, 0 },
  { "503 on a mail", "gmail.users.messages.get", MP2_FAKE_FAULT_UNAVAILABLE, 2, 0 },
  { "429 on a mail", "gmail.users.messages.get", MP2_FAKE_FAULT_RATE_LIMIT, 3, 0 },
  { "429 with Retry-After", "gmail.users.messages.attachments.get",
    MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER, 1, 1 },
  { "429 with a Retry-After date", "gmail.users.getProfile",
    MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE, 0, 1 },
  { "403 usageLimits", "gmail.users.messages.get", MP2_FAKE_FAULT_QUOTA_RATE_LIMIT, 4, 0 },
  { "403 userRateLimitExceeded", "gmail.users.messages.attachments.get",
    MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT, 5, 0 },
  { "truncated JSON of the search", "gmail.users.messages.list", MP2_FAKE_FAULT_TRUNCATED, 0, 0 },
  { "truncated JSON of an attachment", "gmail.users.messages.attachments.get",
    MP2_FAKE_FAULT_TRUNCATED, 6, 0 },
  { "a hang past the timeout", "gmail.users.messages.get", MP2_FAKE_FAULT_HANG, 5, 4 },
  { "401 in the middle", "gmail.users.messages.attachments.get", MP2_FAKE_FAULT_TOKEN_EXPIRED,
    3, 0 },
  { "500 on the label", "gmail.users.labels.create", MP2_FAKE_FAULT_SERVER_ERROR, 0, 0 },
  { "503 on a label change", "gmail.users.messages.modify", MP2_FAKE_FAULT_UNAVAILABLE, 2, 0 },
};

/* Whatever fails once, a later check gets every PDF, each once. */
static void
test_faults (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (fault_cases); c++)
    {
      const FaultCase *fault_case = &fault_cases[c];
      g_autofree char *history_id = NULL;
      Fixture fixture = { 0 };
      Fixture *f = &fixture;
      gboolean failed_once = FALSE;
      guint fault;
      guint tries;

      g_test_message ("%s", fault_case->name);
      fixture_set_up (f, NULL);
      add_mailbox (f);
      history_id = dup_fake_history (f);
      fault = mp2_fake_google_add_fault (f->fake, fault_case->endpoint, fault_case->fault,
                                         fault_case->skip, 1);
      if (fault_case->seconds > 0)
        mp2_fake_google_set_fault_seconds (f->fake, fault, fault_case->seconds);

      for (tries = 0; tries < 4; tries++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *stored = NULL;

          /* a check after a failed one starts from the mailbox's history id then,
           * which our own labels have moved on */
          if (check (f, &error))
            {
              stored = dup_stored_history (f);
              g_assert_nonnull (stored);
              g_assert_cmpuint (g_ascii_strtoull (stored, NULL, 10), >=,
                                g_ascii_strtoull (history_id, NULL, 10));
              break;
            }

          failed_once = TRUE;
          g_assert_true (error->domain == MP2_HTTP_ERROR || error->domain == MP2_AUTH_ERROR);
          g_assert_cmpint (mp2_gmail_source_get_status (f->source), ==,
                           MP2_GMAIL_SOURCE_FAILED);
          g_assert_nonnull (mp2_gmail_source_get_last_error (f->source));
        }

      g_assert_cmpuint (tries, <, 4);
      g_assert_cmpuint (mp2_fake_google_get_fault_hits (f->fake, fault), ==, 1);
      g_assert_cmpint (mp2_gmail_source_get_status (f->source), ==, MP2_GMAIL_SOURCE_IDLE);
      g_assert_null (mp2_gmail_source_get_last_error (f->source));
      assert_call_sheets_emitted (f);
      for (guint i = 0; i < G_N_ELEMENTS (call_sheet_mails); i++)
        g_assert_true (mail_has_label (f, mail_id (f, call_sheet_mails[i]),
                                       mp2_fake_google_lookup_label (f->fake, LABEL)));

      /* a truncated body is no retry for the client: only that check fails */
      if (fault_case->fault == MP2_FAKE_FAULT_TRUNCATED)
        g_assert_true (failed_once);
      if (fault_case->fault == MP2_FAKE_FAULT_TOKEN_EXPIRED)
        g_assert_cmpuint (requests (f, "oauth2.token"), ==, 2);

      fixture_tear_down (f, NULL);
    }
}

static gboolean
has_checked (gpointer user_data)
{
  Fixture *f = user_data;

  return mp2_gmail_source_get_last_check (f->source) != NULL;
}

/* Not signed in: a check says so; polling waits for the sign-in, then checks. */
static void
test_polling (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_mailbox (f);
  g_assert_false (check (f, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN);

  mp2_gmail_source_set_polling (f->source, TRUE);
  mp2_test_run_for (200);
  g_assert_cmpuint (requests (f, "gmail.*"), ==, 0);
  g_assert_null (mp2_gmail_source_get_last_check (f->source));

  sign_in (f);
  mp2_test_wait_until (has_checked, f, WAIT_SECONDS, "the first poll");
  g_assert_cmpint (mp2_gmail_source_get_status (f->source), ==, MP2_GMAIL_SOURCE_IDLE);
  mp2_test_wait_until (nothing_marking, f, WAIT_SECONDS, "the marks");
  assert_call_sheets_emitted (f);

  /* a new interval re-arms the timer; no check before it */
  mp2_fake_google_reset_request_counts (f->fake);
  g_settings_set_int (f->settings, "poll-interval-minutes", 30);
  mp2_test_run_for (200);
  g_assert_cmpuint (requests (f, "gmail.*"), ==, 0);
  mp2_gmail_source_set_polling (f->source, FALSE);
}

/* Without the fake ---------------------------------------------------------------------- */

static void
test_build_query (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.mp2.FilmSchedule");
  const char *subjects[] = { "plan zdjęciowy", " drabinka ", "", "call \"sheet\"", NULL };
  const char *one[] = { "dispo", NULL };
  const char *senders[] = { "biuro@film.example", "@produkcja.pl", NULL };
  g_autofree char *query = NULL;

  reset_settings (settings);
  query = mp2_gmail_source_build_query (settings);
  g_assert_cmpstr (query, ==,
                   "has:attachment filename:pdf newer_than:30d "
                   "{subject:\"plan zdjęciowy\" subject:drabinka subject:\"call sheet\" "
                   "subject:callsheet subject:dispo subject:\"shooting schedule\"}");
  g_clear_pointer (&query, g_free);

  g_settings_set_strv (settings, "subject-filter", subjects);
  g_settings_set_strv (settings, "sender-filter", senders);
  g_settings_set_int (settings, "gmail-newer-than-days", 7);
  query = mp2_gmail_source_build_query (settings);
  g_assert_cmpstr (query, ==,
                   "has:attachment filename:pdf newer_than:7d "
                   "{subject:\"plan zdjęciowy\" subject:drabinka subject:\"call sheet\"} "
                   "{from:biuro@film.example from:@produkcja.pl}");
  g_clear_pointer (&query, g_free);

  g_settings_set_strv (settings, "subject-filter", one);
  g_settings_set_strv (settings, "sender-filter", NULL);
  query = mp2_gmail_source_build_query (settings);
  g_assert_cmpstr (query, ==, "has:attachment filename:pdf newer_than:7d subject:dispo");
  g_clear_pointer (&query, g_free);

  g_settings_set_strv (settings, "subject-filter", NULL);
  query = mp2_gmail_source_build_query (settings);
  g_assert_cmpstr (query, ==, "has:attachment filename:pdf newer_than:7d");

  reset_settings (settings);
}

static void
test_filter (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.mp2.FilmSchedule");
  const char *senders[] = { "biuro@film.example", "@Produkcja.pl", NULL };
  g_autoptr(Mp2GmailFilter) filter = NULL;
  g_autoptr(Mp2GmailFilter) any_sender = NULL;

  reset_settings (settings);
  any_sender = _mp2_gmail_filter_new (settings);
  g_assert_true (_mp2_gmail_filter_matches (any_sender, "Re: PLAN ZDJĘCIOWY na jutro", NULL));
  g_assert_true (_mp2_gmail_filter_matches (any_sender, "plan zdjeciowy", "a@b.example"));
  g_assert_true (_mp2_gmail_filter_matches (any_sender, "Fwd: Call Sheet – day 3", "x@y.z"));
  g_assert_false (_mp2_gmail_filter_matches (any_sender, "Faktura VAT", "x@y.z"));
  g_assert_false (_mp2_gmail_filter_matches (any_sender, NULL, "x@y.z"));

  g_settings_set_strv (settings, "sender-filter", senders);
  filter = _mp2_gmail_filter_new (settings);
  g_assert_true (_mp2_gmail_filter_matches (filter, "Drabinka", "Biuro <BIURO@film.example>"));
  g_assert_true (_mp2_gmail_filter_matches (filter, "Drabinka", "ad@produkcja.pl"));
  g_assert_true (_mp2_gmail_filter_matches (filter, "Drabinka",
                                            "=?utf-8?q?=C5=81ucja?= <ad@biuro.produkcja.pl>"));
  g_assert_false (_mp2_gmail_filter_matches (filter, "Drabinka", "ad@notprodukcja.pl"));
  g_assert_false (_mp2_gmail_filter_matches (filter, "Drabinka", "other@film.example"));
  g_assert_false (_mp2_gmail_filter_matches (filter, "Drabinka", NULL));
  g_assert_false (_mp2_gmail_filter_matches (filter, "Faktura", "biuro@film.example"));

  reset_settings (settings);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The MIME walk on a messages.get payload written by hand: nested containers, a
 * forwarded mail, a PDF by its name only, inline data, and what is not a PDF. */
static void
test_mime_walk (void)
{
  g_autoptr(JsonObject) payload = parse_object (
    "{\"partId\": \"\", \"mimeType\": \"multipart/mixed\", \"filename\": \"\","
    " \"headers\": [{\"name\": \"Subject\", \"value\": \"=?utf-8?q?Plan_zdj=C4=99ciowy?=\"}],"
    " \"body\": {\"size\": 0}, \"parts\": ["
    "  {\"partId\": \"0\", \"mimeType\": \"multipart/alternative\", \"filename\": \"\","
    "   \"body\": {\"size\": 0}, \"parts\": ["
    "    {\"partId\": \"0.0\", \"mimeType\": \"text/plain\", \"filename\": \"\","
    "     \"body\": {\"size\": 3, \"data\": \"YWJj\"}},"
    "    {\"partId\": \"0.1\", \"mimeType\": \"multipart/related\", \"filename\": \"\","
    "     \"body\": {\"size\": 0}, \"parts\": ["
    "      {\"partId\": \"0.1.0\", \"mimeType\": \"text/html\", \"filename\": \"\","
    "       \"body\": {\"size\": 3, \"data\": \"YWJj\"}},"
    "      {\"partId\": \"0.1.1\", \"mimeType\": \"application/pdf\", \"filename\": \"a.pdf\","
    "       \"body\": {\"size\": 5, \"data\": \"JVBERi0\"}}]}]},"
    "  {\"partId\": \"1\", \"mimeType\": \"message/rfc822\", \"filename\": \"\","
    "   \"body\": {\"size\": 0}, \"parts\": ["
    "    {\"partId\": \"1.0\", \"mimeType\": \"multipart/mixed\", \"filename\": \"\","
    "     \"body\": {\"size\": 0}, \"parts\": ["
    "      {\"partId\": \"1.0.0\", \"mimeType\": \"application/octet-stream\","
    "       \"filename\": \"PLAN.PDF\", \"body\": {\"size\": 120, \"attachmentId\": \"ANGj1\"}},"
    "      {\"partId\": \"1.0.1\", \"mimeType\": \"application/octet-stream\","
    "       \"filename\": \"\", \"headers\": [{\"name\": \"Content-Disposition\","
    "        \"value\": \"attachment; filename*=utf-8''zdj%C4%99cie.pdf\"}],"
    "       \"body\": {\"size\": 7, \"attachmentId\": \"ANGj2\"}}]}]},"
    "  {\"partId\": \"2\", \"mimeType\": \"application/zip\", \"filename\": \"a.zip\","
    "   \"body\": {\"size\": 9, \"attachmentId\": \"ANGj3\"}},"
    "  {\"partId\": \"3\", \"mimeType\": \"text/plain\", \"filename\": \"notes.pdf.txt\","
    "   \"body\": {\"size\": 9, \"attachmentId\": \"ANGj4\"}},"
    "  {\"partId\": \"4\", \"mimeType\": \"application/pdf\", \"filename\": \"empty.pdf\","
    "   \"body\": {\"size\": 0}}]}");
  g_autoptr(GPtrArray) parts = _mp2_gmail_find_pdf_parts (payload);
  g_autofree char *subject = _mp2_gmail_dup_header (payload, "subject");
  Mp2GmailPart *part;

  g_assert_cmpstr (subject, ==, "Plan zdjęciowy");
  g_assert_cmpuint (parts->len, ==, 3);

  part = g_ptr_array_index (parts, 0);
  g_assert_cmpstr (part->part_id, ==, "0.1.1");
  g_assert_cmpstr (part->file_name, ==, "a.pdf");
  g_assert_cmpstr (part->data, ==, "JVBERi0");
  g_assert_null (part->attachment_id);

  part = g_ptr_array_index (parts, 1);
  g_assert_cmpstr (part->part_id, ==, "1.0.0");
  g_assert_cmpstr (part->file_name, ==, "PLAN.PDF");
  g_assert_cmpstr (part->attachment_id, ==, "ANGj1");
  g_assert_cmpint (part->size, ==, 120);

  part = g_ptr_array_index (parts, 2);
  g_assert_cmpstr (part->part_id, ==, "1.0.1");
  g_assert_cmpstr (part->file_name, ==, "zdjęcie.pdf");
}

/* The constructed sample of the contracts: one PDF by attachmentId. */
static void
test_mime_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "contracts", "samples",
                                                 "gmail", "message_get_full.constructed.json",
                                                 NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *sender = NULL;
  JsonObject *message;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  message = json_node_get_object (json_parser_get_root (parser));
  parts = _mp2_gmail_find_pdf_parts (_mp2_gmail_get_object (message, "payload"));
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_nonnull (((Mp2GmailPart *) g_ptr_array_index (parts, 0))->attachment_id);
  g_assert_null (((Mp2GmailPart *) g_ptr_array_index (parts, 0))->data);

  date = _mp2_gmail_dup_date (message);
  g_assert_cmpint (g_date_time_to_unix (date) * 1000, ==,
                   g_ascii_strtoll (_mp2_gmail_get_string (message, "internalDate"), NULL,
                                    10) / 1000 * 1000);
  from = _mp2_gmail_dup_header (_mp2_gmail_get_object (message, "payload"), "From");
  sender = _mp2_gmail_format_sender (from);
  g_assert_cmpstr (sender, ==, "Klinika Przyklad <recepcja@example.org>");
}

static void
assert_decodes (const char *data,
                GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = _mp2_gmail_decode_base64url (data, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));
}

/* base64url with and without padding, the standard alphabet, and garbage. */
static void
test_base64url (void)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet ("T1_01.pdf");

  for (gsize cut = 0; cut < 3; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) - cut);
      g_autofree char *standard = g_base64_encode (g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes));
      g_autofree char *url = g_strdup (standard);
      g_autofree char *unpadded = NULL;

      g_strdelimit (url, "+", '-');
      g_strdelimit (url, "/", '_');
      unpadded = g_strndup (url, strcspn (url, "="));
      g_assert_true (strchr (url, '-') != NULL || strchr (url, '_') != NULL);

      assert_decodes (url, bytes);
      assert_decodes (unpadded, bytes);
      assert_decodes (standard, bytes);
    }

  {
    g_autoptr(GBytes) hello = g_bytes_new_static ("\xfb\xff", 2);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    assert_decodes ("-_8", hello);
    assert_decodes ("-_8=", hello);
    assert_decodes ("-_\n8", hello);

    bytes = _mp2_gmail_decode_base64url ("ab$c", &error);
    g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE);
    g_assert_null (bytes);
    g_clear_error (&error);
    bytes = _mp2_gmail_decode_base64url ("abcde", &error);
    g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gmail-source/query", test_build_query);
  g_test_add_func ("/gmail-source/filter", test_filter);
  g_test_add_func ("/gmail-source/mime-walk", test_mime_walk);
  g_test_add_func ("/gmail-source/mime-sample", test_mime_sample);
  g_test_add_func ("/gmail-source/base64url", test_base64url);

  g_test_add ("/gmail-source/first-sync", Fixture, NULL,
              fixture_set_up, test_first_sync, fixture_tear_down);
  g_test_add ("/gmail-source/idle-check", Fixture, NULL,
              fixture_set_up, test_idle_check, fixture_tear_down);
  g_test_add ("/gmail-source/incremental", Fixture, NULL,
              fixture_set_up, test_incremental, fixture_tear_down);
  g_test_add ("/gmail-source/search-changed", Fixture, NULL,
              fixture_set_up, test_search_changed, fixture_tear_down);
  g_test_add ("/gmail-source/history-expired", Fixture, NULL,
              fixture_set_up, test_history_expired, fixture_tear_down);
  g_test_add ("/gmail-source/mark-read", Fixture, NULL,
              fixture_set_up, test_mark_read, fixture_tear_down);
  g_test_add ("/gmail-source/existing-label", Fixture, NULL,
              fixture_set_up, test_existing_label, fixture_tear_down);
  g_test_add ("/gmail-source/history-waits-for-handling", Fixture, NULL,
              fixture_set_up, test_history_waits_for_handling, fixture_tear_down);
  g_test_add ("/gmail-source/duplicate-pdf", Fixture, NULL,
              fixture_set_up, test_duplicate_pdf, fixture_tear_down);
  g_test_add ("/gmail-source/too-big", Fixture, NULL,
              fixture_set_up, test_too_big, fixture_tear_down);
  g_test_add ("/gmail-source/nested-parts", Fixture, NULL,
              fixture_set_up, test_nested_parts, fixture_tear_down);
  g_test_add ("/gmail-source/joined-checks", Fixture, NULL,
              fixture_set_up, test_joined_checks, fixture_tear_down);
  g_test_add ("/gmail-source/four-at-once", Fixture, NULL,
              fixture_set_up, test_four_at_once, fixture_tear_down);
  g_test_add ("/gmail-source/cancelled-check", Fixture, NULL,
              fixture_set_up, test_cancelled_check, fixture_tear_down);
  g_test_add ("/gmail-source/crash-resume", Fixture, NULL,
              fixture_set_up, test_crash_resume, fixture_tear_down);
  g_test_add ("/gmail-source/polling", Fixture, NULL,
              fixture_set_up_signed_out, test_polling, fixture_tear_down);
  g_test_add_func ("/gmail-source/faults", test_faults);

  return g_test_run ();
}
