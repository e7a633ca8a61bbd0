#!/usr/bin/python3
"""A private cupsd for tests, independent of any system cupsd.

Everything cupsd reads or writes lives in one work directory; it listens only
on the Unix socket WORKDIR/cups.sock (use that path as CUPS_SERVER or with
`lp -h`).  Needs root (cupsd's backends, cups-pdf in particular, run as root)
but no systemd, D-Bus or avahi, so it also works in a plain chroot.

The one thing outside the work directory: cups-pdf reads its configuration
only from /etc/cups/cups-pdf-X.conf (X from the device URI cups-pdf:/X,
fixed at compile time), so add_pdf_queue() writes a uniquely named file
there.  Its path is recorded in WORKDIR/etc-files and it is removed by
stop(); files left by a killed harness are swept by the next start().

As a module:

    with PrivateCupsd(workdir) as cups:
        cups.add_pdf_queue("AisleTest", out_dir)
        subprocess.run(["lp", "-h", cups.socket, "-d", "AisleTest", pdf])
        pdfs = cups.wait_for_pdfs(out_dir, 1)

As a CLI, acting on the cupsd of --dir (default $AISLE_TEST_CUPS_DIR):

    cupsd.py start --dir D     start detached, with queues AisleTest/AisleAborts
    cupsd.py stop  --dir D
    cupsd.py disable|enable|reject|accept NAME [--reason TEXT] --dir D
    cupsd.py jobs [NAME] --dir D
"""

import argparse
import atexit
import ctypes
import glob
import grp
import http.client
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid

CUPSD = "/usr/sbin/cupsd"
# The "noopt" PPD: the "opt" one carries defaults for TitlePref, Label etc.
# that cups-pdf lets override its config file.
CUPS_PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"
ETC_CUPS = "/etc/cups"
CONF_TAG = "aisletest"                  # our files: /etc/cups/cups-pdf-aisletest-*.conf
WORKDIR_MARK = "# aisle-test workdir: "

JOB_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped",
              7: "canceled", 8: "aborted", 9: "completed"}
PRINTER_STATES = {3: "idle", 4: "processing", 5: "stopped"}


class CupsdError(RuntimeError):
    pass


def _tail(path, lines=40):
    try:
        with open(path, "rb") as f:
            f.seek(max(0, os.path.getsize(path) - 64 * 1024))
            return b"".join(f.read().splitlines(True)[-lines:]).decode("utf-8", "replace")
    except OSError as e:
        return f"({path}: {e.strerror})\n"


def _pid_alive(pid):
    """True if pid runs and is not a zombie (a zombie cupsd is as good as gone)."""
    if not os.path.isdir("/proc/self"):         # a chroot without /proc
        try:
            os.kill(pid, 0)
            return True
        except OSError:
            return False
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _is_our_cupsd(pid, conf):
    """Guard against pid reuse: the process must be cupsd running with conf."""
    if not os.path.isdir("/proc/self"):
        return True                             # cannot tell; trust the pid file
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
    except OSError:
        return False
    return argv[0] == CUPSD.encode() and conf.encode() in argv


# --- a minimal IPP client over the Unix socket (no ipptool needed) --------

class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def _ipp_attr(tag, name, value):
    if isinstance(value, int):
        value = struct.pack(">i", value)
    elif isinstance(value, str):
        value = value.encode()
    return struct.pack(">BH", tag, len(name)) + name.encode() + struct.pack(">H", len(value)) + value


