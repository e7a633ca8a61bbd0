#!/usr/bin/env python3
"""order-server.py: a local HTTP/1.1 order endpoint for Aisle's integration tests.

Listens on 127.0.0.1 only, on an ephemeral port, and prints "PORT <n>" once
ready. Exits when its standard input closes (so it dies with the test that
started it) or on SIGTERM.

POST <prefix>/orders takes an order as docs/order-protocol.md describes it.
The prefix may select a misbehaviour, so that a kiosk's base URL can carry it:

  /fail/<n>/orders      503 to the first n requests of each key, then normal
  /status/<code>/orders always <code>, with an error body (4xx messages follow
                        Accept-Language: en, it, de, es)
  /slow/<seconds>/orders waits, then normal (the order is made even when the
                        client has given up meanwhile, as a real server would)
  /reset/orders         a TCP reset instead of an answer (the attempt counts)
  /junk/orders          200 with a body that is not JSON
  /conflict/orders      always 409 idempotency_conflict
  /huge/<MiB>/orders    200 with a body of that size (chunked; ?length sends
                        a Content-Length instead)
  /redirect/orders      307 to /orders

Any other prefix is ignored. GET /received tells what arrived, per key;
POST /reset-state forgets everything.
"""

import argparse
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

MIB = 1024 * 1024
MAX_BODY_BYTES = 4 * MIB
MAX_HUGE_MIB = 64
MAX_SLOW_SECONDS = 60.0
MAX_FAILURES = 1000
TEST_TOKEN = "aisle-test-token"
KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
MAX_KEY_LENGTH = 200

# Error messages by language, for the kiosk to show as they are.
MESSAGES = {
    "en": {
        "bad_request": "The order could not be read.",
        "invalid_format": "This is not an Aisle order.",
        "missing_idempotency_key": "The order has no Idempotency-Key.",
        "unauthorized": "This kiosk is not allowed to send orders.",
        "forbidden": "This kiosk may not order for this store.",
        "not_found": "The order service was not found.",
        "idempotency_conflict": "Another order was already sent with this number.",
        "gone": "The order service is no longer available.",
        "too_large": "The order is too large.",
        "unsupported_media_type": "Orders must be sent as JSON.",
        "unprocessable": "Some items can no longer be ordered.",
        "too_many_requests": "Too many orders at once. Please try again shortly.",
        "rejected": "The order was refused.",
    },
    "it": {
        "bad_request": "Non è stato possibile leggere l'ordine.",
        "invalid_format": "Questo non è un ordine Aisle.",
        "missing_idempotency_key": "L'ordine non ha una Idempotency-Key.",
        "unauthorized": "Questo chiosco non è autorizzato a inviare ordini.",
        "forbidden": "Questo chiosco non può ordinare per questo negozio.",
        "not_found": "Il servizio ordini non è stato trovato.",
        "idempotency_conflict": "È già stato inviato un altro ordine con questo numero.",
        "gone": "Il servizio ordini non è più disponibile.",
        "too_large": "L'ordine è troppo grande.",
        "unsupported_media_type": "Gli ordini devono essere inviati in JSON.",
        "unprocessable": "Alcuni articoli non si possono più ordinare.",
        "too_many_requests": "Troppi ordini insieme. Riprova tra poco.",
        "rejected": "L'ordine è stato rifiutato.",
    },
    "de": {
        "bad_request": "Die Bestellung konnte nicht gelesen werden.",
        "invalid_format": "Dies ist keine Aisle-Bestellung.",
        "missing_idempotency_key": "Der Bestellung fehlt der Idempotency-Key.",
        "unauthorized": "Dieses Terminal darf keine Bestellungen senden.",
        "forbidden": "Dieses Terminal darf für diese Filiale nicht bestellen.",
        "not_found": "Der Bestelldienst wurde nicht gefunden.",
        "idempotency_conflict": "Unter dieser Nummer wurde schon eine andere Bestellung gesendet.",
        "gone": "Der Bestelldienst ist nicht mehr verfügbar.",
        "too_large": "Die Bestellung ist zu groß.",
        "unsupported_media_type": "Bestellungen müssen als JSON gesendet werden.",
        "unprocessable": "Einige Artikel können nicht mehr bestellt werden.",
        "too_many_requests": "Zu viele Bestellungen auf einmal. Bitte gleich noch einmal versuchen.",
        "rejected": "Die Bestellung wurde abgelehnt.",
    },
    "es": {
        "bad_request": "No se ha podido leer el pedido.",
        "invalid_format": "Esto no es un pedido de Aisle.",
        "missing_idempotency_key": "El pedido no tiene Idempotency-Key.",
        "unauthorized": "Este quiosco no puede enviar pedidos.",
        "forbidden": "Este quiosco no puede hacer pedidos para esta tienda.",
        "not_found": "No se ha encontrado el servicio de pedidos.",
        "idempotency_conflict": "Ya se ha enviado otro pedido con este número.",
        "gone": "El servicio de pedidos ya no está disponible.",
        "too_large": "El pedido es demasiado grande.",
        "unsupported_media_type": "Los pedidos deben enviarse en JSON.",
        "unprocessable": "Algunos artículos ya no se pueden pedir.",
        "too_many_requests": "Demasiados pedidos a la vez. Inténtalo de nuevo en un momento.",
        "rejected": "El pedido ha sido rechazado.",
    },
}

