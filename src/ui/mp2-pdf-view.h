/* mp2-pdf-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mp2-pdf-document.h"

G_BEGIN_DECLS

#define MP2_TYPE_PDF_VIEW (mp2_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (Mp2PdfView, mp2_pdf_view, MP2, PDF_VIEW, GtkWidget)

GtkWidget      *mp2_pdf_view_new              (void);
void            mp2_pdf_view_set_document     (Mp2PdfView     *self,
                                               Mp2PdfDocument *document);
Mp2PdfDocument *mp2_pdf_view_get_document     (Mp2PdfView     *self);
void            mp2_pdf_view_set_page         (Mp2PdfView     *self,
                                               guint           page);
guint           mp2_pdf_view_get_page         (Mp2PdfView     *self);
guint           mp2_pdf_view_get_n_pages      (Mp2PdfView     *self);
int             mp2_pdf_view_get_rendered_page (Mp2PdfView    *self);
GdkTexture     *mp2_pdf_view_get_texture      (Mp2PdfView     *self);
GActionGroup   *mp2_pdf_view_get_action_group (Mp2PdfView     *self);
void            mp2_pdf_view_show_highlight   (Mp2PdfView     *self,
                                               guint           page,
                                               const graphene_rect_t *rect);
void            mp2_pdf_view_clear_highlight  (Mp2PdfView     *self);
gboolean        mp2_pdf_view_get_highlight    (Mp2PdfView     *self,
                                               guint          *page,
                                               graphene_rect_t *rect);

G_END_DECLS
