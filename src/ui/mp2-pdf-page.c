/* mp2-pdf-page.c
 *
 * One page of a PDF, rendered in a worker thread at the size it is shown times the
 * display's scale factor, so that it stays sharp on HiDPI screens. While a new size
 * renders, the previous image is shown stretched. A highlight (a box in PDF points,
 * such as where a field was read) is drawn over the page in the accent colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pdf-page"

#include "config.h"

#include "mp2-pdf-page.h"

#include <math.h>

/* Re-render after a resize only when the size has been still for this long. */
#define RESIZE_RENDER_DELAY_MS 80

/* How far the highlight reaches around its box, and its corners, in logical pixels. */
#define HIGHLIGHT_PADDING 3.0
#define HIGHLIGHT_RADIUS 3.0
#define HIGHLIGHT_BORDER 2.0

struct _Mp2PdfPage
{
  GtkWidget       parent_instance;

  Mp2PdfDocument *document;
  guint           page;
  double          zoom;

  GdkTexture     *texture;
  int             rendered_page;
  double          texture_scale;

  GCancellable   *render_cancellable;
  double          render_scale;
  guint           render_source;

  gboolean        has_highlight;
  guint           highlight_page;
  graphene_rect_t highlight;
};

G_DEFINE_FINAL_TYPE (Mp2PdfPage, mp2_pdf_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_RENDERED_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_size (Mp2PdfPage *self,
           double     *width,
           double     *height)
{
  mp2_pdf_document_get_page_size (self->document, self->page, width, height);

  /* A page without a size cannot be laid out; treat it as A4. */
  if (*width <= 0 || *height <= 0)
    {
      *width = 595;
      *height = 842;
    }
}

static double
wanted_scale (Mp2PdfPage *self)
{
  double width_pt, height_pt;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  page_size (self, &width_pt, &height_pt);

  return width * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / width_pt;
}

static GdkTexture *
texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * (gsize) height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in native byte order. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
}

static void
cancel_render (Mp2PdfPage *self)
{
  g_clear_handle_id (&self->render_source, g_source_remove);
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
}

static void
clear_texture (Mp2PdfPage *self)
{
  cancel_render (self);
  g_clear_object (&self->texture);

  if (self->rendered_page != -1)
    {
      self->rendered_page = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERED_PAGE]);
    }
}

static void
on_page_rendered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Mp2PdfPage) self = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = mp2_pdf_document_render_page_finish (MP2_PDF_DOCUMENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->render_cancellable);

  if (surface == NULL)
    {
      g_warning ("Could not render page %u: %s", self->page + 1, error->message);
      return;
    }

  g_clear_object (&self->texture);
  self->texture = texture_new_for_surface (surface);
  self->texture_scale = self->render_scale;
  cairo_surface_destroy (surface);

  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->rendered_page != (int) self->page)
    {
      self->rendered_page = (int) self->page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERED_PAGE]);
    }
}