# For /status/<code>: the error code a 4xx answer carries.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "idempotency_conflict",
    410: "gone",
    413: "too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "too_many_requests",
}


def pick_language(header):
    """The first of en/it/de/es in Accept-Language (weights ignored), else en."""
    for item in (header or "").split(",")[:20]:
        tag = item.split(";", 1)[0].strip().lower()
        primary = tag.split("-", 1)[0]
        if primary in MESSAGES:
            return primary
    return "en"


def canonical(document):
    return json.dumps(document, sort_keys=True, separators=(",", ":"))


class State:
    """Orders and attempts, per Idempotency-Key; safe to use from any thread."""

    def __init__(self):
        self._lock = threading.Lock()
        self.clear()

    def clear(self):
        with self._lock:
            self._next_number = 1
            self._keys = {}       # key -> record, see _record
            self._failures = {}   # key -> 503s answered in /fail mode
            self._without_key = 0

    def _record(self, key):
        return self._keys.setdefault(key, {
            "posts": 0, "orders": 0, "last_body": None, "headers": {},
            "canonical": None, "answer": None,
        })

    def note_post(self, key, body_text, headers):
        with self._lock:
            if key is None:
                self._without_key += 1
                return
            record = self._record(key)
            record["posts"] += 1
            record["last_body"] = body_text
            record["headers"] = headers

    def should_fail(self, key, times):
        """True for the first @times calls with @key."""
        with self._lock:
            done = self._failures.get(key, 0)
            if done >= times:
                return False
            self._failures[key] = done + 1
            return True

    def place(self, key, document):
        """Returns (status, answer) for an order: 201 new, 200 repeat, 409 conflict."""
        form = canonical(document)
        with self._lock:
            record = self._record(key)
            if record["answer"] is not None:
                if record["canonical"] == form:
                    return 200, record["answer"]
                return 409, None
            number = self._next_number
            self._next_number += 1
            record["answer"] = {
                "order_number": f"CN-{number:06d}",
                "pickup_code": f"{(4821 + (number - 1) * 7919) % 10000:04d}",
                "status": "accepted",
            }
            record["canonical"] = form
            record["orders"] = 1
            return 201, record["answer"]

    def to_json(self):
        with self._lock:
            keys = {}
            for key in sorted(self._keys):
                record = self._keys[key]
                # Counts first: tests find them right after the key.
                keys[key] = {
                    "posts": record["posts"],
                    "orders": record["orders"],
                    "headers": record["headers"],
                    "last_body": record["last_body"],
                }
            document = {"keys": keys, "without_key": self._without_key}
        return json.dumps(document, ensure_ascii=False).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AisleOrderServer/1"
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("order-server: " + (fmt % args) + "\n")

    # Helpers

    def send_body(self, status, body, content_type="application/json", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, status, document, headers=None):
        body = json.dumps(document, ensure_ascii=False).encode() + b"\n"
        self.send_body(status, body, "application/json; charset=utf-8", headers)

    def send_error_body(self, status, code, message=None, headers=None):
        if message is None:
            messages = MESSAGES[pick_language(self.headers.get("Accept-Language"))]
            message = messages.get(code, messages["rejected"])
        self.send_json(status, {"error": {"code": code, "message": message}}, headers)

    def read_body(self):
        """The request body as bytes, or None after answering 411/413."""
        length = self.headers.get("Content-Length")
        if length is None and "Transfer-Encoding" not in self.headers:
            return b""
        if length is None or not length.isdigit():
            self.close_connection = True
            self.send_error_body(411, "length_required", "A Content-Length is required.")
            return None
        length = int(length)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self.send_error_body(413, "too_large")
            return None
        return self.rfile.read(length)

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

    def idempotency_key(self):
        key = self.headers.get("Idempotency-Key")
        if key is None:
            return None
        key = key.strip()
        if not key or len(key) > MAX_KEY_LENGTH or not set(key) <= KEY_CHARS:
            return None
        return key

    # The order itself

    def place_order(self, key, body):
        if self.headers.get("Authorization") != f"Bearer {TEST_TOKEN}":
            self.send_error_body(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
            return
        if key is None:
            self.send_error_body(400, "missing_idempotency_key")
            return
        content_type = self.headers.get("Content-Type", "")
        if content_type.split(";", 1)[0].strip().lower() != "application/json":
            self.send_error_body(415, "unsupported_media_type")
            return
        try:
            document = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self.send_error_body(400, "bad_request")
            return
        if not isinstance(document, dict) or document.get("format") != "aisle-order":
            self.send_error_body(400, "invalid_format")
            return
        status, answer = self.server.state.place(key, document)
        if status == 409:
            self.send_error_body(409, "idempotency_conflict")
        else:
            self.send_json(status, answer)

    # Modes, by the path before /orders

    def mode_fail(self, arg, key, body):
        try:
            times = min(max(int(arg), 0), MAX_FAILURES)
        except ValueError:
            times = 1
        if self.server.state.should_fail(key or "", times):
            self.send_error_body(503, "unavailable", "The order service is busy.",
                                 {"Retry-After": "1"})
        else:
            self.place_order(key, body)

    def mode_status(self, arg, _key, _body):
        try:
            code = int(arg)
        except ValueError:
            code = 0
        if not 200 <= code <= 599:
            self.send_error_body(400, "bad_request", "No such status.")
        elif 400 <= code < 500:
            self.send_error_body(code, STATUS_CODES.get(code, "rejected"))
        elif code >= 500:
            self.send_error_body(code, "server_error", f"Server error {code}.")
        else:
            self.send_json(code, {"status": code})

    def mode_slow(self, arg, key, body):
        try:
            seconds = min(max(float(arg), 0.0), MAX_SLOW_SECONDS)
        except ValueError:
            seconds = 1.0
        if self.wait_or_client_gone(seconds):
            self.place_order(key, body)
            return
        self.close_connection = True
        try:
            self.place_order(key, body)
        except OSError:
            pass  # the client gave up, as it should

    def mode_reset(self, _arg, _key, _body):
        self.reset_connection()

    def mode_junk(self, _arg, _key, _body):
        self.send_body(200, b"<html>this is not JSON</html>\n", "text/html")

    def mode_conflict(self, _arg, _key, _body):
        self.send_error_body(409, "idempotency_conflict")

    def mode_huge(self, arg, _key, _body):
        try:
            mib = min(max(int(arg), 1), MAX_HUGE_MIB)
        except ValueError:
            mib = 1
        with_length = "length" in self.query
        chunk = b" " * MIB
        self.close_connection = True
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
            pass

    def mode_redirect(self, _arg, _key, _body):
        self.send_error_body(307, "moved", "The order service has moved.",
                             {"Location": "/orders"})

    MODES = {
        "fail": (mode_fail, True),          # (handler, takes an argument)
        "status": (mode_status, True),
        "slow": (mode_slow, True),
        "reset": (mode_reset, False),
        "junk": (mode_junk, False),
        "conflict": (mode_conflict, False),
        "huge": (mode_huge, True),
        "redirect": (mode_redirect, False),
    }

    def dispatch_order(self, prefix, key, body):
        parts = [part for part in prefix.split("/") if part]
        if parts and parts[0] in self.MODES:
            mode, takes_arg = self.MODES[parts[0]]
            arg = parts[1] if takes_arg and len(parts) > 1 else ""
            mode(self, arg, key, body)
        else:
            self.place_order(key, body)

    # Requests

    def parse_path(self):
        url = urllib.parse.urlsplit(self.path)
        self.path_only = url.path
        self.query = urllib.parse.parse_qs(url.query, keep_blank_values=True)

    def do_POST(self):
        self.parse_path()
        body = self.read_body()
        if body is None:
            return
        if self.path_only == "/reset-state":
            self.server.state.clear()
            self.send_json(200, {"reset": True})
            return
        if not (self.path_only == "/orders" or self.path_only.endswith("/orders")):
            self.send_error_body(404, "not_found")
            return
        key = self.idempotency_key()
        headers = {name.lower(): self.headers.get(name, "")
                   for name in ("Content-Type", "Accept", "Accept-Language", "User-Agent")
                   if name in self.headers}
        headers["authorized"] = self.headers.get("Authorization") == f"Bearer {TEST_TOKEN}"
        self.server.state.note_post(key, body.decode("utf-8", "replace"), headers)
        self.dispatch_order(self.path_only[:-len("/orders")], key, body)

    def do_GET(self):
        self.parse_path()
        if self.path_only == "/received":
            self.send_body(200, self.server.state.to_json(), "application/json; charset=utf-8")
        else:
            self.send_error_body(404, "not_found")


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
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = parser.parse_args()

    server = Server(("127.0.0.1", 0), Handler)
    server.verbose = args.verbose
    server.state = State()

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
