/* test-time-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-time-parse.h"

#include <string.h>

#define D MP2_TIME_PARSE_DEFAULT
#define F MP2_TIME_PARSE_FOUR_DIGITS
#define T MP2_TIME_PARSE_TWELVE_HOUR
#define W MP2_TIME_PARSE_WHOLE

typedef struct
{
  const char        *text;
  Mp2TimeParseFlags  flags;
  const char        *expect_hhmm;     /* NULL: must fail */
  const char        *expect_end_hhmm; /* the end of a range, or NULL */
  gboolean           next_day;
} TimeCase;

/* mp2_time_parse() */
static const TimeCase parse_cases[] = {
  /* 12-hour */
  { "7:00 AM", D, "07:00", NULL, FALSE },
  { "7:00am", D, "07:00", NULL, FALSE },
  { "7:00 a.m.", D, "07:00", NULL, FALSE },
  { "7:00 a.m", D, "07:00", NULL, FALSE },
  { "7:00a", D, "07:00", NULL, FALSE },
  { "7:00p", D, "19:00", NULL, FALSE },
  { "7a", D, "07:00", NULL, FALSE },
  { "7 AM", D, "07:00", NULL, FALSE },
  { "7AM", D, "07:00", NULL, FALSE },
  { "7 P.M.", D, "19:00", NULL, FALSE },
  { "7.00am", D, "07:00", NULL, FALSE },
  { "8:00 AM", D, "08:00", NULL, FALSE },
  { "12:00 PM", D, "12:00", NULL, FALSE },
  { "12:00 AM", D, "00:00", NULL, FALSE },
  { "12:30 AM", D, "00:30", NULL, FALSE },
  { "12:30 PM", D, "12:30", NULL, FALSE },
  { "12 PM", D, "12:00", NULL, FALSE },
  { "1:00 PM", D, "13:00", NULL, FALSE },
  { "11:59 p.m.", D, "23:59", NULL, FALSE },
  { "8:00\u00a0AM", D, "08:00", NULL, FALSE },
  { "8:00\u202fPM", D, "20:00", NULL, FALSE },
  { "13:00 PM", D, NULL, NULL, FALSE },
  { "0:30 AM", D, NULL, NULL, FALSE },
  { "7 a", D, NULL, NULL, FALSE },
  { "7 amazing", D, NULL, NULL, FALSE },
  { "7:00 AMX", W, NULL, NULL, FALSE },
  /* words */
  { "noon", D, "12:00", NULL, FALSE },
  { "NOON", D, "12:00", NULL, FALSE },
  { "midday", D, "12:00", NULL, FALSE },
  { "południe", D, "12:00", NULL, FALSE },
  { "Mittag", D, "12:00", NULL, FALSE },
  { "midnight", D, "00:00", NULL, FALSE },
  { "północ", D, "00:00", NULL, FALSE },
  { "PÓŁNOC", D, "00:00", NULL, FALSE },
  { "Mitternacht", D, "00:00", NULL, FALSE },
  { "12 noon", D, "12:00", NULL, FALSE },
  { "12:00 midnight", D, "00:00", NULL, FALSE },
  { "Mittag: 13:00", D, NULL, NULL, FALSE },
  { "afternoon", D, NULL, NULL, FALSE },
  /* 24-hour */
  { "07:00", D, "07:00", NULL, FALSE },
  { "7:00", D, "07:00", NULL, FALSE },
  { "0:30", D, "00:30", NULL, FALSE },
  { "00:00", D, "00:00", NULL, FALSE },
  { "23:59", D, "23:59", NULL, FALSE },
  { "7.00", D, "07:00", NULL, FALSE },
  { "07.00", D, "07:00", NULL, FALSE },
  { "19.30", D, "19:30", NULL, FALSE },
  { "7h00", D, "07:00", NULL, FALSE },
  { "19h30", D, "19:30", NULL, FALSE },
  { "7h", D, "07:00", NULL, FALSE },
  { "7:00 Uhr", D, "07:00", NULL, FALSE },
  { "19:00 Uhr", D, "19:00", NULL, FALSE },
  { "7 Uhr", D, "07:00", NULL, FALSE },
  { "7Uhr", D, "07:00", NULL, FALSE },
  { "19:00h", D, "19:00", NULL, FALSE },
  { "12:30:00", D, "12:30", NULL, FALSE },
  { "14.03", D, "14:03", NULL, FALSE },
  { "14.03", W, "14:03", NULL, FALSE },
  { "7 h", D, NULL, NULL, FALSE },
  { "7 hrs", D, NULL, NULL, FALSE },
  { "6 hrs after call", D, NULL, NULL, FALSE },
  { "7hrs", D, NULL, NULL, FALSE },
  /* four digits */
  { "0700", F, "07:00", NULL, FALSE },
  { "0730", F, "07:30", NULL, FALSE },
  { "1937", F, "19:37", NULL, FALSE },
  { "0000", F, "00:00", NULL, FALSE },
  { "0700 hrs", F | W, "07:00", NULL, FALSE },
  { "1930h", F, "19:30", NULL, FALSE },
  { "0700", D, NULL, NULL, FALSE },
  { "2024", D, NULL, NULL, FALSE },
  { "2460", F, NULL, NULL, FALSE },
  { "0760", F, NULL, NULL, FALSE },
  { "2400", F, NULL, NULL, FALSE },
  { "07300", F, NULL, NULL, FALSE },
  { "730", F, NULL, NULL, FALSE },
  { "2024-03-14", F, NULL, NULL, FALSE },
  { "2024/03/14", F, NULL, NULL, FALSE },
  { "0123-4567", F, NULL, NULL, FALSE },
  { "0700-0800", F, "07:00", "08:00", FALSE },
  { "0700/0800", F, NULL, NULL, FALSE },
  { "7:00/7:30", D, "07:00", NULL, FALSE },
  /* past midnight */
  { "25:30", D, "01:30", NULL, TRUE },
  { "24:00", D, "00:00", NULL, TRUE },
  { "30:00", D, "06:00", NULL, TRUE },
  { "01:30 (+1)", D, "01:30", NULL, TRUE },
  { "01:30 +1", D, "01:30", NULL, TRUE },
  { "01:30(+1)", D, "01:30", NULL, TRUE },
  { "01:30 ( +1 )", W, "01:30", NULL, TRUE },
  { "01:30 +10", W, NULL, NULL, FALSE },
  { "31:00", D, NULL, NULL, FALSE },
  /* ranges */
  { "12:00–13:00", D, "12:00", "13:00", FALSE },
  { "12:00—13:00", D, "12:00", "13:00", FALSE },
  { "12:00-13:00", D, "12:00", "13:00", FALSE },
  { "12:00 - 13:00", D, "12:00", "13:00", FALSE },
  { "12:00 – 13:00", W, "12:00", "13:00", FALSE },
  { "12.00-13.00", D, "12:00", "13:00", FALSE },
  { "13.00-14.00", W, "13:00", "14:00", FALSE },
  { "12:00 to 13:00", D, "12:00", "13:00", FALSE },
  { "12:00 do 13:00", D, "12:00", "13:00", FALSE },
  { "12:00 bis 13:00", D, "12:00", "13:00", FALSE },
  { "od 12:00 do 13:00", W, "12:00", "13:00", FALSE },
  { "12-13 Uhr", W, "12:00", "13:00", FALSE },
  { "von 12 bis 13 Uhr", W, "12:00", "13:00", FALSE },
  { "10-11am", D, "10:00", "11:00", FALSE },
  { "11:30-1pm", D, "11:30", "13:00", FALSE },
  { "8-10pm", D, "20:00", "22:00", FALSE },
  { "11-12pm", D, "11:00", "12:00", FALSE },
  { "11pm-1am", D, "23:00", "01:00", FALSE },
  { "7pm-9:00", D, "19:00", "21:00", FALSE },
  { "7:00 PM - 7:30 PM", W, "19:00", "19:30", FALSE },
  { "7:00am-7:30am", W, "07:00", "07:30", FALSE },
  { "noon–1pm", W, "12:00", "13:00", FALSE },
  { "12:00 to 1:00 PM", W, "12:00", "13:00", FALSE },
  { "22:00–02:00", D, "22:00", "02:00", FALSE },
  { "22:00–02:00 (+1)", W, "22:00", "02:00", TRUE },
  { "9:00-17:00", D, "09:00", "17:00", FALSE },
  { "12:00 - Lunch", D, "12:00", NULL, FALSE },
  { "12:00 - Lunch", W, NULL, NULL, FALSE },
  { "12:00-13", D, "12:00", "13:00", FALSE },
  { "12:00 - 13", D, "12:00", "13:00", FALSE },
  { "6:30-7", W, "06:30", "07:00", FALSE },
  { "7pm-9", D, "19:00", "21:00", FALSE },
  { "12:30-1", T, "12:30", "13:00", FALSE },
  { "12:00-13-14", D, NULL, NULL, FALSE },
  { "11:30-1:00", T, "11:30", "13:00", FALSE },
  { "11:30-1:00", D, "11:30", "01:00", FALSE },
  { "9:00-11:00", T, "09:00", "11:00", FALSE },
  { "12-13", D, NULL, NULL, FALSE },
  { "8–12", D, NULL, NULL, FALSE },
  { "9-5", T, NULL, NULL, FALSE },
  { "od 12 do 13", D, NULL, NULL, FALSE },
  /* hedges */
  { "ca. 19:00", D, "19:00", NULL, FALSE },
  { "ca 19:00", D, "19:00", NULL, FALSE },
  { "CA. 19:00", D, "19:00", NULL, FALSE },
  { "ca.19:00", D, "19:00", NULL, FALSE },
  { "ok. 19:00", D, "19:00", NULL, FALSE },
  { "około 19:00", D, "19:00", NULL, FALSE },
  { "okolo 19:00", D, "19:00", NULL, FALSE },
  { "~19:00", D, "19:00", NULL, FALSE },
  { "~ 19:00", D, "19:00", NULL, FALSE },
  { "approx. 7pm", D, "19:00", NULL, FALSE },
  { "approx 7pm", D, "19:00", NULL, FALSE },
  { "est. 7pm", D, "19:00", NULL, FALSE },
  { "est 7pm", D, "19:00", NULL, FALSE },
  { "godz. 7:00", D, "07:00", NULL, FALSE },
  { "godz 7.00", D, "07:00", NULL, FALSE },
  { "o 7:00", D, "07:00", NULL, FALSE },
  { "um 7 Uhr", W, "07:00", NULL, FALSE },
  { "at 7pm", D, "19:00", NULL, FALSE },
  { "@ 1:00 PM", D, "13:00", NULL, FALSE },
  { "19:00?", W, "19:00", NULL, FALSE },
  { "7:00 AM?", W, "07:00", NULL, FALSE },
  { " \t 7:00", W, "07:00", NULL, FALSE },
  { "ca. ~ 19:00", W, "19:00", NULL, FALSE },
  { "ca.", D, NULL, NULL, FALSE },
  { "o", D, NULL, NULL, FALSE },
  /* not times */
  { "7", D, NULL, NULL, FALSE },
  { "12", D, NULL, NULL, FALSE },
  { "7", T, NULL, NULL, FALSE },
  { "", D, NULL, NULL, FALSE },
  { "   ", D, NULL, NULL, FALSE },
  { "14.03.2024", D, NULL, NULL, FALSE },
  { "14.03.24", D, NULL, NULL, FALSE },
  { "14.03.2024", F, NULL, NULL, FALSE },
  { "416.555.0123", D, NULL, NULL, FALSE },
  { "416.555.0123", F, NULL, NULL, FALSE },
  { "4/8", D, NULL, NULL, FALSE },
  { "1 3/8", D, NULL, NULL, FALSE },
  { "25:60", D, NULL, NULL, FALSE },
  { "23:60", D, NULL, NULL, FALSE },
  { "7:5", D, NULL, NULL, FALSE },
  { "7:005", D, NULL, NULL, FALSE },
  { "1.5", D, NULL, NULL, FALSE },
  { "PM", D, NULL, NULL, FALSE },
  { "v7:00", D, NULL, NULL, FALSE },
  { "$7.50", D, NULL, NULL, FALSE },
  { "7 o'clock", D, NULL, NULL, FALSE },
  { "Lunch", D, NULL, NULL, FALSE },
  /* the whole value */
  { "7:00", W, "07:00", NULL, FALSE },
  { "7:00 AM.", W, "07:00", NULL, FALSE },
  { "ca. 19:00 ", W, "19:00", NULL, FALSE },
  { "19:00 (est.)", W, "19:00", NULL, FALSE },
  { "19:00 ca.", W, "19:00", NULL, FALSE },
  { "12:00–13:00,", W, "12:00", "13:00", FALSE },
  { "01:30 (+1)", W, "01:30", NULL, TRUE },
  { "0700", F | W, "07:00", NULL, FALSE },
  { "7:00 Lunch", D, "07:00", NULL, FALSE },
  { "7:00 Lunch", W, NULL, NULL, FALSE },
  { "12:00–13:00 Lunch", W, NULL, NULL, FALSE },
  { "7:00, 8:00", W, NULL, NULL, FALSE },
  { "7:00 o", W, NULL, NULL, FALSE },
  { "14.03.2024", W, NULL, NULL, FALSE },
  /* invalid UTF-8 after the time: read up to it, but it is not a whole value */
  { "7:00\xff", D, "07:00", NULL, FALSE },
  { "7:00 \xff", W, NULL, NULL, FALSE },
  { "\xff 7:00", D, NULL, NULL, FALSE },
};

