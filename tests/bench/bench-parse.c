/* bench-parse.c
 *
 * The reader in one process with a warm library: each PDF is opened and read N
 * times and the median time of one read is printed, with the peak memory.
 *
 * usage: bench-parse N FILE.pdf…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "mp2-call-sheet-parser.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
read_once (GBytes *bytes)
{
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autofree char *json = NULL;
  gint64 start = g_get_monotonic_time ();

  document = mp2_pdf_document_new_from_bytes (bytes, NULL, NULL);
  if (document != NULL)
    sheet = mp2_call_sheet_parse (document, NULL, NULL, NULL);
  if (sheet != NULL)
    json = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_EXTRAS, TRUE);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 2 ? atoi (argv[1]) : 0;
  struct rusage usage;

  if (runs <= 0)
    {
      g_printerr ("usage: bench-parse N FILE.pdf…\n");
      return 2;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree double *times = g_new (double, runs);
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        return 1;
      bytes = g_bytes_new_take (contents, length);

      read_once (bytes);
      for (int r = 0; r < runs; r++)
        times[r] = read_once (bytes);
      qsort (times, (gsize) runs, sizeof (double), compare_doubles);
      g_print ("%s\t%.3f\n", argv[i], times[runs / 2]);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak-rss-kb\t%ld\n", usage.ru_maxrss);

  return 0;
}
