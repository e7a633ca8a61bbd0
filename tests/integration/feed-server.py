#!/usr/bin/env python3
"""feed-server.py: a local HTTP/1.1 store feed server for Aisle's integration tests.

Listens on 127.0.0.1 only, on an ephemeral port, and prints "PORT <n>" once
ready. Exits when its standard input closes (so it dies with the test that
started it) or on SIGTERM. Besides the files of --root it answers a set of
misbehaving paths; see Handler.ROUTES.
"""

import argparse
import gzip
import hashlib
import http.server
import json
import os
import select
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
import zlib

MIB = 1024 * 1024
MAX_HUGE_MIB = 1024
MAX_SLOW_SECONDS = 60.0
TEST_TOKEN = "aisle-test-token"

CONTENT_TYPES = {
    ".json": "application/json",
    ".gz": "application/gzip",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}

SAMPLE_JSON = json.dumps(
    {"format": "aisle-store-feed", "format_version": 1, "products": []}
).encode()


class Hits:
    """Responses served so far: path -> status (with " gzip" when encoded) -> count."""

    def __init__(self):
        self._lock = threading.Lock()
        self._hits = {}

    def add(self, path, key):
        with self._lock:
            per_path = self._hits.setdefault(path, {})
            per_path[key] = per_path.get(key, 0) + 1

    def to_json(self):
        with self._lock:
            return json.dumps(self._hits, sort_keys=True).encode()


