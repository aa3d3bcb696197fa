#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/session.sh COMMAND [ARG…]
#
# Runs COMMAND inside a private desktop session made only of what the tests need:
# a virtual X display (Xvfb), a private D-Bus session bus that can start only
# evolution-data-server and the accessibility bus, and an unlocked gnome-keyring.
# HOME and the XDG folders point into a temporary folder that is removed afterwards,
# so nothing of the user's own session is read or changed.
#
# With MP2_SESSION_KEEP_DISPLAY=1 and a display there (build-aux/dev.sh demo), the
# windows go to that display instead of Xvfb; everything else stays private.
set -euo pipefail

if [ "${1:-}" = "--inner" ]; then
  shift
  # Inside Xvfb and the private bus: start the keyring and wait until it serves.
  printf 'test-keyring-pw' | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$MP2_SESSION_DIR/keyring.log" 2>&1 &
  keyring_pid=$!
  for _ in $(seq 1 200); do
    if gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
         -m org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; then
      break
    fi
    sleep 0.05
  done
  status=0
  "$@" || status=$?
  kill "$keyring_pid" 2>/dev/null || true
  wait "$keyring_pid" 2>/dev/null || true
  exit "$status"
fi

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/mp2-session.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/home" "$T/config" "$T/data" "$T/cache" "$T/run" "$T/services"
chmod 700 "$T/run"

keep_display=
if [ -n "${MP2_SESSION_KEEP_DISPLAY:-}" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  keep_display=1
  # The display's socket and cookie are found through the real runtime folder and
  # home, which are about to be replaced.
  if [ -n "${WAYLAND_DISPLAY:-}" ] && [ "${WAYLAND_DISPLAY#/}" = "$WAYLAND_DISPLAY" ]; then
    export WAYLAND_DISPLAY="${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/$WAYLAND_DISPLAY"
  fi
  if [ -z "${XAUTHORITY:-}" ] && [ -f "$HOME/.Xauthority" ]; then
    export XAUTHORITY="$HOME/.Xauthority"
  fi
fi

export MP2_SESSION_DIR=$T
export HOME=$T/home XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data \
       XDG_CACHE_HOME=$T/cache XDG_RUNTIME_DIR=$T/run
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=0 GTK_A11Y=atspi
unset DBUS_SESSION_BUS_ADDRESS
if [ -z "$keep_display" ]; then
  export GDK_BACKEND=x11 GSK_RENDERER=cairo
  unset DISPLAY WAYLAND_DISPLAY
fi

# Only the services the tests need: the stock configuration would start desktop
# portals (which fail here) and a keyring with the real home.
for service in org.gnome.evolution.dataserver.Sources5 org.gnome.evolution.dataserver.Calendar8 \
               org.gnome.evolution.dataserver.AddressBook10 org.a11y.Bus; do
  if [ -f "/usr/share/dbus-1/services/$service.service" ]; then
    cp "/usr/share/dbus-1/services/$service.service" "$T/services/"
  fi
done
sed "s|<standard_session_servicedirs */>|<servicedir>$T/services</servicedir>|" \
  /usr/share/dbus-1/session.conf >"$T/session.conf"

status=0
if [ -n "$keep_display" ]; then
  dbus-run-session --config-file="$T/session.conf" -- "$0" --inner "$@" || status=$?
else
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session --config-file="$T/session.conf" -- "$0" --inner "$@" || status=$?
fi
exit "$status"
