/* mp2-day-diff.c
 *
 * What a revision of a shooting day changed, in the terms a crew member cares about:
 * the calls, the wrap, the date, the places and the scenes. Changes are kept with
 * the day (as JSON) and told in one line of a notification. Conflicts, the user's
 * edits of fields that the revision changed too (found by mp2_day_carry_edits()),
 * are kept the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day"

#include "config.h"

#include "mp2-day.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mp2-text-util.h"
#include "mp2-time-parse.h"

/* A notification line names this many changes, then counts the rest. */
#define SUMMARY_MAX_ITEMS 3
#define SUMMARY_SEPARATOR " · "
/* Shown for a value the sheet does not give. */
#define NO_VALUE "—"

static const char *change_kind_names[] = {
  [MP2_DAY_CHANGE_CREW_CALL] = "crew_call",
  [MP2_DAY_CHANGE_MY_CALL] = "my_call",
  [MP2_DAY_CHANGE_SHOOTING_CALL] = "shooting_call",
  [MP2_DAY_CHANGE_WRAP] = "wrap",
  [MP2_DAY_CHANGE_DATE] = "date",
  [MP2_DAY_CHANGE_LOCATION] = "location",
  [MP2_DAY_CHANGE_SCENE_ADDED] = "scene_added",
  [MP2_DAY_CHANGE_SCENE_REMOVED] = "scene_removed",
};

G_DEFINE_BOXED_TYPE (Mp2DayChange, mp2_day_change, mp2_day_change_copy, mp2_day_change_free)

G_DEFINE_BOXED_TYPE (Mp2DayConflict, mp2_day_conflict, mp2_day_conflict_copy, mp2_day_conflict_free)

/* The boxed type */

static Mp2DayChange *
change_new (Mp2DayChangeKind  kind,
            const char       *key,
            const char       *old_value,
            const char       *new_value)
{
  Mp2DayChange *change = g_new0 (Mp2DayChange, 1);

  change->kind = kind;
  change->key = g_strdup (key);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  change->location_kind = MP2_LOCATION_SET;

  return change;
}

/**
 * mp2_day_change_copy:
 * @change: an #Mp2DayChange
 *
 * Returns: (transfer full): a copy of @change
 */
Mp2DayChange *
mp2_day_change_copy (const Mp2DayChange *change)
{
  Mp2DayChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = change_new (change->kind, change->key, change->old_value, change->new_value);
  copy->location_kind = change->location_kind;

  return copy;
}

/**
 * mp2_day_change_free:
 * @change: (nullable): an #Mp2DayChange
 */
void
mp2_day_change_free (Mp2DayChange *change)
{
  if (change == NULL)
    return;

  g_free (change->key);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* The header */

static void
diff_time (GPtrArray        *changes,
           Mp2DayChangeKind  kind,
           const char       *key,
           int               old_minutes,
           int               new_minutes)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (old_minutes == new_minutes)
    return;

  old_text = mp2_time_format (old_minutes);
  new_text = mp2_time_format (new_minutes);
  g_ptr_array_add (changes, change_new (kind, key, old_text, new_text));
}

static void
diff_header_time (GPtrArray        *changes,
                  Mp2DayChangeKind  kind,
                  Mp2TimeField      field,
                  Mp2CallSheet     *old_sheet,
                  Mp2CallSheet     *new_sheet)
{
  diff_time (changes, kind, mp2_time_field_to_key (field),
             mp2_call_sheet_get_time (old_sheet, field),
             mp2_call_sheet_get_time (new_sheet, field));
}

