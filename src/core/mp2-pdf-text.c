/* mp2-pdf-text.c
 *
 * The layout of a PDF's text: glyphs from poppler with their boxes and fonts become
 * words, words become lines (by their vertical position, whatever order the PDF drew
 * them in), and each line is cut into cells where a gap is wider than a space. The
 * call-sheet parser reads labels, values and tables from these cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pdf-text"

#include "config.h"

#include "mp2-pdf-text.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mp2-errors.h"
#include "mp2-pdf-document-private.h"
#include "mp2-text-util.h"

/* A gap wider than this many font sizes ends a cell. */
#define CELL_GAP_EM 0.8
/* Within a word, a gap wider than this many font sizes ends the word. */
#define WORD_GAP_EM 0.3
/* Synthetic geometry of mp2_pdf_text_new_from_layout_text(). */
#define LAYOUT_CHAR_WIDTH 6.0
#define LAYOUT_LINE_HEIGHT 12.0
#define LAYOUT_FONT_SIZE 10.0

typedef struct
{
  gunichar c;
  Mp2Rect  box;
  double   size;
  gboolean bold;
} Glyph;

static double
rect_height (const Mp2Rect *rect)
{
  return rect->y2 - rect->y1;
}

static double
rect_center_y (const Mp2Rect *rect)
{
  return (rect->y1 + rect->y2) / 2;
}

double
mp2_rect_overlap_x (const Mp2Rect *a,
                    const Mp2Rect *b)
{
  return MIN (a->x2, b->x2) - MAX (a->x1, b->x1);
}

double
mp2_rect_overlap_y (const Mp2Rect *a,
                    const Mp2Rect *b)
{
  return MIN (a->y2, b->y2) - MAX (a->y1, b->y1);
}

void
mp2_rect_union (Mp2Rect       *rect,
                const Mp2Rect *other)
{
  rect->x1 = MIN (rect->x1, other->x1);
  rect->y1 = MIN (rect->y1, other->y1);
  rect->x2 = MAX (rect->x2, other->x2);
  rect->y2 = MAX (rect->y2, other->y2);
}

static void
word_free (gpointer data)
{
  Mp2TextWord *word = data;

  g_free (word->text);
  g_free (word);
}

static void
cell_free (gpointer data)
{
  Mp2TextCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static void
line_free (gpointer data)
{
  Mp2TextLine *line = data;

  g_clear_pointer (&line->cells, g_ptr_array_unref);
  g_free (line);
}

void
mp2_pdf_text_free (Mp2PdfText *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->page_width, g_free);
  g_clear_pointer (&self->page_height, g_free);
  g_free (self);
}

static Mp2PdfText *
pdf_text_alloc (guint n_pages)
{
  Mp2PdfText *self = g_new0 (Mp2PdfText, 1);

  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->n_pages = n_pages;
  self->page_width = g_new0 (double, MAX (n_pages, 1));
  self->page_height = g_new0 (double, MAX (n_pages, 1));

  return self;
}

/* Words ---------------------------------------------------------------------- */

