/* mp2-pdf-view.c
 *
 * The original call sheet beside whatever the app read from it: one page at a time,
 * with page navigation and zoom, and a box that can be highlighted and scrolled into
 * view (where a field was read). Its actions live in a group of their own ("pdf")
 * that the window can also insert, so that the shortcuts work wherever the focus is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pdf-view"

#include "config.h"

#include "mp2-pdf-view.h"

#include <glib/gi18n.h>

#include "mp2-pdf-page.h"

#define SCROLL_STEP 48.0

static const double zoom_levels[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

struct _Mp2PdfView
{
  GtkWidget           parent_instance;

  GSimpleActionGroup *actions;
  double              scroll_delta;

  /* Scroll the highlight into view again when the page's size settles. */
  gboolean            highlight_pending;
  guint               settle_source;

  /* Template widgets */
  GtkScrolledWindow  *scroller;
  Mp2PdfPage         *page_widget;
  GtkLabel           *page_label;
  GtkMenuButton      *zoom_button;
};

G_DEFINE_FINAL_TYPE (Mp2PdfView, mp2_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_RENDERED_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_action_enabled (Mp2PdfView *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static double
shown_zoom (Mp2PdfView *self)
{
  return mp2_pdf_page_get_shown_zoom (self->page_widget);
}

static void
update_zoom_state (Mp2PdfView *self)
{
  gboolean has_document = mp2_pdf_view_get_document (self) != NULL;
  double zoom = mp2_pdf_page_get_zoom (self->page_widget);
  double shown = shown_zoom (self);
  g_autofree char *label = NULL;
  GAction *action;

  if (zoom > 0)
    label = g_strdup_printf ("%.0f %%", zoom * 100);
  else
    label = g_strdup (_("Fit Width"));

  gtk_menu_button_set_label (self->zoom_button, label);

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "zoom");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_double (zoom));

  set_action_enabled (self, "zoom", has_document);
  set_action_enabled (self, "zoom-in", has_document
                      && shown < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.01);
  set_action_enabled (self, "zoom-out", has_document && shown > zoom_levels[0] + 0.01);
  set_action_enabled (self, "zoom-fit-width", has_document && zoom > 0);
  set_action_enabled (self, "zoom-original", has_document && zoom != 1.0);
}

static void
update_page_state (Mp2PdfView *self)
{
  guint page = mp2_pdf_view_get_page (self);
  guint n_pages = mp2_pdf_view_get_n_pages (self);
  g_autofree char *label = NULL;

  if (n_pages > 0)
    /* Translators: the first number is the page shown, the second the page count. */
    label = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

  gtk_label_set_label (self->page_label, label != NULL ? label : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("No document"),
                                  -1);

  set_action_enabled (self, "previous-page", n_pages > 0 && page > 0);
  set_action_enabled (self, "next-page", n_pages > 0 && page + 1 < n_pages);
}

static void
scroll_to_top (Mp2PdfView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
set_zoom (Mp2PdfView *self,
          double      zoom)
{
  mp2_pdf_page_set_zoom (self->page_widget, zoom);

  /* Fitting the width leaves nothing to scroll sideways. */
  gtk_widget_set_halign (GTK_WIDGET (self->page_widget),
                         zoom > 0 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_scrolled_window_set_policy (self->scroller,
                                  zoom > 0 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);

  update_zoom_state (self);
}

static void
zoom_step (Mp2PdfView *self,
           int         direction)
{
  double shown = shown_zoom (self);

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > shown + 0.01)
          {
            set_zoom (self, zoom_levels[i]);
            return;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < shown - 0.01)
          {
            set_zoom (self, zoom_levels[i - 1]);
            return;
          }
    }
}

static void
previous_page_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  Mp2PdfView *self = user_data;
  guint page = mp2_pdf_view_get_page (self);

  if (page > 0)
    mp2_pdf_view_set_page (self, page - 1);
}

static void
next_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Mp2PdfView *self = user_data;

  mp2_pdf_view_set_page (self, mp2_pdf_view_get_page (self) + 1);
}

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  zoom_step (user_data, 1);
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  zoom_step (user_data, -1);
}

static void
zoom_fit_width_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  set_zoom (user_data, 0);
}

static void
zoom_original_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  set_zoom (user_data, 1.0);
}

static void
zoom_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  set_zoom (user_data, g_variant_get_double (value));
}

static const GActionEntry view_actions[] = {
  { "previous-page", previous_page_activated },
  { "next-page", next_page_activated },
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "zoom-fit-width", zoom_fit_width_activated },
  { "zoom-original", zoom_original_activated },
  { "zoom", NULL, "d", "0.0", zoom_change_state },
};

static gboolean
on_scroll_controller_scroll_cb (GtkEventControllerScroll *controller,
                                double                    dx,
                                double                    dy,
                                gpointer                  user_data)
{
  Mp2PdfView *self = user_data;
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || mp2_pdf_view_get_document (self) == NULL)
    return FALSE;

  /* Touchpads send many small steps: zoom once per whole step. */
  self->scroll_delta += dy;
  while (self->scroll_delta <= -1)
    {
      zoom_step (self, 1);
      self->scroll_delta += 1;
    }
  while (self->scroll_delta >= 1)
    {
      zoom_step (self, -1);
      self->scroll_delta -= 1;
    }

  return TRUE;
}