static char *
dup_date (Mp2CallSheet *sheet)
{
  int year;
  int month;
  int day;

  if (!mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return NULL;

  return mp2_date_format (year, month, day);
}

static void
diff_date (GPtrArray    *changes,
           Mp2CallSheet *old_sheet,
           Mp2CallSheet *new_sheet)
{
  g_autofree char *old_date = dup_date (old_sheet);
  g_autofree char *new_date = dup_date (new_sheet);

  if (g_strcmp0 (old_date, new_date) != 0)
    g_ptr_array_add (changes, change_new (MP2_DAY_CHANGE_DATE, "date", old_date, new_date));
}

static gboolean
has_own_call (Mp2CallSheet *sheet)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (sheet);

  return call->source == MP2_PERSONAL_CALL_CREW || call->source == MP2_PERSONAL_CALL_CAST;
}

/* The time the user is called: their own, the crew call for someone without one. */
static int
get_my_call (Mp2CallSheet *sheet)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (sheet);

  if (has_own_call (sheet))
    return call->call;
  if (call->source == MP2_PERSONAL_CALL_GENERAL)
    return mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL);

  return MP2_CALL_SHEET_NO_TIME;
}

/* The user's call is a change of its own only when it is not just the crew call in
 * both revisions: a moved crew call says that already. */
static void
diff_my_call (GPtrArray    *changes,
              Mp2CallSheet *old_sheet,
              Mp2CallSheet *new_sheet)
{
  if (!has_own_call (old_sheet) && !has_own_call (new_sheet))
    return;

  diff_time (changes, MP2_DAY_CHANGE_MY_CALL, "my_call",
             get_my_call (old_sheet), get_my_call (new_sheet));
}

/* Places */

static const char *
describe_location (const Mp2Location *location)
{
  return location->address != NULL ? location->address : location->name;
}

static gboolean
same_address (const Mp2Location *a,
              const Mp2Location *b)
{
  g_autofree char *first = mp2_text_normalize (a->address != NULL ? a->address : "");
  g_autofree char *second = mp2_text_normalize (b->address != NULL ? b->address : "");

  return g_str_equal (first, second);
}

/* The indexes of the places of @kind, in order. */
static GArray *
find_places (GPtrArray       *locations,
             Mp2LocationKind  kind)
{
  GArray *indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < locations->len; i++)
    {
      if (((Mp2Location *) g_ptr_array_index (locations, i))->kind == kind)
        g_array_append_val (indexes, i);
    }

  return indexes;
}

static const Mp2Location *
get_place (GPtrArray *locations,
           GArray    *indexes,
           guint      nth)
{
  if (nth >= indexes->len)
    return NULL;

  return g_ptr_array_index (locations, g_array_index (indexes, guint, nth));
}

static void
add_location_change (GPtrArray         *changes,
                     guint              index,
                     const Mp2Location *old_place,
                     const Mp2Location *new_place)
{
  g_autofree char *key = g_strdup_printf ("locations/%u/address", index);
  Mp2DayChange *change;

  change = change_new (MP2_DAY_CHANGE_LOCATION, key,
                       old_place != NULL ? describe_location (old_place) : NULL,
                       new_place != NULL ? describe_location (new_place) : NULL);
  change->location_kind = new_place != NULL ? new_place->kind : old_place->kind;
  g_ptr_array_add (changes, change);
}

static void
diff_places_of_kind (GPtrArray       *changes,
                     Mp2LocationKind  kind,
                     GPtrArray       *old_locations,
                     GPtrArray       *new_locations)
{
  g_autoptr(GArray) old_indexes = find_places (old_locations, kind);
  g_autoptr(GArray) new_indexes = find_places (new_locations, kind);
  guint count = MAX (old_indexes->len, new_indexes->len);

  for (guint nth = 0; nth < count; nth++)
    {
      const Mp2Location *old_place = get_place (old_locations, old_indexes, nth);
      const Mp2Location *new_place = get_place (new_locations, new_indexes, nth);

      if (new_place == NULL)
        add_location_change (changes, g_array_index (old_indexes, guint, nth), old_place, NULL);
      else if (old_place == NULL || !same_address (old_place, new_place))
        add_location_change (changes, g_array_index (new_indexes, guint, nth), old_place,
                             new_place);
    }
}

