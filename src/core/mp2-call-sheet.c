/* mp2-call-sheet.c
 *
 * One call sheet as the parser reads it: the header, the places, the scenes, the crew
 * and the cast, and where on the page each value was found. Its JSON form is the
 * ground-truth schema of tests/data/callsheets, written and read with json-glib, so
 * that a sheet can be saved, compared and read back without loss. Reading is strict:
 * a value of the wrong type or form is an error, never a guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet"

#include "config.h"

#include "mp2-call-sheet.h"

#include <math.h>
#include <string.h>

#define MINUTES_PER_DAY (24 * 60)
#define MAX_DAY_NUMBER 100000
#define MIN_REVISION 1
#define MAX_REVISION 1000
#define MAX_YEAR 9999
/* Deeper JSON than this is refused before json-glib, which recurses, sees it. */
#define MAX_JSON_DEPTH 64
/* Box coordinates in points: far beyond any page, and kept to 1/10 000 of a point,
 * so that json-glib never writes them with an exponent. */
#define MAX_COORDINATE 1e6
#define COORDINATE_STEPS 10000.0

struct _Mp2CallSheet
{
  GObject          parent_instance;

  char            *production;
  int              year;          /* 0 when there is no date */
  int              month;
  int              day;
  int              shooting_day;
  int              total_days;
  int              revision;
  char            *language;
  int              times[MP2_N_TIME_FIELDS];

  GPtrArray       *locations;
  GPtrArray       *scenes;
  GPtrArray       *crew;
  GPtrArray       *cast;
  GPtrArray       *notes;
  GPtrArray       *warnings;

  Mp2PersonalCall  personal_call;
  GHashTable      *positions;     /* key -> Mp2SourceBox */
};

G_DEFINE_FINAL_TYPE (Mp2CallSheet, mp2_call_sheet, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (Mp2Location, mp2_location, mp2_location_copy, mp2_location_free)
G_DEFINE_BOXED_TYPE (Mp2Scene, mp2_scene, mp2_scene_copy, mp2_scene_free)
G_DEFINE_BOXED_TYPE (Mp2CrewMember, mp2_crew_member, mp2_crew_member_copy, mp2_crew_member_free)
G_DEFINE_BOXED_TYPE (Mp2CastMember, mp2_cast_member, mp2_cast_member_copy, mp2_cast_member_free)
G_DEFINE_QUARK (mp2-call-sheet-error-quark, mp2_call_sheet_error)

static const char *location_kind_names[] = {
  [MP2_LOCATION_SET] = "set",
  [MP2_LOCATION_BASE] = "base",
  [MP2_LOCATION_PARKING] = "parking",
  [MP2_LOCATION_CATERING] = "catering",
  [MP2_LOCATION_HOSPITAL] = "hospital",
  [MP2_LOCATION_MEETING_POINT] = "meeting_point",
};

static const char *time_field_keys[] = {
  [MP2_TIME_FIELD_CREW_CALL] = "crew_call",
  [MP2_TIME_FIELD_SHOOTING_CALL] = "shooting_call",
  [MP2_TIME_FIELD_BREAKFAST] = "breakfast",
  [MP2_TIME_FIELD_LUNCH] = "lunch",
  [MP2_TIME_FIELD_ESTIMATED_WRAP] = "estimated_wrap",
  [MP2_TIME_FIELD_SUNRISE] = "sunrise",
  [MP2_TIME_FIELD_SUNSET] = "sunset",
};

static const char *personal_call_source_names[] = {
  [MP2_PERSONAL_CALL_NONE] = "none",
  [MP2_PERSONAL_CALL_CREW] = "crew",
  [MP2_PERSONAL_CALL_CAST] = "cast",
  [MP2_PERSONAL_CALL_GENERAL] = "general",
};

static const char *language_names[] = { "en", "pl", "de" };

G_STATIC_ASSERT (G_N_ELEMENTS (location_kind_names) == MP2_N_LOCATION_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (time_field_keys) == MP2_N_TIME_FIELDS);

typedef void     (*AddRowFunc)  (JsonBuilder   *builder,
                                 gconstpointer  row);
typedef gpointer (*ReadRowFunc) (JsonObject    *object,
                                 const char    *context,
                                 GError       **error);

/* Small helpers */

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static gboolean
find_name (const char * const *names,
           guint               n_names,
           const char         *name,
           guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], name) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_valid_time (int minutes)
{
  return minutes >= 0 && minutes < MINUTES_PER_DAY;
}

static gboolean
is_valid_day_number (int day)
{
  return day == MP2_CALL_SHEET_NO_NUMBER || (day >= 0 && day <= MAX_DAY_NUMBER);
}

static gboolean
is_valid_date (int year,
               int month,
               int day)
{
  if (year < 1 || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
is_known_language (const char *language)
{
  guint index;

  return find_name (language_names, G_N_ELEMENTS (language_names), language, &index);
}

static gboolean
is_day_night (char letter)
{
  return letter == 'D' || letter == 'N' || letter == 'M' || letter == 'E';
}

static gboolean
is_valid_coordinate (double value)
{
  return isfinite (value) && fabs (value) <= MAX_COORDINATE;
}

static gboolean
is_valid_box (const Mp2SourceBox *box)
{
  return is_valid_coordinate (box->x) && is_valid_coordinate (box->y)
         && is_valid_coordinate (box->width) && is_valid_coordinate (box->height);
}

static double
round_coordinate (double value)
{
  return round (value * COORDINATE_STEPS) / COORDINATE_STEPS;
}

static const char *
get_location_kind_name (Mp2LocationKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (location_kind_names))
    return NULL;

  return location_kind_names[kind];
}

/* "HH:MM" and "YYYY-MM-DD" */

static char *
format_time (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              int        *value)
{
  int result = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + g_ascii_digit_value (text[i]);
    }

  *value = result;
  return TRUE;
}

