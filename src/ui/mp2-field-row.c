/* mp2-field-row.c
 *
 * One field of a call sheet that the user can correct: an entry row that checks the
 * value as it is typed (a time, a date, a number), shows when the value is the
 * user's own rather than the sheet's, and offers to go back to the sheet's. It does
 * not save anything itself: it emits "save" with the value in the form of an edit
 * (see mp2-day.h) and "reset", and whoever owns it talks to the pipeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-field-row"

#include "config.h"

#include "mp2-field-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp2-a11y.h"
#include "mp2-time-parse.h"

#define MAX_NUMBER 9999

struct _Mp2FieldRow
{
  AdwEntryRow   parent_instance;

  Mp2FieldKind  kind;
  char         *key;
  char         *source_key;
  int           next_day_until;

  /* The text of the value last given: the row holds typing of the user's own
   * while its text differs from this, and a new value does not overwrite it. */
  char         *shown;
  char         *sheet_text;
  gboolean      edited;
  gboolean      valid;

  GtkWidget    *next_day_label;
  GtkWidget    *edited_label;
  GtkWidget    *reset_button;
};

G_DEFINE_FINAL_TYPE (Mp2FieldRow, mp2_field_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KEY,
  PROP_SOURCE_KEY,
  PROP_NEXT_DAY_UNTIL,
  PROP_EDITED,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVE,
  SIGNAL_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
mp2_field_kind_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { MP2_FIELD_KIND_TEXT, "MP2_FIELD_KIND_TEXT", "text" },
    { MP2_FIELD_KIND_TIME, "MP2_FIELD_KIND_TIME", "time" },
    { MP2_FIELD_KIND_DATE, "MP2_FIELD_KIND_DATE", "date" },
    { MP2_FIELD_KIND_NUMBER, "MP2_FIELD_KIND_NUMBER", "number" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("Mp2FieldKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* Values ------------------------------------------------------------------------- */

static JsonNode *
new_string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);

  return node;
}

static JsonNode *
new_number_node (gint64 number)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, number);

  return node;
}

/* A value as the row shows it; times without their "+1". */
static char *
format_value (Mp2FieldRow *self,
              JsonNode    *value)
{
  const char *text;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return g_strdup ("");

  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

  if (json_node_get_value_type (value) != G_TYPE_STRING)
    return g_strdup ("");

  text = json_node_get_string (value);
  if (self->kind == MP2_FIELD_KIND_TIME && g_str_has_suffix (text, "+1"))
    return g_strndup (text, strlen (text) - 2);

  return g_strdup (text);
}

static gboolean
read_time (const char *text,
           int        *minutes,
           gboolean   *next_day)
{
  Mp2ParsedTime time;

  if (!mp2_time_parse (text, MP2_TIME_PARSE_FOUR_DIGITS | MP2_TIME_PARSE_WHOLE, &time, NULL))
    return FALSE;

  /* One time, not a range. */
  if (time.end_minutes != MP2_NO_TIME)
    return FALSE;

  *minutes = time.minutes;
  *next_day = time.next_day;

  return TRUE;
}

static gboolean
is_next_day (Mp2FieldRow *self,
             int          minutes,
             gboolean     typed_next_day)
{
  if (self->next_day_until < 0)
    return FALSE;

  return typed_next_day || minutes <= self->next_day_until;
}

static JsonNode *
parse_time (Mp2FieldRow *self,
            const char  *text)
{
  g_autofree char *hh_mm = NULL;
  gboolean next_day;
  int minutes;

  if (!read_time (text, &minutes, &next_day))
    return NULL;

  hh_mm = mp2_time_format (minutes);
  if (is_next_day (self, minutes, next_day))
    {
      g_autofree char *later = g_strconcat (hh_mm, "+1", NULL);

      return new_string_node (later);
    }

  return new_string_node (hh_mm);
}

static gboolean
is_whole_date (const char          *text,
               const Mp2ParsedDate *date,
               const char          *start,
               const char          *end)
{
  while (*end == ' ')
    end++;

  return start == text && *end == '\0' && date->year != 0 && !date->ambiguous
         && mp2_date_is_valid (date)
         && (date->weekday == 0 || mp2_date_weekday_matches (date));
}

