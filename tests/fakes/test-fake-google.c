/* test-fake-google.c
 *
 * The fake Google follows the contract: it refuses and records requests that the
 * discovery documents do not allow, and its Gmail and Calendar answer as the real
 * ones do (paths, shapes, quirks, error bodies).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-fake-test.h"
#include "mp2-test-files.h"

#define EVENTS "/calendar/v3/calendars/primary/events"

typedef Mp2FakeTestFixture Fixture;

static char *
load_sample (const char *sample)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "contracts", "samples",
                                                 sample, NULL);
  g_autoptr(GBytes) bytes = mp2_test_load_file (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
add_mailbox_file (Fixture    *fixture,
                  const char *name)
{
  g_autofree char *path = mp2_fake_test_mailbox_path (name);
  g_autoptr(GError) error = NULL;
  char *id = mp2_fake_google_add_mail_file (fixture->fake, path, &error);

  g_assert_no_error (error);

  return id;
}

static gint64
count_results (Fixture    *fixture,
               const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/gmail/v1/users/me/messages?maxResults=500&q=", escaped,
                                       NULL);
  g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", path, NULL);

  g_assert_cmpuint (reply->status, ==, 200);

  return json_object_get_int_member (mp2_fake_test_reply_object (reply), "resultSizeEstimate");
}

static void
test_contract_valid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = add_mailbox_file (fixture, "email_pl_subject.eml");
  g_autofree char *path = g_strconcat ("/gmail/v1/users/me/messages/", id,
                                       "?format=full&prettyPrint=false&fields=id", NULL);
  g_autoptr(Mp2FakeTestReply) list = NULL;
  g_autoptr(Mp2FakeTestReply) get = NULL;

  list = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/messages?q=has%3Aattachment"
                             "&maxResults=10&labelIds=INBOX&labelIds=UNREAD", NULL);
  g_assert_cmpuint (list->status, ==, 200);
  get = mp2_fake_test_call (fixture, "GET", path, NULL);
  g_assert_cmpuint (get->status, ==, 200);

  g_assert_cmpuint (mp2_fake_google_get_violations (fixture->fake)->len, ==, 0);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "gmail.users.messages.*"),
                    ==, 2);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "gmail.users.messages.get"),
                    ==, 1);
}

static void
test_contract_query (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *refused[][2] = {
    { "/gmail/v1/users/me/messages?foo=1", "unknown query parameter 'foo'" },
    { "/gmail/v1/users/me/messages?q=a&q=b", "'q' given twice" },
    { "/gmail/v1/users/me/messages?maxResults=many", "'maxResults' must be an integer" },
    { "/gmail/v1/users/me/messages?includeSpamTrash=yes", "must be true or false" },
    { "/gmail/v1/users/me/messages/1a/attachments/x?format=full", "unknown query parameter" },
    { "/gmail/v1/users/me/messages/1a?format=fancy", "no value 'fancy'" },
    { EVENTS "?orderBy=random", "no value 'random'" },
    { EVENTS "?maxResults=0", "in range" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", refused[i][0],
                                                              NULL);

      g_test_message ("%s", refused[i][0]);
      g_assert_cmpuint (reply->status, ==, 400);
      g_assert_cmpstr (mp2_fake_test_error_reason (reply), ==, "invalid");
      g_assert_nonnull (strstr (json_object_get_string_member (
                                  json_object_get_object_member (
                                    mp2_fake_test_reply_object (reply), "error"), "message"),
                                refused[i][1]));
      mp2_fake_test_expect_violation (fixture, refused[i][1]);
    }
}

static void
test_contract_body (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *refused[][3] = {
    { EVENTS, "{\"summary\": \"x\", \"bogus\": 1, \"start\": {\"date\": \"2025-03-12\"}, "
              "\"end\": {\"date\": \"2025-03-13\"}}", "unknown member 'event.bogus'" },
    { EVENTS, "{\"start\": {\"dateTimes\": \"2025-03-12T10:00:00Z\"}, \"end\": {}}",
      "'event.start.dateTimes'" },
    { EVENTS, "{\"start\": {\"date\": \"2025-03-12\"}, \"end\": {\"date\": \"2025-03-13\"}, "
              "\"reminders\": {\"overrides\": [{\"method\": \"popup\", \"minute\": 5}]}}",
      "'event.reminders.overrides[0].minute'" },
    { EVENTS, "{\"summary\": \"no times\"}", "' is required for calendar.events.insert" },
    { EVENTS, "{\"summary\": 12, \"start\": {\"date\": \"2025-03-12\"}, "
              "\"end\": {\"date\": \"2025-03-13\"}}", "'event.summary' must be a string" },
    { "/gmail/v1/users/me/labels", "{\"name\": \"A\", \"labelListVisibility\": \"sometimes\"}",
      "no value 'sometimes'" },
    { "/gmail/v1/users/me/labels", "[\"Przetworzone\"]", "'label' must be an object" },
    { "/gmail/v1/users/me/labels", "{\"name\": ", "not valid JSON" },
    { EVENTS "?sendUpdates=everyone", "{\"start\": {\"date\": \"2025-03-12\"}, "
                                      "\"end\": {\"date\": \"2025-03-13\"}}",
      "no value 'everyone'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "POST", refused[i][0],
                                                              refused[i][1]);

      g_test_message ("%s", refused[i][1]);
      g_assert_cmpuint (reply->status, ==, 400);
      mp2_fake_test_expect_violation (fixture, refused[i][2]);
    }
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, "primary"), ==, 0);
}

static void
test_contract_paths (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) unknown = NULL;
  g_autoptr(Mp2FakeTestReply) method = NULL;
  g_autoptr(Mp2FakeTestReply) slash = NULL;
  g_autoptr(Mp2FakeTestReply) unimplemented = NULL;
  g_autoptr(Mp2FakeTestReply) body = NULL;

  unknown = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/nothing", NULL);
  g_assert_cmpuint (unknown->status, ==, 404);
  mp2_fake_test_expect_violation (fixture, "no method of the gmail discovery document");

  method = mp2_fake_test_call (fixture, "DELETE", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (method->status, ==, 404);
  mp2_fake_test_expect_violation (fixture, "no DELETE method at this path (only POST, GET)");

  slash = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/labels/", NULL);
  g_assert_cmpuint (slash->status, ==, 404);
  mp2_fake_test_expect_violation (fixture, "has this path");

  unimplemented = mp2_fake_test_call (fixture, "GET", "/calendar/v3/colors", NULL);
  g_assert_cmpuint (unimplemented->status, ==, 501);
  mp2_fake_test_expect_violation (fixture, "calendar.colors.get is in the contract");

  body = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/labels", "{}");
  g_assert_cmpuint (body->status, ==, 400);
  mp2_fake_test_expect_violation (fixture, "takes no request body");
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "unknown"), ==, 3);
}

/* The bodies of the contract's samples are valid requests. */
static void
test_contract_samples (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *insert = load_sample ("calendar/event_insert_request.constructed.json");
  g_autofree char *patch = load_sample ("calendar/event_patch_request.constructed.json");
  g_autofree char *label = load_sample ("gmail/labels_create_request.constructed.json");
  g_autofree char *modify = load_sample ("gmail/messages_modify_request.constructed.json");
  g_autofree char *id = add_mailbox_file (fixture, "email_revised.eml");
  g_autofree char *modify_path = g_strconcat ("/gmail/v1/users/me/messages/", id, "/modify",
                                              NULL);
  g_autofree char *label_id = NULL;
  g_autofree char *modify_body = NULL;
  g_auto(GStrv) halves = NULL;
  g_autoptr(Mp2FakeTestReply) inserted = NULL;
  g_autoptr(Mp2FakeTestReply) patched = NULL;
  g_autoptr(Mp2FakeTestReply) created = NULL;
  g_autoptr(Mp2FakeTestReply) modified = NULL;

  inserted = mp2_fake_test_call (fixture, "POST", EVENTS "?sendUpdates=none", insert);
  g_assert_cmpuint (inserted->status, ==, 200);
  patched = mp2_fake_test_call (fixture, "PATCH", EVENTS "/7k3m9q1s5u2o4e6g8i0cabcdef", patch);
  g_assert_cmpuint (patched->status, ==, 200);
  created = mp2_fake_test_call (fixture, "POST", "/gmail/v1/users/me/labels", label);
  g_assert_cmpuint (created->status, ==, 200);

  label_id = g_strdup (json_object_get_string_member (mp2_fake_test_reply_object (created),
                                                      "id"));
  halves = g_strsplit (modify, "Label_3521894087312", 2);
  modify_body = g_strjoinv (label_id, halves);
  modified = mp2_fake_test_call (fixture, "POST", modify_path, modify_body);
  g_assert_cmpuint (modified->status, ==, 200);
}