def _ipp_request(sock_path, op, uri, extra=b"", timeout=10):
    """Send one IPP request; return the response groups as [(tag, {name: [values]})]."""
    body = (struct.pack(">BBHI", 2, 0, op, 1) + b"\x01"
            + _ipp_attr(0x47, "attributes-charset", "utf-8")
            + _ipp_attr(0x48, "attributes-natural-language", "en")
            + _ipp_attr(0x45, "printer-uri", uri)
            + _ipp_attr(0x42, "requesting-user-name", "root")
            + extra + b"\x03")
    conn = _UnixHTTPConnection(sock_path, timeout)
    try:
        conn.request("POST", "/", body, {"Content-Type": "application/ipp"})
        data = conn.getresponse().read()
    finally:
        conn.close()
    status = struct.unpack(">H", data[2:4])[0]
    if status >= 0x0400:
        raise CupsdError(f"IPP operation 0x{op:04x} on {uri} failed: status 0x{status:04x}")
    groups, pos, values = [], 8, None
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag == 0x03:                         # end-of-attributes
            break
        if tag < 0x10:                          # a new attribute group
            groups.append((tag, {}))
            continue
        nlen, = struct.unpack(">H", data[pos:pos + 2])
        name = data[pos + 2:pos + 2 + nlen].decode()
        pos += 2 + nlen
        vlen, = struct.unpack(">H", data[pos:pos + 2])
        raw = data[pos + 2:pos + 2 + vlen]
        pos += 2 + vlen
        if tag in (0x21, 0x23):                 # integer, enum
            value = struct.unpack(">i", raw)[0]
        elif tag == 0x22:                       # boolean
            value = bool(raw[0])
        elif 0x40 < tag < 0x4a:                 # text, name, keyword, uri, ...
            value = raw.decode("utf-8", "replace")
        else:
            value = raw
        if nlen:                                # else: next value of a 1setOf
            values = groups[-1][1].setdefault(name, [])
        values.append(value)
    return groups


