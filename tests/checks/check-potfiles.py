#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists exactly the files that have translatable strings.

usage: check-potfiles.py SOURCE_ROOT
"""
import os
import re
import sys

MARKERS = re.compile(r'(\b_\(|\bN_\(|\bC_\(|\bNC_\(|\bg_dngettext\b|translatable="yes")')
ALWAYS = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")


def translatable_files(root):
    for top in ("src", "data"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, root)
                if name.endswith(ALWAYS):
                    yield relative
                elif name.endswith((".c", ".h", ".ui")):
                    with open(path, encoding="utf-8") as source:
                        if MARKERS.search(source.read()):
                            yield relative


def main(root):
    listed = [line.strip() for line in open(os.path.join(root, "po", "POTFILES.in"))
              if line.strip() and not line.startswith("#")]
    failures = []
    for path in sorted(set(translatable_files(root)) - set(listed)):
        failures.append(f"{path} has translatable strings but is not in po/POTFILES.in")
    for path in listed:
        if not os.path.exists(os.path.join(root, path)):
            failures.append(f"po/POTFILES.in lists {path}, which does not exist")
    if listed != sorted(listed):
        failures.append("po/POTFILES.in is not sorted")
    for failure in failures:
        print("FAIL:", failure)
    print(f"# {len(listed)} files listed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
