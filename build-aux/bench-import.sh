#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/bench-import.sh [COUNT] [DIR]
#
# Shows the main window in a private session (build-aux/session.sh), imports COUNT
# distinct call sheets at once (default 50, made from the PDFs of DIR, by default the
# test corpus) and prints how late a 5 ms timeout on the main loop came, with the
# same probe on an idle main loop as the reference of the same run. The main loop
# must never wait on I/O: the maximum should stay under 50 ms.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"
count=${1:-50}
dir=${2:-$top/tests/data/callsheets}

[ -f "$build/build.ninja" ] || meson setup "$build" "$top" --buildtype=debugoptimized >/dev/null
meson compile -C "$build" bench-import >/dev/null

mapfile -t files < <(find "$dir" -maxdepth 1 -name 'T*.pdf' | sort)
export GSETTINGS_SCHEMA_DIR="$build/data" MP2_LOCALEDIR="$build/po"
exec "$top/build-aux/session.sh" "$build/tests/bench/bench-import" "$count" "${files[@]}"
