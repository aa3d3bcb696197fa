#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Google path of the real app, in a real window under Xvfb, driven through
accessibility against the fake Google of tests/fakes (OAuth, Gmail, Calendar),
started the way `build-aux/dev.sh demo` starts them (build-aux/demo-session.sh).

usage: test-google.py BUILD_DIR SOURCE_ROOT OUT_DIR

Prints TAP. The user signs in from the welcome page (a stand-in browser answers the
consent page), the call sheets of tests/data/mailbox arrive by themselves, a day is
confirmed into a Google calendar chosen in Preferences and confirmed again after a
correction, and the user signs out. What Google holds is read back from the fake
through Google's own API, with a token got from the refresh token the app keeps in
the keyring. Neither that token nor any other must be left in the app's files or in
its output with G_MESSAGES_DEBUG=all. Screenshots of the Mail page, the days and a
confirmed day go to OUT_DIR.
"""
import datetime
import email
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import pyatspi

import atspi_helpers
from atspi_helpers import (check_control_names, click, find, find_frame_gone,
                           find_label_starting, is_showing, open_from_menu, press, results,
                           screenshot, stop_app, tap, type_into, wait_for, walk)

BUILD, TOP, OUT = sys.argv[1:4]
atspi_helpers.screenshot_dir = OUT

DEMO = os.path.join(TOP, "build-aux", "demo-session.sh")

MAILBOX = os.path.join(TOP, "tests", "data", "mailbox")
CALLSHEETS = os.path.join(TOP, "tests", "data", "callsheets")

# tests/fakes/mp2-fake-google.h
CLIENT_ID = "mp2-fake-client.apps.googleusercontent.com"
CLIENT_SECRET = "mp2-fake-client-secret"
USER_EMAIL = "filmowiec@example.com"
CALENDAR_ID = "c_5p3q8r1t6u2v9m0n4k7j@group.calendar.google.com"
CALENDAR_NAME = "Plan zdjęciowy"
# What the fake's tokens and codes start with (tests/fakes/mp2-fake-oauth.c).
SECRET_PREFIXES = ["ya29.a0fake-", "1//0gfake-", "4/0Afake"]

SECRET_SCHEMA = ["xdg:schema", "com.mp2.FilmSchedule.Google", "kind", "refresh-token"]

# The mails of tests/data/mailbox whose subject has a word of the default filter and
# that carry a call sheet, by the ground truth of that sheet: the pair
# plan_t2_rev1/rev2 is one day at its revision; the map beside email_two_pdfs, the
# invoice (no call-sheet word in its subject) and the note (no PDF) make no day.
EXPECTED_SHEETS = ["T1_02", "T3_02", "email_pl_subject", "email_revised", "email_two_pdfs",
                   "T2_01", "T2_rev2", "T4_01"]
# Every other mail of the box has a call-sheet word in its subject and a PDF, and is
# read, so it gets the label Film Schedule in Gmail.
NOT_CALL_SHEET_MAILS = ["invoice_not_a_call_sheet.eml", "note_without_pdf.eml"]
CONFIRMED_SHEET = "T2_01"
CORRECTED_CALL = "07:15"

# The demo's home (build-aux/demo-session.sh) and how tests/fakes/mp2-fake-places
# makes up places and routes (mp2-fake-geocoding.c, mp2-fake-routes.c).
HOME_ADDRESS = "ul. Marszałkowska 140, 00-061 Warszawa"
WARSAW = (52.2297, 21.0122)
WARSAW_SPAN = (0.06, 0.10)
ROAD_DETOUR = 1.3
CITY_SPEED_M_S = 30 / 3.6
TIME = re.compile(r"^(\d\d):(\d\d)")


def truth(name):
    with open(os.path.join(CALLSHEETS, name + ".json"), encoding="utf-8") as file:
        return json.load(file)


def raw_subject(path):
    """A mail's Subject header as Gmail gives it: unfolded, encoded words kept."""
    with open(path, encoding="utf-8") as file:
        message = email.message_from_file(file)
    return re.sub(r"\r?\n", "", str(message["Subject"]))