static gboolean
parse_time (const char *text,
            int        *minutes)
{
  int hours;
  int mins;

  if (strlen (text) != 5 || text[2] != ':')
    return FALSE;

  if (!parse_digits (text, 2, &hours) || !parse_digits (text + 3, 2, &mins))
    return FALSE;

  if (hours > 23 || mins > 59)
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, year)
      || !parse_digits (text + 5, 2, month)
      || !parse_digits (text + 8, 2, day))
    return FALSE;

  return is_valid_date (*year, *month, *day);
}

/* Rows */

/**
 * mp2_location_new:
 * @kind: what the place is
 * @name: (nullable): the place's name
 * @address: (nullable): the place's address, on one line
 *
 * Returns: (transfer full): a new #Mp2Location
 */
Mp2Location *
mp2_location_new (Mp2LocationKind  kind,
                  const char      *name,
                  const char      *address)
{
  Mp2Location *location;

  g_return_val_if_fail ((guint) kind < MP2_N_LOCATION_KINDS, NULL);

  location = g_new0 (Mp2Location, 1);
  location->kind = kind;
  location->name = g_strdup (name);
  location->address = g_strdup (address);

  return location;
}

Mp2Location *
mp2_location_copy (const Mp2Location *location)
{
  Mp2Location *copy;

  g_return_val_if_fail (location != NULL, NULL);

  copy = g_new0 (Mp2Location, 1);
  copy->kind = location->kind;
  copy->name = g_strdup (location->name);
  copy->address = g_strdup (location->address);

  return copy;
}

void
mp2_location_free (Mp2Location *location)
{
  if (location == NULL)
    return;

  g_free (location->name);
  g_free (location->address);
  g_free (location);
}

/**
 * mp2_location_kind_to_string:
 * @kind: an #Mp2LocationKind
 *
 * Returns: the name of @kind in the JSON form, such as `"meeting_point"`
 */
const char *
mp2_location_kind_to_string (Mp2LocationKind kind)
{
  g_return_val_if_fail ((guint) kind < MP2_N_LOCATION_KINDS, NULL);

  return location_kind_names[kind];
}

/**
 * mp2_location_kind_from_string:
 * @name: a name as given by mp2_location_kind_to_string()
 * @kind: (out) (optional): where to store the kind
 *
 * Returns: %TRUE if @name is a known kind
 */
gboolean
mp2_location_kind_from_string (const char      *name,
                               Mp2LocationKind *kind)
{
  guint index;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!find_name (location_kind_names, G_N_ELEMENTS (location_kind_names), name, &index))
    return FALSE;

  if (kind != NULL)
    *kind = (Mp2LocationKind) index;

  return TRUE;
}

/**
 * mp2_scene_new:
 *
 * Returns: (transfer full): a scene with no values, an empty cast and no day or night
 */
Mp2Scene *
mp2_scene_new (void)
{
  Mp2Scene *scene = g_new0 (Mp2Scene, 1);

  scene->cast = g_new0 (char *, 1);

  return scene;
}

Mp2Scene *
mp2_scene_copy (const Mp2Scene *scene)
{
  Mp2Scene *copy;

  g_return_val_if_fail (scene != NULL, NULL);

  copy = g_new0 (Mp2Scene, 1);
  copy->number = g_strdup (scene->number);
  copy->set = g_strdup (scene->set);
  copy->day_night = scene->day_night;
  copy->pages = g_strdup (scene->pages);
  copy->cast = scene->cast != NULL ? g_strdupv (scene->cast) : g_new0 (char *, 1);

  return copy;
}

void
mp2_scene_free (Mp2Scene *scene)
{
  if (scene == NULL)
    return;

  g_free (scene->number);
  g_free (scene->set);
  g_free (scene->pages);
  g_strfreev (scene->cast);
  g_free (scene);
}

/**
 * mp2_crew_member_new:
 *
 * Returns: (transfer full): a crew row with no values and no call time
 */
Mp2CrewMember *
mp2_crew_member_new (void)
{
  Mp2CrewMember *member = g_new0 (Mp2CrewMember, 1);

  member->call = MP2_CALL_SHEET_NO_TIME;

  return member;
}

Mp2CrewMember *
mp2_crew_member_copy (const Mp2CrewMember *member)
{
  Mp2CrewMember *copy;

  g_return_val_if_fail (member != NULL, NULL);

  copy = g_new0 (Mp2CrewMember, 1);
  copy->department = g_strdup (member->department);
  copy->position = g_strdup (member->position);
  copy->name = g_strdup (member->name);
  copy->call = member->call;

  return copy;
}

void
mp2_crew_member_free (Mp2CrewMember *member)
{
  if (member == NULL)
    return;

  g_free (member->department);
  g_free (member->position);
  g_free (member->name);
  g_free (member);
}

/**
 * mp2_cast_member_new:
 *
 * Returns: (transfer full): a cast row with no values and no times
 */
Mp2CastMember *
mp2_cast_member_new (void)
{
  Mp2CastMember *member = g_new0 (Mp2CastMember, 1);

  member->pickup = MP2_CALL_SHEET_NO_TIME;
  member->call = MP2_CALL_SHEET_NO_TIME;
  member->on_set = MP2_CALL_SHEET_NO_TIME;

  return member;
}

Mp2CastMember *
mp2_cast_member_copy (const Mp2CastMember *member)
{
  Mp2CastMember *copy;

  g_return_val_if_fail (member != NULL, NULL);

  copy = g_new0 (Mp2CastMember, 1);
  copy->id = g_strdup (member->id);
  copy->name = g_strdup (member->name);
  copy->character = g_strdup (member->character);
  copy->pickup = member->pickup;
  copy->call = member->call;
  copy->on_set = member->on_set;

  return copy;
}

void
mp2_cast_member_free (Mp2CastMember *member)
{
  if (member == NULL)
    return;

  g_free (member->id);
  g_free (member->name);
  g_free (member->character);
  g_free (member);
}

/* The object */

