#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/bench-sync.sh [COUNT] [LATENCY_MS]
#
# The first Gmail sync of COUNT call-sheet mails (default 500) from the fake Google,
# which adds LATENCY_MS (default 30) to every answer, through the app's Gmail source
# and pipeline into a store in a temporary folder, in a private session
# (build-aux/session.sh: the keyring holds the account's token). Prints the wall
# time, the floor that the rate limit and the concurrency set and how it is worked
# out, their ratio (target ≤ 1.2), a reference of the same run (plain libsoup sending
# the same requests through the same token bucket), and the requests of an idle poll
# after the sync (target 1). Exits with 1 when either target is missed. Not a test of
# the suite: it takes over a minute at the defaults.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"
count=${1:-500}
latency=${2:-30}

[ -f "$build/build.ninja" ] || meson setup "$build" "$top" --buildtype=debugoptimized >/dev/null
meson compile -C "$build" bench-sync >/dev/null

export GSETTINGS_SCHEMA_DIR="$build/data" MP2_LOCALEDIR="$build/po" GSETTINGS_BACKEND=memory
exec "$top/build-aux/session.sh" "$build/tests/bench/bench-sync" "$count" "$latency" \
  "$top/tests/data/callsheets"
