#!/usr/bin/env python3
"""order-server.py: a local HTTP/1.1 order endpoint for Aisle's integration tests.

Listens on 127.0.0.1 only, on an ephemeral port, and prints "PORT <n>" once
ready. Exits when its standard input closes (so it dies with the test that
started it) or on SIGTERM. Start it by hand with

  python3 tests/integration/order-server.py --verbose < /dev/tty

(or keep its stdin open some other way) and send it the token
"aisle-test-token".

POST <prefix>/orders takes an order as docs/order-protocol.md describes it.
POST <prefix>/orders/lookup, POST <prefix>/orders/<id>/check-in and
POST <prefix>/orders/<id>/returns serve the online orders of
data/demo-store/online-orders.json (--online-orders picks another file) as
"Online orders at the kiosk" in the same document describes them: numbers
match ignoring case, spaces and dashes, contacts by e-mail (ignoring case),
the last 4 digits of the phone or the order's pickup code (ignoring ASCII
case, spaces and dashes); an unknown number and a wrong contact both get
404 not_found; after 10 failed look-ups in 5 minutes a token gets 429
too_many_tries (with Retry-After) until the oldest failure
is 5 minutes old; check-ins are idempotent and numbered A11, A12, ... A
"ready" or "preparing" order for another store than the request's store_id
is answered as "at_other_store", and an "at_other_store" order looked up by
a kiosk of its own pickup store as "ready". Returns need an Idempotency-Key
(the same key again gets 200 and the same return; with another request, 409
idempotency_conflict), are numbered R-2041, R-2042, ..., decide the return
window by today's UTC date, refund the quantity times the file's per-line
"unit_price" (no refund when a returned line has none), take their desk
from the file's "returns_desk", and add their quantities to the lines'
"returned" in memory only, so that later look-ups and returns see them.

POST <prefix>/coupons/validate checks a coupon code against an order as
"Coupons" in the same document describes it, by the rules of the demo
coupons of data/demo-store/coupons.json (--coupons picks another file):
codes match ignoring case, spaces and hyphens; the dates are checked against
today's UTC date; an unknown code gets 404 unknown_coupon, a code past its
valid_until 409 expired, one that does not fit the order 409 not_applicable
with a message that says why (the minimum with the amount missing, the
fulfilment it is for, not valid yet, nothing to take off); after 10 unknown
codes in 5 minutes a token gets 429 too_many_tries (with Retry-After) until
the oldest is 5 minutes old. Messages and descriptions follow the request's
"language" (else Accept-Language): en, it, de, es. An order with a "coupon"
must add up (totals.discount is the coupon's discount, total = items + fees
- discount, the lines' sum is items), else 400 bad_request; a new order's
coupon is then checked again as on validation, and one that no longer gives
that discount gets 422 coupon_not_applicable (a repeat of an accepted order
gets its 200 without a check). A "totals.discount" other than 0 without a
"coupon" is a 400 too.

The prefix may select a misbehaviour, so that a kiosk's base URL can carry it:

  /fail/<n>/orders      503 to the first n requests of each key (look-ups:
                        of all look-ups; check-ins: of each order; returns:
                        of each Idempotency-Key), then normal
  /status/<code>/orders always <code>, with an error body (4xx messages follow
                        Accept-Language: en, it, de, es). Look-ups get
                        too_many_tries with Retry-After for 429, and
                        look-ups, check-ins and returns the order's not_found
                        message for 404; check-ins get not_ready for 409,
                        returns not_returnable
  /slow/<seconds>/orders waits, then normal (the order is made even when the
                        client has given up meanwhile, as a real server would)
  /reset/orders         a TCP reset instead of an answer (the attempt counts)
  /junk/orders          200 with a body that is not JSON
  /conflict/orders      always 409 idempotency_conflict
  /huge/<MiB>/orders    200 with a body of that size (chunked; ?length sends
                        a Content-Length instead)
  /redirect/orders      307 to the same path without the prefix

Each works for the three online order paths and for coupons too:
/status/429/orders/lookup, /slow/30/orders/ord_01JEXAMPLE0001/check-in,
/junk/orders/lookup, /fail/1/orders/ord_01JEXAMPLE0004/returns,
/slow/20/coupons/validate, ... /fail/<n> fails the first n validations of
all; /status/<code>/coupons/validate gives too_many_tries for 429,
unknown_coupon for 404, expired for 409.

Any other prefix is ignored. GET /received tells what arrived at /orders, per
key; GET /check-ins tells how many look-ups arrived and how they were
answered, and the check-in requests and check-ins per order; GET /returns
lists the returns made, oldest first, and the return requests per order.
GET /coupons counts the validations by answer and shows the headers of
the last one and the last request that could be read. These are what a
store's system would show its staff; the kiosk never asks for them, and
they also answer under a prefix (GET /aisle/v1/returns).
POST /reset-state forgets everything: orders, failed look-ups, check-ins,
returns, validations and unknown coupon codes (the next queue number is A11
again, the next return R-2041, and the lines' "returned" are the file's
again).
"""

import argparse
import http.server
import json
import copy
import datetime
import math
import os
import re
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

# Online orders at the kiosk
DEFAULT_ONLINE_ORDERS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                     "..", "..", "data", "demo-store", "online-orders.json")
MAX_ONLINE_ORDERS_BYTES = 1 * MIB
MAX_ONLINE_ORDERS = 100
MAX_LOOKUP_BODY_BYTES = 16 * 1024   # look-up and check-in requests
MAX_ORDER_ID_LENGTH = 100
MAX_NUMBER_LENGTH = 40
MAX_CONTACT_LENGTH = 254
PICKUP_CODE = re.compile(r"[A-Za-z0-9]{6,32}")   # without spaces and dashes
MAX_TEXT_LENGTH = 200
MAX_ORDER_LINES = 200
LOOKUP_FAILURES_ALLOWED = 10        # per token and window
LOOKUP_WINDOW_SECONDS = 300
FIRST_QUEUE_NUMBER = 11
ESTIMATED_MINUTES = 5
ORDER_STATES = ("ready", "preparing", "at_other_store", "collected", "cancelled")
CHECK_IN_PATH = re.compile(r"(.*)/orders/([^/]+)/check-in")
MAX_LINE_ID_LENGTH = 100
MAX_QUANTITY = 9999
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CURRENCY = re.compile(r"[A-Z]{3}")

# Returns of online orders
RETURNS_PATH = re.compile(r"(.*)/orders/([^/]+)/returns")
MAX_RETURN_BODY_BYTES = 64 * 1024
RETURN_REASONS = ("changed_mind", "damaged", "wrong_item", "not_as_described", "other")
FIRST_RETURN_NUMBER = 2041