static gboolean
start_render_cb (gpointer user_data)
{
  Mp2PdfPage *self = user_data;

  self->render_source = 0;

  if (self->document == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_cancellable = g_cancellable_new ();
  self->render_scale = wanted_scale (self);

  mp2_pdf_document_render_page_async (self->document, self->page, self->render_scale,
                                      self->render_cancellable, on_page_rendered_cb,
                                      g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static gboolean
scale_matches (double a,
               double b)
{
  return fabs (a - b) < 0.005 * MAX (a, b);
}

static void
schedule_render (Mp2PdfPage *self)
{
  double scale;

  if (self->document == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  scale = wanted_scale (self);

  if (self->texture != NULL && self->rendered_page == (int) self->page
      && scale_matches (scale, self->texture_scale))
    return;

  if (self->render_cancellable != NULL && scale_matches (scale, self->render_scale))
    return;

  g_clear_handle_id (&self->render_source, g_source_remove);
  self->render_source = g_timeout_add (self->texture != NULL ? RESIZE_RENDER_DELAY_MS : 0,
                                       start_render_cb, self);
}

static GtkSizeRequestMode
mp2_pdf_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mp2_pdf_page_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  Mp2PdfPage *self = MP2_PDF_PAGE (widget);
  double width_pt, height_pt;
  double width;

  *minimum = *natural = 0;

  if (self->document == NULL)
    return;

  page_size (self, &width_pt, &height_pt);

  if (self->zoom > 0)
    {
      double pixels = self->zoom * MP2_PDF_PIXELS_PER_POINT;
      double size = orientation == GTK_ORIENTATION_HORIZONTAL ? width_pt : height_pt;

      *minimum = *natural = (int) ceil (size * pixels);
      return;
    }

  /* Fit the width the parent gives, keep the page's proportions. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = (int) ceil (width_pt * MP2_PDF_PIXELS_PER_POINT);
      return;
    }

  width = for_size >= 0 ? for_size : width_pt * MP2_PDF_PIXELS_PER_POINT;
  *minimum = *natural = (int) ceil (width * height_pt / width_pt);
}

static void
mp2_pdf_page_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  schedule_render (MP2_PDF_PAGE (widget));
}

static void
lookup_accent_color (GtkWidget *widget,
                     GdkRGBA   *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, "accent_bg_color", color))
    gdk_rgba_parse (color, "#3584e4");
}

static void
snapshot_highlight (Mp2PdfPage  *self,
                    GtkSnapshot *snapshot)
{
  graphene_rect_t area;
  GskRoundedRect outline;
  GdkRGBA accent;
  GdkRGBA fill;
  float widths[4] = { HIGHLIGHT_BORDER, HIGHLIGHT_BORDER, HIGHLIGHT_BORDER, HIGHLIGHT_BORDER };
  GdkRGBA colors[4];

  if (!mp2_pdf_page_get_highlight_area (self, &area))
    return;

  lookup_accent_color (GTK_WIDGET (self), &accent);
  fill = accent;
  fill.alpha = 0.18f;
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    colors[i] = accent;

  gsk_rounded_rect_init_from_rect (&outline, &area, HIGHLIGHT_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, &area);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
mp2_pdf_page_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  Mp2PdfPage *self = MP2_PDF_PAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->texture == NULL)
    return;

  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  snapshot_highlight (self, snapshot);
}

static void
on_scale_factor_changed_cb (Mp2PdfPage *self)
{
  schedule_render (self);
}

static void
mp2_pdf_page_dispose (GObject *object)
{
  Mp2PdfPage *self = MP2_PDF_PAGE (object);

  cancel_render (self);
  g_clear_object (&self->texture);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (mp2_pdf_page_parent_class)->dispose (object);
}

static void
mp2_pdf_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Mp2PdfPage *self = MP2_PDF_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_RENDERED_PAGE:
      g_value_set_int (value, self->rendered_page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_pdf_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Mp2PdfPage *self = MP2_PDF_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      mp2_pdf_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      mp2_pdf_page_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      mp2_pdf_page_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_pdf_page_class_init (Mp2PdfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp2_pdf_page_dispose;
  object_class->get_property = mp2_pdf_page_get_property;
  object_class->set_property = mp2_pdf_page_set_property;

  widget_class->get_request_mode = mp2_pdf_page_get_request_mode;
  widget_class->measure = mp2_pdf_page_measure;
  widget_class->size_allocate = mp2_pdf_page_size_allocate;
  widget_class->snapshot = mp2_pdf_page_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MP2_TYPE_PDF_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, 16, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RENDERED_PAGE] =
    g_param_spec_int ("rendered-page", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pdf-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mp2_pdf_page_init (Mp2PdfPage *self)
{
  self->rendered_page = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb),
                    NULL);
}

void
mp2_pdf_page_set_document (Mp2PdfPage     *self,
                           Mp2PdfDocument *document)
{
  g_return_if_fail (MP2_IS_PDF_PAGE (self));
  g_return_if_fail (document == NULL || MP2_IS_PDF_DOCUMENT (document));

  if (self->document == document)
    return;

  clear_texture (self);
  g_set_object (&self->document, document);
  self->page = 0;
  self->has_highlight = FALSE;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * mp2_pdf_page_get_document:
 * @self: a #Mp2PdfPage
 *
 * Returns: (transfer none) (nullable): the document
 */
Mp2PdfDocument *
mp2_pdf_page_get_document (Mp2PdfPage *self)
{
  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), NULL);

  return self->document;
}

void
mp2_pdf_page_set_page (Mp2PdfPage *self,
                       guint       page)
{
  g_return_if_fail (MP2_IS_PDF_PAGE (self));

  if (self->document != NULL)
    page = MIN (page, mp2_pdf_document_get_n_pages (self->document) - 1);

  if (self->page == page)
    return;

  clear_texture (self);
  self->page = page;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
mp2_pdf_page_get_page (Mp2PdfPage *self)
{
  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), 0);

  return self->page;
}

/**
 * mp2_pdf_page_set_zoom:
 * @self: a #Mp2PdfPage
 * @zoom: 1.0 for the page's real size, or 0 to fit the width given
 *
 * Sets how large the page is shown.
 */
void
mp2_pdf_page_set_zoom (Mp2PdfPage *self,
                       double      zoom)
{
  g_return_if_fail (MP2_IS_PDF_PAGE (self));

  zoom = CLAMP (zoom, 0, 16);

  if (self->zoom == zoom)
    return;

  self->zoom = zoom;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
mp2_pdf_page_get_zoom (Mp2PdfPage *self)
{
  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), 0);

  return self->zoom;
}