static void
on_page_widget_notify_rendered_page_cb (Mp2PdfView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERED_PAGE]);
}

/* Scrolls @adjustment so that @start .. @start + @size (from the visible top or left)
 * is in view, centred when it was not. */
static void
reveal_range (GtkAdjustment *adjustment,
              double         start,
              double         size)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);

  if (start >= 0 && start + size <= page_size)
    return;

  gtk_adjustment_set_value (adjustment, value + start + size / 2 - page_size / 2);
}

static void
scroll_to_highlight (Mp2PdfView *self)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t area;
  graphene_point_t origin;

  if (viewport == NULL || !mp2_pdf_page_get_highlight_area (self->page_widget, &area))
    return;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->page_widget), viewport,
                                 &GRAPHENE_POINT_INIT (0, 0), &origin))
    return;

  reveal_range (gtk_scrolled_window_get_vadjustment (self->scroller),
                origin.y + area.origin.y, area.size.height);
  reveal_range (gtk_scrolled_window_get_hadjustment (self->scroller),
                origin.x + area.origin.x, area.size.width);
}

static gboolean
settle_highlight_cb (gpointer user_data)
{
  Mp2PdfView *self = user_data;

  self->settle_source = 0;
  scroll_to_highlight (self);
  self->highlight_pending = FALSE;

  return G_SOURCE_REMOVE;
}

static void
on_page_widget_size_changed_cb (Mp2PdfView *self)
{
  update_zoom_state (self);

  if (self->highlight_pending)
    scroll_to_highlight (self);
}

static gboolean
scroll_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  Mp2PdfView *self = MP2_PDF_VIEW (widget);
  GtkAdjustment *adjustment;
  gboolean vertical;
  double amount;

  g_variant_get (args, "(bd)", &vertical, &amount);

  adjustment = vertical ? gtk_scrolled_window_get_vadjustment (self->scroller)
                        : gtk_scrolled_window_get_hadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + amount);

  return TRUE;
}

static void
add_scroll_bindings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, scroll_binding, "(bd)", TRUE,
                                -SCROLL_STEP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, scroll_binding, "(bd)", TRUE,
                                SCROLL_STEP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, scroll_binding, "(bd)", FALSE,
                                -SCROLL_STEP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, scroll_binding, "(bd)", FALSE,
                                SCROLL_STEP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, scroll_binding, "(bd)", TRUE,
                                -G_MAXDOUBLE / 4);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, scroll_binding, "(bd)", TRUE,
                                G_MAXDOUBLE / 4);
}

static gboolean
mp2_pdf_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (MP2_PDF_VIEW (widget)->page_widget));
}

static void
mp2_pdf_view_dispose (GObject *object)
{
  Mp2PdfView *self = MP2_PDF_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->settle_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP2_TYPE_PDF_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (mp2_pdf_view_parent_class)->dispose (object);
}

static void
mp2_pdf_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Mp2PdfView *self = MP2_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, mp2_pdf_view_get_document (self));
      break;
    case PROP_PAGE:
      g_value_set_uint (value, mp2_pdf_view_get_page (self));
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, mp2_pdf_view_get_n_pages (self));
      break;
    case PROP_RENDERED_PAGE:
      g_value_set_int (value, mp2_pdf_view_get_rendered_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_pdf_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Mp2PdfView *self = MP2_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      mp2_pdf_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      mp2_pdf_view_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_pdf_view_class_init (Mp2PdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp2_pdf_view_dispose;
  object_class->get_property = mp2_pdf_view_get_property;
  object_class->set_property = mp2_pdf_view_set_property;

  widget_class->grab_focus = mp2_pdf_view_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MP2_TYPE_PDF_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RENDERED_PAGE] =
    g_param_spec_int ("rendered-page", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP2_TYPE_PDF_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2PdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, Mp2PdfView, page_widget);
  gtk_widget_class_bind_template_child (widget_class, Mp2PdfView, page_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2PdfView, zoom_button);

  add_scroll_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mp2_pdf_view_init (Mp2PdfView *self)
{
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), view_actions,
                                   G_N_ELEMENTS (view_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "pdf", G_ACTION_GROUP (self->actions));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_controller_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  g_signal_connect_object (self->page_widget, "notify::rendered-page",
                           G_CALLBACK (on_page_widget_notify_rendered_page_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_page_widget_size_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_page_state (self);
  set_zoom (self, 0);
}

GtkWidget *
mp2_pdf_view_new (void)
{
  return g_object_new (MP2_TYPE_PDF_VIEW, NULL);
}

/**
 * mp2_pdf_view_set_document:
 * @self: a #Mp2PdfView
 * @document: (nullable): the document to show
 *
 * Shows the first page of @document, fitted to the width.
 */
void
mp2_pdf_view_set_document (Mp2PdfView     *self,
                           Mp2PdfDocument *document)
{
  g_return_if_fail (MP2_IS_PDF_VIEW (self));
  g_return_if_fail (document == NULL || MP2_IS_PDF_DOCUMENT (document));

  if (mp2_pdf_page_get_document (self->page_widget) == document)
    return;

  mp2_pdf_page_set_document (self->page_widget, document);
  set_zoom (self, 0);
  scroll_to_top (self);
  update_page_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

/**
 * mp2_pdf_view_get_document:
 * @self: a #Mp2PdfView
 *
 * Returns: (transfer none) (nullable): the document shown
 */
Mp2PdfDocument *
mp2_pdf_view_get_document (Mp2PdfView *self)
{
  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), NULL);

  return mp2_pdf_page_get_document (self->page_widget);
}

/**
 * mp2_pdf_view_set_page:
 * @self: a #Mp2PdfView
 * @page: a page index, from 0; clamped to the last page
 *
 * Shows another page of the document.
 */
void
mp2_pdf_view_set_page (Mp2PdfView *self,
                       guint       page)
{
  g_return_if_fail (MP2_IS_PDF_VIEW (self));

  if (mp2_pdf_view_get_document (self) == NULL)
    return;

  page = MIN (page, mp2_pdf_view_get_n_pages (self) - 1);
  if (page == mp2_pdf_view_get_page (self))
    return;

  mp2_pdf_page_set_page (self->page_widget, page);
  scroll_to_top (self);
  update_page_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
mp2_pdf_view_get_page (Mp2PdfView *self)
{
  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), 0);

  return mp2_pdf_page_get_page (self->page_widget);
}