# Coupons
DEFAULT_COUPONS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "..", "..", "data", "demo-store", "coupons.json")
MAX_COUPONS_BYTES = 1 * MIB
MAX_COUPONS = 100
COUPONS_PATH = "/coupons/validate"
MAX_COUPON_BODY_BYTES = 1 * MIB
MAX_CODE_LENGTH = 32
COUPON_CODE = re.compile(r"[A-Z0-9]{1,32}")   # the demo file's codes
MAX_LANGUAGE_LENGTH = 35
MAX_ARTICLE_LENGTH = 64
MAX_AMOUNT = 10 ** 12
COUPON_FAILURES_ALLOWED = 10        # unknown codes per token and window
COUPON_WINDOW_SECONDS = 300
FULFILLMENTS = ("pickup", "delivery")
COUPON_KINDS = ("percent", "amount", "free_delivery")

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
        "order_not_found": "No order matches this number and contact. Please check both.",
        "bad_lookup": "The order number or contact could not be read.",
        "too_many_tries": "Too many tries. Please wait a few minutes or ask our staff.",
        "not_ready": "Your order is still being prepared. We will let you know when it is ready.",
        "at_other_store": "This order is waiting for you at {store}.",
        "collected": "This order has already been collected.",
        "cancelled": "This order was cancelled.",
        "bad_return": "The return could not be read.",
        "missing_return_key": "The return has no Idempotency-Key.",
        "return_conflict": "Another return was already sent with this Idempotency-Key.",
        "not_returnable": "Some items cannot be returned here. Please ask at the returns desk.",
        "not_returnable_order": "Only collected orders can be returned.",
        "not_returnable_line": "{product} cannot be returned.",
        "already_returned": "{product} has already been returned.",
        "return_window_over": "The return period for {product} has ended.",
        "return_too_many": "Only {left} × {product} can still be returned.",
        "bad_coupon": "The coupon could not be checked.",
        "unknown_coupon": "This coupon code is not known. Please check it.",
        "expired": "This coupon has expired.",
        "coupon_min_items": "This coupon is for orders from {minimum}. Add {missing} more to use it.",
        "coupon_delivery_only": "This coupon is only for home delivery.",
        "coupon_pickup_only": "This coupon is only for pickup in store.",
        "coupon_not_yet": "This coupon can be used from {date}.",
        "coupon_no_fee": "This order has no delivery fee to take off.",
        "coupon_no_discount": "This coupon takes nothing off this order.",
        "coupon_changed": "The coupon now gives a different discount.",
        "coupon_refused": "The order was refused because its coupon no longer applies. {reason}",
        "bad_coupon_totals": "The order's coupon and totals do not add up.",
        "unknown_coupon_order": "The coupon code is not known.",
        "coupon_min_items_order": "The coupon is for orders from {minimum}.",
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
        "order_not_found": "Nessun ordine corrisponde a questo numero e contatto. Controlla entrambi.",
        "bad_lookup": "Non è stato possibile leggere il numero d'ordine o il contatto.",
        "too_many_tries": "Troppi tentativi. Attendi qualche minuto o chiedi al personale.",
        "not_ready": "Il tuo ordine è ancora in preparazione. Ti avviseremo quando sarà pronto.",
        "at_other_store": "Questo ordine ti aspetta presso {store}.",
        "collected": "Questo ordine è già stato ritirato.",
        "cancelled": "Questo ordine è stato annullato.",
        "bad_return": "Non è stato possibile leggere il reso.",
        "missing_return_key": "Il reso non ha una Idempotency-Key.",
        "return_conflict": "È già stato inviato un altro reso con questa Idempotency-Key.",
        "not_returnable": "Alcuni articoli non si possono restituire qui. Chiedi al banco resi.",
        "not_returnable_order": "Si possono restituire solo gli ordini già ritirati.",
        "not_returnable_line": "Non è possibile restituire {product}.",
        "already_returned": "Per {product} il reso è già stato registrato.",
        "return_window_over": "Il periodo di reso per {product} è scaduto.",
        "return_too_many": "Si possono ancora restituire solo {left} × {product}.",
        "bad_coupon": "Non è stato possibile verificare il coupon.",
        "unknown_coupon": "Questo codice coupon non esiste. Controllalo.",
        "expired": "Questo coupon è scaduto.",
        "coupon_min_items": "Questo coupon vale per ordini da {minimum}. Aggiungi altri {missing} per usarlo.",
        "coupon_delivery_only": "Questo coupon vale solo per la consegna a domicilio.",
        "coupon_pickup_only": "Questo coupon vale solo per il ritiro in negozio.",
        "coupon_not_yet": "Questo coupon si può usare dal {date}.",
        "coupon_no_fee": "Questo ordine non ha costi di consegna da togliere.",
        "coupon_no_discount": "Questo coupon non dà alcuno sconto su questo ordine.",
        "coupon_changed": "Il coupon ora dà uno sconto diverso.",
        "coupon_refused": "L'ordine è stato rifiutato perché il suo coupon non vale più. {reason}",
        "bad_coupon_totals": "Il coupon e i totali dell'ordine non corrispondono.",
        "unknown_coupon_order": "Il codice coupon non esiste.",
        "coupon_min_items_order": "Il coupon vale per ordini da {minimum}.",
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
        "order_not_found": "Keine Bestellung passt zu dieser Nummer und diesem Kontakt. Bitte beides prüfen.",
        "bad_lookup": "Bestellnummer oder Kontakt konnten nicht gelesen werden.",
        "too_many_tries": "Zu viele Versuche. Bitte warten Sie einige Minuten oder fragen Sie unser Personal.",
        "not_ready": "Ihre Bestellung wird noch vorbereitet. Wir sagen Ihnen Bescheid, sobald sie bereit ist.",
        "at_other_store": "Diese Bestellung wartet in {store} auf Sie.",
        "collected": "Diese Bestellung wurde bereits abgeholt.",
        "cancelled": "Diese Bestellung wurde storniert.",
        "bad_return": "Die Rückgabe konnte nicht gelesen werden.",
        "missing_return_key": "Der Rückgabe fehlt der Idempotency-Key.",
        "return_conflict": "Unter diesem Idempotency-Key wurde schon eine andere Rückgabe gesendet.",
        "not_returnable": "Einige Artikel können hier nicht zurückgegeben werden. Bitte fragen Sie an der Warenrückgabe.",
        "not_returnable_order": "Nur abgeholte Bestellungen können zurückgegeben werden.",
        "not_returnable_line": "{product} kann nicht zurückgegeben werden.",
        "already_returned": "{product} wurde bereits zurückgegeben.",
        "return_window_over": "Die Rückgabefrist für {product} ist abgelaufen.",
        "return_too_many": "Von {product} können nur noch {left} zurückgegeben werden.",
        "bad_coupon": "Der Gutschein konnte nicht geprüft werden.",
        "unknown_coupon": "Diesen Gutscheincode gibt es nicht. Bitte prüfen Sie ihn.",
        "expired": "Dieser Gutschein ist abgelaufen.",
        "coupon_min_items": "Dieser Gutschein gilt für Bestellungen ab {minimum}. Es fehlen noch {missing}.",
        "coupon_delivery_only": "Dieser Gutschein gilt nur für die Lieferung nach Hause.",
        "coupon_pickup_only": "Dieser Gutschein gilt nur für die Abholung im Markt.",
        "coupon_not_yet": "Dieser Gutschein gilt ab dem {date}.",
        "coupon_no_fee": "Für diese Bestellung fallen keine Lieferkosten an, die entfallen könnten.",
        "coupon_no_discount": "Dieser Gutschein bringt bei dieser Bestellung keinen Rabatt.",
        "coupon_changed": "Der Gutschein gibt jetzt einen anderen Rabatt.",
        "coupon_refused": "Die Bestellung wurde abgelehnt, weil ihr Gutschein nicht mehr gilt. {reason}",
        "bad_coupon_totals": "Gutschein und Summen der Bestellung passen nicht zusammen.",
        "unknown_coupon_order": "Den Gutscheincode gibt es nicht.",
        "coupon_min_items_order": "Der Gutschein gilt für Bestellungen ab {minimum}.",
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
        "order_not_found": "Ningún pedido coincide con este número y contacto. Comprueba ambos.",
        "bad_lookup": "No se ha podido leer el número de pedido o el contacto.",
        "too_many_tries": "Demasiados intentos. Espera unos minutos o pregunta a nuestro personal.",
        "not_ready": "Tu pedido aún se está preparando. Te avisaremos cuando esté listo.",
        "at_other_store": "Este pedido te espera en {store}.",
        "collected": "Este pedido ya se ha recogido.",
        "cancelled": "Este pedido se ha cancelado.",
        "bad_return": "No se ha podido leer la devolución.",
        "missing_return_key": "La devolución no tiene Idempotency-Key.",
        "return_conflict": "Ya se ha enviado otra devolución con esta Idempotency-Key.",
        "not_returnable": "Algunos artículos no se pueden devolver aquí. Pregunta en el mostrador de devoluciones.",
        "not_returnable_order": "Solo se pueden devolver pedidos ya recogidos.",
        "not_returnable_line": "{product} no se puede devolver.",
        "already_returned": "La devolución de {product} ya está registrada.",
        "return_window_over": "El plazo de devolución de {product} ha terminado.",
        "return_too_many": "De {product} solo se pueden devolver {left} más.",
        "bad_coupon": "No se ha podido comprobar el cupón.",
        "unknown_coupon": "Este código de cupón no existe. Compruébalo.",
        "expired": "Este cupón ha caducado.",
        "coupon_min_items": "Este cupón es para pedidos desde {minimum}. Añade {missing} más para usarlo.",
        "coupon_delivery_only": "Este cupón solo vale para el envío a domicilio.",
        "coupon_pickup_only": "Este cupón solo vale para la recogida en tienda.",
        "coupon_not_yet": "Este cupón se puede usar a partir del {date}.",
        "coupon_no_fee": "Este pedido no tiene gastos de envío que descontar.",
        "coupon_no_discount": "Este cupón no descuenta nada en este pedido.",
        "coupon_changed": "El cupón ahora da un descuento distinto.",
        "coupon_refused": "El pedido ha sido rechazado porque su cupón ya no es válido. {reason}",
        "bad_coupon_totals": "El cupón y los totales del pedido no cuadran.",
        "unknown_coupon_order": "El código de cupón no existe.",
        "coupon_min_items_order": "El cupón es para pedidos desde {minimum}.",
    },
}