static void
mp2_call_sheet_finalize (GObject *object)
{
  Mp2CallSheet *self = (Mp2CallSheet *) object;

  g_clear_pointer (&self->production, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->locations, g_ptr_array_unref);
  g_clear_pointer (&self->scenes, g_ptr_array_unref);
  g_clear_pointer (&self->crew, g_ptr_array_unref);
  g_clear_pointer (&self->cast, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->personal_call.name, g_free);
  g_clear_pointer (&self->personal_call.position, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (mp2_call_sheet_parent_class)->finalize (object);
}

static void
mp2_call_sheet_class_init (Mp2CallSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_call_sheet_finalize;
}

static void
mp2_call_sheet_init (Mp2CallSheet *self)
{
  self->shooting_day = MP2_CALL_SHEET_NO_NUMBER;
  self->total_days = MP2_CALL_SHEET_NO_NUMBER;
  self->revision = 1;
  for (guint i = 0; i < MP2_N_TIME_FIELDS; i++)
    self->times[i] = MP2_CALL_SHEET_NO_TIME;

  self->locations = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_location_free);
  self->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_scene_free);
  self->crew = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_crew_member_free);
  self->cast = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_cast_member_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  self->personal_call.source = MP2_PERSONAL_CALL_NONE;
  self->personal_call.call = MP2_CALL_SHEET_NO_TIME;
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * mp2_call_sheet_new:
 *
 * Returns: (transfer full): an empty call sheet: no values, revision 1
 */
Mp2CallSheet *
mp2_call_sheet_new (void)
{
  return g_object_new (MP2_TYPE_CALL_SHEET, NULL);
}

static void
copy_header (Mp2CallSheet *self,
             Mp2CallSheet *copy)
{
  copy->production = g_strdup (self->production);
  copy->year = self->year;
  copy->month = self->month;
  copy->day = self->day;
  copy->shooting_day = self->shooting_day;
  copy->total_days = self->total_days;
  copy->revision = self->revision;
  copy->language = g_strdup (self->language);
  memcpy (copy->times, self->times, sizeof copy->times);
}

static void
copy_rows (GPtrArray *from,
           GPtrArray *to,
           GType      type)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_boxed_copy (type, g_ptr_array_index (from, i)));
}

static void
copy_strings (GPtrArray *from,
              GPtrArray *to)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

static void
copy_positions (Mp2CallSheet *self,
                Mp2CallSheet *copy)
{
  GHashTableIter iter;
  gpointer key;
  gpointer box;

  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &key, &box))
    g_hash_table_insert (copy->positions, g_strdup (key), g_memdup2 (box, sizeof (Mp2SourceBox)));
}

/**
 * mp2_call_sheet_copy:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer full): a deep copy of @self, rows, warnings and positions included
 */
Mp2CallSheet *
mp2_call_sheet_copy (Mp2CallSheet *self)
{
  const Mp2PersonalCall *call;
  Mp2CallSheet *copy;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  copy = mp2_call_sheet_new ();
  copy_header (self, copy);
  copy_rows (self->locations, copy->locations, MP2_TYPE_LOCATION);
  copy_rows (self->scenes, copy->scenes, MP2_TYPE_SCENE);
  copy_rows (self->crew, copy->crew, MP2_TYPE_CREW_MEMBER);
  copy_rows (self->cast, copy->cast, MP2_TYPE_CAST_MEMBER);
  copy_strings (self->notes, copy->notes);
  copy_strings (self->warnings, copy->warnings);
  call = &self->personal_call;
  mp2_call_sheet_set_personal_call (copy, call->source, call->name, call->position, call->call);
  copy_positions (self, copy);

  return copy;
}

/* Header values */

const char *
mp2_call_sheet_get_production (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->production;
}

void
mp2_call_sheet_set_production (Mp2CallSheet *self,
                               const char   *production)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));

  replace_string (&self->production, production);
}

/**
 * mp2_call_sheet_get_date:
 * @self: an #Mp2CallSheet
 * @year: (out) (optional): the year, or 0 when there is no date
 * @month: (out) (optional): the month, 1 to 12
 * @day: (out) (optional): the day of the month
 *
 * Returns: %TRUE if the sheet has a date
 */
gboolean
mp2_call_sheet_get_date (Mp2CallSheet *self,
                         int          *year,
                         int          *month,
                         int          *day)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), FALSE);

  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
  if (day != NULL)
    *day = self->day;

  return self->year != 0;
}

void
mp2_call_sheet_set_date (Mp2CallSheet *self,
                         int           year,
                         int           month,
                         int           day)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (is_valid_date (year, month, day));

  self->year = year;
  self->month = month;
  self->day = day;
}

void
mp2_call_sheet_clear_date (Mp2CallSheet *self)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));

  self->year = 0;
  self->month = 0;
  self->day = 0;
}

int
mp2_call_sheet_get_shooting_day (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), MP2_CALL_SHEET_NO_NUMBER);

  return self->shooting_day;
}

/**
 * mp2_call_sheet_set_shooting_day:
 * @self: an #Mp2CallSheet
 * @day: 0 to 100 000, or %MP2_CALL_SHEET_NO_NUMBER
 */
void
mp2_call_sheet_set_shooting_day (Mp2CallSheet *self,
                                 int           day)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (is_valid_day_number (day));

  self->shooting_day = day;
}

int
mp2_call_sheet_get_total_days (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), MP2_CALL_SHEET_NO_NUMBER);

  return self->total_days;
}

/**
 * mp2_call_sheet_set_total_days:
 * @self: an #Mp2CallSheet
 * @days: 0 to 100 000, or %MP2_CALL_SHEET_NO_NUMBER
 */
void
mp2_call_sheet_set_total_days (Mp2CallSheet *self,
                               int           days)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (is_valid_day_number (days));

  self->total_days = days;
}

int
mp2_call_sheet_get_revision (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), 1);

  return self->revision;
}

/**
 * mp2_call_sheet_set_revision:
 * @self: an #Mp2CallSheet
 * @revision: 1 to 1000
 */
void
mp2_call_sheet_set_revision (Mp2CallSheet *self,
                             int           revision)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (revision >= MIN_REVISION && revision <= MAX_REVISION);

  self->revision = revision;
}