static void
test_gmail_message (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_mailbox_file (fixture, "email_pl_subject.eml");
  g_autofree char *get_path = g_strconcat ("/gmail/v1/users/me/messages/", id, NULL);
  g_autofree char *attachment_path = NULL;
  g_autoptr(Mp2FakeTestReply) list = NULL;
  g_autoptr(Mp2FakeTestReply) get = NULL;
  g_autoptr(Mp2FakeTestReply) attachment = NULL;
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet ("email_pl_subject.pdf");
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GBytes) text = NULL;
  JsonObject *message = NULL, *payload = NULL, *part = NULL, *body = NULL;
  JsonArray *messages = NULL, *headers = NULL;
  gboolean subject_seen = FALSE;

  list = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/messages?"
                             "q=has%3Aattachment%20filename%3Apdf%20newer_than%3A2d", NULL);
  g_assert_cmpuint (list->status, ==, 200);
  messages = json_object_get_array_member (mp2_fake_test_reply_object (list), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0),
                                                  "id"), ==, id);

  get = mp2_fake_test_call (fixture, "GET", get_path, NULL);
  g_assert_cmpuint (get->status, ==, 200);
  message = mp2_fake_test_reply_object (get);
  g_assert_true (g_ascii_string_to_unsigned (json_object_get_string_member (message,
                                                                            "internalDate"),
                                             10, 1, G_MAXUINT64, NULL, NULL));
  g_assert_cmpstr (json_object_get_string_member (message, "historyId"), !=, NULL);
  payload = json_object_get_object_member (message, "payload");
  g_assert_cmpstr (json_object_get_string_member (payload, "partId"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (payload, "mimeType"), ==, "multipart/mixed");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (payload, "body"),
                                               "size"), ==, 0);

  headers = json_object_get_array_member (payload, "headers");
  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonObject *header = json_array_get_object_element (headers, i);

      if (g_strcmp0 (json_object_get_string_member (header, "name"), "Subject") == 0)
        {
          /* As in the message, encoded words and all. */
          g_assert_cmpstr (json_object_get_string_member (header, "value"), ==,
                           "=?utf-8?b?TVAyIFBsYW4gWmRqxJljaW93eSDigJMgRHppZcWEIDEy?=");
          subject_seen = TRUE;
        }
    }
  g_assert_true (subject_seen);

  part = json_array_get_object_element (json_object_get_array_member (payload, "parts"), 0);
  g_assert_cmpstr (json_object_get_string_member (part, "partId"), ==, "0");
  g_assert_cmpstr (json_object_get_string_member (part, "mimeType"), ==, "text/plain");
  text = mp2_fake_test_decode_base64url (json_object_get_string_member (
                                           json_object_get_object_member (part, "body"), "data"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                                  "Dzień dobry"));

  part = json_array_get_object_element (json_object_get_array_member (payload, "parts"), 1);
  body = json_object_get_object_member (part, "body");
  g_assert_cmpstr (json_object_get_string_member (part, "partId"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (part, "mimeType"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (part, "filename"), ==,
                   "MP2_Plan_zdjęciowy_dzień_12.pdf");
  g_assert_cmpint (json_object_get_int_member (body, "size"), ==, g_bytes_get_size (pdf));
  g_assert_false (json_object_has_member (body, "data"));

  attachment_path = g_strconcat (get_path, "/attachments/",
                                 json_object_get_string_member (body, "attachmentId"), NULL);
  attachment = mp2_fake_test_call (fixture, "GET", attachment_path, NULL);
  g_assert_cmpuint (attachment->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (mp2_fake_test_reply_object (attachment), "size"),
                   ==, g_bytes_get_size (pdf));
  decoded = mp2_fake_test_decode_base64url (json_object_get_string_member (
                                              mp2_fake_test_reply_object (attachment), "data"));
  g_assert_true (g_bytes_equal (decoded, pdf));
}

static void
test_gmail_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) empty = NULL;
  g_autoptr(Mp2FakeTestReply) missing = NULL;
  g_autoptr(Mp2FakeTestReply) invalid = NULL;
  g_autoptr(Mp2FakeTestReply) other_user = NULL;
  g_autofree char *id = add_mailbox_file (fixture, "note_without_pdf.eml");
  g_autofree char *path = g_strconcat ("/gmail/v1/users/me/messages/", id,
                                       "/attachments/ANGjdJnothing", NULL);
  g_autoptr(Mp2FakeTestReply) attachment = NULL;

  /* `messages` is absent, not [], when nothing matches. */
  empty = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/messages?q=filename%3Apdf",
                              NULL);
  g_assert_cmpuint (empty->status, ==, 200);
  g_assert_false (json_object_has_member (mp2_fake_test_reply_object (empty), "messages"));
  g_assert_cmpint (json_object_get_int_member (mp2_fake_test_reply_object (empty),
                                               "resultSizeEstimate"), ==, 0);

  missing = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/messages/18f0000000000001",
                                NULL);
  g_assert_cmpuint (missing->status, ==, 404);
  g_assert_true (mp2_fake_test_equals_sample (missing,
                                              "gmail/error_404_history_too_old.observed.json"));

  invalid = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/messages/not-an-id", NULL);
  g_assert_cmpuint (invalid->status, ==, 400);

  other_user = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/someone%40example.com/labels",
                                   NULL);
  g_assert_cmpuint (other_user->status, ==, 403);

  attachment = mp2_fake_test_call (fixture, "GET", path, NULL);
  g_assert_cmpuint (attachment->status, ==, 400);
}

