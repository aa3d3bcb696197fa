/* mp2-schedule.c
 *
 * One stored call sheet and where it stands. Every field is a property that
 * notifies only when its value really changes, so that the views can bind to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-schedule"

#include "config.h"

#include "mp2-schedule.h"

struct _Mp2Schedule
{
  GObject       parent_instance;

  gint64        id;
  char         *document;
  char         *file_name;
  char         *day_key;
  Mp2DayState   state;
  gint64        supersedes;
  Mp2CallSheet *sheet;
  JsonObject   *edits;
  GPtrArray    *changes;
  GPtrArray    *conflicts;
  char         *plan_json;
  char         *weather_json;
  char         *error_code;
  char         *error_message;
  gint64        created_at;
  gint64        updated_at;
};

G_DEFINE_FINAL_TYPE (Mp2Schedule, mp2_schedule, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (Mp2DayState, mp2_day_state,
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_NEW, "new"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_PARSED, "parsed"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_NEEDS_REVIEW, "needs-review"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_SYNCED, "synced"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_SUPERSEDED, "superseded"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_DISMISSED, "dismissed"),
  G_DEFINE_ENUM_VALUE (MP2_DAY_STATE_FAILED, "failed"))

enum
{
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT,
  PROP_FILE_NAME,
  PROP_DAY_KEY,
  PROP_STATE,
  PROP_SUPERSEDES,
  PROP_SHEET,
  PROP_EDITS,
  PROP_CHANGES,
  PROP_CONFLICTS,
  PROP_PLAN_JSON,
  PROP_WEATHER_JSON,
  PROP_ERROR_CODE,
  PROP_ERROR_MESSAGE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *state_names[] = {
  [MP2_DAY_STATE_NEW] = "new",
  [MP2_DAY_STATE_PARSED] = "parsed",
  [MP2_DAY_STATE_PLANNED] = "planned",
  [MP2_DAY_STATE_NEEDS_REVIEW] = "needs-review",
  [MP2_DAY_STATE_CONFIRMED] = "confirmed",
  [MP2_DAY_STATE_SYNCED] = "synced",
  [MP2_DAY_STATE_SUPERSEDED] = "superseded",
  [MP2_DAY_STATE_DISMISSED] = "dismissed",
  [MP2_DAY_STATE_FAILED] = "failed",
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == MP2_DAY_STATE_FAILED + 1);

/**
 * mp2_day_state_to_string:
 * @state: an #Mp2DayState
 *
 * Returns: the state's stored name, such as `"needs-review"`
 */
const char *
mp2_day_state_to_string (Mp2DayState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

/**
 * mp2_day_state_from_string:
 * @name: a name as mp2_day_state_to_string() gives it
 * @state: (out) (optional): where to store the state
 *
 * Returns: %TRUE if @name is a known state
 */
gboolean
mp2_day_state_from_string (const char  *name,
                           Mp2DayState *state)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_str_equal (name, state_names[i]))
        {
          if (state != NULL)
            *state = (Mp2DayState) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Copies and comparisons */

static JsonNode *copy_json_node (JsonNode *node);

static JsonObject *
copy_json_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            copy_json_node (json_object_get_member (object, l->data)));

  return copy;
}

static JsonArray *
copy_json_array (JsonArray *array)
{
  guint length = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (length);

  for (guint i = 0; i < length; i++)
    json_array_add_element (copy, copy_json_node (json_array_get_element (array, i)));

  return copy;
}

/* json_node_copy() shares objects and arrays; this copies them too. */
static JsonNode *
copy_json_node (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      copy = json_node_alloc ();
      json_node_init_object (copy, NULL);
      json_node_take_object (copy, copy_json_object (json_node_get_object (node)));
      return copy;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      copy = json_node_alloc ();
      json_node_init_array (copy, NULL);
      json_node_take_array (copy, copy_json_array (json_node_get_array (node)));
      return copy;
    }

  return json_node_copy (node);
}

static GPtrArray *
copy_boxed_array (GPtrArray      *array,
                  GType           type,
                  GDestroyNotify  free_func)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (copy, g_boxed_copy (type, g_ptr_array_index (array, i)));

  return copy;
}

