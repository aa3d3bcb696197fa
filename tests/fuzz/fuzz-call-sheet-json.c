/* fuzz-call-sheet-json.c
 *
 * Fuzz target: any bytes as the JSON form of a call sheet. What is accepted must
 * write back to the same JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-call-sheet.h"
#include "mp2-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  Mp2CallSheetJsonFlags all = MP2_CALL_SHEET_JSON_EXTRAS | MP2_CALL_SHEET_JSON_POSITIONS;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(Mp2CallSheet) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  sheet = mp2_call_sheet_new_from_json ((const char *) data, (gssize) size, NULL);
  if (sheet == NULL)
    return 0;

  first = mp2_call_sheet_to_json (sheet, all, FALSE);
  again = mp2_call_sheet_new_from_json (first, -1, NULL);
  g_assert_nonnull (again);
  second = mp2_call_sheet_to_json (again, all, FALSE);
  g_assert_cmpstr (first, ==, second);

  return 0;
}
