/* test-pdf-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mp2-errors.h"
#include "mp2-pdf-document.h"
#include "mp2-test-files.h"

static void
assert_open_error (const char    *name,
                   const char    *password,
                   Mp2ParseError  code)
{
  g_autoptr(GBytes) bytes = mp2_test_load_callsheet (name);
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = mp2_pdf_document_new_from_bytes (bytes, password, &error);
  g_assert_null (document);
  g_assert_error (error, MP2_PARSE_ERROR, (int) code);
  g_assert_cmpuint (strlen (error->message), >, 20);
}

static void
test_open_letter_and_a4 (void)
{
  g_autoptr(GBytes) letter = mp2_test_load_callsheet ("T1_01.pdf");
  g_autoptr(GBytes) a4 = mp2_test_load_callsheet ("T1_02.pdf");
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  document = mp2_pdf_document_new_from_bytes (letter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_pdf_document_get_n_pages (document), ==, 2);
  mp2_pdf_document_get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 1);
  g_assert_cmpfloat_with_epsilon (height, 792, 1);
  g_assert_true (mp2_pdf_document_get_bytes (document) == letter);
  g_clear_object (&document);

  document = mp2_pdf_document_new_from_bytes (a4, NULL, &error);
  g_assert_no_error (error);
  mp2_pdf_document_get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 1);
  g_assert_cmpfloat_with_epsilon (height, 841.9, 1);
}

static void
test_bad_documents (void)
{
  assert_open_error ("neg_empty.pdf", NULL, MP2_PARSE_ERROR_EMPTY);
  assert_open_error ("neg_truncated.pdf", NULL, MP2_PARSE_ERROR_CORRUPT);
  assert_open_error ("neg_encrypted.pdf", NULL, MP2_PARSE_ERROR_ENCRYPTED);
  assert_open_error ("neg_encrypted.pdf", "wrong", MP2_PARSE_ERROR_ENCRYPTED);
  assert_open_error ("T1_01.json", NULL, MP2_PARSE_ERROR_NOT_A_PDF);
}

static void
test_wrong_password_says_so (void)
{
  g_autoptr(GBytes) bytes = mp2_test_load_callsheet ("neg_encrypted.pdf");
  g_autoptr(GError) without = NULL;
  g_autoptr(GError) wrong = NULL;
  g_autoptr(Mp2PdfDocument) none = NULL;
  g_autoptr(Mp2PdfDocument) other = NULL;

  none = mp2_pdf_document_new_from_bytes (bytes, NULL, &without);
  other = mp2_pdf_document_new_from_bytes (bytes, "wrong", &wrong);
  g_assert_null (none);
  g_assert_null (other);
  g_assert_cmpstr (without->message, !=, wrong->message);
}

static void
test_password_opens (void)
{
  g_autoptr(GBytes) bytes = mp2_test_load_callsheet ("neg_encrypted.pdf");
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = mp2_pdf_document_new_from_bytes (bytes, "secret", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_pdf_document_get_n_pages (document), >=, 1);
}

static void
test_junk_before_header (void)
{
  g_autoptr(GBytes) original = mp2_test_load_callsheet ("T3_01.pdf");
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (original, &size);

  g_byte_array_append (array, (const guint8 *) "garbage\n", 8);
  g_byte_array_append (array, data, size);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

static void
test_too_large (void)
{
  gsize size = MP2_PDF_MAX_BYTES + 1;
  guint8 *data = g_malloc0 (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (data, "%PDF-1.7\n", 9);
  bytes = g_bytes_new_take (data, size);

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE);
}

/* A file too large is refused before it is read: a sparse file costs no disk. */
static void
test_too_large_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *output;

  file = g_file_new_tmp ("mp2-too-large-XXXXXX.pdf", &stream, &error);
  g_assert_no_error (error);
  output = g_io_stream_get_output_stream (G_IO_STREAM (stream));
  g_output_stream_write_all (output, "%PDF-1.7\n", 9, NULL, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), MP2_PDF_MAX_BYTES + 1, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  document = mp2_pdf_document_new_from_file (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "50.0"));
  g_clear_error (&error);

  path = g_file_get_path (file);
  document = mp2_pdf_document_new_from_path (path, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE);

  g_file_delete (file, NULL, NULL);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/call-sheet.pdf");
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = mp2_pdf_document_new_from_file (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = mp2_pdf_document_new_from_path ("/nonexistent/call-sheet.pdf", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_render (void)
{
  g_autoptr(GBytes) bytes = mp2_test_load_callsheet ("T1_01.pdf");
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  const guint32 *pixels;
  guint dark = 0;
  int width, height, stride;

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  surface = mp2_pdf_document_render_page (document, 0, 0.5, NULL, &error);
  g_assert_no_error (error);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (width, ==, 306);
  g_assert_cmpint (height, ==, 396);

  /* Text was drawn: some pixels are dark, the page is not blank. */
  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((pixels[y * stride / 4 + x] & 0xff) < 0x40)
        dark++;
  g_assert_cmpuint (dark, >, 1000);
  cairo_surface_destroy (surface);

  /* A huge scale is capped, not allocated. */
  surface = mp2_pdf_document_render_page (document, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_height (surface), <=, MP2_PDF_MAX_RENDER_SIZE);
  cairo_surface_destroy (surface);
}

static void
test_render_cancelled (void)
{
  g_autoptr(GBytes) bytes = mp2_test_load_callsheet ("T1_01.pdf");
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  surface = mp2_pdf_document_render_page (document, 1, 1, cancellable, &error);
  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GMainLoop      *loop;
  Mp2PdfDocument *document;
  GError         *error;
} LoadData;

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadData *data = user_data;

  data->document = mp2_pdf_document_load_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
load_file (const char *path,
           LoadData   *data)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  data->loop = g_main_loop_new (NULL, FALSE);
  mp2_pdf_document_load_async (file, NULL, NULL, on_loaded_cb, data);
  g_main_loop_run (data->loop);
  g_main_loop_unref (data->loop);
}

static void
test_load_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "callsheets", "T2_01.pdf",
                                                 NULL);
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "callsheets",
                                                  "neg_empty.pdf", NULL);
  LoadData data = { 0 };

  load_file (path, &data);
  g_assert_no_error (data.error);
  g_assert_true (MP2_IS_PDF_DOCUMENT (data.document));
  g_clear_object (&data.document);

  load_file ("/nonexistent/call-sheet.pdf", &data);
  g_assert_null (data.document);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&data.error);

  load_file (empty, &data);
  g_assert_error (data.error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_EMPTY);
  g_clear_error (&data.error);
}

