/* mp2-service-url.c
 *
 * The base URL of a route, geocoding or weather service, normalised once for all of
 * them: the paths the providers append never start with '/'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-service-url"

#include "config.h"

#include "mp2-service-url.h"

#include "mp2-http-client.h"

/**
 * mp2_service_base_url:
 * @base_url: (nullable): the server the caller chose; %NULL for the service's
 * @variable: the environment variable that may override it ("MP2_OSRM_URL"), see
 *   mp2_http_service_url()
 * @real_url: the real service's URL
 *
 * Returns: (transfer full): @base_url, else the override of @variable or @real_url,
 *   ending with '/'
 */
char *
mp2_service_base_url (const char *base_url,
                      const char *variable,
                      const char *real_url)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (variable != NULL, NULL);
  g_return_val_if_fail (real_url != NULL, NULL);

  url = base_url != NULL ? g_strdup (base_url) : mp2_http_service_url (variable, real_url);
  if (g_str_has_suffix (url, "/"))
    return g_steal_pointer (&url);

  return g_strconcat (url, "/", NULL);
}