/* Places are matched by kind and order: the first set with the first set. */
static void
diff_locations (GPtrArray    *changes,
                Mp2CallSheet *old_sheet,
                Mp2CallSheet *new_sheet)
{
  for (guint kind = 0; kind < MP2_N_LOCATION_KINDS; kind++)
    diff_places_of_kind (changes, (Mp2LocationKind) kind,
                         mp2_call_sheet_get_locations (old_sheet),
                         mp2_call_sheet_get_locations (new_sheet));
}

/* Scenes */

static gboolean
has_scene (GPtrArray  *scenes,
           const char *number)
{
  g_autofree char *wanted = mp2_text_normalize (number);

  for (guint i = 0; i < scenes->len; i++)
    {
      const Mp2Scene *scene = g_ptr_array_index (scenes, i);
      g_autofree char *folded = NULL;

      if (scene->number == NULL)
        continue;

      folded = mp2_text_normalize (scene->number);
      if (g_str_equal (folded, wanted))
        return TRUE;
    }

  return FALSE;
}

/* The scenes of @from that @to does not have, with their set as the value. */
static void
diff_scenes (GPtrArray        *changes,
             Mp2DayChangeKind  kind,
             GPtrArray        *from,
             GPtrArray        *to)
{
  for (guint i = 0; i < from->len; i++)
    {
      const Mp2Scene *scene = g_ptr_array_index (from, i);
      g_autofree char *key = NULL;

      if (scene->number == NULL || has_scene (to, scene->number))
        continue;

      key = g_strconcat ("scenes/", scene->number, NULL);
      if (kind == MP2_DAY_CHANGE_SCENE_ADDED)
        g_ptr_array_add (changes, change_new (kind, key, NULL, scene->set));
      else
        g_ptr_array_add (changes, change_new (kind, key, scene->set, NULL));
    }
}

/**
 * mp2_day_diff:
 * @old_sheet: a revision of a day
 * @new_sheet: the revision that supersedes it
 *
 * Lists what a crew member needs to know, in this order: the date, the user's own
 * call (only when one of the sheets has a call of the user's own, so a moved general
 * call is not told twice), the crew call, the shooting call, the wrap, each place
 * whose address changed, came or went (matched by kind and order; the key is the
 * place's index in @new_sheet, or in @old_sheet when it went), then the scenes added
 * and removed (matched by number, ignoring case). Values are shown as `"HH:MM"`,
 * dates as `"YYYY-MM-DD"`, places by their address (or name, without one), scenes by
 * their set; a value a sheet does not give is %NULL. Addresses that differ only in
 * case, diacritics, spacing or punctuation are the same. Pass the sheets as read
 * to learn what the production office changed.
 *
 * Returns: (transfer container) (element-type Mp2DayChange): the changes, empty when
 *   none matters
 */
GPtrArray *
mp2_day_diff (Mp2CallSheet *old_sheet,
              Mp2CallSheet *new_sheet)
{
  GPtrArray *changes;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (old_sheet), NULL);
  g_return_val_if_fail (MP2_IS_CALL_SHEET (new_sheet), NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_change_free);
  diff_date (changes, old_sheet, new_sheet);
  diff_my_call (changes, old_sheet, new_sheet);
  diff_header_time (changes, MP2_DAY_CHANGE_CREW_CALL, MP2_TIME_FIELD_CREW_CALL,
                    old_sheet, new_sheet);
  diff_header_time (changes, MP2_DAY_CHANGE_SHOOTING_CALL, MP2_TIME_FIELD_SHOOTING_CALL,
                    old_sheet, new_sheet);
  diff_header_time (changes, MP2_DAY_CHANGE_WRAP, MP2_TIME_FIELD_ESTIMATED_WRAP,
                    old_sheet, new_sheet);
  diff_locations (changes, old_sheet, new_sheet);
  diff_scenes (changes, MP2_DAY_CHANGE_SCENE_ADDED, mp2_call_sheet_get_scenes (new_sheet),
               mp2_call_sheet_get_scenes (old_sheet));
  diff_scenes (changes, MP2_DAY_CHANGE_SCENE_REMOVED, mp2_call_sheet_get_scenes (old_sheet),
               mp2_call_sheet_get_scenes (new_sheet));

  return changes;
}

