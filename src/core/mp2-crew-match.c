/* mp2-crew-match.c
 *
 * The user's own call: their name is looked up in the crew list, then in the cast
 * list, ignoring case, diacritics, the order of first and last names, nicknames in
 * quotes and companies in brackets, and taking an initial for a first name
 * ("J. Kowalski" is Jan Kowalski). When the user is not listed, or their row has no
 * time, the general crew call stands, and a warning says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-crew-match"

#include "config.h"

#include "mp2-call-sheet-parser.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mp2-text-util.h"

static const struct
{
  const char *open;
  const char *close;
} asides[] = {
  { "(", ")" }, { "[", "]" }, { "“", "”" }, { "„", "”" }, { "\"", "\"" }, { "«", "»" },
  { "‘", "’" },
};

static char *
remove_asides (const char *name)
{
  g_autofree char *text = g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (asides); i++)
    {
      char *open;

      while ((open = strstr (text, asides[i].open)) != NULL)
        {
          char *close = strstr (open + strlen (asides[i].open), asides[i].close);
          char *rest = close != NULL ? close + strlen (asides[i].close) : open + strlen (open);

          memmove (open, rest, strlen (rest) + 1);
        }
    }

  return g_steal_pointer (&text);
}

static GPtrArray *
name_tokens (const char *name)
{
  g_autofree char *bare = remove_asides (name);
  GArray *tokens = mp2_text_tokenize (bare);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *norm = g_array_index (tokens, Mp2Token, i).norm;

      if (g_ascii_isalpha (*norm))
        g_ptr_array_add (words, g_strdup (norm));
    }

  mp2_tokens_free (tokens);

  return words;
}

static gboolean
words_match (const char *a,
             const char *b,
             gboolean   *full)
{
  *full = strlen (a) > 1 && strlen (b) > 1 && g_str_equal (a, b);
  if (*full)
    return TRUE;

  /* An initial: "j" for "jan". */
  return (strlen (a) == 1 || strlen (b) == 1) && a[0] == b[0];
}

/* Every word of the shorter name pairs with a word of the longer one, in any order,
 * and at least one pair is a whole word (the surname, not only initials). */
static gboolean
names_match (GPtrArray *wanted,
             GPtrArray *listed)
{
  GPtrArray *shorter = wanted->len <= listed->len ? wanted : listed;
  GPtrArray *longer = shorter == wanted ? listed : wanted;
  g_autofree gboolean *taken = g_new0 (gboolean, longer->len + 1);
  guint full_words = 0;

  if (shorter->len < 2 && longer->len >= 2)
    return FALSE;

  for (guint i = 0; i < shorter->len; i++)
    {
      gboolean paired = FALSE;

      for (guint j = 0; j < longer->len && !paired; j++)
        {
          gboolean full;

          if (!taken[j] && words_match (g_ptr_array_index (shorter, i),
                                        g_ptr_array_index (longer, j), &full))
            {
              taken[j] = paired = TRUE;
              full_words += full;
            }
        }

      if (!paired)
        return FALSE;
    }

  return full_words > 0;
}

static gboolean
is_named (GPtrArray  *wanted,
          const char *name)
{
  g_autoptr(GPtrArray) listed = NULL;

  if (name == NULL)
    return FALSE;

  listed = name_tokens (name);

  return listed->len > 0 && names_match (wanted, listed);
}

static void
use_general_call (Mp2CallSheet *sheet,
                  const char   *name,
                  const char   *position)
{
  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_GENERAL, name, position,
                                    mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL));
}

/* The user is on the list, but their row has no time of its own. */
static void
use_general_call_instead (Mp2CallSheet *sheet,
                          const char   *name,
                          const char   *position)
{
  /* Translators: %s is a name in the crew or cast list */
  mp2_call_sheet_add_warning (sheet, _("%s has no call time of their own on the sheet; "
                                       "the general crew call is used."), name);
  use_general_call (sheet, name, position);
}

static gboolean
find_in_crew (Mp2CallSheet *sheet,
              GPtrArray    *wanted,
              const char   *crew_name)
{
  GPtrArray *crew = mp2_call_sheet_get_crew (sheet);
  Mp2CrewMember *found = NULL;
  guint count = 0;

  for (guint i = 0; i < crew->len; i++)
    {
      Mp2CrewMember *member = g_ptr_array_index (crew, i);

      if (is_named (wanted, member->name) && count++ == 0)
        found = member;
    }

  if (found == NULL)
    return FALSE;

  if (count > 1)
    /* Translators: the first %s is the user's name, the last the position or name
     * in the first matching row of the crew list */
    mp2_call_sheet_add_warning (sheet, g_dngettext (GETTEXT_PACKAGE,
                                                    "%s is in the crew list %u time; the "
                                                    "call of the first row (%s) is used.",
                                                    "%s is in the crew list %u times; the "
                                                    "call of the first row (%s) is used.",
                                                    count),
                                crew_name, count,
                                found->position ? found->position : found->name);

  if (found->call == MP2_CALL_SHEET_NO_TIME)
    use_general_call_instead (sheet, found->name, found->position);
  else
    mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CREW, found->name,
                                      found->position, found->call);

  return TRUE;
}

static gboolean
find_in_cast (Mp2CallSheet *sheet,
              GPtrArray    *wanted)
{
  GPtrArray *cast = mp2_call_sheet_get_cast (sheet);

  for (guint i = 0; i < cast->len; i++)
    {
      Mp2CastMember *member = g_ptr_array_index (cast, i);

      if (!is_named (wanted, member->name))
        continue;

      if (member->call == MP2_CALL_SHEET_NO_TIME)
        use_general_call_instead (sheet, member->name, member->character);
      else
        mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CAST, member->name,
                                          member->character, member->call);
      return TRUE;
    }

  return FALSE;
}

/**
 * mp2_call_sheet_find_personal_call:
 * @sheet: a parsed sheet
 * @crew_name: the user's name as crew lists print it
 *
 * Finds the user's own call and stores it as the sheet's personal call.
 */
void
mp2_call_sheet_find_personal_call (Mp2CallSheet *sheet,
                                   const char   *crew_name)
{
  g_autoptr(GPtrArray) wanted = NULL;

  g_return_if_fail (MP2_IS_CALL_SHEET (sheet));
  g_return_if_fail (crew_name != NULL);

  wanted = name_tokens (crew_name);
  if (wanted->len == 0)
    return;

  if (find_in_crew (sheet, wanted, crew_name) || find_in_cast (sheet, wanted))
    return;

  /* Translators: %s is the user's name as set in Preferences */
  mp2_call_sheet_add_warning (sheet, _("%s is not in the crew or cast list; the general "
                                       "crew call is used."), crew_name);
  use_general_call (sheet, NULL, NULL);
}