static gboolean
changes_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Mp2DayChange *first = g_ptr_array_index (a, i);
      const Mp2DayChange *second = g_ptr_array_index (b, i);

      if (first->kind != second->kind || first->location_kind != second->location_kind
          || g_strcmp0 (first->key, second->key) != 0
          || g_strcmp0 (first->old_value, second->old_value) != 0
          || g_strcmp0 (first->new_value, second->new_value) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
conflicts_equal (GPtrArray *a,
                 GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Mp2DayConflict *first = g_ptr_array_index (a, i);
      const Mp2DayConflict *second = g_ptr_array_index (b, i);

      if (g_strcmp0 (first->key, second->key) != 0
          || !json_node_equal (first->mine, second->mine)
          || !json_node_equal (first->theirs, second->theirs))
        return FALSE;
    }

  return TRUE;
}

/* Setting fields */

static void
set_string (Mp2Schedule  *self,
            char        **field,
            const char   *value,
            guint         prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64 (Mp2Schedule *self,
           gint64      *field,
           gint64       value,
           guint        prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The object */

static void
mp2_schedule_finalize (GObject *object)
{
  Mp2Schedule *self = (Mp2Schedule *) object;

  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->day_key, g_free);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->edits, json_object_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->plan_json, g_free);
  g_clear_pointer (&self->weather_json, g_free);
  g_clear_pointer (&self->error_code, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (mp2_schedule_parent_class)->finalize (object);
}

static void
mp2_schedule_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Mp2Schedule *self = MP2_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_DAY_KEY:
      g_value_set_string (value, self->day_key);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SUPERSEDES:
      g_value_set_int64 (value, self->supersedes);
      break;
    case PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;
    case PROP_EDITS:
      g_value_set_boxed (value, self->edits);
      break;
    case PROP_CHANGES:
      g_value_set_boxed (value, self->changes);
      break;
    case PROP_CONFLICTS:
      g_value_set_boxed (value, self->conflicts);
      break;
    case PROP_PLAN_JSON:
      g_value_set_string (value, self->plan_json);
      break;
    case PROP_WEATHER_JSON:
      g_value_set_string (value, self->weather_json);
      break;
    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_schedule_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Mp2Schedule *self = MP2_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      mp2_schedule_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_DOCUMENT:
      mp2_schedule_set_document (self, g_value_get_string (value));
      break;
    case PROP_FILE_NAME:
      mp2_schedule_set_file_name (self, g_value_get_string (value));
      break;
    case PROP_DAY_KEY:
      mp2_schedule_set_day_key (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      mp2_schedule_set_state (self, g_value_get_enum (value));
      break;
    case PROP_SUPERSEDES:
      mp2_schedule_set_supersedes (self, g_value_get_int64 (value));
      break;
    case PROP_SHEET:
      mp2_schedule_set_sheet (self, g_value_get_object (value));
      break;
    case PROP_EDITS:
      mp2_schedule_set_edits (self, g_value_get_boxed (value));
      break;
    case PROP_CHANGES:
      mp2_schedule_set_changes (self, g_value_get_boxed (value));
      break;
    case PROP_CONFLICTS:
      mp2_schedule_set_conflicts (self, g_value_get_boxed (value));
      break;
    case PROP_PLAN_JSON:
      mp2_schedule_set_plan_json (self, g_value_get_string (value));
      break;
    case PROP_WEATHER_JSON:
      mp2_schedule_set_weather_json (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      mp2_schedule_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      mp2_schedule_set_updated_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
new_string_property (const char  *name,
                     GParamFlags  access)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              access | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
new_int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                             | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
new_boxed_property (const char *name,
                    GType       type)
{
  return g_param_spec_boxed (name, NULL, NULL, type,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                             | G_PARAM_EXPLICIT_NOTIFY);
}

static void
mp2_schedule_class_init (Mp2ScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_schedule_finalize;
  object_class->get_property = mp2_schedule_get_property;
  object_class->set_property = mp2_schedule_set_property;

  properties[PROP_ID] = new_int64_property ("id");
  properties[PROP_DOCUMENT] = new_string_property ("document", G_PARAM_READWRITE);
  properties[PROP_FILE_NAME] = new_string_property ("file-name", G_PARAM_READWRITE);
  properties[PROP_DAY_KEY] = new_string_property ("day-key", G_PARAM_READWRITE);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, MP2_TYPE_DAY_STATE, MP2_DAY_STATE_NEW,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUPERSEDES] = new_int64_property ("supersedes");
  properties[PROP_SHEET] =
    g_param_spec_object ("sheet", NULL, NULL, MP2_TYPE_CALL_SHEET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITS] = new_boxed_property ("edits", JSON_TYPE_OBJECT);
  properties[PROP_CHANGES] = new_boxed_property ("changes", G_TYPE_PTR_ARRAY);
  properties[PROP_CONFLICTS] = new_boxed_property ("conflicts", G_TYPE_PTR_ARRAY);
  properties[PROP_PLAN_JSON] = new_string_property ("plan-json", G_PARAM_READWRITE);
  properties[PROP_WEATHER_JSON] = new_string_property ("weather-json", G_PARAM_READWRITE);
  properties[PROP_ERROR_CODE] = new_string_property ("error-code", G_PARAM_READABLE);
  properties[PROP_ERROR_MESSAGE] = new_string_property ("error-message", G_PARAM_READABLE);
  properties[PROP_CREATED_AT] = new_int64_property ("created-at");
  properties[PROP_UPDATED_AT] = new_int64_property ("updated-at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_schedule_init (Mp2Schedule *self)
{
  self->state = MP2_DAY_STATE_NEW;
  self->edits = json_object_new ();
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_change_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_conflict_free);
}

/**
 * mp2_schedule_new:
 *
 * Returns: (transfer full): a schedule in the state "new", without a sheet, edits,
 *   changes or conflicts
 */
Mp2Schedule *
mp2_schedule_new (void)
{
  return g_object_new (MP2_TYPE_SCHEDULE, NULL);
}

/**
 * mp2_schedule_copy:
 * @self: an #Mp2Schedule
 *
 * Returns: (transfer full): a deep copy of @self: its sheet, edits, changes and
 *   conflicts are copied, not shared
 */
Mp2Schedule *
mp2_schedule_copy (Mp2Schedule *self)
{
  Mp2Schedule *copy;

  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  copy = mp2_schedule_new ();
  copy->id = self->id;
  copy->document = g_strdup (self->document);
  copy->file_name = g_strdup (self->file_name);
  copy->day_key = g_strdup (self->day_key);
  copy->state = self->state;
  copy->supersedes = self->supersedes;
  copy->sheet = self->sheet != NULL ? mp2_call_sheet_copy (self->sheet) : NULL;
  mp2_schedule_set_edits (copy, self->edits);
  mp2_schedule_set_changes (copy, self->changes);
  mp2_schedule_set_conflicts (copy, self->conflicts);
  copy->plan_json = g_strdup (self->plan_json);
  copy->weather_json = g_strdup (self->weather_json);
  copy->error_code = g_strdup (self->error_code);
  copy->error_message = g_strdup (self->error_message);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

/* Accessors */

gint64
mp2_schedule_get_id (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), 0);

  return self->id;
}

/**
 * mp2_schedule_set_id:
 * @self: an #Mp2Schedule
 * @id: the store's row id, 0 before it is stored
 */
void
mp2_schedule_set_id (Mp2Schedule *self,
                     gint64       id)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_int64 (self, &self->id, id, PROP_ID);
}

const char *
mp2_schedule_get_document (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->document;
}

/**
 * mp2_schedule_set_document:
 * @self: an #Mp2Schedule
 * @sha256: (nullable): the sha256 of the PDF, as hex, which names it in the store
 */
void
mp2_schedule_set_document (Mp2Schedule *self,
                           const char  *sha256)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_string (self, &self->document, sha256, PROP_DOCUMENT);
}

