#!/usr/bin/python3
"""journeys.py: what shoppers and staff do at the kiosk, end to end.

    journeys.py JOURNEY landscape|portrait

runs one journey on the built binary in its own display (see kiosk.py):
taps, typing and keys through XTEST only, read back through AT-SPI and
screenshots only. Environment: AISLE_BUILD_DIR, AISLE_SOURCE_DIR, and
AISLE_E2E_ARTIFACTS (where screenshots, the AT-SPI dump and the kiosk's log
go when a journey fails).
"""

import json
import os
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from kiosk import STAFF_PIN, Kiosk, KioskError, log  # noqa: E402

SEARCH = "Search products or article numbers"
ORDER_URL = re.compile(r"^https://shop\.casanord\.example/orders/([0-9a-f][0-9a-f-]+)$")
WINDOW = re.compile(r"^(Today|Tomorrow|[A-Z][a-z]+ \d+ [A-Z][a-z]+|[A-Z][a-z]+), \d\d:\d\d–\d\d:\d\d")


def product(name, colour):
    """A product of the demo store, as the feed describes it."""
    src = os.environ["AISLE_SOURCE_DIR"]
    with open(os.path.join(src, "data", "demo-store", "catalog.json")) as f:
        catalog = json.load(f)
    for p in catalog["products"]:
        if p["name"]["en"] == name and colour in p["short"]["en"]:
            return p
    raise LookupError(name)


def location(p, store="milano"):
    """Where the product's first box is in the demo store: {"aisle": …, "shelf": …}."""
    src = os.environ["AISLE_SOURCE_DIR"]
    with open(os.path.join(src, "data", "demo-store", "stock", store + ".json")) as f:
        stock = json.load(f)
    for item in stock["items"]:
        if item["product"] == p["id"]:
            return item["locations"][0]
    raise LookupError(p["id"])


# What a shopper does, step by step

def start(k):
    k.shows("Touch to start")
    k.tap("Touch to start")
    k.shows("What are you looking for?")


def search_on_screen_keyboard(k, word):
    k.tap(SEARCH, role="entry")
    k.find("Keyboard", "panel")
    k.osk_type(word)
    k.wait_for(lambda: k.find(SEARCH, "entry").text() == word, 5, "the search field to read %r" % word)
    k.shows(re.compile(r"^Results for “%s”$" % word))
    k.tap("Hide keyboard")
    k.wait_for(lambda: not k.find_all("Keyboard", "panel"), 5, "the keyboard to go away")
    # The shopper's eyes move to the results. (A tap on a tile within about
    # a second of hiding the keyboard was sometimes lost.)
    time.sleep(0.7)


def open_tile(k, p):
    """Taps the product's tile in a grid: its name, text and price as shown."""
    tile = re.compile("^%s, %s, " % (re.escape(p["name"]["en"]), re.escape(p["short"]["en"])))
    k.tap(tile, role="filler")
    k.shows(p["name"]["en"])
    k.shows("Article %s" % p["article"])


def add_to_list(k, p, count=1):
    k.tap("Add to list")
    k.shows("Added. Your list has %d × %s." % (count, p["name"]["en"]))
    k.find("My list, %d article" % count, "button", exact=False)


def open_list(k):
    k.tap("My list")
    k.shows("Your list")


def choose_first_window(k):
    window = k.find(WINDOW, "button")
    k.tap(window.name)
    k.wait_for(lambda: "pressed" in k.find(window.name, "button").states or
               "checked" in k.find(window.name, "button").states, 5, "the time to be chosen")
    return window.name


def fill_form(k, fields):
    """Taps the first field and types each value on the kiosk's keyboard,
    moving on to the next field with its Enter key, as a shopper does."""
    first = fields[0][0]
    k.tap(first, role="entry")
    for i, (label, text) in enumerate(fields):
        k.wait_for(lambda: getattr(k.focused(), "name", None) == label, 5,
                   "the %s field to have the focus" % label)
        k.find("Keyboard", "panel")
        k.osk_type(text)
        k.wait_for(lambda: k.find(label, "entry").text() == text, 5, "%s to read %r" % (label, text))
        if i + 1 < len(fields):
            k.osk_type("\n")


def hide_keyboard(k):
    if k.find_all("Hide keyboard", "button"):
        k.tap("Hide keyboard")


