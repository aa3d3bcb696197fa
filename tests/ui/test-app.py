#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real app in a real window under Xvfb, driven through accessibility, the way a
screen reader or keyboard user reaches it.

usage: test-app.py APP CALLSHEETS_DIR OUT_DIR PL_PO

Prints TAP. Screenshots of the welcome page, the list of days, a day's page and
the original PDF beside it go to OUT_DIR. A day is corrected and confirmed through
the screen, and the event is then read back from evolution-data-server. A second run
with LANGUAGE=pl checks that no English string of ours is left on screen.
"""
import json
import os
import re
import subprocess
import sys
import time

import gi

import atspi_helpers
from atspi_helpers import (check_control_names, find, find_frame_gone, find_label_starting,
                           frames, is_showing, open_from_menu, press, results, screenshot,
                           stop_app, tap, type_into, wait_for, walk)

gi.require_version("EDataServer", "1.2")
gi.require_version("ECal", "2.0")
from gi.repository import ECal, EDataServer  # noqa: E402

APP, DATA, OUT, PL_PO = sys.argv[1:5]
atspi_helpers.screenshot_dir = OUT


def start_app(env, *args):
    return subprocess.Popen([APP, *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def remote(env, *args):
    """Runs a second instance, which hands its arguments to the first and exits."""
    try:
        done = subprocess.run([APP, *args], env=env, capture_output=True, text=True, timeout=20)
        return done.returncode, done.stderr
    except subprocess.TimeoutExpired:
        return None, "timed out"


def calendar_events():
    """The events of the default calendar, straight from evolution-data-server:
    (summary, start "HH:MM", number of alarms)."""
    registry = EDataServer.SourceRegistry.new_sync(None)
    source = registry.ref_default_calendar()
    client = ECal.Client.connect_sync(source, ECal.ClientSourceType.EVENTS, 30, None)
    ok, components = client.get_object_list_as_comps_sync("#t", None)
    events = []
    for component in components or []:
        start = component.get_dtstart().get_value()
        events.append((component.get_summary().get_value(),
                       f"{start.get_hour():02d}:{start.get_minute():02d}",
                       len(component.get_alarm_uids())))
    return events


def text_value(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return None


def plan_follows(frame, sheet_name):
    """Without network (the map and weather services are a closed port) and without a
    home address, as for a newcomer offline: the day shows the sheet's own times, says
    that the plan follows and why, and shows no made-up plan."""
    with open(os.path.join(DATA, sheet_name + ".json"), encoding="utf-8") as file:
        crew_call = json.load(file)["crew_call"]
    field = find("text", "Crew Call", root=frame)
    tap(field is not None and text_value(field) == crew_call,
        "offline, the day shows the sheet's own crew call",
        f"Crew Call: {text_value(field) if field is not None else None!r}, sheet: {crew_call}")

    follows = find("label", "Your wake-up and leave times follow once these are solved.",
                   root=frame, timeout=60)
    retried = find("label", "It is tried again by itself once the service can be reached.",
                   root=frame, timeout=5)
    home = find("list item", "Add your home address in Preferences to plan when to leave.",
                root=frame, timeout=5)
    shown = [node.name for node in walk(frame) if node.getRoleName() == "label"
             and is_showing(node) and node.name and ("follow" in node.name
                                                     or "reach" in node.name)]
    tap(follows is not None and retried is not None and home is not None,
        "the plan says it follows: the map service cannot be reached and is tried again "
        "by itself, and the home address is still to be given", "\n".join(shown))

    invented = [title for title in ("Wake Up", "Leave for Set", "Arrive on Set", "Travel Time",
                                    "Weather on Set")
                if find("list item", title, root=frame, timeout=0.5) is not None
                or find("label", title, root=frame, timeout=0.5) is not None]
    tap(not invented, "nor does it show times, a route or weather it could not get",
        f"shown: {invented}")


def correct_and_confirm(frame):
    """Corrects the crew call of the day on show and confirms it; the event in the
    calendar must start at the corrected time (no name is set, so the day starts at
    the crew call)."""
    crew_call = find("text", "Crew Call", root=frame)
    tap(crew_call is not None, "the day's crew call can be edited")
    if crew_call is None:
        return
    type_into(crew_call, "07:45")
    tap(find("label", "Edited", root=frame) is not None, "the corrected field says it was edited")
    confirm = find("push button", "Confirm", root=frame)
    if confirm is not None:
        press(confirm)
    tap(find("label", "Added to your calendar") is not None, "Confirm says the day is in the calendar")
    events = wait_for(lambda: [e for e in calendar_events() if e[1] == "07:45"], 20) or []
    tap(len(events) == 1 and events[0][2] >= 1,
        "the event in evolution-data-server starts at the corrected call, with alarms",
        f"events: {calendar_events()}")


def set_crew_name(name):
    """Types the user's name into Preferences, as a person would, and closes them."""
    open_from_menu("Main Menu", "Preferences")
    preferences = find("frame", "Preferences")
    field = find("text", "Name on Crew Lists", root=preferences)
    if field is not None:
        type_into(field, name)
    subprocess.run(["xdotool", "key", "Escape"], check=False)
    wait_for(lambda: find_frame_gone("Preferences"), 10)


