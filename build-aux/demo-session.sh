#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/demo-session.sh BUILD_DIR [ARG…]
#
# The inside of `build-aux/dev.sh demo`, run in a private session (build-aux/session.sh):
# starts the fake Google of tests/fakes on 127.0.0.1 with the sample mailbox of
# tests/data/mailbox, makes a stand-in for the browser the handler of http URLs (it
# answers Google's consent page with "Allow"), and starts the app pointed at the fake.
# Beside it, the fake map and weather services (tests/fakes/mp2-fake-places: Nominatim
# and Google geocoding that find any address at a made-up place in Warsaw, OSRM and
# Google Routes that measure each route from its places, Open-Meteo and OpenWeatherMap
# with a mild day anywhere) and a home address in Warsaw, so that every day of the
# mailbox is planned: wake-up, leave, route and weather, without any key.
# Everything — the fake's mails and calendar, the app's days, the keyring — lives in
# the session's temporary folder and is gone when the app closes.
set -euo pipefail

build=${1:?usage: demo-session.sh BUILD_DIR [ARG…]}
shift
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$top/tests/fakes/mp2-fake-browser-install.sh"

url_file="$MP2_SESSION_DIR/fake-google.url"
"$build/tests/fakes/mp2-fake-google" --mailbox "$top/tests/data/mailbox" --print-url \
  >"$url_file" 2>"$MP2_SESSION_DIR/fake-google.log" &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  [ -s "$url_file" ] && break
  if ! kill -0 "$fake_pid" 2>/dev/null; then
    cat "$MP2_SESSION_DIR/fake-google.log" >&2
    echo "The fake Google did not start" >&2
    exit 1
  fi
  sleep 0.1
done
url=$(head -n 1 "$url_file")
if [ -z "$url" ]; then
  echo "The fake Google did not say where it listens" >&2
  exit 1
fi

# The fake map and weather services print one VARIABLE=URL a line. The sample
# mailbox's days are mostly past: the fake weather goes back far enough for them.
places_file="$MP2_SESSION_DIR/fake-places.env"
"$build/tests/fakes/mp2-fake-places" --past-days 5000 \
  >"$places_file" 2>"$MP2_SESSION_DIR/fake-places.log" &
places_pid=$!
trap 'kill "$fake_pid" "$places_pid" 2>/dev/null || true
      wait "$fake_pid" "$places_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ "$(grep -c '^MP2_.*_URL=http' "$places_file" 2>/dev/null)" -ge 6 ] && break
  if ! kill -0 "$places_pid" 2>/dev/null; then
    cat "$MP2_SESSION_DIR/fake-places.log" >&2
    echo "The fake map and weather services did not start" >&2
    exit 1
  fi
  sleep 0.1
done
while IFS='=' read -r name value; do
  case "$name" in
    MP2_NOMINATIM_URL|MP2_GEOCODING_URL|MP2_OSRM_URL|MP2_ROUTES_URL|MP2_OPEN_METEO_URL|\
    MP2_OPENWEATHERMAP_URL)
      export "$name=$value" ;;
  esac
done <"$places_file"
if [ -z "${MP2_OPEN_METEO_URL:-}" ] || [ "${MP2_NOMINATIM_URL:-}" = "${MP2_OSRM_URL:-}" ]; then
  echo "The fake map and weather services did not say where they listen" >&2
  exit 1
fi

# The app talks to the fake for sign-in, Gmail and Calendar; with these set (and only
# then) it accepts plain http on 127.0.0.1 and the fake's OAuth client.
export MP2_OAUTH_URL="$url" MP2_GMAIL_URL="$url" MP2_CALENDAR_URL="$url"
export MP2_GOOGLE_CLIENT_ID=mp2-fake-client.apps.googleusercontent.com
export MP2_GOOGLE_CLIENT_SECRET=mp2-fake-client-secret

# Confirmed days go to the fake's Google Calendar (the user's primary calendar), so
# that the whole Google path is tried; Preferences → Calendar can choose GNOME's
# instead. The settings are a key file of the session, so that they can be set here.
export GSETTINGS_BACKEND=keyfile
gsettings set com.mp2.FilmSchedule target-calendar "google:filmowiec@example.com"
# A home to plan from: the fake geocoder finds it (and every set) in Warsaw.
gsettings set com.mp2.FilmSchedule home-address "ul. Marszałkowska 140, 00-061 Warszawa"

printf '\033[1m==> %s\033[0m\n' \
  "The fake Google listens on $url with the sample mailbox: sign in from the welcome page or Preferences → Mail" >&2
printf '\033[1m==> %s\033[0m\n' \
  "Fake maps and weather plan the days from the home in Preferences → Planning (their keys: $MP2_SESSION_DIR/fake-places.log)" >&2
# The app runs beside this script, which passes a request to stop on to it (the
# fake goes with the script).
"$build/src/mp2-film-schedule" "$@" &
app_pid=$!
trap 'kill -TERM "$app_pid" 2>/dev/null || true' TERM INT
status=0
wait "$app_pid" || status=$?
if kill -0 "$app_pid" 2>/dev/null; then
  # a signal ended the first wait: the app is closing
  status=0
  wait "$app_pid" || status=$?
fi
exit "$status"
