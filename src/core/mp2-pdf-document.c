/* mp2-pdf-document.c
 *
 * A PDF opened from bytes, with limits and errors a person can act on. Poppler is
 * not thread-safe, so every use of the PopplerDocument holds the document's mutex;
 * page sizes are read once when the document is opened, so that the main thread can
 * lay out pages without touching poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pdf-document"

#include "config.h"

#include "mp2-pdf-document.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mp2-errors.h"
#include "mp2-pdf-document-private.h"

struct _Mp2PdfDocument
{
  GObject          parent_instance;

  GMutex           mutex;
  PopplerDocument *document;
  GBytes          *bytes;
  char            *title;
  guint            n_pages;
  double          *page_sizes;
};

G_DEFINE_FINAL_TYPE (Mp2PdfDocument, mp2_pdf_document, G_TYPE_OBJECT)

typedef struct
{
  guint  page;
  double scale;
} RenderRequest;

typedef struct
{
  GFile *file;
  char  *password;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->file);
  g_clear_pointer (&request->password, g_free);
  g_free (request);
}

static void
mp2_pdf_document_finalize (GObject *object)
{
  Mp2PdfDocument *self = (Mp2PdfDocument *) object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->page_sizes, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (mp2_pdf_document_parent_class)->finalize (object);
}

static void
mp2_pdf_document_class_init (Mp2PdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_pdf_document_finalize;
}

static void
mp2_pdf_document_init (Mp2PdfDocument *self)
{
  g_mutex_init (&self->mutex);
}

/* The PDF specification lets a file carry a little junk before its header, and
 * poppler accepts it within the first kilobyte. */
static gboolean
has_pdf_header (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize window = MIN (size, 1024);

  if (window < 5)
    return FALSE;

  for (gsize i = 0; i + 5 <= window; i++)
    {
      if (memcmp (data + i, "%PDF-", 5) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * mp2_pdf_document_set_too_large_error:
 * @error: where to report it
 *
 * Sets the #MP2_PARSE_ERROR_TOO_LARGE error of a file over %MP2_PDF_MAX_BYTES, for
 * whoever refuses such a file before it reaches the reader.
 */
void
mp2_pdf_document_set_too_large_error (GError **error)
{
  g_autofree char *limit = g_format_size (MP2_PDF_MAX_BYTES);

  g_set_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE,
               /* Translators: %s is a size, such as “64.0 MB” */
               _("The file is larger than %s, far more than any call sheet. "
                 "Check that you picked the right file."), limit);
}

static gboolean
check_bytes (GBytes  *bytes,
             GError **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (size == 0)
    {
      g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_EMPTY,
                           _("The file is empty. The download may have failed: "
                             "ask the production office to send it again."));
      return FALSE;
    }

  if (size > MP2_PDF_MAX_BYTES)
    {
      mp2_pdf_document_set_too_large_error (error);
      return FALSE;
    }

  if (!has_pdf_header (bytes))
    {
      g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_NOT_A_PDF,
                           _("The file is not a PDF document. Open the call sheet "
                             "that came as a PDF attachment."));
      return FALSE;
    }

  return TRUE;
}

static void
set_error_from_poppler (GError     **error,
                        const GError *poppler_error,
                        const char  *password)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password != NULL && *password != '\0')
        g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_ENCRYPTED,
                             _("The password is not correct. Check it with the "
                               "production office and try again."));
      else
        g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_ENCRYPTED,
                             _("The PDF is protected by a password. Enter the "
                               "password the production office sent with it."));
      return;
    }

  g_debug ("poppler could not open the document: %s", poppler_error->message);
  g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_CORRUPT,
                       _("The PDF is damaged and cannot be read, perhaps because "
                         "it was not downloaded completely. Ask the production "
                         "office to send it again."));
}

/* poppler 22.12 retries a wrong password in another encoding on the stream it has
 * already freed when the document came from GBytes, and crashes. Its stream
 * constructor copies the stream before it retries, so passwords go through that. */
static PopplerDocument *
open_poppler_document (GBytes      *bytes,
                       const char  *password,
                       GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (password == NULL)
    return poppler_document_new_from_bytes (bytes, NULL, error);

  stream = g_memory_input_stream_new_from_bytes (bytes);

  return poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (bytes), password,
                                           NULL, error);
}

