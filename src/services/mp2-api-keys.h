/* mp2-api-keys.h
 *
 * The user's API keys of outside services (Google Maps, OpenWeatherMap) in the
 * keyring, one per service, and nowhere else: schema "com.mp2.FilmSchedule.ApiKey",
 * attribute "service". Asynchronous only: the keyring may ask the user to unlock it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* The values of the "service" attribute. */
#define MP2_API_KEY_GOOGLE_MAPS    "google-maps"
#define MP2_API_KEY_OPENWEATHERMAP "openweathermap"

#define MP2_API_KEY_ERROR (mp2_api_key_error_quark ())

/**
 * Mp2ApiKeyError:
 * @MP2_API_KEY_ERROR_KEYRING: the keyring could not keep, give or delete the key
 */
typedef enum
{
  MP2_API_KEY_ERROR_KEYRING,
} Mp2ApiKeyError;

GQuark              mp2_api_key_error_quark  (void);

const SecretSchema *mp2_api_key_get_schema   (void) G_GNUC_CONST;

void                mp2_api_key_lookup_async  (const char          *service,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The key (free it with mp2_api_key_free()), or NULL: none stored, or @error set. */
char               *mp2_api_key_lookup_finish (GAsyncResult        *result,
                                               GError             **error);

/* Replaces the service's key; NULL or "" deletes it. */
void                mp2_api_key_store_async   (const char          *service,
                                               const char          *api_key,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean            mp2_api_key_store_finish  (GAsyncResult        *result,
                                               GError             **error);

/* Deletes the service's key; done too when there was none. */
void                mp2_api_key_clear_async   (const char          *service,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean            mp2_api_key_clear_finish  (GAsyncResult        *result,
                                               GError             **error);

/* Overwrites a key's memory, then frees it. */
void                mp2_api_key_free          (char                *api_key);

G_END_DECLS
