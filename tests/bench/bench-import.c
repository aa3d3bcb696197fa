/* bench-import.c
 *
 * How long the main loop can be kept from running while many call sheets arrive at
 * once: the main window is shown on a pipeline with a store of its own, N distinct
 * PDFs are imported together (half of them copies of the corpus, which are revisions
 * of a dozen days, half drawn here as days of their own), and a probe — a timeout every PROBE_MS — records how
 * late each of its wake-ups comes. The same probe first runs with nothing to do,
 * as the reference of the same run. Run inside build-aux/session.sh (it needs a
 * display); build-aux/bench-import.sh does that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "mp2-pipeline.h"
#include "mp2-sheet-drawer.h"
#include "mp2-window.h"

#define PROBE_MS 5

typedef struct
{
  gint64  expected;
  GArray *lateness;   /* gint64 µs */
} Probe;

static gboolean
on_probe_cb (gpointer user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = MAX (0, now - probe->expected);

  g_array_append_val (probe->lateness, late);
  probe->expected = now + PROBE_MS * 1000;

  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *lateness)
{
  g_array_sort (lateness, compare_gint64);

  if (lateness->len == 0)
    return;

  g_print ("%-28s %6u wake-ups   median %6.1f ms   p99 %6.1f ms   max %6.1f ms\n", what,
           lateness->len,
           g_array_index (lateness, gint64, lateness->len / 2) / 1000.0,
           g_array_index (lateness, gint64, lateness->len * 99 / 100) / 1000.0,
           g_array_index (lateness, gint64, lateness->len - 1) / 1000.0);
}

static GArray *
run_probe_while (gboolean (*busy) (gpointer),
                 gpointer   data,
                 gint64     at_least_us)
{
  Probe probe = { 0 };
  gint64 start = g_get_monotonic_time ();
  guint source;

  probe.lateness = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.expected = start + PROBE_MS * 1000;
  source = g_timeout_add (PROBE_MS, on_probe_cb, &probe);

  while (busy (data) || g_get_monotonic_time () - start < at_least_us)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (source);
  return probe.lateness;
}

static gboolean
never_busy (gpointer data)
{
  return FALSE;
}

typedef struct
{
  guint pending;
} Imports;

static gboolean
imports_pending (gpointer data)
{
  return ((Imports *) data)->pending > 0;
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Imports *imports = user_data;
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  schedule = mp2_pipeline_import_finish (MP2_PIPELINE (source), result, &error);
  if (schedule == NULL)
    g_printerr ("import failed: %s\n", error->message);
  imports->pending--;
}

static void
on_started_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *started = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_start_finish (MP2_PIPELINE (source), result, &error))
    g_error ("%s", error->message);
  *started = TRUE;
}

static gboolean
not_started (gpointer data)
{
  return !*(gboolean *) data;
}

/* A short call sheet for a day of its own: production and date differ each time. */
static GBytes *
draw_sheet (guint index)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  g_autofree char *title = g_strdup_printf ("Bench Production %u", index);
  g_autofree char *date = g_strdup_printf ("Date: %02u.%02u.2026", 1 + index % 28,
                                           1 + (index / 28) % 12);
  static const char *crew[][3] = {
    { "Director", "Anna Nowak", "07:00" },
    { "Gaffer", "Jan Lis", "06:30" },
    { "Sound Mixer", "Ewa Kos", "07:15" },
  };

  mp2_sheet_drawer_text (d, 40, 30, 20, TRUE, title);
  mp2_sheet_drawer_text (d, 40, 62, 12, TRUE, "CALL SHEET – Day 3 of 20");
  mp2_sheet_drawer_text (d, 40, 84, 10, FALSE, date);
  mp2_sheet_drawer_text (d, 40, 100, 10, FALSE, "Crew Call: 07:00");
  mp2_sheet_drawer_text (d, 240, 100, 10, FALSE, "Shooting Call: 08:00");
  mp2_sheet_drawer_text (d, 40, 116, 10, FALSE, "Est. Wrap: 18:00");
  mp2_sheet_drawer_text (d, 40, 150, 11, TRUE, "CREW");
  mp2_sheet_drawer_text (d, 40, 170, 9, TRUE, "Position");
  mp2_sheet_drawer_text (d, 200, 170, 9, TRUE, "Name");
  mp2_sheet_drawer_text (d, 400, 170, 9, TRUE, "Call");
  for (guint i = 0; i < G_N_ELEMENTS (crew); i++)
    for (guint j = 0; j < 3; j++)
      mp2_sheet_drawer_text (d, (double[]) { 40, 200, 400 }[j], 186 + 14 * i, 9, FALSE,
                             crew[i][j]);

  return mp2_sheet_drawer_finish (d);
}

/* The corpus again and again, each copy made distinct by a comment after %%EOF (a
 * PDF reader ignores it), so that every copy is read and none is known already; and
 * as many sheets of days of their own. */
static GPtrArray *
load_documents (char **paths,
                guint  n_paths,
                guint  count)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = count / 2; i < count; i++)
    g_ptr_array_add (documents, draw_sheet (i));

  for (guint i = 0; i < count / 2; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;
      g_autoptr(GByteArray) copy = g_byte_array_new ();
      g_autofree char *tail = g_strdup_printf ("\n%% copy %u\n", i);

      if (!g_file_get_contents (paths[i % n_paths], &contents, &length, &error))
        g_error ("%s", error->message);
      g_byte_array_append (copy, (const guint8 *) contents, length);
      g_byte_array_append (copy, (const guint8 *) tail, strlen (tail));
      g_ptr_array_add (documents, g_byte_array_free_to_bytes (g_steal_pointer (&copy)));
    }

  return documents;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autoptr(Mp2Store) store = NULL;
  g_autoptr(Mp2Pipeline) pipeline = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GArray) idle = NULL;
  g_autoptr(GArray) busy = NULL;
  Imports imports = { 0 };
  gboolean started = FALSE;
  Mp2Window *window;
  guint count;
  gint64 start;

  if (argc < 3)
    {
      g_printerr ("usage: %s COUNT FILE.pdf…\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  count = (guint) atoi (argv[1]);
  documents = load_documents (argv + 2, (guint) argc - 2, count);

  directory = g_dir_make_tmp ("mp2-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  store = mp2_store_open (directory, &error);
  g_assert_no_error (error);
  settings = g_settings_new (APPLICATION_ID);
  pipeline = mp2_pipeline_new (store, settings);

  window = g_object_new (MP2_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  mp2_window_set_pipeline (window, pipeline);
  gtk_window_present (GTK_WINDOW (window));
  mp2_pipeline_start_async (pipeline, NULL, on_started_cb, &started);
  g_array_unref (run_probe_while (not_started, &started, 500 * 1000));

  idle = run_probe_while (never_busy, NULL, 2 * G_USEC_PER_SEC);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet-%02u.pdf", i);
      Mp2DocumentOrigin origin = { .file_name = name };

      imports.pending++;
      mp2_pipeline_import_async (pipeline, g_ptr_array_index (documents, i), &origin,
                                 MP2_IMPORT_DEFAULT, NULL, on_imported_cb, &imports);
    }
  busy = run_probe_while (imports_pending, &imports, 0);

  g_print ("%u PDFs imported in %.2f s, %u days listed\n", count,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
           g_list_model_get_n_items (mp2_pipeline_get_days (pipeline)));
  report ("main loop, nothing to do", idle);
  report ("main loop, while importing", busy);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
