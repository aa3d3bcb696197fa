/* test-pdf-view.c
 *
 * The viewer under Xvfb: pages render, sharp at the display's scale factor, and the
 * page and zoom actions do what they say. Run once at scale 1 and once with
 * GDK_SCALE=2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mp2-pdf-view.h"
#include "mp2-test-ui.h"

typedef struct
{
  GtkWidget      *window;
  Mp2PdfView     *view;
  Mp2PdfDocument *document;
} Fixture;

static Mp2PdfDocument *
open_document (const char *name)
{
  g_autofree char *path = mp2_test_data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  Mp2PdfDocument *document;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  fixture->view = MP2_PDF_VIEW (mp2_pdf_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->document = open_document ("T1_01.pdf");
  mp2_pdf_view_set_document (fixture->view, fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->document);
  mp2_test_flush ();
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  return GTK_WIDGET (mp2_test_template_child (fixture->view, MP2_TYPE_PDF_VIEW, name));
}

typedef struct
{
  Fixture *fixture;
  int      page;
  int      texture_width;
} RenderWait;

static gboolean
page_is_rendered (gpointer user_data)
{
  RenderWait *wait = user_data;
  Mp2PdfView *view = wait->fixture->view;
  GdkTexture *texture = mp2_pdf_view_get_texture (view);

  if (mp2_pdf_view_get_rendered_page (view) != wait->page || texture == NULL)
    return FALSE;

  return wait->texture_width <= 0 || gdk_texture_get_width (texture) == wait->texture_width;
}

static void
wait_for_page (Fixture *fixture,
               int      page,
               int      texture_width)
{
  RenderWait wait = { fixture, page, texture_width };

  mp2_test_wait_until (page_is_rendered, &wait, 20, "the page to be rendered");
}

static guchar *
download_texture (GdkTexture *texture)
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  guchar *pixels = g_malloc (stride * (gsize) gdk_texture_get_height (texture));

  gdk_texture_download (texture, pixels, stride);

  return pixels;
}

static const char *
page_label (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (template_child (fixture, "page_label")));
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  return g_action_group_get_action_enabled (mp2_pdf_view_get_action_group (fixture->view), name);
}

static void
test_first_page_is_sharp (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = template_child (fixture, "page_widget");
  GdkTexture *texture;
  int scale;

  wait_for_page (fixture, 0, -1);
  mp2_test_flush ();
  wait_for_page (fixture, 0, gtk_widget_get_width (page) * gtk_widget_get_scale_factor (page));

  texture = mp2_pdf_view_get_texture (fixture->view);
  scale = gtk_widget_get_scale_factor (page);
  g_test_message ("scale factor %d, page %d px wide, texture %d px wide", scale,
                  gtk_widget_get_width (page), gdk_texture_get_width (texture));

  /* One texture pixel per device pixel: sharp on HiDPI screens too. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (page) * scale);
  g_assert_cmpint (abs (gdk_texture_get_height (texture) - gtk_widget_get_height (page) * scale),
                   <=, scale);
  g_assert_cmpstr (page_label (fixture), ==, "Page 1 of 2");
  g_assert_false (action_enabled (fixture, "previous-page"));
  g_assert_true (action_enabled (fixture, "next-page"));
}

static void
test_next_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GdkTexture) first = NULL;
  g_autofree guchar *first_pixels = NULL;
  g_autofree guchar *second_pixels = NULL;
  GdkTexture *second;
  gsize size;

  wait_for_page (fixture, 0, -1);
  first = g_object_ref (mp2_pdf_view_get_texture (fixture->view));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.next-page", NULL);
  g_assert_cmpuint (mp2_pdf_view_get_page (fixture->view), ==, 1);
  wait_for_page (fixture, 1, gdk_texture_get_width (first));
  second = mp2_pdf_view_get_texture (fixture->view);

  g_assert_cmpstr (page_label (fixture), ==, "Page 2 of 2");
  g_assert_true (action_enabled (fixture, "previous-page"));
  g_assert_false (action_enabled (fixture, "next-page"));

  /* Page 2 is another picture than page 1. */
  g_assert_cmpint (gdk_texture_get_height (second), ==, gdk_texture_get_height (first));
  size = (gsize) gdk_texture_get_width (first) * 4 * (gsize) gdk_texture_get_height (first);
  first_pixels = download_texture (first);
  second_pixels = download_texture (second);
  g_assert_true (memcmp (first_pixels, second_pixels, size) != 0);

  /* No page after the last one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.next-page", NULL);
  g_assert_cmpuint (mp2_pdf_view_get_page (fixture->view), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.previous-page", NULL);
  g_assert_cmpuint (mp2_pdf_view_get_page (fixture->view), ==, 0);
  wait_for_page (fixture, 0, -1);
  g_assert_cmpstr (page_label (fixture), ==, "Page 1 of 2");
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkMenuButton *zoom_button = GTK_MENU_BUTTON (template_child (fixture, "zoom_button"));
  GtkWidget *page = template_child (fixture, "page_widget");
  int scale = gtk_widget_get_scale_factor (page);
  int expected;

  wait_for_page (fixture, 0, -1);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "Fit Width");
  g_assert_false (action_enabled (fixture, "zoom-fit-width"));

  /* 100 %: a US Letter page is 8.5 in wide, 816 CSS pixels. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.zoom-original", NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "100 %");
  expected = 816 * scale;
  wait_for_page (fixture, 0, expected);
  g_assert_cmpint (gtk_widget_get_width (page), ==, 816);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.zoom-in", NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "125 %");
  wait_for_page (fixture, 0, 1020 * scale);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.zoom-out", NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "75 %");
  wait_for_page (fixture, 0, 612 * scale);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.zoom", "d", 2.0);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "200 %");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "pdf.zoom-fit-width", NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "Fit Width");
}

static gboolean
has_scrolled (gpointer user_data)
{
  GtkAdjustment *adjustment = user_data;

  return gtk_adjustment_get_value (adjustment) > 0;
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (template_child (fixture, "scroller"));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_rect_t box = GRAPHENE_RECT_INIT (72, 700, 200, 20);
  graphene_rect_t shown;
  guint page;

  wait_for_page (fixture, 0, -1);
  g_assert_false (mp2_pdf_view_get_highlight (fixture->view, NULL, NULL));

  /* A box near the bottom of the second page: that page, scrolled down to it. */
  mp2_pdf_view_show_highlight (fixture->view, 1, &box);
  g_assert_cmpuint (mp2_pdf_view_get_page (fixture->view), ==, 1);
  g_assert_true (mp2_pdf_view_get_highlight (fixture->view, &page, &shown));
  g_assert_cmpuint (page, ==, 1);
  g_assert_true (graphene_rect_equal (&shown, &box));
  wait_for_page (fixture, 1, -1);
  mp2_test_wait_until (has_scrolled, vadjustment, 10, "the box to be scrolled into view");

  /* No such page: nothing changes. */
  mp2_pdf_view_show_highlight (fixture->view, 7, &box);
  g_assert_cmpuint (mp2_pdf_view_get_page (fixture->view), ==, 1);

  mp2_pdf_view_clear_highlight (fixture->view);
  g_assert_false (mp2_pdf_view_get_highlight (fixture->view, NULL, NULL));

  /* A new document starts without one. */
  mp2_pdf_view_show_highlight (fixture->view, 0, &box);
  mp2_pdf_view_set_document (fixture->view, NULL);
  g_assert_false (mp2_pdf_view_get_highlight (fixture->view, NULL, NULL));
}

static void
test_no_document (void)
{
  GtkWidget *window = gtk_window_new ();
  Mp2PdfView *view = MP2_PDF_VIEW (mp2_pdf_view_new ());
  GActionGroup *actions = mp2_pdf_view_get_action_group (view);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  g_assert_cmpuint (mp2_pdf_view_get_n_pages (view), ==, 0);
  g_assert_cmpint (mp2_pdf_view_get_rendered_page (view), ==, -1);
  g_assert_false (g_action_group_get_action_enabled (actions, "next-page"));
  g_assert_false (g_action_group_get_action_enabled (actions, "zoom-in"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf-view/first-page-is-sharp", Fixture, NULL, fixture_set_up,
              test_first_page_is_sharp, fixture_tear_down);
  g_test_add ("/pdf-view/next-page", Fixture, NULL, fixture_set_up, test_next_page,
              fixture_tear_down);
  g_test_add ("/pdf-view/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/pdf-view/highlight", Fixture, NULL, fixture_set_up, test_highlight,
              fixture_tear_down);
  g_test_add_func ("/pdf-view/no-document", test_no_document);

  return g_test_run ();
}
