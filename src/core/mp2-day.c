/* mp2-day.c
 *
 * One shooting day as the user sees it: which day a sheet belongs to, the user's
 * corrections on top of the sheet as read, and how those corrections are carried to
 * a later revision of the same day. What a revision changed, and the conflicts it
 * makes with the user's edits, as values and as JSON, are in mp2-day-diff.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day"

#include "config.h"

#include "mp2-day.h"

#include <string.h>

#include "mp2-text-util.h"
#include "mp2-time-parse.h"

#define MINUTES_PER_DAY (24 * 60)
#define MAX_DAY_NUMBER 100000
#define MAX_INDEX_DIGITS 6
#define NEXT_DAY_SUFFIX "+1"
#define LOCATIONS_PREFIX "locations/"
#define NOTES_PREFIX "notes/"

typedef enum
{
  EDIT_PRODUCTION,
  EDIT_DATE,
  EDIT_SHOOTING_DAY,
  EDIT_TOTAL_DAYS,
  EDIT_TIME,
  EDIT_MY_CALL,
  EDIT_LOCATION_NAME,
  EDIT_LOCATION_ADDRESS,
  EDIT_NOTE,
} EditKind;

/* An edit key taken apart: "locations/2/address" is EDIT_LOCATION_ADDRESS, index 2. */
typedef struct
{
  EditKind     kind;
  Mp2TimeField field;
  guint        index;
} EditKey;

static const struct
{
  const char *name;
  EditKind    kind;
} plain_keys[] = {
  { "production", EDIT_PRODUCTION },
  { "date", EDIT_DATE },
  { "shooting_day", EDIT_SHOOTING_DAY },
  { "total_days", EDIT_TOTAL_DAYS },
  { "my_call", EDIT_MY_CALL },
};

/* Identity */

/**
 * mp2_day_key_new:
 * @production: (nullable): the production's title as printed
 * @year: the shooting date's year
 * @month: its month, 1 to 12
 * @day: its day of the month
 *
 * Makes the identity of a shooting day: the title folded (no case, no diacritics,
 * punctuation and runs of spaces dropped, so that "Cicha Woda", "CICHA  WODA" and
 * "Cicha Woda –" are one title), a `|` and the date as `YYYY-MM-DD`, such as
 * `"cicha woda|2025-03-28"`. A sheet without a title still has a day: its key has an
 * empty title, `"|2025-03-28"`.
 *
 * Returns: (transfer full): the day's key
 */
char *
mp2_day_key_new (const char *production,
                 int         year,
                 int         month,
                 int         day)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year),
                        NULL);

  title = mp2_text_normalize (production != NULL ? production : "");
  date = mp2_date_format (year, month, day);

  return g_strconcat (title, "|", date, NULL);
}

/**
 * mp2_day_key_for_sheet:
 * @sheet: an #Mp2CallSheet
 *
 * Returns: (transfer full) (nullable): the key of the sheet's day (see
 *   mp2_day_key_new()), or %NULL when the sheet has no date
 */
char *
mp2_day_key_for_sheet (Mp2CallSheet *sheet)
{
  int year;
  int month;
  int day;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (sheet), NULL);

  if (!mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return NULL;

  return mp2_day_key_new (mp2_call_sheet_get_production (sheet), year, month, day);
}

/* Edit keys */

/* A list index as the keys write it: digits, no leading zero, so that one field has
 * one key. */
static gboolean
parse_index (const char  *text,
             const char **end,
             guint       *index)
{
  guint value = 0;
  guint n = 0;

  while (g_ascii_isdigit (text[n]))
    {
      if (n == MAX_INDEX_DIGITS)
        return FALSE;
      value = value * 10 + (guint) g_ascii_digit_value (text[n]);
      n++;
    }

  if (n == 0 || (n > 1 && text[0] == '0'))
    return FALSE;

  *end = text + n;
  *index = value;
  return TRUE;
}