const char *
mp2_schedule_get_file_name (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->file_name;
}

/**
 * mp2_schedule_set_file_name:
 * @self: an #Mp2Schedule
 * @file_name: (nullable): the attachment's or the file's name, for display
 */
void
mp2_schedule_set_file_name (Mp2Schedule *self,
                            const char  *file_name)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_string (self, &self->file_name, file_name, PROP_FILE_NAME);
}

const char *
mp2_schedule_get_day_key (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->day_key;
}

/**
 * mp2_schedule_set_day_key:
 * @self: an #Mp2Schedule
 * @day_key: (nullable): the day's identity, see mp2_day_key_new()
 */
void
mp2_schedule_set_day_key (Mp2Schedule *self,
                          const char  *day_key)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_string (self, &self->day_key, day_key, PROP_DAY_KEY);
}

Mp2DayState
mp2_schedule_get_state (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), MP2_DAY_STATE_NEW);

  return self->state;
}

void
mp2_schedule_set_state (Mp2Schedule *self,
                        Mp2DayState  state)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));
  g_return_if_fail ((guint) state < G_N_ELEMENTS (state_names));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
mp2_schedule_get_supersedes (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), 0);

  return self->supersedes;
}

/**
 * mp2_schedule_set_supersedes:
 * @self: an #Mp2Schedule
 * @id: the id of the revision this one replaces, or 0
 */
