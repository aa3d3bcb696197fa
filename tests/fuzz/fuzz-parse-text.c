/* fuzz-parse-text.c
 *
 * Fuzz target: any text, laid out as pdftotext -layout writes it, through the whole
 * call-sheet reader (cells, sections, tables, records, places, values) and out as
 * JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-call-sheet-parser.h"
#include "mp2-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(Mp2PdfText) layout = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  if (size > 256 * 1024)
    return 0;

  text = g_strndup ((const char *) data, size);
  layout = mp2_pdf_text_new_from_layout_text (text);
  sheet = mp2_call_sheet_parse_text (layout, "Jan Kowalski", &error);

  if (sheet != NULL)
    {
      g_autofree char *json = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_EXTRAS
                                                      | MP2_CALL_SHEET_JSON_POSITIONS, FALSE);
      g_autoptr(Mp2CallSheet) again = mp2_call_sheet_new_from_json (json, -1, NULL);

      /* What the reader writes, the model reads back. */
      g_assert_nonnull (again);
    }

  return 0;
}