class PrivateCupsd:
    """A cupsd whose whole state lives in workdir; see the module docstring."""

    def __init__(self, workdir, die_with_parent=True):
        self.workdir = os.path.abspath(workdir)
        self.socket = os.path.join(self.workdir, "cups.sock")
        self.error_log = os.path.join(self.workdir, "log", "error_log")
        self._conf = os.path.join(self.workdir, "cupsd.conf")
        self._files_conf = os.path.join(self.workdir, "cups-files.conf")
        self._pidfile = os.path.join(self.workdir, "cupsd.pid")
        self._etc_list = os.path.join(self.workdir, "etc-files")
        self._die_with_parent = die_with_parent
        self._proc = None

    # -- lifecycle --------------------------------------------------------

    @property
    def pid(self):
        """cupsd's pid: our child's, or (CLI) the one in the pid file."""
        if self._proc:
            return self._proc.pid
        try:
            with open(self._pidfile) as f:
                return int(f.read())
        except (OSError, ValueError):
            return None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self, timeout=15):
        if self._proc and self._proc.poll() is None:
            raise CupsdError("cupsd is already running")
        if len(self.socket.encode()) > 100:      # sun_path holds 108 bytes
            raise CupsdError(f"socket path too long for AF_UNIX: {self.socket}")
        _sweep_stale_confs()
        for d in ("spool/tmp", "cache", "state", "log", "cups-pdf"):
            os.makedirs(os.path.join(self.workdir, d), exist_ok=True)
        # Filters and backends run as user lp: it must be able to reach the
        # spool below workdir.  cupsd fixes the modes of its own directories.
        os.chmod(self.workdir, 0o755)
        self._write_config()

        # cupsd -f logs config errors only to the error_log it may not have
        # opened yet; -t reports them on stderr.
        test = subprocess.run([CUPSD, "-t", "-c", self._conf, "-s", self._files_conf],
                              capture_output=True, text=True, env=self._env(), timeout=30)
        if test.returncode:
            raise CupsdError(f"cupsd rejects its configuration: {(test.stdout + test.stderr).strip()}")

        parent = os.getpid()
        prctl = ctypes.CDLL(None, use_errno=True).prctl if self._die_with_parent else None

        def child_setup():
            # If the harness is SIGKILLed (meson's timeout escalation), the
            # kernel SIGTERMs cupsd instead of leaving it running forever.
            if prctl:
                prctl(1, signal.SIGTERM)         # PR_SET_PDEATHSIG
                if os.getppid() != parent:
                    os._exit(1)

        with open(os.path.join(self.workdir, "log", "cupsd.out"), "ab") as out:
            # Own session: a terminal ^C or meson's killpg reaches the
            # harness, which then stops cupsd in order.
            self._proc = subprocess.Popen(
                [CUPSD, "-f", "-c", self._conf, "-s", self._files_conf],
                stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=self._env(),
                start_new_session=True, preexec_fn=child_setup)
        with open(self._pidfile, "w") as f:
            f.write(f"{self._proc.pid}\n")
        if self._die_with_parent:
            atexit.register(self.stop)
            _exit_on_signals()

        deadline = time.monotonic() + timeout
        while True:
            if self._proc.poll() is not None:
                self._fail(f"cupsd exited with status {self._proc.returncode} while starting")
            try:
                _ipp_request(self.socket, 0x000A, "ipp://localhost/", timeout=2)   # Get-Jobs
                return
            except (OSError, CupsdError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                self._fail(f"cupsd did not answer on {self.socket} within {timeout} s")
            time.sleep(0.02)

    def poll(self):
        """Reap cupsd if it has exited (say, the test killed it); its exit status or None."""
        return self._proc.poll() if self._proc else None

    def log_tail(self, lines=30):
        """The error_log's last errors and warnings, then its last lines."""
        tail = _tail(self.error_log, 2000).splitlines(True)
        problems = [line for line in tail if line[:2] in ("E ", "W ", "C ", "A ")]
        return (f"--- {self.error_log}: last errors/warnings ---\n{''.join(problems[-15:])}"
                f"--- {self.error_log}: last {lines} lines ---\n{''.join(tail[-lines:])}")

    def _fail(self, message):
        self.stop()
        raise CupsdError(f"{message}\n{self.log_tail()}"
                         f"--- cupsd stdout/stderr ---\n{_tail(os.path.join(self.workdir, 'log', 'cupsd.out'))}")

    def stop(self, timeout=10):
        """Stop cupsd (if still running) and remove our /etc/cups files.  Idempotent."""
        pid = self.pid
        if self._proc:
            if self._proc.poll() is None:
                self._proc.terminate()
                try:
                    self._proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait()
        elif pid and _pid_alive(pid) and _is_our_cupsd(pid, self._conf):
            # Not our child (CLI `stop`): we cannot reap it, so wait until it
            # is gone or a zombie.
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.02)
            if _pid_alive(pid):
                os.kill(pid, signal.SIGKILL)
        for path in self._etc_files():
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        for path in (self._etc_list, self._pidfile):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        atexit.unregister(self.stop)

    def _env(self):
        # A clean environment: no LD_PRELOAD, ASAN_OPTIONS etc. from the test run.
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C"}
        if "TZ" in os.environ:
            env["TZ"] = os.environ["TZ"]
        return env

    def _write_config(self):
        w = self.workdir
        root_group = grp.getgrgid(0).gr_name
        with open(self._files_conf, "w") as f:
            f.write(f"""ServerRoot {w}
RequestRoot {w}/spool
TempDir {w}/spool/tmp
CacheDir {w}/cache
StateDir {w}/state
ServerBin /usr/lib/cups
DataDir /usr/share/cups
ErrorLog {w}/log/error_log
AccessLog {w}/log/access_log
PageLog {w}/log/page_log
Printcap {w}/printcap
SystemGroup {root_group}
FileDevice No
""")
        # No authentication anywhere.  Note cupsd makes ServerRoot 0755 and the
        # socket 0777 itself: any local user may administer this test cupsd.
        with open(self._conf, "w") as f:
            f.write(f"""LogLevel debug
MaxLogSize 0
Listen {self.socket}
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""")

    # -- queues -----------------------------------------------------------

    def lpadmin(self, *args):
        return self._run("lpadmin", "-h", self.socket, *args)

    def _run(self, *argv):
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        if r.returncode:
            raise CupsdError(f"{' '.join(argv)} failed ({r.returncode}): {r.stderr.strip()}")
        return r.stdout

    def _etc_files(self):
        try:
            with open(self._etc_list) as f:
                return [line.strip() for line in f if line.strip()]
        except FileNotFoundError:
            return []

    def add_pdf_queue(self, name, out_dir, renderer="pdftops"):
        """A cups-pdf queue writing OUT_DIR/<job title>-job_<id>.pdf.

        renderer: the pdftops filter's PDF->PostScript renderer.  "pdftops"
        (poppler) keeps text extractable; cups-filters' default for this
        PPD, Ghostscript, turns cairo's text into outlines."""
        out_dir = os.path.abspath(out_dir)
        tag = f"{CONF_TAG}-{uuid.uuid4().hex[:12]}"      # device cups-pdf:/TAG reads
        conf = os.path.join(ETC_CUPS, f"cups-pdf-{tag}.conf")    # this file
        spool = os.path.join(self.workdir, "cups-pdf", name)
        gstmp = os.path.join(self.workdir, "cups-pdf", "gstmp")
        os.makedirs(out_dir, exist_ok=True)
        os.makedirs(gstmp, mode=0o1777, exist_ok=True)
        os.chmod(gstmp, 0o1777)
        with open(self._etc_list, "a") as f:         # record first, then create
            f.write(conf + "\n")
        os.makedirs(ETC_CUPS, exist_ok=True)
        with open(conf, "w") as f:
            # Title from the job name (TitlePref 1), never cut at a '.'
            # (Cut -1), always suffixed -job_<id> (Label 2).  Grp: any group
            # that exists (Debian's default, lpadmin, may not in a chroot).
            f.write(f"""{WORKDIR_MARK}{self.workdir}
Out {out_dir}
AnonDirName {out_dir}
Spool {spool}
GSTmp {gstmp}
Log {os.path.join(self.workdir, 'log')}
LogType 7
Grp {grp.getgrgid(0).gr_name}
TitlePref 1
Label 2
Cut -1
UserUMask 0022
""")
        self.lpadmin("-p", name, "-E", "-v", f"cups-pdf:/{tag}",
                     "-P", CUPS_PDF_PPD, "-o", f"pdftops-renderer-default={renderer}")

    def add_aborting_queue(self, name):
        """A queue on which every job ends in state aborted within ~0.1 s.

        A raw queue (no filters) on device parallel:/ : the parallel backend
        fails to open "/" (EISDIR, not one of the errors it retries) and exits
        with CUPS_BACKEND_FAILED; with printer-error-policy abort-job cupsd
        then aborts the job and leaves the printer idle and enabled.  (A
        failing *filter* would give "stopped", not "aborted".)"""
        self.lpadmin("-p", name, "-E", "-v", "parallel:/", "-m", "raw",
                     "-o", "printer-error-policy=abort-job")

    def disable(self, name, reason=None):
        self._run("cupsdisable", "-h", self.socket, *(["-r", reason] if reason else []), name)

    def enable(self, name):
        self._run("cupsenable", "-h", self.socket, name)

    def reject(self, name, reason=None):
        self._run("cupsreject", "-h", self.socket, *(["-r", reason] if reason else []), name)

    def accept(self, name):
        self._run("cupsaccept", "-h", self.socket, name)

    # -- observing --------------------------------------------------------

    def _uri(self, name):
        return f"ipp://localhost/printers/{name}" if name else "ipp://localhost/"

    def job_states(self, name=None):
        """[(job_id, state)] of all jobs (of queue name), e.g. (3, "aborted")."""
        req = _ipp_attr(0x44, "which-jobs", "all") + _ipp_attr(0x44, "requested-attributes", "job-id") \
            + _ipp_attr(0x44, "", "job-state")
        jobs = [g for tag, g in _ipp_request(self.socket, 0x000A, self._uri(name), req) if tag == 0x02]
        return sorted((g["job-id"][0], JOB_STATES.get(g["job-state"][0], str(g["job-state"][0])))
                      for g in jobs if "job-id" in g)

    def printer_state(self, name):
        """{"state": idle|processing|stopped, "accepting": bool, "message": str}"""
        for tag, g in _ipp_request(self.socket, 0x000B, self._uri(name)):
            if tag == 0x04:
                return {"state": PRINTER_STATES.get(g["printer-state"][0]),
                        "accepting": g["printer-is-accepting-jobs"][0],
                        "message": (g.get("printer-state-message") or [""])[0]}
        raise CupsdError(f"no printer attributes for {name}")

    def wait_for_job(self, job_id, states=("completed", "aborted", "canceled", "stopped"), timeout=30):
        """Wait until job job_id is in one of states; return its state."""
        deadline = time.monotonic() + timeout
        while True:
            state = dict(self.job_states()).get(job_id)
            if state in states:
                return state
            if time.monotonic() > deadline:
                raise CupsdError(f"job {job_id} still {state} after {timeout} s")
            time.sleep(0.05)

    def wait_for_pdfs(self, out_dir, count, timeout=30):
        """Wait for >= count finished PDFs in out_dir; return them sorted by mtime.

        Finished: ends with %%EOF and its size did not change over one poll
        (cups-pdf's Ghostscript writes the file in place)."""
        deadline = time.monotonic() + timeout
        seen = {}
        while True:
            done = []
            for path in glob.glob(os.path.join(out_dir, "*.pdf")):
                try:
                    st = os.stat(path)
                    with open(path, "rb") as f:
                        f.seek(max(0, st.st_size - 1024))
                        tail = f.read().rstrip()
                except OSError:
                    continue
                key = (st.st_size, st.st_mtime_ns)
                if tail.endswith(b"%%EOF") and seen.get(path) == key:
                    done.append((st.st_mtime_ns, path))
                seen[path] = key
            if len(done) >= count:
                return [p for _, p in sorted(done)]
            if time.monotonic() > deadline:
                raise CupsdError(f"{len(done)} of {count} PDFs in {out_dir} after {timeout} s "
                                 f"(files: {sorted(seen)})\n{self.log_tail()}")
            time.sleep(0.1)