guint
mp2_pdf_view_get_n_pages (Mp2PdfView *self)
{
  Mp2PdfDocument *document;

  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), 0);

  document = mp2_pdf_view_get_document (self);

  return document != NULL ? mp2_pdf_document_get_n_pages (document) : 0;
}

/**
 * mp2_pdf_view_get_rendered_page:
 * @self: a #Mp2PdfView
 *
 * Returns: the page whose image is on screen, or -1 while it is being drawn
 */
int
mp2_pdf_view_get_rendered_page (Mp2PdfView *self)
{
  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), -1);

  return mp2_pdf_page_get_rendered_page (self->page_widget);
}

/**
 * mp2_pdf_view_get_texture:
 * @self: a #Mp2PdfView
 *
 * Returns: (transfer none) (nullable): the image of the page on screen
 */
GdkTexture *
mp2_pdf_view_get_texture (Mp2PdfView *self)
{
  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), NULL);

  return mp2_pdf_page_get_texture (self->page_widget);
}

/**
 * mp2_pdf_view_get_action_group:
 * @self: a #Mp2PdfView
 *
 * The page and zoom actions, for a window to insert as "pdf".
 *
 * Returns: (transfer none): the action group
 */
GActionGroup *
mp2_pdf_view_get_action_group (Mp2PdfView *self)
{
  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * mp2_pdf_view_show_highlight:
 * @self: a #Mp2PdfView
 * @page: the page the box is on, from 0
 * @rect: a box in PDF points from the page's top left
 *
 * Shows @page, marks @rect on it in the accent colour and scrolls it into view. Does
 * nothing without a document or when the document has no such page.
 */
void
mp2_pdf_view_show_highlight (Mp2PdfView            *self,
                             guint                  page,
                             const graphene_rect_t *rect)
{
  g_return_if_fail (MP2_IS_PDF_VIEW (self));
  g_return_if_fail (rect != NULL);

  if (page >= mp2_pdf_view_get_n_pages (self))
    return;

  mp2_pdf_page_set_highlight (self->page_widget, page, rect);
  mp2_pdf_view_set_page (self, page);

  /* The page may still have to be laid out at its new size: try now, again when the
   * scrolled area changes, and a last time once the main loop is idle. */
  self->highlight_pending = TRUE;
  scroll_to_highlight (self);
  if (self->settle_source == 0)
    self->settle_source = g_idle_add_full (G_PRIORITY_LOW, settle_highlight_cb, self, NULL);
}

/**
 * mp2_pdf_view_clear_highlight:
 * @self: a #Mp2PdfView
 *
 * Takes the highlight away.
 */
void
mp2_pdf_view_clear_highlight (Mp2PdfView *self)
{
  g_return_if_fail (MP2_IS_PDF_VIEW (self));

  self->highlight_pending = FALSE;
  mp2_pdf_page_set_highlight (self->page_widget, 0, NULL);
}

/**
 * mp2_pdf_view_get_highlight:
 * @self: a #Mp2PdfView
 * @page: (out) (optional): the page of the box
 * @rect: (out) (optional): the box, in PDF points from the page's top left
 *
 * Returns: %TRUE if a box is highlighted
 */
gboolean
mp2_pdf_view_get_highlight (Mp2PdfView      *self,
                            guint           *page,
                            graphene_rect_t *rect)
{
  g_return_val_if_fail (MP2_IS_PDF_VIEW (self), FALSE);

  return mp2_pdf_page_get_highlight (self->page_widget, page, rect);
}