def confirm_day(frame):
    confirm = find("push button", "Confirm", root=frame)
    if confirm is not None:
        press(confirm)


def day_events(word):
    return [event for event in calendar_events() if word in event[0]]


def my_call_and_revision(env, frame):
    """With a name in Preferences the day shows the user's own call; confirming the
    first sheet of a day and then its revision moves the one event of that day."""
    set_crew_name("Kacper Bak")
    remote(env, os.path.join(DATA, "T2_rev1.pdf"))
    source = find_label_starting("Your call is from the crew list", frame)
    labels = [] if source is not None else \
        [n.name for n in walk(frame) if n.getRoleName() == "label" and "call" in n.name.lower()]
    tap(source is not None, "with a name in Preferences, the day shows the user's own call",
        "; ".join(labels))

    confirm_day(frame)
    first = wait_for(lambda: day_events("Gorzkie"), 20) or []
    tap(len(first) == 1, "the first sheet of the day is one event in the calendar", f"{first}")

    remote(env, os.path.join(DATA, "T2_rev2.pdf"))
    tap(find("label", "This call sheet was revised") is not None,
        "a revision shows what changed")
    if frame is not None:
        screenshot(frame, "revision.png")
    confirm_day(frame)
    moved = wait_for(lambda: [e for e in day_events("Gorzkie") if first and e[1] != first[0][1]],
                     20) or []
    tap(len(moved) == 1 and len(day_events("Gorzkie")) == 1,
        "confirming the revision moves the day's one event",
        f"before: {first}\nafter: {day_events('Gorzkie')}")


