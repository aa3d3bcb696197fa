#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every catalogue in po/LINGUAS is valid and complete for the sources as they are now.

usage: check-translations.py SOURCE_ROOT

Extracts a fresh template from the files in po/POTFILES.in (the keywords of meson's
glib preset), merges each catalogue with it in a temporary folder and fails when a
message is untranslated or fuzzy, or when msgfmt --check finds an error.
"""
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3"]


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def main(root):
    po_dir = os.path.join(root, "po")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "template.pot")
        args = ["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=check",
                "-D", root, "--files-from", os.path.join(po_dir, "POTFILES.in"), "-o", pot]
        args += ["--keyword=" + keyword for keyword in KEYWORDS]
        run(args)

        languages = [line.strip() for line in open(os.path.join(po_dir, "LINGUAS"))
                     if line.strip() and not line.startswith("#")]
        if not languages:
            failures.append("po/LINGUAS lists no language")

        for language in languages:
            po = os.path.join(po_dir, language + ".po")
            result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                failures.append(f"{language}.po: msgfmt --check failed:\n{result.stderr}")
                continue

            merged = os.path.join(tmp, language + ".po")
            run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot])
            untranslated = run(["msgattrib", "--untranslated", "--no-obsolete", merged]).stdout
            fuzzy = run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged]).stdout
            missing = [m for m in re.findall(r'^msgid "(.*)"$', untranslated, re.M) if m]
            missing += [m.replace('"\n"', "") for m in
                        re.findall(r'^msgid ""\n((?:".*"\n)+)', untranslated, re.M)]
            if missing:
                failures.append(f"{language}.po: {len(missing)} untranslated: " +
                                "; ".join(missing[:10]))
            if re.search(r"^#,.*fuzzy", fuzzy, re.M):
                failures.append(f"{language}.po has fuzzy messages")
            print(f"# {language}: {result.stderr.strip()}")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
