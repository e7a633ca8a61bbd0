#!/usr/bin/python3
"""with-cupsd.py -- CMD [ARGS...]: run a TAP test program against a private cupsd.

Starts a cupsd of its own (see cupsd.py) with two queues:
  AisleTest    cups-pdf; PDFs land in $AISLE_TEST_CUPS_OUT as <title>-job_<id>.pdf
  AisleAborts  every job ends "aborted" (backend failure, abort-job policy)
and runs CMD with
  CUPS_SERVER            the cupsd's Unix socket
  AISLE_TEST_CUPS_OUT    cups-pdf's output directory
  AISLE_TEST_CUPS_DIR    the cupsd's workdir (logs in log/)
  AISLE_TEST_CUPSD_PID   cupsd's pid (CMD may kill it)
  AISLE_TEST_CUPSD       path of cupsd.py (`python3 $AISLE_TEST_CUPSD disable AisleTest`)
CMD's stdout (TAP) passes through untouched; the exit status is CMD's.  The
workdir is removed afterwards unless CMD failed and AISLE_TEST_KEEP is set.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cupsd import CupsdError, PrivateCupsd  # noqa: E402


class _Signalled(Exception):
    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


def _raise_signal(signum, frame):
    raise _Signalled(signum)


def main(argv):
    cmd = argv[1:]
    if cmd[:1] == ["--"]:
        cmd = cmd[1:]
    if not cmd:
        print("usage: with-cupsd.py -- CMD [ARGS...]", file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print("1..0 # SKIP the cups suite needs root (cups-pdf runs as root)")
        return 0

    # meson's timeout sends SIGTERM (to the whole process group, CMD
    # included) and SIGKILL 0.5 s later: tear down promptly.
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _raise_signal)

    workdir = tempfile.mkdtemp(prefix="aisle-cups-")
    cups = PrivateCupsd(workdir)
    child = None
    status = 1
    try:
        out = os.path.join(workdir, "out")
        try:
            cups.start()
            cups.add_pdf_queue("AisleTest", out)
            cups.add_aborting_queue("AisleAborts")
        except (CupsdError, OSError, subprocess.SubprocessError) as e:
            print(f"Bail out! private cupsd: {str(e).splitlines()[0]}", flush=True)
            print(e, file=sys.stderr)
            return 1

        env = dict(os.environ,
                   CUPS_SERVER=cups.socket,
                   AISLE_TEST_CUPS_OUT=out,
                   AISLE_TEST_CUPS_DIR=workdir,
                   AISLE_TEST_CUPSD_PID=str(cups.pid),
                   AISLE_TEST_CUPSD=os.path.join(os.path.dirname(os.path.abspath(__file__)), "cupsd.py"))
        try:
            child = subprocess.Popen(cmd, env=env)
        except OSError as e:
            print(f"Bail out! cannot run {cmd[0]}: {e.strerror}", flush=True)
            return 1
        while True:
            try:
                status = child.wait(0.1)
                break
            except subprocess.TimeoutExpired:
                # Reap a cupsd the test killed, so that kill(pid, 0) fails
                # as soon as it is gone instead of finding a zombie.
                cups.poll()
        if status < 0:
            status = 128 - status
    except _Signalled as e:
        status = 128 + e.signum
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)     # don't interrupt the teardown
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if child and child.poll() is None:
            child.terminate()
            try:
                child.wait(2)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if child is not None and status != 0:
            sys.stderr.write(cups.log_tail())
        cups.stop()
        if status != 0 and os.environ.get("AISLE_TEST_KEEP"):
            print(f"# with-cupsd: kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