static void
test_gmail_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *mailbox = mp2_fake_test_mailbox_path ("");
  g_autoptr(GError) error = NULL;
  guint count = mp2_fake_google_add_mailbox (fixture->fake, mailbox, &error);
  const struct { const char *query; gint64 results; } cases[] = {
    { "", 11 },
    { "has:attachment filename:pdf", 10 },
    { "-has:attachment", 1 },
    { "subject:\"plan zdjęciowy\"", 5 },
    { "subject:\"plan zdjeciowy\"", 5 },
    { "subject:(zdjeciowy OR call)", 9 },
    { "subject:(call sheet) -subject:revised", 3 },
    { "{subject:faktura subject:zmiana}", 3 },
    { "from:kadrnova.example", 4 },
    { "from:(produkcja@mp2.kadrnova.example) has:attachment", 3 },
    { "subject:Łódź", 1 },
    { "subject:lodz filename:\"Plan zdjęciowy 18.07.pdf\"", 1 },
    { "filename:pdf newer_than:7d", 10 },
    { "older_than:1d", 0 },
    { "in:inbox is:unread", 11 },
    { "label:inbox -label:unread", 0 },
    { "rfc822msgid:mp2-0328-v2@kadrnova.example", 1 },
    { "faktura", 1 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 11);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("q=%s", cases[i].query);
      g_assert_cmpint (count_results (fixture, cases[i].query), ==, cases[i].results);
    }
}