static JsonNode *
parse_date (const char *text)
{
  g_autofree char *iso = NULL;
  Mp2ParsedDate date;
  const char *start = NULL;
  const char *end = NULL;

  if (mp2_date_from_string (text, NULL, NULL, NULL))
    return new_string_node (text);

  /* As call sheets print dates; a numeric date whose order is a guess is refused. */
  if (!mp2_date_find (text, MP2_DATE_ORDER_UNKNOWN, &date, &start, &end)
      || !is_whole_date (text, &date, start, end))
    return NULL;

  iso = mp2_date_format (date.year, date.month, date.day);

  return new_string_node (iso);
}

static JsonNode *
parse_number (const char *text)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 1, MAX_NUMBER, &number, NULL))
    return NULL;

  return new_number_node ((gint64) number);
}

/**
 * mp2_field_row_parse_text:
 * @self: a #Mp2FieldRow
 *
 * Reads what the row holds now.
 *
 * Returns: (transfer full) (nullable): the value in the form of an edit, a JSON null
 *   for an empty row, or %NULL when the text is not a value of the row's kind
 */
JsonNode *
mp2_field_row_parse_text (Mp2FieldRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (*text == '\0')
    return json_node_new (JSON_NODE_NULL);

  switch (self->kind)
    {
    case MP2_FIELD_KIND_TIME:
      return parse_time (self, text);
    case MP2_FIELD_KIND_DATE:
      return parse_date (text);
    case MP2_FIELD_KIND_NUMBER:
      return parse_number (text);
    case MP2_FIELD_KIND_TEXT:
    default:
      return new_string_node (text);
    }
}

/* State ------------------------------------------------------------------------ */

static const char *
describe_expected (Mp2FieldKind kind)
{
  switch (kind)
    {
    case MP2_FIELD_KIND_TIME:
      return _("Type a time such as 06:30, 6:30 pm or 0630");
    case MP2_FIELD_KIND_DATE:
      return _("Type a date such as 2025-03-28 or 28 March 2025");
    case MP2_FIELD_KIND_NUMBER:
      return _("Type a whole number such as 12");
    case MP2_FIELD_KIND_TEXT:
    default:
      return NULL;
    }
}

static char *
describe_sheet_value (Mp2FieldRow *self)
{
  if (self->sheet_text == NULL || *self->sheet_text == '\0')
    return g_strdup (_("The sheet does not say"));

  /* Translators: %s is a value as the call sheet prints it, such as 06:30. */
  return g_strdup_printf (_("The sheet says %s"), self->sheet_text);
}

static void
update_description (Mp2FieldRow *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->edited)
    {
      g_autofree char *sheet = describe_sheet_value (self);

      /* Translators: read by a screen reader after a field the user corrected. */
      g_string_append_printf (description, _("Edited. %s."), sheet);
    }

  if (!self->valid)
    {
      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description, "%s.", describe_expected (self->kind));
    }

  if (description->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_edited (Mp2FieldRow *self)
{
  g_autofree char *sheet = describe_sheet_value (self);

  gtk_widget_set_visible (self->edited_label, self->edited);
  gtk_widget_set_visible (self->reset_button, self->edited);
  gtk_widget_set_tooltip_text (self->edited_label, sheet);

  if (self->edited)
    gtk_widget_add_css_class (GTK_WIDGET (self), "edited");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "edited");

  update_description (self);
}

static void
update_next_day (Mp2FieldRow *self)
{
  g_autofree char *text = NULL;
  gboolean next_day = FALSE;
  gboolean typed_next_day;
  int minutes;

  if (self->kind == MP2_FIELD_KIND_TIME && self->next_day_until >= 0)
    {
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
      next_day = read_time (text, &minutes, &typed_next_day)
                 && is_next_day (self, minutes, typed_next_day);
    }

  gtk_widget_set_visible (self->next_day_label, next_day);
}

