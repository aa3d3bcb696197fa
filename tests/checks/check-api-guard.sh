#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-api-guard.sh CC [CFLAG…]
#
# The version caps work: with the project's own flags a call to API newer than
# GTK 4.8 / libadwaita 1.2 / GLib 2.74 fails to compile, while the same program
# with an API of those versions compiles.
set -u
cc=$1
shift
packages="gtk4 libadwaita-1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

compile() {
  local code=$1
  shift
  printf '%s\n' "#include <adwaita.h>" "int f (void);" "int f (void) { $code return 0; }" >"$tmp/probe.c"
  # shellcheck disable=SC2046
  "$cc" "$@" $(pkg-config --cflags $packages) -c "$tmp/probe.c" -o "$tmp/probe.o" 2>"$tmp/log"
}

status=0
expect() {
  local want=$1 what=$2 code=$3
  shift 3
  if compile "$code" "$@"; then got=compiles; else got=fails; fi
  if [ "$got" = "$want" ]; then
    echo "# ok: $what $got"
  else
    echo "FAIL: $what $got, expected it to ${want%s}"
    sed 's/^/#   /' "$tmp/log"
    status=1
  fi
}

expect compiles "GTK 4.8 API (GtkFileChooserNative)" \
  "g_object_unref (gtk_file_chooser_native_new (NULL, NULL, 0, NULL, NULL));" "$@"
expect fails "GTK 4.10 API (gtk_file_dialog_new)" "g_object_unref (gtk_file_dialog_new ());" "$@"
expect fails "GTK 4.12 API (gtk_css_provider_load_from_string)" \
  "gtk_css_provider_load_from_string (NULL, \"\");" "$@"
expect fails "libadwaita 1.4 API (adw_toolbar_view_new)" "(void) adw_toolbar_view_new ();" "$@"
expect fails "libadwaita 1.3 API (adw_banner_new)" "(void) adw_banner_new (\"\");" "$@"
expect fails "GLib 2.76 API (g_string_free_and_steal)" \
  "g_free (g_string_free_and_steal (g_string_new (NULL)));" "$@"
exit $status
