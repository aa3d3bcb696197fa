/* mp2-call-sheet-parser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-call-sheet.h"
#include "mp2-pdf-document.h"
#include "mp2-pdf-text.h"

G_BEGIN_DECLS

Mp2CallSheet *mp2_call_sheet_parse_text     (Mp2PdfText          *text,
                                             const char          *crew_name,
                                             GError             **error);
Mp2CallSheet *mp2_call_sheet_parse          (Mp2PdfDocument      *document,
                                             const char          *crew_name,
                                             GCancellable        *cancellable,
                                             GError             **error);
void          mp2_call_sheet_parse_async    (Mp2PdfDocument      *document,
                                             const char          *crew_name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
Mp2CallSheet *mp2_call_sheet_parse_finish   (GAsyncResult        *result,
                                             GError             **error);
void          mp2_call_sheet_find_personal_call (Mp2CallSheet    *sheet,
                                                 const char      *crew_name);

G_END_DECLS
