/* mp2-lexicon.c
 *
 * Every label the call-sheet reader knows, in English, Polish and German, is in one
 * table, mp2-lexicon.tsv (from the project's call-sheet field guide), which the build
 * turns into C data with the labels already folded. Labels are compared token by
 * token after folding case and diacritics, so "ZBIÓRKA EKIPY:", "Zbiórka ekipy" and
 * "zbiorka ekipy" are one label; Polish and German labels also match their inflected
 * forms ("zbiórki" for "zbiórka").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-lexicon"

#include "config.h"

#include "mp2-lexicon.h"

#include <string.h>

#include "mp2-text-util.h"

typedef struct
{
  const char * const *tokens;
  guint               n_tokens;
  gboolean            shared;   /* the same words are a label in another language too */
} EntryTokens;

/* Labels are looked up by the first four characters of their first word: an
 * inflected form shares at least those ("zbiórka", "zbiórki"). */
typedef struct
{
  const char *key;
  guint       first;  /* in bucket_entries */
  guint       count;
} Bucket;

/* The lexicon itself (mp2-lexicon.tsv), as C data made at build time. */
#include "mp2-lexicon-data.h"

Mp2LexKind
mp2_term_get_kind (Mp2Term term)
{
  if (term <= MP2_TERM_OTHER_FIELD)
    return MP2_LEX_FIELD;
  if (term <= MP2_TERM_SECTION_OTHER)
    return MP2_LEX_SECTION;
  if (term <= MP2_TERM_LOCATION_MEETING_POINT)
    return MP2_LEX_LOCATION;
  if (term <= MP2_TERM_COLUMN_OTHER)
    return MP2_LEX_COLUMN;
  if (term <= MP2_TERM_VALUE_NON_SCENE)
    return MP2_LEX_VALUE;
  if (term == MP2_TERM_DOCUMENT)
    return MP2_LEX_DOCUMENT;
  if (term == MP2_TERM_OTHER_DOCUMENT)
    return MP2_LEX_OTHER_DOCUMENT;
  if (term == MP2_TERM_FOOTER)
    return MP2_LEX_FOOTER;
  if (term == MP2_TERM_TOTAL)
    return MP2_LEX_TOTAL;

  return MP2_LEX_PAGE_NUMBER;
}

