/* mp2-sheet-drawer.c
 *
 * A tiny cairo + pango helper that draws test call sheets into PDF bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mp2-sheet-drawer.h"

#define FONT_FAMILY "DejaVu Sans"

struct _Mp2SheetDrawer
{
  GByteArray      *data;
  cairo_surface_t *surface;
  cairo_t         *cr;
};

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *bytes,
                unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Starts a document whose first page is WIDTH x HEIGHT points. */
Mp2SheetDrawer *
mp2_sheet_drawer_new (double width,
                      double height)
{
  Mp2SheetDrawer *self = g_new0 (Mp2SheetDrawer, 1);

  self->data = g_byte_array_new ();
  self->surface = cairo_pdf_surface_create_for_stream (write_to_array, self->data,
                                                       width, height);
  self->cr = cairo_create (self->surface);
  cairo_set_source_rgb (self->cr, 0, 0, 0);
  cairo_set_line_width (self->cr, 0.8);

  return self;
}

void
mp2_sheet_drawer_new_page (Mp2SheetDrawer *self)
{
  cairo_show_page (self->cr);
}

/* Draws TEXT with its top-left corner at (X, Y). */
void
mp2_sheet_drawer_text (Mp2SheetDrawer *self,
                       double          x,
                       double          y,
                       double          size,
                       gboolean        bold,
                       const char     *text)
{
  PangoLayout *layout = pango_cairo_create_layout (self->cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
}

void
mp2_sheet_drawer_rect (Mp2SheetDrawer *self,
                       double          x,
                       double          y,
                       double          width,
                       double          height)
{
  cairo_rectangle (self->cr, x, y, width, height);
  cairo_stroke (self->cr);
}

void
mp2_sheet_drawer_line (Mp2SheetDrawer *self,
                       double          x1,
                       double          y1,
                       double          x2,
                       double          y2)
{
  cairo_move_to (self->cr, x1, y1);
  cairo_line_to (self->cr, x2, y2);
  cairo_stroke (self->cr);
}

/* Ends the document, frees SELF and returns the PDF. */
GBytes *
mp2_sheet_drawer_finish (Mp2SheetDrawer *self)
{
  cairo_status_t status;
  GBytes *bytes;

  cairo_destroy (self->cr);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  cairo_surface_destroy (self->surface);

  if (status != CAIRO_STATUS_SUCCESS)
    g_error ("Could not draw the sheet: %s", cairo_status_to_string (status));

  bytes = g_byte_array_free_to_bytes (self->data);
  g_free (self);

  return bytes;
}
