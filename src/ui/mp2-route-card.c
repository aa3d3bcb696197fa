/* mp2-route-card.c
 *
 * The way to set, as the day's plan (plan_json) gives it: the travel time with and
 * without traffic, the distance, a via point and a separate crew parking with their
 * minutes, which service found the route (or that it is an estimate from the distance
 * in a straight line), and a button that opens the route on OpenStreetMap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-route-card"

#include "config.h"

#include "mp2-route-card.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"

#define MAPS_URL "https://www.openstreetmap.org/directions?engine=fossgis_osrm_car&route="

struct _Mp2RouteCard
{
  AdwBin        parent_instance;

  char         *maps_uri;

  /* Template widgets */
  GtkWidget    *estimate_label;
  GtkWidget    *maps_button;
  AdwActionRow *duration_row;
  GtkLabel     *duration_label;
  GtkLabel     *distance_label;
  AdwActionRow *via_row;
  GtkLabel     *via_label;
  AdwActionRow *parking_row;
  GtkLabel     *parking_label;
  GtkLabel     *provider_label;
};

G_DEFINE_FINAL_TYPE (Mp2RouteCard, mp2_route_card, ADW_TYPE_BIN)

/* Reading the plan ------------------------------------------------------------------ */

static gint64
get_int (JsonObject *object,
         const char *name,
         gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return (gint64) json_node_get_double (node);
    default:
      return fallback;
    }
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
get_place (JsonObject *plan,
           const char *name,
           double     *latitude,
           double     *longitude)
{
  JsonObject *place = get_object (plan, name);

  if (place == NULL || !json_object_has_member (place, "lat")
      || !json_object_has_member (place, "lon"))
    return FALSE;

  *latitude = json_object_get_double_member (place, "lat");
  *longitude = json_object_get_double_member (place, "lon");
  return TRUE;
}

static const char *
get_place_name (JsonObject *plan,
                const char *name)
{
  JsonObject *place = get_object (plan, name);
  JsonNode *node = place != NULL ? json_object_get_member (place, "name") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Words ------------------------------------------------------------------------------ */

/* "23 min", "1 h 05 min" */
static char *
format_duration (gint64 seconds)
{
  gint64 minutes = (seconds + 30) / 60;

  if (minutes < 60)
    /* Translators: a travel time under an hour */
    return g_strdup_printf (_("%d min"), (int) minutes);

  /* Translators: a travel time of an hour or more: hours, then minutes */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static char *
format_distance (gint64 metres)
{
  /* Translators: a distance in kilometres, with one decimal */
  return g_strdup_printf (_("%.1f km"), metres / 1000.0);
}

static const char *
describe_provider (const char *provider)
{
  if (g_strcmp0 (provider, "osrm") == 0)
    return _("OpenStreetMap (OSRM)");
  if (g_strcmp0 (provider, "google") == 0)
    return _("Google Maps, with traffic");
  if (g_strcmp0 (provider, "manual") == 0)
    return _("Your fixed travel time");
  if (g_strcmp0 (provider, "estimate") == 0)
    return _("A straight-line estimate");

  return provider != NULL ? provider : _("Unknown");
}

/* The rows ----------------------------------------------------------------------------- */

static void
show_duration (Mp2RouteCard *self,
               JsonObject   *route)
{
  gint64 duration = get_int (route, "duration", 0);
  gint64 static_duration = get_int (route, "static_duration", -1);
  g_autofree char *text = format_duration (duration);
  g_autofree char *without = NULL;
  g_autofree char *subtitle = NULL;

  gtk_label_set_label (self->duration_label, text);
  if (static_duration >= 0 && static_duration != duration)
    {
      without = format_duration (static_duration);
      /* Translators: under the travel time with traffic; %s is a duration */
      subtitle = g_strdup_printf (_("%s without traffic"), without);
    }
  else if (static_duration >= 0)
    subtitle = g_strdup (_("Traffic adds nothing"));

  adw_action_row_set_subtitle (self->duration_row, subtitle != NULL ? subtitle : "");
}

/* A via point or a crew parking, with its minutes (@minutes_text) when known. */
static void
show_stop (AdwActionRow *row,
           GtkLabel     *label,
           JsonObject   *plan,
           const char   *place,
           const char   *minutes_text)
{
  const char *name = get_place_name (plan, place);

  gtk_widget_set_visible (GTK_WIDGET (row), get_object (plan, place) != NULL);
  adw_action_row_set_subtitle (row, name != NULL ? name : "");
  gtk_label_set_label (label, minutes_text != NULL ? minutes_text : "");
}

static void
show_stops (Mp2RouteCard *self,
            JsonObject   *plan)
{
  gint64 via_minutes = get_int (plan, "via_stop_minutes", -1);
  gint64 parking_minutes = get_int (plan, "parking_to_set_minutes", -1);
  g_autofree char *via = NULL;
  g_autofree char *parking = NULL;

  if (via_minutes >= 0)
    /* Translators: the minutes stopped at the via point */
    via = g_strdup_printf (_("%d min stop"), (int) via_minutes);
  if (parking_minutes >= 0)
    /* Translators: the minutes on foot from the crew parking to set */
    parking = g_strdup_printf (_("%d min to set"), (int) parking_minutes);

  show_stop (self->via_row, self->via_label, plan, "via", via);
  show_stop (self->parking_row, self->parking_label, plan, "parking", parking);
}

static char *
build_maps_uri (JsonObject *plan)
{
  double from_lat, from_lon, to_lat, to_lon;
  char coordinates[4][G_ASCII_DTOSTR_BUF_SIZE];

  if (!get_place (plan, "home", &from_lat, &from_lon))
    return NULL;
  /* The route ends where the car does: at the crew parking when there is one. */
  if (!get_place (plan, "parking", &to_lat, &to_lon)
      && !get_place (plan, "set", &to_lat, &to_lon))
    return NULL;

  g_ascii_formatd (coordinates[0], sizeof coordinates[0], "%.6f", from_lat);
  g_ascii_formatd (coordinates[1], sizeof coordinates[1], "%.6f", from_lon);
  g_ascii_formatd (coordinates[2], sizeof coordinates[2], "%.6f", to_lat);
  g_ascii_formatd (coordinates[3], sizeof coordinates[3], "%.6f", to_lon);

  return g_strdup_printf (MAPS_URL "%s,%s;%s,%s", coordinates[0], coordinates[1],
                          coordinates[2], coordinates[3]);
}

/* Open in Maps ------------------------------------------------------------------------ */

static void
on_uri_launched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Mp2RouteCard) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  g_autofree char *message = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  g_debug ("Could not open the route: %s", error->message);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* Translators: %s says why, from the system */
  message = g_strdup_printf (_("The map could not be opened: %s"), error->message);
  mp2_a11y_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_maps_button_clicked_cb (Mp2RouteCard *self)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  if (self->maps_uri == NULL)
    return;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (self->maps_uri, context, NULL,
                                           on_uri_launched_cb, g_object_ref (self));
}