/* mp2_time_find() */
static const TimeCase find_cases[] = {
  { "Crew Call Time 7:30am", D, "07:30", NULL, FALSE },
  { "Lunch @ 1:00 PM", D, "13:00", NULL, FALSE },
  { "Call: 07:00, Wrap: 19:00", D, "07:00", NULL, FALSE },
  { "Zbiórka: 6:30, parking przy hotelu", D, "06:30", NULL, FALSE },
  { "Mittagspause 12-13 Uhr", D, "12:00", "13:00", FALSE },
  { "Mittag: 13:00–14:00", D, "13:00", "14:00", FALSE },
  { "Drehschluss ca. 19:00", D, "19:00", NULL, FALSE },
  { "Data: 14.03.2024, zbiórka 7.00", D, "07:00", NULL, FALSE },
  { "Frühstück ab 6.30 Uhr", D, "06:30", NULL, FALSE },
  { "Est. Wrap noon", D, "12:00", NULL, FALSE },
  { "Call 7:00a / Shooting 8:00a", D, "07:00", NULL, FALSE },
  { "Sunset 8:02", D, "08:02", NULL, FALSE },
  { "Call 0730", F, "07:30", NULL, FALSE },
  { "Call 0730", D, NULL, NULL, FALSE },
  { "Wrap 01:30 (+1)", D, "01:30", NULL, TRUE },
  { "At 19.30?", D, "19:30", NULL, FALSE },
  { "Obiad: 13.00-14.00", D, "13:00", "14:00", FALSE },
  { "14.03.2024", F, NULL, NULL, FALSE },
  { "Phone 416.555.0123", D, NULL, NULL, FALSE },
  { "Tel. (323) 555-0172", F, NULL, NULL, FALSE },
  { "+48 600 100 200", F, NULL, NULL, FALSE },
  { "22 123 45 67", D, NULL, NULL, FALSE },
  { "Scene 12 pgs 1 3/8", D, NULL, NULL, FALSE },
  { "Day 2 of 2", D, NULL, NULL, FALSE },
  { "Afternoon session", D, NULL, NULL, FALSE },
  { "2nd Meal 6 hrs after call", D, NULL, NULL, FALSE },
  { "PM: Jan Nowak", D, NULL, NULL, FALSE },
  { "Price $7.50", D, NULL, NULL, FALSE },
  { "Version v1.2.30", D, NULL, NULL, FALSE },
  { "Call7:00", D, NULL, NULL, FALSE },
  { "Do 14.03. 7:00 Uhr", D, "07:00", NULL, FALSE },
  { "2nd 14.03", D, "14:03", NULL, FALSE },
  { "czw. 14.03, zbiórka 6.30", D, "06:30", NULL, FALSE },
  { "Śr, 13.03", D, NULL, NULL, FALSE },
  { "do 14.03", D, "14:03", NULL, FALSE },
  { "Lunch 12:30pm - 1:30pm", D, "12:30", "13:30", FALSE },
  { "Breakfast 6:30-7", D, "06:30", "07:00", FALSE },
};

