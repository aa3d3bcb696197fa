#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# mp2-fake-browser.sh URL
#
# Stands in for the desktop's web browser in the demo and the UI tests: registered as
# the x-scheme-handler/http handler (see mp2-fake-browser-install.sh), it gets the
# authorization URL that the app opens with g_app_info_launch_default_for_uri, GETs
# it from the fake Google (the user "consents" at once), and follows the 302 to the
# app's loopback redirect. One line per URL goes to $MP2_FAKE_BROWSER_LOG if set:
#   URL REDIRECT STATUS      (or URL - ERROR)
set -u

url=${1:?usage: mp2-fake-browser.sh URL}
log=${MP2_FAKE_BROWSER_LOG:-/dev/null}

say() {
  printf '%s\n' "$*" >>"$log"
}

location=$(curl --silent --show-error --max-time 30 --output /dev/null \
  --write-out '%{redirect_url}' -- "$url" 2>&1) || {
  say "$url - $location"
  exit 1
}
if [ -z "$location" ]; then
  say "$url - no redirect"
  exit 1
fi

status=$(curl --silent --show-error --max-time 30 --output /dev/null \
  --write-out '%{http_code}' -- "$location" 2>&1) || {
  say "$url $location $status"
  exit 1
}
say "$url $location $status"