/* The notification line */

static const char *
or_no_value (const char *value)
{
  return value != NULL ? value : NO_VALUE;
}

/* "ul. Chełmska 21, 00-724 Warszawa" → "ul. Chełmska 21": the street is enough in
 * a notification. */
static char *
dup_short_address (const char *address)
{
  const char *comma = strstr (address, ", ");

  if (comma == NULL || comma == address)
    return g_strdup (address);

  return g_strndup (address, (gsize) (comma - address));
}

static char *
describe_moved_place (Mp2LocationKind  kind,
                      const char      *street)
{
  switch (kind)
    {
    case MP2_LOCATION_BASE:
      /* Translators: a change in a notification; %s is the street, such as “ul. Chełmska 21” */
      return g_strdup_printf (_("unit base moved to %s"), street);
    case MP2_LOCATION_PARKING:
      /* Translators: a change in a notification; %s is the street, such as “ul. Chełmska 21” */
      return g_strdup_printf (_("parking moved to %s"), street);
    case MP2_LOCATION_CATERING:
      /* Translators: a change in a notification; %s is the street, such as “ul. Chełmska 21” */
      return g_strdup_printf (_("catering moved to %s"), street);
    case MP2_LOCATION_HOSPITAL:
      /* Translators: a change in a notification; %s is the street, such as “ul. Chełmska 21” */
      return g_strdup_printf (_("nearest hospital now at %s"), street);
    case MP2_LOCATION_MEETING_POINT:
      /* Translators: a change in a notification; %s is the street, such as “ul. Chełmska 21” */
      return g_strdup_printf (_("meeting point moved to %s"), street);
    case MP2_LOCATION_SET:
    default:
      /* Translators: a change in a notification; %s is the street, such as “ul. Chełmska 21” */
      return g_strdup_printf (_("set moved to %s"), street);
    }
}

static char *
describe_location_change (const Mp2DayChange *change)
{
  g_autofree char *old_place = NULL;
  g_autofree char *new_place = NULL;

  if (change->new_value == NULL)
    {
      old_place = dup_short_address (or_no_value (change->old_value));
      /* Translators: a change in a notification; %s is a place's street or name */
      return g_strdup_printf (_("%s no longer on the sheet"), old_place);
    }

  new_place = dup_short_address (change->new_value);
  if (change->old_value == NULL)
    /* Translators: a change in a notification; %s is a place's street or name */
    return g_strdup_printf (_("new place at %s"), new_place);

  return describe_moved_place (change->location_kind, new_place);
}

static const char *
get_scene_number (const Mp2DayChange *change)
{
  const char *slash = strchr (change->key, '/');

  return slash != NULL ? slash + 1 : change->key;
}

