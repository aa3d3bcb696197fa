/* mp2-text-util.c
 *
 * Text as the call-sheet reader compares it: Unicode-normalised, case-folded and
 * without diacritics, so that "ZBIÓRKA", "Zbiórka" and "zbiorka" are the same word,
 * and cut into tokens that keep their place in the original text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-text-util"

#include "config.h"

#include "mp2-text-util.h"

#include <string.h>

/* Letters that Unicode does not decompose into a base letter and a mark. */
static const struct
{
  gunichar    letter;
  const char *ascii;
} special_letters[] = {
  { 0x0142, "l" },  /* ł */
  { 0x0141, "l" },  /* Ł */
  { 0x00DF, "ss" }, /* ß */
  { 0x1E9E, "ss" }, /* ẞ */
  { 0x00E6, "ae" }, /* æ */
  { 0x00C6, "ae" },
  { 0x0153, "oe" }, /* œ */
  { 0x0152, "oe" },
  { 0x00F8, "o" },  /* ø */
  { 0x00D8, "o" },
  { 0x0111, "d" },  /* đ */
  { 0x0110, "d" },
  { 0x0131, "i" },  /* dotless i */
};

static gboolean
append_special_letter (GString  *out,
                       gunichar  c)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_letters); i++)
    {
      if (special_letters[i].letter == c)
        {
          g_string_append (out, special_letters[i].ascii);
          return TRUE;
        }
    }

  return FALSE;
}

static void
append_folded_char (GString  *out,
                    gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize length;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char) c));
      return;
    }
  if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK || append_special_letter (out, c))
    return;

  /* Compatibility decomposition takes ligatures, fractions and wide forms apart;
   * the marks it leaves (accents, the Polish ogonek) are dropped. */
  length = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < length; i++)
    {
      if (g_unichar_type (decomposed[i]) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (!append_special_letter (out, decomposed[i]))
        g_string_append_unichar (out, g_unichar_tolower (decomposed[i]));
    }
}

/**
 * mp2_text_fold:
 * @text: UTF-8 text (invalid sequences are replaced)
 *
 * Returns: (transfer full): @text decomposed (as NFKD, so ligatures and fractions
 *   come apart), without combining marks, in lower case, with the letters Unicode
 *   does not decompose (ł, ß, æ, ø…) written in ASCII. Punctuation and spaces are
 *   kept.
 */
char *
mp2_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    append_folded_char (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

static void
add_token (GArray     *tokens,
           const char *text,
           gsize       start,
           gsize       end)
{
  g_autofree char *piece = g_strndup (text + start, end - start);
  Mp2Token token;

  /* Most words are plain ASCII: lower case is all their folding needs. */
  token.norm = is_ascii (piece) ? g_ascii_strdown (piece, -1) : mp2_text_fold (piece);
  token.start = start;
  token.end = end;
  g_array_append_val (tokens, token);
}

static void
clear_token (gpointer data)
{
  Mp2Token *token = data;

  g_clear_pointer (&token->norm, g_free);
}

static gboolean
is_ascii_token_char (char c)
{
  return g_ascii_isalnum (c);
}

/* Cuts one token starting at @p, returns where it ends. */
static const char *
skip_token (const char *p)
{
  while (*p != '\0')
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (!is_ascii_token_char (*p))
            break;
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2 || !is_token_char (c))
        break;
      p = g_utf8_next_char (p);
    }

  return p;
}

/**
 * mp2_text_tokenize_uncached:
 * @text: valid UTF-8
 *
 * Like mp2_text_tokenize(), but always cuts @text anew.
 *
 * Returns: (transfer full) (element-type Mp2Token): the tokens
 */
GArray *
mp2_text_tokenize_uncached (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Mp2Token));
  const char *p = text;

  g_array_set_clear_func (tokens, clear_token);

  while (*p != '\0')
    {
      const char *start = p;
      gunichar c;

      if ((guchar) *p < 0x80 && is_ascii_token_char (*p))
        {
          p = skip_token (p);
          add_token (tokens, text, (gsize) (start - text), (gsize) (p - text));
          continue;
        }
      if (*p == '/' || *p == '&' || *p == '#')
        {
          p++;
          add_token (tokens, text, (gsize) (start - text), (gsize) (p - text));
          continue;
        }
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (is_token_char (c))
        {
          p = skip_token (p);
          add_token (tokens, text, (gsize) (start - text), (gsize) (p - text));
        }
    }

  return tokens;
}

