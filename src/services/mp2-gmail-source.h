/* mp2-gmail-source.h
 *
 * Call sheets from the signed-in Google account's Gmail (id "gmail"): a search built
 * from Preferences, a first sync through messages.list and later ones from the stored
 * history id (users.history.list), the PDF parts of each mail, a "Film Schedule"
 * label on each mail read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-google-account.h"
#include "mp2-mail-source.h"
#include "mp2-store.h"

G_BEGIN_DECLS

/* The largest attachment read, in bytes: a call sheet is rarely above 5 MB. */
#define MP2_GMAIL_MAX_ATTACHMENT_SIZE (25 * 1024 * 1024)

#define MP2_TYPE_GMAIL_SOURCE (mp2_gmail_source_get_type ())

G_DECLARE_FINAL_TYPE (Mp2GmailSource, mp2_gmail_source, MP2, GMAIL_SOURCE, GObject)

/**
 * Mp2GmailSourceStatus:
 * @MP2_GMAIL_SOURCE_IDLE: waiting for the next poll
 * @MP2_GMAIL_SOURCE_CHECKING: a check runs
 * @MP2_GMAIL_SOURCE_FAILED: the last check failed (see "last-error")
 */
typedef enum
{
  MP2_GMAIL_SOURCE_IDLE,
  MP2_GMAIL_SOURCE_CHECKING,
  MP2_GMAIL_SOURCE_FAILED,
} Mp2GmailSourceStatus;

#define MP2_TYPE_GMAIL_SOURCE_STATUS (mp2_gmail_source_status_get_type ())

GType mp2_gmail_source_status_get_type (void) G_GNUC_CONST;

/* Properties: "status" (Mp2GmailSourceStatus), "last-error" (GError boxed, nullable),
 * "last-check" (GDateTime, nullable: when the last check succeeded).
 *
 * Settings read (com.mp2.FilmSchedule): "subject-filter" (as), "sender-filter" (as),
 * "gmail-newer-than-days" (i), "gmail-mark-read" (b), "poll-interval-minutes" (i). */

/* @base_url: the scheme, host and port of Gmail's API, "https://gmail.googleapis.com/"
 * or the override of MP2_GMAIL_URL; NULL for mp2_http_service_url ()'s. */
Mp2GmailSource *mp2_gmail_source_new              (Mp2GoogleAccount *account,
                                                   Mp2Store         *store,
                                                   GSettings        *settings,
                                                   const char       *base_url);

/* The Gmail search the settings give, e.g.
 * `has:attachment filename:pdf newer_than:30d {subject:"plan zdjęciowy" subject:drabinka …}` */
char           *mp2_gmail_source_build_query      (GSettings        *settings);

/* Starts (or stops, with FALSE) checking every "poll-interval" minutes; the first
 * check runs at once. Checks only while the account is signed in. */
void            mp2_gmail_source_set_polling      (Mp2GmailSource   *self,
                                                   gboolean          polling);

Mp2GmailSourceStatus mp2_gmail_source_get_status  (Mp2GmailSource   *self);
const GError   *mp2_gmail_source_get_last_error   (Mp2GmailSource   *self);
GDateTime      *mp2_gmail_source_get_last_check   (Mp2GmailSource   *self);

G_END_DECLS