def confirmation(k, pickup):
    """The confirmation page: its order number is the one the QR code carries."""
    k.shows("Thank you! Your order is placed.", timeout=20)
    k.shows("Order number")
    number = k.find(re.compile(r"^[0-9A-F]{8}$"), "label").name
    if pickup:
        k.shows("Pickup code")
        k.find(re.compile(r"^\d{4}$"), "label")
    else:
        k.not_shows("Pickup code")
    url = k.read_qr("confirmation")
    log("QR code:", url, "order number on screen:", number)
    m = ORDER_URL.match(url)
    assert m, "the QR code reads %r, not an order address" % url
    assert m.group(1)[:8].upper() == number, \
        "the QR code is for order %s, the screen shows number %s" % (m.group(1), number)
    return number


# The journeys

def shop_pickup(k):
    """Attract → search on the kiosk's keyboard → product → list → pickup
    order with a coupon typed on the kiosk's keyboard → QR."""
    armchair = product("TERRAZZA armchair", "pink")
    start(k)
    k.assert_fits()
    search_on_screen_keyboard(k, "terrazza")
    k.assert_fits()
    open_tile(k, armchair)
    k.shows("Collected at the full-serve desk")
    k.assert_fits()
    add_to_list(k, armchair)
    open_list(k)
    k.shows("We prepare it for you")
    k.shows("TERRAZZA armchair")
    k.assert_fits()
    k.tap("Order these: pickup or delivery")

    k.shows("Step 1 of 3")
    k.shows("How would you like to get it?")
    k.tap("Pick up in store")
    k.shows("In stock at Casa Nord Milano")
    k.shows("When would you like to collect it?")
    k.assert_fits()
    choose_first_window(k)
    k.tap("Next")

    k.shows("Step 2 of 3")
    k.shows("How can we reach you?")
    k.assert_fits()
    fill_form(k, [("Name", "Maria Rossi"), ("E-mail", "maria.rossi@example.com")])
    hide_keyboard(k)
    k.tap("Next")

    k.shows("Step 3 of 3")
    k.shows("Check your order")
    k.shows("1 × TERRAZZA armchair")
    k.shows("Pickup at Casa Nord Milano")
    k.shows("Maria Rossi · maria.rossi@example.com")
    k.shows("€409.00")
    k.assert_fits()

    # A coupon from a marketing e-mail, typed on the kiosk's keyboard: an
    # expired one says so, a good one comes off the total.
    k.tap("I have a code")
    code = "Coupon code: type it, or scan its barcode or QR code"
    k.wait_for(lambda: getattr(k.focused(), "name", None) == code, 5, "the coupon field to have the focus")
    k.tap(code, role="entry")
    k.find("Keyboard", "panel")
    k.osk_type("SUMMER25\n")
    k.shows("This code is no longer valid.")
    keys = k.osk_keys()
    k.tap_at(*keys["Clear"].centre)
    k.osk_type("WELCOME10\n")
    k.shows("Coupon WELCOME10")
    k.shows("€368.10")
    k.assert_fits()
    k.screenshot("coupon-applied")
    k.tap("Place order")
    confirmation(k, pickup=True)
    k.shows("Coupon WELCOME10: €40.90 off")
    k.assert_fits()


def scan(k):
    """A barcode scanned on the attract screen opens that product."""
    armchair = product("TERRAZZA armchair", "pink")
    k.shows("Touch to start")
    time.sleep(0.5)
    k.type(armchair["gtin"], delay=15)
    k.key("Return", delay=15)
    k.shows("Article %s" % armchair["article"])
    k.find(armchair["name"]["en"], "label")
    k.shows("€409.00")
    search = k.find(SEARCH, "entry")
    assert armchair["gtin"] not in (search.text() or ""), "the scan leaked into the search field"
    assert not k.find_all("Keyboard", "panel"), "a scan opened the on-screen keyboard"