def row_name(sheet):
    """The accessible name of a day's row in the list, as the window words it."""
    date = datetime.date.fromisoformat(sheet["date"])
    when = f"{date:%a} {date.day} {date:%b}"
    return (f"{sheet['production']}, {when} · Day {sheet['shooting_day']}, "
            f"call {sheet['crew_call']}, Needs review")


# The private places of this run ------------------------------------------------------

class Run:
    """The app's own XDG folders (so that nothing of another test is read, and all it
    writes can be searched), the fake Google and the app's captured output."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="test-google.", dir=os.environ.get("MP2_SESSION_DIR"))
        self.xdg = {name: os.path.join(self.dir, name) for name in ("data", "config", "cache")}
        for path in self.xdg.values():
            os.makedirs(path)
        self.browser_log = os.path.join(self.dir, "browser.log")
        self.fake_log = os.path.join(self.dir, "fake-google.log")
        self.app_out = os.path.join(self.dir, "app.out")
        self.app_err = os.path.join(self.dir, "app.err")
        self.env = dict(os.environ, LANGUAGE="C", G_MESSAGES_DEBUG="all",
                        XDG_DATA_HOME=self.xdg["data"], XDG_CONFIG_HOME=self.xdg["config"],
                        XDG_CACHE_HOME=self.xdg["cache"], MP2_FAKE_BROWSER_LOG=self.browser_log)
        self.url = None
        self.fake = None
        self.app = None

    def start_demo(self):
        """What `build-aux/dev.sh demo` runs inside its session: the fake browser made
        the handler of http, the fake Google with the sample mailbox, the app pointed
        at it. The fake writes its address and its log into MP2_SESSION_DIR."""
        url_file = os.path.join(self.dir, "fake-google.url")
        env = dict(self.env, MP2_SESSION_DIR=self.dir)
        with open(self.app_out, "w") as out, open(self.app_err, "w") as err:
            self.app = subprocess.Popen([DEMO, BUILD], env=env, stdout=out, stderr=err)

        def address():
            with open(url_file, encoding="utf-8") as lines:
                return lines.readline().strip()
        self.url = wait_for(address, 10) or ""

    def stop(self):
        # the demo stops the app, and the fake with it
        if self.app is not None:
            stop_app(self.app)
        shutil.rmtree(self.dir, ignore_errors=True)


# The keyring and the fake, from outside the app ----------------------------------------

def keyring_refresh_token():
    done = subprocess.run(["secret-tool", "lookup", *SECRET_SCHEMA], capture_output=True,
                          text=True, check=False)
    return done.stdout.strip() or None


def keyring_items():
    done = subprocess.run(["secret-tool", "search", "--all", *SECRET_SCHEMA],
                          capture_output=True, text=True, check=False)
    return [line for line in done.stdout.splitlines() + done.stderr.splitlines()
            if line.startswith("attribute.")]


def clear_keyring():
    """Another test of the session may have left an account of the app's."""
    subprocess.run(["secret-tool", "clear", "xdg:schema", "com.mp2.FilmSchedule.Google"],
                   check=False)


def http(run, method, path, token=None, form=None):
    """(status, JSON body) of a request to the fake, along Google's own paths."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(run.url + path, data=data, method=method)
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def refresh(run, refresh_token):
    return http(run, "POST", "/token", form={
        "grant_type": "refresh_token", "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET, "refresh_token": refresh_token})


def access_token(run):
    """An access token of the app's grant, as the app itself gets one."""
    token = keyring_refresh_token()
    if token is None:
        return None
    status, body = refresh(run, token)
    return body.get("access_token") if status == 200 else None


def calendar_events(run, token, calendar_id):
    path = f"/calendar/v3/calendars/{urllib.parse.quote(calendar_id, safe='')}/events"
    status, body = http(run, "GET", path, token)
    return body.get("items", []) if status == 200 else None