static void
test_gmail_paging (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *callsheets = mp2_test_data_path ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *token = NULL;
  g_autoptr(Mp2FakeTestReply) bad = NULL;
  guint pages = 0;

  g_assert_cmpuint (mp2_fake_google_add_synthetic_mails (fixture->fake, 5, callsheets, &error),
                    ==, 5);
  g_assert_no_error (error);

  do
    {
      g_autofree char *path = g_strdup_printf ("/gmail/v1/users/me/messages?maxResults=2%s%s",
                                               token ? "&pageToken=" : "", token ? token : "");
      g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", path, NULL);
      JsonObject *object = mp2_fake_test_reply_object (reply);
      JsonArray *messages = json_object_get_array_member (object, "messages");

      g_assert_cmpint (json_object_get_int_member (object, "resultSizeEstimate"), ==, 5);
      for (guint i = 0; i < json_array_get_length (messages); i++)
        g_hash_table_add (seen, g_strdup (json_object_get_string_member (
                                            json_array_get_object_element (messages, i), "id")));
      g_free (token);
      token = g_strdup (json_object_get_string_member_with_default (object, "nextPageToken",
                                                                    NULL));
      pages++;
    }
  while (token != NULL);

  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);

  bad = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/messages?pageToken=nonsense",
                            NULL);
  g_assert_cmpuint (bad->status, ==, 400);
}

static const char *
get_history_id (Mp2FakeTestReply *reply)
{
  return json_object_get_string_member (mp2_fake_test_reply_object (reply), "historyId");
}

static void
test_gmail_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) profile = NULL;
  g_autoptr(Mp2FakeTestReply) added = NULL;
  g_autoptr(Mp2FakeTestReply) unchanged = NULL;
  g_autoptr(Mp2FakeTestReply) removed = NULL;
  g_autoptr(Mp2FakeTestReply) modify = NULL;
  g_autoptr(Mp2FakeTestReply) too_old = NULL;
  g_autoptr(Mp2FakeTestReply) current = NULL;
  g_autofree char *start = NULL;
  g_autofree char *path = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *id = NULL;
  g_autofree char *modify_path = NULL;
  JsonObject *record = NULL;

  profile = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/profile", NULL);
  start = g_strdup (get_history_id (profile));
  id = add_mailbox_file (fixture, "plan_t2_rev1.eml");

  path = g_strconcat ("/gmail/v1/users/me/history?historyTypes=messageAdded&startHistoryId=",
                      start, NULL);
  added = mp2_fake_test_call (fixture, "GET", path, NULL);
  g_assert_cmpuint (added->status, ==, 200);
  record = json_array_get_object_element (json_object_get_array_member (
                                            mp2_fake_test_reply_object (added), "history"), 0);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_array_get_object_element (json_object_get_array_member (
                                                        record, "messagesAdded"), 0),
                       "message"), "id"), ==, id);
  g_assert_cmpuint (g_ascii_strtoull (get_history_id (added), NULL, 10), >,
                    g_ascii_strtoull (start, NULL, 10));

  /* No change: only the history id. */
  latest = g_strdup_printf ("/gmail/v1/users/me/history?startHistoryId=%s",
                            get_history_id (added));
  unchanged = mp2_fake_test_call (fixture, "GET", latest, NULL);
  g_assert_cmpuint (json_object_get_size (mp2_fake_test_reply_object (unchanged)), ==, 1);
  g_assert_cmpstr (get_history_id (unchanged), ==, get_history_id (added));

  modify_path = g_strconcat ("/gmail/v1/users/me/messages/", id, "/modify", NULL);
  modify = mp2_fake_test_call (fixture, "POST", modify_path, "{\"removeLabelIds\":[\"UNREAD\"]}");
  g_assert_cmpuint (modify->status, ==, 200);
  g_clear_pointer (&latest, g_free);
  latest = g_strdup_printf ("/gmail/v1/users/me/history?historyTypes=labelRemoved&"
                            "startHistoryId=%s", start);
  removed = mp2_fake_test_call (fixture, "GET", latest, NULL);
  record = json_array_get_object_element (json_object_get_array_member (
                                            mp2_fake_test_reply_object (removed), "history"), 0);
  g_assert_true (json_object_has_member (record, "labelsRemoved"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                                             mp2_fake_test_reply_object (removed), "history")),
                    ==, 1);

  /* Gmail forgets: the old start is gone, the current one still works. */
  mp2_fake_google_forget_history (fixture->fake);
  too_old = mp2_fake_test_call (fixture, "GET", path, NULL);
  g_assert_cmpuint (too_old->status, ==, 404);
  g_assert_true (mp2_fake_test_equals_sample (too_old,
                                              "gmail/error_404_history_too_old.observed.json"));
  g_clear_pointer (&latest, g_free);
  latest = g_strdup_printf ("/gmail/v1/users/me/history?startHistoryId=%" G_GUINT64_FORMAT,
                            mp2_fake_google_get_history_id (fixture->fake));
  current = mp2_fake_test_call (fixture, "GET", latest, NULL);
  g_assert_cmpuint (current->status, ==, 200);
}