/**
 * mp2_pdf_document_new_from_bytes:
 * @bytes: the file's contents
 * @password: (nullable): the password of an encrypted PDF
 * @error: where to report a #MP2_PARSE_ERROR
 *
 * Opens a PDF. This blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
Mp2PdfDocument *
mp2_pdf_document_new_from_bytes (GBytes      *bytes,
                                 const char  *password,
                                 GError     **error)
{
  g_autoptr(Mp2PdfDocument) self = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  int n_pages;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_bytes (bytes, error))
    return NULL;

  document = open_poppler_document (bytes, password, &local_error);
  if (document == NULL)
    {
      set_error_from_poppler (error, local_error, password);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_CORRUPT,
                           _("The PDF has no pages. Ask the production office to "
                             "send the call sheet again."));
      return NULL;
    }

  if (n_pages > MP2_PDF_MAX_PAGES)
    {
      g_set_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The PDF has %d page, far more than any call sheet. "
                                "Check that you picked the right file.",
                                "The PDF has %d pages, far more than any call sheet. "
                                "Check that you picked the right file.",
                                (gulong) n_pages),
                   n_pages);
      return NULL;
    }

  self = g_object_new (MP2_TYPE_PDF_DOCUMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->n_pages = (guint) n_pages;
  self->title = poppler_document_get_title (document);
  self->page_sizes = g_new0 (double, 2 * self->n_pages);

  for (guint i = 0; i < self->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, (int) i);

      if (page != NULL)
        poppler_page_get_size (page, &self->page_sizes[2 * i], &self->page_sizes[2 * i + 1]);
    }

  self->document = g_steal_pointer (&document);

  return g_steal_pointer (&self);
}

static GBytes *
read_file_bytes (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > MP2_PDF_MAX_BYTES)
    {
      mp2_pdf_document_set_too_large_error (error);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * mp2_pdf_document_new_from_path:
 * @path: a local file name
 * @password: (nullable): the password of an encrypted PDF
 * @error: where to report a #MP2_PARSE_ERROR or a #G_FILE_ERROR
 *
 * Like mp2_pdf_document_new_from_file() for a local file, without GIO's virtual
 * file systems, which a short-lived command would spend more time loading than
 * reading a sheet.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
Mp2PdfDocument *
mp2_pdf_document_new_from_path (const char  *path,
                                const char  *password,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf info;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only to refuse a huge file before reading it: check_bytes() checks what was read. */
  if (g_stat (path, &info) == 0 && info.st_size > MP2_PDF_MAX_BYTES)
    {
      mp2_pdf_document_set_too_large_error (error);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (contents, length);

  return mp2_pdf_document_new_from_bytes (bytes, password, error);
}

/**
 * mp2_pdf_document_new_from_file:
 * @file: the PDF to open
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a #MP2_PARSE_ERROR or an I/O error
 *
 * Reads and opens @file, refusing to read a file too large to be a call sheet. This
 * blocks: call it from a worker thread, or use mp2_pdf_document_load_async().
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
Mp2PdfDocument *
mp2_pdf_document_new_from_file (GFile         *file,
                                const char    *password,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_file_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return mp2_pdf_document_new_from_bytes (bytes, password, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  Mp2PdfDocument *document;

  document = mp2_pdf_document_new_from_file (request->file, request->password,
                                             cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * mp2_pdf_document_load_async:
 * @file: the PDF to open
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is open or has failed
 * @user_data: data for @callback
 *
 * Reads and opens @file in a worker thread.
 */
void
mp2_pdf_document_load_async (GFile               *file,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  request->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pdf_document_load_async);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * mp2_pdf_document_load_finish:
 * @result: the result given to the callback
 * @error: where to report an error
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
Mp2PdfDocument *
mp2_pdf_document_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_pdf_document_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mp2_pdf_document_get_bytes:
 * @self: a #Mp2PdfDocument
 *
 * Returns: (transfer none): the bytes the document was opened from
 */
GBytes *
mp2_pdf_document_get_bytes (Mp2PdfDocument *self)
{
  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (self), NULL);

  return self->bytes;
}

/**
 * mp2_pdf_document_get_title:
 * @self: a #Mp2PdfDocument
 *
 * Returns: (nullable): the title in the document's metadata
 */