class Bombs:
    """gzip-compressed runs of zeros, made once per size.

    One MiB of zeros compressed with a full flush (which forgets the history)
    is a run of deflate blocks that can simply be repeated, so even a large
    bomb costs only a CRC to make.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._cache = {}

    @staticmethod
    def make(mib):
        zeros = bytes(MIB)
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        tail = compressor.flush(zlib.Z_FINISH)
        crc = 0
        for _ in range(mib):
            crc = zlib.crc32(zeros, crc)
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
        trailer = struct.pack("<II", crc, (mib * MIB) & 0xFFFFFFFF)
        return header + block * mib + tail + trailer

    def get(self, mib):
        with self._lock:
            if mib not in self._cache:
                self._cache[mib] = self.make(mib)
            return self._cache[mib]


def accepts_gzip(header):
    for item in (header or "").split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip().lower() not in ("gzip", "x-gzip"):
            continue
        q = params.strip()
        if q.startswith("q="):
            try:
                return float(q[2:]) > 0
            except ValueError:
                return False
        return True
    return False


def etag_matches(header, etag):
    if not header:
        return False
    weak = etag[2:] if etag.startswith("W/") else etag
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate == "*":
            return True
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        if candidate == weak:
            return True
    return False


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AisleFeedServer/1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("feed-server: " + (fmt % args) + "\n")

    # Helpers

    def send_body(self, status, body, content_type="application/json",
                  headers=None, hit_key=None):
        # Counted first: a client may ask /hits as soon as it has the body.
        self.server.hits.add(self.path_only, hit_key or str(status))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        no_body = status == 304 or status == 204
        if not no_body:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not no_body:
            self.wfile.write(body)

    def wait_or_client_gone(self, seconds):
        """Sleeps up to @seconds; returns False early when the client hangs up."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            readable, _, _ = select.select([self.connection], [], [], min(left, 0.5))
            if readable:
                try:
                    if not self.connection.recv(4096, socket.MSG_PEEK):
                        return False
                except OSError:
                    return False
                # The client sent more (a pipelined request): keep waiting.
                time.sleep(min(left, 0.05))

    def reset_connection(self):
        """Closes with RST instead of FIN."""
        self.close_connection = True
        try:
            self.wfile.flush()
        except OSError:
            pass
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        os.close(self.connection.detach())

    # Routes

    def route_status(self, arg):
        # /status/500/catalog.json works too, so the path can be a feed's base URL.
        try:
            code = int(arg.split("/", 1)[0])
        except ValueError:
            code = 0
        if not 200 <= code <= 599:
            self.send_body(400, b"bad status\n", "text/plain")
            return
        self.send_body(code, f"status {code}\n".encode(), "text/plain")

    def route_slow(self, arg):
        try:
            seconds = min(max(float(arg.split("/", 1)[0]), 0.0), MAX_SLOW_SECONDS)
        except ValueError:
            seconds = 1.0
        head = b'{"slow": '
        tail = b'true}\n'
        self.close_connection = True
        self.server.hits.add(self.path_only, "200")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(head) + len(tail)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(head)
        if self.wait_or_client_gone(seconds):
            self.wfile.write(tail)

    def route_reset(self, _arg):
        self.server.hits.add(self.path_only, "reset")
        self.reset_connection()

    def route_reset_mid(self, _arg):
        self.server.hits.add(self.path_only, "reset")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b'{"products": [' + b" " * 1000)
        time.sleep(0.05)
        self.reset_connection()

    def route_junk(self, _arg):
        junk = bytearray(os.urandom(4096))
        if junk[0] == 0x1F:  # never look like gzip: that is another test
            junk[0] = 0x00
        self.send_body(200, bytes(junk), "application/json")

    def route_huge(self, arg):
        try:
            mib = min(max(int(arg), 1), MAX_HUGE_MIB)
        except ValueError:
            mib = 1
        with_length = "length" in self.query
        chunk = b"x" * MIB
        self.close_connection = True
        self.server.hits.add(self.path_only, "200")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if with_length:
            self.send_header("Content-Length", str(mib * MIB))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(mib):
                if with_length:
                    self.wfile.write(chunk)
                else:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if not with_length:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def route_gzip_file(self, _arg):
        self.send_body(200, gzip.compress(SAMPLE_JSON), "application/gzip")

    def route_bomb(self, arg):
        try:
            mib = min(max(int(arg), 1), MAX_HUGE_MIB)
        except ValueError:
            mib = 1
        body = self.server.bombs.get(mib)
        try:
            self.send_body(200, body, "application/json",
                           {"Content-Encoding": "gzip"}, "200 gzip")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route_etag(self, _arg):
        if etag_matches(self.headers.get("If-None-Match"), '"v1"'):
            self.send_body(304, b"", headers={"ETag": '"v1"'})
        else:
            self.send_body(200, b'{"etag": "v1"}\n', headers={"ETag": '"v1"'})

    def route_hits(self, _arg):
        self.send_body(200, self.server.hits.to_json())

    def route_redirect(self, arg):
        try:
            hops = min(max(int(arg), 0), 100)
        except ValueError:
            hops = 0
        if hops == 0:
            self.send_body(200, b'{"redirected": true}\n')
        else:
            self.send_body(302, b"", "text/plain",
                           {"Location": f"/redirect/{hops - 1}"})

    def route_redirect_to(self, _arg):
        target = self.query.get("url", ["/"])[0]
        self.send_body(302, b"", "text/plain", {"Location": target})

    def route_auth(self, _arg):
        if self.headers.get("Authorization") == f"Bearer {TEST_TOKEN}":
            self.send_body(200, b'{"authorized": true}\n')
        else:
            self.send_body(401, b"unauthorized\n", "text/plain",
                           {"WWW-Authenticate": "Bearer"})

    ROUTES = {
        "status": route_status,        # /status/<code>
        "slow": route_slow,            # /slow/<seconds>: a few bytes, a stall, the rest
        "reset": route_reset,          # /reset: RST instead of an answer
        "reset-mid": route_reset_mid,  # /reset-mid: RST in the middle of the body
        "junk": route_junk,            # /junk: random bytes as application/json
        "huge": route_huge,            # /huge/<MiB>[?length]: chunked, or with Content-Length
        "gzip-file": route_gzip_file,  # /gzip-file: a .json.gz without Content-Encoding
        "bomb": route_bomb,            # /bomb/<MiB>: zeros with Content-Encoding: gzip
        "etag": route_etag,            # /etag: fixed ETag "v1"
        "hits": route_hits,            # /hits: what was served so far
        "redirect": route_redirect,    # /redirect/<n>: n hops, then 200
        "redirect-to": route_redirect_to,  # /redirect-to?url=<anything>
        "auth": route_auth,            # /auth: 200 with the test bearer token, else 401
    }

    # Files under --root

    def serve_file(self):
        root = self.server.root
        if root is None:
            self.send_body(404, b"not found\n", "text/plain")
            return
        relative = urllib.parse.unquote(self.path_only).lstrip("/")
        path = os.path.realpath(os.path.join(root, relative))
        if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
            self.send_body(404, b"not found\n", "text/plain")
            return
        with open(path, "rb") as f:
            content = f.read()
        digest = hashlib.sha1(content).hexdigest()
        content_type = CONTENT_TYPES.get(os.path.splitext(path)[1],
                                         "application/octet-stream")
        headers = {}
        use_gzip = (path.endswith(".json")
                    and accepts_gzip(self.headers.get("Accept-Encoding")))
        if path.endswith(".json"):
            headers["Vary"] = "Accept-Encoding"
        if use_gzip:
            etag = f'"{digest}-gzip"'
            headers["Content-Encoding"] = "gzip"
        else:
            etag = f'"{digest}"'
        headers["ETag"] = etag
        if etag_matches(self.headers.get("If-None-Match"), etag):
            self.send_body(304, b"", content_type, headers)
            return
        body = gzip.compress(content) if use_gzip else content
        self.send_body(200, body, content_type, headers,
                       "200 gzip" if use_gzip else "200")

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        self.path_only = url.path
        self.query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        parts = url.path.strip("/").split("/", 1)
        route = self.ROUTES.get(parts[0]) if url.path.startswith("/") else None
        if route is None:
            self.serve_file()
        else:
            route(self, parts[1] if len(parts) > 1 else "")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return  # clients that hang up are part of the tests
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="serve the files of this folder")
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = parser.parse_args()

    server = Server(("127.0.0.1", 0), Handler)
    server.root = os.path.realpath(args.root) if args.root else None
    server.verbose = args.verbose
    server.hits = Hits()
    server.bombs = Bombs()

    def on_sigterm(_signum, _frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, on_sigterm)

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    print(f"PORT {server.server_address[1]}", flush=True)

    try:
        # Until whoever started us closes our stdin, or dies.
        while sys.stdin.buffer.read1(4096):
            pass
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