def labelled_subjects(run, token, label_name):
    """The subjects of the mails that carry one of the user's labels."""
    status, body = http(run, "GET", "/gmail/v1/users/me/labels", token)
    ids = [label["id"] for label in body.get("labels", []) if label.get("name") == label_name]
    if status != 200 or not ids:
        return None
    query = urllib.parse.urlencode({"labelIds": ids[0], "maxResults": 100})
    _, listing = http(run, "GET", f"/gmail/v1/users/me/messages?{query}", token)
    subjects = []
    for message in listing.get("messages", []):
        _, mail = http(run, "GET", f"/gmail/v1/users/me/messages/{message['id']}"
                       "?format=metadata&metadataHeaders=Subject", token)
        headers = mail.get("payload", {}).get("headers", [])
        subjects += [header["value"] for header in headers if header["name"] == "Subject"]
    return sorted(subjects)


# The steps ---------------------------------------------------------------------------

def start(run):
    clear_keyring()
    run.start_demo()
    mails = len([name for name in os.listdir(MAILBOX) if name.endswith(".eml")])

    def fake_said():
        with open(run.fake_log, encoding="utf-8") as log:
            return f"with {mails} mails" in log.read()
    tap(run.url.startswith("http://127.0.0.1:") and wait_for(fake_said, 5),
        f"the demo's fake Google listens on 127.0.0.1 with the {mails} mails of the sample "
        "mailbox", f"url: {run.url!r}")


def sign_in(run):
    button = find("push button", "Sign In With Google…")
    tap(button is not None, "the welcome page offers to sign in with Google")
    if button is None:
        return False
    press(button)

    def browser_visit():
        with open(run.browser_log, encoding="utf-8") as log:
            return log.read().split()
    visit = wait_for(browser_visit, 20) or []
    tap(len(visit) == 3 and visit[0].startswith(run.url + "/o/oauth2/v2/auth?")
        and visit[1].startswith("http://127.0.0.1:") and "code=" in visit[1]
        and visit[2] == "200",
        "the default browser got Google's consent page, which sent it back to the app's "
        "loopback server", " ".join(visit[:1] + visit[2:]))

    gone = wait_for(lambda: find("push button", "Sign In With Google…", timeout=0.5) is None, 20)
    tap(gone, "once signed in, the welcome page no longer offers to sign in")
    items = wait_for(keyring_items, 10) or []
    tap(f"attribute.email = {USER_EMAIL}" in items and keyring_refresh_token() is not None,
        "the refresh token is in the keyring, under the account's e-mail", "\n".join(items))
    return True


def open_preferences_page(page):
    open_from_menu("Main Menu", "Preferences")
    preferences = find("frame", "Preferences")
    tab = find("page tab", page, root=preferences)
    if tab is not None:
        press(tab)
    return preferences


def close_preferences():
    subprocess.run(["xdotool", "key", "Escape"], check=False)
    wait_for(lambda: find_frame_gone("Preferences"), 10)


def mail_page():
    preferences = open_preferences_page("Mail")
    account = find("list item", USER_EMAIL, root=preferences)
    tap(account is not None and find("label", "Signed in with Google", root=account) is not None
        and find("push button", "Sign Out…", root=account) is not None,
        "Preferences › Mail shows the account's e-mail, signed in, with Sign Out")
    check_now = find("push button", "Check Now", root=preferences)
    tap(check_now is not None and check_now.getState().contains(pyatspi.STATE_SENSITIVE),
        "Check Now can be pressed while signed in")
    check_control_names("Preferences › Mail, signed in")
    if preferences is not None:
        screenshot(preferences, "google-mail-page.png")
    close_preferences()


def day_rows():
    listing = find("list", "Shooting Days", timeout=1)
    return [node.name for node in walk(listing) if node.getRoleName() == "list item"]