const char *
mp2_call_sheet_get_language (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->language;
}

/**
 * mp2_call_sheet_set_language:
 * @self: an #Mp2CallSheet
 * @language: (nullable): `"en"`, `"pl"`, `"de"`, or %NULL when unknown
 */
void
mp2_call_sheet_set_language (Mp2CallSheet *self,
                             const char   *language)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (language == NULL || is_known_language (language));

  replace_string (&self->language, language);
}

int
mp2_call_sheet_get_time (Mp2CallSheet *self,
                         Mp2TimeField  field)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), MP2_CALL_SHEET_NO_TIME);
  g_return_val_if_fail ((guint) field < MP2_N_TIME_FIELDS, MP2_CALL_SHEET_NO_TIME);

  return self->times[field];
}

/**
 * mp2_call_sheet_set_time:
 * @self: an #Mp2CallSheet
 * @field: which time
 * @minutes: minutes since midnight, 0 to 1439, or %MP2_CALL_SHEET_NO_TIME
 */
void
mp2_call_sheet_set_time (Mp2CallSheet *self,
                         Mp2TimeField  field,
                         int           minutes)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail ((guint) field < MP2_N_TIME_FIELDS);
  g_return_if_fail (minutes == MP2_CALL_SHEET_NO_TIME || is_valid_time (minutes));

  self->times[field] = minutes;
}

/**
 * mp2_time_field_to_key:
 * @field: an #Mp2TimeField
 *
 * Returns: the JSON key of @field, also its key in the positions, such as `"crew_call"`
 */
const char *
mp2_time_field_to_key (Mp2TimeField field)
{
  g_return_val_if_fail ((guint) field < MP2_N_TIME_FIELDS, NULL);

  return time_field_keys[field];
}

/* Lists */

/**
 * mp2_call_sheet_get_locations:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none) (element-type Mp2Location): the places, which the caller
 *   may change
 */
GPtrArray *
mp2_call_sheet_get_locations (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->locations;
}

/**
 * mp2_call_sheet_get_scenes:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none) (element-type Mp2Scene): today's scenes, which the caller
 *   may change
 */
GPtrArray *
mp2_call_sheet_get_scenes (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->scenes;
}

/**
 * mp2_call_sheet_get_crew:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none) (element-type Mp2CrewMember): the crew rows, which the
 *   caller may change
 */
GPtrArray *
mp2_call_sheet_get_crew (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->crew;
}

/**
 * mp2_call_sheet_get_cast:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none) (element-type Mp2CastMember): the cast rows, which the
 *   caller may change
 */
GPtrArray *
mp2_call_sheet_get_cast (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->cast;
}

/**
 * mp2_call_sheet_get_notes:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none) (element-type utf8): the notes, which the caller may change
 */
GPtrArray *
mp2_call_sheet_get_notes (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->notes;
}

/**
 * mp2_call_sheet_get_warnings:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none) (element-type utf8): what the parser was unsure of
 */
GPtrArray *
mp2_call_sheet_get_warnings (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return self->warnings;
}

/**
 * mp2_call_sheet_add_warning:
 * @self: an #Mp2CallSheet
 * @format: a printf() format
 * @...: its arguments
 *
 * Appends a warning made from @format.
 */
