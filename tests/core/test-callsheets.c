/* test-callsheets.c
 *
 * Every call sheet of the corpus is read and compared with its ground truth, field
 * by field, every field; every bad document gives its own error code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "mp2-call-sheet-parser.h"
#include "mp2-errors.h"
#include "mp2-pdf-document.h"

static char *
corpus_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "callsheets", name, NULL);
}

static Mp2CallSheet *
parse_file (const char  *name,
            const char  *password,
            GError     **error)
{
  g_autofree char *path = corpus_path (name);
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);

  document = mp2_pdf_document_new_from_bytes (bytes, password, error);
  if (document == NULL)
    return NULL;

  return mp2_call_sheet_parse (document, NULL, NULL, error);
}

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

/* Compares two JSON trees and names the first place where they differ. */
static void
assert_same_json (const char *sheet,
                  const char *path,
                  JsonNode   *got,
                  JsonNode   *want)
{
  if (JSON_NODE_HOLDS_OBJECT (want) && JSON_NODE_HOLDS_OBJECT (got))
    {
      JsonObject *want_object = json_node_get_object (want);
      JsonObject *got_object = json_node_get_object (got);
      g_autoptr(GList) members = json_object_get_members (want_object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", path, (const char *) l->data);

          if (!json_object_has_member (got_object, l->data))
            g_error ("%s: %s is missing", sheet, child);
          assert_same_json (sheet, child, json_object_get_member (got_object, l->data),
                            json_object_get_member (want_object, l->data));
        }
      return;
    }

  if (JSON_NODE_HOLDS_ARRAY (want) && JSON_NODE_HOLDS_ARRAY (got))
    {
      JsonArray *want_array = json_node_get_array (want);
      JsonArray *got_array = json_node_get_array (got);
      guint n = MIN (json_array_get_length (want_array), json_array_get_length (got_array));

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

          assert_same_json (sheet, child, json_array_get_element (got_array, i),
                            json_array_get_element (want_array, i));
        }
      if (json_array_get_length (want_array) != json_array_get_length (got_array))
        g_error ("%s: %s has %u elements, expected %u", sheet, path,
                 json_array_get_length (got_array), json_array_get_length (want_array));
      return;
    }

  if (!json_node_equal (got, want))
    {
      g_autofree char *got_text = node_to_string (got);
      g_autofree char *want_text = node_to_string (want);

      g_error ("%s: %s is %s, expected %s", sheet, path, got_text, want_text);
    }
}

static JsonNode *
load_truth (const char *pdf_name)
{
  g_autofree char *base = g_strndup (pdf_name, strlen (pdf_name) - 4);
  g_autofree char *json_name = g_strconcat (base, ".json", NULL);
  g_autofree char *path = corpus_path (json_name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_sheet (gconstpointer data)
{
  const char *name = data;
  g_autoptr(JsonNode) truth = load_truth (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_file (name, NULL, &error);
  JsonObject *object = json_node_get_object (truth);

  if (json_object_has_member (object, "error"))
    {
      const char *code = json_object_get_string_member (object, "error");

      g_assert_null (sheet);
      if (error == NULL || error->domain != MP2_PARSE_ERROR)
        g_error ("%s: expected the error %s", name, code);
      g_assert_cmpstr (mp2_parse_error_code_to_string ((Mp2ParseError) error->code), ==, code);
      g_assert_cmpuint (strlen (error->message), >, 30);
      return;
    }

  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) got = mp2_call_sheet_to_json_node (sheet, MP2_CALL_SHEET_JSON_DEFAULT);

    assert_same_json (name, "$", got, truth);
    g_assert_cmpuint (mp2_call_sheet_get_warnings (sheet)->len, ==, 0);
  }
}

static void
test_map_is_not_a_call_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_file ("email_two_pdfs_map.pdf", NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_NOT_A_CALL_SHEET);
}

static void
test_encrypted_with_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_file ("neg_encrypted.pdf", "secret", &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL), !=,
                   MP2_CALL_SHEET_NO_TIME);
  g_assert_true (mp2_call_sheet_get_date (sheet, NULL, NULL, NULL));
}

static void
test_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_file ("T2_01.pdf", NULL, &error);
  Mp2SourceBox box;

  g_assert_no_error (error);

  /* The crew call "06:30" stands in the top third of page 1, left of the middle. */
  g_assert_true (mp2_call_sheet_get_position (sheet, "crew_call", &box));
  g_assert_cmpuint (box.page, ==, 0);
  g_assert_cmpfloat (box.y, <, 842 / 3.0);
  g_assert_cmpfloat (box.x, <, 595 / 2.0);
  g_assert_cmpfloat (box.width, >, 0);

  /* Every scalar that was read and every place has a position. */
  g_assert_true (mp2_call_sheet_get_position (sheet, "date", &box));
  g_assert_true (mp2_call_sheet_get_position (sheet, "production", &box));
  g_assert_true (mp2_call_sheet_get_position (sheet, "shooting_day", &box));
  for (guint i = 0; i < mp2_call_sheet_get_locations (sheet)->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("locations/%u", i);

      g_assert_true (mp2_call_sheet_get_position (sheet, key, &box));
    }
}

static void
on_parsed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autofree char *path = corpus_path ("T3_02.pdf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);
  document = mp2_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  mp2_call_sheet_parse_async (document, "Liam Hughes", NULL, on_parsed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  sheet = mp2_call_sheet_parse_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_call_sheet_get_personal_call (sheet)->source, ==,
                   MP2_PERSONAL_CALL_CREW);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  folder = g_test_build_filename (G_TEST_DIST, "data", "callsheets", NULL);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);

  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      g_autofree char *base = NULL;
      g_autofree char *json = NULL;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      base = g_strndup (name, strlen (name) - strlen (".pdf"));
      json = g_strconcat (folder, "/", base, ".json", NULL);
      if (g_file_test (json, G_FILE_TEST_EXISTS))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 22);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/callsheets/%s", name);

      g_test_add_data_func (test, name, test_sheet);
    }
  g_test_add_func ("/callsheets/map-is-not-a-call-sheet", test_map_is_not_a_call_sheet);
  g_test_add_func ("/callsheets/encrypted-with-password", test_encrypted_with_password);
  g_test_add_func ("/callsheets/positions", test_positions);
  g_test_add_func ("/callsheets/async", test_async);

  return g_test_run ();
}
