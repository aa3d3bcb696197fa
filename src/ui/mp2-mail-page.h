/* mp2-mail-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp2-gmail-source.h"
#include "mp2-google-account.h"

G_BEGIN_DECLS

#define MP2_TYPE_MAIL_PAGE (mp2_mail_page_get_type ())

G_DECLARE_FINAL_TYPE (Mp2MailPage, mp2_mail_page, MP2, MAIL_PAGE, AdwPreferencesPage)

Mp2MailPage *mp2_mail_page_new (GSettings        *settings,
                                Mp2GoogleAccount *account,
                                Mp2GmailSource   *gmail_source);

G_END_DECLS