static gboolean
is_blank (gunichar c)
{
  if (c < 0x80)
    return c <= ' ' || c == 0x7f;

  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007
         || g_unichar_iscntrl (c);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

static gboolean
continues_word (const Glyph *previous,
                const Glyph *glyph)
{
  double height = MIN (rect_height (&previous->box), rect_height (&glyph->box));
  double size = MAX (MIN (previous->size, glyph->size), height);

  if (mp2_rect_overlap_y (&previous->box, &glyph->box) < 0.5 * height)
    return FALSE;

  if (glyph->box.x1 < previous->box.x1 - 0.5 * size)
    return FALSE;

  return glyph->box.x1 - previous->box.x2 <= WORD_GAP_EM * size;
}

static void
flush_word (GString     *text,
            Mp2TextWord *pending,
            GPtrArray   *words)
{
  Mp2TextWord *word;

  if (text->len == 0)
    return;

  word = g_new0 (Mp2TextWord, 1);
  *word = *pending;
  /* ASCII is already in NFC; other text may come decomposed from the PDF. */
  word->text = is_ascii (text->str) ? NULL : g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
  if (word->text == NULL)
    word->text = g_strdup (text->str);
  g_ptr_array_add (words, word);
  g_string_truncate (text, 0);
}

static GPtrArray *
build_words (GArray *glyphs)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  g_autoptr(GString) text = g_string_new (NULL);
  Mp2TextWord pending = { 0 };
  const Glyph *previous = NULL;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *glyph = &g_array_index (glyphs, Glyph, i);

      if (is_blank (glyph->c) || (previous != NULL && !continues_word (previous, glyph)))
        {
          flush_word (text, &pending, words);
          previous = NULL;
          if (is_blank (glyph->c))
            continue;
        }

      if (text->len == 0)
        {
          pending.box = glyph->box;
          pending.size = glyph->size;
          pending.bold = glyph->bold;
        }
      mp2_rect_union (&pending.box, &glyph->box);
      pending.size = MAX (pending.size, glyph->size);
      pending.bold = pending.bold && glyph->bold;
      if (glyph->c < 0x80)
        g_string_append_c (text, (char) glyph->c);
      else
        g_string_append_unichar (text, glyph->c);
      previous = glyph;
    }

  flush_word (text, &pending, words);

  return words;
}

/* Lines and cells ------------------------------------------------------------- */

typedef struct
{
  Mp2Rect    box;
  double     center;
  double     height;
  GPtrArray *words; /* Mp2TextWord, not owned */
} LineBuilder;

static int
compare_words_by_center (gconstpointer a,
                         gconstpointer b)
{
  const Mp2TextWord *wa = *(Mp2TextWord * const *) a;
  const Mp2TextWord *wb = *(Mp2TextWord * const *) b;
  double ca = rect_center_y (&wa->box);
  double cb = rect_center_y (&wb->box);

  if (ca != cb)
    return ca < cb ? -1 : 1;

  return wa->box.x1 < wb->box.x1 ? -1 : wa->box.x1 > wb->box.x1;
}

static int
compare_words_by_x (gconstpointer a,
                    gconstpointer b)
{
  const Mp2TextWord *wa = *(Mp2TextWord * const *) a;
  const Mp2TextWord *wb = *(Mp2TextWord * const *) b;

  return wa->box.x1 < wb->box.x1 ? -1 : wa->box.x1 > wb->box.x1;
}

static gboolean
overlaps_a_word (LineBuilder       *line,
                 const Mp2TextWord *word)
{
  for (guint i = 0; i < line->words->len; i++)
    {
      const Mp2TextWord *other = g_ptr_array_index (line->words, i);
      double width = MIN (other->box.x2 - other->box.x1, word->box.x2 - word->box.x1);

      if (mp2_rect_overlap_x (&other->box, &word->box) > 0.3 * width)
        return TRUE;
    }

  return FALSE;
}

static gboolean
fits_line (LineBuilder       *line,
           const Mp2TextWord *word)
{
  double height = MIN (line->height, rect_height (&word->box));

  if (fabs (rect_center_y (&word->box) - line->center) > 0.35 * height)
    return FALSE;

  return !overlaps_a_word (line, word);
}

static LineBuilder *
find_line (GPtrArray         *builders,
           guint             *first_open,
           const Mp2TextWord *word)
{
  double center = rect_center_y (&word->box);

  /* Lines far above this word can no longer take words: stop looking at them. */
  while (*first_open < builders->len)
    {
      LineBuilder *line = g_ptr_array_index (builders, *first_open);

      if (line->box.y2 >= center - 2 * rect_height (&word->box))
        break;
      (*first_open)++;
    }

  for (guint i = *first_open; i < builders->len; i++)
    {
      LineBuilder *line = g_ptr_array_index (builders, i);

      if (fits_line (line, word))
        return line;
    }

  return NULL;
}

static void
line_builder_free (gpointer data)
{
  LineBuilder *line = data;

  g_ptr_array_unref (line->words);
  g_free (line);
}

