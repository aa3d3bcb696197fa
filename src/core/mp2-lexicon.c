/* mp2-lexicon.c
 *
 * Every label the call-sheet reader knows, in English, Polish and German, in one
 * table (from the project's call-sheet field guide). Labels are compared token by
 * token after folding case and diacritics, so "ZBIÓRKA EKIPY:", "Zbiórka ekipy" and
 * "zbiorka ekipy" are one label; Polish and German labels also match their inflected
 * forms ("zbiórki" for "zbiórka").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-lexicon"

#include "config.h"

#include "mp2-lexicon.h"

#include <string.h>

#include "mp2-text-util.h"

#define SHORT MP2_LEX_FLAG_SHORT
#define SC MP2_TABLE_SCENES
#define CA MP2_TABLE_CAST
#define CR MP2_TABLE_CREW
#define LO MP2_TABLE_LOCATIONS
#define EX MP2_TABLE_EXTRAS

static const Mp2LexEntry lexicon[] = {
  /* Production title */
  { MP2_TERM_PRODUCTION, "en", "Production", 0, 0 },
  { MP2_TERM_PRODUCTION, "en", "Project", 0, 0 },
  { MP2_TERM_PRODUCTION, "en", "Title", SHORT, 0 },
  { MP2_TERM_PRODUCTION, "en", "Show", SHORT, 0 },
  { MP2_TERM_PRODUCTION, "pl", "Produkcja", 0, 0 },
  { MP2_TERM_PRODUCTION, "pl", "Tytuł", 0, 0 },
  { MP2_TERM_PRODUCTION, "pl", "Film", SHORT, 0 },
  { MP2_TERM_PRODUCTION, "pl", "Serial", SHORT, 0 },
  { MP2_TERM_PRODUCTION, "de", "Produktion", 0, 0 },
  { MP2_TERM_PRODUCTION, "de", "Projekt", 0, 0 },
  { MP2_TERM_PRODUCTION, "de", "Arbeitstitel", 0, 0 },
  { MP2_TERM_EPISODE, "en", "Episode", 0, 0 },
  { MP2_TERM_EPISODE, "en", "Ep", SHORT, 0 },
  { MP2_TERM_EPISODE, "en", "Block", SHORT, 0 },
  { MP2_TERM_EPISODE, "pl", "odcinek", 0, 0 },
  { MP2_TERM_EPISODE, "pl", "odc", SHORT, 0 },
  { MP2_TERM_EPISODE, "de", "Folge", 0, 0 },

  /* Date */
  { MP2_TERM_DATE, "en", "Date", SHORT, 0 },
  { MP2_TERM_DATE, "en", "Shoot Date", 0, 0 },
  { MP2_TERM_DATE, "en", "Shooting Date", 0, 0 },
  { MP2_TERM_DATE, "en", "Filming Date", 0, 0 },
  { MP2_TERM_DATE, "pl", "Data", SHORT, 0 },
  { MP2_TERM_DATE, "pl", "Data zdjęć", 0, 0 },
  { MP2_TERM_DATE, "pl", "Data zdjęciowa", 0, 0 },
  { MP2_TERM_DATE, "de", "Datum", SHORT, 0 },
  { MP2_TERM_DATE, "de", "Drehdatum", 0, 0 },

  /* Day x of y */
  { MP2_TERM_DAY, "en", "Day", SHORT, 0 },
  { MP2_TERM_DAY, "en", "Shoot Day", 0, 0 },
  { MP2_TERM_DAY, "en", "Shooting Day", 0, 0 },
  { MP2_TERM_DAY, "en", "Filming Day", 0, 0 },
  { MP2_TERM_DAY, "en", "SD", SHORT, 0 },
  { MP2_TERM_DAY, "pl", "Dzień zdjęciowy", 0, 0 },
  { MP2_TERM_DAY, "pl", "Dzień", SHORT, 0 },
  { MP2_TERM_DAY, "pl", "DZ", SHORT, 0 },
  { MP2_TERM_DAY, "de", "Drehtag", 0, 0 },
  { MP2_TERM_DAY, "de", "DT", SHORT, 0 },
  { MP2_TERM_DAY, "de", "Tag", SHORT, 0 },

  /* General crew call */
  { MP2_TERM_CREW_CALL, "en", "General Crew Call", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "General Crew Call Time", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "Crew Call Time", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "Crew Call", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "General Call", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "General Call Time", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "Unit Call", 0, 0 },
  { MP2_TERM_CREW_CALL, "en", "Call Time", SHORT, 0 },
  { MP2_TERM_CREW_CALL, "en", "Call", SHORT, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Zbiórka ekipy", 0, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Godzina zbiórki", 0, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Godzina zbiórki ekipy", 0, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Czas zbiórki", 0, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Call ekipy", 0, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Zbiórka", SHORT, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Rozpoczęcie pracy", 0, 0 },
  { MP2_TERM_CREW_CALL, "pl", "Początek pracy", 0, 0 },
  { MP2_TERM_CREW_CALL, "de", "Treffpunkt Team", 0, 0 },
  { MP2_TERM_CREW_CALL, "de", "Arbeitsbeginn", 0, 0 },
  { MP2_TERM_CREW_CALL, "de", "Team Call", 0, 0 },
  { MP2_TERM_CREW_CALL, "de", "Call Team", 0, 0 },
  { MP2_TERM_CREW_CALL, "de", "Calltime", 0, 0 },
  { MP2_TERM_CREW_CALL, "de", "Drehbeginn Team", 0, 0 },
  { MP2_TERM_PRODUCTION_CALL, "en", "Production Call", 0, 0 },
  { MP2_TERM_PRODUCTION_CALL, "en", "Production Call Time", 0, 0 },
  { MP2_TERM_PRODUCTION_CALL, "en", "Office Call", 0, 0 },
  { MP2_TERM_PRODUCTION_CALL, "pl", "Zbiórka produkcji", 0, 0 },
  { MP2_TERM_PRODUCTION_CALL, "de", "Produktion Call", 0, 0 },

  /* Shooting call */
  { MP2_TERM_SHOOTING_CALL, "en", "Shooting Call", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Shooting Call Time", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "First Shot", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Est First Shot", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Estimated First Shot", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Camera Ready", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Ready to Shoot", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Set Call", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "en", "Shoot Call", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Gotowość na planie", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Gotowość do zdjęć", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Gotowość", SHORT, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Pierwszy klaps", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Pierwsze ujęcie", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Start zdjęć", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Rozpoczęcie zdjęć", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "pl", "Początek zdjęć", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "de", "Drehbeginn", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "de", "drehfertig", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "de", "erste Klappe", 0, 0 },
  { MP2_TERM_SHOOTING_CALL, "de", "Set Call", 0, 0 },

  /* Meals */
  { MP2_TERM_BREAKFAST, "en", "Breakfast", 0, 0 },
  { MP2_TERM_BREAKFAST, "en", "B'fast", 0, 0 },
  { MP2_TERM_BREAKFAST, "en", "B fast", 0, 0 },
  { MP2_TERM_BREAKFAST, "en", "Walking Breakfast", 0, 0 },
  { MP2_TERM_BREAKFAST, "en", "Breakfast Served", 0, 0 },
  { MP2_TERM_BREAKFAST, "pl", "Śniadanie", 0, 0 },
  { MP2_TERM_BREAKFAST, "de", "Frühstück", 0, 0 },
  { MP2_TERM_BREAKFAST, "de", "Fruehstueck", 0, 0 },
  { MP2_TERM_LUNCH, "en", "Lunch", 0, 0 },
  { MP2_TERM_LUNCH, "en", "Walking Lunch", 0, 0 },
  { MP2_TERM_LUNCH, "en", "Meal", SHORT, 0 },
  { MP2_TERM_LUNCH, "en", "Meal Break", 0, 0 },
  { MP2_TERM_LUNCH, "pl", "Obiad", 0, 0 },
  { MP2_TERM_LUNCH, "pl", "Przerwa obiadowa", 0, 0 },
  { MP2_TERM_LUNCH, "de", "Mittagspause", 0, 0 },
  { MP2_TERM_LUNCH, "de", "Mittagessen", 0, 0 },
  { MP2_TERM_LUNCH, "de", "Mittag", SHORT, 0 },

  /* Wrap */
  { MP2_TERM_WRAP, "en", "Est Wrap", 0, 0 },
  { MP2_TERM_WRAP, "en", "Estimated Wrap", 0, 0 },
  { MP2_TERM_WRAP, "en", "Wrap", SHORT, 0 },
  { MP2_TERM_WRAP, "en", "Wrap est", 0, 0 },
  { MP2_TERM_WRAP, "en", "Camera Wrap", 0, 0 },
  { MP2_TERM_WRAP, "en", "Company Wrap", 0, 0 },
  { MP2_TERM_WRAP, "en", "Anticipated Wrap", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Planowany koniec zdjęć", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Koniec zdjęć planowany", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Koniec zdjęć", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Planowany koniec", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Zakończenie zdjęć", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Koniec dnia", 0, 0 },
  { MP2_TERM_WRAP, "pl", "Koniec pracy", 0, 0 },
  { MP2_TERM_WRAP, "de", "Drehschluss", 0, 0 },
  { MP2_TERM_WRAP, "de", "Drehende", 0, 0 },
  { MP2_TERM_WRAP, "de", "voraussichtliches Drehende", 0, 0 },
  { MP2_TERM_WRAP, "de", "Drehschluss ca", 0, 0 },

  /* Sun */
  { MP2_TERM_SUNRISE, "en", "Sunrise", 0, 0 },
  { MP2_TERM_SUNRISE, "pl", "Wschód słońca", 0, 0 },
  { MP2_TERM_SUNRISE, "pl", "Wschód", SHORT, 0 },
  { MP2_TERM_SUNRISE, "de", "Sonnenaufgang", 0, 0 },
  { MP2_TERM_SUNSET, "en", "Sunset", 0, 0 },
  { MP2_TERM_SUNSET, "pl", "Zachód słońca", 0, 0 },
  { MP2_TERM_SUNSET, "pl", "Zachód", SHORT, 0 },
  { MP2_TERM_SUNSET, "de", "Sonnenuntergang", 0, 0 },

  /* Revision */
  { MP2_TERM_REVISION, "en", "Rev", 0, 0 },
  { MP2_TERM_REVISION, "en", "Revision", 0, 0 },
  { MP2_TERM_REVISION, "en", "Version", 0, 0 },
  { MP2_TERM_REVISION, "pl", "Wersja", 0, 0 },
  { MP2_TERM_REVISION, "pl", "Wer", 0, 0 },
  { MP2_TERM_REVISION, "de", "Fassung", 0, 0 },
  { MP2_TERM_REVISED, "en", "Revised", 0, 0 },
  { MP2_TERM_REVISED, "en", "Revised Call Sheet", 0, 0 },
  { MP2_TERM_REVISED, "en", "Updated", 0, 0 },
  { MP2_TERM_REVISED, "en", "Amended", 0, 0 },
  { MP2_TERM_REVISED, "pl", "Poprawiony", 0, 0 },
  { MP2_TERM_REVISED, "pl", "Aktualizacja", 0, 0 },
  { MP2_TERM_REVISED, "pl", "Nowa wersja", 0, 0 },
  { MP2_TERM_REVISED, "de", "geänderte Dispo", 0, 0 },
  { MP2_TERM_CHANGES, "en", "Changes", 0, 0 },
  { MP2_TERM_CHANGES, "en", "Revisions", 0, 0 },
  { MP2_TERM_CHANGES, "pl", "Zmiany", 0, 0 },
  { MP2_TERM_CHANGES, "pl", "Zmiana", 0, 0 },
  { MP2_TERM_CHANGES, "pl", "Korekta", 0, 0 },
  { MP2_TERM_CHANGES, "de", "Änderungen", 0, 0 },
  { MP2_TERM_CHANGES, "de", "Änderung", 0, 0 },

  /* Labels whose values are not read, so that they end the value before them */
  { MP2_TERM_OTHER_FIELD, "en", "Director", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Producer", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Weather", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Forecast", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Temperature", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "High", SHORT, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Low", SHORT, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Wind", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Chance of rain", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Production Office", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Office", SHORT, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Company", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Client", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Agency", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Job Name", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Product", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "en", "Emergency", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "Reżyser", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "Producent", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "Temperatura", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "Wiatr", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "Opady", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "tel biuro", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "pl", "Kierownik produkcji", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "de", "Regie", 0, 0 },
  { MP2_TERM_OTHER_FIELD, "de", "Wetter", 0, 0 },

  /* Section headings */
  { MP2_TERM_SECTION_SCHEDULE, "en", "Schedule", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "en", "Times", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "en", "Call Times", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "en", "Day Schedule", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "pl", "Godziny", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "pl", "Harmonogram dnia", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "pl", "Harmonogram", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "pl", "Plan dnia", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "de", "Zeiten", 0, 0 },
  { MP2_TERM_SECTION_SCHEDULE, "de", "Tagesablauf", 0, 0 },
  { MP2_TERM_SECTION_WEATHER, "en", "Weather", 0, 0 },
  { MP2_TERM_SECTION_WEATHER, "en", "Forecast", 0, 0 },
  { MP2_TERM_SECTION_WEATHER, "en", "Weather Forecast", 0, 0 },
  { MP2_TERM_SECTION_WEATHER, "pl", "Pogoda", 0, 0 },
  { MP2_TERM_SECTION_WEATHER, "pl", "Prognoza pogody", 0, 0 },
  { MP2_TERM_SECTION_WEATHER, "de", "Wetter", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "en", "Contacts", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "en", "Key Contacts", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "en", "Production Numbers", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "en", "Production Contacts", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "pl", "Kontakty", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "pl", "Telefony", 0, 0 },
  { MP2_TERM_SECTION_CONTACTS, "de", "Kontakte", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "en", "Locations", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "en", "Location", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "en", "Location Details", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "pl", "Lokacje", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "pl", "Lokalizacje", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "pl", "Obiekty", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "de", "Motive", 0, 0 },
  { MP2_TERM_SECTION_LOCATIONS, "de", "Drehorte", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "en", "Scenes", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "en", "Shooting Schedule", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "en", "Scene Schedule", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "pl", "Sceny", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "pl", "Plan scen", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "de", "Szenen", 0, 0 },
  { MP2_TERM_SECTION_SCENES, "de", "Bilder", 0, 0 },
  { MP2_TERM_SECTION_CAST, "en", "Cast", 0, 0 },
  { MP2_TERM_SECTION_CAST, "en", "Talent", 0, 0 },
  { MP2_TERM_SECTION_CAST, "en", "Artists", 0, 0 },
  { MP2_TERM_SECTION_CAST, "pl", "Obsada", 0, 0 },
  { MP2_TERM_SECTION_CAST, "pl", "Aktorzy", 0, 0 },
  { MP2_TERM_SECTION_CAST, "de", "Darsteller", 0, 0 },
  { MP2_TERM_SECTION_CAST, "de", "Besetzung", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "en", "Background", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "en", "Background & Stand-ins", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "en", "Extras", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "en", "Atmosphere", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "en", "Stand-ins", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "pl", "Statyści", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "pl", "Statystyka", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "pl", "Epizodyści", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "de", "Komparsen", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "de", "Statisten", 0, 0 },
  { MP2_TERM_SECTION_BACKGROUND, "de", "Kleindarsteller", 0, 0 },
  { MP2_TERM_SECTION_CREW, "en", "Crew", 0, 0 },
  { MP2_TERM_SECTION_CREW, "en", "Crew List", 0, 0 },
  { MP2_TERM_SECTION_CREW, "en", "Crew Calls", 0, 0 },
  { MP2_TERM_SECTION_CREW, "pl", "Ekipa", 0, 0 },
  { MP2_TERM_SECTION_CREW, "pl", "Lista ekipy", 0, 0 },
  { MP2_TERM_SECTION_CREW, "de", "Team", 0, 0 },
  { MP2_TERM_SECTION_CREW, "de", "Stab", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "en", "Notes", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "en", "Special Instructions", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "en", "Production Notes", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "en", "Safety Notes", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "en", "Additional Info", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "en", "General Notes", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "pl", "Uwagi", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "pl", "Informacje", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "pl", "Uwagi dla pionów", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "de", "Hinweise", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "de", "Bemerkungen", 0, 0 },
  { MP2_TERM_SECTION_NOTES, "de", "Besonderheiten", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "en", "Advance Schedule", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "en", "Advanced Schedule", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "en", "Advance", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "en", "Tomorrow", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "en", "Next Day", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "en", "Look Ahead", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Plan na jutro", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Na jutro", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Plan na kolejny dzień", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Plan na następny dzień", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Zapowiedź", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Wstępny plan", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "pl", "Dzień następny", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "de", "Vordisposition", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "de", "Vordispo", 0, 0 },
  { MP2_TERM_SECTION_ADVANCE, "de", "Vorschau", 0, 0 },
  { MP2_TERM_SECTION_TRANSPORT, "en", "Transport", 0, 0 },
  { MP2_TERM_SECTION_TRANSPORT, "en", "Transportation", 0, 0 },
  { MP2_TERM_SECTION_TRANSPORT, "en", "Pick-ups", 0, 0 },
  { MP2_TERM_SECTION_TRANSPORT, "pl", "Transport", 0, 0 },
  { MP2_TERM_SECTION_TRANSPORT, "pl", "Dyspozycje dla transportu", 0, 0 },
  { MP2_TERM_SECTION_TRANSPORT, "de", "Fahrdienst", 0, 0 },
  { MP2_TERM_SECTION_OTHER, "en", "Requirements", 0, 0 },
  { MP2_TERM_SECTION_OTHER, "en", "Department Notes", 0, 0 },
  { MP2_TERM_SECTION_OTHER, "en", "Walkies", 0, 0 },
  { MP2_TERM_SECTION_OTHER, "pl", "Wymagania", 0, 0 },
  { MP2_TERM_SECTION_OTHER, "pl", "Sprzęt", 0, 0 },
  { MP2_TERM_SECTION_OTHER, "de", "Requisite", 0, 0 },

  /* Kinds of places */
  { MP2_TERM_LOCATION_SET, "en", "Set", SHORT, 0 },
  { MP2_TERM_LOCATION_SET, "en", "Set Location", 0, 0 },
  { MP2_TERM_LOCATION_SET, "en", "Shooting Location", 0, 0 },
  { MP2_TERM_LOCATION_SET, "en", "Location", 0, 0 },
  { MP2_TERM_LOCATION_SET, "en", "Studio", SHORT, 0 },
  { MP2_TERM_LOCATION_SET, "pl", "Obiekt", 0, 0 },
  { MP2_TERM_LOCATION_SET, "pl", "Obiekt zdjęciowy", 0, 0 },
  { MP2_TERM_LOCATION_SET, "pl", "Lokacja", 0, 0 },
  { MP2_TERM_LOCATION_SET, "pl", "Lokalizacja", 0, 0 },
  { MP2_TERM_LOCATION_SET, "pl", "Miejsce zdjęć", 0, 0 },
  { MP2_TERM_LOCATION_SET, "de", "Motiv", 0, 0 },
  { MP2_TERM_LOCATION_SET, "de", "Drehort", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "en", "Unit Base", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "en", "Base Camp", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "en", "Basecamp", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "en", "Base", SHORT, 0 },
  { MP2_TERM_LOCATION_BASE, "pl", "Baza", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "pl", "Baza produkcyjna", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "pl", "Baza techniczna", 0, 0 },
  { MP2_TERM_LOCATION_BASE, "de", "Basis", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "en", "Crew Parking", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "en", "Unit Parking", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "en", "Parking", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "pl", "Parking ekipy", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "pl", "Parking", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "de", "Parkplatz", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "de", "Parken", 0, 0 },
  { MP2_TERM_LOCATION_PARKING, "de", "Parkmöglichkeiten", 0, 0 },
  { MP2_TERM_LOCATION_CATERING, "en", "Catering", 0, 0 },
  { MP2_TERM_LOCATION_CATERING, "en", "Holding", SHORT, 0 },
  { MP2_TERM_LOCATION_CATERING, "pl", "Catering", 0, 0 },
  { MP2_TERM_LOCATION_CATERING, "pl", "Stołówka", 0, 0 },
  { MP2_TERM_LOCATION_CATERING, "de", "Catering", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "Nearest Hospital", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "Hospital", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "Nearest A&E", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "A&E", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "Nearest Emergency", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "Urgent Care", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "en", "Emergency Room", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "pl", "Najbliższy szpital", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "pl", "Szpital", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "pl", "SOR", SHORT, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "de", "Krankenhaus", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "de", "Nächstes Krankenhaus", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "de", "Nächstgelegenes Krankenhaus", 0, 0 },
  { MP2_TERM_LOCATION_HOSPITAL, "de", "Notaufnahme", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "en", "Crew Meeting Point", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "en", "Meeting Point", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "en", "Crew RV", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "en", "Unit RV", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "en", "RV", SHORT, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "en", "Report to", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "pl", "Miejsce zbiórki", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "pl", "Punkt zbiórki", 0, 0 },
  { MP2_TERM_LOCATION_MEETING_POINT, "de", "Treffpunkt", 0, 0 },

  /* Column headers */
  { MP2_TERM_COLUMN_SCENE, "en", "Sc", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "en", "Scene", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "en", "Sc #", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "en", "Scene #", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "en", "Scenes", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "pl", "Scena", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "pl", "Nr sceny", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "de", "Szene", SHORT, SC },
  { MP2_TERM_COLUMN_SCENE, "de", "Bild", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Set", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Set & Description", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Set / Description", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Set Description", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Description", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Scene Description", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "en", "Synopsis", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "pl", "Obiekt / Opis", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "pl", "Obiekt", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "pl", "Opis", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "pl", "Treść", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "de", "Motiv", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "de", "Inhalt", SHORT, SC },
  { MP2_TERM_COLUMN_SET, "de", "Beschreibung", SHORT, SC },
  { MP2_TERM_COLUMN_INT_EXT, "en", "I/E", SHORT, SC },
  { MP2_TERM_COLUMN_INT_EXT, "en", "Int/Ext", SHORT, SC },
  { MP2_TERM_COLUMN_INT_EXT, "pl", "Wn/Pl", SHORT, SC },
  { MP2_TERM_COLUMN_INT_EXT, "de", "I/A", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "en", "D/N", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "en", "Day/Night", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "pl", "Pora", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "pl", "Pora dnia", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "pl", "Dzień/Noc", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "de", "T/N", SHORT, SC },
  { MP2_TERM_COLUMN_DAY_NIGHT, "de", "Tag/Nacht", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "en", "Pgs", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "en", "Pages", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "en", "Pg", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "en", "Page Count", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "pl", "Str", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "pl", "Strony", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "pl", "Stron", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "de", "Seiten", SHORT, SC },
  { MP2_TERM_COLUMN_PAGES, "de", "S", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "en", "Cast", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "en", "Cast #", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "en", "Cast ID", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "en", "Cast IDs", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "pl", "Obsada", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "pl", "Aktorzy", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "de", "Darsteller", SHORT, SC },
  { MP2_TERM_COLUMN_CAST_IDS, "de", "Rollen", SHORT, SC },
  { MP2_TERM_COLUMN_LOCATION, "en", "Loc", SHORT, SC | CR },
  { MP2_TERM_COLUMN_LOCATION, "en", "Location", SHORT, SC },
  { MP2_TERM_COLUMN_LOCATION, "en", "Set #", SHORT, SC },
  { MP2_TERM_COLUMN_LOCATION, "pl", "Obiekt nr", SHORT, SC },
  { MP2_TERM_COLUMN_LOCATION, "pl", "Nr obiektu", SHORT, SC },
  { MP2_TERM_COLUMN_LOCATION, "pl", "Lokacja", SHORT, SC },
  { MP2_TERM_COLUMN_LOCATION, "de", "Drehort", SHORT, SC },
  { MP2_TERM_COLUMN_ID, "en", "#", SHORT, CA },
  { MP2_TERM_COLUMN_ID, "en", "ID", SHORT, CA },
  { MP2_TERM_COLUMN_ID, "en", "No", SHORT, CA },
  { MP2_TERM_COLUMN_ID, "pl", "Nr", SHORT, CA },
  { MP2_TERM_COLUMN_ID, "pl", "Lp", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "en", "Cast", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "en", "Artist", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "en", "Actor", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "en", "Talent", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "en", "Performer", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "pl", "Aktor", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "pl", "Aktorka", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "pl", "Aktor / Aktorka", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "pl", "Obsada", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "de", "Darsteller", SHORT, CA },
  { MP2_TERM_COLUMN_ACTOR, "de", "Schauspieler", SHORT, CA },
  { MP2_TERM_COLUMN_CHARACTER, "en", "Character", SHORT, CA },
  { MP2_TERM_COLUMN_CHARACTER, "en", "Role", SHORT, CA },
  { MP2_TERM_COLUMN_CHARACTER, "pl", "Postać", SHORT, CA },
  { MP2_TERM_COLUMN_CHARACTER, "pl", "Rola", SHORT, CA },
  { MP2_TERM_COLUMN_CHARACTER, "de", "Rolle", SHORT, CA },
  { MP2_TERM_COLUMN_STATUS, "en", "Status", SHORT, CA },
  { MP2_TERM_COLUMN_STATUS, "en", "Stat", SHORT, CA },
  { MP2_TERM_COLUMN_PICKUP, "en", "Pickup", SHORT, CA | CR },
  { MP2_TERM_COLUMN_PICKUP, "en", "Pick-up", SHORT, CA | CR },
  { MP2_TERM_COLUMN_PICKUP, "en", "Pick up", SHORT, CA | CR },
  { MP2_TERM_COLUMN_PICKUP, "en", "P/U", SHORT, CA | CR },
  { MP2_TERM_COLUMN_PICKUP, "en", "Travel", SHORT, CA },
  { MP2_TERM_COLUMN_PICKUP, "pl", "Odbiór", SHORT, CA | CR },
  { MP2_TERM_COLUMN_PICKUP, "pl", "Wyjazd", SHORT, CA },
  { MP2_TERM_COLUMN_PICKUP, "pl", "Transport", SHORT, CA },
  { MP2_TERM_COLUMN_PICKUP, "de", "Abholung", SHORT, CA | CR },
  { MP2_TERM_COLUMN_PICKUP, "de", "Abholzeit", SHORT, CA | CR },
  { MP2_TERM_COLUMN_CALL, "en", "Call", SHORT, CA | CR | EX },
  { MP2_TERM_COLUMN_CALL, "en", "Call Time", SHORT, CA | CR | EX },
  { MP2_TERM_COLUMN_CALL, "en", "Report", SHORT, CA },
  { MP2_TERM_COLUMN_CALL, "en", "Time", SHORT, CR | EX },
  { MP2_TERM_COLUMN_CALL, "pl", "Godzina", SHORT, CR | EX },
  { MP2_TERM_COLUMN_CALL, "pl", "Godz", SHORT, CR | EX },
  { MP2_TERM_COLUMN_CALL, "pl", "Zbiórka", SHORT, CA | CR },
  { MP2_TERM_COLUMN_CALL, "pl", "Call", SHORT, CA | CR },
  { MP2_TERM_COLUMN_CALL, "de", "Beginn", SHORT, CR },
  { MP2_TERM_COLUMN_CALL, "de", "Zeit", SHORT, CR | EX },
  { MP2_TERM_COLUMN_CALL, "de", "Ankunft", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "en", "HMU", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "en", "H/MU", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "en", "MU/Hair", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "en", "Makeup", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "en", "Make-up", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "en", "Hair & Makeup", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "pl", "Charakteryzacja", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "pl", "Charakt", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "pl", "Charak", SHORT, CA },
  { MP2_TERM_COLUMN_HMU, "de", "Maske", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "en", "Wardrobe", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "en", "WD", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "en", "Costume", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "pl", "Kostium", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "pl", "Kostiumy", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "pl", "Garderoba", SHORT, CA },
  { MP2_TERM_COLUMN_WARDROBE, "de", "Kostüm", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "en", "On Set", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "en", "Set", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "en", "Ready", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "en", "On Set Time", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "pl", "Na planie", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "pl", "Plan", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "pl", "Gotowość", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "de", "am Set", SHORT, CA },
  { MP2_TERM_COLUMN_ON_SET, "de", "Set", SHORT, CA },
  { MP2_TERM_COLUMN_REMARKS, "en", "Remarks", SHORT, CA | CR | EX },
  { MP2_TERM_COLUMN_REMARKS, "en", "Notes", SHORT, CA | CR | EX | SC },
  { MP2_TERM_COLUMN_REMARKS, "en", "Special Instructions", SHORT, CA },
  { MP2_TERM_COLUMN_REMARKS, "pl", "Uwagi", SHORT, CA | CR | EX | SC },
  { MP2_TERM_COLUMN_REMARKS, "de", "Bemerkungen", SHORT, CA | CR | EX },
  { MP2_TERM_COLUMN_REMARKS, "de", "Hinweise", SHORT, CA | CR | EX },
  { MP2_TERM_COLUMN_DEPARTMENT, "en", "Department", SHORT, CR },
  { MP2_TERM_COLUMN_DEPARTMENT, "en", "Dept", SHORT, CR },
  { MP2_TERM_COLUMN_DEPARTMENT, "pl", "Pion", SHORT, CR },
  { MP2_TERM_COLUMN_DEPARTMENT, "pl", "Dział", SHORT, CR },
  { MP2_TERM_COLUMN_DEPARTMENT, "de", "Abteilung", SHORT, CR },
  { MP2_TERM_COLUMN_DEPARTMENT, "de", "Gewerk", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "en", "Position", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "en", "Role", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "en", "Title", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "en", "Job", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "pl", "Stanowisko", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "pl", "Funkcja", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "de", "Funktion", SHORT, CR },
  { MP2_TERM_COLUMN_POSITION, "de", "Position", SHORT, CR },
  { MP2_TERM_COLUMN_NAME, "en", "Name", SHORT, CR },
  { MP2_TERM_COLUMN_NAME, "en", "Crew", SHORT, CR },
  { MP2_TERM_COLUMN_NAME, "pl", "Imię i nazwisko", SHORT, CR },
  { MP2_TERM_COLUMN_NAME, "pl", "Nazwisko", SHORT, CR },
  { MP2_TERM_COLUMN_NAME, "pl", "Osoba", SHORT, CR },
  { MP2_TERM_COLUMN_NAME, "de", "Name", SHORT, CR },
  { MP2_TERM_COLUMN_PHONE, "en", "Phone", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "en", "Cell", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "en", "Mobile", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "en", "Contact", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "pl", "Telefon", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "pl", "Tel", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "de", "Telefon", SHORT, CR | CA },
  { MP2_TERM_COLUMN_PHONE, "de", "Mobil", SHORT, CR | CA },
  { MP2_TERM_COLUMN_EMAIL, "en", "Email", SHORT, CR },
  { MP2_TERM_COLUMN_EMAIL, "en", "E-mail", SHORT, CR },
  { MP2_TERM_COLUMN_KIND, "pl", "Rodzaj", SHORT, LO },
  { MP2_TERM_COLUMN_KIND, "en", "Type", SHORT, LO },
  { MP2_TERM_COLUMN_KIND, "de", "Art", SHORT, LO },
  { MP2_TERM_COLUMN_NAME, "pl", "Nazwa", SHORT, LO },
  { MP2_TERM_COLUMN_NAME, "en", "Name", SHORT, LO },
  { MP2_TERM_COLUMN_NAME, "de", "Name", SHORT, LO },
  { MP2_TERM_COLUMN_ADDRESS, "en", "Address", SHORT, LO },
  { MP2_TERM_COLUMN_ADDRESS, "pl", "Adres", SHORT, LO },
  { MP2_TERM_COLUMN_ADDRESS, "de", "Adresse", SHORT, LO },
  { MP2_TERM_COLUMN_COUNT, "en", "Qty", SHORT, EX },
  { MP2_TERM_COLUMN_COUNT, "en", "Number", SHORT, EX },
  { MP2_TERM_COLUMN_COUNT, "pl", "Liczba", SHORT, EX },
  { MP2_TERM_COLUMN_COUNT, "pl", "Ilość", SHORT, EX },
  { MP2_TERM_COLUMN_COUNT, "de", "Anzahl", SHORT, EX },
  { MP2_TERM_COLUMN_DESCRIPTION, "en", "Description", SHORT, EX },
  { MP2_TERM_COLUMN_DESCRIPTION, "pl", "Opis", SHORT, EX },

  /* Day and night in the scene list */
  { MP2_TERM_VALUE_DAY, "en", "D", SHORT, 0 },
  { MP2_TERM_VALUE_DAY, "en", "Day", SHORT, 0 },
  { MP2_TERM_VALUE_DAY, "pl", "Dzień", SHORT, 0 },
  { MP2_TERM_VALUE_DAY, "pl", "Dz", SHORT, 0 },
  { MP2_TERM_VALUE_DAY, "de", "Tag", SHORT, 0 },
  { MP2_TERM_VALUE_DAY, "de", "T", SHORT, 0 },
  { MP2_TERM_VALUE_NIGHT, "en", "N", SHORT, 0 },
  { MP2_TERM_VALUE_NIGHT, "en", "Night", SHORT, 0 },
  { MP2_TERM_VALUE_NIGHT, "pl", "Noc", SHORT, 0 },
  { MP2_TERM_VALUE_NIGHT, "de", "Nacht", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "en", "M", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "en", "Morning", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "en", "Dawn", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "pl", "Rano", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "pl", "Ranek", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "pl", "Świt", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "de", "Morgen", SHORT, 0 },
  { MP2_TERM_VALUE_MORNING, "de", "Morgens", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "en", "E", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "en", "Evening", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "en", "Dusk", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "pl", "Wieczór", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "pl", "Zmierzch", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "de", "Abend", SHORT, 0 },
  { MP2_TERM_VALUE_EVENING, "de", "Dämmerung", SHORT, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "LLC", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Ltd", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Limited", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Inc", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Productions", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Pictures", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Films", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Studios", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Media", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "en", "Television", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "pl", "Sp z o o", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "pl", "S A", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "pl", "Sp k", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "de", "GmbH", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "de", "AG", 0, 0 },
  { MP2_TERM_VALUE_COMPANY, "de", "KG", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "en", "Lunch", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "en", "Unit Move", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "en", "Company Move", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "en", "End of Day", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "pl", "Przejazd", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "pl", "Obiad", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "pl", "Koniec dnia", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "de", "Mittagspause", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "de", "Motivwechsel", 0, 0 },
  { MP2_TERM_VALUE_NON_SCENE, "de", "Umsetzen", 0, 0 },

  /* What a document calls itself */
  { MP2_TERM_DOCUMENT, "en", "Call Sheet", 0, 0 },
  { MP2_TERM_DOCUMENT, "en", "Callsheet", 0, 0 },
  { MP2_TERM_DOCUMENT, "en", "Daily Call Sheet", 0, 0 },
  { MP2_TERM_DOCUMENT, "en", "Unit Call Sheet", 0, 0 },
  { MP2_TERM_DOCUMENT, "pl", "Plan zdjęciowy", 0, 0 },
  { MP2_TERM_DOCUMENT, "pl", "Plan dnia zdjęciowego", 0, 0 },
  { MP2_TERM_DOCUMENT, "pl", "Dzienny plan pracy", 0, 0 },
  { MP2_TERM_DOCUMENT, "pl", "Plan pracy na dzień zdjęciowy", 0, 0 },
  { MP2_TERM_DOCUMENT, "pl", "Dyspozycja", 0, 0 },
  { MP2_TERM_DOCUMENT, "pl", "Drabinka", 0, 0 },
  { MP2_TERM_DOCUMENT, "de", "Tagesdisposition", 0, 0 },
  { MP2_TERM_DOCUMENT, "de", "Tagesdispo", 0, 0 },
  { MP2_TERM_DOCUMENT, "de", "Disposition", 0, 0 },
  { MP2_TERM_DOCUMENT, "de", "Dispo", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Invoice", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Tax Invoice", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Receipt", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Quote", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Purchase Order", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Production Report", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Daily Production Report", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "One-Liner", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Stripboard", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "en", "Day Out of Days", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Faktura", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Faktura VAT", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Rachunek", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Oferta", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Raport dzienny", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Raport produkcyjny", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "pl", "Kalendarzowy plan zdjęć", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "de", "Rechnung", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "de", "Drehbericht", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "de", "Tagesbericht", 0, 0 },
  { MP2_TERM_OTHER_DOCUMENT, "de", "Drehplan", 0, 0 },

  /* The foot of the sheet */
  { MP2_TERM_FOOTER, "en", "Issued", 0, 0 },
  { MP2_TERM_FOOTER, "en", "Issued by", 0, 0 },
  { MP2_TERM_FOOTER, "en", "Prepared by", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Plan sporządził", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Plan sporządziła", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Plan sporządził a", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Sporządził", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Przygotował", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Przygotowała", 0, 0 },
  { MP2_TERM_FOOTER, "pl", "Przygotował a", 0, 0 },
  { MP2_TERM_FOOTER, "de", "Erstellt von", 0, 0 },

  /* Totals */
  { MP2_TERM_TOTAL, "en", "Total", 0, 0 },
  { MP2_TERM_TOTAL, "en", "Total pages", 0, 0 },
  { MP2_TERM_TOTAL, "en", "Total pgs", 0, 0 },
  { MP2_TERM_TOTAL, "pl", "Razem", 0, 0 },
  { MP2_TERM_TOTAL, "pl", "Razem stron", 0, 0 },
  { MP2_TERM_TOTAL, "pl", "Suma", 0, 0 },
  { MP2_TERM_TOTAL, "de", "Gesamt", 0, 0 },
  { MP2_TERM_TOTAL, "de", "Summe", 0, 0 },
};

typedef struct
{
  char    **tokens;
  guint     n_tokens;
  gboolean  shared;   /* the same words are a label in another language too */
} EntryTokens;

typedef struct
{
  EntryTokens *entries;
  GHashTable  *by_start;  /* first characters of the first token → GArray of indices */
} Index;

static Index *lexicon_index;

Mp2LexKind
mp2_term_get_kind (Mp2Term term)
{
  if (term <= MP2_TERM_OTHER_FIELD)
    return MP2_LEX_FIELD;
  if (term <= MP2_TERM_SECTION_OTHER)
    return MP2_LEX_SECTION;
  if (term <= MP2_TERM_LOCATION_MEETING_POINT)
    return MP2_LEX_LOCATION;
  if (term <= MP2_TERM_COLUMN_DESCRIPTION)
    return MP2_LEX_COLUMN;
  if (term <= MP2_TERM_VALUE_NON_SCENE)
    return MP2_LEX_VALUE;
  if (term == MP2_TERM_DOCUMENT)
    return MP2_LEX_DOCUMENT;
  if (term == MP2_TERM_OTHER_DOCUMENT)
    return MP2_LEX_OTHER_DOCUMENT;
  if (term == MP2_TERM_FOOTER)
    return MP2_LEX_FOOTER;

  return MP2_LEX_TOTAL;
}

/* Labels are looked up by the first four characters of their first word: an
 * inflected form shares at least those ("zbiórka", "zbiórki"). */
static char *
start_key (const char *token)
{
  const char *end = token;

  for (guint i = 0; i < 4 && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  return g_strndup (token, (gsize) (end - token));
}

static void
tokenize_entry (EntryTokens *entry,
                const char  *text)
{
  GArray *tokens = mp2_text_tokenize (text);

  entry->n_tokens = tokens->len;
  entry->tokens = g_new0 (char *, tokens->len + 1);
  for (guint j = 0; j < tokens->len; j++)
    entry->tokens[j] = g_strdup (g_array_index (tokens, Mp2Token, j).norm);
  mp2_tokens_free (tokens);
}

static void
index_entry (Index *index,
             guint  i)
{
  g_autofree char *key = NULL;
  GArray *indices;

  if (index->entries[i].n_tokens == 0)
    return;

  key = start_key (index->entries[i].tokens[0]);
  indices = g_hash_table_lookup (index->by_start, key);
  if (indices == NULL)
    {
      indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index->by_start, g_steal_pointer (&key), indices);
    }
  g_array_append_val (indices, i);
}

static guint
language_bit (const char *language)
{
  static const char *languages[] = { "en", "pl", "de" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      return 1u << i;

  return 1u << G_N_ELEMENTS (languages);
}

/* Which languages have each label: a label of several tells nothing of the sheet's. */
static void
find_shared_entries (Index *index)
{
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
      {
        g_autofree char *words = g_strjoinv (" ", index->entries[i].tokens);
        guint bit = language_bit (lexicon[i].language);
        guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (languages, words));

        if (pass == 0)
          g_hash_table_replace (languages, g_steal_pointer (&words), GUINT_TO_POINTER (seen | bit));
        else
          index->entries[i].shared = (seen & ~bit) != 0;
      }
}

static gpointer
build_index (gpointer data)
{
  Index *index = g_new0 (Index, 1);

  index->entries = g_new0 (EntryTokens, G_N_ELEMENTS (lexicon));
  index->by_start = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
    {
      tokenize_entry (&index->entries[i], lexicon[i].text);
      index_entry (index, i);
    }
  find_shared_entries (index);

  return index;
}

static void
ensure_index (void)
{
  static GOnce once = G_ONCE_INIT;

  lexicon_index = g_once (&once, build_index, NULL);
}

/* Polish and German inflect: "zbiórka" is also "zbiórki", "szpital" "szpitala". */
static gboolean
tokens_match (const char *label,
              const char *token,
              gboolean    inflected)
{
  gsize label_length;
  gsize token_length;
  gsize common = 0;

  if (g_str_equal (label, token))
    return TRUE;
  if (!inflected)
    return FALSE;

  label_length = strlen (label);
  token_length = strlen (token);
  if (label_length < 5 || token_length < label_length - 1 || token_length > label_length + 2)
    return FALSE;

  while (label[common] != '\0' && label[common] == token[common])
    common++;

  return common >= label_length - 1 && common >= 4;
}

static gboolean
entry_matches_at (guint   entry,
                  GArray *tokens,
                  guint   first)
{
  const EntryTokens *et = &lexicon_index->entries[entry];
  gboolean inflected = !g_str_equal (lexicon[entry].language, "en");

  if (et->n_tokens == 0 || first + et->n_tokens > tokens->len)
    return FALSE;

  for (guint i = 0; i < et->n_tokens; i++)
    {
      const Mp2Token *token = &g_array_index (tokens, Mp2Token, first + i);

      if (!tokens_match (et->tokens[i], token->norm, inflected))
        return FALSE;
    }

  return TRUE;
}

static gboolean
entry_is_wanted (guint      entry,
                 Mp2LexKind kind,
                 guint      tables)
{
  const Mp2LexEntry *e = &lexicon[entry];

  if (mp2_term_get_kind (e->term) != kind)
    return FALSE;

  return kind != MP2_LEX_COLUMN || (e->tables & tables) != 0;
}

/**
 * mp2_lexicon_match_at:
 * @tokens: (element-type Mp2Token): the tokens of a text
 * @first: where the label must start
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the longest label found
 *
 * Returns: %TRUE if a label of @kind starts at @first
 */
gboolean
mp2_lexicon_match_at (GArray      *tokens,
                      guint        first,
                      Mp2LexKind   kind,
                      guint        tables,
                      Mp2LexMatch *match)
{
  g_autofree char *key = NULL;
  gboolean found = FALSE;
  GArray *candidates;

  g_return_val_if_fail (tokens != NULL, FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  if (first >= tokens->len)
    return FALSE;

  ensure_index ();
  key = start_key (g_array_index (tokens, Mp2Token, first).norm);
  candidates = g_hash_table_lookup (lexicon_index->by_start, key);

  for (guint c = 0; candidates != NULL && c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);

      if (!entry_is_wanted (i, kind, tables) || !entry_matches_at (i, tokens, first))
        continue;

      if (!found || lexicon_index->entries[i].n_tokens > match->n_tokens)
        {
          match->entry = &lexicon[i];
          match->first = first;
          match->n_tokens = lexicon_index->entries[i].n_tokens;
          found = TRUE;
        }
    }

  return found;
}

/**
 * mp2_lexicon_find:
 * @tokens: (element-type Mp2Token): the tokens of a text
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the first (and there the longest) label found
 *
 * Returns: %TRUE if a label of @kind is anywhere in @tokens
 */
gboolean
mp2_lexicon_find (GArray      *tokens,
                  Mp2LexKind   kind,
                  guint        tables,
                  Mp2LexMatch *match)
{
  g_return_val_if_fail (tokens != NULL, FALSE);

  for (guint i = 0; i < tokens->len; i++)
    if (mp2_lexicon_match_at (tokens, i, kind, tables, match))
      return TRUE;

  return FALSE;
}

/**
 * mp2_lexicon_match_prefix:
 * @text: a text
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the label found
 *
 * Returns: %TRUE if @text starts with a label of @kind
 */
gboolean
mp2_lexicon_match_prefix (const char  *text,
                          Mp2LexKind   kind,
                          guint        tables,
                          Mp2LexMatch *match)
{
  GArray *tokens;
  gboolean found;

  g_return_val_if_fail (text != NULL, FALSE);

  tokens = mp2_text_tokenize (text);
  found = mp2_lexicon_match_at (tokens, 0, kind, tables, match);
  mp2_tokens_free (tokens);

  return found;
}

/**
 * mp2_lexicon_match_whole:
 * @text: a text
 * @kind: what kind of label
 * @tables: for columns, the #Mp2TableKind flags wanted
 * @match: (out): the label found
 *
 * Returns: %TRUE if @text is a label of @kind and nothing else
 */
gboolean
mp2_lexicon_match_whole (const char  *text,
                         Mp2LexKind   kind,
                         guint        tables,
                         Mp2LexMatch *match)
{
  GArray *tokens;
  gboolean found;

  g_return_val_if_fail (text != NULL, FALSE);

  tokens = mp2_text_tokenize (text);
  found = mp2_lexicon_match_at (tokens, 0, kind, tables, match)
          && match->n_tokens == tokens->len;
  mp2_tokens_free (tokens);

  return found;
}

/**
 * mp2_lexicon_entry_is_shared:
 * @entry: an entry of the lexicon
 *
 * Returns: %TRUE if the same label exists in another language ("Catering",
 *   "Transport"), so that it tells nothing about the sheet's language
 */
gboolean
mp2_lexicon_entry_is_shared (const Mp2LexEntry *entry)
{
  gsize index;

  g_return_val_if_fail (entry >= lexicon && entry < lexicon + G_N_ELEMENTS (lexicon), FALSE);

  ensure_index ();
  index = (gsize) (entry - lexicon);

  return lexicon_index->entries[index].shared;
}
