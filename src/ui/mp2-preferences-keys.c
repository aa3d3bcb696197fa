/* mp2-preferences-keys.c
 *
 * The API keys on the Planning page: typed into a password row and applied, a key
 * goes to the keyring (mp2-api-keys.h) and the row is emptied again, so that the key
 * stays nowhere else; applying an empty row removes the key. What the keyring holds
 * is said under the rows, never the key itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-preferences-window"

#include "config.h"

#include "mp2-preferences-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp2-a11y.h"
#include "mp2-api-keys.h"

typedef enum
{
  KEY_UNKNOWN,
  KEY_STORED,
  KEY_NONE,
} KeyState;

typedef struct
{
  Mp2PreferencesWindow *self;
  const char           *service;
  gboolean              storing;    /* else removing */
} KeyCall;

static void
key_call_free (KeyCall *call)
{
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeyCall, key_call_free)

static KeyCall *
key_call_new (Mp2PreferencesWindow *self,
              const char           *service,
              gboolean              storing)
{
  KeyCall *call = g_new0 (KeyCall, 1);

  call->self = g_object_ref (self);
  call->service = service;
  call->storing = storing;
  self->keys_busy++;

  return call;
}

static const char *
describe_state (const char *service,
                KeyState    state)
{
  gboolean google = g_str_equal (service, MP2_API_KEY_GOOGLE_MAPS);

  switch (state)
    {
    case KEY_STORED:
      return google ? _("A Google Maps key is in your keyring.")
                    : _("An OpenWeatherMap key is in your keyring.");
    case KEY_NONE:
      return google ? _("No Google Maps key is set.") : _("No OpenWeatherMap key is set.");
    case KEY_UNKNOWN:
    default:
      return NULL;
    }
}

static int *
get_state (Mp2PreferencesWindow *self,
           const char           *service)
{
  return g_str_equal (service, MP2_API_KEY_GOOGLE_MAPS) ? &self->google_maps_key
                                                        : &self->openweathermap_key;
}

static void
show_states (Mp2PreferencesWindow *self)
{
  const char *google = describe_state (MP2_API_KEY_GOOGLE_MAPS, self->google_maps_key);
  const char *weather = describe_state (MP2_API_KEY_OPENWEATHERMAP, self->openweathermap_key);
  g_autofree char *text = g_strjoin (" ", google != NULL ? google : "",
                                     weather != NULL ? weather : "", NULL);

  g_strstrip (text);
  gtk_label_set_label (self->keys_status_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->keys_status_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->keys_status_label), *text != '\0');
}

static void
show_key_error (Mp2PreferencesWindow *self,
                const GError         *error)
{
  gtk_label_set_label (self->keys_status_label, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->keys_status_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->keys_status_label), TRUE);
}

static void
on_key_looked_up_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KeyCall) call = user_data;
  g_autoptr(GError) error = NULL;
  char *key = mp2_api_key_lookup_finish (result, &error);

  call->self->keys_busy--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      show_key_error (call->self, error);
      return;
    }

  *get_state (call->self, call->service) = key != NULL ? KEY_STORED : KEY_NONE;
  mp2_api_key_free (key);
  show_states (call->self);
}

static void
on_key_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KeyCall) call = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (call->storing)
    done = mp2_api_key_store_finish (result, &error);
  else
    done = mp2_api_key_clear_finish (result, &error);

  call->self->keys_busy--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!done)
    {
      show_key_error (call->self, error);
      return;
    }

  *get_state (call->self, call->service) = call->storing ? KEY_STORED : KEY_NONE;
  show_states (call->self);
}

static void
apply_key (Mp2PreferencesWindow *self,
           AdwEntryRow          *row,
           const char           *service)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  /* The key goes to the keyring only. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");

  if (*key == '\0')
    mp2_api_key_clear_async (service, self->cancellable, on_key_stored_cb,
                             key_call_new (self, service, FALSE));
  else
    mp2_api_key_store_async (service, key, self->cancellable, on_key_stored_cb,
                             key_call_new (self, service, TRUE));

  memset (key, 0, strlen (key));
}

static void
on_google_maps_key_row_apply_cb (Mp2PreferencesWindow *self)
{
  apply_key (self, self->google_maps_key_row, MP2_API_KEY_GOOGLE_MAPS);
}

static void
on_openweathermap_key_row_apply_cb (Mp2PreferencesWindow *self)
{
  apply_key (self, self->openweathermap_key_row, MP2_API_KEY_OPENWEATHERMAP);
}

void
mp2_preferences_window_class_init_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_google_maps_key_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_openweathermap_key_row_apply_cb);
}

void
mp2_preferences_window_init_keys (Mp2PreferencesWindow *self)
{
  mp2_a11y_label_entry_row (self->google_maps_key_row);
  mp2_a11y_label_entry_row (self->openweathermap_key_row);

  mp2_api_key_lookup_async (MP2_API_KEY_GOOGLE_MAPS, self->cancellable, on_key_looked_up_cb,
                            key_call_new (self, MP2_API_KEY_GOOGLE_MAPS, FALSE));
  mp2_api_key_lookup_async (MP2_API_KEY_OPENWEATHERMAP, self->cancellable, on_key_looked_up_cb,
                            key_call_new (self, MP2_API_KEY_OPENWEATHERMAP, FALSE));
}

/**
 * mp2_preferences_window_get_keys_busy:
 * @self: the preferences window
 *
 * Returns: whether a call to the keyring is under way, for tests to wait on
 */
gboolean
mp2_preferences_window_get_keys_busy (Mp2PreferencesWindow *self)
{
  g_return_val_if_fail (MP2_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->keys_busy > 0;
}
