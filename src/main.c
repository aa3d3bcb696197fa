/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-film-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mp2-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(Mp2Application) app = NULL;
  const char *localedir;

  /* MP2_LOCALEDIR lets build-aux/dev.sh run the app from the build tree with the
   * catalogs it has just compiled; an installed app uses its own LOCALEDIR. */
  localedir = g_getenv ("MP2_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Film Schedule"));

  app = mp2_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