static void
update_validity (Mp2FieldRow *self)
{
  g_autoptr(JsonNode) value = mp2_field_row_parse_text (self);
  gboolean valid = value != NULL;

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), describe_expected (self->kind));
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);

  if (self->valid != valid)
    {
      self->valid = valid;
      update_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Sets the text without offering to apply it: it is not the user's typing. */
static void
set_text_quietly (Mp2FieldRow *self,
                  const char  *text)
{
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
}

/* Signals -------------------------------------------------------------------------- */

static void
on_changed_cb (Mp2FieldRow *self)
{
  update_validity (self);
  update_next_day (self);
}

static void
on_apply_cb (Mp2FieldRow *self)
{
  g_autoptr(JsonNode) value = mp2_field_row_parse_text (self);
  g_autofree char *text = NULL;

  if (value == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Shown as it will be saved ("7.5" becomes "07:05"); still the user's until the
   * saved value comes back, so that a failed save drops nothing. */
  text = format_value (self, value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    set_text_quietly (self, text);

  g_signal_emit (self, signals[SIGNAL_SAVE], 0, value);
}

/* Enter without the apply button: it only shows while the text has the focus in an
 * active window. Text that differs from the value is applied all the same. */
static void
on_entry_activated_cb (Mp2FieldRow *self)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) != 0)
    on_apply_cb (self);
}

static void
on_reset_button_clicked_cb (Mp2FieldRow *self)
{
  /* The sheet's value replaces whatever is typed. */
  g_free (self->shown);
  self->shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));

  g_signal_emit (self, signals[SIGNAL_RESET], 0);
}

/* The object ------------------------------------------------------------------------ */

static void
setup_input (Mp2FieldRow *self)
{
  switch (self->kind)
    {
    case MP2_FIELD_KIND_NUMBER:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_DIGITS);
      break;
    case MP2_FIELD_KIND_TEXT:
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (self), GTK_INPUT_HINT_SPELLCHECK);
      break;
    case MP2_FIELD_KIND_TIME:
    case MP2_FIELD_KIND_DATE:
    default:
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (self), GTK_INPUT_HINT_NO_SPELLCHECK);
      break;
    }
}

static void
mp2_field_row_constructed (GObject *object)
{
  Mp2FieldRow *self = MP2_FIELD_ROW (object);

  G_OBJECT_CLASS (mp2_field_row_parent_class)->constructed (object);

  setup_input (self);
  update_validity (self);
  mp2_a11y_label_entry_row (ADW_ENTRY_ROW (self));
}

static void
on_title_changed_cb (Mp2FieldRow *self)
{
  mp2_a11y_label_entry_row (ADW_ENTRY_ROW (self));
}

static void
mp2_field_row_finalize (GObject *object)
{
  Mp2FieldRow *self = MP2_FIELD_ROW (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->source_key, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->sheet_text, g_free);

  G_OBJECT_CLASS (mp2_field_row_parent_class)->finalize (object);
}

static void
mp2_field_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  Mp2FieldRow *self = MP2_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_SOURCE_KEY:
      g_value_set_string (value, mp2_field_row_get_source_key (self));
      break;
    case PROP_NEXT_DAY_UNTIL:
      g_value_set_int (value, self->next_day_until);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_field_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  Mp2FieldRow *self = MP2_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_SOURCE_KEY:
      mp2_field_row_set_source_key (self, g_value_get_string (value));
      break;
    case PROP_NEXT_DAY_UNTIL:
      mp2_field_row_set_next_day_until (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MP2_TYPE_FIELD_KIND, MP2_FIELD_KIND_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_KEY] =
    g_param_spec_string ("source-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DAY_UNTIL] =
    g_param_spec_int ("next-day-until", NULL, NULL, -1, 24 * 60 - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_field_row_class_init (Mp2FieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mp2_field_row_constructed;
  object_class->finalize = mp2_field_row_finalize;
  object_class->get_property = mp2_field_row_get_property;
  object_class->set_property = mp2_field_row_set_property;

  install_properties (object_class);

  /**
   * Mp2FieldRow::save:
   * @value: the value typed, in the form of an edit; a JSON null for an empty row
   *
   * The user applied a valid value.
   */
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_NODE);

  /**
   * Mp2FieldRow::reset:
   *
   * The user asked for the sheet's value instead of their own.
   */
  signals[SIGNAL_RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
create_badge (const char *label,
              const char *css_class)
{
  GtkWidget *badge = gtk_label_new (label);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, css_class);
  gtk_widget_set_visible (badge, FALSE);

  return badge;
}

static void
mp2_field_row_init (Mp2FieldRow *self)
{
  self->next_day_until = -1;
  self->valid = TRUE;
  self->shown = g_strdup ("");

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  /* Translators: beside a time after midnight, such as a late wrap. */
  self->next_day_label = create_badge (_("next day"), "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->next_day_label);

  /* Translators: a small badge on a field whose value the user typed. */
  self->edited_label = create_badge (_("Edited"), "edited-badge");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->edited_label);

  self->reset_button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (self->reset_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->reset_button, _("Use the Sheet’s Value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the Sheet’s Value"), -1);
  gtk_widget_add_css_class (self->reset_button, "flat");
  gtk_widget_set_visible (self->reset_button, FALSE);
  g_signal_connect_swapped (self->reset_button, "clicked",
                            G_CALLBACK (on_reset_button_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->reset_button);

  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
  g_signal_connect (self, "apply", G_CALLBACK (on_apply_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
}

/**
 * mp2_field_row_new:
 * @kind: what the row accepts
 * @key: the edit key of the field (see mp2-day.h)
 * @title: what the field is, such as "Crew Call"
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
mp2_field_row_new (Mp2FieldKind  kind,
                   const char   *key,
                   const char   *title)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (MP2_TYPE_FIELD_ROW,
                       "kind", kind,
                       "key", key,
                       "title", title,
                       NULL);
}

Mp2FieldKind
mp2_field_row_get_kind (Mp2FieldRow *self)
{
  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), MP2_FIELD_KIND_TEXT);

  return self->kind;
}

const char *
mp2_field_row_get_key (Mp2FieldRow *self)
{
  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), NULL);

  return self->key;
}

/**
 * mp2_field_row_get_source_key:
 * @self: a #Mp2FieldRow
 *
 * Returns: (nullable): the key of the place on the page where the value was read
 *   (see mp2_call_sheet_get_position()); the edit key unless one was set
 */
const char *
mp2_field_row_get_source_key (Mp2FieldRow *self)
{
  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), NULL);

  return self->source_key != NULL ? self->source_key : self->key;
}

void
mp2_field_row_set_source_key (Mp2FieldRow *self,
                              const char  *source_key)
{
  g_return_if_fail (MP2_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->source_key, source_key) == 0)
    return;

  g_free (self->source_key);
  self->source_key = g_strdup (source_key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_KEY]);
}

int
mp2_field_row_get_next_day_until (Mp2FieldRow *self)
{
  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), -1);

  return self->next_day_until;
}