void
mp2_call_sheet_add_warning (Mp2CallSheet *self,
                            const char   *format,
                            ...)
{
  va_list args;

  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (format != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The personal call */

/**
 * mp2_call_sheet_get_personal_call:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer none): the call of the person who uses the app
 */
const Mp2PersonalCall *
mp2_call_sheet_get_personal_call (Mp2CallSheet *self)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  return &self->personal_call;
}

/**
 * mp2_call_sheet_set_personal_call:
 * @self: an #Mp2CallSheet
 * @source: where the call was found
 * @name: (nullable): the name as the sheet prints it
 * @position: (nullable): the crew position or the cast character
 * @call: minutes since midnight, or %MP2_CALL_SHEET_NO_TIME
 */
void
mp2_call_sheet_set_personal_call (Mp2CallSheet          *self,
                                  Mp2PersonalCallSource  source,
                                  const char            *name,
                                  const char            *position,
                                  int                    call)
{
  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail ((guint) source < G_N_ELEMENTS (personal_call_source_names));
  g_return_if_fail (call == MP2_CALL_SHEET_NO_TIME || is_valid_time (call));

  self->personal_call.source = source;
  replace_string (&self->personal_call.name, name);
  replace_string (&self->personal_call.position, position);
  self->personal_call.call = call;
}

/* Positions */

/**
 * mp2_call_sheet_set_position:
 * @self: an #Mp2CallSheet
 * @key: what was found, such as `"crew_call"` or `"locations/0"`
 * @box: (nullable): where it was found, or %NULL to forget @key
 *
 * Coordinates must be finite and within a million points; they are kept to
 * 1/10 000 of a point.
 */
void
mp2_call_sheet_set_position (Mp2CallSheet       *self,
                             const char         *key,
                             const Mp2SourceBox *box)
{
  Mp2SourceBox *copy;

  g_return_if_fail (MP2_IS_CALL_SHEET (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (box == NULL || is_valid_box (box));

  if (box == NULL)
    {
      g_hash_table_remove (self->positions, key);
      return;
    }

  copy = g_new (Mp2SourceBox, 1);
  copy->page = box->page;
  copy->x = round_coordinate (box->x);
  copy->y = round_coordinate (box->y);
  copy->width = round_coordinate (box->width);
  copy->height = round_coordinate (box->height);
  g_hash_table_insert (self->positions, g_strdup (key), copy);
}

/**
 * mp2_call_sheet_get_position:
 * @self: an #Mp2CallSheet
 * @key: a key given to mp2_call_sheet_set_position()
 * @box: (out) (optional): where to store the box
 *
 * Returns: %TRUE if the sheet knows where @key was found
 */
gboolean
mp2_call_sheet_get_position (Mp2CallSheet *self,
                             const char   *key,
                             Mp2SourceBox *box)
{
  const Mp2SourceBox *found;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  found = g_hash_table_lookup (self->positions, key);
  if (found == NULL)
    return FALSE;

  if (box != NULL)
    *box = *found;

  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * mp2_call_sheet_list_positions:
 * @self: an #Mp2CallSheet
 *
 * Returns: (transfer full): the keys that have a position, sorted
 */
GStrv
mp2_call_sheet_list_positions (Mp2CallSheet *self)
{
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));

  g_ptr_array_sort (keys, compare_keys);
  g_ptr_array_add (keys, NULL);

  return (GStrv) g_ptr_array_free (keys, FALSE);
}

/* Writing JSON */

static void
add_string_member (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_number_member (JsonBuilder *builder,
                   const char  *key,
                   int          value)
{
  json_builder_set_member_name (builder, key);
  if (value == MP2_CALL_SHEET_NO_NUMBER)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *key,
                 int          minutes)
{
  g_autofree char *text = NULL;

  if (is_valid_time (minutes))
    text = format_time (minutes);

  add_string_member (builder, key, text);
}

static void
add_double_member (JsonBuilder *builder,
                   const char  *key,
                   double       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_double_value (builder, value);
}

static void
add_strings_member (JsonBuilder        *builder,
                    const char         *key,
                    const char * const *strings,
                    guint               n_strings)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_strings; i++)
    {
      if (strings[i] != NULL)
        json_builder_add_string_value (builder, strings[i]);
    }
  json_builder_end_array (builder);
}

static void
add_date_member (Mp2CallSheet *self,
                 JsonBuilder  *builder)
{
  g_autofree char *text = NULL;

  if (self->year != 0)
    text = g_strdup_printf ("%04d-%02d-%02d", self->year, self->month, self->day);

  add_string_member (builder, "date", text);
}

static void
add_header_members (Mp2CallSheet *self,
                    JsonBuilder  *builder)
{
  add_string_member (builder, "production", self->production);
  add_date_member (self, builder);
  add_number_member (builder, "shooting_day", self->shooting_day);
  add_number_member (builder, "total_days", self->total_days);
  add_number_member (builder, "revision", self->revision);
  add_string_member (builder, "language", self->language);

  for (guint i = 0; i < MP2_N_TIME_FIELDS; i++)
    add_time_member (builder, time_field_keys[i], self->times[i]);
}

static void
add_location (JsonBuilder   *builder,
              gconstpointer  row)
{
  const Mp2Location *location = row;

  json_builder_begin_object (builder);
  add_string_member (builder, "kind", get_location_kind_name (location->kind));
  add_string_member (builder, "name", location->name);
  add_string_member (builder, "address", location->address);
  json_builder_end_object (builder);
}

static void
add_scene (JsonBuilder   *builder,
           gconstpointer  row)
{
  const Mp2Scene *scene = row;
  char day_night[2] = { scene->day_night, '\0' };
  const char * const *cast = (const char * const *) scene->cast;

  json_builder_begin_object (builder);
  add_string_member (builder, "number", scene->number);
  add_string_member (builder, "set", scene->set);
  add_string_member (builder, "day_night", is_day_night (day_night[0]) ? day_night : NULL);
  add_string_member (builder, "pages", scene->pages);
  add_strings_member (builder, "cast", cast, cast != NULL ? g_strv_length (scene->cast) : 0);
  json_builder_end_object (builder);
}

static void
add_crew_member (JsonBuilder   *builder,
                 gconstpointer  row)
{
  const Mp2CrewMember *member = row;

  json_builder_begin_object (builder);
  add_string_member (builder, "department", member->department);
  add_string_member (builder, "position", member->position);
  add_string_member (builder, "name", member->name);
  add_time_member (builder, "call", member->call);
  json_builder_end_object (builder);
}

static void
add_cast_member (JsonBuilder   *builder,
                 gconstpointer  row)
{
  const Mp2CastMember *member = row;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", member->id);
  add_string_member (builder, "name", member->name);
  add_string_member (builder, "character", member->character);
  add_time_member (builder, "pickup", member->pickup);
  add_time_member (builder, "call", member->call);
  add_time_member (builder, "on_set", member->on_set);
  json_builder_end_object (builder);
}

static void
add_rows_member (JsonBuilder *builder,
                 const char  *key,
                 GPtrArray   *rows,
                 AddRowFunc   add_row)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    add_row (builder, g_ptr_array_index (rows, i));
  json_builder_end_array (builder);
}

static void
add_list_members (Mp2CallSheet *self,
                  JsonBuilder  *builder)
{
  add_rows_member (builder, "locations", self->locations, add_location);
  add_rows_member (builder, "scenes", self->scenes, add_scene);
  add_rows_member (builder, "crew", self->crew, add_crew_member);
  add_rows_member (builder, "cast", self->cast, add_cast_member);
  add_strings_member (builder, "notes",
                      (const char * const *) self->notes->pdata, self->notes->len);
}

static void
add_personal_call_member (Mp2CallSheet *self,
                          JsonBuilder  *builder)
{
  const Mp2PersonalCall *call = &self->personal_call;

  json_builder_set_member_name (builder, "personal_call");
  json_builder_begin_object (builder);
  add_string_member (builder, "source", personal_call_source_names[call->source]);
  add_string_member (builder, "name", call->name);
  add_string_member (builder, "position", call->position);
  add_time_member (builder, "call", call->call);
  json_builder_end_object (builder);
}

static void
add_extra_members (Mp2CallSheet *self,
                   JsonBuilder  *builder)
{
  add_personal_call_member (self, builder);
  add_strings_member (builder, "warnings",
                      (const char * const *) self->warnings->pdata, self->warnings->len);
}

static void
add_box (JsonBuilder        *builder,
         const Mp2SourceBox *box)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, box->page);
  add_double_member (builder, "x", box->x);
  add_double_member (builder, "y", box->y);
  add_double_member (builder, "width", box->width);
  add_double_member (builder, "height", box->height);
  json_builder_end_object (builder);
}

