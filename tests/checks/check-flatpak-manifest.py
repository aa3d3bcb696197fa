#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses, builds what we need in order, pins every source, and
every permission it asks for is explained in README.md.

usage: check-flatpak-manifest.py SOURCE_ROOT
"""
import json
import os
import re
import sys

MODULES = ["libical", "evolution-data-server", "poppler-data", "poppler", "mp2-film-schedule"]


def check_source(module, source, failures):
    kind = source.get("type")
    if kind in ("archive", "file"):
        if not source.get("url", "").startswith("https://"):
            failures.append(f"{module}: source without an https URL")
        if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            failures.append(f"{module}: {source.get('url')} is not pinned with a sha256")
    elif kind == "git":
        if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
            failures.append(f"{module}: git source without a pinned commit")
    elif kind == "dir":
        if module != "mp2-film-schedule":
            failures.append(f"{module}: a local folder is only for the app itself")
    else:
        failures.append(f"{module}: source type {kind!r} cannot be pinned")


def main(root):
    failures = []
    with open(os.path.join(root, "flatpak", "com.mp2.FilmSchedule.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        readme = f.read()

    if manifest.get("id") != "com.mp2.FilmSchedule":
        failures.append("the app id is not com.mp2.FilmSchedule")
    if (manifest.get("runtime"), manifest.get("runtime-version"), manifest.get("sdk")) != \
            ("org.gnome.Platform", "50", "org.gnome.Sdk"):
        failures.append("the runtime is not GNOME 50")

    names = [module["name"] for module in manifest.get("modules", [])]
    if names != MODULES:
        failures.append(f"modules are {names}, expected {MODULES}")

    for module in manifest.get("modules", []):
        if not module.get("sources"):
            failures.append(f"{module['name']}: no sources")
        for source in module.get("sources", []):
            check_source(module["name"], source, failures)

    app = manifest["modules"][-1]
    if app.get("buildsystem") != "meson" or not app.get("run-tests"):
        failures.append("the app is not built with meson and run-tests")

    for permission in manifest.get("finish-args", []):
        if f"`{permission}`" not in readme:
            failures.append(f"README.md does not explain the permission {permission}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"# {len(names)} modules, {len(manifest.get('finish-args', []))} permissions")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