/**
 * mp2_field_row_set_next_day_until:
 * @self: a #Mp2FieldRow of kind %MP2_FIELD_KIND_TIME
 * @minutes: minutes since midnight, or -1
 *
 * A time at or before @minutes (such as a wrap before the call) is after midnight:
 * it is saved as "HH:MM+1" and marked "next day". With -1, times are of the day.
 */
void
mp2_field_row_set_next_day_until (Mp2FieldRow *self,
                                  int          minutes)
{
  g_return_if_fail (MP2_IS_FIELD_ROW (self));

  minutes = CLAMP (minutes, -1, 24 * 60 - 1);
  if (self->next_day_until == minutes)
    return;

  self->next_day_until = minutes;
  update_next_day (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DAY_UNTIL]);
}

/**
 * mp2_field_row_set_value:
 * @self: a #Mp2FieldRow
 * @value: (nullable): the field's value, as mp2_day_get_field() gives it
 * @sheet_value: (nullable): the value the sheet prints, for when @edited
 * @edited: whether @value is the user's own
 *
 * Shows a value. Text the user is typing stays: it is not overwritten.
 */
void
mp2_field_row_set_value (Mp2FieldRow *self,
                         JsonNode    *value,
                         JsonNode    *sheet_value,
                         gboolean     edited)
{
  g_autofree char *text = NULL;
  const char *current;

  g_return_if_fail (MP2_IS_FIELD_ROW (self));

  text = format_value (self, value);
  current = gtk_editable_get_text (GTK_EDITABLE (self));
  if (g_strcmp0 (current, self->shown) == 0 && g_strcmp0 (current, text) != 0)
    set_text_quietly (self, text);

  g_free (self->shown);
  self->shown = g_steal_pointer (&text);
  g_free (self->sheet_text);
  self->sheet_text = format_value (self, sheet_value);

  edited = !!edited;
  if (self->edited != edited)
    {
      self->edited = edited;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
    }

  update_edited (self);
  update_validity (self);
  update_next_day (self);
}

gboolean
mp2_field_row_get_edited (Mp2FieldRow *self)
{
  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), FALSE);

  return self->edited;
}

gboolean
mp2_field_row_get_valid (Mp2FieldRow *self)
{
  g_return_val_if_fail (MP2_IS_FIELD_ROW (self), FALSE);

  return self->valid;
}