def _sweep_stale_confs():
    """Remove our /etc/cups files whose cupsd is gone (its harness was killed)."""
    for conf in glob.glob(os.path.join(ETC_CUPS, f"cups-pdf-{CONF_TAG}-*.conf")):
        try:
            with open(conf) as f:
                first = f.readline()
        except OSError:
            continue
        workdir = first[len(WORKDIR_MARK):].strip() if first.startswith(WORKDIR_MARK) else None
        if workdir:
            owner = PrivateCupsd(workdir)
            pid = owner.pid
            if pid and _pid_alive(pid) and _is_our_cupsd(pid, owner._conf):
                continue
        try:
            os.unlink(conf)
        except OSError:
            pass


def _exit_on_signals():
    """Turn SIGTERM/SIGHUP into SystemExit so atexit cleanup runs; only if
    the program has not installed handlers of its own."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))


def main(argv=None):
    p = argparse.ArgumentParser(description="Control a private test cupsd.")
    p.add_argument("command", choices=("start", "stop", "disable", "enable", "reject", "accept", "jobs"))
    p.add_argument("name", nargs="?", help="queue name")
    p.add_argument("--dir", default=os.environ.get("AISLE_TEST_CUPS_DIR"), help="the cupsd's workdir")
    p.add_argument("--reason", help="for disable/reject")
    a = p.parse_args(argv)
    if not a.dir:
        p.error("--dir (or AISLE_TEST_CUPS_DIR) is required")
    if a.command in ("disable", "enable", "reject", "accept") and not a.name:
        p.error(f"{a.command} needs a queue name")
    cups = PrivateCupsd(a.dir, die_with_parent=False)
    try:
        if a.command == "start":                 # detached, for manual use
            os.makedirs(a.dir, exist_ok=True)
            cups.start()
            out = os.path.join(cups.workdir, "out")
            cups.add_pdf_queue("AisleTest", out)
            cups.add_aborting_queue("AisleAborts")
            print(f"export CUPS_SERVER={cups.socket} AISLE_TEST_CUPS_OUT={out} "
                  f"AISLE_TEST_CUPS_DIR={cups.workdir} AISLE_TEST_CUPSD_PID={cups.pid}")
        elif a.command == "stop":
            cups.stop()
        elif a.command == "jobs":
            for job_id, state in cups.job_states(a.name):
                print(job_id, state)
        elif a.command in ("disable", "reject"):
            getattr(cups, a.command)(a.name, a.reason)
        else:
            getattr(cups, a.command)(a.name)
    except (CupsdError, OSError) as e:
        print(f"cupsd.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
