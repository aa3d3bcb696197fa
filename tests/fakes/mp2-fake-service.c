/* mp2-fake-service.c
 *
 * The server and the fault script of the fakes of the map and weather services
 * (mp2-fake-geocoding, mp2-fake-routes, mp2-fake-weather).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-service"

#include "config.h"

#include "mp2-fake-service.h"

struct _Mp2FakeFaultScript
{
  GPtrArray *faults;    /* Mp2FakeScriptedFault, in the order they were added */
  guint      last_id;
};

/**
 * mp2_fake_service_new_server:
 * @server_header: the `Server` header; ending with a space, libsoup adds its own name
 * @callback: answers every request
 * @user_data: for @callback
 * @port: where to put the port it listens on
 * @error: where to report a port that cannot be opened
 *
 * A server on a free port of 127.0.0.1, in the thread-default main context.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL with @error set
 */
SoupServer *
mp2_fake_service_new_server (const char          *server_header,
                             SoupServerCallback   callback,
                             gpointer             user_data,
                             guint               *port,
                             GError             **error)
{
  g_autoptr(SoupServer) server = soup_server_new ("server-header", server_header, NULL);
  GSList *uris;

  soup_server_add_handler (server, NULL, callback, user_data, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (server);
  g_assert (uris != NULL);
  *port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&server);
}

Mp2FakeFaultScript *
mp2_fake_fault_script_new (void)
{
  Mp2FakeFaultScript *script = g_new0 (Mp2FakeFaultScript, 1);

  script->faults = g_ptr_array_new_with_free_func (g_free);

  return script;
}

void
mp2_fake_fault_script_free (Mp2FakeFaultScript *script)
{
  g_ptr_array_unref (script->faults);
  g_free (script);
}

/**
 * mp2_fake_fault_script_add:
 * @service: which of the fake's services the fault is for
 * @fault: what it answers, in the fake's terms
 * @skip: how many requests pass first
 * @count: how many then get @fault; 0 for all
 *
 * Returns: the fault's id, from 1
 */
guint
mp2_fake_fault_script_add (Mp2FakeFaultScript *script,
                           guint               service,
                           int                 fault,
                           guint               skip,
                           guint               count)
{
  Mp2FakeScriptedFault *entry = g_new0 (Mp2FakeScriptedFault, 1);

  entry->id = ++script->last_id;
  entry->service = service;
  entry->fault = fault;
  entry->skip = skip;
  entry->count = count;
  g_ptr_array_add (script->faults, entry);

  return entry->id;
}

/**
 * mp2_fake_fault_script_get_hits:
 *
 * Returns: how many requests the fault answered; 0 for a fault cleared or unknown
 */
guint
mp2_fake_fault_script_get_hits (Mp2FakeFaultScript *script,
                                guint               fault_id)
{
  for (guint i = 0; i < script->faults->len; i++)
    {
      Mp2FakeScriptedFault *fault = g_ptr_array_index (script->faults, i);

      if (fault->id == fault_id)
        return fault->hits;
    }

  return 0;
}

/* Removes every fault; the ids go on from the last one. */
void
mp2_fake_fault_script_clear (Mp2FakeFaultScript *script)
{
  g_ptr_array_set_size (script->faults, 0);
}

/**
 * mp2_fake_fault_script_take:
 * @service: the service a request came to
 *
 * Offers the request to the faults of @service in the order they were added: each
 * counts it until one takes it.
 *
 * Returns: (nullable): the fault that answers the request, or %NULL for none
 */
const Mp2FakeScriptedFault *
mp2_fake_fault_script_take (Mp2FakeFaultScript *script,
                            guint               service)
{
  for (guint i = 0; i < script->faults->len; i++)
    {
      Mp2FakeScriptedFault *fault = g_ptr_array_index (script->faults, i);

      if (fault->service != service)
        continue;

      fault->seen++;
      if (fault->seen <= fault->skip || (fault->count > 0 && fault->hits >= fault->count))
        continue;

      fault->hits++;
      return fault;
    }

  return NULL;
}
