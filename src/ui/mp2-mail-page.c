/* mp2-mail-page.c
 *
 * The "Mail" page of Preferences: the Google account (sign in, sign out, sign in
 * again, an OAuth client of the user's own) and what Gmail is searched for. Signing
 * in and out are the application's actions, so that a notification and the welcome
 * page can start them too; this page shows the account's state as it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-mail-page"

#include "config.h"

#include "mp2-mail-page.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"

struct _Mp2MailPage
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;
  Mp2GoogleAccount   *account;        /* nullable */
  Mp2GmailSource     *gmail_source;   /* nullable */
  GCancellable       *cancellable;

  /* Template widgets */
  AdwActionRow       *account_row;
  GtkSpinner         *account_spinner;
  GtkWidget          *sign_in_button;
  GtkWidget          *cancel_sign_in_button;
  GtkWidget          *sign_out_button;
  AdwExpanderRow     *client_row;
  AdwEntryRow        *client_id_row;
  AdwEntryRow        *client_secret_row;
  AdwPreferencesGroup *gmail_group;
  AdwActionRow       *check_row;
  GtkSpinner         *check_spinner;
  AdwEntryRow        *subject_row;
  AdwEntryRow        *senders_row;
  GtkSpinButton      *newer_than_spin;
  GtkSpinButton      *poll_spin;
  GtkSwitch          *mark_read_switch;
};

G_DEFINE_FINAL_TYPE (Mp2MailPage, mp2_mail_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_ACCOUNT,
  PROP_GMAIL_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (Mp2MailPage *self,
           const char  *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
}

/* The account ----------------------------------------------------------------------------- */

static void
set_button_label (GtkWidget  *button,
                  const char *label)
{
  g_autofree char *name = mp2_a11y_strip_mnemonic (label);

  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
show_account (Mp2MailPage *self)
{
  Mp2AccountState state = MP2_ACCOUNT_STATE_SIGNED_OUT;
  const char *email = NULL;
  const char *title;
  const char *subtitle = NULL;
  gboolean signed_in;

  if (self->account != NULL)
    {
      state = mp2_google_account_get_state (self->account);
      email = mp2_google_account_get_email (self->account);
    }

  switch (state)
    {
    case MP2_ACCOUNT_STATE_SIGNING_IN:
      title = _("Signing In…");
      subtitle = _("Finish signing in with Google in your browser");
      break;

    case MP2_ACCOUNT_STATE_SIGNED_IN:
      title = email != NULL ? email : _("Signed In");
      subtitle = _("Signed in with Google");
      break;

    case MP2_ACCOUNT_STATE_NEEDS_SIGN_IN:
      title = email != NULL ? email : _("Google Account");
      subtitle = _("Google no longer accepts the sign-in. Sign in again to keep receiving "
                   "call sheets.");
      break;

    case MP2_ACCOUNT_STATE_SIGNED_OUT:
    default:
      title = _("Not Signed In");
      if (self->account == NULL)
        subtitle = _("Google accounts are not available");
      else if (*mp2_google_account_get_client_id (self->account) == '\0')
        subtitle = _("This copy of the app has no Google client built in: enter your own "
                     "below");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), title);
  adw_action_row_set_subtitle (self->account_row, subtitle != NULL ? subtitle : "");

  gtk_widget_set_visible (GTK_WIDGET (self->account_spinner),
                          state == MP2_ACCOUNT_STATE_SIGNING_IN);
  gtk_spinner_set_spinning (self->account_spinner, state == MP2_ACCOUNT_STATE_SIGNING_IN);
  gtk_widget_set_visible (self->sign_in_button,
                          state == MP2_ACCOUNT_STATE_SIGNED_OUT
                          || state == MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  set_button_label (self->sign_in_button, state == MP2_ACCOUNT_STATE_NEEDS_SIGN_IN
                                          ? _("Sign In _Again…") : _("_Sign In…"));
  gtk_widget_set_visible (self->cancel_sign_in_button, state == MP2_ACCOUNT_STATE_SIGNING_IN);
  gtk_widget_set_visible (self->sign_out_button,
                          state == MP2_ACCOUNT_STATE_SIGNED_IN
                          || state == MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);

  signed_in = state == MP2_ACCOUNT_STATE_SIGNED_IN;
  gtk_widget_set_sensitive (GTK_WIDGET (self->client_row), !signed_in
                            && state != MP2_ACCOUNT_STATE_SIGNING_IN);
}

static void
on_sign_out_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  Mp2MailPage *self = user_data;

  if (g_strcmp0 (response, "sign-out") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.google-sign-out", NULL);
}

static void
on_sign_out_button_clicked_cb (Mp2MailPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Sign Out of Google?"),
                                   _("Call sheets are no longer fetched from Gmail, and days "
                                     "are no longer written to Google Calendar. The days "
                                     "you have stay here, and events already in Google "
                                     "Calendar stay there."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("Sign _Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* libadwaita 1.2 names its response buttons "Sign _Out Sign Out" for a screen reader */
  mp2_a11y_fix_mnemonic_buttons (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_out_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An OAuth client of the user's own ----------------------------------------------------- */

typedef struct
{
  Mp2MailPage *page;
  char        *client_id;
} ClientChange;

static void
client_change_free (ClientChange *change)
{
  g_object_unref (change->page);
  g_free (change->client_id);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClientChange, client_change_free)

static void
on_client_secret_stored_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(ClientChange) change = user_data;
  Mp2MailPage *self = change->page;
  g_autoptr(GError) error = NULL;

  if (!mp2_google_account_store_client_secret_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  /* The secret is in the keyring before the id names it: the application reads
   * both when the setting changes. */
  g_settings_set_string (self->settings, "google-client-id", change->client_id);
  gtk_editable_set_text (GTK_EDITABLE (self->client_secret_row), "");
  add_toast (self, _("Your OAuth client is used from now on"));
}

static void
on_client_apply_cb (Mp2MailPage *self)
{
  g_autofree char *client_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_id_row))));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->client_secret_row));
  ClientChange *change;

  if (*client_id == '\0')
    {
      g_settings_set_string (self->settings, "google-client-id", "");
      add_toast (self, _("The built-in OAuth client is used from now on"));
      return;
    }

  change = g_new0 (ClientChange, 1);
  change->page = g_object_ref (self);
  change->client_id = g_steal_pointer (&client_id);
  mp2_google_account_store_client_secret_async (change->client_id, secret, self->cancellable,
                                                on_client_secret_stored_cb, change);
}