static gboolean
parse_location_key (const char *rest,
                    EditKey    *key)
{
  const char *end;

  if (!parse_index (rest, &end, &key->index) || *end != '/')
    return FALSE;

  if (g_str_equal (end + 1, "name"))
    key->kind = EDIT_LOCATION_NAME;
  else if (g_str_equal (end + 1, "address"))
    key->kind = EDIT_LOCATION_ADDRESS;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_note_key (const char *rest,
                EditKey    *key)
{
  const char *end;

  if (!parse_index (rest, &end, &key->index) || *end != '\0')
    return FALSE;

  key->kind = EDIT_NOTE;
  return TRUE;
}

static gboolean
find_time_field (const char   *name,
                 Mp2TimeField *field)
{
  for (guint i = 0; i < MP2_N_TIME_FIELDS; i++)
    {
      if (g_str_equal (name, mp2_time_field_to_key ((Mp2TimeField) i)))
        {
          *field = (Mp2TimeField) i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_edit_key (const char *name,
                EditKey    *key)
{
  *key = (EditKey) { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
    {
      if (g_str_equal (name, plain_keys[i].name))
        {
          key->kind = plain_keys[i].kind;
          return TRUE;
        }
    }

  if (find_time_field (name, &key->field))
    {
      key->kind = EDIT_TIME;
      return TRUE;
    }

  if (g_str_has_prefix (name, LOCATIONS_PREFIX))
    return parse_location_key (name + strlen (LOCATIONS_PREFIX), key);

  if (g_str_has_prefix (name, NOTES_PREFIX))
    return parse_note_key (name + strlen (NOTES_PREFIX), key);

  return FALSE;
}

/**
 * mp2_day_edit_key_is_valid:
 * @key: a key of the edits object
 *
 * Checks the form of @key only: "locations/7/name" is valid whether or not the sheet
 * has an eighth place. Indexes are written without leading zeros.
 *
 * Returns: %TRUE if @key names a field a person can correct (see mp2-day.h)
 */
gboolean
mp2_day_edit_key_is_valid (const char *key)
{
  EditKey parsed;

  g_return_val_if_fail (key != NULL, FALSE);

  return parse_edit_key (key, &parsed);
}

/* Edit values */

/* A string or null (then @text is NULL); FALSE for any other type. */
static gboolean
read_text_value (JsonNode    *node,
                 const char **text)
{
  *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *text = json_node_get_string (node);
  return *text != NULL && g_utf8_validate (*text, -1, NULL);
}

/* "HH:MM", or "HH:MM+1" for after midnight. The sheet keeps times of the day, as
 * the printed sheet does: whether a time falls after midnight follows from its
 * order (a wrap at or before the call is the next day), so "+1" is accepted and
 * folded into the time of day. */
static gboolean
parse_time_text (const char *text,
                 int        *minutes)
{
  g_autofree char *hh_mm = NULL;

  if (g_str_has_suffix (text, NEXT_DAY_SUFFIX))
    hh_mm = g_strndup (text, strlen (text) - strlen (NEXT_DAY_SUFFIX));
  else
    hh_mm = g_strdup (text);

  *minutes = mp2_time_from_string (hh_mm);
  return *minutes != MP2_NO_TIME;
}

static gboolean
read_time_value (JsonNode *node,
                 int      *minutes)
{
  const char *text;

  if (!read_text_value (node, &text))
    return FALSE;

  if (text == NULL)
    {
      *minutes = MP2_CALL_SHEET_NO_TIME;
      return TRUE;
    }

  return parse_time_text (text, minutes);
}

/* A whole number (or a string of digits, as a text entry gives it) or null. */
static gboolean
read_day_number_value (JsonNode *node,
                       int      *number)
{
  guint64 value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *number = MP2_CALL_SHEET_NO_NUMBER;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 integer = json_node_get_int (node);

      if (integer < 0 || integer > MAX_DAY_NUMBER)
        return FALSE;
      value = (guint64) integer;
    }
  else if (json_node_get_value_type (node) != G_TYPE_STRING
           || !g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, MAX_DAY_NUMBER,
                                           &value, NULL))
    return FALSE;

  *number = (int) value;
  return TRUE;
}

/* Applying one edit */

static gboolean
apply_production (Mp2CallSheet *sheet,
                  JsonNode     *value)
{
  const char *text;

  if (!read_text_value (value, &text))
    return FALSE;

  mp2_call_sheet_set_production (sheet, text);
  return TRUE;
}

static gboolean
apply_date (Mp2CallSheet *sheet,
            JsonNode     *value)
{
  const char *text;
  int year;
  int month;
  int day;

  if (!read_text_value (value, &text))
    return FALSE;

  if (text == NULL)
    {
      mp2_call_sheet_clear_date (sheet);
      return TRUE;
    }

  if (!mp2_date_from_string (text, &year, &month, &day) || year < 1)
    return FALSE;

  mp2_call_sheet_set_date (sheet, year, month, day);
  return TRUE;
}

static gboolean
apply_day_number (Mp2CallSheet *sheet,
                  EditKind      kind,
                  JsonNode     *value)
{
  int number;

  if (!read_day_number_value (value, &number))
    return FALSE;

  if (kind == EDIT_SHOOTING_DAY)
    mp2_call_sheet_set_shooting_day (sheet, number);
  else
    mp2_call_sheet_set_total_days (sheet, number);

  return TRUE;
}

static gboolean
apply_time (Mp2CallSheet *sheet,
            Mp2TimeField  field,
            JsonNode     *value)
{
  int minutes;

  if (!read_time_value (value, &minutes))
    return FALSE;

  mp2_call_sheet_set_time (sheet, field, minutes);
  return TRUE;
}

/* A call of one's own: one the user's crew or cast row gives, or one they set. */
static gboolean
is_own_call (Mp2PersonalCallSource source)
{
  return source == MP2_PERSONAL_CALL_CREW || source == MP2_PERSONAL_CALL_CAST;
}

/* A time the user sets is a call of their own: a personal call that was none or the
 * general crew call becomes a crew call (keeping the name and position, if any). A
 * null clears the time and keeps the rest; the day then starts at the crew call. */
static gboolean
apply_my_call (Mp2CallSheet *sheet,
               JsonNode     *value)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (sheet);
  Mp2PersonalCallSource source = call->source;
  int minutes;

  if (!read_time_value (value, &minutes))
    return FALSE;

  if (minutes != MP2_CALL_SHEET_NO_TIME && !is_own_call (source))
    source = MP2_PERSONAL_CALL_CREW;

  mp2_call_sheet_set_personal_call (sheet, source, call->name, call->position, minutes);
  return TRUE;
}

static gboolean
apply_location (Mp2CallSheet  *sheet,
                const EditKey *key,
                JsonNode      *value)
{
  GPtrArray *locations = mp2_call_sheet_get_locations (sheet);
  Mp2Location *location;
  const char *text;
  char **field;

  if (key->index >= locations->len || !read_text_value (value, &text))
    return FALSE;

  location = g_ptr_array_index (locations, key->index);
  field = key->kind == EDIT_LOCATION_NAME ? &location->name : &location->address;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

/* A note set to null is removed, after all other edits (see mp2_day_apply_edits()). */
static gboolean
apply_note (Mp2CallSheet  *sheet,
            const EditKey *key,
            JsonNode      *value,
            GArray        *removed_notes)
{
  GPtrArray *notes = mp2_call_sheet_get_notes (sheet);
  const char *text;

  if (key->index >= notes->len || !read_text_value (value, &text))
    return FALSE;

  if (text == NULL)
    {
      g_array_append_val (removed_notes, key->index);
      return TRUE;
    }

  g_free (g_ptr_array_index (notes, key->index));
  g_ptr_array_index (notes, key->index) = g_strdup (text);
  return TRUE;
}

static gboolean
apply_edit (Mp2CallSheet  *sheet,
            const EditKey *key,
            JsonNode      *value,
            GArray        *removed_notes)
{
  switch (key->kind)
    {
    case EDIT_PRODUCTION:
      return apply_production (sheet, value);
    case EDIT_DATE:
      return apply_date (sheet, value);
    case EDIT_SHOOTING_DAY:
    case EDIT_TOTAL_DAYS:
      return apply_day_number (sheet, key->kind, value);
    case EDIT_TIME:
      return apply_time (sheet, key->field, value);
    case EDIT_MY_CALL:
      return apply_my_call (sheet, value);
    case EDIT_LOCATION_NAME:
    case EDIT_LOCATION_ADDRESS:
      return apply_location (sheet, key, value);
    case EDIT_NOTE:
      return apply_note (sheet, key, value, removed_notes);
    default:
      g_assert_not_reached ();
    }
}

static int
compare_indexes_down (gconstpointer a,
                      gconstpointer b)
{
  guint first = *(const guint *) a;
  guint second = *(const guint *) b;

  return (first < second) - (first > second);
}

static void
remove_notes (Mp2CallSheet *sheet,
              GArray       *removed_notes)
{
  GPtrArray *notes = mp2_call_sheet_get_notes (sheet);
  guint last = G_MAXUINT;

  g_array_sort (removed_notes, compare_indexes_down);

  for (guint i = 0; i < removed_notes->len; i++)
    {
      guint index = g_array_index (removed_notes, guint, i);

      if (index != last)
        g_ptr_array_remove_index (notes, index);
      last = index;
    }
}

/* The general crew call is the personal call of someone without a call of their
 * own: it follows a corrected crew call. */
static void
follow_crew_call (Mp2CallSheet *sheet)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (sheet);

  if (call->source != MP2_PERSONAL_CALL_GENERAL)
    return;

  mp2_call_sheet_set_personal_call (sheet, call->source, call->name, call->position,
                                    mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL));
}

static void
apply_member (Mp2CallSheet *sheet,
              const char   *name,
              JsonNode     *value,
              GArray       *removed_notes)
{
  EditKey key;

  if (!parse_edit_key (name, &key))
    g_debug ("Ignoring the edit of “%s”: not a field that can be corrected", name);
  else if (!apply_edit (sheet, &key, value, removed_notes))
    g_debug ("Ignoring the edit of “%s”: no such place or note, or a value of the wrong "
             "type or form", name);
}

/**
 * mp2_day_apply_edits:
 * @sheet: the sheet as read
 * @edits: (nullable): the user's corrections, keyed as described in mp2-day.h
 *
 * Applies @edits to a copy of @sheet. Keys that are not valid, indexes past the end
 * of their list and values of the wrong type or form are ignored (with a debug
 * message). Times are `"HH:MM"` or `"HH:MM+1"`; the sheet keeps times of the day, so
 * `"05:00+1"` is stored as 05:00, which lies after midnight by its order (a wrap at
 * or before the call ends the next day). `null` clears a field, with these
 * exceptions:
 *
 * - `"my_call"`: a time makes it a call of the user's own (a personal call that
 *   was none or the general crew call becomes a crew call, name and position kept);
 *   `null` clears its time, and the day then starts at the crew call.
 * - `"notes/N"`: `null` removes the note. Removals are made after all other
 *   edits, so every index refers to the sheet as read.
 *
 * A personal call that is the general crew call follows an edited crew call.
 *
 * Returns: (transfer full): a new sheet with the edits applied
 */
Mp2CallSheet *
mp2_day_apply_edits (Mp2CallSheet *sheet,
                     JsonObject   *edits)
{
  g_autoptr(Mp2CallSheet) copy = NULL;
  g_autoptr(GArray) removed_notes = NULL;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (sheet), NULL);

  copy = mp2_call_sheet_copy (sheet);
  if (edits == NULL)
    return g_steal_pointer (&copy);

  removed_notes = g_array_new (FALSE, FALSE, sizeof (guint));
  names = json_object_get_members (edits);
  for (const GList *l = names; l != NULL; l = l->next)
    apply_member (copy, l->data, json_object_get_member (edits, l->data), removed_notes);

  remove_notes (copy, removed_notes);
  follow_crew_call (copy);

  return g_steal_pointer (&copy);
}