/* A time or the date: “call 07:00 → 06:30”. */
static char *
describe_value_change (const Mp2DayChange *change)
{
  const char *old_value = or_no_value (change->old_value);
  const char *new_value = or_no_value (change->new_value);

  switch (change->kind)
    {
    case MP2_DAY_CHANGE_CREW_CALL:
      /* Translators: a change in a notification: the general crew call was moved;
       * the first %s is the old time, the second the new one, such as “07:00 → 06:30” */
      return g_strdup_printf (_("call %s → %s"), old_value, new_value);
    case MP2_DAY_CHANGE_MY_CALL:
      /* Translators: a change in a notification: the user's own call was moved;
       * the first %s is the old time, the second the new one */
      return g_strdup_printf (_("your call %s → %s"), old_value, new_value);
    case MP2_DAY_CHANGE_SHOOTING_CALL:
      /* Translators: a change in a notification; the first %s is the old time, the
       * second the new one */
      return g_strdup_printf (_("shooting call %s → %s"), old_value, new_value);
    case MP2_DAY_CHANGE_WRAP:
      /* Translators: a change in a notification: the estimated wrap; the first %s is
       * the old time, the second the new one */
      return g_strdup_printf (_("wrap %s → %s"), old_value, new_value);
    case MP2_DAY_CHANGE_DATE:
    default:
      /* Translators: a change in a notification: the shooting day moved; the first %s
       * is the old date, the second the new one, as YYYY-MM-DD */
      return g_strdup_printf (_("date %s → %s"), old_value, new_value);
    }
}

static char *
describe_change (const Mp2DayChange *change)
{
  switch (change->kind)
    {
    case MP2_DAY_CHANGE_LOCATION:
      return describe_location_change (change);
    case MP2_DAY_CHANGE_SCENE_ADDED:
      /* Translators: a change in a notification; %s is a scene number, such as “41A” */
      return g_strdup_printf (_("scene %s added"), get_scene_number (change));
    case MP2_DAY_CHANGE_SCENE_REMOVED:
      /* Translators: a change in a notification; %s is a scene number, such as “41A” */
      return g_strdup_printf (_("scene %s dropped"), get_scene_number (change));
    case MP2_DAY_CHANGE_CREW_CALL:
    case MP2_DAY_CHANGE_MY_CALL:
    case MP2_DAY_CHANGE_SHOOTING_CALL:
    case MP2_DAY_CHANGE_WRAP:
    case MP2_DAY_CHANGE_DATE:
    default:
      return describe_value_change (change);
    }
}

/* The line starts a sentence: its first letter in upper case. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  GString *out = g_string_new (NULL);

  if (first != 0)
    {
      g_string_append_unichar (out, g_unichar_totitle (first));
      g_string_append (out, g_utf8_next_char (text));
    }

  return g_string_free (out, FALSE);
}

static void
append_more (GString *line,
             guint    more)
{
  g_string_append (line, SUMMARY_SEPARATOR);
  /* Translators: ends a notification that lists a few changes, such as
   * “Call 06:15 → 06:45 · set moved to ul. Szeroka 40 · scene 76B added · and 2 more
   * changes”; %u is how many more there are */
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "and %u more change",
                                             "and %u more changes", more),
                          more);
}

/**
 * mp2_day_changes_summary:
 * @changes: (element-type Mp2DayChange) (nullable): what mp2_day_diff() found
 *
 * Tells the changes in one short line for a notification, such as
 * "Call 07:00 → 06:30 · set moved to ul. Chełmska 21 · scene 41A added". It names
 * three changes at most and counts the others ("and 2 more changes"). Places are
 * told by their street (the address up to its first comma).
 *
 * Returns: (transfer full): the line, translated
 */
char *
mp2_day_changes_summary (GPtrArray *changes)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint shown;

  if (changes == NULL || changes->len == 0)
    /* Translators: a notification about a revised call sheet */
    return g_strdup (_("No changes to the calls, places or scenes"));

  shown = changes->len > SUMMARY_MAX_ITEMS ? SUMMARY_MAX_ITEMS : changes->len;
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *item = describe_change (g_ptr_array_index (changes, i));

      if (i > 0)
        g_string_append (line, SUMMARY_SEPARATOR);
      g_string_append (line, item);
    }

  if (changes->len > shown)
    append_more (line, changes->len - shown);

  return capitalize (line->str);
}

/* Changes as JSON */

