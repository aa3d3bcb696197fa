# SPDX-License-Identifier: GPL-3.0-or-later
"""Reaching the real app through the accessibility bus, as a screen reader or a
keyboard user does, for the UI tests that drive the binary (test-app.py,
test-google.py): finding widgets by role and name, pressing, typing, screenshots,
and TAP lines.
"""
import os
import re
import subprocess
import sys
import time

import pyatspi

APP_NAME = "mp2-film-schedule"

# Where screenshot() writes; each test sets it from its arguments.
screenshot_dir = "."

results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    for line in detail.splitlines():
        print(f"# {line}")
    sys.stdout.flush()


def walk(node):
    if node is None:
        return
    yield node
    for child in node:
        yield from walk(child)


def is_showing(node):
    """GTK 4.8 marks hidden stack pages "visible" and never sets "showing"; a widget
    that is not mapped has no size, so that tells instead."""
    try:
        if node.getState().contains(pyatspi.STATE_SHOWING):
            return True
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == APP_NAME:
            return app
    return None


def wait_for(predicate, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.1)
    return None


def find(role, name=None, root=None, showing=True, timeout=20):
    def search():
        top = root if root is not None else find_app()
        for node in walk(top):
            if node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if showing and not is_showing(node):
                continue
            return node
        return None
    return wait_for(search, timeout)


def frames():
    app = find_app()
    return [child for child in app if child is not None] if app else []


def press(node):
    """Activates a button; a menu button's own node has no action, its inner one has."""
    for candidate in walk(node):
        try:
            action = candidate.queryAction()
        except NotImplementedError:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                action.doAction(i)
                return True
    return False


def screenshot(frame, name):
    os.makedirs(screenshot_dir, exist_ok=True)
    extents = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    geometry = f"{extents.width}x{extents.height}+{max(extents.x, 0)}+{max(extents.y, 0)}"
    path = os.path.join(screenshot_dir, name)
    subprocess.run(["import", "-window", "root", "-crop", geometry, "+repage", path],
                   check=False)
    return path


def stop_app(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    wait_for(lambda: find_app() is None, 10)


def where_is(node):
    """The names of a node's nearest named ancestors, to find it in the window."""
    names = []
    parent = node.parent
    while parent is not None and len(names) < 3:
        if parent.name:
            names.append(f"{parent.getRoleName()} {parent.name!r}")
        parent = parent.parent
    return " in ".join(names)


def control_names():
    roles = {"push button", "toggle button", "check box", "radio button", "text",
             "password text", "spin button", "combo box", "menu item", "slider"}
    for frame in frames():
        for node in walk(frame):
            if node.getRoleName() in roles and is_showing(node):
                yield node.getRoleName(), node.name, where_is(node)


def check_control_names(where):
    bad = []
    for role, name, place in control_names():
        words = name.split()
        half = len(words) // 2
        if not name.strip() or re.match(r"(Gtk|Adw)[A-Z]", name):
            bad.append(f"{role} without a name of its own ({name!r}), in {place}")
        elif "_" in name or (half and words[:half] == words[half:]):
            bad.append(f"{role} named {name!r}, in {place}")
    tap(not bad, f"every control has a name a screen reader can speak ({where})",
        "\n".join(bad))


def open_from_menu(menu_name, item_name):
    """Opens the first window's main menu and activates one of its items."""
    window = frames()[0] if frames() else None
    menu = find("push button", menu_name, root=window)
    if menu is not None:
        press(menu)
    item = find("menu item", item_name) or find("push button", item_name)
    if item is not None:
        press(item)
    return item is not None


def click(node):
    """Clicks the middle of a widget with the X server's own pointer."""
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=False)


def type_into(node, text):
    """Clicks into an entry, replaces its text and presses Enter, with the X server's
    own keyboard and pointer (GTK 4.8 offers no text action through AT-SPI)."""
    click(node)
    time.sleep(0.3)
    subprocess.run(["xdotool", "key", "ctrl+a", "BackSpace"], check=False)
    subprocess.run(["xdotool", "type", "--delay", "20", text], check=False)
    subprocess.run(["xdotool", "key", "Return"], check=False)


def find_label_starting(prefix, root):
    def search():
        for node in walk(root):
            if node.getRoleName() == "label" and node.name.startswith(prefix) \
               and is_showing(node):
                return node
        return None
    return wait_for(search)


def find_frame_gone(name):
    return all(frame.name != name for frame in frames())