/* Reading one field */

static JsonNode *
new_string_node (const char *text)
{
  JsonNode *node = json_node_alloc ();

  if (text == NULL)
    return json_node_init_null (node);

  return json_node_init_string (node, text);
}

static JsonNode *
new_time_node (int minutes)
{
  g_autofree char *text = mp2_time_format (minutes);

  return new_string_node (text);
}

static JsonNode *
new_number_node (int number)
{
  JsonNode *node = json_node_alloc ();

  if (number == MP2_CALL_SHEET_NO_NUMBER)
    return json_node_init_null (node);

  return json_node_init_int (node, number);
}

static JsonNode *
new_date_node (Mp2CallSheet *sheet)
{
  g_autofree char *text = NULL;
  int year;
  int month;
  int day;

  if (mp2_call_sheet_get_date (sheet, &year, &month, &day))
    text = mp2_date_format (year, month, day);

  return new_string_node (text);
}

static JsonNode *
new_location_node (Mp2CallSheet  *sheet,
                   const EditKey *key)
{
  GPtrArray *locations = mp2_call_sheet_get_locations (sheet);
  Mp2Location *location;

  if (key->index >= locations->len)
    return NULL;

  location = g_ptr_array_index (locations, key->index);
  return new_string_node (key->kind == EDIT_LOCATION_NAME ? location->name : location->address);
}