def delivery(k):
    """A home delivery order, the address typed on the kiosk's keyboard."""
    sofa = product("RIVA sofa bed", "")
    start(k)
    search_on_screen_keyboard(k, "riva sofa bed")
    open_tile(k, sofa)
    add_to_list(k, sofa)
    open_list(k)
    k.tap("Order these: pickup or delivery")

    k.shows("Step 1 of 3")
    k.tap("Home delivery")
    k.shows("Delivery address")
    k.shows("We deliver in Italy.")
    fill_form(k, [("Name", "Luca Bianchi"), ("Street and number", "Via Roma 1"),
                  ("Postcode", "20121"), ("Town or city", "Milano")])
    hide_keyboard(k)
    k.shows("When should we deliver?")
    choose_first_window(k)
    k.tap("Next")

    k.shows("Step 2 of 3")
    k.shows("How can we reach you?")
    k.wait_for(lambda: k.find("Name", "entry").text() == "Luca Bianchi", 5,
               "the delivery name offered as the contact's")
    fill_form(k, [("Phone", "0212345678")])
    hide_keyboard(k)
    k.tap("Next")

    k.shows("Step 3 of 3")
    k.shows("Delivery to Luca Bianchi, Via Roma 1, 20121 Milano")
    k.shows("Luca Bianchi · +390212345678")
    k.shows("€39.00")
    k.shows("You pay on delivery")
    k.tap("Place order")
    confirmation(k, pickup=False)


def admin_screens(k):
    k.shows("Kiosk admin", timeout=15)
    for tab in ("Status", "Today", "Store", "Printer", "Shoppers"):
        k.find(tab, None)
    k.tap("Back to the shop")
    k.shows("Touch to start")


def staff_pin(k):
    """The staff PIN by taps on the pad, then on a keyboard; Escape cancels."""
    # Taps: the keyboard shortcut opens the pad, fingers type the PIN.
    k.shows("Touch to start")
    k.key("ctrl+alt+shift+a")
    k.shows("Enter the staff PIN")
    for digit in STAFF_PIN:
        k.tap(digit)
    k.tap("OK")
    admin_screens(k)

    # Five taps in the top-left corner, then a physical keyboard.
    for _ in range(5):
        k.tap_at(8, 8)
    k.shows("Enter the staff PIN")
    k.type(STAFF_PIN, delay=150)
    k.key("Return")
    admin_screens(k)

    # Escape on the pad goes back to the shopper's screen.
    k.key("ctrl+alt+shift+a")
    k.shows("Enter the staff PIN")
    k.key("Escape")
    k.shows("Touch to start")
    k.not_shows("Enter the staff PIN", timeout=5)


def focus_is_sensible(k, page):
    """Something on the page that shows has the keyboard focus."""
    node = []

    def has_focus():
        f = k.focused()
        node[:] = [f]
        return f is not None and f.depth > 0

    try:
        k.wait_for(has_focus, 5, "keyboard focus on the %s page" % page)
    except KioskError:
        raise KioskError("nothing has the keyboard focus on the %s page" % page)
    log("focus on the %s page: %r" % (page, node[0]))
    return node[0]


def shows_on(k, control, text):
    """Whether @control shows @text on it (a sighted keyboard user reads it)."""
    path = control.acc.path
    return any(n.button is not None and n.button.acc.path == path and k._matches(n, text, "label", True)
               for n in k.nodes())


def tab_to(k, name, role=None, key="Tab", limit=40):
    """Presses Tab (or @key) until @name has the focus."""
    for _ in range(limit):
        f = k.focused()
        if f is not None and (k._matches(f, name, role, True) or shows_on(k, f, name)):
            return f
        k.key(key, delay=50)
    raise KioskError("%s never brought the focus to %r (it is on %r)" % (key, name, k.focused()))