static void
test_gmail_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = add_mailbox_file (fixture, "callsheet_t1_02.eml");
  g_autofree char *modify_path = g_strconcat ("/gmail/v1/users/me/messages/", id, "/modify",
                                              NULL);
  g_autofree char *body = NULL;
  g_autoptr(Mp2FakeTestReply) list = NULL;
  g_autoptr(Mp2FakeTestReply) created = NULL;
  g_autoptr(Mp2FakeTestReply) duplicate = NULL;
  g_autoptr(Mp2FakeTestReply) modified = NULL;
  g_autoptr(Mp2FakeTestReply) unknown = NULL;
  g_auto(GStrv) labels = NULL;
  const char *label_id = NULL;

  list = mp2_fake_test_call (fixture, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                                             mp2_fake_test_reply_object (list), "labels")),
                    ==, 11);

  created = mp2_fake_test_call (fixture, "POST", "/gmail/v1/users/me/labels",
                                "{\"name\":\"Przetworzone\",\"labelListVisibility\":\"labelShow\","
                                "\"messageListVisibility\":\"show\"}");
  g_assert_cmpuint (created->status, ==, 200);
  label_id = json_object_get_string_member (mp2_fake_test_reply_object (created), "id");
  g_assert_true (g_str_has_prefix (label_id, "Label_"));
  g_assert_cmpstr (mp2_fake_google_lookup_label (fixture->fake, "przetworzone"), ==, label_id);

  duplicate = mp2_fake_test_call (fixture, "POST", "/gmail/v1/users/me/labels",
                                  "{\"name\":\"PRZETWORZONE\",\"labelListVisibility\":"
                                  "\"labelShow\",\"messageListVisibility\":\"show\"}");
  g_assert_cmpuint (duplicate->status, ==, 409);

  body = g_strdup_printf ("{\"addLabelIds\":[\"%s\"],\"removeLabelIds\":[\"UNREAD\"]}", label_id);
  modified = mp2_fake_test_call (fixture, "POST", modify_path, body);
  g_assert_cmpuint (modified->status, ==, 200);
  labels = mp2_fake_google_dup_mail_labels (fixture->fake, id);
  g_assert_true (g_strv_contains ((const char * const *) labels, label_id));
  g_assert_false (g_strv_contains ((const char * const *) labels, "UNREAD"));
  g_assert_cmpint (count_results (fixture, "label:przetworzone"), ==, 1);
  g_assert_cmpint (count_results (fixture, "is:unread"), ==, 0);

  unknown = mp2_fake_test_call (fixture, "POST", modify_path, "{\"addLabelIds\":[\"Label_1\"]}");
  g_assert_cmpuint (unknown->status, ==, 400);
}

static void
test_gmail_formats (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = add_mailbox_file (fixture, "plan_t2_rev1.eml");
  g_autofree char *second = add_mailbox_file (fixture, "plan_t2_rev2.eml");
  g_autofree char *eml_path = mp2_fake_test_mailbox_path ("plan_t2_rev2.eml");
  g_autoptr(GBytes) eml = mp2_test_load_file (eml_path);
  g_autofree char *raw_path = g_strconcat ("/gmail/v1/users/me/messages/", second,
                                           "?format=raw", NULL);
  g_autofree char *meta_path = g_strconcat ("/gmail/v1/users/me/messages/", second,
                                            "?format=metadata&metadataHeaders=Subject", NULL);
  g_autoptr(Mp2FakeTestReply) raw = mp2_fake_test_call (fixture, "GET", raw_path, NULL);
  g_autoptr(Mp2FakeTestReply) meta = mp2_fake_test_call (fixture, "GET", meta_path, NULL);
  JsonObject *message = mp2_fake_test_reply_object (raw);
  const char *text = json_object_get_string_member (message, "raw");
  gsize length = 0;
  g_autofree char *standard = g_strdup (text);
  g_autofree guchar *decoded = NULL;
  JsonArray *headers = NULL;

  /* The revision answers the first mail: one thread. */
  g_assert_cmpstr (json_object_get_string_member (message, "threadId"), ==, first);
  g_assert_false (json_object_has_member (message, "payload"));
  g_strdelimit (standard, "-", '+');
  g_strdelimit (standard, "_", '/');
  decoded = g_base64_decode (standard, &length);
  g_assert_cmpuint (length, ==, g_bytes_get_size (eml));
  g_assert_cmpmem (decoded, length, g_bytes_get_data (eml, NULL), length);

  headers = json_object_get_array_member (json_object_get_object_member (
                                            mp2_fake_test_reply_object (meta), "payload"),
                                          "headers");
  g_assert_cmpuint (json_array_get_length (headers), ==, 1);
}

