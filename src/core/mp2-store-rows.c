/* mp2-store-rows.c
 *
 * The schedules table as rows: text and numbers copied in and out of SQLite under
 * the store's mutex, and turned into Mp2Schedule objects (the JSON into sheets,
 * edits, changes and conflicts) and back outside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-store"

#include "config.h"

#include "mp2-store.h"

#include <glib/gi18n-lib.h>

#include "mp2-day.h"
#include "mp2-store-private.h"

#define SHEET_JSON_FLAGS (MP2_CALL_SHEET_JSON_EXTRAS | MP2_CALL_SHEET_JSON_POSITIONS)

typedef enum
{
  FIELD_TEXT,
  FIELD_INT,
  FIELD_ID,     /* an integer where 0 stands for NULL */
} FieldType;

typedef struct
{
  const char *parameter;  /* ":column" */
  FieldType   type;
  gsize       offset;
} Field;

#define FIELD(column, type) { ":" #column, type, G_STRUCT_OFFSET (Mp2StoreRow, column) }

static const Field schedule_fields[] = {
  FIELD (id, FIELD_ID),
  FIELD (document, FIELD_TEXT),
  FIELD (day_key, FIELD_TEXT),
  FIELD (state, FIELD_TEXT),
  FIELD (revision, FIELD_INT),
  FIELD (supersedes, FIELD_ID),
  FIELD (sheet_json, FIELD_TEXT),
  FIELD (edits_json, FIELD_TEXT),
  FIELD (changes_json, FIELD_TEXT),
  FIELD (conflicts_json, FIELD_TEXT),
  FIELD (plan_json, FIELD_TEXT),
  FIELD (weather_json, FIELD_TEXT),
  FIELD (error_code, FIELD_TEXT),
  FIELD (error_message, FIELD_TEXT),
  FIELD (file_name, FIELD_TEXT),
  FIELD (created_at, FIELD_INT),
  FIELD (updated_at, FIELD_INT),
};

#undef FIELD

#define INSERT_SCHEDULE_SQL \
  "INSERT INTO schedules (document, day_key, state, revision, supersedes, sheet_json, " \
  "edits_json, changes_json, conflicts_json, plan_json, weather_json, error_code, " \
  "error_message, file_name, created_at, updated_at) " \
  "VALUES (:document, :day_key, :state, :revision, :supersedes, :sheet_json, " \
  ":edits_json, :changes_json, :conflicts_json, :plan_json, :weather_json, :error_code, " \
  ":error_message, :file_name, :created_at, :updated_at)"

/* The document and the creation time of a schedule never change; a stale copy
 * without the revision it superseded keeps it (the triggers refuse another one). The
 * plan and the weather are mp2_store_save_plan()'s alone: a copy taken before a plan
 * was saved (a confirmation under way) must not put the older one back. */
#define UPDATE_SCHEDULE_SQL \
  "UPDATE schedules SET day_key = :day_key, state = :state, revision = :revision, " \
  "supersedes = coalesce (:supersedes, supersedes), sheet_json = :sheet_json, " \
  "edits_json = :edits_json, changes_json = :changes_json, " \
  "conflicts_json = :conflicts_json, error_code = :error_code, " \
  "error_message = :error_message, file_name = :file_name, updated_at = :updated_at " \
  "WHERE id = :id"

void
mp2_store_row_free (Mp2StoreRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (schedule_fields); i++)
    {
      if (schedule_fields[i].type == FIELD_TEXT)
        g_free (G_STRUCT_MEMBER (char *, row, schedule_fields[i].offset));
    }

  g_free (row);
}

static void
set_damaged_row_error (GError **error)
{
  g_set_error_literal (error, MP2_STORE_ERROR, MP2_STORE_ERROR_CORRUPT,
                       _("A stored schedule is damaged and cannot be read."));
}