def keyboard_only(k):
    """A whole pickup order with Tab, Shift+Tab, arrows, Enter and Space."""
    legs = product("MIRADOR furniture legs, 4 pack", "natural")
    k.shows("Touch to start")
    focus_is_sensible(k, "attract")
    k.key("Return")
    k.shows("What are you looking for?")
    focus_is_sensible(k, "home")

    tab_to(k, SEARCH, "entry")
    k.type(legs["article"], delay=150)
    k.shows("1 product")
    # Passing the search field with Tab does not bring up the on-screen keyboard.
    k.key("Tab")
    time.sleep(0.5)
    assert not k.find_all("Keyboard", "panel"), "Tab past the search field opened the on-screen keyboard"
    # Into the results and onto the product.
    for _ in range(10):
        f = k.focused()
        if f is not None and f.role == "table cell":
            break
        k.key("Tab", delay=50)
    k.key("Return")
    k.shows("Article %s" % legs["article"])
    focus_is_sensible(k, "product")
    tab_to(k, "Add to list", "button")
    k.key("space")
    k.shows("Added. Your list has 1 × %s." % legs["name"]["en"])
    tab_to(k, "My list", "button", key="shift+Tab")
    k.key("Return")
    k.shows("Your list")
    k.shows("Pick it yourself")
    focus_is_sensible(k, "list")
    tab_to(k, "Prepare it for me", "button")
    k.key("Return")
    k.shows("We prepare it for you")
    focus_is_sensible(k, "list, after Prepare it for me")
    tab_to(k, "Order these: pickup or delivery", "button")
    k.key("Return")

    k.shows("Step 1 of 3")
    focus_is_sensible(k, "checkout step 1")
    tab_to(k, "Pick up in store", "button")
    k.key("space")
    k.shows("When would you like to collect it?")
    first = tab_to(k, WINDOW, "button")
    k.key("Right")
    second = focus_is_sensible(k, "checkout step 1, the next time")
    if not WINDOW.match(second.name):
        # The focus is on the list's cell around the time (unnamed for a
        # screen reader): the time is the button it holds.
        k.a11y_problems.append("Right in the times focuses %r, not a time" % second)
        x, y = second.centre
        second = [n for n in k.find_all(WINDOW, "button")
                  if n.extents[0] <= x < n.extents[0] + n.extents[2]
                  and n.extents[1] <= y < n.extents[1] + n.extents[3]][0]
    assert second.name != first.name, "Right did not move on from %r" % first.name
    k.key("space")
    k.wait_for(lambda: "pressed" in k.find(second.name, "button").states or
               "checked" in k.find(second.name, "button").states, 5, "%s to be chosen" % second.name)
    tab_to(k, "Next", "button")
    k.key("Return")

    k.shows("Step 2 of 3")
    focus_is_sensible(k, "checkout step 2")
    tab_to(k, "Name", "entry")
    k.type("Maria Rossi", delay=150)
    tab_to(k, "Phone", "entry")
    k.type("3331234567", delay=90)       # a quick typist, not a scanner
    k.key("Return")
    k.shows("Step 3 of 3")
    k.shows("Maria Rossi · +393331234567")
    focus_is_sensible(k, "review")
    tab_to(k, "Place order", "button")
    k.key("Return")
    confirmation(k, pickup=True)
    focus_is_sensible(k, "confirmation")


def idle(k):
    """"Still there?" after the idle time; "I am still here" keeps the session; then it resets."""
    armchair = product("TERRAZZA armchair", "pink")
    k.shows("Touch to start")
    k.not_shows("Still there?")
    k.type(armchair["gtin"], delay=15)
    k.key("Return", delay=15)
    k.shows("Article %s" % armchair["article"])
    add_to_list(k, armchair)
    touched = time.monotonic()
    k.not_shows("Still there?")

    k.shows("Still there?", timeout=IDLE_TIMEOUT + 15)
    waited = time.monotonic() - touched
    log("Still there? after %.0f s" % waited)
    assert waited >= IDLE_TIMEOUT - 2, "Still there? came after %.0f s, not %d" % (waited, IDLE_TIMEOUT)
    k.shows(re.compile(r"This kiosk starts over in \d+ seconds?, and your list is cleared\."))
    k.screenshot("still-there")
    k.tap("I am still here")
    touched = time.monotonic()
    k.not_shows("Still there?", timeout=5)
    k.shows("Article %s" % armchair["article"])
    k.find("My list, 1 article", "button", exact=False)

    # Untouched again: the question, then the start screen and an empty list.
    k.shows("Still there?", timeout=IDLE_TIMEOUT + 15)
    k.shows("Touch to start", timeout=IDLE_COUNTDOWN + 15)
    waited = time.monotonic() - touched
    assert waited >= IDLE_TIMEOUT + IDLE_COUNTDOWN - 2, "the kiosk started over after %.0f s" % waited
    k.not_shows("Still there?")
    start(k)
    k.find("My list, 0 articles", "button", exact=False)
    open_list(k)
    k.shows("Your list is empty")


