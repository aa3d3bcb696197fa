/* mp2-fake-browser.h
 *
 * A browser for the sign-in in tests: it opens the authorization URL that the app
 * would hand to the desktop's browser, follows the fake Google's 302 to the app's
 * loopback redirect, and reports where it went and what the app answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     mp2_fake_browser_open_async  (const char          *url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean mp2_fake_browser_open_finish (GAsyncResult        *result,
                                       char               **redirect_uri,
                                       guint               *callback_status,
                                       GError             **error);

G_END_DECLS
