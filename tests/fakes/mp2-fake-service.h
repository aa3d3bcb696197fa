/* mp2-fake-service.h
 *
 * What the fakes of the map and weather services share: their server on a free port of
 * 127.0.0.1, and their fault script (for the requests to one service of a fake, let
 * SKIP through, then answer the next COUNT with a fault; 0: all).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* One fault of a script; @service and @fault are the fake's own numbers. */
typedef struct
{
  guint id;
  guint service;
  int   fault;
  guint skip;
  guint count;   /* 0: every request after the skipped ones */
  guint seen;
  guint hits;
} Mp2FakeScriptedFault;

typedef struct _Mp2FakeFaultScript Mp2FakeFaultScript;

SoupServer         *mp2_fake_service_new_server    (const char          *server_header,
                                                    SoupServerCallback   callback,
                                                    gpointer             user_data,
                                                    guint               *port,
                                                    GError             **error);

Mp2FakeFaultScript *mp2_fake_fault_script_new      (void);
void                mp2_fake_fault_script_free     (Mp2FakeFaultScript  *script);
guint               mp2_fake_fault_script_add      (Mp2FakeFaultScript  *script,
                                                    guint                service,
                                                    int                  fault,
                                                    guint                skip,
                                                    guint                count);
guint               mp2_fake_fault_script_get_hits (Mp2FakeFaultScript  *script,
                                                    guint                fault_id);
void                mp2_fake_fault_script_clear    (Mp2FakeFaultScript  *script);
const Mp2FakeScriptedFault *mp2_fake_fault_script_take (Mp2FakeFaultScript *script,
                                                        guint               service);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2FakeFaultScript, mp2_fake_fault_script_free)

G_END_DECLS