def phone_list(k):
    """A list's QR code, from a kiosk slip or the online shop on a phone,
    read by a 2D scanner (which types its text): the articles join the
    shopper's list, nothing leaks into the search field, and the slip
    printed from that list carries the merged list back to the phone."""
    legs = product("MIRADOR furniture legs, 4 pack", "natural")
    armchair = product("TERRAZZA armchair", "pink")
    shop = "https://shop.casanord.example/"
    k.shows("Touch to start")
    time.sleep(0.5)
    link = "%slist?items=%s*2,%s*1,999.999.99*1" % (shop, legs["article"], armchair["article"])
    k.type(link, delay=15)
    k.key("Return", delay=15)
    k.shows("Your list")
    k.shows("Added 2 articles from your scanned list. 1 article on it is not sold in this store.")
    k.find("My list, 3 articles", "button", exact=False)
    k.assert_fits()
    k.screenshot("list-scanned")

    # The same list again, scanned while the search field has the focus and
    # a word in it: the word stays, the link goes to the list.
    k.tap(SEARCH, role="entry")
    k.type("sofa", delay=150)
    k.wait_for(lambda: k.find(SEARCH, "entry").text() == "sofa", 5, "the search field to read 'sofa'")
    k.type("%slist?items=%s*1" % (shop, legs["article"]), delay=15)
    k.key("Return", delay=15)
    k.shows("Added 1 article from your scanned list.")
    k.find("My list, 4 articles", "button", exact=False)
    assert "http" not in (k.find(SEARCH, "entry").text() or ""), "the link leaked into the search field"

    # Another shop's list changes nothing.
    k.type("https://shop.other.example/list?items=%s*5" % legs["article"], delay=15)
    k.key("Return", delay=15)
    k.shows("This list is from another shop.")
    k.find("My list, 4 articles", "button", exact=False)

    # Printed, the list goes back to a phone with every article.
    open_list(k)
    k.tap("Print my list")
    k.shows("Take your slip", timeout=30)
    codes = set(k.read_qr("slip").split("\n"))
    log("QR codes on screen:", codes)
    assert len(codes) == 1, "the list's QR codes on screen differ: %r" % codes
    url = codes.pop()
    assert url.startswith(shop + "list?items="), url
    items = dict(item.split("*") for item in url.split("items=", 1)[1].split(","))
    assert items == {legs["article"]: "3", armchair["article"]: "1"}, items


COLLECT_CONTACT = "E-mail address, last 4 digits of your phone number, or pickup code"


def newest_pdf(k):
    import glob
    pdfs = glob.glob(os.path.join(k.tmp, "**", "*.pdf"), recursive=True)
    assert pdfs, "no PDF printed under %s" % k.tmp
    return max(pdfs, key=os.path.getmtime)


def collect(k):
    """An order placed online, collected: found by number and contact typed
    on the kiosk's keyboard after a wrong try, "I'm here", a queue number on
    screen and on a printed ticket whose QR code the pickup desk scans; then
    a confirmation's QR code scanned by the next shopper finds their order
    at once; then a collected order's items returned, with a return slip
    whose QR code the returns desk scans."""
    k.shows("Touch to start")
    k.tap("I ordered online: collect my order")
    k.shows("Collect your online order")
    fill_form(k, [("Order number", "CN-100482"), (COLLECT_CONTACT, "1234")])
    k.osk_type("\n")
    k.shows("We could not find an order with this number and these details. Please check both and try again.")
    k.assert_fits()
    k.screenshot("collect-wrong")

    # The right digits, on the same keyboard.
    k.wait_for(lambda: getattr(k.focused(), "name", None) == COLLECT_CONTACT, 5, "the contact field to have the focus")
    keys = k.osk_keys()
    k.tap_at(*keys["Clear"].centre)
    k.wait_for(lambda: not k.find(COLLECT_CONTACT, "entry").text(), 5, "the contact field to be empty")
    k.osk_type("5678\n")
    k.shows("Ready to collect")
    k.shows("2 × MIRADOR furniture legs, 4 pack")
    k.shows("1 × LUNDA plant pot")
    hide_keyboard(k)
    k.assert_fits()
    k.screenshot("collect-order")

    k.tap("I'm here")
    k.shows("Your queue number")
    queue = k.find(re.compile(r"^A\d+$"), "label").name
    k.shows("Please wait at: Pickup desk, entrance B")
    k.shows("Take your ticket from the printer and show it at the pickup desk.", timeout=60)
    k.assert_fits()
    k.screenshot("collect-here")
    text, codes = read_pdf(newest_pdf(k))
    log("ticket:", queue, codes)
    assert queue in text and "Your queue number" in text and "Order CN-100482" in text, text
    assert codes == ["CN-100482"], codes

    # The next shopper scans the QR code of their confirmation e-mail.
    k.tap("Done")
    k.shows("Touch to start")
    time.sleep(0.5)
    k.type("https://shop.casanord.example/orders/CN-100517?pickup=P4X8TD", delay=15)
    k.key("Return", delay=15)
    k.shows("Being prepared")
    k.shows("1 × FJÄLLA office chair")
    k.not_shows("I'm here")
    assert not (k.find(SEARCH, "entry").text() or ""), "the link leaked into the search field"
    k.screenshot("collect-scanned")

    # A collected order: two plates come back, damaged.
    k.tap("Another order")
    k.shows("Find my order")
    k.type("https://shop.casanord.example/orders/CN-100540?pickup=S9H3WL", delay=15)
    k.key("Return", delay=15)
    k.shows("Already collected")
    k.tap("Return items")
    k.shows("What are you bringing back?")
    k.shows("Already returned")
    k.shows("The time to return it is over")
    k.tap("One more SILJA plate")
    k.tap("One more SILJA plate")
    k.tap("It arrived damaged")
    k.assert_fits()
    k.screenshot("collect-return")
    k.tap("Ask for the return")
    k.shows("Your return number")
    number = k.find(re.compile(r"^R-\d+$"), "label").name
    k.shows("Refund at the desk: €17.98, once staff have checked the items.")
    k.shows("Take your return slip from the printer and bring it to the returns desk with the items.", timeout=60)
    k.assert_fits()
    k.screenshot("collect-returned")
    text, codes = read_pdf(newest_pdf(k))
    log("return slip:", number, codes)
    assert number in text and "Return for order CN-100540" in text and "SILJA plate" in text, text
    assert codes == [number], codes