static void
bind_schedule_field (sqlite3_stmt      *stmt,
                     int                position,
                     const Field       *field,
                     const Mp2StoreRow *row)
{
  gpointer member = G_STRUCT_MEMBER_P (row, field->offset);

  switch (field->type)
    {
    case FIELD_TEXT:
      mp2_store_bind_text (stmt, position, *(char **) member);
      break;

    case FIELD_INT:
      sqlite3_bind_int64 (stmt, position, *(gint64 *) member);
      break;

    case FIELD_ID:
      mp2_store_bind_id (stmt, position, *(gint64 *) member);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Binds the fields of @row whose parameters @stmt has. */
static void
bind_schedule_row (sqlite3_stmt      *stmt,
                   const Mp2StoreRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (schedule_fields); i++)
    {
      int position = sqlite3_bind_parameter_index (stmt, schedule_fields[i].parameter);

      if (position > 0)
        bind_schedule_field (stmt, position, &schedule_fields[i], row);
    }
}

static gboolean
insert_schedule_row (Mp2Store     *self,
                     Mp2StoreRow  *row,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = mp2_store_prepare (self, INSERT_SCHEDULE_SQL, error);

  if (stmt == NULL)
    return FALSE;

  bind_schedule_row (stmt, row);
  if (!mp2_store_step_done (self, stmt, error))
    return FALSE;

  row->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
mp2_store_update_row (Mp2Store     *self,
                      Mp2StoreRow  *row,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = mp2_store_prepare (self, UPDATE_SCHEDULE_SQL, error);

  if (stmt == NULL)
    return FALSE;

  bind_schedule_row (stmt, row);
  return mp2_store_step_update (self, stmt, error);
}

/* The row of a document just added, in state "new". */
gboolean
mp2_store_insert_new_schedule (Mp2Store    *self,
                               const char  *sha256,
                               const char  *file_name,
                               gint64       now,
                               gint64      *id,
                               GError     **error)
{
  g_autoptr(Mp2StoreRow) row = g_new0 (Mp2StoreRow, 1);

  row->document = g_strdup (sha256);
  row->state = g_strdup (mp2_day_state_to_string (MP2_DAY_STATE_NEW));
  row->edits_json = g_strdup ("{}");
  row->changes_json = g_strdup ("[]");
  row->conflicts_json = g_strdup ("[]");
  row->file_name = g_strdup (file_name);
  row->created_at = now;
  row->updated_at = now;

  if (!insert_schedule_row (self, row, error))
    return FALSE;

  *id = row->id;
  return TRUE;
}

static void
read_schedule_field (sqlite3_stmt *stmt,
                     int           column,
                     const Field  *field,
                     Mp2StoreRow  *row)
{
  gpointer member = G_STRUCT_MEMBER_P (row, field->offset);

  if (field->type == FIELD_TEXT)
    *(char **) member = mp2_store_dup_column_text (stmt, column);
  else
    *(gint64 *) member = sqlite3_column_int64 (stmt, column);
}

static const Field *
find_schedule_field (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (schedule_fields); i++)
    {
      if (g_strcmp0 (schedule_fields[i].parameter + 1, column) == 0)
        return &schedule_fields[i];
    }

  return NULL;
}

Mp2StoreRow *
mp2_store_row_new_from_statement (sqlite3_stmt *stmt)
{
  Mp2StoreRow *row = g_new0 (Mp2StoreRow, 1);
  int n_columns = sqlite3_column_count (stmt);

  for (int column = 0; column < n_columns; column++)
    {
      const Field *field = find_schedule_field (sqlite3_column_name (stmt, column));

      g_assert (field != NULL);
      read_schedule_field (stmt, column, field, row);
    }

  return row;
}

/* Steps @stmt to its end, collecting its rows. */
GPtrArray *
mp2_store_collect_rows (Mp2Store      *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_store_row_free);
  gboolean has_row = TRUE;

  while (TRUE)
    {
      if (!mp2_store_step (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (rows, mp2_store_row_new_from_statement (stmt));
    }

  return g_steal_pointer (&rows);
}

static char *
json_node_to_text (JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  return json_to_string (owned, FALSE);
}

static char *
json_object_to_text (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  return json_node_to_text (node);
}

static JsonNode *
parse_json (const char  *text,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "no JSON value");
      return NULL;
    }

  return json_parser_steal_root (parser);
}

Mp2StoreRow *
mp2_store_row_new_from_schedule (Mp2Schedule *schedule,
                                 gint64       now)
{
  Mp2StoreRow *row = g_new0 (Mp2StoreRow, 1);
  Mp2CallSheet *sheet = mp2_schedule_get_sheet (schedule);

  row->id = mp2_schedule_get_id (schedule);
  row->document = g_strdup (mp2_schedule_get_document (schedule));
  row->day_key = g_strdup (mp2_schedule_get_day_key (schedule));
  row->state = g_strdup (mp2_day_state_to_string (mp2_schedule_get_state (schedule)));
  row->revision = sheet != NULL ? mp2_call_sheet_get_revision (sheet) : 0;
  row->supersedes = mp2_schedule_get_supersedes (schedule);
  if (sheet != NULL)
    row->sheet_json = mp2_call_sheet_to_json (sheet, SHEET_JSON_FLAGS, FALSE);
  row->edits_json = json_object_to_text (mp2_schedule_get_edits (schedule));
  row->changes_json =
    json_node_to_text (mp2_day_changes_to_json (mp2_schedule_get_changes (schedule)));
  row->conflicts_json =
    json_node_to_text (mp2_day_conflicts_to_json (mp2_schedule_get_conflicts (schedule)));
  row->plan_json = g_strdup (mp2_schedule_get_plan_json (schedule));
  row->weather_json = g_strdup (mp2_schedule_get_weather_json (schedule));
  row->error_code = g_strdup (mp2_schedule_get_error_code (schedule));
  row->error_message = g_strdup (mp2_schedule_get_error_message (schedule));
  row->file_name = g_strdup (mp2_schedule_get_file_name (schedule));
  row->created_at = mp2_schedule_get_created_at (schedule);
  if (row->created_at <= 0)
    row->created_at = now;
  row->updated_at = now;

  return row;
}