/* The object ------------------------------------------------------------------------------ */

static void
mp2_route_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP2_TYPE_ROUTE_CARD);

  G_OBJECT_CLASS (mp2_route_card_parent_class)->dispose (object);
}

static void
mp2_route_card_finalize (GObject *object)
{
  Mp2RouteCard *self = MP2_ROUTE_CARD (object);

  g_clear_pointer (&self->maps_uri, g_free);

  G_OBJECT_CLASS (mp2_route_card_parent_class)->finalize (object);
}

static void
mp2_route_card_class_init (Mp2RouteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp2_route_card_dispose;
  object_class->finalize = mp2_route_card_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-route-card.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, estimate_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, maps_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, duration_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, duration_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, distance_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, via_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, via_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, parking_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, parking_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2RouteCard, provider_label);
  gtk_widget_class_bind_template_callback (widget_class, on_maps_button_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "route-card");
}

static void
mp2_route_card_init (Mp2RouteCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mp2_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
mp2_route_card_new (void)
{
  return g_object_new (MP2_TYPE_ROUTE_CARD, NULL);
}

/**
 * mp2_route_card_set_plan:
 * @self: a #Mp2RouteCard
 * @plan: (nullable): the day's plan, the object of plan_json
 *
 * Shows the plan's route.
 *
 * Returns: %TRUE if the plan has a route to show
 */
gboolean
mp2_route_card_set_plan (Mp2RouteCard *self,
                         JsonObject   *plan)
{
  JsonObject *route;
  g_autofree char *distance = NULL;
  const char *provider;
  gboolean estimate;

  g_return_val_if_fail (MP2_IS_ROUTE_CARD (self), FALSE);

  route = plan != NULL ? get_object (plan, "route") : NULL;
  g_clear_pointer (&self->maps_uri, g_free);
  if (route == NULL)
    return FALSE;

  show_duration (self, route);
  distance = format_distance (get_int (route, "distance", 0));
  gtk_label_set_label (self->distance_label, distance);
  show_stops (self, plan);

  provider = json_object_get_string_member_with_default (route, "provider", NULL);
  gtk_label_set_label (self->provider_label, describe_provider (provider));
  estimate = json_object_get_boolean_member_with_default (route, "estimate", FALSE);
  gtk_widget_set_visible (self->estimate_label, estimate);

  self->maps_uri = build_maps_uri (plan);
  gtk_widget_set_sensitive (self->maps_button, self->maps_uri != NULL);

  return TRUE;
}

/**
 * mp2_route_card_get_maps_uri:
 * @self: a #Mp2RouteCard
 *
 * Returns: (nullable): what "Open in Maps" opens
 */
const char *
mp2_route_card_get_maps_uri (Mp2RouteCard *self)
{
  g_return_val_if_fail (MP2_IS_ROUTE_CARD (self), NULL);

  return self->maps_uri;
}