/* Every mail of tests/data/mailbox parses, with its parts where they belong. */
static void
test_gmail_mailbox (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *octet = add_mailbox_file (fixture, "plan_t4_01_octet_stream.eml");
  g_autofree char *alternative = add_mailbox_file (fixture, "plan_t2_01_alternative.eml");
  g_autofree char *octet_path = g_strconcat ("/gmail/v1/users/me/messages/", octet, NULL);
  g_autofree char *alternative_path = g_strconcat ("/gmail/v1/users/me/messages/", alternative,
                                                   NULL);
  g_autoptr(Mp2FakeTestReply) first = mp2_fake_test_call (fixture, "GET", octet_path, NULL);
  g_autoptr(Mp2FakeTestReply) second = mp2_fake_test_call (fixture, "GET", alternative_path,
                                                           NULL);
  JsonObject *payload = json_object_get_object_member (mp2_fake_test_reply_object (first),
                                                       "payload");
  JsonObject *pdf = json_array_get_object_element (json_object_get_array_member (payload,
                                                                                 "parts"), 1);
  JsonObject *html = NULL;
  const char *data_text = NULL;

  g_assert_cmpstr (json_object_get_string_member (pdf, "mimeType"), ==,
                   "application/octet-stream");
  g_assert_cmpstr (json_object_get_string_member (pdf, "filename"), ==,
                   "Plan zdjęciowy 18.07.pdf");

  payload = json_object_get_object_member (mp2_fake_test_reply_object (second), "payload");
  html = json_array_get_object_element (json_object_get_array_member (
                                          json_array_get_object_element (
                                            json_object_get_array_member (payload, "parts"), 0),
                                          "parts"), 1);
  g_assert_cmpstr (json_object_get_string_member (html, "partId"), ==, "0.1");
  g_assert_cmpstr (json_object_get_string_member (html, "mimeType"), ==, "text/html");
  data_text = json_object_get_string_member (json_object_get_object_member (html, "body"),
                                             "data");
  /* Inline text/html is padded, as in the contract's sample. */
  g_assert_true (strlen (data_text) % 4 == 0);
}

static void
test_gmail_synthetic (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *callsheets = mp2_test_data_path ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mails = mp2_fake_google_make_synthetic_mails (20, callsheets, &error);
  g_autoptr(GHashTable) digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (mails->len, ==, 20);
  for (guint i = 0; i < mails->len; i++)
    {
      g_autofree char *id = mp2_fake_google_add_mail (fixture->fake,
                                                      g_ptr_array_index (mails, i), &error);

      g_assert_no_error (error);
      g_hash_table_add (digests, g_compute_checksum_for_bytes (G_CHECKSUM_SHA256,
                                                               g_ptr_array_index (mails, i)));
    }
  g_assert_cmpuint (g_hash_table_size (digests), ==, 20);
  g_assert_cmpint (count_results (fixture, "subject:(plan zdjęciowy) has:attachment "
                                           "filename:pdf"), ==, 20);
}

static void
test_calendar_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET",
                                                          "/calendar/v3/users/me/calendarList",
                                                          NULL);
  JsonArray *items = json_object_get_array_member (mp2_fake_test_reply_object (reply), "items");
  JsonObject *primary = json_array_get_object_element (items, 0);

  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (primary, "id"), ==,
                   MP2_FAKE_GOOGLE_USER_EMAIL);
  g_assert_true (json_object_get_boolean_member (primary, "primary"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1),
                                                  "id"), ==, MP2_FAKE_GOOGLE_CALENDAR_ID);
}

static Mp2FakeTestReply *
call_with_etag (Fixture    *fixture,
                const char *method,
                const char *path,
                const char *json,
                const char *etag)
{
  g_autofree char *url = g_strconcat (mp2_fake_google_get_url (fixture->fake), path, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture->access_token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "If-Match", etag);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  return mp2_fake_test_send (fixture, msg);
}

