/* mp2-weather-card.c
 *
 * The weather at the set across the working day, as the day's weather_json gives it
 * (mp2_forecast_to_json() plus "warnings" and "exterior"): the warnings first and
 * emphasised, then the hours (time, sky, temperature, chance of rain) and the
 * sunrise and sunset. The hours wrap into rows rather than scroll, so that none is
 * out of sight; arrow keys go from hour to hour, each read out whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-weather-card"

#include "config.h"

#include "mp2-weather-card.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp2-forecast.h"

struct _Mp2WeatherCard
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkListBox *warnings_list;
  GtkWidget  *hours_card;
  GtkFlowBox *hours_box;
  GtkLabel   *sun_label;
};

G_DEFINE_FINAL_TYPE (Mp2WeatherCard, mp2_weather_card, ADW_TYPE_BIN)

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
    }
}

static const char *
describe_provider (const char *provider)
{
  if (g_strcmp0 (provider, "open-meteo") == 0)
    return "Open-Meteo";
  if (g_strcmp0 (provider, "openweathermap") == 0)
    return "OpenWeatherMap";

  return provider;
}

/* Warnings ------------------------------------------------------------------------------- */

static GtkWidget *
new_warning_row (const char *text,
                 gboolean    exterior)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "weather-warning");
  if (exterior)
    gtk_widget_add_css_class (row, "exterior");

  return row;
}

static void
show_warnings (Mp2WeatherCard *self,
               JsonObject     *weather)
{
  JsonNode *node = json_object_get_member (weather, "warnings");
  gboolean exterior = json_object_get_boolean_member_with_default (weather, "exterior", FALSE);
  JsonArray *warnings;
  guint shown = 0;

  clear_box (GTK_WIDGET (self->warnings_list));
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      warnings = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (warnings); i++)
        {
          JsonNode *element = json_array_get_element (warnings, i);
          const char *text;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          text = json_object_get_string_member_with_default (json_node_get_object (element),
                                                             "text", NULL);
          if (text == NULL || *text == '\0')
            continue;

          gtk_list_box_append (self->warnings_list, new_warning_row (text, exterior));
          shown++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), shown > 0);
}

/* The hourly strip ----------------------------------------------------------------------- */

static gboolean
is_night (const Mp2Forecast *forecast,
          GDateTime         *time)
{
  if (forecast->sunrise != NULL && g_date_time_compare (time, forecast->sunrise) < 0)
    return TRUE;

  return forecast->sunset != NULL && g_date_time_compare (time, forecast->sunset) >= 0;
}

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static char *
describe_hour (const Mp2ForecastHour *hour,
               const char            *time,
               const char            *sky,
               const char            *temperature,
               const char            *rain)
{
  g_autoptr(GString) text = g_string_new (time);

  g_string_append_printf (text, ": %s", sky);
  if (temperature != NULL)
    g_string_append_printf (text, ", %s", temperature);
  if (rain != NULL)
    /* Translators: the chance of rain in an hour of the forecast, such as "40 %" */
    g_string_append_printf (text, _(", chance of rain %s"), rain);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
new_hour (const Mp2Forecast     *forecast,
          const Mp2ForecastHour *hour)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *child;
  GtkWidget *icon;
  g_autofree char *time = g_date_time_format (hour->time, "%H:%M");
  g_autofree char *temperature = NULL;
  g_autofree char *rain = NULL;
  g_autofree char *description = NULL;
  const char *sky = mp2_weather_code_describe (hour->weather_code);

  if (!isnan (hour->temperature))
    /* Translators: a temperature in degrees Celsius, rounded */
    temperature = g_strdup_printf (_("%.0f °C"), hour->temperature);
  if (!isnan (hour->precipitation_probability))
    /* Translators: a probability in percent, rounded */
    rain = g_strdup_printf (_("%.0f %%"), hour->precipitation_probability);

  icon = gtk_image_new_from_icon_name (mp2_weather_code_icon_name (hour->weather_code,
                                                                   is_night (forecast,
                                                                             hour->time)));
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, sky,
                                  -1);

  gtk_box_append (GTK_BOX (box), new_label (time, "caption"));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), new_label (temperature != NULL ? temperature : "–", "heading"));
  gtk_box_append (GTK_BOX (box), new_label (rain != NULL ? rain : "", "dim-label"));
  gtk_widget_add_css_class (box, "weather-hour");

  /* The child of the flow box is what takes the focus and is read out. */
  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  description = describe_hour (hour, time, sky, temperature, rain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_set_tooltip_text (child, description);

  return child;
}

static void
show_hours (Mp2WeatherCard    *self,
            const Mp2Forecast *forecast)
{
  clear_box (GTK_WIDGET (self->hours_box));
  for (guint i = 0; i < forecast->hours->len; i++)
    {
      const Mp2ForecastHour *hour = &g_array_index (forecast->hours, Mp2ForecastHour, i);

      if (hour->time != NULL)
        gtk_flow_box_append (self->hours_box, new_hour (forecast, hour));
    }

  gtk_widget_set_visible (self->hours_card, forecast->hours->len > 0);
}

static void
show_sun (Mp2WeatherCard    *self,
          const Mp2Forecast *forecast)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *provider = describe_provider (forecast->provider);

  if (forecast->sunrise != NULL)
    {
      g_autofree char *time = g_date_time_format (forecast->sunrise, "%H:%M");

      /* Translators: %s is a time */
      g_string_append_printf (text, _("Sunrise %s"), time);
    }
  if (forecast->sunset != NULL)
    {
      g_autofree char *time = g_date_time_format (forecast->sunset, "%H:%M");

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is a time */
      g_string_append_printf (text, _("Sunset %s"), time);
    }
  if (provider != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is the name of a weather service */
      g_string_append_printf (text, _("Forecast by %s"), provider);
    }

  gtk_label_set_label (self->sun_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->sun_label), text->len > 0);
}

/* The object ------------------------------------------------------------------------------ */

static void
mp2_weather_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP2_TYPE_WEATHER_CARD);

  G_OBJECT_CLASS (mp2_weather_card_parent_class)->dispose (object);
}

static void
mp2_weather_card_class_init (Mp2WeatherCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp2_weather_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-weather-card.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2WeatherCard, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, Mp2WeatherCard, hours_card);
  gtk_widget_class_bind_template_child (widget_class, Mp2WeatherCard, hours_box);
  gtk_widget_class_bind_template_child (widget_class, Mp2WeatherCard, sun_label);

  gtk_widget_class_set_css_name (widget_class, "weather-card");
}

static void
mp2_weather_card_init (Mp2WeatherCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mp2_weather_card_new (void)
{
  return g_object_new (MP2_TYPE_WEATHER_CARD, NULL);
}

/**
 * mp2_weather_card_set_weather:
 * @self: a #Mp2WeatherCard
 * @weather_json: (nullable): the day's weather_json
 *
 * Returns: %TRUE if there is a forecast to show
 */
gboolean
mp2_weather_card_set_weather (Mp2WeatherCard *self,
                              const char     *weather_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Forecast) forecast = NULL;
  JsonNode *root;

  g_return_val_if_fail (MP2_IS_WEATHER_CARD (self), FALSE);

  if (weather_json == NULL)
    return FALSE;

  if (!json_parser_load_from_data (parser, weather_json, -1, &error))
    {
      g_debug ("Ignoring the day's weather: %s", error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || (forecast = mp2_forecast_from_json (root)) == NULL)
    return FALSE;

  show_warnings (self, json_node_get_object (root));
  show_hours (self, forecast);
  show_sun (self, forecast);

  return TRUE;
}