/**
 * mp2_pdf_page_get_shown_zoom:
 * @self: a #Mp2PdfPage
 *
 * Returns: the zoom the page is shown at, also when it fits the width
 */
double
mp2_pdf_page_get_shown_zoom (Mp2PdfPage *self)
{
  double width_pt, height_pt;
  int width;

  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), 1);

  if (self->zoom > 0)
    return self->zoom;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (self->document == NULL || width <= 0)
    return 1;

  page_size (self, &width_pt, &height_pt);

  return width / (width_pt * MP2_PDF_PIXELS_PER_POINT);
}

/**
 * mp2_pdf_page_get_rendered_page:
 * @self: a #Mp2PdfPage
 *
 * Returns: the page whose image is on screen, or -1 while none is
 */
int
mp2_pdf_page_get_rendered_page (Mp2PdfPage *self)
{
  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), -1);

  return self->rendered_page;
}

/**
 * mp2_pdf_page_get_texture:
 * @self: a #Mp2PdfPage
 *
 * Returns: (transfer none) (nullable): the image on screen
 */
GdkTexture *
mp2_pdf_page_get_texture (Mp2PdfPage *self)
{
  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), NULL);

  return self->texture;
}

/**
 * mp2_pdf_page_set_highlight:
 * @self: a #Mp2PdfPage
 * @page: the page the box is on, from 0
 * @rect: (nullable): a box in PDF points from the page's top left, or %NULL for none
 *
 * Marks a box on a page, such as the place a value was read from. It shows while
 * @page is the page shown.
 */
void
mp2_pdf_page_set_highlight (Mp2PdfPage            *self,
                            guint                  page,
                            const graphene_rect_t *rect)
{
  g_return_if_fail (MP2_IS_PDF_PAGE (self));

  if (rect == NULL)
    {
      if (!self->has_highlight)
        return;
      self->has_highlight = FALSE;
    }
  else
    {
      if (self->has_highlight && self->highlight_page == page
          && graphene_rect_equal (&self->highlight, rect))
        return;
      self->has_highlight = TRUE;
      self->highlight_page = page;
      graphene_rect_normalize_r (rect, &self->highlight);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mp2_pdf_page_get_highlight:
 * @self: a #Mp2PdfPage
 * @page: (out) (optional): the page of the box
 * @rect: (out) (optional): the box, in PDF points
 *
 * Returns: %TRUE if a box is marked
 */
gboolean
mp2_pdf_page_get_highlight (Mp2PdfPage      *self,
                            guint           *page,
                            graphene_rect_t *rect)
{
  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), FALSE);

  if (!self->has_highlight)
    return FALSE;

  if (page != NULL)
    *page = self->highlight_page;
  if (rect != NULL)
    *rect = self->highlight;

  return TRUE;
}

/**
 * mp2_pdf_page_get_highlight_area:
 * @self: a #Mp2PdfPage
 * @area: (out): where the highlight is drawn, in the widget's coordinates
 *
 * Returns: %TRUE if a highlight is on the page shown and the page has a size
 */
gboolean
mp2_pdf_page_get_highlight_area (Mp2PdfPage      *self,
                                 graphene_rect_t *area)
{
  double width_pt, height_pt;
  int width;
  float scale;

  g_return_val_if_fail (MP2_IS_PDF_PAGE (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (!self->has_highlight || self->document == NULL || self->highlight_page != self->page
      || width <= 0)
    return FALSE;

  page_size (self, &width_pt, &height_pt);
  scale = (float) (width / width_pt);

  graphene_rect_scale (&self->highlight, scale, scale, area);
  graphene_rect_inset (area, -HIGHLIGHT_PADDING, -HIGHLIGHT_PADDING);

  return TRUE;
}