static void
test_calendar_events (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *insert = load_sample ("calendar/event_insert_request.constructed.json");
  g_autofree char *patch = load_sample ("calendar/event_patch_request.constructed.json");
  const char *event_path = EVENTS "/7k3m9q1s5u2o4e6g8i0cabcdef";
  g_autoptr(Mp2FakeTestReply) created = mp2_fake_test_call (fixture, "POST", EVENTS, insert);
  g_autoptr(Mp2FakeTestReply) duplicate = NULL;
  g_autoptr(Mp2FakeTestReply) bad_id = NULL;
  g_autoptr(Mp2FakeTestReply) stale = NULL;
  g_autoptr(Mp2FakeTestReply) patched = NULL;
  g_autoptr(Mp2FakeTestReply) deleted = NULL;
  g_autoptr(Mp2FakeTestReply) again = NULL;
  g_autoptr(Mp2FakeTestReply) fetched = NULL;
  g_autoptr(Mp2FakeTestReply) unknown = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *first_etag = NULL;
  g_autofree char *current_etag = NULL;
  JsonObject *event = NULL, *private = NULL;

  g_assert_cmpuint (created->status, ==, 200);
  event = mp2_fake_test_reply_object (created);
  g_assert_cmpstr (json_object_get_string_member (event, "id"), ==, "7k3m9q1s5u2o4e6g8i0cabcdef");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "start"),
                                                  "dateTime"), ==, "2025-03-12T10:00:00+01:00");
  first_etag = g_strdup (json_object_get_string_member (event, "etag"));
  g_assert_true (g_str_has_prefix (first_etag, "\"") && g_str_has_suffix (first_etag, "\""));

  duplicate = mp2_fake_test_call (fixture, "POST", EVENTS, insert);
  g_assert_cmpuint (duplicate->status, ==, 409);
  g_assert_true (mp2_fake_test_equals_sample (duplicate,
                                              "calendar/error_409_duplicate_id.constructed.json"));
  bad_id = mp2_fake_test_call (fixture, "POST", EVENTS, "{\"id\":\"ABC-1\",\"start\":{\"date\":"
                               "\"2025-03-12\"},\"end\":{\"date\":\"2025-03-13\"}}");
  g_assert_cmpuint (bad_id->status, ==, 400);

  /* Edited elsewhere meanwhile: the old etag is stale. */
  g_assert_true (mp2_fake_google_touch_event (fixture->fake, "primary",
                                              "7k3m9q1s5u2o4e6g8i0cabcdef"));
  stale = call_with_etag (fixture, "PATCH", event_path, patch, first_etag);
  g_assert_cmpuint (stale->status, ==, 412);
  g_assert_true (mp2_fake_test_equals_sample (stale,
                                              "calendar/error_412_precondition_failed."
                                              "constructed.json"));

  stored = mp2_fake_google_dup_event (fixture->fake, MP2_FAKE_GOOGLE_USER_EMAIL,
                                      "7k3m9q1s5u2o4e6g8i0cabcdef");
  current_etag = g_strdup (json_object_get_string_member (stored, "etag"));
  patched = call_with_etag (fixture, "PATCH", event_path, patch, current_etag);
  g_assert_cmpuint (patched->status, ==, 200);
  event = mp2_fake_test_reply_object (patched);
  g_assert_cmpstr (json_object_get_string_member (event, "etag"), !=, current_etag);
  g_assert_cmpint (json_object_get_int_member (event, "sequence"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "start"),
                                                  "dateTime"), ==, "2025-03-12T10:30:00+01:00");
  private = json_object_get_object_member (json_object_get_object_member (event,
                                                                          "extendedProperties"),
                                           "private");
  g_assert_cmpstr (json_object_get_string_member (private, "travelMinutes"), ==, "55");
  g_assert_cmpstr (json_object_get_string_member (private, "srcGmailId"), ==, "195a1c2e3f4b5d6e");

  deleted = mp2_fake_test_call (fixture, "DELETE", event_path, NULL);
  g_assert_cmpuint (deleted->status, ==, 204);
  again = mp2_fake_test_call (fixture, "DELETE", event_path, NULL);
  g_assert_cmpuint (again->status, ==, 410);
  g_assert_true (mp2_fake_test_equals_sample (again,
                                              "calendar/error_410_deleted.constructed.json"));
  fetched = mp2_fake_test_call (fixture, "GET", event_path, NULL);
  g_assert_cmpstr (json_object_get_string_member (mp2_fake_test_reply_object (fetched), "status"),
                   ==, "cancelled");
  unknown = mp2_fake_test_call (fixture, "DELETE", EVENTS "/0000000000nothere", NULL);
  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, "primary"), ==, 0);
}

static void
test_calendar_times (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) no_zone = NULL;
  g_autoptr(Mp2FakeTestReply) reversed = NULL;
  g_autoptr(Mp2FakeTestReply) summer = NULL;
  g_autoptr(Mp2FakeTestReply) reminders = NULL;
  g_autofree char *path = g_strdup_printf ("/calendar/v3/calendars/%s/events",
                                           MP2_FAKE_GOOGLE_CALENDAR_ID);

  no_zone = mp2_fake_test_call (fixture, "POST", EVENTS, "{\"start\":{\"dateTime\":"
                                "\"2025-03-12T10:00:00\"},\"end\":{\"dateTime\":"
                                "\"2025-03-12T11:00:00\"}}");
  g_assert_cmpuint (no_zone->status, ==, 400);
  reversed = mp2_fake_test_call (fixture, "POST", EVENTS, "{\"start\":{\"dateTime\":"
                                 "\"2025-03-12T11:00:00Z\"},\"end\":{\"dateTime\":"
                                 "\"2025-03-12T10:00:00Z\"}}");
  g_assert_cmpuint (reversed->status, ==, 400);
  g_assert_cmpstr (mp2_fake_test_error_reason (reversed), ==, "timeRangeEmpty");
  reminders = mp2_fake_test_call (fixture, "POST", EVENTS, "{\"start\":{\"date\":\"2025-03-12\"},"
                                  "\"end\":{\"date\":\"2025-03-13\"},\"reminders\":{"
                                  "\"useDefault\":false,\"overrides\":[{\"method\":\"popup\","
                                  "\"minutes\":50000}]}}");
  g_assert_cmpuint (reminders->status, ==, 400);

  summer = mp2_fake_test_call (fixture, "POST", path, "{\"start\":{\"dateTime\":"
                               "\"2025-07-01T05:00:00Z\",\"timeZone\":\"Europe/Warsaw\"},"
                               "\"end\":{\"dateTime\":\"2025-07-01T18:00:00+02:00\"}}");
  g_assert_cmpuint (summer->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (mp2_fake_test_reply_object (summer), "start"),
                     "dateTime"), ==, "2025-07-01T07:00:00+02:00");
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, MP2_FAKE_GOOGLE_CALENDAR_ID),
                    ==, 1);
}