static JsonNode *
new_note_node (Mp2CallSheet  *sheet,
               const EditKey *key)
{
  GPtrArray *notes = mp2_call_sheet_get_notes (sheet);

  if (key->index >= notes->len)
    return NULL;

  return new_string_node (g_ptr_array_index (notes, key->index));
}

/**
 * mp2_day_get_field:
 * @sheet: an #Mp2CallSheet
 * @key: an edit key (see mp2-day.h)
 *
 * Reads one field in the form an edit gives it: strings, `"YYYY-MM-DD"`, whole
 * numbers, times as `"HH:MM"` (never with `"+1"`), `"my_call"` as the personal
 * call's time. Two sheets have the same value at @key when json_node_equal() says so.
 *
 * Returns: (transfer full) (nullable): the value, a JSON null when the sheet does
 *   not say, or %NULL when @key is not valid or names a place or note past the end
 */
JsonNode *
mp2_day_get_field (Mp2CallSheet *sheet,
                   const char   *key)
{
  EditKey parsed;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (sheet), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!parse_edit_key (key, &parsed))
    return NULL;

  switch (parsed.kind)
    {
    case EDIT_PRODUCTION:
      return new_string_node (mp2_call_sheet_get_production (sheet));
    case EDIT_DATE:
      return new_date_node (sheet);
    case EDIT_SHOOTING_DAY:
      return new_number_node (mp2_call_sheet_get_shooting_day (sheet));
    case EDIT_TOTAL_DAYS:
      return new_number_node (mp2_call_sheet_get_total_days (sheet));
    case EDIT_TIME:
      return new_time_node (mp2_call_sheet_get_time (sheet, parsed.field));
    case EDIT_MY_CALL:
      return new_time_node (mp2_call_sheet_get_personal_call (sheet)->call);
    case EDIT_LOCATION_NAME:
    case EDIT_LOCATION_ADDRESS:
      return new_location_node (sheet, &parsed);
    case EDIT_NOTE:
      return new_note_node (sheet, &parsed);
    default:
      g_assert_not_reached ();
    }
}