static void
add_nullable_string (JsonObject *object,
                     const char *name,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonObject *
change_to_object (const Mp2DayChange *change)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "kind", change_kind_names[change->kind]);
  json_object_set_string_member (object, "key", change->key);
  add_nullable_string (object, "old", change->old_value);
  add_nullable_string (object, "new", change->new_value);
  if (change->kind == MP2_DAY_CHANGE_LOCATION)
    json_object_set_string_member (object, "location_kind",
                                   mp2_location_kind_to_string (change->location_kind));

  return object;
}

/**
 * mp2_day_changes_to_json:
 * @changes: (element-type Mp2DayChange): changes
 *
 * Returns: (transfer full): a JSON array of objects `{"kind", "key", "old", "new"}`
 *   (and `"location_kind"` for a place), kinds named `"crew_call"`, `"my_call"`,
 *   `"shooting_call"`, `"wrap"`, `"date"`, `"location"`, `"scene_added"` and
 *   `"scene_removed"`
 */
JsonNode *
mp2_day_changes_to_json (GPtrArray *changes)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  g_return_val_if_fail (changes != NULL, NULL);

  for (guint i = 0; i < changes->len; i++)
    json_array_add_object_element (array, change_to_object (g_ptr_array_index (changes, i)));

  node = json_node_alloc ();
  return json_node_init_array (node, array);
}

/* A member that is a string, null or missing (then @text is NULL). */
static gboolean
read_optional_string (JsonObject  *object,
                      const char  *name,
                      const char **text)
{
  JsonNode *node = json_object_get_member (object, name);

  *text = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *text = json_node_get_string (node);
  return g_utf8_validate (*text, -1, NULL);
}

static gboolean
find_change_kind (const char       *name,
                  Mp2DayChangeKind *kind)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (change_kind_names); i++)
    {
      if (g_str_equal (name, change_kind_names[i]))
        {
          *kind = (Mp2DayChangeKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

static Mp2DayChange *
read_change_values (JsonObject  *object,
                    const char **what)
{
  const char *kind_name, *key, *old_value, *new_value, *location_kind;
  g_autoptr(Mp2DayChange) change = NULL;
  Mp2DayChangeKind kind;

  if (!read_optional_string (object, "kind", &kind_name) || !find_change_kind (kind_name, &kind))
    {
      *what = "no known kind";
      return NULL;
    }

  if (!read_optional_string (object, "key", &key) || key == NULL)
    {
      *what = "no key";
      return NULL;
    }

  if (!read_optional_string (object, "old", &old_value)
      || !read_optional_string (object, "new", &new_value)
      || !read_optional_string (object, "location_kind", &location_kind))
    {
      *what = "a value is not a string or null";
      return NULL;
    }

  change = change_new (kind, key, old_value, new_value);
  if (location_kind != NULL
      && !mp2_location_kind_from_string (location_kind, &change->location_kind))
    {
      *what = "not a known kind of place";
      return NULL;
    }

  return g_steal_pointer (&change);
}

static Mp2DayChange *
read_change (JsonArray  *array,
             guint       index,
             GError    **error)
{
  JsonNode *element = json_array_get_element (array, index);
  const char *what = "not an object";
  Mp2DayChange *change = NULL;

  if (element != NULL && JSON_NODE_HOLDS_OBJECT (element))
    change = read_change_values (json_node_get_object (element), &what);

  if (change == NULL)
    g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                 "changes/%u: %s", index, what);

  return change;
}

/**
 * mp2_day_changes_from_json:
 * @node: what mp2_day_changes_to_json() wrote
 * @error: return location for an %MP2_CALL_SHEET_ERROR_INVALID error
 *
 * Returns: (transfer container) (element-type Mp2DayChange) (nullable): the
 *   changes, or %NULL with @error set
 */
GPtrArray *
mp2_day_changes_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                           "The changes must be a JSON array");
      return NULL;
    }

  array = json_node_get_array (node);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_change_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Mp2DayChange *change = read_change (array, i, error);

      if (change == NULL)
        return NULL;
      g_ptr_array_add (changes, change);
    }

  return g_steal_pointer (&changes);
}