def read_pdf(pdf):
    """The PDF's text, and the QR codes on its pages (150 dpi), as a phone reads them."""
    import subprocess
    import tempfile
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    codes = []
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, os.path.join(d, "page")], check=True)
        for page in sorted(os.listdir(d)):
            out = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable",
                                  os.path.join(d, page)], capture_output=True, text=True).stdout
            codes += out.split()
    return text, codes


def print_cups(k):
    """Scan, add to the list, "Print my list" on a CUPS queue of a real cupsd:
    the slip arrives as a PDF with the aisle and shelf and the list's QR code.
    Then cupsd stops: the kiosk stays up, tells the shopper and staff why,
    and prints the kept slip with "Try again" once cupsd is back."""
    cups, out = k.cups, k.cups_out
    armchair = product("TERRAZZA armchair", "pink")
    legs = product("MIRADOR furniture legs, 4 pack", "natural")
    k.shows("Touch to start")
    time.sleep(0.5)
    for p in (legs, armchair):
        k.type(p["gtin"], delay=15)
        k.key("Return", delay=15)
        k.shows("Article %s" % p["article"])
        k.tap("Add to list")
        k.shows("Added. Your list has 1 × %s." % p["name"]["en"])
    open_list(k)
    k.assert_fits()
    k.tap("Print my list")
    k.shows("Take your slip", timeout=60)
    k.shows("Your slip is printed: take it from the printer.")
    k.assert_fits()
    k.screenshot("cups-printed")

    pdf = cups.wait_for_pdfs(out, 1, timeout=30)[-1]
    text, codes = read_pdf(pdf)
    log("slip PDF %s; QR codes %r" % (os.path.basename(pdf), codes))
    assert "1 × %s" % legs["article"] in text and "1 × %s" % armchair["article"] in text, text
    place = location(legs)
    assert re.search(r"(?m)^\s*Aisle\s+Shelf\s", text), "no aisle and shelf on the slip:\n" + text
    assert re.search(r"(?m)^\s*%s\s+%s\s" % (place["aisle"], place["shelf"]), text), \
        "the slip lacks aisle %s, shelf %s:\n%s" % (place["aisle"], place["shelf"], text)
    assert any(c.startswith("https://shop.casanord.example/list?items=") and legs["article"] in c
               for c in codes), "the slip's QR codes read %r" % codes
    k.tap("Done")
    k.shows("Your list")

    # The print service goes away.
    os.kill(cups.pid, signal.SIGTERM)
    k.wait_for(lambda: cups.poll() is not None, 10, "cupsd to stop")
    k.tap("Print my list")
    k.shows("Your slip could not be printed", timeout=30)
    k.shows("The printer is not available right now. Please ask a member of staff for your slip.")
    assert k.app.poll() is None, "the kiosk died"
    k.assert_fits()
    k.screenshot("cups-down")

    k.tap("Done")
    k.shows("Your list")

    # Staff see why, on Today and on the Printer page.
    k.key("ctrl+alt+shift+a")
    k.shows("Enter the staff PIN")
    k.type(STAFF_PIN, delay=150)
    k.key("Return")
    k.shows("Kiosk admin", timeout=15)
    down = "The print service (CUPS) is not running on this kiosk. Start it, then print the slip again."
    k.tap("Today", role="page tab")
    k.shows(down)
    k.screenshot("cups-admin-today")
    k.tap("Printer", role="page tab")
    k.shows("CUPS queue")
    k.shows(down)
    k.screenshot("cups-admin-printer-down")

    # cupsd is back, with the same queue: staff look again, then reprint
    # the kept slip from Today.
    cups.start()
    cups.add_pdf_queue("AisleTest", out)
    k.tap("Look for queues again")
    k.shows(re.compile(r"^AisleTest"))
    k.shows("Ready")
    k.screenshot("cups-admin-printer")
    k.tap("Today", role="page tab")
    k.tap(re.compile(r"^Reprint "))      # newest first: the slip not printed
    k.wait_for(lambda: len([t for t in k.texts() if t == "Printed"]) == 2, 60, "both slips printed")
    assert len(cups.wait_for_pdfs(out, 2, timeout=30)) == 2
    assert k.app.poll() is None, "the kiosk died"