/* Carrying edits to a revision */

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

/* Which place of @to is the one at @index of @from: the same kind, the same
 * place among the places of that kind ("the second set"). */
static gboolean
find_same_place (GPtrArray *from,
                 guint      index,
                 GPtrArray *to,
                 guint     *to_index)
{
  Mp2LocationKind kind;
  guint ordinal = 0;

  if (index >= from->len)
    return FALSE;

  kind = ((Mp2Location *) g_ptr_array_index (from, index))->kind;
  for (guint i = 0; i < index; i++)
    ordinal += ((Mp2Location *) g_ptr_array_index (from, i))->kind == kind;

  for (guint i = 0; i < to->len; i++)
    {
      if (((Mp2Location *) g_ptr_array_index (to, i))->kind == kind && ordinal-- == 0)
        {
          *to_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The key of the same field in @new_sheet, or NULL when it is not there any more. */
static char *
map_key (Mp2CallSheet  *old_sheet,
         Mp2CallSheet  *new_sheet,
         const char    *key,
         const EditKey *parsed)
{
  guint index;

  switch (parsed->kind)
    {
    case EDIT_LOCATION_NAME:
    case EDIT_LOCATION_ADDRESS:
      if (!find_same_place (mp2_call_sheet_get_locations (old_sheet), parsed->index,
                            mp2_call_sheet_get_locations (new_sheet), &index))
        return NULL;
      return g_strdup_printf (LOCATIONS_PREFIX "%u/%s", index,
                              parsed->kind == EDIT_LOCATION_NAME ? "name" : "address");
    case EDIT_NOTE:
      if (parsed->index >= mp2_call_sheet_get_notes (old_sheet)->len
          || parsed->index >= mp2_call_sheet_get_notes (new_sheet)->len)
        return NULL;
      return g_strdup (key);
    default:
      return g_strdup (key);
    }
}

/* Whether the edit gives the value that the revision has anyway. */
static gboolean
edit_agrees (Mp2CallSheet *new_sheet,
             const char   *key,
             JsonNode     *value,
             JsonNode     *theirs)
{
  g_autoptr(JsonObject) single = json_object_new ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  g_autoptr(JsonNode) mine = NULL;

  json_object_set_member (single, key, json_node_copy (value));
  edited = mp2_day_apply_edits (new_sheet, single);
  mine = mp2_day_get_field (edited, key);

  return nodes_equal (mine, theirs);
}

static void
carry_edit (Mp2CallSheet *old_sheet,
            Mp2CallSheet *new_sheet,
            const char   *key,
            JsonNode     *value,
            JsonObject   *carried,
            GPtrArray    *conflicts)
{
  g_autofree char *new_key = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  Mp2DayConflict conflict;
  EditKey parsed;

  if (!parse_edit_key (key, &parsed))
    {
      g_debug ("Dropping the edit of “%s”: not a field that can be corrected", key);
      return;
    }

  new_key = map_key (old_sheet, new_sheet, key, &parsed);
  if (new_key == NULL)
    {
      g_debug ("Dropping the edit of “%s”: the revision has no such place or note", key);
      return;
    }

  json_object_set_member (carried, new_key, json_node_copy (value));

  before = mp2_day_get_field (old_sheet, key);
  theirs = mp2_day_get_field (new_sheet, new_key);
  if (nodes_equal (before, theirs) || edit_agrees (new_sheet, new_key, value, theirs))
    return;

  conflict = (Mp2DayConflict) { new_key, value, theirs };
  g_ptr_array_add (conflicts, mp2_day_conflict_copy (&conflict));
}

/**
 * mp2_day_carry_edits:
 * @old_sheet: the revision the edits were made on, as read
 * @new_sheet: the revision that supersedes it, as read
 * @edits: (nullable): the user's edits of @old_sheet
 * @conflicts: (out) (optional) (transfer full) (element-type Mp2DayConflict): the
 *   edits of fields that the revision changed too
 *
 * Carries the user's edits to a new revision of the same day. An edit of a field
 * that the revision left as it was is carried silently. When the revision changed
 * that very field, the edit is carried all the same and a conflict says what the
 * user wrote and what the revision says, so that the user can keep theirs or take
 * the revision's; a revision that made the same correction is no conflict. Places
 * are matched by kind and order ("the first set"), so an edit follows its place when
 * the revision adds or removes others; an edit of a place or a note that the
 * revision no longer has is dropped (the changes say the place went away). Invalid
 * keys are dropped.
 *
 * Returns: (transfer full): the edits for @new_sheet, a new object
 */
JsonObject *
mp2_day_carry_edits (Mp2CallSheet  *old_sheet,
                     Mp2CallSheet  *new_sheet,
                     JsonObject    *edits,
                     GPtrArray    **conflicts)
{
  g_autoptr(JsonObject) carried = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (old_sheet), NULL);
  g_return_val_if_fail (MP2_IS_CALL_SHEET (new_sheet), NULL);

  carried = json_object_new ();
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_conflict_free);
  if (edits != NULL)
    names = json_object_get_members (edits);

  for (const GList *l = names; l != NULL; l = l->next)
    carry_edit (old_sheet, new_sheet, l->data, json_object_get_member (edits, l->data),
                carried, found);

  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&found);

  return g_steal_pointer (&carried);
}