const char *
mp2_pdf_document_get_title (Mp2PdfDocument *self)
{
  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (self), NULL);

  return self->title;
}

guint
mp2_pdf_document_get_n_pages (Mp2PdfDocument *self)
{
  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * mp2_pdf_document_get_page_size:
 * @self: a #Mp2PdfDocument
 * @page: a page index, from 0
 * @width: (out) (optional): the width in points
 * @height: (out) (optional): the height in points
 *
 * Gives the size of a page without touching poppler, so it is safe from any thread.
 */
void
mp2_pdf_document_get_page_size (Mp2PdfDocument *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  g_return_if_fail (MP2_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);

  if (width != NULL)
    *width = self->page_sizes[2 * page];
  if (height != NULL)
    *height = self->page_sizes[2 * page + 1];
}

static double
clamp_scale (Mp2PdfDocument *self,
             guint           page,
             double          scale)
{
  double width = self->page_sizes[2 * page];
  double height = self->page_sizes[2 * page + 1];
  double largest = MAX (width, height);

  if (largest <= 0)
    return scale;

  return MIN (scale, MP2_PDF_MAX_RENDER_SIZE / largest);
}

/**
 * mp2_pdf_document_render_page:
 * @self: a #Mp2PdfDocument
 * @page: a page index, from 0
 * @scale: device pixels per point
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report an error
 *
 * Renders a page on white. This blocks: call it from a worker thread. The size is
 * capped at %MP2_PDF_MAX_RENDER_SIZE pixels per side.
 *
 * Returns: (transfer full): an ARGB32 image surface, or %NULL with @error set
 */
cairo_surface_t *
mp2_pdf_document_render_page (Mp2PdfDocument  *self,
                              guint            page,
                              double           scale,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PopplerPage) poppler_page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  scale = clamp_scale (self, page, scale);
  mp2_pdf_document_get_page_size (self, page, &width, &height);
  pixel_width = MAX (1, (int) ceil (width * scale));
  pixel_height = MAX (1, (int) ceil (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There is not enough memory to show this page."));
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  locker = g_mutex_locker_new (&self->mutex);
  poppler_page = poppler_document_get_page (self->document, (int) page);
  if (poppler_page != NULL)
    poppler_page_render (poppler_page, cr);
  g_clear_pointer (&locker, g_mutex_locker_free);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Mp2PdfDocument *self = source_object;
  RenderRequest *request = task_data;
  cairo_surface_t *surface;
  GError *error = NULL;

  surface = mp2_pdf_document_render_page (self, request->page, request->scale, cancellable,
                                          &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/**
 * mp2_pdf_document_render_page_async:
 * @self: a #Mp2PdfDocument
 * @page: a page index, from 0
 * @scale: device pixels per point
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the rendered page
 * @user_data: data for @callback
 *
 * Renders a page in a worker thread; see mp2_pdf_document_render_page().
 */
void
mp2_pdf_document_render_page_async (Mp2PdfDocument      *self,
                                    guint                page,
                                    double               scale,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderRequest *request;

  g_return_if_fail (MP2_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (scale > 0);

  request = g_new0 (RenderRequest, 1);
  request->page = page;
  request->scale = scale;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pdf_document_render_page_async);
  g_task_set_task_data (task, request, g_free);
  g_task_run_in_thread (task, render_thread);
}

/**
 * mp2_pdf_document_render_page_finish:
 * @self: a #Mp2PdfDocument
 * @result: the result given to the callback
 * @error: where to report an error
 *
 * Returns: (transfer full): an ARGB32 image surface, or %NULL with @error set
 */
cairo_surface_t *
mp2_pdf_document_render_page_finish (Mp2PdfDocument  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mp2_pdf_document_lock:
 * @self: a #Mp2PdfDocument
 *
 * Takes the document's lock, for a reader that needs poppler directly.
 *
 * Returns: (transfer none): the poppler document, until mp2_pdf_document_unlock()
 */
PopplerDocument *
mp2_pdf_document_lock (Mp2PdfDocument *self)
{
  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (self), NULL);

  g_mutex_lock (&self->mutex);

  return self->document;
}

void
mp2_pdf_document_unlock (Mp2PdfDocument *self)
{
  g_return_if_fail (MP2_IS_PDF_DOCUMENT (self));

  g_mutex_unlock (&self->mutex);
}
