#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands a newcomer needs, on a fresh Debian 12 machine:
#
#   build-aux/dev.sh run [ARG…]    install what is missing, build, start the app from
#                                  the build tree (ARG… go to the app: a PDF to open,
#                                  or --import PDF… for the running instance)
#   build-aux/dev.sh demo [ARG…]   install what is missing, build, start the app in a
#                                  private session against a fake Google on 127.0.0.1
#                                  with a sample mailbox (no Google account needed;
#                                  see README.md for what is real and what is faked)
#   build-aux/dev.sh test [ARG…]   install what is missing, build, run every test
#                                  suite in a private session, then the core suite
#                                  again under ASan+UBSan (ARG… go to meson test and
#                                  skip the sanitizer pass); ends with the line
#                                  "N passed, N failed"
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"
# The core suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer:
# the reader takes untrusted PDFs, so every test of it also runs under the sanitizers.
build_asan="$top/_build-asan"

build_packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libpoppler-glib-dev libsecret-1-dev libecal2.0-dev libedataserver1.2-dev libcamel1.2-dev
  libnotify-dev
  libsqlite3-dev desktop-file-utils appstream
)
run_packages=(
  xvfb xauth dbus dbus-x11 gnome-keyring evolution-data-server tzdata
)
test_packages=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools evolution-data-server
  libnotify-bin poppler-utils imagemagick at-spi2-core python3 python3-gi tzdata libglib2.0-bin
  gir1.2-atspi-2.0 python3-pyatspi radicale gir1.2-ecal-2.0 gir1.2-edataserver-1.2 xdotool curl
)
# Node.js and npm run oidc-provider for tests/google/test-oidc-sign-in: Debian's, unless
# a node is there already (NodeSource's brings its own npm).
if ! command -v node >/dev/null; then
  test_packages+=(nodejs npm)
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

missing_packages() {
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
      printf '%s\n' "$package"
    fi
  done
}

ensure_packages() {
  local missing sudo=()
  mapfile -t missing < <(missing_packages "$@" | sort -u)
  [ ${#missing[@]} -eq 0 ] && return 0

  say "Installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >/dev/null
}

configure_and_build() {
  if [ ! -f "$build/build.ninja" ]; then
    say "Configuring into _build"
    meson setup "$build" "$top" --buildtype=debugoptimized
  fi
  say "Building"
  meson compile -C "$build"
}

# Point the app at the schemas, catalogs and data it has just built.
export_build_tree_environment() {
  export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  export MP2_LOCALEDIR="$build/po"
}

command_run() {
  ensure_packages "${build_packages[@]}" "${run_packages[@]}"
  configure_and_build
  export_build_tree_environment

  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display here: starting the app in a private virtual X session (Xvfb)"
    exec "$top/build-aux/session.sh" "$build/src/mp2-film-schedule" "$@"
  fi

  say "Starting Film Schedule"
  exec "$build/src/mp2-film-schedule" "$@"
}

# meson writes one JSON object per test to testlog.json; count them as meson does,
# over every build that ran. A build whose log is missing counts as one failure.
print_summary() {
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
passed = failed = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                else:
                    failed += 1
    except FileNotFoundError:
        print(f"no test log at {path}", file=sys.stderr)
        failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
}

run_sanitized_core_tests() {
  if [ ! -f "$build_asan/build.ninja" ]; then
    say "Configuring into _build-asan (AddressSanitizer + UndefinedBehaviorSanitizer)"
    meson setup "$build_asan" "$top" --buildtype=debug \
      -Db_sanitize=address,undefined -Db_lundef=false -Dsession_tests=false
  fi
  say "Running the core suite under the sanitizers"
  rm -f "$build_asan/meson-logs/testlog.json"
  # fast_unwind_on_malloc=0: the system libraries have no frame pointers, and the
  # leak suppressions (one-time caches of fontconfig, poppler and GType) only match
  # whole stacks.
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=0 \
  LSAN_OPTIONS="suppressions=$top/tests/fuzz/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    meson test -C "$build_asan" --suite core --print-errorlogs --timeout-multiplier 4 || true
}

command_test() {
  ensure_packages "${build_packages[@]}" "${test_packages[@]}"
  configure_and_build
  export_build_tree_environment
  # A real OAuth 2.0 server for the sign-in test, into _build/oidc; without it that
  # test fails and says why.
  "$top/build-aux/oidc-provider.sh" "$build" ||
    say "oidc-provider could not be installed: test-oidc-sign-in will fail"

  say "Running the tests in a private session"
  rm -f "$build/meson-logs/testlog.json"
  "$top/build-aux/session.sh" meson test -C "$build" --print-errorlogs "$@" || true

  # Arguments pick tests from the main build; the sanitizer pass runs on a full run.
  if [ $# -eq 0 ]; then
    run_sanitized_core_tests
    print_summary "$build/meson-logs/testlog.json" "$build_asan/meson-logs/testlog.json"
  else
    print_summary "$build/meson-logs/testlog.json"
  fi
}

command_demo() {
  ensure_packages "${build_packages[@]}" "${run_packages[@]}" curl libglib2.0-bin
  configure_and_build
  export_build_tree_environment

  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display here: the demo runs in a virtual X session (Xvfb)"
  fi
  say "Starting the demo: a fake Google with a sample mailbox, fake maps and weather, the app"
  MP2_SESSION_KEEP_DISPLAY=1 exec "$top/build-aux/session.sh" \
    "$top/build-aux/demo-session.sh" "$build" "$@"
}

case "${1:-}" in
  run)
    shift
    command_run "$@"
    ;;
  demo)
    shift
    command_demo "$@"
    ;;
  test)
    shift
    command_test "$@"
    ;;
  *)
    echo "usage: $0 run [ARG…] | demo [ARG…] | test [MESON TEST ARG…]" >&2
    exit 2
    ;;
esac