static char *
list_events (Fixture    *fixture,
             const char *query,
             guint       expected)
{
  g_autofree char *path = g_strconcat (EVENTS, query, NULL);
  g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", path, NULL);
  JsonObject *object = mp2_fake_test_reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")), ==,
                    expected);

  return g_strdup (json_object_get_string_member (object, "nextSyncToken"));
}

static void
test_calendar_sync (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *insert = load_sample ("calendar/event_insert_request.constructed.json");
  g_autoptr(Mp2FakeTestReply) created = mp2_fake_test_call (fixture, "POST", EVENTS, insert);
  g_autoptr(GError) error = NULL;
  g_autofree char *other = mp2_fake_google_put_event (fixture->fake, "primary",
                                                      "{\"summary\":\"Urlop\",\"start\":{\"date\":"
                                                      "\"2025-03-14\"},\"end\":{\"date\":"
                                                      "\"2025-03-15\"}}", &error);
  g_autofree char *token = list_events (fixture, "", 2);
  g_autofree char *query = NULL;
  g_autofree char *delete_path = g_strconcat (EVENTS "/", other, NULL);
  g_autoptr(Mp2FakeTestReply) deleted = NULL;
  g_autoptr(Mp2FakeTestReply) expired = NULL;
  g_autoptr(Mp2FakeTestReply) empty_range = NULL;
  g_autofree char *escaped = NULL;

  g_assert_no_error (error);
  g_free (list_events (fixture, "?privateExtendedProperty=srcGmailId%3D195a1c2e3f4b5d6e", 1));
  g_free (list_events (fixture, "?timeMin=2025-03-13T00:00:00Z&timeMax=2025-03-20T00:00:00Z", 1));

  deleted = mp2_fake_test_call (fixture, "DELETE", delete_path, NULL);
  g_assert_cmpuint (deleted->status, ==, 204);
  escaped = g_uri_escape_string (token, NULL, FALSE);
  query = g_strconcat ("?syncToken=", escaped, NULL);
  g_free (list_events (fixture, query, 1));
  g_free (list_events (fixture, "?showDeleted=true", 2));

  mp2_fake_google_expire_sync_tokens (fixture->fake);
  expired = mp2_fake_test_call (fixture, "GET", EVENTS "?syncToken=bXAyLXN5bmM6MQ%3D%3D", NULL);
  g_assert_cmpuint (expired->status, ==, 410);
  g_assert_true (mp2_fake_test_equals_sample (expired, "calendar/error_410_full_sync_required."
                                                       "assembled.json"));
  empty_range = mp2_fake_test_call (fixture, "GET", EVENTS "?timeMin=2025-03-20T00:00:00Z&"
                                    "timeMax=2025-03-13T00:00:00Z", NULL);
  g_assert_cmpuint (empty_range->status, ==, 400);
  g_assert_true (mp2_fake_test_equals_sample (empty_range,
                                              "calendar/error_400_time_range_empty.docs.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, mp2_fake_test_set_up, function, mp2_fake_test_tear_down)

  ADD ("/fakes/contract/valid", test_contract_valid);
  ADD ("/fakes/contract/query", test_contract_query);
  ADD ("/fakes/contract/body", test_contract_body);
  ADD ("/fakes/contract/paths", test_contract_paths);
  ADD ("/fakes/contract/samples", test_contract_samples);
  ADD ("/fakes/gmail/message", test_gmail_message);
  ADD ("/fakes/gmail/errors", test_gmail_errors);
  ADD ("/fakes/gmail/search", test_gmail_search);
  ADD ("/fakes/gmail/paging", test_gmail_paging);
  ADD ("/fakes/gmail/history", test_gmail_history);
  ADD ("/fakes/gmail/labels", test_gmail_labels);
  ADD ("/fakes/gmail/formats", test_gmail_formats);
  ADD ("/fakes/gmail/mailbox", test_gmail_mailbox);
  ADD ("/fakes/gmail/synthetic", test_gmail_synthetic);
  ADD ("/fakes/calendar/list", test_calendar_list);
  ADD ("/fakes/calendar/events", test_calendar_events);
  ADD ("/fakes/calendar/times", test_calendar_times);
  ADD ("/fakes/calendar/sync", test_calendar_sync);

#undef ADD

  return g_test_run ();
}