/* Conflicts */

static Mp2DayConflict *
conflict_new (const char *key,
              JsonNode   *mine,
              JsonNode   *theirs)
{
  Mp2DayConflict *conflict = g_new0 (Mp2DayConflict, 1);

  conflict->key = g_strdup (key);
  conflict->mine = mine != NULL ? json_node_copy (mine) : json_node_new (JSON_NODE_NULL);
  conflict->theirs = theirs != NULL ? json_node_copy (theirs) : json_node_new (JSON_NODE_NULL);

  return conflict;
}

/**
 * mp2_day_conflict_copy:
 * @conflict: an #Mp2DayConflict
 *
 * A %NULL "mine" or "theirs" is copied as a JSON null, so a copy has both.
 *
 * Returns: (transfer full): a copy of @conflict
 */
Mp2DayConflict *
mp2_day_conflict_copy (const Mp2DayConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);

  return conflict_new (conflict->key, conflict->mine, conflict->theirs);
}

/**
 * mp2_day_conflict_free:
 * @conflict: (nullable): an #Mp2DayConflict
 */
void
mp2_day_conflict_free (Mp2DayConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->key);
  g_clear_pointer (&conflict->mine, json_node_unref);
  g_clear_pointer (&conflict->theirs, json_node_unref);
  g_free (conflict);
}

/* Conflicts as JSON */

/**
 * mp2_day_conflicts_to_json:
 * @conflicts: (element-type Mp2DayConflict): conflicts
 *
 * Returns: (transfer full): a JSON array of objects `{"key", "mine", "theirs"}`
 */
JsonNode *
mp2_day_conflicts_to_json (GPtrArray *conflicts)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  g_return_val_if_fail (conflicts != NULL, NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const Mp2DayConflict *conflict = g_ptr_array_index (conflicts, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "key", conflict->key);
      json_object_set_member (object, "mine", json_node_copy (conflict->mine));
      json_object_set_member (object, "theirs", json_node_copy (conflict->theirs));
      json_array_add_object_element (array, object);
    }

  node = json_node_alloc ();
  return json_node_init_array (node, array);
}

static void
set_invalid (GError     **error,
             guint        index,
             const char  *what)
{
  g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
               "conflicts/%u: %s", index, what);
}

static Mp2DayConflict *
read_conflict (JsonArray  *array,
               guint       index,
               GError    **error)
{
  JsonNode *element = json_array_get_element (array, index);
  JsonObject *object;
  const char *key = NULL;

  if (element == NULL || !JSON_NODE_HOLDS_OBJECT (element))
    {
      set_invalid (error, index, "not an object");
      return NULL;
    }

  object = json_node_get_object (element);
  if (!read_optional_string (object, "key", &key) || key == NULL
      || !mp2_day_edit_key_is_valid (key))
    {
      set_invalid (error, index, "no valid edit key");
      return NULL;
    }

  return conflict_new (key, json_object_get_member (object, "mine"),
                       json_object_get_member (object, "theirs"));
}

/**
 * mp2_day_conflicts_from_json:
 * @node: what mp2_day_conflicts_to_json() wrote
 * @error: return location for an %MP2_CALL_SHEET_ERROR_INVALID error
 *
 * A missing "mine" or "theirs" reads as a JSON null.
 *
 * Returns: (transfer full) (element-type Mp2DayConflict) (nullable): the conflicts,
 *   or %NULL with @error set
 */
GPtrArray *
mp2_day_conflicts_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                           "The conflicts must be a JSON array");
      return NULL;
    }

  array = json_node_get_array (node);
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_conflict_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Mp2DayConflict *conflict = read_conflict (array, i, error);

      if (conflict == NULL)
        return NULL;
      g_ptr_array_add (conflicts, conflict);
    }

  return g_steal_pointer (&conflicts);
}