def days(run, token):
    expected = sorted(row_name(truth(name)) for name in EXPECTED_SHEETS)
    rows = wait_for(lambda: sorted(day_rows()) if len(day_rows()) >= len(expected) else None,
                    40) or sorted(day_rows())
    tap(rows == expected,
        f"the call sheets of the sample mailbox arrive by themselves: {len(expected)} days",
        "\n".join([f"missing: {name}" for name in expected if name not in rows] +
                  [f"unexpected: {name}" for name in rows if name not in expected]))

    first, revised = truth("T2_rev1"), truth("T2_rev2")
    pair = [name for name in rows if name.startswith(revised["production"] + ",")]
    tap(len(pair) == 1 and f"call {revised['crew_call']}," in pair[0]
        and first["crew_call"] != revised["crew_call"],
        "a sheet and its revision, in two mails, are one day at the revision's call",
        f"{pair}")

    labelled = sorted(raw_subject(os.path.join(MAILBOX, name)) for name in os.listdir(MAILBOX)
                      if name.endswith(".eml") and name not in NOT_CALL_SHEET_MAILS)
    subjects = labelled_subjects(run, token, "Film Schedule") if token else None
    tap(subjects == labelled,
        f"in Gmail, the {len(labelled)} call-sheet mails (the first sheet of the revised pair "
        "too) got the label Film Schedule, and no other mail did",
        "\n".join([f"missing: {s}" for s in labelled if s not in (subjects or [])] +
                  [f"unexpected: {s}" for s in subjects or [] if s not in labelled]))

    frame = find("frame", "Film Schedule")
    if frame is not None:
        screenshot(frame, "google-days.png")


def choose_from_drop_down(button, value, root):
    """Opens a drop-down and picks an item with the keyboard, as a keyboard user does:
    its list opens with the focus on the item chosen now."""
    def popup_item():
        # GTK 4.8 gives the rows of a drop-down's list no name, unlike preference rows.
        for node in walk(root):
            if node.getRoleName() == "list item" and not node.name and any(
                    label.getRoleName() == "label" and label.name == value for label in walk(node)):
                return node
        return None

    press(button)
    item = wait_for(popup_item, 10)
    if item is None:
        return False
    items = [node for node in item.parent if node.getRoleName() == "list item"]
    focused = [i for i, node in enumerate(items) if node.getState().contains(pyatspi.STATE_FOCUSED)]
    if not focused:
        return False
    steps = items.index(item) - focused[0]
    keys = ["Down"] * steps if steps > 0 else ["Up"] * -steps
    subprocess.run(["xdotool", "key", "--delay", "100", *keys, "Return"], check=False)
    return True


def choose_google_calendar():
    preferences = open_preferences_page("Days")
    picker = find("push button", "Calendar for your days", root=preferences)
    if picker is not None:
        choose_from_drop_down(picker, CALENDAR_NAME, preferences)
    chosen = picker is not None and wait_for(lambda: picker.description == CALENDAR_NAME, 10)
    tap(bool(chosen),
        "Preferences offer the Google calendars, and one of them is chosen for the days",
        f"chosen: {picker.description!r}" if picker is not None else "no calendar picker")
    close_preferences()


# The plan of a day, against the fake map and weather services ------------------------

def fake_place(address):
    """Where the fake geocoder puts an address: a hash (FNV-1a) of its text, case and
    runs of spaces aside, within 7 km of Warsaw's centre."""
    text = re.sub(r"\s+", " ", address.casefold()).strip().replace(" ,", ",")
    value = 14695981039346656037
    for byte in text.encode():
        value = ((value ^ byte) * 1099511628211) % 2**64
    low, high = value & 0xffffffff, value >> 32
    return (WARSAW[0] + (low / 0xffffffff * 2 - 1) * WARSAW_SPAN[0],
            WARSAW[1] + (high / 0xffffffff * 2 - 1) * WARSAW_SPAN[1])


def fake_route(origin, destination):
    """(seconds, metres) of the fake OSRM's route: the straight line × 1.3 at 30 km/h."""
    (lat1, lon1), (lat2, lon2) = fake_place(origin), fake_place(destination)
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    metres = round(2 * 6371000.0 * math.asin(min(1.0, math.sqrt(a))) * ROAD_DETOUR)
    return max(60, round(metres / CITY_SPEED_M_S)), metres


