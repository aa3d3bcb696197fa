#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/bench-parse.sh DIR [RUNS]
#
# Reads every PDF of DIR RUNS times (default 21) with mp2-callsheet and with
# `pdftotext -layout` in the same run, and prints for each file and in total the
# median wall time of both, their ratio, the in-process time of one read with a
# warm library (tests/bench/bench-parse), and the peak memory of mp2-callsheet.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"
dir=${1:?usage: $0 DIR [RUNS]}
runs=${2:-21}

command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install poppler-utils" >&2; exit 1; }
[ -f "$build/build.ninja" ] || meson setup "$build" "$top" --buildtype=debugoptimized >/dev/null
meson compile -C "$build" mp2-callsheet bench-parse >/dev/null

mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.pdf' -size +0 | sort)
in_process=$("$build/tests/bench/bench-parse" "$runs" "${files[@]}")

/usr/bin/python3 - "$build/src/tools/mp2-callsheet" "$runs" "$in_process" "${files[@]}" <<'PY'
import os, statistics, sys, time

tool, runs, in_process, files = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
warm = dict(line.split("\t") for line in in_process.splitlines())
devnull = os.open(os.devnull, os.O_WRONLY)

def run(argv):
    """Wall time and peak RSS (kB) of one run, spawned directly."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                       (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, _, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss

pdftotext = next(os.path.join(d, "pdftotext") for d in os.environ["PATH"].split(":")
                 if os.access(os.path.join(d, "pdftotext"), os.X_OK))
print(f"{'file':24} {'mp2-callsheet':>14} {'pdftotext':>10} {'ratio':>6} {'in-process':>11} {'peak RSS':>9}")
total_a = total_b = total_warm = 0.0
peak = 0
for path in files:
    ours, theirs, rss = [], [], 0
    for _ in range(runs):
        # alternate, so that both see the same state of the machine
        t, r = run([tool, path]); ours.append(t); rss = max(rss, r)
        t, _ = run([pdftotext, "-layout", path, "/dev/null"]); theirs.append(t)
    a, b = statistics.median(ours), statistics.median(theirs)
    w = float(warm[path])
    total_a += a; total_b += b; total_warm += w; peak = max(peak, rss)
    print(f"{os.path.basename(path):24} {a * 1000:11.2f} ms {b * 1000:7.2f} ms {a / b:6.2f} "
          f"{w:8.2f} ms {rss / 1024:6.1f} MB")
print(f"{'total':24} {total_a * 1000:11.2f} ms {total_b * 1000:7.2f} ms {total_a / total_b:6.2f} "
      f"{total_warm:8.2f} ms {peak / 1024:6.1f} MB")
print(f"in-process peak RSS after all files: {int(warm['peak-rss-kb']) / 1024:.1f} MB; "
      f"{runs} runs each, medians")
PY