static void
add_positions_member (Mp2CallSheet *self,
                      JsonBuilder  *builder)
{
  g_auto(GStrv) keys = mp2_call_sheet_list_positions (self);

  json_builder_set_member_name (builder, "positions");
  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      add_box (builder, g_hash_table_lookup (self->positions, keys[i]));
    }
  json_builder_end_object (builder);
}

/**
 * mp2_call_sheet_to_json_node:
 * @self: an #Mp2CallSheet
 * @flags: which keys to add to the ground-truth schema
 *
 * Returns: (transfer full): @self as a JSON object, its keys in the schema's order
 */
JsonNode *
mp2_call_sheet_to_json_node (Mp2CallSheet          *self,
                             Mp2CallSheetJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_header_members (self, builder);
  add_list_members (self, builder);
  if (flags & MP2_CALL_SHEET_JSON_EXTRAS)
    add_extra_members (self, builder);
  if (flags & MP2_CALL_SHEET_JSON_POSITIONS)
    add_positions_member (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * mp2_call_sheet_to_json:
 * @self: an #Mp2CallSheet
 * @flags: which keys to add to the ground-truth schema
 * @pretty: whether to indent, by two spaces
 *
 * The text is UTF-8 (non-ASCII characters are not escaped) and the same for the same
 * sheet every time.
 *
 * Returns: (transfer full): @self as JSON text
 */
char *
mp2_call_sheet_to_json (Mp2CallSheet          *self,
                        Mp2CallSheetJsonFlags  flags,
                        gboolean               pretty)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (self), NULL);

  root = mp2_call_sheet_to_json_node (self, flags);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

/* Reading JSON: errors and members */

static void
set_member_error (GError     **error,
                  const char  *context,
                  const char  *key,
                  const char  *problem)
{
  if (context == NULL)
    g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                 "“%s”: %s", key, problem);
  else
    g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                 "“%s/%s”: %s", context, key, problem);
}

static void
set_element_error (GError     **error,
                   const char  *context,
                   guint        index,
                   const char  *problem)
{
  g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
               "“%s/%u”: %s", context, index, problem);
}

/* Returns the member, or NULL when it is missing or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Returns the element as an object, or NULL when it is anything else. */
static JsonObject *
get_element_object (JsonArray *array,
                    guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* Finds an array member; a missing one is an error when @required. */
static gboolean
lookup_array (JsonObject  *object,
              const char  *context,
              const char  *key,
              gboolean     required,
              JsonArray  **array,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *array = NULL;
  if (node == NULL && !required)
    return TRUE;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    *array = json_node_get_array (node);

  if (*array == NULL)
    {
      set_member_error (error, context, key, node == NULL ? "missing array" : "not an array");
      return FALSE;
    }

  return TRUE;
}

/* Finds an object member; a missing one is an error when @required. */
static gboolean
lookup_object (JsonObject  *object,
               const char  *context,
               const char  *key,
               gboolean     required,
               JsonObject **member,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *member = NULL;
  if (node == NULL && !required)
    return TRUE;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    *member = json_node_get_object (node);

  if (*member == NULL)
    {
      set_member_error (error, context, key, node == NULL ? "missing object" : "not an object");
      return FALSE;
    }

  return TRUE;
}

/* Reading JSON: values */

/* A string or null (or missing) member; @value is left alone for null. */
static gboolean
read_string (JsonObject  *object,
             const char  *context,
             const char  *key,
             char       **value,
             GError     **error)
{
  JsonNode *node = get_member (object, key);
  const char *text;

  if (node == NULL)
    return TRUE;

  if (!holds_type (node, G_TYPE_STRING))
    {
      set_member_error (error, context, key, "not a string or null");
      return FALSE;
    }

  text = json_node_get_string (node);
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      set_member_error (error, context, key, "not valid UTF-8");
      return FALSE;
    }

  replace_string (value, text);
  return TRUE;
}

static gboolean
read_time (JsonObject  *object,
           const char  *context,
           const char  *key,
           int         *minutes,
           GError     **error)
{
  g_autofree char *text = NULL;

  *minutes = MP2_CALL_SHEET_NO_TIME;
  if (!read_string (object, context, key, &text, error))
    return FALSE;

  if (text != NULL && !parse_time (text, minutes))
    {
      set_member_error (error, context, key, "not a time as HH:MM or null");
      return FALSE;
    }

  return TRUE;
}