static void
copy_start_key (const char *token,
                char       *key,
                gsize       size)
{
  const char *end = token;

  for (guint i = 0; i < 4 && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  g_strlcpy (key, token, MIN (size, (gsize) (end - token) + 1));
}

static int
compare_bucket (const void *key,
                const void *bucket)
{
  return strcmp (key, ((const Bucket *) bucket)->key);
}

static const Bucket *
find_bucket (const char *token)
{
  char key[32];

  copy_start_key (token, key, sizeof key);

  return bsearch (key, buckets, G_N_ELEMENTS (buckets), sizeof (Bucket), compare_bucket);
}

/* Polish and German inflect: "zbiórka" is also "zbiórki", "szpital" "szpitala". */
static gboolean
tokens_match (const char *label,
              const char *token,
              gboolean    inflected)
{
  gsize label_length;
  gsize token_length;
  gsize common = 0;

  if (g_str_equal (label, token))
    return TRUE;
  if (!inflected)
    return FALSE;

  label_length = strlen (label);
  token_length = strlen (token);
  if (label_length < 5 || token_length < label_length - 1 || token_length > label_length + 2)
    return FALSE;

  while (label[common] != '\0' && label[common] == token[common])
    common++;

  return common >= label_length - 1 && common >= 4;
}

static gboolean
entry_matches_at (guint   entry,
                  GArray *tokens,
                  guint   first)
{
  const EntryTokens *et = &entry_tokens[entry];
  gboolean inflected = !g_str_equal (lexicon[entry].language, "en");

  if (et->n_tokens == 0 || first + et->n_tokens > tokens->len)
    return FALSE;

  for (guint i = 0; i < et->n_tokens; i++)
    {
      const Mp2Token *token = &g_array_index (tokens, Mp2Token, first + i);

      if (!tokens_match (et->tokens[i], token->norm, inflected))
        return FALSE;
    }

  return TRUE;
}

static gboolean
entry_is_wanted (guint      entry,
                 Mp2LexKind kind,
                 guint      tables)
{
  const Mp2LexEntry *e = &lexicon[entry];

  if (mp2_term_get_kind (e->term) != kind)
    return FALSE;

  return kind != MP2_LEX_COLUMN || (e->tables & tables) != 0;
}

static gboolean
match_one_at (GArray      *tokens,
              guint        first,
              Mp2LexKind   kind,
              guint        tables,
              Mp2LexMatch *match)
{
  const Bucket *bucket;
  gboolean found = FALSE;

  if (first >= tokens->len)
    return FALSE;

  bucket = find_bucket (g_array_index (tokens, Mp2Token, first).norm);

  for (guint c = 0; bucket != NULL && c < bucket->count; c++)
    {
      guint i = bucket_entries[bucket->first + c];

      if (!entry_is_wanted (i, kind, tables) || !entry_matches_at (i, tokens, first))
        continue;

      if (!found || entry_tokens[i].n_tokens > match->n_tokens)
        {
          match->entry = &lexicon[i];
          match->first = first;
          match->n_tokens = entry_tokens[i].n_tokens;
          found = TRUE;
        }
    }

  return found;
}

/**
 * mp2_lexicon_match_at:
 * @tokens: (element-type Mp2Token): the tokens of a text
 * @first: where the label must start
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the longest label found
 *
 * A label given in two languages ("Zbiórka ekipy / Crew call", "SCENY / SCENES",
 * "Odbiór / P/U") is one match, of its first language.
 *
 * Returns: %TRUE if a label of @kind starts at @first
 */
gboolean
mp2_lexicon_match_at (GArray      *tokens,
                      guint        first,
                      Mp2LexKind   kind,
                      guint        tables,
                      Mp2LexMatch *match)
{
  Mp2LexMatch other;

  g_return_val_if_fail (tokens != NULL, FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  if (!match_one_at (tokens, first, kind, tables, match))
    return FALSE;

  for (guint n = 0; n < 2; n++)
    {
      guint slash = first + match->n_tokens;

      if (slash + 1 >= tokens->len
          || !g_str_equal (g_array_index (tokens, Mp2Token, slash).norm, "/")
          || !match_one_at (tokens, slash + 1, kind, tables, &other)
          || other.entry->term != match->entry->term)
        break;
      match->n_tokens += 1 + other.n_tokens;
    }

  return TRUE;
}

/**
 * mp2_lexicon_find:
 * @tokens: (element-type Mp2Token): the tokens of a text
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the first (and there the longest) label found
 *
 * Returns: %TRUE if a label of @kind is anywhere in @tokens
 */
gboolean
mp2_lexicon_find (GArray      *tokens,
                  Mp2LexKind   kind,
                  guint        tables,
                  Mp2LexMatch *match)
{
  g_return_val_if_fail (tokens != NULL, FALSE);

  for (guint i = 0; i < tokens->len; i++)
    if (mp2_lexicon_match_at (tokens, i, kind, tables, match))
      return TRUE;

  return FALSE;
}

/**
 * mp2_lexicon_match_prefix:
 * @text: a text
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the label found
 *
 * Returns: %TRUE if @text starts with a label of @kind
 */
gboolean
mp2_lexicon_match_prefix (const char  *text,
                          Mp2LexKind   kind,
                          guint        tables,
                          Mp2LexMatch *match)
{
  GArray *tokens;
  gboolean found;

  g_return_val_if_fail (text != NULL, FALSE);

  tokens = mp2_text_tokenize (text);
  found = mp2_lexicon_match_at (tokens, 0, kind, tables, match);
  mp2_tokens_free (tokens);

  return found;
}

/**
 * mp2_lexicon_match_whole:
 * @text: a text
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the label found
 *
 * Returns: %TRUE if @text is a label of @kind and nothing else
 */
gboolean
mp2_lexicon_match_whole (const char  *text,
                         Mp2LexKind   kind,
                         guint        tables,
                         Mp2LexMatch *match)
{
  GArray *tokens;
  gboolean found;

  g_return_val_if_fail (text != NULL, FALSE);

  tokens = mp2_text_tokenize (text);
  found = mp2_lexicon_match_at (tokens, 0, kind, tables, match)
          && match->n_tokens == tokens->len;
  mp2_tokens_free (tokens);

  return found;
}

/**
 * mp2_lexicon_entry_is_shared:
 * @entry: an entry of the lexicon
 *
 * Returns: %TRUE if the same label exists in another language ("Catering",
 *   "Transport"), so that it tells nothing about the sheet's language
 */
gboolean
mp2_lexicon_entry_is_shared (const Mp2LexEntry *entry)
{
  gsize index;

  g_return_val_if_fail (entry >= lexicon && entry < lexicon + G_N_ELEMENTS (lexicon), FALSE);

  index = (gsize) (entry - lexicon);

  return entry_tokens[index].shared;
}

/**
 * mp2_lexicon_get_entries:
 * @n_entries: (out): the number of entries
 *
 * Returns: (array length=n_entries): the whole lexicon, for tests
 */
const Mp2LexEntry *
mp2_lexicon_get_entries (guint *n_entries)
{
  *n_entries = G_N_ELEMENTS (lexicon);

  return lexicon;
}

/**
 * mp2_lexicon_entry_get_tokens:
 * @entry: an entry of the lexicon
 *
 * Returns: (transfer none): the folded tokens of its label, as built
 */
const char * const *
mp2_lexicon_entry_get_tokens (const Mp2LexEntry *entry)
{
  g_return_val_if_fail (entry >= lexicon && entry < lexicon + G_N_ELEMENTS (lexicon), NULL);

  return entry_tokens[entry - lexicon].tokens;
}
