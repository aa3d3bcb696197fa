/* mp2-pdf-document-private.h
 *
 * For the readers in core that need poppler itself. Poppler is not thread-safe:
 * hold the lock for as short as possible, and never on the main thread for long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-pdf-document.h"
#include "mp2-poppler-compat.h"

G_BEGIN_DECLS

PopplerDocument *mp2_pdf_document_lock   (Mp2PdfDocument *self);
void             mp2_pdf_document_unlock (Mp2PdfDocument *self);

G_END_DECLS