typedef struct
{
  const char   *text;
  Mp2DateOrder  order;
  const char   *expect_date; /* "YYYY-MM-DD" ("0000-" without a year), NULL: no date */
  int           weekday;
  gboolean      ambiguous;
} DateCase;

#define U MP2_DATE_ORDER_UNKNOWN
#define DF MP2_DATE_ORDER_DAY_FIRST
#define MF MP2_DATE_ORDER_MONTH_FIRST

static const DateCase date_cases[] = {
  /* English */
  { "Thursday, March 14, 2024", U, "2024-03-14", 4, FALSE },
  { "Friday March 26, 2021", U, "2021-03-26", 5, FALSE },
  { "August 14th, 2018", U, "2018-08-14", 0, FALSE },
  { "January 29, 2025", U, "2025-01-29", 0, FALSE },
  { "Tuesday November 3/20", U, "2020-11-03", 2, FALSE },
  { "Thursday 14th March 2024", U, "2024-03-14", 4, FALSE },
  { "Friday 24 October 2025", U, "2025-10-24", 5, FALSE },
  { "14 Mar 24", U, "2024-03-14", 0, FALSE },
  { "14 Mar '24", U, "2024-03-14", 0, FALSE },
  { "14 March 2024", U, "2024-03-14", 0, FALSE },
  { "14th of March 2024", U, "2024-03-14", 0, FALSE },
  { "Sept 5, 2024", U, "2024-09-05", 0, FALSE },
  { "Sep. 5", U, "0000-09-05", 0, FALSE },
  { "Sep 5", U, NULL, 0, FALSE },
  { "March 14", U, "0000-03-14", 0, FALSE },
  { "August 14th", U, "0000-08-14", 0, FALSE },
  { "Thursday 14 March", U, "0000-03-14", 4, FALSE },
  { "14 Mar", U, NULL, 0, FALSE },
  { "May 5", U, NULL, 0, FALSE },
  { "May 5, 2024", U, "2024-05-05", 0, FALSE },
  { "Friday, May 3", U, "0000-05-03", 5, FALSE },
  { "Mon. Jan 6, 2025", U, "2025-01-06", 1, FALSE },
  { "Tues. Nov. 4, 2025", U, "2025-11-04", 2, FALSE },
  { "Thurs 14 Mar 2024", U, "2024-03-14", 4, FALSE },
  { "Sat, 20 Jun 2026", U, "2026-06-20", 6, FALSE },
  { "Dec 1st, 2025", U, "2025-12-01", 0, FALSE },
  { "March 14-16, 2024", U, "2024-03-14", 0, FALSE },
  { "14-16 March 2024", U, "2024-03-14", 0, FALSE },
  { "14 March 20:00", U, "0000-03-14", 0, FALSE },
  { "Thursday, March 14, 2024 7:00 AM", U, "2024-03-14", 4, FALSE },
  { "Friday\u00a0March\u00a026, 2021", U, "2021-03-26", 5, FALSE },
  { "THURSDAY, MARCH 14, 2024", U, "2024-03-14", 4, FALSE },
  /* numeric */
  { "03/14/2024", U, "2024-03-14", 0, FALSE },
  { "3/14/24", U, "2024-03-14", 0, FALSE },
  { "14/03/2024", U, "2024-03-14", 0, FALSE },
  { "14/03/2024", MF, "2024-03-14", 0, FALSE },
  { "3/14/1999", U, "1999-03-14", 0, FALSE },
  { "14.03.2024", U, "2024-03-14", 0, FALSE },
  { "14.03.2024", MF, "2024-03-14", 0, FALSE },
  { "14.03.2024 r.", U, "2024-03-14", 0, FALSE },
  { "14.03.24", U, "2024-03-14", 0, FALSE },
  { "14. 3. 2024", U, "2024-03-14", 0, FALSE },
  { "14-03-2024", U, "2024-03-14", 0, FALSE },
  { "2024-03-14", U, "2024-03-14", 0, FALSE },
  { "2024-03-14T07:00", U, "2024-03-14", 0, FALSE },
  { "2026.06.20 (SAT)", U, "2026-06-20", 6, FALSE },
  { "30.03.2024 (sob.)", U, "2024-03-30", 6, FALSE },
  { "28/03/2027 (Sunday)", U, "2027-03-28", 7, FALSE },
  { "22.11.2025 (sb.)", U, "2025-11-22", 6, FALSE },
  { "_25.03.2021.pdf", U, "2021-03-25", 0, FALSE },
  { "7:00 14.03.2024", U, "2024-03-14", 0, FALSE },
  { "29.02.2024", U, "2024-02-29", 0, FALSE },
  { "Fri 3/14/2025", U, "2025-03-14", 5, FALSE },
  /* the order of a slash date */
  { "03/04/2024", U, "2024-04-03", 0, TRUE },
  { "03/04/2024", DF, "2024-04-03", 0, TRUE },
  { "03/04/2024", MF, "2024-03-04", 0, TRUE },
  { "05/05/2024", MF, "2024-05-05", 0, FALSE },
  { "Tue 03/04/2025", U, "2025-03-04", 2, FALSE },
  { "Thu 03/04/2025", MF, "2025-04-03", 4, FALSE },
  { "Wed 1/8/25", U, "2025-01-08", 3, FALSE },
  { "Sun 03/04/2025", U, "2025-04-03", 7, TRUE },
  /* Polish */
  { "czwartek, 14 marca 2024", U, "2024-03-14", 4, FALSE },
  { "czwartek 14.03.2024", U, "2024-03-14", 4, FALSE },
  { "14 III 2024", U, "2024-03-14", 0, FALSE },
  { "14.III.2024", U, "2024-03-14", 0, FALSE },
  { "12 XI 2024", U, "2024-11-12", 0, FALSE },
  { "12.XII.2024", U, "2024-12-12", 0, FALSE },
  { "czw. 14.03", U, "0000-03-14", 4, FALSE },
  { "czw 14.03.", U, "0000-03-14", 4, FALSE },
  { "14 wrzesnia 2024", U, "2024-09-14", 0, FALSE },
  { "środa, 13 marca 2024", U, "2024-03-13", 3, FALSE },
  { "sroda 13.03.2024", U, "2024-03-13", 3, FALSE },
  { "piątek, 15 listopada 2024", U, "2024-11-15", 5, FALSE },
  { "1 października 2024", U, "2024-10-01", 0, FALSE },
  { "1 pazdziernika 2024", U, "2024-10-01", 0, FALSE },
  { "1 PAŹDZIERNIKA 2024", U, "2024-10-01", 0, FALSE },
  { "14 marca", U, "0000-03-14", 0, FALSE },
  { "wtorek, 12 listopada 2024 r.", U, "2024-11-12", 2, FALSE },
  { "niedziela 23 listopada 2025", U, "2025-11-23", 7, FALSE },
  { "sob. 30.03.2024", U, "2024-03-30", 6, FALSE },
  { "pon. 1.04.2024", U, "2024-04-01", 1, FALSE },
  { "pn. 1.04.2024", U, "2024-04-01", 1, FALSE },
  { "wt. 2.04.2024", U, "2024-04-02", 2, FALSE },
  { "pt. 5.04.2024", U, "2024-04-05", 5, FALSE },
  { "nd. 31.03.2024", U, "2024-03-31", 7, FALSE },
  { "niedz. 31.03.2024", U, "2024-03-31", 7, FALSE },
  { "14 i 15 marca 2024", U, "2024-03-15", 0, FALSE },
  { "Dzień zdjęciowy 12/40, 14 marca 2024", U, "2024-03-14", 0, FALSE },
  /* German */
  { "Donnerstag, 14. März 2024", U, "2024-03-14", 4, FALSE },
  { "DONNERSTAG, 14. MÄRZ 2024", U, "2024-03-14", 4, FALSE },
  { "Do, 14.03.2024", U, "2024-03-14", 4, FALSE },
  { "Do., 14.3.24", U, "2024-03-14", 4, FALSE },
  { "Do 14.03", U, "0000-03-14", 4, FALSE },
  { "14. März 2024", U, "2024-03-14", 0, FALSE },
  { "14 Marz 2024", U, "2024-03-14", 0, FALSE },
  { "3. Maerz 2025", U, "2025-03-03", 0, FALSE },
  { "14 Jänner 2025", U, "2025-01-14", 0, FALSE },
  { "14. Feber 2025", U, "2025-02-14", 0, FALSE },
  { "Sonntag, 1. Dezember 2024", U, "2024-12-01", 7, FALSE },
  { "Mi., 4.12.24", U, "2024-12-04", 3, FALSE },
  { "Sa 7.12.2024", U, "2024-12-07", 6, FALSE },
  { "So 17.03.2024", U, "2024-03-17", 7, FALSE },
  { "so 17.03.2024", U, "2024-03-17", 0, FALSE },
  { "Freitag, 24.10.2025", U, "2025-10-24", 5, FALSE },
  { "Samstag, 25. Oktober 2025", U, "2025-10-25", 6, FALSE },
  { "Sonnabend, 25.10.2025", U, "2025-10-25", 6, FALSE },
  { "Dienstag 4.11.25", U, "2025-11-04", 2, FALSE },
  { "Drehtag 12 von 40, Do 14.03.2024", U, "2024-03-14", 4, FALSE },
  /* a weekday that does not match is kept: the caller warns */
  { "Friday, March 14, 2024", U, "2024-03-14", 5, FALSE },
  { "Call Sheet - Day 12 of 40 - Friday, 24 October 2025", U, "2025-10-24", 5, FALSE },
  /* not dates */
  { "12:30", U, NULL, 0, FALSE },
  { "4/8", U, NULL, 0, FALSE },
  { "1 3/8", U, NULL, 0, FALSE },
  { "13/8", U, NULL, 0, FALSE },
  { "(323) 555-0172", U, NULL, 0, FALSE },
  { "00-724 Warszawa", U, NULL, 0, FALSE },
  { "8–12", U, NULL, 0, FALSE },
  { "2024", U, NULL, 0, FALSE },
  { "416.555.0123", U, NULL, 0, FALSE },
  { "600-100-200", U, NULL, 0, FALSE },
  { "Day 2 of 2", U, NULL, 0, FALSE },
  { "Scene 14.03", U, NULL, 0, FALSE },
  { "do 14.03", U, NULL, 0, FALSE },
  { "Monday", U, NULL, 0, FALSE },
  { "październik 2024", U, NULL, 0, FALSE },
  { "March 2024", U, NULL, 0, FALSE },
  { "14 III", U, NULL, 0, FALSE },
  { "1.2.5", U, NULL, 0, FALSE },
  { "14.03.2024.5", U, NULL, 0, FALSE },
  { "31/04/2024", U, NULL, 0, FALSE },
  { "29.02.2023", U, NULL, 0, FALSE },
  { "30 February 2024", U, NULL, 0, FALSE },
  { "14.03.1899", U, NULL, 0, FALSE },
  { "13/14/2024", U, NULL, 0, FALSE },
  { "", U, NULL, 0, FALSE },
  /* invalid UTF-8: only what comes before it is read */
  { "14.03.2024\xff", U, "2024-03-14", 0, FALSE },
  { "\xff 14.03.2024", U, NULL, 0, FALSE },
};

