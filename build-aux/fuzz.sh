#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/fuzz.sh TARGET SECONDS [LIBFUZZER ARG…]
#
# Fuzzes one target (parse-text, pdf or call-sheet-json) with libFuzzer under
# AddressSanitizer and UndefinedBehaviorSanitizer for SECONDS, starting from seeds
# made of the test data. The corpus grows in _fuzz/corpus/TARGET; a crash, leak or
# hang is written to _fuzz/artifacts/ — copy it into tests/data/fuzz/TARGET/ once
# fixed, so that the test suite replays it.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=${1:?usage: $0 TARGET SECONDS}
seconds=${2:?usage: $0 TARGET SECONDS}
shift 2
build="$top/_build-fuzz"
work="$top/_fuzz"

case "$target" in
  parse-text|pdf|call-sheet-json) ;;
  *) echo "unknown target $target: parse-text, pdf or call-sheet-json" >&2; exit 2 ;;
esac

for tool in clang pdftotext; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing: apt-get install clang libclang-rt-14-dev poppler-utils" >&2
    exit 1
  }
done

if [ ! -f "$build/build.ninja" ]; then
  # Coverage for the whole library, not only the targets.
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dsession_tests=false \
    -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debugoptimized \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
meson compile -C "$build" "fuzz-$target" >/dev/null

seeds="$work/seeds/$target"
corpus="$work/corpus/$target"
mkdir -p "$seeds" "$corpus" "$work/artifacts"
cp -n "$top/tests/data/fuzz/$target/"* "$seeds/" 2>/dev/null || true
case "$target" in
  pdf)
    cp -n "$top"/tests/data/callsheets/*.pdf "$seeds/" ;;
  parse-text)
    for pdf in "$top"/tests/data/callsheets/*.pdf; do
      out="$seeds/$(basename "$pdf" .pdf).txt"
      [ -f "$out" ] || pdftotext -layout "$pdf" "$out" 2>/dev/null || true
    done ;;
  call-sheet-json)
    cp -n "$top"/tests/data/callsheets/*.json "$seeds/" ;;
esac

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/tests/fuzz/lsan.supp:print_suppressions=0}

exec "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=3072 -max_len=$([ "$target" = pdf ] && echo 400000 || echo 65536) \
  -artifact_prefix="$work/artifacts/$target-" -print_final_stats=1 "$@" "$corpus" "$seeds"
