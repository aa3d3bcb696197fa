#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# mp2-test-browser.sh URL
#
# The web browser of the sign-in tests, registered for x-scheme-handler/http in the
# test's own XDG folders by tests/google/mp2-test-browser.c. Like a browser, it
# follows redirects with a cookie jar, from the consent page to the app's loopback
# address, and it leaves what it saw in $MP2_TEST_BROWSER_DIR:
#   authorization  the address it was opened at
#   callback       the address that takes the answer back to the app (code= or error=)
#   page, status   the last page's body and HTTP status
#   done           written last
# $MP2_TEST_BROWSER_MODE: "follow" (the default); "tamper-state": the way back
# carries another state, as another tab's answer would; "stop": the way back is
# written down, not visited.
set -u

dir=${MP2_TEST_BROWSER_DIR:?}
mode=${MP2_TEST_BROWSER_MODE:-follow}
url=$1
exec >>"$dir/log" 2>&1

printf '%s\n' "$url" >"$dir/authorization"
hops=0
while [ "$hops" -lt 20 ]; do
  case "$url" in
    *'?code='* | *'&code='* | *'?error='* | *'&error='*)
      if [ "$mode" = tamper-state ]; then
        url=$(printf '%s' "$url" | sed 's/\([?&]state=\)[^&]*/\1another-tabs-state/')
      fi
      printf '%s\n' "$url" >"$dir/callback"
      [ "$mode" = stop ] && break
      ;;
  esac
  if ! next=$(curl -sS --max-time 60 -b "$dir/cookies" -c "$dir/cookies" -o "$dir/page" \
                   -w '%{http_code} %{redirect_url}' "$url"); then
    echo "the browser could not open $url" >"$dir/error"
    break
  fi
  printf '%s\n' "${next%% *}" >"$dir/status"
  url=${next#* }
  [ -z "$url" ] && break
  hops=$((hops + 1))
done
: >"$dir/done"
