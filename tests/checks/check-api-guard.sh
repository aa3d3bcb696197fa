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

# On Debian 12 the newer functions above do not exist at all, so they fail whatever
# the caps. That the caps themselves reject API that the installed library does have
# (as on a newer Flatpak runtime) is shown one version lower: capped at GTK 4.6 and
# GLib 2.72, their 4.8 and 2.74 API must fail with the same mechanism.
lowered=()
for flag in "$@"; do
  flag=${flag/GDK_VERSION_4_8/GDK_VERSION_4_6}
  flag=${flag/GLIB_VERSION_2_74/GLIB_VERSION_2_72}
  lowered+=("$flag")
done
expect fails "GTK 4.8 API capped at 4.6 (gdk_file_list_new_from_list)" \
  "gdk_file_list_new_from_list (NULL);" "${lowered[@]}"
expect fails "GLib 2.74 API capped at 2.72 (g_ptr_array_new_null_terminated)" \
  "g_ptr_array_unref (g_ptr_array_new_null_terminated (0, NULL, TRUE));" "${lowered[@]}"
if grep -q "not available before\|Not available before" "$tmp/log"; then
  echo "# ok: the caps report the API as not available before its version"
else
  echo "FAIL: the lowered caps did not reject the API as too new"
  status=1
fi
exit $status
