"""kiosk.py: the real Aisle binary in its own display, driven as people drive it.

A Kiosk starts a private X server (Xvfb), a window manager that makes the
window fill the screen (matchbox, as the cage compositor does on a terminal),
a private session bus with the accessibility bus, and the built `aisle`
binary. Tests then touch it only through XTEST (xdotool: taps, typing, keys)
and read it back only through what a person or a screen reader gets: the
AT-SPI tree (names, roles, states, extents) and screenshots (QR codes read by
zbarimg).

One Kiosk per Python process: libatspi connects to the accessibility bus of
the first display it sees.
"""

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DEFAULT_TIMEOUT = 10.0
STAFF_PIN = "482913"

_atspi = None

# What a role means to these tests: any kind of button; an entry is a search
# entry or a text field (GTK 4.8 calls a GtkEntry "text").
ROLES = {
    "button": ("push button", "toggle button", "radio button", "check box"),
    "entry": ("entry", "text", "password text"),
}


def atspi():
    """The Atspi module, imported once the display and bus are in os.environ."""
    global _atspi
    if _atspi is None:
        import gi
        import warnings
        gi.require_version("Atspi", "2.0")
        # get_component_iface() and get_text_iface() are what GTK 4.8's objects answer to.
        warnings.filterwarnings("ignore", r".*_iface is deprecated", DeprecationWarning)
        from gi.repository import Atspi
        _atspi = Atspi
    return _atspi


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


class KioskError(AssertionError):
    pass


def pin_hash(pin):
    """An argon2id hash of @pin, as the kiosk stores it (libsodium's crypto_pwhash_str)."""
    sodium = ctypes.CDLL("libsodium.so.23")
    if sodium.sodium_init() < 0:
        raise RuntimeError("libsodium failed to start")
    out = ctypes.create_string_buffer(128)
    raw = pin.encode()
    opslimit = 2                  # crypto_pwhash_OPSLIMIT_INTERACTIVE
    memlimit = 64 * 1024 * 1024   # crypto_pwhash_MEMLIMIT_INTERACTIVE
    if sodium.crypto_pwhash_str(out, raw, ctypes.c_ulonglong(len(raw)),
                                ctypes.c_ulonglong(opslimit), ctypes.c_size_t(memlimit)) != 0:
        raise RuntimeError("crypto_pwhash_str failed")
    return out.value.decode()


def realize(acc, depth=0):
    """Asks for every descendant, so that GTK exposes them on the bus."""
    if depth > 40:
        return
    try:
        for i in range(acc.get_child_count()):
            child = acc.get_child_at_index(i)
            if child is not None:
                realize(child, depth + 1)
    except Exception:
        pass


def intersect(a, b):
    if a is None:
        return b
    x = max(a[0], b[0])
    y = max(a[1], b[1])
    return (x, y, max(0, min(a[0] + a[2], b[0] + b[2]) - x), max(0, min(a[1] + a[3], b[1] + b[3]) - y))


