#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# mp2-fake-browser-install.sh [BROWSER]
#
# Makes BROWSER (by default mp2-fake-browser.sh beside this script) the default
# handler of http and https URLs for the private session of a test or the demo:
# a desktop file in $XDG_DATA_HOME/applications (where GIO looks for applications)
# and the default in $XDG_CONFIG_HOME/mimeapps.list (where GIO looks for defaults).
# Both variables must be set, so that a real home is never touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
browser=${1:-$here/mp2-fake-browser.sh}
: "${XDG_DATA_HOME:?set XDG_DATA_HOME to the private session's folder}"
: "${XDG_CONFIG_HOME:?set XDG_CONFIG_HOME to the private session's folder}"

mkdir -p "$XDG_DATA_HOME/applications" "$XDG_CONFIG_HOME"
cat >"$XDG_DATA_HOME/applications/mp2-fake-browser.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=MP2 fake browser
Exec="$browser" %u
NoDisplay=true
Terminal=false
MimeType=x-scheme-handler/http;x-scheme-handler/https;
DESKTOP

cat >"$XDG_CONFIG_HOME/mimeapps.list" <<MIMEAPPS
[Default Applications]
x-scheme-handler/http=mp2-fake-browser.desktop
x-scheme-handler/https=mp2-fake-browser.desktop

[Added Associations]
x-scheme-handler/http=mp2-fake-browser.desktop;
x-scheme-handler/https=mp2-fake-browser.desktop;
MIMEAPPS
