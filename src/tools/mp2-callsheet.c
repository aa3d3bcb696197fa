/* mp2-callsheet.c
 *
 * mp2-callsheet: reads a call sheet PDF and prints the day as JSON, the same reader
 * the app uses, for scripts and for checking the reader on a folder of sheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-callsheet"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "mp2-call-sheet-parser.h"
#include "mp2-errors.h"
#include "mp2-pdf-document.h"
#include "mp2-pdf-text.h"

#define EXIT_DOCUMENT_ERROR 1
#define EXIT_USAGE_ERROR 2

static char *password;
static char *crew_name;
static gboolean positions;
static gboolean text_only;
static gboolean compact;
static char **files;

static const GOptionEntry entries[] = {
  { "password", 'p', 0, G_OPTION_ARG_STRING, &password,
    N_("Open an encrypted PDF with this password"), N_("PASSWORD") },
  { "crew-name", 'n', 0, G_OPTION_ARG_STRING, &crew_name,
    N_("Find this person in the crew or cast list and add their own call"), N_("NAME") },
  { "positions", 0, 0, G_OPTION_ARG_NONE, &positions,
    N_("Add where on the page each value was read"), NULL },
  { "text", 0, 0, G_OPTION_ARG_NONE, &text_only,
    N_("Print the lines of text as the reader sees them, cells separated by |"), NULL },
  { "compact", 0, 0, G_OPTION_ARG_NONE, &compact, N_("Print the JSON on one line"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.pdf") },
  { NULL }
};

static void
print_json_node (JsonNode *node,
                 gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
}

static int
report_document_error (const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *code = "unknown";

  if (error->domain == MP2_PARSE_ERROR)
    code = mp2_parse_error_code_to_string ((Mp2ParseError) error->code);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  print_json_node (node, FALSE);

  return EXIT_DOCUMENT_ERROR;
}


static int
print_text (Mp2PdfDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2PdfText) text = mp2_pdf_text_new (document, NULL, &error);
  g_autofree char *dump = NULL;

  if (text == NULL)
    return report_document_error (error);

  dump = mp2_pdf_text_dump (text);
  fputs (dump, stdout);

  return EXIT_SUCCESS;
}

static int
print_sheet (Mp2PdfDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(JsonNode) node = NULL;
  Mp2CallSheetJsonFlags flags = MP2_CALL_SHEET_JSON_EXTRAS;

  sheet = mp2_call_sheet_parse (document, crew_name, NULL, &error);
  if (sheet == NULL)
    return report_document_error (error);

  if (positions)
    flags |= MP2_CALL_SHEET_JSON_POSITIONS;

  node = mp2_call_sheet_to_json_node (sheet, flags);
  print_json_node (node, !compact);

  return EXIT_SUCCESS;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("mp2-callsheet: %s\n\n%s", message, help);

  return EXIT_USAGE_ERROR;
}

static int
run (int   argc,
     char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2PdfDocument) document = NULL;

  /* Messages and the character set only: numbers and dates in the JSON never
   * depend on the locale, and reading the rest of it would only cost time. */
  setlocale (LC_CTYPE, "");
  setlocale (LC_MESSAGES, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Reads a film call sheet (PDF) and prints the "
                                           "shooting day as JSON."));
  g_option_context_set_description (context,
    _("The JSON holds the production, date, day number, revision, language, the crew call "
      "and other times (HH:MM), the locations, scenes, crew, cast and notes, with null "
      "where the sheet does not say; then the reader's warnings and, with --crew-name, "
      "your own call.\n\n"
      "Exit status: 0 when the sheet was read; 1 when the document cannot be read as a "
      "call sheet, with {\"error\": CODE, \"message\": SENTENCE} on standard output, "
      "CODE being one of encrypted, no-text-layer, corrupt, empty, not-a-pdf, too-large "
      "or not-a-call-sheet; 2 for a wrong command line or a file that cannot be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (context, _("Give exactly one PDF file."));

  document = mp2_pdf_document_new_from_path (files[0], password, &error);
  if (document == NULL && error->domain != MP2_PARSE_ERROR)
    {
      g_printerr ("mp2-callsheet: %s\n", error->message);
      return EXIT_USAGE_ERROR;
    }
  if (document == NULL)
    return report_document_error (error);

  return text_only ? print_text (document) : print_sheet (document);
}

int
main (int   argc,
      char *argv[])
{
  int status = run (argc, argv);

  /* Everything of ours is freed by now. Unloading the fifty-odd libraries that
   * poppler-glib brings takes longer than reading a small sheet, and they hold
   * nothing that needs writing out: flush and leave. */
  fflush (stdout);
  fflush (stderr);
  _exit (status);
}