class Node:
    """One accessible object, as read at one moment."""

    def __init__(self, acc, depth, origin=(0, 0)):
        self.acc = acc
        self.origin = origin
        self.depth = depth
        self.name = acc.get_name() or ""
        self.role = acc.get_role_name() or ""
        self.button = None       # the button it is in, if any
        self.clip = None         # what shows of the scrolled page it is on
        self._states = None
        self._extents = None

    @property
    def states(self):
        if self._states is None:
            A = atspi()
            states = self.acc.get_state_set()
            self._states = {s.value_nick for s in A.StateType.__enum_values__.values()
                            if s != A.StateType.INVALID and states.contains(s)}
        return self._states

    @property
    def focused(self):
        return "focused" in self.states

    @property
    def extents(self):
        """(x, y, width, height) in screen coordinates."""
        if self._extents is None:
            A = atspi()
            # GTK 4.8 knows no screen coordinates (X11 does not tell it
            # where its window is): window coordinates plus the window's origin.
            r = self.acc.get_component_iface().get_extents(A.CoordType.WINDOW)
            ox, oy = self.origin
            self._extents = (r.x + ox, r.y + oy, r.width, r.height)
        return self._extents

    @property
    def centre(self):
        """The middle of what shows of it (a scrolled page clips it)."""
        x, y, w, h = intersect(self.clip, self.extents)
        return (x + w // 2, y + h // 2)

    def text(self):
        """The text of an entry or label (AT-SPI Text), or None."""
        iface = self.acc.get_text_iface()
        if iface is None:
            return None
        try:
            return iface.get_text(0, iface.get_character_count())
        except Exception:
            return None

    def __repr__(self):
        states = ",".join(sorted(s for s in self.states if s in ("showing", "focused", "focusable",
                                                                  "checked", "pressed", "sensitive",
                                                                  "selected", "editable")))
        try:
            ext = "%d,%d %dx%d" % self.extents
        except Exception:
            ext = "?"
        return "%s %r [%s] @%s" % (self.role, self.name, states, ext)


class Kiosk:
    """The kiosk in its own display. Use as a context manager."""

    def __init__(self, name, width=1920, height=1080, conf=None, pin=STAFF_PIN,
                 build_dir=None, src_dir=None, artifacts_dir=None):
        self.name = name
        self.width = width
        self.height = height
        self.build_dir = os.path.abspath(build_dir or os.environ["AISLE_BUILD_DIR"])
        self.src_dir = os.path.abspath(src_dir or os.environ["AISLE_SOURCE_DIR"])
        self.artifacts_dir = artifacts_dir or os.environ.get("AISLE_E2E_ARTIFACTS")
        self.conf = dict(conf or {})
        if pin is not None:
            self.conf.setdefault("admin-pin-hash", "'%s'" % pin_hash(pin))
        self.tmp = tempfile.mkdtemp(prefix="aisle-e2e-%s-" % name)
        self.procs = []          # (name, Popen), started in this order
        self.app = None          # the aisle Popen
        self.display = None
        self.shots = 0
        self._app_acc = None
        self._origin = None
        self.a11y_problems = []

    # Starting and stopping

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.fail_artifacts()
            self.stop()
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.fail_artifacts()
        self.stop()
        return False

    def _spawn(self, name, argv, env=None, **kw):
        log("start", name, " ".join(argv))
        out = open(os.path.join(self.tmp, name + ".log"), "wb")
        p = subprocess.Popen(argv, env=env, stdout=kw.pop("stdout", out), stderr=out,
                             stdin=subprocess.DEVNULL, start_new_session=True, **kw)
        self.procs.append((name, p))
        return p

    def start(self):
        if os.environ.get("AISLE_E2E_STARTED"):
            raise RuntimeError("one Kiosk per process")
        os.environ["AISLE_E2E_STARTED"] = "1"

        # The X server picks a free display and tells us its number.
        rfd, wfd = os.pipe()
        self._spawn("xvfb", ["Xvfb", "-displayfd", str(wfd), "-screen", "0",
                             "%dx%dx24" % (self.width, self.height), "-nolisten", "tcp",
                             "-noreset"], pass_fds=(wfd,))
        os.close(wfd)
        number = b""
        with os.fdopen(rfd, "rb") as r:
            while not number.endswith(b"\n"):
                chunk = r.read(1)
                if not chunk:
                    raise KioskError("Xvfb did not start; see %s/xvfb.log" % self.tmp)
                number += chunk
        self.display = ":" + number.decode().strip()

        # A private session bus; its address is the daemon's first line.
        bus = self._spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE)
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise KioskError("dbus-daemon did not start")

        base = dict(os.environ)
        for key in ("NO_AT_BRIDGE", "GTK_A11Y", "AT_SPI_BUS_ADDRESS", "WAYLAND_DISPLAY",
                    "AISLE_E2E_STARTED"):
            base.pop(key, None)
        base.update(DISPLAY=self.display, DBUS_SESSION_BUS_ADDRESS=address,
                    XDG_RUNTIME_DIR=self._dir("runtime", 0o700))
        self.env = base
        # libatspi in this process reads the same display and bus.
        os.environ.update(DISPLAY=self.display, DBUS_SESSION_BUS_ADDRESS=address)
        os.environ.pop("AT_SPI_BUS_ADDRESS", None)

        self._spawn("a11y", ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=base)
        self._spawn("wm", ["matchbox-window-manager", "-use_titlebar", "no"], env=base)

        conf_path = os.path.join(self.tmp, "kiosk.conf")
        with open(conf_path, "w") as f:
            f.write("[org.aisle.Kiosk]\n")
            for key, value in self.conf.items():
                f.write("%s=%s\n" % (key, value))

        app_env = dict(base)
        app_env.update(GSETTINGS_BACKEND="memory",
                       GSETTINGS_SCHEMA_DIR=os.path.join(self.build_dir, "data"),
                       AISLE_LOCALEDIR=os.path.join(self.build_dir, "po"),
                       AISLE_SYSTEM_CONFIG=conf_path,
                       GSK_RENDERER="cairo",
                       XDG_CONFIG_HOME=self._dir("config"),
                       XDG_DATA_HOME=self._dir("data"),
                       XDG_CACHE_HOME=self._dir("xdg-cache"),
                       LANG="C.UTF-8", LC_ALL="C.UTF-8")
        store = "file://" + os.path.join(self.src_dir, "data", "demo-store")
        binary = os.path.join(self.build_dir, "src", "aisle")
        # Wait for the window manager and the accessibility bus to be up.
        time.sleep(0.5)
        self.app = self._spawn("aisle", [binary, "--cache-dir", self._dir("cache"),
                                         "--store-url", store, "--store-id", "milano",
                                         "--language", "en"], env=app_env)
        self.wait_for(lambda: self._find_app() is not None, 15, "the aisle application on AT-SPI")
        self.wait_for(lambda: self._window_fills_screen(), 15, "the kiosk window to fill the screen")

    def _dir(self, name, mode=0o755):
        path = os.path.join(self.tmp, name)
        os.makedirs(path, mode=mode, exist_ok=True)
        return path

    def _find_app(self):
        A = atspi()
        if self.app is not None and self.app.poll() is not None:
            raise KioskError("aisle exited with %s" % self.app.returncode)
        desktop = A.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is None:
                continue
            try:
                if app.get_process_id() == self.app.pid:
                    self._app_acc = app
                    return app
            except Exception:
                continue
        return None

    def _window_fills_screen(self):
        # GTK's frame is the window less a few pixels of border.
        for win in self.windows():
            if win.extents[2] >= self.width - 16 and win.extents[3] >= self.height - 16:
                self._origin = None
                return True
        return False

    def stop(self):
        # The app first (it may be writing its order book), then the rest, newest first.
        for name, p in reversed(self.procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for name, p in reversed(self.procs):
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait()
            if p.stdout:
                p.stdout.close()
        self.procs = []
        shutil.rmtree(self.tmp, ignore_errors=True)

    # Reading the screen: the AT-SPI tree

    def windows(self, origin=None):
        app = self._app_acc or self._find_app()
        if app is None:
            return []
        out = []
        for i in range(app.get_child_count()):
            child = app.get_child_at_index(i)
            if child is not None:
                out.append(Node(child, 0, origin if origin is not None else self.origin()))
        return out

    def nodes(self, showing_only=True, root=None):
        """Every accessible node of the app that is on screen, depth first.

        GTK 4.8 sets no "showing" state below the window, and a stack's hidden
        pages keep their old extents. So, as a screen reader user moving
        around would find out: widgets that are hidden are not in the tree at
        all, and of a stack's pages only the one a hit test at the stack's
        top-left corner lands in is walked (with @showing_only). Nodes
        without an area are left out too.
        """
        out = []
        app = self._app_acc or self._find_app()
        if app is None:
            return out
        origin = self.origin()

        def walk(acc, depth, button, clip):
            try:
                node = Node(acc, depth, origin)
                node.button = button
                node.clip = clip
                children = [acc.get_child_at_index(i) for i in range(acc.get_child_count())]
            except Exception:
                return
            children = [c for c in children if c is not None]
            if showing_only:
                if depth > 0 and node.name != "GtkStackPage":
                    try:
                        if node.extents[2] <= 0 or node.extents[3] <= 0:
                            return
                    except Exception:
                        return
                children = self._visible_pages(acc, node, children)
            out.append(node)
            if node.role.endswith("button"):
                button = node
            if node.role == "scroll pane":
                clip = intersect(clip, node.extents)
            for child in children:
                walk(child, depth + 1, button, clip)

        if root is not None:
            walk(root.acc, root.depth, root.button, root.clip)
            return out
        for i in range(app.get_child_count()):
            child = app.get_child_at_index(i)
            if child is not None:
                walk(child, 0, None, None)
        return out

    def _visible_pages(self, acc, node, children):
        """Of a stack's pages, the one on screen; other children unchanged."""
        try:
            pages = [c for c in children if c.get_name() == "GtkStackPage"]
        except Exception:
            return children
        if len(pages) < 2:
            return children
        page = self._hit_page(acc, node, pages)
        if page is None:
            # GTK 4.8 answers a hit test with objects it has not exposed yet
            # (they come out as nothing): walking the pages exposes them.
            for p in pages:
                realize(p)
            page = self._hit_page(acc, node, pages)
        if page is None:
            if os.environ.get("AISLE_E2E_DEBUG"):
                log("cannot tell which page of stack %r shows; walking all" % (node,))
            return children
        return [c for c in children if c.path == page.path or c not in pages]

    @staticmethod
    def _hit_page(acc, node, pages):
        A = atspi()
        x, y, w, h = node.extents
        ox, oy = node.origin
        component = acc.get_component_iface()
        # A hit test lands on nothing where the widget there is not exposed
        # (a viewport, a box): try a few points of the stack.
        for fx, fy in ((0, 0), (0.5, 0.5), (0.5, 0), (0, 0.5), (0.25, 0.25), (0.75, 0.1), (0.1, 0.9)):
            px = x - ox + 3 + int((w - 6) * fx)
            py = y - oy + 3 + int((h - 6) * fy)
            try:
                hit = component.get_accessible_at_point(px, py, A.CoordType.WINDOW)
                paths = set()
                while hit is not None and len(paths) < 64:
                    paths.add(hit.path)
                    hit = hit.get_parent()
            except Exception:
                continue
            for page in pages:
                if page.path in paths:
                    return page
        return None

    def origin(self):
        """Where the window's content is on the screen: the X window's corner
        (matchbox puts it at the screen's) plus the border GTK draws around it."""
        if self._origin is None:
            x, y, w, h = self.window_geometry()
            frames = self.windows(origin=(0, 0))
            if w > 1 and frames:
                fw, fh = frames[0].extents[2:]
                self._origin = (x + (w - fw) // 2, y + (h - fh) // 2)
        return self._origin or (0, 0)

    def window_geometry(self):
        """(x, y, width, height) of the kiosk's X window, as the window manager placed it."""
        p = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.app.pid)],
                           env=self.env, capture_output=True, text=True)
        for wid in p.stdout.split():
            g = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid],
                               env=self.env, capture_output=True, text=True).stdout
            geo = dict(line.split("=", 1) for line in g.split())
            if int(geo.get("WIDTH", 0)) > 1:
                return (int(geo["X"]), int(geo["Y"]), int(geo["WIDTH"]), int(geo["HEIGHT"]))
        return (0, 0, 0, 0)

    def assert_fits(self):
        """The window is on the screen, and nothing that shows sticks out of the window."""
        x, y, w, h = self.window_geometry()
        if x < 0 or y < 0 or x + w > self.width or y + h > self.height:
            raise KioskError("the window (%d,%d %dx%d) is bigger than the %dx%d screen"
                             % (x, y, w, h, self.width, self.height))
        self._origin = None
        fx, fy, fw, fh = self.windows()[0].extents
        out = [n for n in self.nodes() if n.depth > 0 and n.role in ("label", "push button", "entry", "text")
               and (n.extents[0] < fx or n.extents[0] + n.extents[2] > fx + fw)]
        if out:
            raise KioskError("wider than the %d px window: %s" % (fw, out[:4]))

    def dump(self, showing_only=True):
        lines = []
        for n in self.nodes(showing_only):
            text = n.text()
            extra = " text=%r" % text if text and text != n.name else ""
            lines.append("  " * n.depth + repr(n) + extra)
        return "\n".join(lines)

    def texts(self):
        """What the screen says: names of showing nodes, and the text of labels and entries."""
        out = []
        for n in self.nodes():
            if n.name:
                out.append(n.name)
            t = n.text()
            if t and t != n.name:
                out.append(t)
        return out

    @staticmethod
    def _matches(node, name, role, exact):
        if role is not None and node.role not in ROLES.get(role, (role,)):
            return False
        if name is None:
            return True
        if isinstance(name, re.Pattern):
            return bool(name.search(node.name))
        if exact:
            # GTK 4.8 names a button with a label child "Label Label", or
            # "My list, 2 articles My list": the label, then the rest.
            return node.name == name or node.name.startswith(name + " ") or node.name.startswith(name + ",")
        return name.lower() in node.name.lower()

    def find_all(self, name=None, role=None, exact=True):
        return [n for n in self.nodes() if self._matches(n, name, role, exact)]

    def find(self, name=None, role=None, exact=True, timeout=DEFAULT_TIMEOUT, within=None):
        """The first showing node with this name (str exact, or re.Pattern) and role."""
        found = []

        def look():
            nodes = self.find_all(name, role, exact)
            if within is not None:
                x0, y0, w0, h0 = within
                nodes = [n for n in nodes if x0 <= n.centre[0] < x0 + w0 and y0 <= n.centre[1] < y0 + h0]
            found[:] = nodes
            return bool(nodes)

        self.wait_for(look, timeout, "%s %r on screen" % (role or "anything", name))
        return found[0]

    def shows(self, text, timeout=DEFAULT_TIMEOUT):
        """Waits until @text (a substring, or re.Pattern) is somewhere on screen."""
        def look():
            for t in self.texts():
                if isinstance(text, re.Pattern):
                    if text.search(t):
                        return True
                elif text in t:
                    return True
            return False
        self.wait_for(look, timeout, "text %r on screen" % (text,))

    def not_shows(self, text, timeout=0.0):
        if timeout:
            self.wait_for(lambda: not any(text in t for t in self.texts()), timeout,
                          "text %r gone from screen" % text)
        elif any(text in t for t in self.texts()):
            raise KioskError("text %r is on screen" % text)

    def focused(self):
        """The node that has the keyboard focus, or None."""
        for n in self.nodes():
            if n.focused:
                return n
        return None

    def wait_for(self, predicate, timeout=DEFAULT_TIMEOUT, what="condition"):
        end = time.monotonic() + timeout
        last_error = None
        while True:
            try:
                if predicate():
                    return
            except KioskError:
                raise
            except Exception as e:   # the tree changes under us while pages switch
                last_error = e
            if self.app is not None and self.app.poll() is not None:
                raise KioskError("aisle exited with %s while waiting for %s" % (self.app.returncode, what))
            if time.monotonic() > end:
                raise KioskError("timed out after %.0f s waiting for %s%s" %
                                 (timeout, what, " (%s)" % last_error if last_error else ""))
            time.sleep(0.15)

    # Touching: XTEST through xdotool

    def xdotool(self, *args):
        subprocess.run(["xdotool", *[str(a) for a in args]], env=self.env, check=True)

    def tap_at(self, x, y):
        """A finger: on the spot, a moment's wait, down, about 80 ms, up."""
        self.xdotool("mousemove", x, y)
        time.sleep(0.25)
        self.xdotool("mousedown", 1)
        time.sleep(0.08)
        self.xdotool("mouseup", 1)
        time.sleep(0.15)

    def tap(self, name, role="button", exact=True, timeout=DEFAULT_TIMEOUT, within=None):
        """Taps the centre of the showing control named @name, as a finger would.

        A button without an accessible name is found by the text it shows, as
        a sighted shopper finds it; the missing name is noted in a11y_problems.
        """
        # Where it is once it stays put: pages slide and the keyboard hides.
        for _ in range(20):
            if role == "button":
                node = self.find_button(name, exact, timeout, within)
            else:
                node = self.find(name, role, exact, timeout, within)
            time.sleep(0.1)
            again = (self.find_button(name, exact, timeout, within) if role == "button"
                     else self.find(name, role, exact, timeout, within))
            if again.extents == node.extents and intersect(again.clip, again.extents) == \
                    intersect(node.clip, node.extents):
                break
        x, y = node.centre
        visible = intersect(node.clip, node.extents)
        if visible[2] < 8 or visible[3] < 8:
            raise KioskError("%r is not on screen to tap: scrolled away or under the keyboard "
                             "(shows %dx%d px of it)" % (node, visible[2], visible[3]))
        log("tap %s %r at %d,%d" % (node.role, node.name, x, y))
        self.tap_at(x, y)
        return node

    def find_button(self, name, exact=True, timeout=DEFAULT_TIMEOUT, within=None):
        found = []

        def inside(n):
            if within is None:
                return True
            x0, y0, w0, h0 = within
            return x0 <= n.centre[0] < x0 + w0 and y0 <= n.centre[1] < y0 + h0

        def look():
            nodes = [n for n in self.nodes() if inside(n)]
            buttons = [n for n in nodes if self._matches(n, name, "button", exact)]
            if not buttons:
                labels = [n for n in nodes if n.role == "label" and n.button is not None
                          and self._matches(n, name, None, exact)]
                for label in labels:
                    problem = "%s showing %r has no accessible name (%r)" % (
                        label.button.role, label.name, label.button.name)
                    if problem not in self.a11y_problems:
                        self.a11y_problems.append(problem)
                        log("A11Y:", problem)
                buttons = [label.button for label in labels]
            found[:] = buttons
            return bool(buttons)

        self.wait_for(look, timeout, "button %r on screen" % (name,))
        return found[0]

    def type(self, text, delay=150):
        """Types on the physical keyboard; 150 ms a key like a person, 15 ms like a scanner."""
        log("type %r (delay %d ms)" % (text, delay))
        self.xdotool("type", "--delay", delay, text)

    def key(self, *keys, delay=120):
        for k in keys:
            log("key", k)
            self.xdotool("key", "--delay", delay, k)
            time.sleep(0.15)

    def osk_keys(self, board=None):
        """The on-screen keyboard's keys as they show now: name -> node."""
        if board is None:
            boards = self.find_all("Keyboard", "panel")
            if not boards:
                raise KioskError("the on-screen keyboard is not showing")
            board = boards[0]
        self._board = board
        keys = {}
        for n in self.nodes(root=board):
            if n.role.endswith("button"):
                keys.setdefault(n.name, n)
        return keys

    def _osk_switch(self, keys, switch):
        """Taps Shift or a page key, and waits for the keys to change."""
        before = sorted(keys)
        self.tap_at(*keys[switch].centre)
        changed = []

        def look():
            changed[:] = [self.osk_keys(self._board)]
            return sorted(changed[0]) != before
        self.wait_for(look, 3, "the on-screen keyboard to change after %s" % switch)
        return changed[0]

    def osk_type(self, text):
        """Types @text by tapping the keys of the kiosk's own on-screen keyboard."""
        log("on-screen keyboard: %r" % text)
        keys = self.osk_keys()
        for ch in text:
            name = {" ": "Space", "\n": "Enter"}.get(ch, ch)
            for _ in range(3):
                if name in keys:
                    break
                # Letters shifted the other way, or on the other page.
                if name.swapcase() in keys and "Shift" in keys:
                    keys = self._osk_switch(keys, "Shift")
                elif "Letters" in keys and (name.isalpha() or "Numbers and symbols" not in keys):
                    keys = self._osk_switch(keys, "Letters")
                elif "Numbers and symbols" in keys:
                    keys = self._osk_switch(keys, "Numbers and symbols")
            if name not in keys:
                raise KioskError("no key %r on the on-screen keyboard (%s)" % (name, sorted(keys)))
            self.tap_at(*keys[name].centre)
            if ch.isupper() or ch == " ":
                time.sleep(0.1)
                keys = self.osk_keys(self._board)   # shift is one-shot; a new word may shift again
        time.sleep(0.2)

    # Screenshots

    def screenshot(self, label):
        """A PNG of the whole screen; kept under the artifacts dir if there is one."""
        self.shots += 1
        directory = self.artifacts_dir or self.tmp
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, "%s-%02d-%s.png" % (self.name, self.shots, label))
        subprocess.run(["import", "-window", "root", path], env=self.env, check=True)
        return path

    def read_qr(self, label="qr", timeout=DEFAULT_TIMEOUT):
        """The text of the QR code on screen, as zbarimg reads a screenshot."""
        result = []

        def look():
            path = self.screenshot(label)
            p = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path],
                               capture_output=True, text=True)
            if p.returncode == 0 and p.stdout.strip():
                result.append(p.stdout.strip())
                return True
            return False

        self.wait_for(look, timeout, "a QR code zbarimg can read")
        return result[0]

    # When something fails

    def fail_artifacts(self):
        directory = self.artifacts_dir or tempfile.mkdtemp(prefix="aisle-e2e-failed-")
        os.makedirs(directory, exist_ok=True)
        saved = []
        try:
            saved.append(self.screenshot("FAILED"))
        except Exception as e:
            log("no screenshot:", e)
        try:
            path = os.path.join(directory, "%s-atspi.txt" % self.name)
            with open(path, "w") as f:
                f.write(self.dump(showing_only=True))
            saved.append(path)
        except Exception as e:
            log("no AT-SPI dump:", e)
        for name in ("aisle", "wm", "a11y", "xvfb"):
            src = os.path.join(self.tmp, name + ".log")
            if os.path.exists(src):
                dst = os.path.join(directory, "%s-%s.log" % (self.name, name))
                shutil.copy(src, dst)
                saved.append(dst)
        for path in saved:
            print("artifact:", path, file=sys.stderr, flush=True)
