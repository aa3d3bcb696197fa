/* mp2-pdf-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mp2-pdf-document.h"

G_BEGIN_DECLS

/* Logical pixels per PDF point at 100 %: a point is 1/72 in, a CSS pixel 1/96 in. */
#define MP2_PDF_PIXELS_PER_POINT (96.0 / 72.0)

#define MP2_TYPE_PDF_PAGE (mp2_pdf_page_get_type ())

G_DECLARE_FINAL_TYPE (Mp2PdfPage, mp2_pdf_page, MP2, PDF_PAGE, GtkWidget)

void            mp2_pdf_page_set_document      (Mp2PdfPage     *self,
                                                Mp2PdfDocument *document);
Mp2PdfDocument *mp2_pdf_page_get_document      (Mp2PdfPage     *self);
void            mp2_pdf_page_set_page          (Mp2PdfPage     *self,
                                                guint           page);
guint           mp2_pdf_page_get_page          (Mp2PdfPage     *self);
void            mp2_pdf_page_set_zoom          (Mp2PdfPage     *self,
                                                double          zoom);
double          mp2_pdf_page_get_zoom          (Mp2PdfPage     *self);
double          mp2_pdf_page_get_shown_zoom    (Mp2PdfPage     *self);
int             mp2_pdf_page_get_rendered_page (Mp2PdfPage     *self);
GdkTexture     *mp2_pdf_page_get_texture       (Mp2PdfPage     *self);
void            mp2_pdf_page_set_highlight     (Mp2PdfPage     *self,
                                                guint           page,
                                                const graphene_rect_t *rect);
gboolean        mp2_pdf_page_get_highlight     (Mp2PdfPage     *self,
                                                guint          *page,
                                                graphene_rect_t *rect);
gboolean        mp2_pdf_page_get_highlight_area (Mp2PdfPage    *self,
                                                 graphene_rect_t *area);

G_END_DECLS
