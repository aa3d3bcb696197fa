/* mp2-time-parse.h
 *
 * Times of day and dates as call sheets print them, in English, Polish and German.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Minutes since midnight, or this for "no time". */
#define MP2_NO_TIME (-1)

typedef enum
{
  MP2_TIME_PARSE_DEFAULT       = 0,
  /* "0730", "1937": four digits without a separator are a time. Only where a time is
   * expected (a labelled field or a call column): elsewhere they are years, house
   * numbers or postcodes. */
  MP2_TIME_PARSE_FOUR_DIGITS   = 1 << 0,
  /* The sheet writes 12-hour times: a bare "7:00" with no am/pm is still taken (as
   * printed), but "7" alone never is. */
  MP2_TIME_PARSE_TWELVE_HOUR   = 1 << 1,
  /* The value must be only a time (and hedges, a range or a "(+1)" mark); trailing
   * text makes the parse fail. */
  MP2_TIME_PARSE_WHOLE         = 1 << 2,
} Mp2TimeParseFlags;

typedef struct
{
  int      minutes;     /* 0..1439 */
  int      end_minutes; /* of a range "12:00–13:00", or MP2_NO_TIME */
  gboolean next_day;    /* "25:30", "01:30 (+1)" */
  gboolean meridiem;    /* the text said am or pm (or noon, midnight) */
} Mp2ParsedTime;

gboolean  mp2_time_parse        (const char        *text,
                                 Mp2TimeParseFlags  flags,
                                 Mp2ParsedTime     *time,
                                 const char       **end);
gboolean  mp2_time_find         (const char        *text,
                                 Mp2TimeParseFlags  flags,
                                 Mp2ParsedTime     *time,
                                 const char       **start,
                                 const char       **end);
char     *mp2_time_format       (int                minutes);
int       mp2_time_from_string  (const char        *hh_mm);
gboolean  mp2_time_is_placeholder (const char      *text);

typedef enum
{
  MP2_DATE_ORDER_UNKNOWN,
  MP2_DATE_ORDER_DAY_FIRST,   /* 14/03/2024: Europe, the UK */
  MP2_DATE_ORDER_MONTH_FIRST, /* 03/14/2024: the US */
} Mp2DateOrder;

typedef struct
{
  int      year;      /* 0 when the text has no year */
  int      month;     /* 1..12 */
  int      day;       /* 1..31 */
  int      weekday;   /* printed weekday, 1 (Monday) .. 7 (Sunday), 0 when none */
  gboolean ambiguous; /* numeric day and month both <= 12 and the order was guessed */
} Mp2ParsedDate;

gboolean  mp2_date_find             (const char     *text,
                                     Mp2DateOrder    order,
                                     Mp2ParsedDate  *date,
                                     const char    **start,
                                     const char    **end);
gboolean  mp2_date_is_valid         (const Mp2ParsedDate *date);
gboolean  mp2_date_weekday_matches  (const Mp2ParsedDate *date);
int       mp2_date_weekday_of       (int year,
                                     int month,
                                     int day);
char     *mp2_date_format           (int year,
                                     int month,
                                     int day);
gboolean  mp2_date_from_string      (const char     *iso,
                                     int            *year,
                                     int            *month,
                                     int            *day);
int       mp2_weekday_find          (const char     *text);

G_END_DECLS
