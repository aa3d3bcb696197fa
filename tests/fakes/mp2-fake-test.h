/* mp2-fake-test.h
 *
 * What the fake Google's own tests share: a fake with a signed-in user's tokens, and
 * plain libsoup requests to it, awaited in the one main loop that runs both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "mp2-fake-google.h"

G_BEGIN_DECLS

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;  /* NULL unless the body is JSON */
} Mp2FakeTestReply;

/* The app's side of the sign-in: a loopback server for the redirect. */
typedef struct
{
  SoupServer *server;
  char       *redirect_uri;  /* http://127.0.0.1:PORT/oauth2callback */
  GHashTable *callback;      /* the redirect's query, once it came */
} Mp2FakeTestApp;

#define MP2_FAKE_TEST_SCOPES MP2_FAKE_GOOGLE_SCOPE_GMAIL " " MP2_FAKE_GOOGLE_SCOPE_EVENTS
#define MP2_FAKE_TEST_STATE  "st4te-42"

typedef struct
{
  Mp2FakeGoogle *fake;
  SoupSession   *session;
  char          *access_token;
  char          *refresh_token;
} Mp2FakeTestFixture;

void              mp2_fake_test_set_up        (Mp2FakeTestFixture *fixture,
                                               gconstpointer       data);
void              mp2_fake_test_tear_down     (Mp2FakeTestFixture *fixture,
                                               gconstpointer       data);
Mp2FakeTestReply *mp2_fake_test_send          (Mp2FakeTestFixture *fixture,
                                               SoupMessage        *msg);
Mp2FakeTestReply *mp2_fake_test_call          (Mp2FakeTestFixture *fixture,
                                               const char         *method,
                                               const char         *path,
                                               const char         *json);
Mp2FakeTestReply *mp2_fake_test_post_form     (Mp2FakeTestFixture *fixture,
                                               const char         *path,
                                               const char         *form);
JsonObject       *mp2_fake_test_reply_object  (Mp2FakeTestReply   *reply);
const char       *mp2_fake_test_error_reason  (Mp2FakeTestReply   *reply);
gboolean          mp2_fake_test_equals_sample (Mp2FakeTestReply   *reply,
                                               const char         *sample);
char             *mp2_fake_test_mailbox_path  (const char         *name);
GBytes           *mp2_fake_test_decode_base64url (const char      *text);
void              mp2_fake_test_expect_violation (Mp2FakeTestFixture *fixture,
                                                  const char         *what);
void              mp2_fake_test_reply_free    (Mp2FakeTestReply   *reply);
void              mp2_fake_test_app_start     (Mp2FakeTestApp     *app);
void              mp2_fake_test_app_stop      (Mp2FakeTestApp     *app);
char             *mp2_fake_test_make_challenge (const char        *verifier);
char             *mp2_fake_test_authorization_url (Mp2FakeTestFixture *fixture,
                                                   Mp2FakeTestApp     *app,
                                                   const char         *challenge,
                                                   const char         *extra);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2FakeTestReply, mp2_fake_test_reply_free)

G_END_DECLS
