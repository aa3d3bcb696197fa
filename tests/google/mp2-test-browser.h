/* mp2-test-browser.h
 *
 * A web browser for the sign-in tests: tests/google/mp2-test-browser.sh (curl with a
 * cookie jar), made the default handler of http:// addresses in the test's own XDG
 * folders, so that g_app_info_launch_default_for_uri_async() opens it as it opens the
 * user's browser. What it saw is read back from its folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MP2_TEST_BROWSER_FOLLOW       "follow"
#define MP2_TEST_BROWSER_TAMPER_STATE "tamper-state"
#define MP2_TEST_BROWSER_STOP         "stop"

void  mp2_test_browser_install  (void);
void  mp2_test_browser_uninstall (void);
void  mp2_test_browser_reset    (const char *mode);
char *mp2_test_browser_read     (const char *what);
char *mp2_test_browser_wait_for (const char *what,
                                 guint       seconds);
char *mp2_test_browser_get_query_param (const char *url,
                                        const char *name);

G_END_DECLS