/* The reader asks for the tokens of the same cells many times; each thread keeps the
 * last few thousand short texts it cut (a cell is short; a long text is cut anew). */
#define TOKEN_CACHE_SIZE 4096
#define TOKEN_CACHE_MAX_TEXT 200

static void
free_token_cache (gpointer data)
{
  g_hash_table_unref (data);
}

static GPrivate token_cache = G_PRIVATE_INIT (free_token_cache);

static GHashTable *
get_token_cache (void)
{
  GHashTable *cache = g_private_get (&token_cache);

  if (cache == NULL || g_hash_table_size (cache) >= TOKEN_CACHE_SIZE)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_array_unref);
      g_private_replace (&token_cache, cache);
    }

  return cache;
}

/**
 * mp2_text_tokenize:
 * @text: valid UTF-8
 *
 * Cuts @text into tokens: runs of letters and digits, and '/', '&', '#' each on
 * their own; everything else separates.
 *
 * Returns: (transfer full) (element-type Mp2Token): the tokens; release them with
 *   mp2_tokens_free() and do not change them (they may be shared)
 */
GArray *
mp2_text_tokenize (const char *text)
{
  GHashTable *cache;
  GArray *tokens;

  g_return_val_if_fail (text != NULL, mp2_text_tokenize_uncached (""));

  if (strnlen (text, TOKEN_CACHE_MAX_TEXT + 1) > TOKEN_CACHE_MAX_TEXT)
    return mp2_text_tokenize_uncached (text);

  cache = get_token_cache ();
  tokens = g_hash_table_lookup (cache, text);
  if (tokens == NULL)
    {
      tokens = mp2_text_tokenize_uncached (text);
      g_hash_table_insert (cache, g_strdup (text), tokens);
    }

  return g_array_ref (tokens);
}

void
mp2_tokens_free (GArray *tokens)
{
  if (tokens != NULL)
    g_array_unref (tokens);
}

/**
 * mp2_text_normalize:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): the tokens of @text, folded, joined by single spaces:
 *   "Est. Wrap:" → "est wrap", "D/N" → "d / n"
 */
char *
mp2_text_normalize (const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  tokens = mp2_text_tokenize (text);
  out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_array_index (tokens, Mp2Token, i).norm);
    }

  return g_string_free (out, FALSE);
}

/**
 * mp2_text_collapse:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text in NFC with every run of white space (also
 *   no-break spaces) made one space, trimmed
 */
char *
mp2_text_collapse (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* ASCII needs neither repair nor composition. */
  if (is_ascii (text))
    composed = g_strdup (text);
  else
    {
      valid = g_utf8_make_valid (text, -1);
      composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
    }
  out = g_string_new (NULL);

  for (const char *p = composed ? composed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * mp2_text_strip_punctuation:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text without leading and trailing spaces, colons,
 *   dashes, dots, commas, semicolons and bullets
 */
char *
mp2_text_strip_punctuation (const char *text)
{
  static const char *edge = " \t:;,.-–—·•|*";
  const char *start = text;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  while (start < end)
    {
      gunichar c = g_utf8_get_char (start);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      if (strstr (edge, buf) == NULL || c == 0)
        break;
      start = g_utf8_next_char (start);
    }

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      if (strstr (edge, buf) == NULL || c == 0)
        break;
      end = prev;
    }

  return g_strndup (start, (gsize) (end - start));
}

/**
 * mp2_text_is_upper:
 * @text: UTF-8 text
 *
 * Returns: %TRUE if @text has letters and none of them is lower case
 */
gboolean
mp2_text_is_upper (const char *text)
{
  gboolean letters = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        letters = TRUE;
    }

  return letters;
}

guint
mp2_text_count_letters (const char *text)
{
  guint count = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      count++;

  return count;
}

gboolean
mp2_text_has_letters (const char *text)
{
  return mp2_text_count_letters (text) > 0;
}

gboolean
mp2_text_has_digits (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;

  return FALSE;
}
