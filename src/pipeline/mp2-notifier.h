/* mp2-notifier.h
 *
 * Desktop notifications about the pipeline's events: a new call sheet to review, a
 * revision that moved the call or the set, a problem that needs the user. It listens
 * to the pipeline; nothing calls it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-google-account.h"
#include "mp2-pipeline.h"

G_BEGIN_DECLS

#define MP2_TYPE_NOTIFIER (mp2_notifier_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Notifier, mp2_notifier, MP2, NOTIFIER, GObject)

Mp2Notifier *mp2_notifier_new (Mp2Pipeline  *pipeline,
                               GSettings    *settings,
                               GApplication *application);
void         mp2_notifier_set_account (Mp2Notifier      *self,
                                       Mp2GoogleAccount *account);

G_END_DECLS