void
mp2_schedule_set_supersedes (Mp2Schedule *self,
                             gint64       id)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_int64 (self, &self->supersedes, id, PROP_SUPERSEDES);
}

/**
 * mp2_schedule_get_sheet:
 * @self: an #Mp2Schedule
 *
 * Returns: (transfer none) (nullable): the sheet as read
 */
Mp2CallSheet *
mp2_schedule_get_sheet (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->sheet;
}

/**
 * mp2_schedule_set_sheet:
 * @self: an #Mp2Schedule
 * @sheet: (nullable): the sheet as read; it is referenced, not copied
 */
void
mp2_schedule_set_sheet (Mp2Schedule  *self,
                        Mp2CallSheet *sheet)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));
  g_return_if_fail (sheet == NULL || MP2_IS_CALL_SHEET (sheet));

  if (g_set_object (&self->sheet, sheet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

/**
 * mp2_schedule_get_edits:
 * @self: an #Mp2Schedule
 *
 * Returns: (transfer none): the user's corrections (see mp2-day.h), never %NULL;
 *   change them with mp2_schedule_set_edits(), not in place
 */
JsonObject *
mp2_schedule_get_edits (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->edits;
}

/**
 * mp2_schedule_set_edits:
 * @self: an #Mp2Schedule
 * @edits: (nullable): the user's corrections; they are copied. %NULL is no edits.
 *
 * Notifies "edits" only when the new edits differ from the old ones.
 */
void
mp2_schedule_set_edits (Mp2Schedule *self,
                        JsonObject  *edits)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  if (edits == NULL && json_object_get_size (self->edits) == 0)
    return;
  if (edits != NULL && json_object_equal (self->edits, edits))
    return;

  json_object_unref (self->edits);
  self->edits = edits != NULL ? copy_json_object (edits) : json_object_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITS]);
}

/**
 * mp2_schedule_dup_effective_sheet:
 * @self: an #Mp2Schedule
 *
 * Returns: (transfer full) (nullable): a new sheet: the sheet as read with the
 *   user's edits applied (mp2_day_apply_edits()), or %NULL without a sheet
 */
Mp2CallSheet *
mp2_schedule_dup_effective_sheet (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  if (self->sheet == NULL)
    return NULL;

  return mp2_day_apply_edits (self->sheet, self->edits);
}

/**
 * mp2_schedule_get_changes:
 * @self: an #Mp2Schedule
 *
 * Returns: (transfer none) (element-type Mp2DayChange): what changed against the
 *   revision this one supersedes; never %NULL
 */
GPtrArray *
mp2_schedule_get_changes (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->changes;
}

/**
 * mp2_schedule_set_changes:
 * @self: an #Mp2Schedule
 * @changes: (nullable) (element-type Mp2DayChange): the changes; they are copied.
 *   %NULL is none.
 */