def with_cupsd(run):
    """Runs @run(cups, out) with a private cupsd and its cups-pdf queue
    AisleTest, as the kiosk's print server ($CUPS_SERVER). Needs root."""
    import tempfile
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cups"))
    from cupsd import PrivateCupsd
    with tempfile.TemporaryDirectory(prefix="aisle-e2e-cups-") as work:
        # CUPS's filters run as user lp: they must reach the spool inside.
        os.chmod(work, 0o755)
        out = os.path.join(work, "out")
        with PrivateCupsd(os.path.join(work, "cupsd")) as cups:
            cups.add_pdf_queue("AisleTest", out)
            os.environ["CUPS_SERVER"] = cups.socket
            try:
                return run(cups, out)
            except BaseException:
                print(cups.log_tail(), file=sys.stderr)
                artifacts = os.environ.get("AISLE_E2E_ARTIFACTS")
                if artifacts:
                    import shutil
                    os.makedirs(artifacts, exist_ok=True)
                    kept = os.path.join(artifacts, "cupsd-error_log")
                    shutil.copy(cups.error_log, kept)
                    print("artifact: " + kept, file=sys.stderr)
                raise


IDLE_TIMEOUT = 30      # the schema's minimums (data/org.aisle.Kiosk.gschema.xml)
IDLE_COUNTDOWN = 5

JOURNEYS = {
    "shop-pickup": (shop_pickup, {}),
    "scan": (scan, {}),
    "delivery": (delivery, {}),
    "staff-pin": (staff_pin, {}),
    "keyboard-only": (keyboard_only, {}),
    "idle": (idle, {"idle-timeout": IDLE_TIMEOUT, "idle-countdown": IDLE_COUNTDOWN}),
    "print-cups": (print_cups, {"printer-kind": "'cups'", "cups-printer": "'AisleTest'"}),
    "phone-list": (phone_list, {}),
    "collect": (collect, {}),
}

SCREENS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def main(argv):
    if len(argv) != 3 or argv[1] not in JOURNEYS or argv[2] not in SCREENS:
        print("usage: journeys.py {%s} {landscape|portrait}" % "|".join(JOURNEYS), file=sys.stderr)
        return 2
    journey, conf = JOURNEYS[argv[1]]
    width, height = SCREENS[argv[2]]
    name = "%s-%s" % (argv[1], argv[2])
    began = time.monotonic()
    # meson's timeout sends SIGTERM: leave through the Kiosk's clean-up.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit("killed by SIGTERM"))

    def run(cups=None, out=None):
        with Kiosk(name, width, height, conf=conf) as k:
            k.cups, k.cups_out = cups, out
            journey(k)
            if k.a11y_problems:
                log("accessibility problems met on the way:\n  " + "\n  ".join(k.a11y_problems))

    if journey is print_cups:
        if os.geteuid() != 0:
            log("SKIP: a private cupsd with cups-pdf needs root")
            return 77
        with_cupsd(run)
    else:
        run()
    log("%s passed in %.0f s" % (name, time.monotonic() - began))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