# Why an order's coupon no longer applies: the message of a validation,
# or this one, which suits an order already placed.
ORDER_REASONS = {
    "unknown_coupon": "unknown_coupon_order",
    "coupon_min_items": "coupon_min_items_order",
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


def normal_number(text):
    """An order number as the server compares it: no spaces or dashes, any case."""
    return "".join(c for c in text if c not in " -").casefold()


def normal_pickup_code(text):
    """A pickup code as the server compares it: no spaces or dashes, upper
    case; None when @text is no pickup code."""
    code = "".join(c for c in text if c not in " -")
    return code.upper() if PICKUP_CODE.fullmatch(code) else None


def contact_matches(contact, known):
    """True when @contact is the order's e-mail address (any case), exactly
    the last 4 digits of its phone number, or else its pickup code (any
    ASCII case, spaces and dashes left out); @known is the file's "contact"."""
    if "@" in contact:
        email = known.get("email", "")
        return bool(email) and contact.casefold() == email.casefold()
    if len(contact) == 4 and all(c in "0123456789" for c in contact):
        phone = "".join(c for c in known.get("phone", "") if c in "0123456789")
        return len(phone) >= 4 and phone[-4:] == contact
    code = normal_pickup_code(contact)
    return code is not None and code == normal_pickup_code(known.get("pickup_code", ""))


def short_text(value, limit=MAX_TEXT_LENGTH):
    return isinstance(value, str) and 0 < len(value) <= limit


def is_count(value, low, high):
    """True when @value is an integer (not a boolean) from @low to @high."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def is_date(value):
    """True for a date "YYYY-MM-DD" that exists."""
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_money(value):
    return (isinstance(value, dict) and is_count(value.get("amount"), 0, 10 ** 12)
            and isinstance(value.get("currency"), str) and bool(CURRENCY.fullmatch(value["currency"])))


def check_lines(lines, where):
    """Raises ValueError unless @lines are an order's lines as the server
    needs them: ids used once, a name, a quantity, and the optional
    "returned", "return_until" and (demo file only) "unit_price"."""
    ids = set()
    for n, line in enumerate(lines):
        at = f"{where}: lines[{n}]"
        if not isinstance(line, dict):
            raise ValueError(f"{at} is not an object")
        if not short_text(line.get("id"), MAX_LINE_ID_LENGTH) or line["id"] in ids:
            raise ValueError(f"{at}: \"id\" is missing, too long or used twice")
        if not short_text(line.get("name")):
            raise ValueError(f"{at}: \"name\" is missing or too long")
        if not is_count(line.get("quantity"), 1, MAX_QUANTITY):
            raise ValueError(f"{at}: \"quantity\" is not an integer from 1 to {MAX_QUANTITY}")
        if not is_count(line.get("returned", 0), 0, line["quantity"]):
            raise ValueError(f"{at}: \"returned\" is not an integer from 0 to the quantity")
        if "return_until" in line and not is_date(line["return_until"]):
            raise ValueError(f"{at}: \"return_until\" is not a date YYYY-MM-DD")
        if "unit_price" in line and not is_money(line["unit_price"]):
            raise ValueError(f"{at}: \"unit_price\" is not money")
        ids.add(line["id"])


def load_online_orders(path):
    """The demo orders of @path by id, and the file's returns desk or None;
    raises OSError or ValueError."""
    with open(path, "rb") as file:
        data = file.read(MAX_ONLINE_ORDERS_BYTES + 1)
    if len(data) > MAX_ONLINE_ORDERS_BYTES:
        raise ValueError(f"larger than {MAX_ONLINE_ORDERS_BYTES} bytes")
    document = json.loads(data.decode("utf-8"))
    if (not isinstance(document, dict) or document.get("format") != "aisle-demo-online-orders"
            or document.get("format_version") != 1):
        raise ValueError("not an aisle-demo-online-orders document of format_version 1")
    entries = document.get("orders")
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_ONLINE_ORDERS:
        raise ValueError(f"\"orders\" is not a list of 1 to {MAX_ONLINE_ORDERS} orders")
    returns_desk = document.get("returns_desk")
    if returns_desk is not None and not short_text(returns_desk):
        raise ValueError(f"\"returns_desk\" is not a text of 1 to {MAX_TEXT_LENGTH} characters")
    orders, numbers = {}, set()
    for n, order in enumerate(entries):
        where = f"orders[{n}]"
        if not isinstance(order, dict):
            raise ValueError(f"{where} is not an object")
        pickup, lines, contact = order.get("pickup"), order.get("lines"), order.get("contact")
        if not short_text(order.get("id"), MAX_ORDER_ID_LENGTH) or order["id"] in orders:
            raise ValueError(f"{where}: \"id\" is missing, too long or used twice")
        if not short_text(order.get("number"), MAX_NUMBER_LENGTH) or \
                normal_number(order["number"]) in numbers:
            raise ValueError(f"{where}: \"number\" is missing, too long or used twice")
        if order.get("state") not in ORDER_STATES:
            raise ValueError(f"{where}: \"state\" is not one of {', '.join(ORDER_STATES)}")
        if not (isinstance(pickup, dict) and short_text(pickup.get("store_id"))
                and short_text(pickup.get("desk"))):
            raise ValueError(f"{where}: \"pickup\" needs a store_id and a desk")
        if not isinstance(lines, list) or not 1 <= len(lines) <= MAX_ORDER_LINES:
            raise ValueError(f"{where}: \"lines\" is not a list of 1 to {MAX_ORDER_LINES} lines")
        check_lines(lines, where)
        if not isinstance(contact, dict) or not all(
                isinstance(contact.get(name, ""), str) for name in ("email", "phone", "pickup_code")):
            raise ValueError(f"{where}: \"contact\" is not an object of strings")
        if "pickup_code" in contact and not PICKUP_CODE.fullmatch(contact["pickup_code"]):
            raise ValueError(f"{where}: \"contact\": \"pickup_code\" is not 6 to 32 letters and digits")
        orders[order["id"]] = order
        numbers.add(normal_number(order["number"]))
    return orders, returns_desk


def shown_state(order, store_id):
    """The order's state as the kiosk of @store_id sees it."""
    state = order["state"]
    at_pickup_store = order["pickup"]["store_id"] == store_id
    if state in ("ready", "preparing") and not at_pickup_store:
        return "at_other_store"
    if state == "at_other_store" and at_pickup_store:
        return "ready"
    return state


def utc_now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def utc_today():
    return time.strftime("%Y-%m-%d", time.gmtime())


def valid_return_request(document):
    """True when @document is a return request: a store_id, maybe a
    kiosk_id, a known reason, and 1 to 200 lines of an id (once each) and
    a quantity from 1 to 9999. Whether the order has those lines is checked
    later."""
    def text(value, limit=MAX_TEXT_LENGTH):
        return isinstance(value, str) and len(value) <= limit and bool(value.strip())

    if not isinstance(document, dict):
        return False
    if not text(document.get("store_id")):
        return False
    if document.get("kiosk_id") is not None and not text(document["kiosk_id"]):
        return False
    if document.get("reason") not in RETURN_REASONS:
        return False
    lines = document.get("lines")
    if not isinstance(lines, list) or not 1 <= len(lines) <= MAX_ORDER_LINES:
        return False
    ids = set()
    for line in lines:
        if (not isinstance(line, dict) or not text(line.get("id"), MAX_LINE_ID_LENGTH)
                or line["id"] in ids or not is_count(line.get("quantity"), 1, MAX_QUANTITY)):
            return False
        ids.add(line["id"])
    return True


class Refusal(Exception):
    """A request the server refuses: the status, the error code, the name of
    the message in MESSAGES with its {fields}, and the id of the line at
    fault, if one is."""

    def __init__(self, status, code, message, line=None, **fields):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.line = line
        self.fields = fields


# Coupons

class Money:
    """An amount in minor units for a message, written as the language does."""

    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def for_language(self, language):
        units = f"{self.amount // 100}.{self.amount % 100:02d}"
        if language != "en":
            units = units.replace(".", ",")
        if self.currency == "EUR":
            return f"€{units}" if language == "en" else f"{units} €"
        return f"{units} {self.currency}"


class Day:
    """A date "YYYY-MM-DD" for a message, written as the language does."""

    def __init__(self, iso):
        self.iso = iso

    def for_language(self, language):
        year, month, day = self.iso.split("-")
        return f"{day}.{month}.{year}" if language == "de" else f"{day}/{month}/{year}"


def normal_code(text):
    """A coupon code as the server compares it: no spaces or hyphens, any case."""
    return "".join(c for c in text if c not in " -").upper()


def load_coupons(path):
    """The demo coupons of @path by normal code; raises OSError or ValueError."""
    with open(path, "rb") as file:
        data = file.read(MAX_COUPONS_BYTES + 1)
    if len(data) > MAX_COUPONS_BYTES:
        raise ValueError(f"larger than {MAX_COUPONS_BYTES} bytes")
    document = json.loads(data.decode("utf-8"))
    if (not isinstance(document, dict) or document.get("format") != "aisle-demo-coupons"
            or document.get("format_version") != 1):
        raise ValueError("not an aisle-demo-coupons document of format_version 1")
    entries = document.get("coupons")
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_COUPONS:
        raise ValueError(f"\"coupons\" is not a list of 1 to {MAX_COUPONS} coupons")
    coupons = {}
    for n, coupon in enumerate(entries):
        where = f"coupons[{n}]"
        if not isinstance(coupon, dict):
            raise ValueError(f"{where} is not an object")
        code = coupon.get("code")
        if not isinstance(code, str) or not COUPON_CODE.fullmatch(code) or code in coupons:
            raise ValueError(f"{where}: \"code\" is not 1 to {MAX_CODE_LENGTH} of A-Z and 0-9, "
                             "or is used twice")
        description = coupon.get("description")
        if not isinstance(description, dict) or not all(
                short_text(description.get(language)) for language in MESSAGES):
            raise ValueError(f"{where}: \"description\" needs a text of 1 to {MAX_TEXT_LENGTH} "
                             f"characters in each of {', '.join(MESSAGES)}")
        kinds = [kind for kind in COUPON_KINDS if kind in coupon]
        if len(kinds) != 1:
            raise ValueError(f"{where}: needs exactly one of {', '.join(COUPON_KINDS)}")
        if "percent" in coupon and not is_count(coupon["percent"], 1, 100):
            raise ValueError(f"{where}: \"percent\" is not an integer from 1 to 100")
        if "amount" in coupon and not is_count(coupon["amount"], 1, MAX_AMOUNT):
            raise ValueError(f"{where}: \"amount\" is not a positive integer")
        if "free_delivery" in coupon and coupon["free_delivery"] is not True:
            raise ValueError(f"{where}: \"free_delivery\" is not true")
        if "min_items" in coupon and not is_count(coupon["min_items"], 0, MAX_AMOUNT):
            raise ValueError(f"{where}: \"min_items\" is not an integer from 0")
        if "fulfillment" in coupon and coupon["fulfillment"] not in FULFILLMENTS:
            raise ValueError(f"{where}: \"fulfillment\" is not one of {', '.join(FULFILLMENTS)}")
        for name in ("valid_from", "valid_until"):
            if name in coupon and not is_date(coupon[name]):
                raise ValueError(f"{where}: \"{name}\" is not a date YYYY-MM-DD")
        if coupon.get("valid_from", "") > coupon.get("valid_until", "9999-12-31"):
            raise ValueError(f"{where}: \"valid_from\" is after \"valid_until\"")
        coupons[code] = coupon
    return coupons


def coupon_discount(coupon, fulfillment, items, fees, currency, today):
    """What @coupon takes off an order of @items and @fees (minor units) for
    @fulfillment on @today, by the rules of docs/order-protocol.md ("Demo
    coupons"); raises Refusal(409, "expired" or "not_applicable", ...)."""
    if "valid_until" in coupon and today > coupon["valid_until"]:
        raise Refusal(409, "expired", "expired")
    if "valid_from" in coupon and today < coupon["valid_from"]:
        raise Refusal(409, "not_applicable", "coupon_not_yet", date=Day(coupon["valid_from"]))
    if coupon.get("fulfillment", fulfillment) != fulfillment:
        raise Refusal(409, "not_applicable", f"coupon_{coupon['fulfillment']}_only")
    minimum = coupon.get("min_items", 0)
    if items < minimum:
        raise Refusal(409, "not_applicable", "coupon_min_items",
                      minimum=Money(minimum, currency), missing=Money(minimum - items, currency))
    if "percent" in coupon:
        discount = (items * coupon["percent"] + 50) // 100   # half up, to the cent
    elif "amount" in coupon:
        discount = coupon["amount"]
    else:
        discount = fees
        if discount == 0:
            raise Refusal(409, "not_applicable", "coupon_no_fee")
    discount = min(discount, items + fees)
    if discount <= 0:
        raise Refusal(409, "not_applicable", "coupon_no_discount")
    return discount


def valid_coupon_request(document):
    """True when @document is a coupon validate request: a code of 1 to 32
    characters, a store_id, maybe a kiosk_id, a language, "pickup" or
    "delivery", and lines and totals (without a discount) that add up."""
    def text(value, limit=MAX_TEXT_LENGTH):
        return isinstance(value, str) and len(value) <= limit and bool(value.strip())

    if not isinstance(document, dict):
        return False
    if not text(document.get("code"), MAX_CODE_LENGTH):
        return False
    if not text(document.get("store_id")):
        return False
    if document.get("kiosk_id") is not None and not text(document["kiosk_id"]):
        return False
    if not text(document.get("language"), MAX_LANGUAGE_LENGTH):
        return False
    if document.get("fulfillment") not in FULFILLMENTS:
        return False
    totals = document.get("totals")
    if not isinstance(totals, dict) or not all(
            is_count(totals.get(name), 0, MAX_AMOUNT) for name in ("items", "fees", "total")):
        return False
    if not isinstance(totals.get("currency"), str) or not CURRENCY.fullmatch(totals["currency"]):
        return False
    if totals.get("discount") not in (None, 0):
        return False
    return (lines_add_up(document.get("lines"), totals)
            and totals["total"] == totals["items"] + totals["fees"])


def lines_add_up(lines, totals):
    """True when @lines are order lines (a product, maybe an article, a
    quantity, a unit price in the totals' currency) whose sum is the
    totals' items."""
    if not isinstance(lines, list) or not lines:
        return False
    items = 0
    for line in lines:
        if not isinstance(line, dict) or not short_text(line.get("product")):
            return False
        if "article" in line and not short_text(line["article"], MAX_ARTICLE_LENGTH):
            return False
        if not is_count(line.get("quantity"), 1, MAX_QUANTITY) or not is_money(line.get("unit_price")):
            return False
        if line["unit_price"]["currency"] != totals["currency"]:
            return False
        items += line["quantity"] * line["unit_price"]["amount"]
    return items == totals["items"]


def order_coupon(document):
    """The "coupon" of an order document, or None when it has none; raises
    Refusal(400) when the coupon, the lines and the totals do not add up:
    totals.discount is the coupon's discount, total is items + fees -
    discount, all in one currency."""
    coupon, totals = document.get("coupon"), document.get("totals")
    if coupon is None:
        if isinstance(totals, dict) and totals.get("discount") not in (None, 0):
            raise Refusal(400, "bad_request", "bad_coupon_totals")
        return None
    fulfillment = document.get("fulfillment")
    if (not isinstance(coupon, dict) or not short_text(coupon.get("code"), MAX_CODE_LENGTH)
            or not is_money(coupon.get("discount")) or coupon["discount"]["amount"] <= 0
            or not isinstance(fulfillment, dict) or fulfillment.get("type") not in FULFILLMENTS
            or not isinstance(totals, dict)
            or not all(is_count(totals.get(name), 0, MAX_AMOUNT)
                       for name in ("items", "fees", "discount", "total"))
            or totals.get("currency") != coupon["discount"]["currency"]
            or totals["discount"] != coupon["discount"]["amount"]
            or totals["total"] != totals["items"] + totals["fees"] - totals["discount"]
            or not lines_add_up(document.get("lines"), totals)):
        raise Refusal(400, "bad_request", "bad_coupon_totals")
    return coupon


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
            # Online orders at the kiosk
            self._lookups = {"posts": 0, "found": 0, "not_found": 0,
                             "too_many_tries": 0, "bad_request": 0, "headers": {}}
            self._lookup_failures = {}   # token -> monotonic times of failed look-ups
            self._check_ins = {}         # order id -> record, see note_check_in_post
            self._unknown_check_in_posts = 0
            self._next_queue_number = FIRST_QUEUE_NUMBER
            # Returns
            self._returns = []           # records of the returns made, oldest first
            self._return_keys = {}       # Idempotency-Key -> (fingerprint, index in _returns)
            self._returned = {}          # (order id, line id) -> quantity returned since the start
            self._return_posts = {}      # order id -> {"posts": n, "headers": {...}}
            self._unknown_return_posts = 0
            self._next_return_number = FIRST_RETURN_NUMBER
            # Coupons
            self._coupons = {"posts": 0, "valid": 0, "unknown_coupon": 0, "expired": 0,
                             "not_applicable": 0, "too_many_tries": 0, "bad_request": 0,
                             "headers": {}, "last_request": None}
            self._coupon_failures = {}   # token -> monotonic times of unknown codes

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

    def place(self, key, document, check=None):
        """Returns (status, answer) for an order: 201 new, 200 repeat, 409 conflict.
        A new order is made only when @check(), if given, raises nothing."""
        form = canonical(document)
        with self._lock:
            record = self._record(key)
            if record["answer"] is not None:
                if record["canonical"] == form:
                    return 200, record["answer"]
                return 409, None
            if check is not None:
                check()   # a repeat of an accepted order is not checked again
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

    # Online orders at the kiosk

    def note_lookup_post(self, headers):
        with self._lock:
            self._lookups["posts"] += 1
            self._lookups["headers"] = headers

    def note_lookup(self, outcome):
        """Counts a look-up's answer: found, not_found, too_many_tries, bad_request."""
        with self._lock:
            self._lookups[outcome] += 1

    def lookup_wait(self, token):
        """Seconds until @token may look up again, or 0 when it may now."""
        with self._lock:
            now = time.monotonic()
            failures = [t for t in self._lookup_failures.get(token, [])
                        if now - t < LOOKUP_WINDOW_SECONDS]
            self._lookup_failures[token] = failures
            if len(failures) < LOOKUP_FAILURES_ALLOWED:
                return 0
            return max(1, math.ceil(failures[-LOOKUP_FAILURES_ALLOWED]
                                    + LOOKUP_WINDOW_SECONDS - now))

    def note_lookup_failure(self, token):
        with self._lock:
            failures = self._lookup_failures.setdefault(token, [])
            failures.append(time.monotonic())
            del failures[:-LOOKUP_FAILURES_ALLOWED]   # older ones no longer matter

    # Coupons

    def note_coupon_post(self, headers):
        with self._lock:
            self._coupons["posts"] += 1
            self._coupons["headers"] = headers

    def note_coupon(self, outcome, request=None):
        """Counts a validation's answer: valid, unknown_coupon, expired,
        not_applicable, too_many_tries, bad_request; keeps the last request
        that could be read."""
        with self._lock:
            self._coupons[outcome] += 1
            if request is not None:
                self._coupons["last_request"] = copy.deepcopy(request)

    def coupon_wait(self, token):
        """Seconds until @token may validate a coupon again, or 0 when it may now."""
        with self._lock:
            now = time.monotonic()
            failures = [t for t in self._coupon_failures.get(token, [])
                        if now - t < COUPON_WINDOW_SECONDS]
            self._coupon_failures[token] = failures
            if len(failures) < COUPON_FAILURES_ALLOWED:
                return 0
            return max(1, math.ceil(failures[-COUPON_FAILURES_ALLOWED]
                                    + COUPON_WINDOW_SECONDS - now))

    def note_coupon_failure(self, token):
        with self._lock:
            failures = self._coupon_failures.setdefault(token, [])
            failures.append(time.monotonic())
            del failures[:-COUPON_FAILURES_ALLOWED]

    def coupons_json(self):
        with self._lock:
            document = {"validations": copy.deepcopy(self._coupons)}
        return json.dumps(document, ensure_ascii=False).encode()

    def _check_in_record(self, order_id):
        return self._check_ins.setdefault(order_id, {
            "posts": 0, "check_in": None, "store_id": None, "kiosk_id": None,
            "headers": {},
        })

    def note_check_in_post(self, order_id, known, headers):
        with self._lock:
            if not known:
                self._unknown_check_in_posts += 1
                return
            record = self._check_in_record(order_id)
            record["posts"] += 1
            record["headers"] = headers

    def check_in(self, order_id, wait_at, store_id, kiosk_id):
        """The order's CHECK_IN: the first one made for it, or a new one."""
        with self._lock:
            record = self._check_in_record(order_id)
            if record["check_in"] is None:
                record["check_in"] = {
                    "queue_number": f"A{self._next_queue_number}",
                    "wait_at": wait_at,
                    "checked_in_at": utc_now(),
                    "estimated_minutes": ESTIMATED_MINUTES,
                }
                record["store_id"] = store_id
                record["kiosk_id"] = kiosk_id
                self._next_queue_number += 1
            return copy.deepcopy(record["check_in"])

    def check_in_of(self, order_id):
        with self._lock:
            record = self._check_ins.get(order_id)
            return copy.deepcopy(record["check_in"]) if record else None

    # Returns

    def note_return_post(self, order_id, known, headers):
        with self._lock:
            if not known:
                self._unknown_return_posts += 1
                return
            record = self._return_posts.setdefault(order_id, {"posts": 0, "headers": {}})
            record["posts"] += 1
            record["headers"] = headers

    def returned_since_start(self, order_id):
        """Line id -> the quantity returns made since the start added to the line."""
        with self._lock:
            return {line_id: quantity for (order, line_id), quantity in self._returned.items()
                    if order == order_id}

    def make_return(self, key, order, request, today, desk):
        """(201, RETURN) for a new return of @order's lines, (200, RETURN) for
        a repeat of @key with the same request; raises Refusal otherwise."""
        fingerprint = canonical({"order": order["id"], "request": request})
        with self._lock:
            known = self._return_keys.get(key)
            if known is not None:
                if known[0] != fingerprint:
                    raise Refusal(409, "idempotency_conflict", "return_conflict")
                return 200, copy.deepcopy(self._returns[known[1]]["return"])
            lines = {line["id"]: line for line in order["lines"]}
            for wanted in request["lines"]:
                if wanted["id"] not in lines:
                    raise Refusal(400, "bad_request", "bad_return", wanted["id"])
            if order["state"] != "collected":
                raise Refusal(409, "not_returnable", "not_returnable_order")
            for wanted in request["lines"]:
                line = lines[wanted["id"]]
                returned = line.get("returned", 0) + self._returned.get((order["id"], line["id"]), 0)
                left = line["quantity"] - returned
                if left <= 0:
                    raise Refusal(409, "not_returnable", "already_returned", line["id"],
                                  product=line["name"])
                if "return_until" not in line:
                    raise Refusal(409, "not_returnable", "not_returnable_line", line["id"],
                                  product=line["name"])
                if line["return_until"] < today:
                    raise Refusal(409, "not_returnable", "return_window_over", line["id"],
                                  product=line["name"])
                if wanted["quantity"] > left:
                    raise Refusal(409, "not_returnable", "return_too_many", line["id"],
                                  product=line["name"], left=left)

            number = self._next_return_number
            self._next_return_number += 1
            answer = {"id": f"ret_{number}", "number": f"R-{number}"}
            if desk:
                answer["desk"] = desk
            answer["created_at"] = utc_now()
            answer["lines"] = [{"id": wanted["id"], "name": lines[wanted["id"]]["name"],
                                "quantity": wanted["quantity"]} for wanted in request["lines"]]
            # The refund: quantity x unit price, when every line has a price
            # in one currency; none otherwise.
            prices = [lines[wanted["id"]].get("unit_price") for wanted in request["lines"]]
            if all(prices) and len({price["currency"] for price in prices}) == 1:
                answer["refund"] = {
                    "amount": sum(wanted["quantity"] * price["amount"]
                                  for wanted, price in zip(request["lines"], prices)),
                    "currency": prices[0]["currency"],
                }
            for wanted in request["lines"]:
                where = (order["id"], wanted["id"])
                self._returned[where] = self._returned.get(where, 0) + wanted["quantity"]
            self._return_keys[key] = (fingerprint, len(self._returns))
            self._returns.append({
                "return": answer,
                "order_id": order["id"],
                "order_number": order["number"],
                "store_id": request["store_id"],
                "kiosk_id": request.get("kiosk_id"),
                "reason": request["reason"],
                "idempotency_key": key,
            })
            return 201, copy.deepcopy(answer)

    def returns_json(self):
        with self._lock:
            document = {
                "returns": copy.deepcopy(self._returns),
                "posts": copy.deepcopy(self._return_posts),
                "unknown_order_posts": self._unknown_return_posts,
            }
        return json.dumps(document, ensure_ascii=False).encode()

    def check_ins_json(self):
        with self._lock:
            document = {
                "lookups": dict(self._lookups),
                "check_ins": copy.deepcopy(self._check_ins),
                "unknown_check_in_posts": self._unknown_check_in_posts,
            }
        return json.dumps(document, ensure_ascii=False).encode()

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

    def language(self):
        """The request's language: a coupon request's "language" when it is
        one of ours, else Accept-Language's."""
        return (getattr(self, "request_language", None)
                or pick_language(self.headers.get("Accept-Language")))

    def message(self, name, **fields):
        """Message @name in the request's language, with {fields} filled in
        (Money and Day written as the language writes them)."""
        language = self.language()
        messages = MESSAGES[language]
        fields = {name: value.for_language(language) if isinstance(value, (Money, Day)) else value
                  for name, value in fields.items()}
        return messages.get(name, messages["rejected"]).format(**fields)

    def send_error_body(self, status, code, message=None, headers=None, extra=None):
        if message is None:
            message = self.message(code)
        error = {"code": code, "message": message}
        error.update(extra or {})
        self.send_json(status, {"error": error}, headers)

    def send_too_many_tries(self, seconds):
        self.send_error_body(429, "too_many_tries", self.message("too_many_tries"),
                             {"Retry-After": str(seconds)}, {"retry_after": seconds})

    def send_status_error(self, status):
        """An error answer for /status/<status>, fitting the endpoint."""
        if self.endpoint_name == "coupons" and status == 429:
            self.send_too_many_tries(COUPON_WINDOW_SECONDS)
        elif self.endpoint_name == "coupons" and status == 404:
            self.send_error_body(404, "unknown_coupon", self.message("unknown_coupon"))
        elif self.endpoint_name == "coupons" and status == 409:
            self.send_error_body(409, "expired", self.message("expired"))
        elif self.endpoint_name == "coupons" and status == 400:
            self.send_error_body(400, "bad_request", self.message("bad_coupon"))
        elif self.endpoint_name == "lookup" and status == 429:
            self.send_too_many_tries(LOOKUP_WINDOW_SECONDS)
        elif self.endpoint_name != "orders" and status == 404:
            self.send_error_body(404, "not_found", self.message("order_not_found"))
        elif self.endpoint_name == "check-in" and status == 409:
            self.send_error_body(409, "not_ready", self.message("not_ready"))
        elif self.endpoint_name == "returns" and status == 409:
            self.send_error_body(409, "not_returnable", self.message("not_returnable"))
        elif self.endpoint_name == "returns" and status == 400:
            self.send_error_body(400, "bad_request", self.message("bad_return"))
        else:
            self.send_error_body(status, STATUS_CODES.get(status, "rejected"))

    def read_body(self, max_bytes=MAX_BODY_BYTES):
        """The request body as bytes, or None after answering 411/413."""
        length = self.headers.get("Content-Length")
        if length is None and "Transfer-Encoding" not in self.headers:
            return b""
        if length is None or not length.isdigit():
            self.close_connection = True
            self.send_error_body(411, "length_required", "A Content-Length is required.")
            return None
        length = int(length)
        if length > max_bytes:
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
        try:
            coupon = order_coupon(document)
        except Refusal as refusal:
            self.send_error_body(refusal.status, refusal.code, self.message(refusal.message))
            return

        def check_coupon():
            """The order's coupon checked again, as on validation; raises
            Refusal(422, "coupon_not_applicable") when it no longer applies."""
            found = self.server.coupons.get(normal_code(coupon["code"]))
            totals = document["totals"]
            try:
                if found is None:
                    raise Refusal(404, "unknown_coupon", "unknown_coupon")
                discount = coupon_discount(found, document["fulfillment"]["type"], totals["items"],
                                           totals["fees"], totals["currency"], utc_today())
                if discount != totals["discount"]:
                    raise Refusal(409, "not_applicable", "coupon_changed")
            except Refusal as why:
                reason = ORDER_REASONS.get(why.message, why.message)   # no "check it", "add more"
                raise Refusal(422, "coupon_not_applicable", "coupon_refused",
                              reason=self.message(reason, **why.fields)) from None

        try:
            status, answer = self.server.state.place(key, document,
                                                     check_coupon if coupon is not None else None)
        except Refusal as refusal:
            self.send_error_body(refusal.status, refusal.code,
                                 self.message(refusal.message, **refusal.fields))
            return
        if status == 409:
            self.send_error_body(409, "idempotency_conflict")
        else:
            self.send_json(status, answer)

    # Online orders at the kiosk

    def authorized(self):
        if self.headers.get("Authorization") != f"Bearer {TEST_TOKEN}":
            self.send_error_body(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
            return False
        return True

    def json_request(self, body, members):
        """The body as a JSON object whose @members (name -> (limit, required))
        are strings within their limits, or None after answering 400/415."""
        content_type = self.headers.get("Content-Type", "")
        if content_type.split(";", 1)[0].strip().lower() != "application/json":
            self.send_error_body(415, "unsupported_media_type")
            return None
        try:
            document = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            document = None
        if isinstance(document, dict):
            for name, (limit, required) in members.items():
                value = document.get(name)
                if value is None and not required:
                    continue
                if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
                    break
            else:
                return document
        self.send_error_body(400, "bad_request", self.message("bad_lookup"))
        return None

    def look_up(self, _key, body):
        if not self.authorized():
            return
        state = self.server.state
        request = self.json_request(body, {
            "number": (MAX_NUMBER_LENGTH, True),
            "contact": (MAX_CONTACT_LENGTH, True),
            "store_id": (MAX_TEXT_LENGTH, True),
            "kiosk_id": (MAX_TEXT_LENGTH, False),
        })
        if request is None:
            state.note_lookup("bad_request")
            return
        token = self.headers["Authorization"]
        wait = state.lookup_wait(token)
        if wait:
            state.note_lookup("too_many_tries")
            self.send_too_many_tries(wait)
            return
        number = normal_number(request["number"])
        order = next((order for order in self.server.online_orders.values()
                      if normal_number(order["number"]) == number), None)
        # The same answer for an unknown number and for a wrong contact.
        if order is None or not contact_matches(request["contact"], order["contact"]):
            state.note_lookup_failure(token)
            state.note_lookup("not_found")
            self.send_error_body(404, "not_found", self.message("order_not_found"))
            return
        answer = copy.deepcopy(order)
        del answer["contact"]
        added = state.returned_since_start(order["id"])
        for line in answer["lines"]:
            line.pop("unit_price", None)   # the demo file's, for refunds
            if added.get(line["id"]):
                line["returned"] = line.get("returned", 0) + added[line["id"]]
        answer["state"] = shown_state(order, request["store_id"])
        answer["check_in"] = state.check_in_of(order["id"]) or order.get("check_in")
        state.note_lookup("found")
        self.send_json(200, {"order": answer})

    def check_in(self, _key, body):
        if not self.authorized():
            return
        request = self.json_request(body, {
            "store_id": (MAX_TEXT_LENGTH, True),
            "kiosk_id": (MAX_TEXT_LENGTH, False),
        })
        if request is None:
            return
        order = self.server.online_orders.get(self.order_id)
        if order is None:
            self.send_error_body(404, "not_found", self.message("order_not_found"))
            return
        shown = shown_state(order, request["store_id"])
        if shown == "ready":
            check_in = self.server.state.check_in(order["id"], order["pickup"]["desk"],
                                                  request["store_id"], request.get("kiosk_id"))
            self.send_json(200, {"check_in": check_in})
        elif shown == "preparing":
            self.send_error_body(409, "not_ready", self.message("not_ready"))
        elif shown == "at_other_store":
            store = order["pickup"].get("store_name") or order["pickup"]["store_id"]
            self.send_error_body(409, "at_other_store", self.message("at_other_store", store=store))
        else:
            self.send_error_body(409, shown, self.message(shown))

    def make_return(self, key, body):
        if not self.authorized():
            return
        if key is None:
            self.send_error_body(400, "missing_idempotency_key", self.message("missing_return_key"))
            return
        content_type = self.headers.get("Content-Type", "")
        if content_type.split(";", 1)[0].strip().lower() != "application/json":
            self.send_error_body(415, "unsupported_media_type")
            return
        try:
            request = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            request = None
        if not valid_return_request(request):
            self.send_error_body(400, "bad_request", self.message("bad_return"))
            return
        order = self.server.online_orders.get(self.order_id)
        if order is None:
            self.send_error_body(404, "not_found", self.message("order_not_found"))
            return
        try:
            status, answer = self.server.state.make_return(key, order, request, utc_today(),
                                                           self.server.returns_desk)
        except Refusal as refusal:
            self.send_error_body(refusal.status, refusal.code,
                                 self.message(refusal.message, **refusal.fields),
                                 extra=None if refusal.line is None else {"line": refusal.line})
            return
        self.send_json(status, {"return": answer})

    # Coupons

    def validate_coupon(self, _key, body):
        if not self.authorized():
            return
        state = self.server.state
        content_type = self.headers.get("Content-Type", "")
        if content_type.split(";", 1)[0].strip().lower() != "application/json":
            self.send_error_body(415, "unsupported_media_type")
            return
        try:
            request = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            request = None
        if not valid_coupon_request(request):
            state.note_coupon("bad_request")
            self.send_error_body(400, "bad_request", self.message("bad_coupon"))
            return
        language = request["language"].split("-", 1)[0].lower()
        if language in MESSAGES:
            self.request_language = language
        token = self.headers["Authorization"]
        wait = state.coupon_wait(token)
        if wait:
            state.note_coupon("too_many_tries", request)
            self.send_too_many_tries(wait)
            return
        coupon = self.server.coupons.get(normal_code(request["code"]))
        if coupon is None:
            state.note_coupon_failure(token)
            state.note_coupon("unknown_coupon", request)
            self.send_error_body(404, "unknown_coupon", self.message("unknown_coupon"))
            return
        totals = request["totals"]
        try:
            discount = coupon_discount(coupon, request["fulfillment"], totals["items"],
                                       totals["fees"], totals["currency"], utc_today())
        except Refusal as refusal:
            state.note_coupon(refusal.code, request)
            self.send_error_body(refusal.status, refusal.code,
                                 self.message(refusal.message, **refusal.fields))
            return
        answer = {
            "code": coupon["code"],
            "description": coupon["description"].get(self.language(), coupon["description"]["en"]),
            "discount": {"amount": discount, "currency": totals["currency"]},
        }
        if "valid_until" in coupon:
            answer["valid_until"] = coupon["valid_until"]
        state.note_coupon("valid", request)
        self.send_json(200, {"coupon": answer})

    # Modes, by the path before /orders

    def mode_fail(self, arg, key, body):
        try:
            times = min(max(int(arg), 0), MAX_FAILURES)
        except ValueError:
            times = 1
        if self.server.state.should_fail(self.attempt_key, times):
            self.send_error_body(503, "unavailable", "The order service is busy.",
                                 {"Retry-After": "1"})
        else:
            self.endpoint(key, body)

    def mode_status(self, arg, _key, _body):
        try:
            code = int(arg)
        except ValueError:
            code = 0
        if not 200 <= code <= 599:
            self.send_error_body(400, "bad_request", "No such status.")
        elif 400 <= code < 500:
            self.send_status_error(code)
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
            self.endpoint(key, body)
            return
        self.close_connection = True
        try:
            self.endpoint(key, body)
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
                             {"Location": self.endpoint_path})

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
            self.endpoint(key, body)

    # Requests

    def parse_path(self):
        url = urllib.parse.urlsplit(self.path)
        self.path_only = url.path
        self.query = urllib.parse.parse_qs(url.query, keep_blank_values=True)

    def route(self):
        """Sets the endpoint of a POST path; returns the prefix before it, or
        None for a path that is no endpoint."""
        path = self.path_only
        self.order_id = None
        if path == "/orders" or path.endswith("/orders"):
            self.endpoint_name, self.endpoint, self.endpoint_path = "orders", self.place_order, "/orders"
            return path[:-len("/orders")]
        if path.endswith("/orders/lookup"):
            self.endpoint_name, self.endpoint, self.endpoint_path = "lookup", self.look_up, "/orders/lookup"
            return path[:-len("/orders/lookup")]
        match = CHECK_IN_PATH.fullmatch(path)
        if match:
            self.endpoint_name, self.endpoint = "check-in", self.check_in
            self.endpoint_path = f"/orders/{match.group(2)}/check-in"
            self.order_id = urllib.parse.unquote(match.group(2))
            return match.group(1)
        if path.endswith(COUPONS_PATH):
            self.endpoint_name, self.endpoint, self.endpoint_path = "coupons", self.validate_coupon, COUPONS_PATH
            return path[:-len(COUPONS_PATH)]
        match = RETURNS_PATH.fullmatch(path)
        if match:
            self.endpoint_name, self.endpoint = "returns", self.make_return
            self.endpoint_path = f"/orders/{match.group(2)}/returns"
            self.order_id = urllib.parse.unquote(match.group(2))
            return match.group(1)
        return None

    def request_headers(self):
        headers = {name.lower(): self.headers.get(name, "")
                   for name in ("Content-Type", "Accept", "Accept-Language", "User-Agent")
                   if name in self.headers}
        headers["authorized"] = self.headers.get("Authorization") == f"Bearer {TEST_TOKEN}"
        return headers

    def do_POST(self):
        self.request_language = None
        self.parse_path()
        if self.path_only == "/reset-state":
            if self.read_body() is not None:
                self.server.state.clear()
                self.send_json(200, {"reset": True})
            return
        prefix = self.route()
        if prefix is None:
            if self.read_body() is not None:
                self.send_error_body(404, "not_found")
            return
        state = self.server.state
        if self.endpoint_name == "orders":
            body = self.read_body()
            if body is None:
                return
            key = self.idempotency_key()
            self.attempt_key = key or ""
            state.note_post(key, body.decode("utf-8", "replace"), self.request_headers())
        elif self.endpoint_name == "returns":
            body = self.read_body(MAX_RETURN_BODY_BYTES)
            if body is None:
                return
            key = self.idempotency_key()
            self.attempt_key = "/returns/" + (key or self.order_id)
            headers = self.request_headers()
            if "Idempotency-Key" in self.headers:
                headers["idempotency-key"] = self.headers["Idempotency-Key"]
            state.note_return_post(self.order_id, self.order_id in self.server.online_orders, headers)
        elif self.endpoint_name == "coupons":
            body = self.read_body(MAX_COUPON_BODY_BYTES)
            if body is None:
                return
            key = None
            self.attempt_key = "/coupons"
            state.note_coupon_post(self.request_headers())
        else:
            body = self.read_body(MAX_LOOKUP_BODY_BYTES)
            if body is None:
                return
            key = None
            if self.endpoint_name == "lookup":
                self.attempt_key = "/lookup"   # never an Idempotency-Key: those have no "/"
                state.note_lookup_post(self.request_headers())
            else:
                self.attempt_key = "/check-in/" + self.order_id
                state.note_check_in_post(self.order_id, self.order_id in self.server.online_orders,
                                         self.request_headers())
        self.dispatch_order(prefix, key, body)

    def do_GET(self):
        self.request_language = None
        self.parse_path()
        path = self.path_only
        if path == "/received":
            self.send_body(200, self.server.state.to_json(), "application/json; charset=utf-8")
        elif path.endswith("/check-ins") and "/orders/" not in path:   # /check-ins or <prefix>/check-ins
            self.send_body(200, self.server.state.check_ins_json(), "application/json; charset=utf-8")
        elif path.endswith("/returns") and "/orders/" not in path:
            self.send_body(200, self.server.state.returns_json(), "application/json; charset=utf-8")
        elif path.endswith("/coupons"):
            self.send_body(200, self.server.state.coupons_json(), "application/json; charset=utf-8")
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
    parser.add_argument("--online-orders", metavar="FILE", default=DEFAULT_ONLINE_ORDERS,
                        help="the demo online orders (default: data/demo-store/online-orders.json)")
    parser.add_argument("--coupons", metavar="PATH", default=DEFAULT_COUPONS,
                        help="the demo coupons (default: data/demo-store/coupons.json)")
    args = parser.parse_args()

    try:
        online_orders, returns_desk = load_online_orders(args.online_orders)
    except (OSError, ValueError) as error:
        sys.exit(f"order-server: {args.online_orders}: {error}")
    try:
        coupons = load_coupons(args.coupons)
    except (OSError, ValueError) as error:
        sys.exit(f"order-server: {args.coupons}: {error}")

    server = Server(("127.0.0.1", 0), Handler)
    server.verbose = args.verbose
    server.state = State()
    server.online_orders = online_orders
    server.returns_desk = returns_desk
    server.coupons = coupons

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