/* Gmail ----------------------------------------------------------------------------------- */

static void
show_list (AdwEntryRow *row,
           GSettings   *settings,
           const char  *key)
{
  g_auto(GStrv) words = g_settings_get_strv (settings, key);
  g_autofree char *text = g_strjoinv (", ", words);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
apply_list (AdwEntryRow *row,
            GSettings   *settings,
            const char  *key)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  words = g_strv_builder_end (builder);
  g_settings_set_strv (settings, key, (const char * const *) words);
  show_list (row, settings, key);
}

static void
on_subject_row_apply_cb (Mp2MailPage *self)
{
  apply_list (self->subject_row, self->settings, "subject-filter");
}

static void
on_senders_row_apply_cb (Mp2MailPage *self)
{
  apply_list (self->senders_row, self->settings, "sender-filter");
}

static void
show_subjects (Mp2MailPage *self)
{
  show_list (self->subject_row, self->settings, "subject-filter");
}

static void
show_senders (Mp2MailPage *self)
{
  show_list (self->senders_row, self->settings, "sender-filter");
}

static char *
format_check_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: when mail was last checked, today; a strftime() format */
    return g_date_time_format (local, _("Today at %H:%M"));

  /* Translators: when mail was last checked, another day; a strftime() format */
  return g_date_time_format (local, _("%-d %B at %H:%M"));
}

static void
show_check (Mp2MailPage *self)
{
  Mp2GmailSourceStatus status;
  g_autoptr(GDateTime) last_check = NULL;
  g_autofree char *subtitle = NULL;
  const GError *error;

  gtk_widget_set_sensitive (GTK_WIDGET (self->gmail_group), self->gmail_source != NULL);
  if (self->gmail_source == NULL)
    {
      adw_action_row_set_subtitle (self->check_row, _("Mail cannot be checked now"));
      return;
    }

  status = mp2_gmail_source_get_status (self->gmail_source);
  error = mp2_gmail_source_get_last_error (self->gmail_source);
  g_object_get (self->gmail_source, "last-check", &last_check, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), status == MP2_GMAIL_SOURCE_CHECKING);
  gtk_spinner_set_spinning (self->check_spinner, status == MP2_GMAIL_SOURCE_CHECKING);

  if (status == MP2_GMAIL_SOURCE_CHECKING)
    subtitle = g_strdup (_("Checking…"));
  else if (status == MP2_GMAIL_SOURCE_FAILED && error != NULL)
    subtitle = g_strdup (error->message);
  else if (last_check != NULL)
    subtitle = format_check_time (last_check);
  else
    subtitle = g_strdup (_("Not checked yet"));

  adw_action_row_set_subtitle (self->check_row, subtitle);
}