static gboolean
read_sheet (Mp2Schedule  *schedule,
            const char   *json,
            GError      **error)
{
  g_autoptr(Mp2CallSheet) sheet = NULL;

  if (json == NULL)
    return TRUE;

  sheet = mp2_call_sheet_new_from_json (json, -1, error);
  if (sheet == NULL)
    return FALSE;

  mp2_schedule_set_sheet (schedule, sheet);
  return TRUE;
}

static gboolean
read_edits (Mp2Schedule  *schedule,
            const char   *json,
            GError      **error)
{
  g_autoptr(JsonNode) node = parse_json (json != NULL ? json : "{}", error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           "the edits are not an object");
      return FALSE;
    }

  mp2_schedule_set_edits (schedule, json_node_get_object (node));
  return TRUE;
}

static gboolean
read_changes (Mp2Schedule  *schedule,
              const char   *json,
              GError      **error)
{
  g_autoptr(JsonNode) node = parse_json (json != NULL ? json : "[]", error);
  g_autoptr(GPtrArray) changes = NULL;

  if (node == NULL)
    return FALSE;

  changes = mp2_day_changes_from_json (node, error);
  if (changes == NULL)
    return FALSE;

  mp2_schedule_set_changes (schedule, changes);
  return TRUE;
}

static gboolean
read_conflicts (Mp2Schedule  *schedule,
                const char   *json,
                GError      **error)
{
  g_autoptr(JsonNode) node = parse_json (json != NULL ? json : "[]", error);
  g_autoptr(GPtrArray) conflicts = NULL;

  if (node == NULL)
    return FALSE;

  conflicts = mp2_day_conflicts_from_json (node, error);
  if (conflicts == NULL)
    return FALSE;

  mp2_schedule_set_conflicts (schedule, conflicts);
  return TRUE;
}

static gboolean
read_schedule_json (Mp2Schedule        *schedule,
                    const Mp2StoreRow  *row,
                    GError            **error)
{
  return read_sheet (schedule, row->sheet_json, error) &&
         read_edits (schedule, row->edits_json, error) &&
         read_changes (schedule, row->changes_json, error) &&
         read_conflicts (schedule, row->conflicts_json, error);
}

Mp2Schedule *
mp2_store_row_to_schedule (const Mp2StoreRow  *row,
                           GError            **error)
{
  g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();
  g_autoptr(GError) local_error = NULL;
  Mp2DayState state = MP2_DAY_STATE_NEW;

  if (row->state == NULL || !mp2_day_state_from_string (row->state, &state))
    {
      g_debug ("Schedule %" G_GINT64_FORMAT " has an unknown state", row->id);
      set_damaged_row_error (error);
      return NULL;
    }

  if (!read_schedule_json (schedule, row, &local_error))
    {
      g_debug ("Schedule %" G_GINT64_FORMAT " cannot be read: %s", row->id,
               local_error != NULL ? local_error->message : "?");
      set_damaged_row_error (error);
      return NULL;
    }

  mp2_schedule_set_id (schedule, row->id);
  mp2_schedule_set_document (schedule, row->document);
  mp2_schedule_set_file_name (schedule, row->file_name);
  mp2_schedule_set_day_key (schedule, row->day_key);
  mp2_schedule_set_state (schedule, state);
  mp2_schedule_set_supersedes (schedule, row->supersedes);
  mp2_schedule_set_plan_json (schedule, row->plan_json);
  mp2_schedule_set_weather_json (schedule, row->weather_json);
  mp2_schedule_set_error (schedule, row->error_code, row->error_message);
  mp2_schedule_set_created_at (schedule, row->created_at);
  mp2_schedule_set_updated_at (schedule, row->updated_at);

  return g_steal_pointer (&schedule);
}

/* A row that cannot be read is left out of a list, so that one damaged schedule
 * does not hide the others. */
GPtrArray *
mp2_store_rows_to_schedules (GPtrArray *rows)
{
  GPtrArray *schedules = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      const Mp2StoreRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) error = NULL;
      Mp2Schedule *schedule = mp2_store_row_to_schedule (row, &error);

      if (schedule != NULL)
        g_ptr_array_add (schedules, schedule);
      else
        g_warning ("Left out schedule %" G_GINT64_FORMAT ": %s", row->id, error->message);
    }

  return schedules;
}

/* What a saved object learns from its row. */
void
mp2_store_row_apply (Mp2Schedule       *schedule,
                     const Mp2StoreRow *row)
{
  Mp2DayState state = MP2_DAY_STATE_NEW;

  mp2_schedule_set_id (schedule, row->id);
  /* 0 left the stored one as it was */
  if (row->supersedes > 0)
    mp2_schedule_set_supersedes (schedule, row->supersedes);
  mp2_schedule_set_created_at (schedule, row->created_at);
  mp2_schedule_set_updated_at (schedule, row->updated_at);
  if (mp2_day_state_from_string (row->state, &state))
    mp2_schedule_set_state (schedule, state);
}
