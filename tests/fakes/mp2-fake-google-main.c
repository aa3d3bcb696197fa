/* mp2-fake-google-main.c
 *
 * mp2-fake-google: the fake Google of the tests as a program, for the demo and the
 * soak. It serves OAuth, Gmail and Calendar on 127.0.0.1 until it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

typedef struct
{
  int       port;
  char     *mailbox;
  int       generate;
  char     *callsheets;
  char     *write_mails;
  int       drip;
  int       latency;
  char     *client_id;
  char     *client_secret;
  gboolean  any_client;
  int       token_lifetime;
  gboolean  print_url;
  gboolean  verbose;
} Options;

typedef struct
{
  Mp2FakeGoogle *fake;
  GPtrArray     *pending;  /* paths still to deliver */
  guint          next;
} Drip;

static void
options_clear (Options *options)
{
  g_free (options->mailbox);
  g_free (options->callsheets);
  g_free (options->write_mails);
  g_free (options->client_id);
  g_free (options->client_secret);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_options (int      *argc,
               char   ***argv,
               Options  *options,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &options->port,
      "Port on 127.0.0.1 (default: any free one)", "PORT" },
    { "mailbox", 0, 0, G_OPTION_ARG_FILENAME, &options->mailbox,
      "Deliver the .eml files of DIR, in the order of their names", "DIR" },
    { "drip", 0, 0, G_OPTION_ARG_INT, &options->drip,
      "Deliver the mailbox one mail every SECONDS instead of all at once", "SECONDS" },
    { "generate", 0, 0, G_OPTION_ARG_INT, &options->generate,
      "Deliver N synthetic mails, each with a distinct call sheet", "N" },
    { "callsheets", 0, 0, G_OPTION_ARG_FILENAME, &options->callsheets,
      "Call sheets for --generate (default: tests/data/callsheets)", "DIR" },
    { "write-mails", 0, 0, G_OPTION_ARG_FILENAME, &options->write_mails,
      "Write the --generate mails as .eml files into DIR and exit", "DIR" },
    { "latency", 0, 0, G_OPTION_ARG_INT, &options->latency,
      "Answer every request MS later", "MS" },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &options->client_id,
      "The OAuth client to accept (default: " MP2_FAKE_GOOGLE_CLIENT_ID ")", "ID" },
    { "client-secret", 0, 0, G_OPTION_ARG_STRING, &options->client_secret,
      "Its secret (default: " MP2_FAKE_GOOGLE_CLIENT_SECRET ")", "SECRET" },
    { "any-client", 0, 0, G_OPTION_ARG_NONE, &options->any_client,
      "Accept any OAuth client id and secret", NULL },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &options->token_lifetime,
      "Access tokens expire after SECONDS (default: 3599)", "SECONDS" },
    { "print-url", 0, 0, G_OPTION_ARG_NONE, &options->print_url,
      "Print the base URL on stdout once listening", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &options->verbose,
      "Log every request on stderr", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new ("— a fake Google (OAuth, Gmail, Calendar) on 127.0.0.1");

  g_option_context_set_summary (context,
                                "Point MP2_OAUTH_URL, MP2_GMAIL_URL and MP2_CALENDAR_URL at the "
                                "URL it prints. It runs until killed.");
  g_option_context_add_main_entries (context, entries, NULL);

  return g_option_context_parse (context, argc, argv, error);
}

static gboolean
write_mails (Options  *options,
             GError  **error)
{
  g_autoptr(GPtrArray) mails = mp2_fake_google_make_synthetic_mails (options->generate,
                                                                     options->callsheets, error);

  if (mails == NULL)
    return FALSE;
  if (g_mkdir_with_parents (options->write_mails, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot make %s: %s",
                   options->write_mails, g_strerror (errno));
      return FALSE;
    }

  for (guint i = 0; i < mails->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("synthetic-%04u.eml", i + 1);
      g_autofree char *path = g_build_filename (options->write_mails, name, NULL);
      GBytes *mail = g_ptr_array_index (mails, i);

      if (!g_file_set_contents (path, g_bytes_get_data (mail, NULL), g_bytes_get_size (mail),
                                error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
on_drip_cb (gpointer user_data)
{
  Drip *drip = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (drip->next >= drip->pending->len)
    return G_SOURCE_REMOVE;

  id = mp2_fake_google_add_mail_file (drip->fake,
                                      g_ptr_array_index (drip->pending, drip->next++), &error);
  if (id == NULL)
    g_printerr ("mp2-fake-google: %s\n", error->message);
  else
    g_printerr ("mp2-fake-google: delivered mail %s (history %" G_GUINT64_FORMAT ")\n", id,
                mp2_fake_google_get_history_id (drip->fake));

  return G_SOURCE_CONTINUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_mailbox (const char *directory,
              GError    **error)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name = NULL;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".eml"))
      g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return g_steal_pointer (&paths);
}

static gboolean
fill (Mp2FakeGoogle *fake,
      Options       *options,
      Drip          *drip,
      GError       **error)
{
  if (options->mailbox != NULL && options->drip > 0)
    {
      drip->fake = fake;
      drip->pending = list_mailbox (options->mailbox, error);
      if (drip->pending == NULL)
        return FALSE;
      g_timeout_add_seconds (options->drip, on_drip_cb, drip);
    }
  else if (options->mailbox != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      mp2_fake_google_add_mailbox (fake, options->mailbox, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return options->generate <= 0 ||
         mp2_fake_google_add_synthetic_mails (fake, options->generate, options->callsheets,
                                              error) > 0;
}

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

static int
serve (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2FakeGoogle) fake = mp2_fake_google_new_with_port (options->port, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Drip drip = { 0 };

  if (fake == NULL || !fill (fake, options, &drip, &error))
    {
      g_printerr ("mp2-fake-google: %s\n", error->message);
      return 1;
    }

  mp2_fake_google_set_verbose (fake, options->verbose);
  mp2_fake_google_set_latency (fake, options->latency);
  if (options->any_client)
    mp2_fake_google_set_client (fake, NULL, NULL);
  else if (options->client_id != NULL)
    mp2_fake_google_set_client (fake, options->client_id,
                                options->client_secret ? options->client_secret : "");
  if (options->token_lifetime > 0)
    mp2_fake_google_set_token_lifetime (fake, options->token_lifetime);

  if (options->print_url)
    {
      g_print ("%s\n", mp2_fake_google_get_url (fake));
      fflush (stdout);
    }
  g_printerr ("mp2-fake-google: listening on %s with %u mails; "
              "MP2_OAUTH_URL=MP2_GMAIL_URL=MP2_CALENDAR_URL=%s\n",
              mp2_fake_google_get_url (fake), mp2_fake_google_get_mail_count (fake),
              mp2_fake_google_get_url (fake));

  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);
  g_clear_pointer (&drip.pending, g_ptr_array_unref);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (!parse_options (&argc, &argv, &options, &error))
    {
      g_printerr ("mp2-fake-google: %s\n", error->message);
      return 2;
    }
  if (options.callsheets == NULL)
    options.callsheets = g_strdup (MP2_FAKE_CALLSHEETS_DIR);

  if (options.write_mails != NULL)
    {
      if (!write_mails (&options, &error))
        {
          g_printerr ("mp2-fake-google: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  return serve (&options);
}