static void
test_error_names (void)
{
  static const char *names[] = {
    "empty", "not-a-pdf", "corrupt", "encrypted", "too-large", "no-text-layer",
    "not-a-call-sheet",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      Mp2ParseError code;

      g_assert_true (mp2_parse_error_code_from_string (names[i], &code));
      g_assert_cmpstr (mp2_parse_error_code_to_string (code), ==, names[i]);
    }

  g_assert_false (mp2_parse_error_code_from_string ("nonsense", &(Mp2ParseError) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pdf-document/open-letter-and-a4", test_open_letter_and_a4);
  g_test_add_func ("/pdf-document/bad-documents", test_bad_documents);
  g_test_add_func ("/pdf-document/wrong-password-says-so", test_wrong_password_says_so);
  g_test_add_func ("/pdf-document/password-opens", test_password_opens);
  g_test_add_func ("/pdf-document/junk-before-header", test_junk_before_header);
  g_test_add_func ("/pdf-document/too-large", test_too_large);
  g_test_add_func ("/pdf-document/too-large-file", test_too_large_file);
  g_test_add_func ("/pdf-document/missing-file", test_missing_file);
  g_test_add_func ("/pdf-document/render", test_render);
  g_test_add_func ("/pdf-document/render-cancelled", test_render_cancelled);
  g_test_add_func ("/pdf-document/load-async", test_load_async);
  g_test_add_func ("/pdf-document/error-names", test_error_names);

  return g_test_run ();
}
