/* mp2-field-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * Mp2FieldKind:
 * @MP2_FIELD_KIND_TEXT: any text; trimmed
 * @MP2_FIELD_KIND_TIME: a time of day, saved as "HH:MM" (or "HH:MM+1", see
 *   #Mp2FieldRow:next-day-until)
 * @MP2_FIELD_KIND_DATE: a date, saved as "YYYY-MM-DD"; typed in that form or as a
 *   call sheet prints it ("14 March 2024", "14.03.2024", "czwartek, 14 marca 2024")
 * @MP2_FIELD_KIND_NUMBER: a whole number from 1, saved as a JSON number
 *
 * What a #Mp2FieldRow accepts. An empty row is saved as a JSON null: "the sheet does
 * not say".
 */
typedef enum
{
  MP2_FIELD_KIND_TEXT,
  MP2_FIELD_KIND_TIME,
  MP2_FIELD_KIND_DATE,
  MP2_FIELD_KIND_NUMBER,
} Mp2FieldKind;

#define MP2_TYPE_FIELD_KIND (mp2_field_kind_get_type ())
GType mp2_field_kind_get_type (void) G_GNUC_CONST;

#define MP2_TYPE_FIELD_ROW (mp2_field_row_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FieldRow, mp2_field_row, MP2, FIELD_ROW, AdwEntryRow)

GtkWidget    *mp2_field_row_new                (Mp2FieldKind  kind,
                                                const char   *key,
                                                const char   *title);
Mp2FieldKind  mp2_field_row_get_kind           (Mp2FieldRow  *self);
const char   *mp2_field_row_get_key            (Mp2FieldRow  *self);
const char   *mp2_field_row_get_source_key     (Mp2FieldRow  *self);
void          mp2_field_row_set_source_key     (Mp2FieldRow  *self,
                                                const char   *source_key);
int           mp2_field_row_get_next_day_until (Mp2FieldRow  *self);
void          mp2_field_row_set_next_day_until (Mp2FieldRow  *self,
                                                int           minutes);
void          mp2_field_row_set_value          (Mp2FieldRow  *self,
                                                JsonNode     *value,
                                                JsonNode     *sheet_value,
                                                gboolean      edited);
gboolean      mp2_field_row_get_edited         (Mp2FieldRow  *self);
gboolean      mp2_field_row_get_valid          (Mp2FieldRow  *self);
JsonNode     *mp2_field_row_parse_text         (Mp2FieldRow  *self);

G_END_DECLS
