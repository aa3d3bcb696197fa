/* mp2-pdf-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A call sheet is a few hundred kilobytes; anything this large is not one, and a
 * hostile file must not be able to take the machine. */
#define MP2_PDF_MAX_BYTES (50 * 1000 * 1000)
#define MP2_PDF_MAX_PAGES 500

/* Largest side of one rendered page, in device pixels. */
#define MP2_PDF_MAX_RENDER_SIZE 8192

#define MP2_TYPE_PDF_DOCUMENT (mp2_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (Mp2PdfDocument, mp2_pdf_document, MP2, PDF_DOCUMENT, GObject)

Mp2PdfDocument  *mp2_pdf_document_new_from_bytes    (GBytes              *bytes,
                                                     const char          *password,
                                                     GError             **error);
void             mp2_pdf_document_set_too_large_error (GError           **error);
Mp2PdfDocument  *mp2_pdf_document_new_from_path     (const char          *path,
                                                     const char          *password,
                                                     GError             **error);
Mp2PdfDocument  *mp2_pdf_document_new_from_file     (GFile               *file,
                                                     const char          *password,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void             mp2_pdf_document_load_async        (GFile               *file,
                                                     const char          *password,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
Mp2PdfDocument  *mp2_pdf_document_load_finish       (GAsyncResult        *result,
                                                     GError             **error);
GBytes          *mp2_pdf_document_get_bytes         (Mp2PdfDocument      *self);
const char      *mp2_pdf_document_get_title         (Mp2PdfDocument      *self);
guint            mp2_pdf_document_get_n_pages       (Mp2PdfDocument      *self);
void             mp2_pdf_document_get_page_size     (Mp2PdfDocument      *self,
                                                     guint                page,
                                                     double              *width,
                                                     double              *height);
cairo_surface_t *mp2_pdf_document_render_page       (Mp2PdfDocument      *self,
                                                     guint                page,
                                                     double               scale,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void             mp2_pdf_document_render_page_async (Mp2PdfDocument      *self,
                                                     guint                page,
                                                     double               scale,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
cairo_surface_t *mp2_pdf_document_render_page_finish (Mp2PdfDocument     *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);

G_END_DECLS
