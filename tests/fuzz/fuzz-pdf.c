/* fuzz-pdf.c
 *
 * Fuzz target: any bytes as a PDF, through poppler, the layout reader and the
 * call-sheet reader.
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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, NULL);
  if (document == NULL)
    return 0;

  sheet = mp2_call_sheet_parse (document, "Jan Kowalski", NULL, NULL);
  if (sheet != NULL)
    {
      g_autofree char *json = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_EXTRAS, FALSE);

      g_assert_nonnull (json);
    }

  return 0;
}