def english_run():
    env = dict(os.environ, LANGUAGE="C")
    app = start_app(env)

    welcome = find("label", "Or drop a PDF on this window")
    tap(welcome is not None and find("push button", "Open Call Sheet…") is not None,
        "the app starts and shows its welcome page")
    frame = find("frame", "Film Schedule")
    tap(frame is not None, "the window is named Film Schedule")
    check_control_names("welcome page")
    if frame is not None:
        screenshot(frame, "welcome.png")

    code, stderr = remote(env, "--import", os.path.join(DATA, "T1_01.pdf"))
    tap(code == 0, "--import hands a call sheet to the running instance", stderr or "")
    first_page = find("label", "Page 1 of 2")
    tap(first_page is not None, "the day is shown beside its call sheet, from page 1")
    tap(find("list item", None) is not None or find("list box", "Shooting Days") is not None,
        "the day is listed in the sidebar")
    check_control_names("day page")
    plan_follows(frame, "T1_01")
    time.sleep(1)
    if frame is not None:
        screenshot(frame, "call-sheet.png")

    next_page = find("push button", "Next Page")
    if next_page is not None:
        press(next_page)
    tap(find("label", "Page 2 of 2") is not None, "Next Page shows page 2 of the original")
    if frame is not None:
        screenshot(frame, "original-page-2.png")

    correct_and_confirm(frame)
    if frame is not None:
        screenshot(frame, "confirmed.png")

    my_call_and_revision(env, frame)

    code, stderr = remote(env, os.path.join(DATA, "neg_truncated.pdf"))
    tap(code == 0 and find("label", "The PDF Is Damaged") is not None,
        "a damaged PDF gets a page that says so, and stays listed", stderr or "")
    if find("label", "The PDF Is Damaged") is not None:
        screenshot(find("frame", "Film Schedule"), "damaged.png")

    open_from_menu("Main Menu", "Preferences")
    preferences = find("frame", "Preferences")
    tap(preferences is not None and find("text", "Name on Crew Lists", root=preferences) is not None,
        "Preferences open from the main menu with the name field")
    check_control_names("preferences")
    if preferences is not None:
        screenshot(preferences, "preferences.png")

    open_from_menu("Main Menu", "About Film Schedule")
    tap(find("label", "0.1.0") is not None or find("push button", "0.1.0") is not None,
        "About opens from the main menu and shows the version")
    open_from_menu("Main Menu", "Keyboard Shortcuts")
    tap(find("label", "Open a call sheet") is not None,
        "Keyboard Shortcuts open from the main menu")

    stop_app(app)


def english_messages(po_path):
    """The msgids of our catalogue whose Polish text differs."""
    text = open(po_path, encoding="utf-8").read()
    messages = set()
    for block in text.split("\n\n"):
        ids = re.findall(r'^msgid ((?:".*"\n?)+)', block, re.M)
        strs = re.findall(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if not ids or not strs:
            continue
        msgid = "".join(eval(part) for part in ids[0].split("\n") if part)
        msgstr = "".join(eval(part) for part in strs[0].split("\n") if part)
        if msgid and msgstr and msgid != msgstr:
            messages.add(msgid.replace("_", ""))
    return messages


def polish_messages(po_path):
    """The Polish texts of our catalogue, without mnemonics."""
    text = open(po_path, encoding="utf-8").read()
    for block in text.split("\n\n"):
        for strs in re.findall(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M):
            msgstr = "".join(eval(part) for part in strs.split("\n") if part)
            if msgstr:
                yield msgstr.replace("_", "")


def polish_run():
    env = dict(os.environ, LANGUAGE="pl", LANG="pl_PL.UTF-8")
    english = english_messages(PL_PO)
    app = start_app(env, os.path.join(DATA, "T2_01.pdf"))

    tap(find("label", "Strona 1 z 2") is not None or find("label", "Strona 1 z 1") is not None,
        "in Polish, the call sheet is shown with a Polish page label")
    open_from_menu("Menu główne", "Preferencje")
    find("frame", "Preferencje")
    open_from_menu("Menu główne", "O programie Harmonogram zdjęć")
    find("label", "Harmonogram zdjęć")
    open_from_menu("Menu główne", "Skróty klawiszowe")
    find("label", "Otwarcie planu zdjęciowego")

    seen = set()
    for frame in frames():
        for node in walk(frame):
            if is_showing(node) and node.name:
                seen.add(node.name)
    left = sorted(name for name in seen if name in english)
    ours = sorted(name for name in seen if name in set(polish_messages(PL_PO)))
    tap(len(ours) >= 20 and not left, "with LANGUAGE=pl no English string of ours is on screen",
        f"{len(seen)} strings on screen, {len(ours)} of them from our catalogue\n" +
        "\n".join(f"still English: {name}" for name in left))
    screenshot(find("frame", "Harmonogram zdjęć") or frames()[0], "polish.png")
    stop_app(app)


def main():
    english_run()
    polish_run()
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