static char *
describe_time (gboolean             ok,
               const Mp2ParsedTime *time)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!ok)
    return g_strdup ("(none)");

  start = mp2_time_format (time->minutes);
  end = mp2_time_format (time->end_minutes);

  return g_strdup_printf ("%s-%s%s", start, end != NULL ? end : "", time->next_day ? " +1" : "");
}

static gboolean
check_time_case (const TimeCase      *test,
                 gboolean             ok,
                 const Mp2ParsedTime *time)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!ok || test->expect_hhmm == NULL)
    return ok == (test->expect_hhmm != NULL) && time->minutes == MP2_NO_TIME;

  start = mp2_time_format (time->minutes);
  end = mp2_time_format (time->end_minutes);

  return g_strcmp0 (start, test->expect_hhmm) == 0 &&
         g_strcmp0 (end, test->expect_end_hhmm) == 0 &&
         time->next_day == test->next_day;
}

static void
run_time_cases (const TimeCase *cases,
                gsize           n_cases,
                gboolean        find)
{
  guint failures = 0;

  for (gsize i = 0; i < n_cases; i++)
    {
      const TimeCase *test = &cases[i];
      Mp2ParsedTime time;
      gboolean ok;

      if (find)
        ok = mp2_time_find (test->text, test->flags, &time, NULL, NULL);
      else
        ok = mp2_time_parse (test->text, test->flags, &time, NULL);

      if (!check_time_case (test, ok, &time))
        {
          g_autofree char *got = describe_time (ok, &time);

          g_test_message ("case %" G_GSIZE_FORMAT " \"%s\" (flags %d): expected %s-%s%s, got %s",
                          i, test->text, test->flags,
                          test->expect_hhmm != NULL ? test->expect_hhmm : "(none)",
                          test->expect_end_hhmm != NULL ? test->expect_end_hhmm : "",
                          test->next_day ? " +1" : "", got);
          failures++;
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

static void
test_parse_cases (void)
{
  run_time_cases (parse_cases, G_N_ELEMENTS (parse_cases), FALSE);
}

static void
test_find_cases (void)
{
  run_time_cases (find_cases, G_N_ELEMENTS (find_cases), TRUE);
}

static gboolean
check_date_case (const DateCase      *test,
                 gboolean             ok,
                 const Mp2ParsedDate *date)
{
  g_autofree char *iso = NULL;

  if (!ok || test->expect_date == NULL)
    return ok == (test->expect_date != NULL) && date->month == 0;

  iso = mp2_date_format (date->year, date->month, date->day);

  return g_strcmp0 (iso, test->expect_date) == 0 && date->weekday == test->weekday &&
         date->ambiguous == test->ambiguous && mp2_date_is_valid (date);
}

static void
test_date_cases (void)
{
  guint failures = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *test = &date_cases[i];
      Mp2ParsedDate date;
      gboolean ok = mp2_date_find (test->text, test->order, &date, NULL, NULL);

      if (!check_date_case (test, ok, &date))
        {
          g_test_message ("case %" G_GSIZE_FORMAT " \"%s\" (order %d): expected %s wd %d%s, "
                          "got %s %04d-%02d-%02d wd %d%s",
                          i, test->text, test->order,
                          test->expect_date != NULL ? test->expect_date : "(none)",
                          test->weekday, test->ambiguous ? " ambiguous" : "",
                          ok ? "" : "(none)", date.year, date.month, date.day,
                          date.weekday, date.ambiguous ? " ambiguous" : "");
          failures++;
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

static void
test_time_meridiem (void)
{
  Mp2ParsedTime time;

  g_assert_true (mp2_time_parse ("7pm", D, &time, NULL));
  g_assert_true (time.meridiem);
  g_assert_true (mp2_time_parse ("19:00", D, &time, NULL));
  g_assert_false (time.meridiem);
  g_assert_true (mp2_time_parse ("noon", D, &time, NULL));
  g_assert_true (time.meridiem);
  g_assert_true (mp2_time_parse ("10-11am", D, &time, NULL));
  g_assert_true (time.meridiem);
  g_assert_true (mp2_time_parse ("12-13 Uhr", D, &time, NULL));
  g_assert_false (time.meridiem);
  g_assert_false (mp2_time_parse ("7", D, &time, NULL));
  g_assert_cmpint (time.minutes, ==, MP2_NO_TIME);
  g_assert_cmpint (time.end_minutes, ==, MP2_NO_TIME);
  g_assert_false (time.meridiem);
}

static void
test_time_positions (void)
{
  const char *text = "ca. 7:00 AM lunch";
  const char *line = "Call 7:30am sharp";
  const char *start = NULL;
  const char *end = NULL;

  g_assert_true (mp2_time_parse (text, D, NULL, &end));
  g_assert_cmpstr (end, ==, " lunch");
  g_assert_false (mp2_time_parse ("lunch", D, NULL, &end));
  g_assert_cmpstr (end, ==, "lunch");

  g_assert_true (mp2_time_find (line, D, NULL, &start, &end));
  g_assert_cmpint (start - line, ==, 5);
  g_assert_cmpint (end - line, ==, 11);
  g_assert_false (mp2_time_find ("no time here", D, NULL, &start, &end));
  g_assert_null (start);
  g_assert_null (end);
}

static void
test_date_positions (void)
{
  const char *text = "Shoot: Thursday, March 14, 2024 (Day 3)";
  const char *polish = "Data: 14.03.2024 r., zbiórka";
  const char *start = NULL;
  const char *end = NULL;

  g_assert_true (mp2_date_find (text, U, NULL, &start, &end));
  g_assert_cmpstr (start, ==, "Thursday, March 14, 2024 (Day 3)");
  g_assert_cmpstr (end, ==, " (Day 3)");

  g_assert_true (mp2_date_find (polish, U, NULL, &start, &end));
  g_assert_cmpstr (start, ==, "14.03.2024 r., zbiórka");
  g_assert_cmpstr (end, ==, ", zbiórka");

  g_assert_false (mp2_date_find ("no date", U, NULL, &start, &end));
  g_assert_null (start);
  g_assert_null (end);
}

static void
test_placeholders (void)
{
  const char *placeholders[] = {
    "O/C", "o/c", "OC", "-", "—", "–", "--", "Self", "SELF", "N/R", "NR", "N.R.", "W/N",
    "TBC", "tbc", "TBA", "Per AD", "As per AD", "as  per\u00a0AD", "On Call", "Pre-call",
    "S/D", "self drive", "własny", "wlasny", "wg ustaleń", "WG USTALEN", "wg II reż.",
    "na wezwanie", "do potwierdzenia", "nach Absprache", "auf Abruf", "", "   ", " O/C ",
  };
  const char *not_placeholders[] = {
    "7:00", "07:00 O/C", "Jan Nowak", "Selfie", "Lunch", "call", "ABC", "-7:00",
    "TBC?", "\xff", "Self\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      if (!mp2_time_is_placeholder (placeholders[i]))
        g_test_message ("\"%s\" should be a placeholder", placeholders[i]);
      g_assert_true (mp2_time_is_placeholder (placeholders[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_placeholders); i++)
    {
      if (mp2_time_is_placeholder (not_placeholders[i]))
        g_test_message ("\"%s\" should not be a placeholder", not_placeholders[i]);
      g_assert_false (mp2_time_is_placeholder (not_placeholders[i]));
    }
}

static void
assert_formats (int         minutes,
                const char *expected)
{
  g_autofree char *text = mp2_time_format (minutes);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_time_format (void)
{
  assert_formats (0, "00:00");
  assert_formats (7 * 60 + 5, "07:05");
  assert_formats (23 * 60 + 59, "23:59");
  assert_formats (24 * 60, "00:00");
  assert_formats (25 * 60 + 30, "01:30");
  assert_formats (MP2_NO_TIME, NULL);

  g_assert_cmpint (mp2_time_from_string ("07:05"), ==, 7 * 60 + 5);
  g_assert_cmpint (mp2_time_from_string ("00:00"), ==, 0);
  g_assert_cmpint (mp2_time_from_string ("23:59"), ==, 23 * 60 + 59);
  g_assert_cmpint (mp2_time_from_string ("24:00"), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string ("12:60"), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string ("7:05"), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string ("07:5"), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string ("07:05 "), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string ("ab:cd"), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string (""), ==, MP2_NO_TIME);
  g_assert_cmpint (mp2_time_from_string (NULL), ==, MP2_NO_TIME);

  for (int minutes = 0; minutes < 24 * 60; minutes++)
    {
      g_autofree char *text = mp2_time_format (minutes);

      g_assert_cmpint (mp2_time_from_string (text), ==, minutes);
    }
}

static void
test_date_helpers (void)
{
  g_autofree char *iso = mp2_date_format (2024, 3, 14);
  g_autofree char *no_year = mp2_date_format (0, 3, 14);
  int year = 0, month = 0, day = 0;

  g_assert_cmpstr (iso, ==, "2024-03-14");
  g_assert_cmpstr (no_year, ==, "0000-03-14");

  g_assert_true (mp2_date_from_string ("2024-03-14", &year, &month, &day));
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (month, ==, 3);
  g_assert_cmpint (day, ==, 14);
  g_assert_true (mp2_date_from_string ("2024-02-29", NULL, NULL, NULL));
  g_assert_false (mp2_date_from_string ("2023-02-29", NULL, NULL, NULL));
  g_assert_false (mp2_date_from_string ("2024-3-14", &year, &month, &day));
  g_assert_false (mp2_date_from_string ("2024-03-14x", NULL, NULL, NULL));
  g_assert_false (mp2_date_from_string ("2024-13-01", NULL, NULL, NULL));
  g_assert_false (mp2_date_from_string ("14.03.2024", NULL, NULL, NULL));
  g_assert_false (mp2_date_from_string ("", NULL, NULL, NULL));
  g_assert_false (mp2_date_from_string (NULL, NULL, NULL, NULL));
  g_assert_cmpint (year, ==, 2024);
}

static void
test_weekday_of (void)
{
  g_assert_cmpint (mp2_date_weekday_of (2024, 3, 14), ==, 4);
  g_assert_cmpint (mp2_date_weekday_of (2021, 3, 26), ==, 5);
  g_assert_cmpint (mp2_date_weekday_of (2026, 6, 20), ==, 6);
  g_assert_cmpint (mp2_date_weekday_of (2027, 3, 28), ==, 7);
  g_assert_cmpint (mp2_date_weekday_of (1900, 1, 1), ==, 1);
  g_assert_cmpint (mp2_date_weekday_of (2000, 2, 29), ==, 2);
  g_assert_cmpint (mp2_date_weekday_of (2023, 2, 29), ==, 0);
  g_assert_cmpint (mp2_date_weekday_of (2024, 13, 1), ==, 0);
  g_assert_cmpint (mp2_date_weekday_of (2024, 1, 300), ==, 0);
  g_assert_cmpint (mp2_date_weekday_of (0, 3, 14), ==, 0);
}

static void
test_weekday_matches (void)
{
  Mp2ParsedDate date = { 2024, 3, 14, 4, FALSE };

  g_assert_true (mp2_date_weekday_matches (&date));
  date.weekday = 5;
  g_assert_false (mp2_date_weekday_matches (&date));
  date.weekday = 0;
  g_assert_true (mp2_date_weekday_matches (&date));
  date = (Mp2ParsedDate) { 0, 3, 14, 5, FALSE };
  g_assert_true (mp2_date_weekday_matches (&date));

  g_assert_true (mp2_date_find ("Friday, March 14, 2024", U, &date, NULL, NULL));
  g_assert_false (mp2_date_weekday_matches (&date));
  g_assert_true (mp2_date_find ("czwartek, 14 marca 2024", U, &date, NULL, NULL));
  g_assert_true (mp2_date_weekday_matches (&date));
}

static void
test_date_is_valid (void)
{
  const Mp2ParsedDate valid[] = {
    { 2024, 2, 29, 0, FALSE }, { 0, 2, 29, 0, FALSE }, { 1900, 1, 1, 1, FALSE },
    { 2200, 12, 31, 7, TRUE },
  };
  const Mp2ParsedDate invalid[] = {
    { 2023, 2, 29, 0, FALSE }, { 1899, 12, 31, 0, FALSE }, { 2201, 1, 1, 0, FALSE },
    { 2024, 0, 1, 0, FALSE }, { 2024, 4, 31, 0, FALSE }, { 2024, 3, 14, 8, FALSE },
    { 2024, 3, 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (mp2_date_is_valid (&valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (mp2_date_is_valid (&invalid[i]));
}

static void
test_weekday_find (void)
{
  const struct
  {
    const char *text;
    int         weekday;
  } cases[] = {
    { "Thursday", 4 }, { "czwartek", 4 }, { "Donnerstag", 4 }, { "THURSDAY", 4 },
    { "Thu.", 4 }, { "czw.", 4 }, { "Do.", 4 }, { "(SAT)", 6 }, { "Thu 3/14", 4 },
    { "śr.", 3 }, { "ŚRODA", 3 }, { "sroda", 3 }, { "Sonnabend", 6 },
    { "wtorek, 12 listopada", 2 }, { "Call sheet for Sunday", 7 },
    { "do potwierdzenia", 0 }, { "Do it now", 0 }, { "Thursdays", 0 }, { "Sunset 8:02", 0 },
    { "I sat down", 0 }, { "Call sheet", 0 }, { "", 0 }, { "2nd unit", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int weekday = mp2_weekday_find (cases[i].text);

      if (weekday != cases[i].weekday)
        g_test_message ("\"%s\": expected %d, got %d", cases[i].text, cases[i].weekday,
                        weekday);
      g_assert_cmpint (weekday, ==, cases[i].weekday);
    }
}

/* Every prefix of tricky text, and random bytes: nothing may crash or read too far
 * (run it under valgrind or ASan). */
static void
run_everything (const char *text)
{
  Mp2ParsedTime time;
  Mp2ParsedDate date;
  const char *start, *end;

  for (int flags = 0; flags < 8; flags++)
    {
      if (mp2_time_parse (text, flags, &time, &end))
        g_assert_true (end >= text && end <= text + strlen (text));
      if (mp2_time_find (text, flags, &time, &start, &end))
        g_assert_true (start >= text && end > start && end <= text + strlen (text));
    }
  if (mp2_date_find (text, U, &date, &start, &end))
    g_assert_true (mp2_date_is_valid (&date) && start >= text && end > start);
  mp2_time_is_placeholder (text);
  mp2_weekday_find (text);
}

static void
test_robustness (void)
{
  const char *texts[] = {
    "Do., 14.3.24 ca. 7:00 AM – 12:30 PM (+1)?",
    "czwartek, 14 marca 2024 r. (czw.) godz. 7.00–8.00",
    "Thursday, 14th of March, '24 r. (Thu.) 0700 hrs",
    "1.2.3.4.5.6.7.8/9/10-11:12:13:14",
    "ŁÓDŹ ß Ǆ ǅ \u0301\u0301 12\u0301:00",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1937);
  const char alphabet[] = "0123456789:./-()+?~ apmhAPMUhr\xc5\x82\xe2\x80\x93\xff";

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (gsize n = 0; n <= strlen (texts[i]); n++)
      {
        g_autofree char *prefix = g_strndup (texts[i], n);

        run_everything (prefix);
      }

  for (guint i = 0; i < 2000; i++)
    {
      char text[24];
      guint n = g_rand_int_range (rand, 0, sizeof text);

      for (guint j = 0; j < n; j++)
        text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[n] = '\0';
      run_everything (text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-parse/parse", test_parse_cases);
  g_test_add_func ("/time-parse/find", test_find_cases);
  g_test_add_func ("/time-parse/meridiem", test_time_meridiem);
  g_test_add_func ("/time-parse/positions", test_time_positions);
  g_test_add_func ("/time-parse/placeholders", test_placeholders);
  g_test_add_func ("/time-parse/format", test_time_format);
  g_test_add_func ("/time-parse/date/find", test_date_cases);
  g_test_add_func ("/time-parse/date/positions", test_date_positions);
  g_test_add_func ("/time-parse/date/helpers", test_date_helpers);
  g_test_add_func ("/time-parse/date/weekday-of", test_weekday_of);
  g_test_add_func ("/time-parse/date/weekday-matches", test_weekday_matches);
  g_test_add_func ("/time-parse/date/is-valid", test_date_is_valid);
  g_test_add_func ("/time-parse/date/weekday-find", test_weekday_find);
  g_test_add_func ("/time-parse/robustness", test_robustness);

  return g_test_run ();
}