void
mp2_schedule_set_changes (Mp2Schedule *self,
                          GPtrArray   *changes)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (MP2_IS_SCHEDULE (self));

  copy = copy_boxed_array (changes, MP2_TYPE_DAY_CHANGE, (GDestroyNotify) mp2_day_change_free);
  if (changes_equal (self->changes, copy))
    return;

  g_ptr_array_unref (self->changes);
  self->changes = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

/**
 * mp2_schedule_get_conflicts:
 * @self: an #Mp2Schedule
 *
 * Returns: (transfer none) (element-type Mp2DayConflict): the edits that the
 *   revision changed under the user; never %NULL
 */
GPtrArray *
mp2_schedule_get_conflicts (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->conflicts;
}

/**
 * mp2_schedule_set_conflicts:
 * @self: an #Mp2Schedule
 * @conflicts: (nullable) (element-type Mp2DayConflict): the conflicts; they are
 *   copied. %NULL is none.
 */
void
mp2_schedule_set_conflicts (Mp2Schedule *self,
                            GPtrArray   *conflicts)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (MP2_IS_SCHEDULE (self));

  copy = copy_boxed_array (conflicts, MP2_TYPE_DAY_CONFLICT,
                           (GDestroyNotify) mp2_day_conflict_free);
  if (conflicts_equal (self->conflicts, copy))
    return;

  g_ptr_array_unref (self->conflicts);
  self->conflicts = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

const char *
mp2_schedule_get_plan_json (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->plan_json;
}

/**
 * mp2_schedule_set_plan_json:
 * @self: an #Mp2Schedule
 * @json: (nullable): the day's plan as JSON text (see mp2-day-event.h for the
 *   members the event reads)
 */
void
mp2_schedule_set_plan_json (Mp2Schedule *self,
                            const char  *json)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_string (self, &self->plan_json, json, PROP_PLAN_JSON);
}

const char *
mp2_schedule_get_weather_json (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->weather_json;
}

/**
 * mp2_schedule_set_weather_json:
 * @self: an #Mp2Schedule
 * @json: (nullable): the day's weather as JSON text
 */
void
mp2_schedule_set_weather_json (Mp2Schedule *self,
                               const char  *json)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_string (self, &self->weather_json, json, PROP_WEATHER_JSON);
}

const char *
mp2_schedule_get_error_code (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->error_code;
}

const char *
mp2_schedule_get_error_message (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), NULL);

  return self->error_message;
}

/**
 * mp2_schedule_set_error:
 * @self: an #Mp2Schedule
 * @code: (nullable): a stable code name, such as mp2_parse_error_code_to_string()
 *   gives, or %NULL to clear the error
 * @message: (nullable): the sentence for the user
 *
 * Sets why the sheet failed; the state is set apart (mp2_schedule_set_state()).
 */
void
mp2_schedule_set_error (Mp2Schedule *self,
                        const char  *code,
                        const char  *message)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->error_code, code, PROP_ERROR_CODE);
  set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
mp2_schedule_get_created_at (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), 0);

  return self->created_at;
}

/**
 * mp2_schedule_set_created_at:
 * @self: an #Mp2Schedule
 * @unix_time: when the sheet was stored, in seconds since the epoch
 */
void
mp2_schedule_set_created_at (Mp2Schedule *self,
                             gint64       unix_time)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_int64 (self, &self->created_at, unix_time, PROP_CREATED_AT);
}

gint64
mp2_schedule_get_updated_at (Mp2Schedule *self)
{
  g_return_val_if_fail (MP2_IS_SCHEDULE (self), 0);

  return self->updated_at;
}

/**
 * mp2_schedule_set_updated_at:
 * @self: an #Mp2Schedule
 * @unix_time: when the row last changed, in seconds since the epoch
 */
void
mp2_schedule_set_updated_at (Mp2Schedule *self,
                             gint64       unix_time)
{
  g_return_if_fail (MP2_IS_SCHEDULE (self));

  set_int64 (self, &self->updated_at, unix_time, PROP_UPDATED_AT);
}