static GPtrArray *
group_lines (GPtrArray *words)
{
  GPtrArray *builders = g_ptr_array_new_with_free_func (line_builder_free);
  guint first_open = 0;

  g_ptr_array_sort (words, compare_words_by_center);

  for (guint i = 0; i < words->len; i++)
    {
      Mp2TextWord *word = g_ptr_array_index (words, i);
      LineBuilder *line = find_line (builders, &first_open, word);

      if (line == NULL)
        {
          line = g_new0 (LineBuilder, 1);
          line->words = g_ptr_array_new ();
          line->box = word->box;
          line->center = rect_center_y (&word->box);
          line->height = rect_height (&word->box);
          g_ptr_array_add (builders, line);
        }

      g_ptr_array_add (line->words, word);
      mp2_rect_union (&line->box, &word->box);
    }

  return builders;
}

static double
word_size (const Mp2TextWord *word)
{
  return word->size > 0 ? word->size : rect_height (&word->box);
}

static Mp2TextCell *
start_cell (const Mp2TextWord *word,
            guint              page)
{
  Mp2TextCell *cell = g_new0 (Mp2TextCell, 1);

  cell->box = word->box;
  cell->size = word_size (word);
  cell->bold = word->bold;
  cell->page = page;
  cell->text = g_strdup (word->text);

  return cell;
}

static void
extend_cell (Mp2TextCell       *cell,
             const Mp2TextWord *word)
{
  char *text = g_strconcat (cell->text, " ", word->text, NULL);

  g_free (cell->text);
  cell->text = text;
  mp2_rect_union (&cell->box, &word->box);
  cell->size = MAX (cell->size, word_size (word));
  cell->bold = cell->bold && word->bold;
}

static gboolean
is_cell_gap (const Mp2TextWord *previous,
             const Mp2TextWord *word)
{
  double size = MIN (word_size (previous), word_size (word));

  return word->box.x1 - previous->box.x2 > CELL_GAP_EM * size;
}

static double
median_size (GPtrArray *words)
{
  g_autofree double *sizes = g_new (double, MAX (words->len, 1));

  for (guint i = 0; i < words->len; i++)
    sizes[i] = word_size (g_ptr_array_index (words, i));

  for (guint i = 1; i < words->len; i++)
    for (guint j = i; j > 0 && sizes[j - 1] > sizes[j]; j--)
      {
        double swap = sizes[j];

        sizes[j] = sizes[j - 1];
        sizes[j - 1] = swap;
      }

  return words->len > 0 ? sizes[words->len / 2] : 0;
}

static Mp2TextLine *
build_line (LineBuilder *builder,
            guint        page)
{
  Mp2TextLine *line = g_new0 (Mp2TextLine, 1);
  Mp2TextCell *cell = NULL;
  const Mp2TextWord *previous = NULL;

  line->page = page;
  line->box = builder->box;
  line->cells = g_ptr_array_new_with_free_func (cell_free);
  line->size = median_size (builder->words);

  g_ptr_array_sort (builder->words, compare_words_by_x);

  for (guint i = 0; i < builder->words->len; i++)
    {
      const Mp2TextWord *word = g_ptr_array_index (builder->words, i);

      if (cell == NULL || is_cell_gap (previous, word))
        {
          cell = start_cell (word, page);
          cell->index = line->cells->len;
          g_ptr_array_add (line->cells, cell);
        }
      else
        extend_cell (cell, word);

      previous = word;
    }

  return line;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Mp2TextLine *la = *(Mp2TextLine * const *) a;
  const Mp2TextLine *lb = *(Mp2TextLine * const *) b;

  if (la->page != lb->page)
    return la->page < lb->page ? -1 : 1;
  if (la->box.y1 != lb->box.y1)
    return la->box.y1 < lb->box.y1 ? -1 : 1;

  return la->box.x1 < lb->box.x1 ? -1 : la->box.x1 > lb->box.x1;
}

static void
add_page_lines (Mp2PdfText *self,
                GPtrArray  *words,
                guint       page)
{
  g_autoptr(GPtrArray) builders = group_lines (words);

  for (guint i = 0; i < builders->len; i++)
    g_ptr_array_add (self->lines, build_line (g_ptr_array_index (builders, i), page));
}

