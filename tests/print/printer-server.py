#!/usr/bin/env python3
"""printer-server.py: a fake ESC/POS network printer (raw TCP, "port 9100") for Aisle's tests.

Listens on 127.0.0.1 only: port 9100 by default; --port 0 picks a free port.
Prints "PORT <n>" once ready. Answers the real-time status queries DLE EOT n
(n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor) the way an
Epson printer does, according to its mode:

  ok          online, paper present; everything is taken
  paper-out   offline, paper end (DLE EOT 2 bit 5, DLE EOT 4 bits 5-6)
  cover-open  offline, cover open (DLE EOT 2 bit 2)
  drop        answers like "ok", then resets the connection once it has
              received --drop-after bytes of a job (default 64)
  stall       accepts connections but never reads nor answers
  stall-job   answers the first status queries, then stops reading

Everything received is appended to --record FILE (raw bytes, status queries
included). Commands on standard input, one per line: "mode <name>" switches
the mode for new connections and answers "OK <name>" on standard output.
Exits when standard input closes, or on SIGTERM.
"""

import argparse
import signal
import socket
import struct
import sys
import threading

DLE, EOT = 0x10, 0x04

# Status bytes: bits 1 and 4 always set (0x12).
STATUS = {
    "ok": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12},
    "paper-out": {1: 0x12 | 0x08, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x0C | 0x60},
    "cover-open": {1: 0x12 | 0x08, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12},
}
MODES = ("ok", "paper-out", "cover-open", "drop", "stall", "stall-job")


class Printer:
    def __init__(self, mode, record, drop_after):
        self.mode = mode
        self.record = record
        self.drop_after = drop_after
        self.lock = threading.Lock()
        self.held = []  # stalled connections, kept open

    def write_record(self, data):
        if self.record:
            with self.lock, open(self.record, "ab") as f:
                f.write(data)

    def serve(self, conn):
        mode = self.mode
        if mode == "stall":
            self.held.append(conn)
            return
        statuses = STATUS.get(mode, STATUS["ok"])
        pending = b""
        job_bytes = 0
        answered = 0
        try:
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                self.write_record(data)
                pending += data
                # Real-time commands are answered as they arrive, even
                # inside other data, as a real printer does.
                i = 0
                while i < len(pending):
                    if pending[i] == DLE:
                        if i + 2 >= len(pending):
                            break
                        if pending[i + 1] == EOT and pending[i + 2] in statuses:
                            conn.sendall(bytes([statuses[pending[i + 2]]]))
                            answered += 1
                            i += 3
                            continue
                    job_bytes += 1
                    i += 1
                pending = pending[i:]
                if mode == "drop" and job_bytes >= self.drop_after:
                    # SO_LINGER 0: a reset, as when a printer loses power.
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    conn.close()
                    return
                if mode == "stall-job" and answered >= 3 and job_bytes > 0:
                    self.held.append(conn)
                    return
        except OSError:
            pass
        conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9100, help="0 picks a free port")
    parser.add_argument("--mode", choices=MODES, default="ok")
    parser.add_argument("--record", metavar="FILE", help="append what arrives to FILE")
    parser.add_argument("--drop-after", type=int, default=64, help="job bytes before 'drop' resets")
    args = parser.parse_args()

    printer = Printer(args.mode, args.record, args.drop_after)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Small buffers, so a printer that stops reading is felt soon.
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    server.bind(("127.0.0.1", args.port))
    server.listen(128)
    print(f"PORT {server.getsockname()[1]}", flush=True)

    def accept_loop():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=printer.serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    for line in sys.stdin:
        words = line.split()
        if len(words) == 2 and words[0] == "mode" and words[1] in MODES:
            printer.mode = words[1]
            print(f"OK {words[1]}", flush=True)
        elif words:
            print(f"ERROR unknown command: {line.strip()}", flush=True)


if __name__ == "__main__":
    main()
