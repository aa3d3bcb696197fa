/* mp2-errors.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MP2_PARSE_ERROR (mp2_parse_error_quark ())

/**
 * Mp2ParseError:
 * @MP2_PARSE_ERROR_EMPTY: the file has no bytes at all
 * @MP2_PARSE_ERROR_NOT_A_PDF: the file is something else than a PDF
 * @MP2_PARSE_ERROR_CORRUPT: a PDF that poppler cannot open (truncated, damaged)
 * @MP2_PARSE_ERROR_ENCRYPTED: the PDF needs a password, or the one given is wrong
 * @MP2_PARSE_ERROR_TOO_LARGE: the file or its page count is over our limits
 * @MP2_PARSE_ERROR_NO_TEXT_LAYER: the pages are images only (a scan)
 * @MP2_PARSE_ERROR_NOT_A_CALL_SHEET: a readable PDF that is not a call sheet
 *
 * What went wrong with a document, in terms a person can act on. Each code has a
 * stable name (mp2_parse_error_code_to_string()) used in JSON and in the database.
 */
typedef enum
{
  MP2_PARSE_ERROR_EMPTY,
  MP2_PARSE_ERROR_NOT_A_PDF,
  MP2_PARSE_ERROR_CORRUPT,
  MP2_PARSE_ERROR_ENCRYPTED,
  MP2_PARSE_ERROR_TOO_LARGE,
  MP2_PARSE_ERROR_NO_TEXT_LAYER,
  MP2_PARSE_ERROR_NOT_A_CALL_SHEET,
} Mp2ParseError;

GQuark      mp2_parse_error_quark          (void);
const char *mp2_parse_error_code_to_string (Mp2ParseError code);
gboolean    mp2_parse_error_code_from_string (const char    *name,
                                              Mp2ParseError *code);

G_END_DECLS