static void
bind_gmail_settings (Mp2MailPage *self)
{
  g_autofree char *client_id = NULL;

  g_settings_bind (self->settings, "gmail-newer-than-days", self->newer_than_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "poll-interval-minutes", self->poll_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "gmail-mark-read", self->mark_read_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  show_subjects (self);
  show_senders (self);
  g_signal_connect_object (self->settings, "changed::subject-filter",
                           G_CALLBACK (show_subjects), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sender-filter",
                           G_CALLBACK (show_senders), self, G_CONNECT_SWAPPED);

  client_id = g_settings_get_string (self->settings, "google-client-id");
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), client_id);
}

/* The object ------------------------------------------------------------------------------ */

/**
 * mp2_mail_page_new:
 * @settings: the app's settings
 * @account: (nullable): the Google account, %NULL while the app has none
 * @gmail_source: (nullable): the Gmail source, %NULL while the app has none
 *
 * Returns: (transfer full): the page
 */
Mp2MailPage *
mp2_mail_page_new (GSettings        *settings,
                   Mp2GoogleAccount *account,
                   Mp2GmailSource   *gmail_source)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (account == NULL || MP2_IS_GOOGLE_ACCOUNT (account), NULL);
  g_return_val_if_fail (gmail_source == NULL || MP2_IS_GMAIL_SOURCE (gmail_source), NULL);

  return g_object_new (MP2_TYPE_MAIL_PAGE,
                       "settings", settings,
                       "account", account,
                       "gmail-source", gmail_source,
                       NULL);
}

static void
mp2_mail_page_constructed (GObject *object)
{
  Mp2MailPage *self = MP2_MAIL_PAGE (object);

  G_OBJECT_CLASS (mp2_mail_page_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  bind_gmail_settings (self);

  if (self->account != NULL)
    {
      g_signal_connect_object (self->account, "notify::state", G_CALLBACK (show_account), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->account, "notify::email", G_CALLBACK (show_account), self,
                               G_CONNECT_SWAPPED);
    }
  show_account (self);

  if (self->gmail_source != NULL)
    {
      g_signal_connect_object (self->gmail_source, "notify::status", G_CALLBACK (show_check),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->gmail_source, "notify::last-check",
                               G_CALLBACK (show_check), self, G_CONNECT_SWAPPED);
    }
  show_check (self);

  mp2_a11y_label_entry_row (self->client_id_row);
  mp2_a11y_label_entry_row (self->client_secret_row);
  mp2_a11y_label_entry_row (self->subject_row);
  mp2_a11y_label_entry_row (self->senders_row);
  mp2_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

static void
mp2_mail_page_dispose (GObject *object)
{
  Mp2MailPage *self = MP2_MAIL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->gmail_source);
  g_clear_object (&self->account);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp2_mail_page_parent_class)->dispose (object);
}

static void
mp2_mail_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  Mp2MailPage *self = MP2_MAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_GMAIL_SOURCE:
      g_value_set_object (value, self->gmail_source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_mail_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  Mp2MailPage *self = MP2_MAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_GMAIL_SOURCE:
      self->gmail_source = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_mail_page_class_init (Mp2MailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp2_mail_page_constructed;
  object_class->dispose = mp2_mail_page_dispose;
  object_class->get_property = mp2_mail_page_get_property;
  object_class->set_property = mp2_mail_page_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, MP2_TYPE_GOOGLE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GMAIL_SOURCE] =
    g_param_spec_object ("gmail-source", NULL, NULL, MP2_TYPE_GMAIL_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/mp2-mail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, account_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, cancel_sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, client_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, client_secret_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, gmail_group);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, check_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, subject_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, senders_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, newer_than_spin);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, poll_spin);
  gtk_widget_class_bind_template_child (widget_class, Mp2MailPage, mark_read_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_out_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_client_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_senders_row_apply_cb);
}

static void
mp2_mail_page_init (Mp2MailPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