static void
index_lines (Mp2PdfText *self)
{
  g_ptr_array_sort (self->lines, compare_lines);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Mp2TextLine *line = g_ptr_array_index (self->lines, i);

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          cell->line = i;
          cell->index = j;
        }
    }
}

/* Poppler --------------------------------------------------------------------- */

static gboolean
is_bold_font (const char *font_name)
{
  static const char *weights[] = { "Bold", "Black", "Heavy", "Semibold", "SemiBold", "Demi" };

  if (font_name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if (strstr (font_name, weights[i]) != NULL)
      return TRUE;

  return FALSE;
}

static GArray *
read_glyphs (PopplerPage *page,
             gsize       *n_chars)
{
  g_autofree char *text = poppler_page_get_text (page);
  GArray *glyphs = g_array_sized_new (FALSE, TRUE, sizeof (Glyph), text ? strlen (text) : 0);
  g_autofree PopplerRectangle *rects = NULL;
  GList *attributes = poppler_page_get_text_attributes (page);
  GList *attribute = attributes;
  gboolean bold = attribute != NULL && is_bold_font (((PopplerTextAttributes *) attribute->data)->font_name);
  guint n_rects = 0;
  guint index = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    {
      poppler_page_free_text_attributes (attributes);
      return glyphs;
    }

  for (const char *p = text; *p != '\0' && index < n_rects; p = g_utf8_next_char (p), index++)
    {
      Glyph glyph = { 0 };
      PopplerTextAttributes *attrs;

      while (attribute != NULL && ((PopplerTextAttributes *) attribute->data)->end_index < (int) index)
        {
          attribute = attribute->next;
          bold = attribute != NULL && is_bold_font (((PopplerTextAttributes *) attribute->data)->font_name);
        }
      attrs = attribute != NULL ? attribute->data : NULL;

      glyph.c = g_utf8_get_char_validated (p, -1);
      if (glyph.c == (gunichar) -1 || glyph.c == (gunichar) -2)
        glyph.c = 0xFFFD;
      glyph.box = (Mp2Rect) { rects[index].x1, rects[index].y1, rects[index].x2, rects[index].y2 };
      glyph.size = attrs != NULL && attrs->start_index <= (int) index ? attrs->font_size : 0;
      glyph.bold = bold;
      if (!is_blank (glyph.c))
        (*n_chars)++;
      g_array_append_val (glyphs, glyph);
    }

  poppler_page_free_text_attributes (attributes);

  return glyphs;
}

static gboolean
read_page (Mp2PdfText       *self,
           PopplerDocument  *document,
           guint             index,
           GError          **error)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, (int) index);
  g_autoptr(GArray) glyphs = NULL;
  g_autoptr(GPtrArray) words = NULL;

  if (page == NULL)
    return TRUE;

  poppler_page_get_size (page, &self->page_width[index], &self->page_height[index]);
  glyphs = read_glyphs (page, &self->n_chars);

  if (self->n_chars > MP2_PDF_TEXT_MAX_CHARS)
    {
      g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE,
                           _("The PDF holds far more text than any call sheet. Check "
                             "that you picked the right file."));
      return FALSE;
    }

  words = build_words (glyphs);
  add_page_lines (self, words, index);

  return TRUE;
}

/**
 * mp2_pdf_text_new:
 * @document: an open PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report an error
 *
 * Reads the layout of the text of the first %MP2_PDF_TEXT_MAX_PAGES pages. This
 * blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
Mp2PdfText *
mp2_pdf_text_new (Mp2PdfDocument  *document,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(Mp2PdfText) self = NULL;
  PopplerDocument *poppler;
  guint n_pages;
  gboolean ok = TRUE;

  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (document), NULL);

  n_pages = MIN (mp2_pdf_document_get_n_pages (document), MP2_PDF_TEXT_MAX_PAGES);
  self = pdf_text_alloc (n_pages);

  poppler = mp2_pdf_document_lock (document);
  for (guint i = 0; i < n_pages && ok; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = read_page (self, poppler, i, error);
    }
  mp2_pdf_document_unlock (document);

  if (!ok)
    return NULL;

  index_lines (self);

  return g_steal_pointer (&self);
}

/* Layout text ----------------------------------------------------------------- */

