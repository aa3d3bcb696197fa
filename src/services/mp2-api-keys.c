/* mp2-api-keys.c
 *
 * API keys in the keyring through libsecret's asynchronous calls: one item per
 * service under the schema "com.mp2.FilmSchedule.ApiKey", found by its "service"
 * attribute and named for Seahorse ("Film Schedule: Google Maps API key").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-api-keys"

#include "config.h"

#include "mp2-api-keys.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (mp2-api-key-error-quark, mp2_api_key_error)

/**
 * mp2_api_key_get_schema:
 *
 * Returns: the keyring schema of the API keys: "com.mp2.FilmSchedule.ApiKey", with
 *   the attribute "service" (%MP2_API_KEY_GOOGLE_MAPS, %MP2_API_KEY_OPENWEATHERMAP)
 */
const SecretSchema *
mp2_api_key_get_schema (void)
{
  static const SecretSchema schema = {
    "com.mp2.FilmSchedule.ApiKey", SECRET_SCHEMA_NONE,
    {
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/**
 * mp2_api_key_free:
 * @api_key: (nullable): a key
 *
 * Overwrites the key before its memory goes back to the allocator.
 */
void
mp2_api_key_free (char *api_key)
{
  if (api_key == NULL)
    return;

  explicit_bzero (api_key, strlen (api_key));
  g_free (api_key);
}

static GHashTable *
new_attributes (const char *service)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) "service", (gpointer) service);

  return attributes;
}

/* A cancellation stays one. */
static GError *
new_keyring_error (const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (cause);

  return g_error_new (MP2_API_KEY_ERROR, MP2_API_KEY_ERROR_KEYRING,
                      /* Translators: %s says why the keyring failed */
                      _("The keyring could not keep the API key: %s. Check that the "
                        "keyring is unlocked, then try again."), cause->message);
}

static char *
dup_label (const char *service)
{
  if (g_strcmp0 (service, MP2_API_KEY_GOOGLE_MAPS) == 0)
    return g_strdup (_("Film Schedule: Google Maps API key"));
  if (g_strcmp0 (service, MP2_API_KEY_OPENWEATHERMAP) == 0)
    return g_strdup (_("Film Schedule: OpenWeatherMap API key"));

  /* Translators: %s is the id of a service, such as "google-maps" */
  return g_strdup_printf (_("Film Schedule: %s API key"), service);
}

/* Lookup ----------------------------------------------------------------------------------- */

static void
on_looked_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);
  char *api_key = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  if (secret != NULL && *secret != '\0')
    api_key = g_strdup (secret);
  secret_password_free (secret);
  g_task_return_pointer (task, api_key, (GDestroyNotify) mp2_api_key_free);
}

/**
 * mp2_api_key_lookup_async:
 * @service: %MP2_API_KEY_GOOGLE_MAPS or %MP2_API_KEY_OPENWEATHERMAP
 *
 * Reads the service's key from the keyring.
 */
void
mp2_api_key_lookup_async (const char          *service,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (service != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_api_key_lookup_async);
  attributes = new_attributes (service);
  secret_password_lookupv (mp2_api_key_get_schema (), attributes, cancellable,
                           on_looked_up_cb, g_steal_pointer (&task));
}

/**
 * mp2_api_key_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the key, to free with mp2_api_key_free() and
 *   never log; %NULL when none is stored or with @error set (%MP2_API_KEY_ERROR or
 *   %G_IO_ERROR_CANCELLED)
 */
char *
mp2_api_key_lookup_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_api_key_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Clear ------------------------------------------------------------------------------------ */

static void
on_cleared_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was no key, which is what was wanted. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
clear_key (const char *service,
           GTask      *task)
{
  g_autoptr(GHashTable) attributes = new_attributes (service);

  secret_password_clearv (mp2_api_key_get_schema (), attributes,
                          g_task_get_cancellable (task), on_cleared_cb, task);
}

/**
 * mp2_api_key_clear_async:
 * @service: %MP2_API_KEY_GOOGLE_MAPS or %MP2_API_KEY_OPENWEATHERMAP
 *
 * Deletes the service's key from the keyring.
 */
void
mp2_api_key_clear_async (const char          *service,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = NULL;

  g_return_if_fail (service != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_api_key_clear_async);
  clear_key (service, task);
}

gboolean
mp2_api_key_clear_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Store ------------------------------------------------------------------------------------ */

static void
on_stored_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * mp2_api_key_store_async:
 * @service: %MP2_API_KEY_GOOGLE_MAPS or %MP2_API_KEY_OPENWEATHERMAP
 * @api_key: (nullable): the key; %NULL or "" deletes the one stored
 *
 * Keeps @api_key in the default keyring in place of the service's earlier key (the
 * keyring replaces an item with the same attributes).
 */
void
mp2_api_key_store_async (const char          *service,
                         const char          *api_key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (service != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_api_key_store_async);

  if (api_key == NULL || *api_key == '\0')
    {
      clear_key (service, task);
      return;
    }

  attributes = new_attributes (service);
  label = dup_label (service);
  secret_password_storev (mp2_api_key_get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                          label, api_key, cancellable, on_stored_cb, task);
}

gboolean
mp2_api_key_store_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
