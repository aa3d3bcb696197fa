/* mp2-fake-google-private.h
 *
 * What the parts of the fake Google share: the object, one request on its way through
 * the checks and the handlers, the answers, and each service's state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "mp2-fake-google.h"

G_BEGIN_DECLS

typedef struct _Mp2FakeContract  Mp2FakeContract;
typedef struct _Mp2FakeOAuth     Mp2FakeOAuth;
typedef struct _Mp2FakeMailbox   Mp2FakeMailbox;
typedef struct _Mp2FakeCalendars Mp2FakeCalendars;
typedef struct _Mp2FakeFaults    Mp2FakeFaults;

struct _Mp2FakeGoogle
{
  GObject           parent_instance;

  GMainContext     *context;
  SoupServer       *server;
  char             *url;
  guint             port;
  gboolean          verbose;

  Mp2FakeContract  *gmail_contract;
  Mp2FakeContract  *calendar_contract;
  GHashTable       *handlers;        /* endpoint -> Mp2FakeHandler */

  Mp2FakeOAuth     *oauth;
  Mp2FakeMailbox   *mailbox;
  Mp2FakeCalendars *calendars;
  Mp2FakeFaults    *faults;

  GHashTable       *request_counts;  /* endpoint -> count */
  GPtrArray        *request_lines;   /* char *: "endpoint ?query If-Match: …" */
  GPtrArray        *violations;      /* char * */
  GPtrArray        *received_tokens; /* char * */
  GHashTable       *delayed;         /* SoupServerMessage -> Mp2FakeDelay */
  guint             latency_ms;
};

typedef struct
{
  char *name;
  char *value;
} Mp2FakeParam;

typedef struct
{
  Mp2FakeGoogle     *fake;
  SoupServerMessage *msg;
  const char        *http_method;
  const char        *path;
  const char        *api;          /* "oauth2", "gmail", "calendar" */
  char              *endpoint;     /* "gmail.users.messages.list" */
  GHashTable        *path_params;  /* name -> decoded value */
  GPtrArray         *params;       /* Mp2FakeParam, query (or form) in order */
  JsonNode          *body;         /* a JSON request body, parsed */
  char              *token;        /* the bearer token presented */
  guint              delay_ms;     /* answer after this long */
  gboolean           truncate;     /* cut the answer's body */
} Mp2FakeRequest;

typedef void (*Mp2FakeHandler) (Mp2FakeGoogle  *self,
                                Mp2FakeRequest *request);

/* mp2-fake-google.c */
void        mp2_fake_google_record_violation  (Mp2FakeGoogle  *self,
                                               Mp2FakeRequest *request,
                                               const char     *what);

/* mp2-fake-request.c */
GPtrArray  *mp2_fake_parse_params             (const char     *encoded);
const char *mp2_fake_request_get_param        (Mp2FakeRequest *request,
                                               const char     *name);
GPtrArray  *mp2_fake_request_dup_params       (Mp2FakeRequest *request,
                                               const char     *name);
const char *mp2_fake_request_get_path_param   (Mp2FakeRequest *request,
                                               const char     *name);
gboolean    mp2_fake_request_get_uint         (Mp2FakeRequest *request,
                                               const char     *name,
                                               guint           fallback,
                                               guint           maximum,
                                               guint          *value);
gboolean    mp2_fake_request_get_bool         (Mp2FakeRequest *request,
                                               const char     *name);
JsonObject *mp2_fake_request_get_object       (Mp2FakeRequest *request);
void        mp2_fake_request_free             (Mp2FakeRequest *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2FakeRequest, mp2_fake_request_free)

/* mp2-fake-reply.c */
GBytes     *mp2_fake_lookup_data              (const char     *name);
JsonNode   *mp2_fake_load_sample              (const char     *sample);
void        mp2_fake_reply_json               (Mp2FakeRequest *request,
                                               guint           status,
                                               JsonNode       *node);
void        mp2_fake_reply_object             (Mp2FakeRequest *request,
                                               guint           status,
                                               JsonObject     *object);
void        mp2_fake_reply_sample             (Mp2FakeRequest *request,
                                               guint           status,
                                               const char     *sample);
void        mp2_fake_reply_error              (Mp2FakeRequest *request,
                                               guint           status,
                                               const char     *reason,
                                               const char     *message);
void        mp2_fake_reply_empty              (Mp2FakeRequest *request,
                                               guint           status);
char       *mp2_fake_base64url_encode         (const guint8   *data,
                                               gsize           length,
                                               gboolean        padded);
char       *mp2_fake_random_string            (guint           length,
                                               const char     *alphabet);
char       *mp2_fake_format_timestamp         (GDateTime      *time);
JsonObject *mp2_fake_json_get_object          (JsonObject     *object,
                                               const char     *member);
JsonArray  *mp2_fake_json_get_array           (JsonObject     *object,
                                               const char     *member);

/* mp2-fake-contract.c */
Mp2FakeContract *mp2_fake_contract_new        (const char     *resource,
                                               GError        **error);
void        mp2_fake_contract_free            (Mp2FakeContract *contract);
const char *mp2_fake_contract_get_api         (Mp2FakeContract *contract);
gboolean    mp2_fake_contract_match           (Mp2FakeContract *contract,
                                               Mp2FakeRequest  *request,
                                               char           **violation);
gboolean    mp2_fake_contract_check           (Mp2FakeContract *contract,
                                               Mp2FakeRequest  *request,
                                               char           **violation);
gboolean    mp2_fake_contract_allows_scopes   (Mp2FakeContract *contract,
                                               const char      *endpoint,
                                               const char      *scopes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2FakeContract, mp2_fake_contract_free)

/* mp2-fake-oauth.c */
Mp2FakeOAuth *mp2_fake_oauth_new              (void);
void        mp2_fake_oauth_free               (Mp2FakeOAuth   *oauth);
gboolean    mp2_fake_oauth_route              (Mp2FakeRequest *request,
                                               char          **violation);
void        mp2_fake_oauth_register           (GHashTable     *handlers);
const char *mp2_fake_oauth_check_token        (Mp2FakeOAuth   *oauth,
                                               const char     *token,
                                               gboolean       *expired);
void        mp2_fake_oauth_expire_token       (Mp2FakeOAuth   *oauth,
                                               const char     *token);
void        mp2_fake_oauth_revoke_refresh_of_request (Mp2FakeOAuth   *oauth,
                                                      Mp2FakeRequest *request);

/* mp2-fake-gmail.c */
Mp2FakeMailbox *mp2_fake_mailbox_new          (void);
void        mp2_fake_mailbox_free             (Mp2FakeMailbox *mailbox);
void        mp2_fake_gmail_register           (GHashTable     *handlers);

/* mp2-fake-calendar.c */
Mp2FakeCalendars *mp2_fake_calendars_new      (void);
void        mp2_fake_calendars_free           (Mp2FakeCalendars *calendars);
void        mp2_fake_calendar_register        (GHashTable     *handlers);

/* mp2-fake-faults.c */
Mp2FakeFaults *mp2_fake_faults_new            (void);
void        mp2_fake_faults_free              (Mp2FakeFaults  *faults);
gboolean    mp2_fake_faults_apply             (Mp2FakeGoogle  *self,
                                               Mp2FakeRequest *request);
void        mp2_fake_faults_finish            (Mp2FakeRequest *request);

G_END_DECLS