def row_texts(frame, title):
    """The texts of a row of the day page (its title, subtitle, value), when shown."""
    row = find("list item", title, root=frame, timeout=0.5)
    if row is None:
        return None
    return [node.name for node in walk(row) if node.getRoleName() == "label" and node.name]


def row_time(frame, title):
    """A row's time as minutes of the day, or None."""
    for text in row_texts(frame, title) or []:
        match = TIME.match(text)
        if match and text != title:
            return int(match.group(1)) * 60 + int(match.group(2))
    return None


def row_number(frame, title, pattern):
    for text in row_texts(frame, title) or []:
        match = re.search(pattern, text)
        if match:
            return match
    return None


def minutes_of(duration):
    """"23 min" or "1 h 05 min" as minutes."""
    match = re.fullmatch(r"(?:(\d+) h )?(\d+) min", duration)
    return int(match.group(1) or 0) * 60 + int(match.group(2)) if match else None


def text_value(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return None


def day_plan(run):
    """The demo plans its days with the fake map and weather services: a day's page
    shows when to get up, leave and arrive, the route and the weather, and its times
    add up to what the fakes answered."""
    sheet = truth(CONFIRMED_SHEET)
    frame = find("frame", "Film Schedule")
    tap(open_day(frame, sheet), "a day of the mails opens to see its plan")
    # Nominatim and OSRM take one request a second: the eight days take a while.
    planned = wait_for(lambda: all(row_time(frame, title) is not None
                                   for title in ("Wake Up", "Leave for Set", "Arrive on Set")),
                       90)
    wake, leave, arrive = (row_time(frame, title)
                           for title in ("Wake Up", "Leave for Set", "Arrive on Set"))
    tap(bool(planned), "without any key, the day's page shows when to wake up, leave and arrive",
        f"wake up {row_texts(frame, 'Wake Up')}, leave {row_texts(frame, 'Leave for Set')}, "
        f"arrive {row_texts(frame, 'Arrive on Set')}")

    travel = row_number(frame, "Travel Time", r"^(?:\d+ h )?\d+ min$")
    distance = row_number(frame, "Distance", r"^(\d+\.\d) km$")
    provider = row_number(frame, "Route From", r"OpenStreetMap \(OSRM\)")
    parking = row_number(frame, "Crew Parking", r"^(\d+) min to set$")
    tap(travel is not None and distance is not None and provider is not None,
        "the route card gives the travel time, the distance and OSRM as its source",
        f"travel {row_texts(frame, 'Travel Time')}, distance {row_texts(frame, 'Distance')}, "
        f"from {row_texts(frame, 'Route From')}")

    hours = wait_for(lambda: [node.name for node in walk(frame)
                              if re.match(r"^\d\d:\d\d: .+, -?\d+ °C", node.name or "")
                              and is_showing(node)], 10) or []
    sun = find_label_starting("Sunrise ", frame)
    tap(find("label", "Weather on Set", root=frame, timeout=1) is not None and len(hours) >= 6
        and sun is not None and "Forecast by" in sun.name,
        "the weather card shows the working day hour by hour, with sunrise and sunset",
        f"{len(hours)} hours: {hours[:3]}; {sun.name if sun else 'no sunrise'}")

    # By hand: the route ends at the sheet's crew parking, found (as the home) where
    # the fake puts it; the fake OSRM's time is the straight line × 1.3 at 30 km/h.
    car_park = [place["address"] for place in sheet["locations"] if place["kind"] == "parking"][0]
    seconds, metres = fake_route(HOME_ADDRESS, car_park)
    shown_minutes = minutes_of(travel.group(0)) if travel else None
    tap(distance is not None and f"{metres / 1000:.1f}" == distance.group(1)
        and shown_minutes == (seconds + 30) // 60,
        "the route is the fake's, from the home to the crew parking: distance and time as "
        "computed by hand", f"expected {metres / 1000:.1f} km, {(seconds + 30) // 60} min "
        f"({seconds} s); shown {distance.group(0) if distance else None}, "
        f"{travel.group(0) if travel else None}")

    call_field = find("text", "Crew Call", root=frame, timeout=1)
    call_text = text_value(call_field) if call_field is not None else None
    call = None
    if call_text and TIME.match(call_text):
        call = int(call_text[:2]) * 60 + int(call_text[3:5])
    early = row_number(frame, "Arrive on Set", r"^(\d+) minutes before your call$")
    routine = row_number(frame, "Wake Up", r"(\d+) minutes before you leave")
    walk_minutes = int(parking.group(1)) if parking else 0
    # The departure is the arrival target less the exact seconds, down to the minute.
    target = call - int(early.group(1)) if call is not None and early else None
    expected_leave = (target * 60 - walk_minutes * 60 - seconds) // 60 if target else None
    tap(None not in (wake, leave, arrive, target, routine)
        and leave == expected_leave and wake == leave - int(routine.group(1))
        and 0 <= target - arrive <= 1,
        "the times add up: leave = call − arriving early − walk from parking − the route; "
        "wake up = leave − the morning; arrive by the target",
        f"call {call_text}, early {early.group(1) if early else None}, walk {walk_minutes}, "
        f"route {seconds} s, routine {routine.group(1) if routine else None}: expected leave "
        f"{expected_leave}, shown wake {wake}, leave {leave}, arrive {arrive}, target {target}")
    if frame is not None:
        screenshot(frame, "google-day-plan.png")


def confirm(frame):
    button = find("push button", "Confirm", root=frame)
    if button is not None:
        press(button)
    return button is not None


def start_of(event):
    return event.get("start", {}).get("dateTime", "")


def open_day(frame, sheet):
    """Clicks a day's row in the list (whatever its state says) and waits until it is
    the day on show."""
    prefix = row_name(sheet).split(" · ")[0]

    def row():
        for node in walk(find("list", "Shooting Days", root=frame, timeout=1)):
            if node.getRoleName() == "list item" and node.name.startswith(prefix):
                return node
        return None
    node = wait_for(row, 10)
    if node is None:
        return False
    click(node)
    return wait_for(lambda: node.getState().contains(pyatspi.STATE_SELECTED), 10) and \
        find("text", "Crew Call", root=frame) is not None


def confirm_into_google(run, token):
    sheet = truth(CONFIRMED_SHEET)
    frame = find("frame", "Film Schedule")
    tap(open_day(frame, sheet), "a day of the mails opens beside its call sheet")

    confirm(frame)
    added = find("label", "Added to your calendar")
    # Without a name in Preferences the day starts at the crew call; Warsaw in March is
    # at +01:00.
    start = f"{sheet['date']}T{sheet['crew_call']}:00+01:00"
    events = wait_for(lambda: [e for e in calendar_events(run, token, CALENDAR_ID) or []
                               if start_of(e) == start], 20) or []
    everything = calendar_events(run, token, CALENDAR_ID)
    tap(added is not None and len(events) == 1 and len(everything) == 1
        and sheet["production"] in events[0].get("summary", ""),
        "Confirm puts the day into the chosen Google calendar: one event, at the crew call",
        f"events: {[(e.get('summary'), start_of(e)) for e in everything or []]}")
    primary = calendar_events(run, token, "primary")
    tap(primary == [], "nothing went to the primary calendar",
        f"primary: {[(e.get('summary'), start_of(e)) for e in primary or []]}")

    # Confirming moves on to the next day to review: come back to this one.
    open_day(frame, sheet)
    crew_call = find("text", "Crew Call", root=frame)
    if crew_call is not None:
        type_into(crew_call, CORRECTED_CALL)
    confirm(frame)
    moved = f"{sheet['date']}T{CORRECTED_CALL}:00+01:00"
    wait_for(lambda: [e for e in calendar_events(run, token, CALENDAR_ID) or []
                      if start_of(e) == moved], 20)
    everything = calendar_events(run, token, CALENDAR_ID) or []
    tap(len(everything) == 1 and start_of(everything[0]) == moved
        and events and everything[0].get("id") == events[0].get("id"),
        "confirming the corrected day again moves its one event in Google Calendar",
        f"events: {[(e.get('summary'), start_of(e)) for e in everything]}")
    if frame is not None:
        screenshot(frame, "google-confirmed.png")


def files_with(folder, needles):
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                with open(path, "rb") as file:
                    content = file.read()
            except OSError:
                continue
            found += [f"{path}: {needle[:12]}…" for needle in needles if needle in content]
    return found


def no_secrets_left(run, refresh_token):
    needles = [prefix.encode() for prefix in SECRET_PREFIXES]
    if refresh_token:
        needles.append(refresh_token.encode())
    in_files = [hit for folder in run.xdg.values() for hit in files_with(folder, needles)]
    tap(refresh_token is not None and not in_files,
        "no token or code is in the app's data, config or cache files", "\n".join(in_files))

    in_output = []
    for path in (run.app_out, run.app_err):
        with open(path, "rb") as file:
            content = file.read()
        in_output += [f"{os.path.basename(path)}: {needle[:12]}…" for needle in needles
                      if needle in content]
    size = os.path.getsize(run.app_out)
    tap(size > 0 and not in_output,
        "no token or code is in the app's output, with G_MESSAGES_DEBUG=all",
        f"{size} bytes of debug output\n" + "\n".join(in_output))


def sign_out(run, refresh_token):
    preferences = open_preferences_page("Mail")
    button = find("push button", "Sign Out…", root=preferences)
    if button is not None:
        press(button)
    dialog = find("dialog", "Sign Out of Google?") or find("frame", "Sign Out of Google?")
    tap(dialog is not None, "Sign Out asks first")
    check_control_names("the sign-out question")
    answer = find("push button", "Sign Out", root=dialog) if dialog is not None else None
    if answer is not None:
        press(answer)
    row = find("list item", "Not Signed In", root=preferences)
    tap(row is not None and find("push button", "Sign In…", root=row) is not None,
        "after signing out, Preferences › Mail says Not Signed In and offers to sign in")
    if preferences is not None:
        screenshot(preferences, "google-signed-out.png")

    tap(wait_for(lambda: not keyring_items(), 10) is not None and keyring_refresh_token() is None,
        "the keyring no longer holds the refresh token", "\n".join(keyring_items()))
    status, body = refresh(run, refresh_token) if refresh_token else (None, {})
    tap(status == 400 and body.get("error") == "invalid_grant",
        "Google no longer accepts the refresh token: signing out revoked it",
        f"refresh answered {status} {body.get('error', 'with a new access token')}")
    close_preferences()


def no_violations(run):
    with open(run.fake_log, encoding="utf-8") as log:
        violations = [line for line in log if "Contract violation" in line]
    tap(not violations, "every request to Google followed the API contract",
        "".join(violations))
    with open(os.path.join(run.dir, "fake-places.log"), encoding="utf-8") as log:
        violations = [line for line in log if "Contract violation" in line]
    tap(not violations, "every request to the map and weather services followed their "
        "contracts (Nominatim's and OSRM's usage policies too)", "".join(violations))


def main():
    run = Run()
    try:
        start(run)
        if sign_in(run):
            mail_page()
            token = access_token(run)
            refresh_token = keyring_refresh_token()
            days(run, token)
            day_plan(run)
            choose_google_calendar()
            confirm_into_google(run, token)
            no_secrets_left(run, refresh_token)
            sign_out(run, refresh_token)
        no_violations(run)
    finally:
        if run.app is not None and run.app.poll() is not None:
            with open(run.app_err, encoding="utf-8", errors="replace") as err:
                tail = err.read().strip().splitlines()[-10:]
            tap(False, "the app is still running at the end",
                "\n".join([f"exit status {run.app.returncode}"] + tail))
        run.stop()
    print(f"1..{len(results)}")
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
