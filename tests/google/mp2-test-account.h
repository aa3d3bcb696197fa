/* mp2-test-account.h
 *
 * What the tests of the Google account share: its calls awaited with a deadline,
 * the keyring read and emptied, the loopback server checked gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-google-account.h"

G_BEGIN_DECLS

#define MP2_TEST_ACCOUNT_WAIT 60

gboolean         mp2_test_account_sign_in        (Mp2GoogleAccount  *account,
                                                  GError           **error);
gboolean         mp2_test_account_load           (Mp2GoogleAccount  *account,
                                                  GError           **error);
gboolean         mp2_test_account_sign_out       (Mp2GoogleAccount  *account,
                                                  GError           **error);
char            *mp2_test_account_get_token      (Mp2GoogleAccount  *account,
                                                  GError           **error);
Mp2HttpResponse *mp2_test_account_send           (Mp2GoogleAccount  *account,
                                                  Mp2HttpRequest    *request,
                                                  GError           **error);
char            *mp2_test_account_lookup_stored_token (const char   *client_id);
void             mp2_test_account_clear_keyring  (void);
void             mp2_test_account_assert_loopback_closed (const char *authorization_url);

G_END_DECLS