static void
add_layout_word (GPtrArray  *words,
                 const char *start,
                 const char *end,
                 glong       column,
                 guint       row)
{
  Mp2TextWord *word = g_new0 (Mp2TextWord, 1);
  glong length = g_utf8_strlen (start, end - start);

  word->text = g_strndup (start, (gsize) (end - start));
  word->box.x1 = column * LAYOUT_CHAR_WIDTH;
  word->box.x2 = (column + length) * LAYOUT_CHAR_WIDTH;
  word->box.y1 = row * LAYOUT_LINE_HEIGHT + 1;
  word->box.y2 = row * LAYOUT_LINE_HEIGHT + 1 + LAYOUT_FONT_SIZE;
  word->size = LAYOUT_FONT_SIZE;
  g_ptr_array_add (words, word);
}

static void
add_layout_row (GPtrArray  *words,
                const char *row_text,
                guint       row)
{
  const char *p = row_text;
  glong column = 0;

  while (*p != '\0')
    {
      const char *start;
      glong start_column;

      while (*p == ' ')
        {
          p++;
          column++;
        }
      if (*p == '\0')
        break;

      start = p;
      start_column = column;
      while (*p != '\0' && *p != ' ')
        {
          p = g_utf8_next_char (p);
          column++;
        }
      add_layout_word (words, start, p, start_column, row);
    }
}

/**
 * mp2_pdf_text_new_from_layout_text:
 * @text: lines of text laid out in a fixed-width grid, as `pdftotext -layout` writes
 *   them; a form feed starts a new page
 *
 * Builds a layout from plain text, each character 6 pt wide and each line 12 pt
 * high: for tests and for fuzzing the parser without PDFs.
 *
 * Returns: (transfer full): the layout
 */
Mp2PdfText *
mp2_pdf_text_new_from_layout_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_auto(GStrv) pages = NULL;
  Mp2PdfText *self;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  pages = g_strsplit (valid, "\f", MP2_PDF_TEXT_MAX_PAGES);
  self = pdf_text_alloc (g_strv_length (pages));

  for (guint page = 0; pages[page] != NULL; page++)
    {
      g_auto(GStrv) rows = g_strsplit (pages[page], "\n", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (word_free);

      self->page_width[page] = 612;
      self->page_height[page] = MAX (792, g_strv_length (rows) * LAYOUT_LINE_HEIGHT);
      for (guint row = 0; rows[row] != NULL; row++)
        {
          g_strdelimit (rows[row], "\t\r", ' ');
          add_layout_row (words, rows[row], row);
        }
      for (guint i = 0; i < words->len; i++)
        self->n_chars += g_utf8_strlen (((Mp2TextWord *) g_ptr_array_index (words, i))->text, -1);
      add_page_lines (self, words, page);
    }

  index_lines (self);

  return self;
}

/* Access and debugging -------------------------------------------------------- */

Mp2TextLine *
mp2_pdf_text_get_line (Mp2PdfText *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);

  return index < self->lines->len ? g_ptr_array_index (self->lines, index) : NULL;
}

Mp2TextCell *
mp2_pdf_text_get_cell (Mp2PdfText *self,
                       guint       line,
                       guint       index)
{
  Mp2TextLine *text_line = mp2_pdf_text_get_line (self, line);

  if (text_line == NULL || index >= text_line->cells->len)
    return NULL;

  return g_ptr_array_index (text_line->cells, index);
}

/**
 * mp2_pdf_text_dump:
 * @self: a layout
 *
 * Returns: (transfer full): one line of text per line of the layout, its cells
 *   separated by " | ", with the page and the line's top and left in points
 */
char *
mp2_pdf_text_dump (Mp2PdfText *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Mp2TextLine *line = g_ptr_array_index (self->lines, i);

      g_string_append_printf (out, "%u %6.1f %6.1f  ", line->page + 1, line->box.y1,
                              line->box.x1);
      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (j > 0)
            g_string_append (out, " | ");
          g_string_append (out, cell->text);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
