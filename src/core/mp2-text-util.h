/* mp2-text-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One word-like piece of a text, normalised for comparison ("Zbiórka" → "zbiorka"),
 * with where it ends in the original text. '/', '&' and '#' are tokens of their own;
 * other punctuation separates tokens. */
typedef struct
{
  char  *norm;
  gsize  start;  /* byte offsets into the original text */
  gsize  end;
} Mp2Token;

char      *mp2_text_fold          (const char *text);
char      *mp2_text_normalize     (const char *text);
GArray    *mp2_text_tokenize      (const char *text);
GArray    *mp2_text_tokenize_uncached (const char *text);
void       mp2_tokens_free        (GArray     *tokens);
char      *mp2_text_collapse      (const char *text);
char      *mp2_text_strip_punctuation (const char *text);
gboolean   mp2_text_is_upper      (const char *text);
gboolean   mp2_text_has_letters   (const char *text);
gboolean   mp2_text_has_digits    (const char *text);
guint      mp2_text_count_letters (const char *text);


G_END_DECLS
