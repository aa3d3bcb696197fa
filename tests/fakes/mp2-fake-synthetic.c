/* mp2-fake-synthetic.c
 *
 * Many mails for benchmarks and the soak: each one a multipart/mixed message with a
 * Polish subject and a call-sheet PDF from tests/data/callsheets, made distinct by a
 * comment after %%EOF (a PDF reader ignores it), so that no two documents are the
 * same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-gmail-private.h"

#include <string.h>

static void
append_base64_lines (GString      *text,
                     const guint8 *data,
                     gsize         length)
{
  g_autofree char *encoded = g_base64_encode (data, length);
  gsize total = strlen (encoded);

  for (gsize i = 0; i < total; i += 76)
    {
      g_string_append_len (text, encoded + i, MIN (76, total - i));
      g_string_append (text, "\r\n");
    }
}

static char *
format_date (guint index)
{
  static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                  "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 1, 6, 18, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_minutes (start, 37 * (gint) index);

  return g_strdup_printf ("%s, %02d %s %d %02d:%02d:00 +0000",
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], g_date_time_get_year (date),
                          g_date_time_get_hour (date), g_date_time_get_minute (date));
}

/* One mail; @index makes the subject, the ids and the PDF distinct. */
static GBytes *
make_mail (guint       index,
           GBytes     *pdf,
           const char *pdf_name)
{
  GString *text = g_string_new (NULL);
  g_autofree char *date = format_date (index);
  g_autofree char *stem = g_strndup (pdf_name, strcspn (pdf_name, "."));
  g_autofree char *tail = g_strdup_printf ("\n%% mp2 synthetic copy %u\n", index);
  g_autoptr(GByteArray) document = g_byte_array_new ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (pdf, &length);

  g_byte_array_append (document, data, length);
  g_byte_array_append (document, (const guint8 *) tail, strlen (tail));

  g_string_append_printf (text,
                          "From: Biuro produkcji =?utf-8?q?=E2=80=9EPr=C3=B3ba=E2=80=9D?= "
                          "<biuro@proba.example>\r\n"
                          "To: ekipa@proba.example\r\n"
                          "Subject: =?utf-8?q?Plan_zdj=C4=99ciowy_=E2=80=93_dzie=C5=84_%u?=\r\n"
                          "Date: %s\r\n"
                          "Message-ID: <synthetic-%u@proba.example>\r\n"
                          "MIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=\"mp2-synthetic-%u\"\r\n"
                          "\r\n"
                          "--mp2-synthetic-%u\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n"
                          "Content-Transfer-Encoding: 8bit\r\n"
                          "\r\n"
                          "Dzień dobry,\r\n\r\nw załączniku plan zdjęciowy nr %u.\r\n\r\n"
                          "--mp2-synthetic-%u\r\n"
                          "Content-Type: application/pdf; name=\"%s_%04u.pdf\"\r\n"
                          "Content-Disposition: attachment; filename=\"%s_%04u.pdf\"\r\n"
                          "Content-Transfer-Encoding: base64\r\n"
                          "\r\n",
                          index, date, index, index, index, index, index, stem, index, stem,
                          index);
  append_base64_lines (text, document->data, document->len);
  g_string_append_printf (text, "--mp2-synthetic-%u--\r\n", index);

  return g_string_free_to_bytes (text);
}

/**
 * mp2_fake_google_make_synthetic_mails:
 * @count: how many mails
 * @callsheets_dir: a folder of call sheets (its T*.pdf are used in turn), such as
 *   tests/data/callsheets
 *
 * Returns: (transfer full) (element-type GBytes): @count mails, each with a distinct
 *   PDF, or %NULL with @error set
 */
GPtrArray *
mp2_fake_google_make_synthetic_mails (guint       count,
                                      const char *callsheets_dir,
                                      GError    **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) mails = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_return_val_if_fail (callsheets_dir != NULL, NULL);

  paths = mp2_fake_list_files (callsheets_dir, "T", ".pdf", error);
  if (paths == NULL)
    return NULL;
  if (paths->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No T*.pdf in %s", callsheets_dir);
      return NULL;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (g_ptr_array_index (paths, i), &contents, &length, error))
        return NULL;
      g_ptr_array_add (sheets, g_bytes_new_take (g_steal_pointer (&contents), length));
    }

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (paths, i % paths->len));

      g_ptr_array_add (mails, make_mail (i + 1, g_ptr_array_index (sheets, i % sheets->len),
                                         name));
    }

  return g_steal_pointer (&mails);
}

/**
 * mp2_fake_google_add_synthetic_mails:
 *
 * Delivers the mails of mp2_fake_google_make_synthetic_mails ().
 *
 * Returns: how many were delivered; 0 with @error set if none could be
 */
guint
mp2_fake_google_add_synthetic_mails (Mp2FakeGoogle *self,
                                     guint          count,
                                     const char    *callsheets_dir,
                                     GError       **error)
{
  g_autoptr(GPtrArray) mails = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  mails = mp2_fake_google_make_synthetic_mails (count, callsheets_dir, error);
  if (mails == NULL)
    return 0;

  for (guint i = 0; i < mails->len; i++)
    {
      g_autofree char *id = mp2_fake_google_add_mail (self, g_ptr_array_index (mails, i), error);

      if (id == NULL)
        return i;
    }

  return mails->len;
}