/* An integer or null (or missing) member; @value is left alone for null. */
static gboolean
read_integer (JsonObject  *object,
              const char  *context,
              const char  *key,
              gint64       min,
              gint64       max,
              gint64      *value,
              GError     **error)
{
  JsonNode *node = get_member (object, key);
  gint64 number;

  if (node == NULL)
    return TRUE;

  number = holds_type (node, G_TYPE_INT64) ? json_node_get_int (node) : min - 1;
  if (number < min || number > max)
    {
      g_autofree char *problem = NULL;

      problem = g_strdup_printf ("not an integer from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                                 min, max);
      set_member_error (error, context, key, problem);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

static gboolean
read_coordinate (JsonObject  *object,
                 const char  *context,
                 const char  *key,
                 double      *value,
                 GError     **error)
{
  JsonNode *node = get_member (object, key);

  *value = NAN;
  if (node != NULL && (holds_type (node, G_TYPE_DOUBLE) || holds_type (node, G_TYPE_INT64)))
    *value = json_node_get_double (node);

  if (!is_valid_coordinate (*value))
    {
      set_member_error (error, context, key, "not a number of points");
      return FALSE;
    }

  return TRUE;
}

/* A list of strings, none of them null. */
static gboolean
read_strings (JsonArray   *array,
              const char  *context,
              GPtrArray   *strings,
              GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *text = NULL;

      if (node != NULL && holds_type (node, G_TYPE_STRING))
        text = json_node_get_string (node);

      if (text == NULL || !g_utf8_validate (text, -1, NULL))
        {
          set_element_error (error, context, i, "not a string");
          return FALSE;
        }

      g_ptr_array_add (strings, g_strdup (text));
    }

  return TRUE;
}

/* Reading JSON: the header */

static gboolean
read_date (Mp2CallSheet  *self,
           JsonObject    *object,
           GError       **error)
{
  g_autofree char *text = NULL;
  int year;
  int month;
  int day;

  if (!read_string (object, NULL, "date", &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (!parse_date (text, &year, &month, &day))
    {
      set_member_error (error, NULL, "date", "not a date as YYYY-MM-DD or null");
      return FALSE;
    }

  mp2_call_sheet_set_date (self, year, month, day);
  return TRUE;
}

static gboolean
read_day_numbers (Mp2CallSheet  *self,
                  JsonObject    *object,
                  GError       **error)
{
  gint64 shooting_day = MP2_CALL_SHEET_NO_NUMBER;
  gint64 total_days = MP2_CALL_SHEET_NO_NUMBER;
  gint64 revision = 1;

  if (!read_integer (object, NULL, "shooting_day", 0, MAX_DAY_NUMBER, &shooting_day, error)
      || !read_integer (object, NULL, "total_days", 0, MAX_DAY_NUMBER, &total_days, error)
      || !read_integer (object, NULL, "revision", MIN_REVISION, MAX_REVISION, &revision, error))
    return FALSE;

  self->shooting_day = (int) shooting_day;
  self->total_days = (int) total_days;
  self->revision = (int) revision;
  return TRUE;
}

static gboolean
read_language (Mp2CallSheet  *self,
               JsonObject    *object,
               GError       **error)
{
  g_autofree char *language = NULL;

  if (!read_string (object, NULL, "language", &language, error))
    return FALSE;

  if (language != NULL && !is_known_language (language))
    {
      set_member_error (error, NULL, "language", "not one of en, pl, de or null");
      return FALSE;
    }

  replace_string (&self->language, language);
  return TRUE;
}

static gboolean
read_header (Mp2CallSheet  *self,
             JsonObject    *object,
             GError       **error)
{
  if (!read_string (object, NULL, "production", &self->production, error)
      || !read_date (self, object, error)
      || !read_day_numbers (self, object, error)
      || !read_language (self, object, error))
    return FALSE;

  for (guint i = 0; i < MP2_N_TIME_FIELDS; i++)
    {
      if (!read_time (object, NULL, time_field_keys[i], &self->times[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Reading JSON: rows */

static gpointer
read_location (JsonObject  *object,
               const char  *context,
               GError     **error)
{
  g_autoptr(Mp2Location) location = mp2_location_new (MP2_LOCATION_SET, NULL, NULL);
  g_autofree char *kind = NULL;

  if (!read_string (object, context, "kind", &kind, error)
      || !read_string (object, context, "name", &location->name, error)
      || !read_string (object, context, "address", &location->address, error))
    return NULL;

  if (kind == NULL || !mp2_location_kind_from_string (kind, &location->kind))
    {
      set_member_error (error, context, "kind", "not a known kind of place");
      return NULL;
    }

  return g_steal_pointer (&location);
}

static gboolean
read_day_night (Mp2Scene    *scene,
                JsonObject  *object,
                const char  *context,
                GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (object, context, "day_night", &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (strlen (text) != 1 || !is_day_night (text[0]))
    {
      set_member_error (error, context, "day_night", "not one of D, N, M, E or null");
      return FALSE;
    }

  scene->day_night = text[0];
  return TRUE;
}

static gboolean
read_scene_cast (Mp2Scene    *scene,
                 JsonObject  *object,
                 const char  *context,
                 GError     **error)
{
  g_autoptr(GPtrArray) cast = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cast_context = g_strdup_printf ("%s/cast", context);
  JsonArray *array;

  if (!lookup_array (object, context, "cast", TRUE, &array, error)
      || !read_strings (array, cast_context, cast, error))
    return FALSE;

  g_ptr_array_add (cast, NULL);
  g_strfreev (scene->cast);
  scene->cast = (GStrv) g_ptr_array_free (g_steal_pointer (&cast), FALSE);
  return TRUE;
}

static gpointer
read_scene (JsonObject  *object,
            const char  *context,
            GError     **error)
{
  g_autoptr(Mp2Scene) scene = mp2_scene_new ();

  if (!read_string (object, context, "number", &scene->number, error)
      || !read_string (object, context, "set", &scene->set, error)
      || !read_day_night (scene, object, context, error)
      || !read_string (object, context, "pages", &scene->pages, error)
      || !read_scene_cast (scene, object, context, error))
    return NULL;

  return g_steal_pointer (&scene);
}

static gpointer
read_crew_member (JsonObject  *object,
                  const char  *context,
                  GError     **error)
{
  g_autoptr(Mp2CrewMember) member = mp2_crew_member_new ();

  if (!read_string (object, context, "department", &member->department, error)
      || !read_string (object, context, "position", &member->position, error)
      || !read_string (object, context, "name", &member->name, error)
      || !read_time (object, context, "call", &member->call, error))
    return NULL;

  return g_steal_pointer (&member);
}

static gpointer
read_cast_member (JsonObject  *object,
                  const char  *context,
                  GError     **error)
{
  g_autoptr(Mp2CastMember) member = mp2_cast_member_new ();

  if (!read_string (object, context, "id", &member->id, error)
      || !read_string (object, context, "name", &member->name, error)
      || !read_string (object, context, "character", &member->character, error)
      || !read_time (object, context, "pickup", &member->pickup, error)
      || !read_time (object, context, "call", &member->call, error)
      || !read_time (object, context, "on_set", &member->on_set, error))
    return NULL;

  return g_steal_pointer (&member);
}

static gboolean
read_rows (JsonObject   *root,
           const char   *key,
           ReadRowFunc   read_row,
           GPtrArray    *rows,
           GError      **error)
{
  JsonArray *array;

  if (!lookup_array (root, NULL, key, TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i);
      g_autofree char *context = g_strdup_printf ("%s/%u", key, i);
      gpointer row;

      if (object == NULL)
        {
          set_element_error (error, key, i, "not an object");
          return FALSE;
        }

      row = read_row (object, context, error);
      if (row == NULL)
        return FALSE;

      g_ptr_array_add (rows, row);
    }

  return TRUE;
}

static gboolean
read_string_list (JsonObject  *root,
                  const char  *key,
                  gboolean     required,
                  GPtrArray   *strings,
                  GError     **error)
{
  JsonArray *array;

  if (!lookup_array (root, NULL, key, required, &array, error))
    return FALSE;

  return array == NULL || read_strings (array, key, strings, error);
}

static gboolean
read_lists (Mp2CallSheet  *self,
            JsonObject    *root,
            GError       **error)
{
  return read_rows (root, "locations", read_location, self->locations, error)
         && read_rows (root, "scenes", read_scene, self->scenes, error)
         && read_rows (root, "crew", read_crew_member, self->crew, error)
         && read_rows (root, "cast", read_cast_member, self->cast, error)
         && read_string_list (root, "notes", TRUE, self->notes, error);
}

/* Reading JSON: the extras */

static gboolean
read_personal_call (Mp2CallSheet  *self,
                    JsonObject    *root,
                    GError       **error)
{
  const char *context = "personal_call";
  g_autofree char *source = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  JsonObject *object;
  guint index;
  int call;

  if (!lookup_object (root, NULL, context, FALSE, &object, error))
    return FALSE;

  if (object == NULL)
    return TRUE;

  if (!read_string (object, context, "source", &source, error)
      || !read_string (object, context, "name", &name, error)
      || !read_string (object, context, "position", &position, error)
      || !read_time (object, context, "call", &call, error))
    return FALSE;

  if (!find_name (personal_call_source_names, G_N_ELEMENTS (personal_call_source_names),
                  source, &index))
    {
      set_member_error (error, context, "source", "not one of none, crew, cast, general");
      return FALSE;
    }

  mp2_call_sheet_set_personal_call (self, index, name, position, call);
  return TRUE;
}

static gboolean
read_position (Mp2CallSheet  *self,
               JsonObject    *positions,
               const char    *key,
               GError       **error)
{
  g_autofree char *context = g_strdup_printf ("positions/%s", key);
  Mp2SourceBox box = { 0 };
  JsonObject *object;
  gint64 page = -1;

  if (!g_utf8_validate (key, -1, NULL))
    {
      set_member_error (error, NULL, "positions", "a key is not valid UTF-8");
      return FALSE;
    }

  if (!lookup_object (positions, "positions", key, TRUE, &object, error)
      || !read_integer (object, context, "page", 0, G_MAXUINT, &page, error)
      || !read_coordinate (object, context, "x", &box.x, error)
      || !read_coordinate (object, context, "y", &box.y, error)
      || !read_coordinate (object, context, "width", &box.width, error)
      || !read_coordinate (object, context, "height", &box.height, error))
    return FALSE;

  if (page < 0)
    {
      set_member_error (error, context, "page", "missing page number");
      return FALSE;
    }

  box.page = (guint) page;
  mp2_call_sheet_set_position (self, key, &box);
  return TRUE;
}

static gboolean
read_positions (Mp2CallSheet  *self,
                JsonObject    *root,
                GError       **error)
{
  g_autoptr(GList) keys = NULL;
  JsonObject *positions;

  if (!lookup_object (root, NULL, "positions", FALSE, &positions, error))
    return FALSE;

  if (positions == NULL)
    return TRUE;

  keys = json_object_get_members (positions);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      if (!read_position (self, positions, l->data, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_extras (Mp2CallSheet  *self,
             JsonObject    *root,
             GError       **error)
{
  return read_personal_call (self, root, error)
         && read_string_list (root, "warnings", FALSE, self->warnings, error)
         && read_positions (self, root, error);
}

/**
 * mp2_call_sheet_new_from_json_node:
 * @node: a JSON object in the schema that mp2_call_sheet_to_json_node() writes
 * @error: return location for an #MP2_CALL_SHEET_ERROR
 *
 * Reads a call sheet, with or without the extra keys. Unknown keys are ignored and
 * missing values are unknown, but the arrays of the schema must be there and every
 * value must have the schema's type and form.
 *
 * Returns: (transfer full) (nullable): the call sheet, or %NULL with @error set
 */
Mp2CallSheet *
mp2_call_sheet_new_from_json_node (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(Mp2CallSheet) self = NULL;
  JsonObject *root = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (JSON_NODE_HOLDS_OBJECT (node))
    root = json_node_get_object (node);

  if (root == NULL)
    {
      g_set_error_literal (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                           "A call sheet must be a JSON object");
      return NULL;
    }

  self = mp2_call_sheet_new ();
  if (!read_header (self, root, error)
      || !read_lists (self, root, error)
      || !read_extras (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* json-glib parses recursively, so text nested deeper than any call sheet is
 * refused before it can exhaust the stack. */
static gboolean
check_nesting (const char  *json,
               gsize        length,
               GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string && json[i] == '\\')
        i++;
      else if (json[i] == '"')
        in_string = !in_string;
      else if (!in_string && (json[i] == '[' || json[i] == '{'))
        depth++;
      else if (!in_string && (json[i] == ']' || json[i] == '}') && depth > 0)
        depth--;

      if (depth > MAX_JSON_DEPTH)
        {
          g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                       "The JSON is nested more than %d levels deep", MAX_JSON_DEPTH);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * mp2_call_sheet_new_from_json:
 * @json: JSON text, UTF-8
 * @length: the length of @json in bytes, or -1 when it ends with a nul byte
 * @error: return location for an #MP2_CALL_SHEET_ERROR
 *
 * Parses @json and reads it as mp2_call_sheet_new_from_json_node() does.
 *
 * Returns: (transfer full) (nullable): the call sheet, or %NULL with @error set
 */
Mp2CallSheet *
mp2_call_sheet_new_from_json (const char  *json,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (json);

  if (!check_nesting (json, (gsize) length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                   "Not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID,
                           "The JSON text is empty");
      return NULL;
    }

  return mp2_call_sheet_new_from_json_node (root, error);
}
