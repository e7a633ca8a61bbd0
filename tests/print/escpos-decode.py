#!/usr/bin/env python3
"""escpos-decode.py: reads an ESC/POS byte stream the way a receipt printer would.

Written for Aisle's tests, independently of the kiosk's encoder: it shares no
code or tables with src/print/, and knows the commands from Epson's ESC/POS
reference. Whatever it does not understand is an error (exit status 1 and the
offset on stderr), so a stray byte in a slip fails a test instead of printing
garbage on paper.

Prints one event per line on stdout:

  INIT                       ESC @
  CODEPAGE <n> <codec>       ESC t n (text is decoded with that Python codec)
  [<align>{ B}{ WxH}] text   one printed line: align L, C or R; B when bold;
                             WxH the character size when not 1x1. A style
                             change inside a line shows as {B} {/B} {WxH}.
  QR native <payload>        GS ( k: QR code stored (fn 80) and printed (fn 81)
  QR raster <payload>        GS v 0 image, decoded with zbarimg
  IMAGE <w>x<h>              GS v 0 image that zbarimg does not read as a QR code
                             (an error unless --allow-images)
  FEED <n>                   ESC d n
  CUT full|partial           GS V
  STATUS <n>                 DLE EOT n (only with --allow-status: a transport
                             recording, not a job)

Options: --columns N fails when a printed line is wider than N columns (double
width counts twice); --images DIR keeps the raster images as PBM files.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A

# ESC t n: the code pages Epson numbers, as Python codecs. Only what a test
# may meet; anything else is an error rather than a guess.
CODE_PAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858"}


class DecodeError(Exception):
    pass


class Decoder:
    def __init__(self, data, columns=None, images_dir=None, allow_status=False, allow_images=False):
        self.data = data
        self.pos = 0
        self.columns = columns
        self.images_dir = images_dir
        self.allow_status = allow_status
        self.allow_images = allow_images
        self.out = []
        self.codec = None
        self.code_page = None
        self.reset_style()
        self.line = bytearray()
        self.line_marks = []  # (position in line, marker)
        self.line_style = None
        self.qr_data = None
        self.image_count = 0

    def reset_style(self):
        self.align = "L"
        self.bold = False
        self.width = 1
        self.height = 1

    def fail(self, message):
        raise DecodeError(f"offset {self.pos}: {message}")

    def take(self, n, what):
        if self.pos + n > len(self.data):
            self.fail(f"{what}: the stream ends inside the command")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def byte(self, what):
        return self.take(1, what)[0]

    # Text lines

    def style_tag(self):
        tag = self.align
        if self.bold:
            tag += " B"
        if (self.width, self.height) != (1, 1):
            tag += f" {self.width}x{self.height}"
        return tag

    def style_changed(self, marker):
        # Before any text, the line simply takes the new style.
        if self.line:
            self.line_marks.append((len(self.line), marker))

    def decode_text(self, raw):
        if self.codec is None:
            if any(b >= 0x80 for b in raw):
                self.fail("characters above 0x7F before any ESC t selected a code page")
            return raw.decode("ascii")
        return raw.decode(self.codec)

    def text_byte(self, b):
        if not self.line and not self.line_marks:
            self.line_style = (self.style_tag(), self.width)
        self.line.append(b)

    def end_line(self):
        style, width = self.line_style or (self.style_tag(), self.width)
        pieces, last = [], 0
        for at, marker in self.line_marks:
            pieces.append(self.decode_text(bytes(self.line[last:at])))
            pieces.append(marker)
            last = at
        pieces.append(self.decode_text(bytes(self.line[last:])))
        text = "".join(pieces)
        if self.columns is not None and not self.line_marks and len(self.line) * width > self.columns:
            self.fail(f"line wider than {self.columns} columns: {text!r}")
        self.out.append(f"[{style}] {text}" if text else f"[{style}]")
        self.line = bytearray()
        self.line_marks = []
        self.line_style = None

    def flush_line(self, command):
        if self.line:
            self.fail(f"{command} in the middle of a line of text")

    # Commands

    def esc(self):
        cmd = self.byte("ESC")
        if cmd == ord("@"):
            self.flush_line("ESC @")
            self.reset_style()
            self.codec, self.code_page = None, None
            self.out.append("INIT")
        elif cmd == ord("t"):
            n = self.byte("ESC t")
            if n not in CODE_PAGES:
                self.fail(f"ESC t {n}: a code page this decoder does not know")
            self.flush_line("ESC t")
            self.code_page, self.codec = n, CODE_PAGES[n]
            self.out.append(f"CODEPAGE {n} {self.codec}")
        elif cmd == ord("a"):
            n = self.byte("ESC a")
            if n not in (0, 1, 2, 48, 49, 50):
                self.fail(f"ESC a {n}: not an alignment")
            if self.line:
                self.fail("ESC a only takes effect at the start of a line")
            self.align = "LCR"[n % 48]
        elif cmd == ord("E"):
            n = self.byte("ESC E")
            bold = bool(n & 1)
            if bold != self.bold:
                self.style_changed("{B}" if bold else "{/B}")
            self.bold = bold
        elif cmd == ord("d"):
            n = self.byte("ESC d")
            self.flush_line("ESC d")
            self.out.append(f"FEED {n}")
        else:
            self.fail(f"unknown command ESC 0x{cmd:02X}")

    def gs(self):
        cmd = self.byte("GS")
        if cmd == ord("!"):
            n = self.byte("GS !")
            width, height = (n >> 4) + 1, (n & 0x0F) + 1
            if width > 8 or height > 8:
                self.fail(f"GS ! 0x{n:02X}: not a character size")
            if (width, height) != (self.width, self.height):
                self.style_changed(f"{{{width}x{height}}}")
            self.width, self.height = width, height
        elif cmd == ord("("):
            self.gs_paren()
        elif cmd == ord("v"):
            self.gs_raster()
        elif cmd == ord("V"):
            self.gs_cut()
        else:
            self.fail(f"unknown command GS 0x{cmd:02X}")

    def gs_paren(self):
        fn_class = self.byte("GS (")
        if fn_class != ord("k"):
            self.fail(f"unknown command GS ( 0x{fn_class:02X}")
        lo, hi = self.take(2, "GS ( k")
        length = lo + 256 * hi
        if length < 2:
            self.fail("GS ( k with fewer than 2 parameter bytes")
        body = self.take(length, "GS ( k")
        cn, fn, args = body[0], body[1], body[2:]
        if cn != 49:
            self.fail(f"GS ( k cn={cn}: only QR codes (49) are expected")
        if fn == 65:  # model
            if len(args) != 2 or args[0] not in (49, 50, 51) or args[1] != 0:
                self.fail("GS ( k fn 65: bad QR model")
        elif fn == 67:  # module size
            if len(args) != 1 or not 1 <= args[0] <= 16:
                self.fail("GS ( k fn 67: module size out of 1..16")
        elif fn == 69:  # error correction
            if len(args) != 1 or args[0] not in (48, 49, 50, 51):
                self.fail("GS ( k fn 69: bad error correction level")
        elif fn == 80:  # store
            if len(args) < 2 or args[0] != 48:
                self.fail("GS ( k fn 80: bad store command")
            self.qr_data = bytes(args[1:])
        elif fn == 81:  # print
            if len(args) != 1 or args[0] != 48:
                self.fail("GS ( k fn 81: bad print command")
            if self.qr_data is None:
                self.fail("GS ( k fn 81: printing a QR code that was never stored")
            self.flush_line("a QR code")
            self.out.append("QR native " + self.qr_data.decode("utf-8"))
            self.qr_data = None
        else:
            self.fail(f"GS ( k fn {fn}: not a QR function this decoder knows")

    def gs_raster(self):
        if self.byte("GS v") != ord("0"):
            self.fail("GS v: only GS v 0 is expected")
        mode = self.byte("GS v 0")
        if mode not in (0, 48):
            self.fail(f"GS v 0 mode {mode}: only normal size is expected")
        xl, xh, yl, yh = self.take(4, "GS v 0")
        row_bytes, rows = xl + 256 * xh, yl + 256 * yh
        if row_bytes == 0 or rows == 0:
            self.fail("GS v 0: an empty image")
        if self.columns is not None and row_bytes * 8 > self.columns * 12:
            self.fail(f"GS v 0: {row_bytes * 8} dots wide, wider than the paper")
        bitmap = self.take(row_bytes * rows, "GS v 0 data")
        self.flush_line("an image")
        payload = self.read_qr_image(row_bytes, rows, bitmap)
        if payload is not None:
            self.out.append("QR raster " + payload)
        elif self.allow_images:
            self.out.append(f"IMAGE {row_bytes * 8}x{rows}")
        else:
            self.fail(f"GS v 0: zbarimg finds no QR code in the {row_bytes * 8}x{rows} image")

    def gs_cut(self):
        m = self.byte("GS V")
        if m in (0, 48):
            kind = "full"
        elif m in (1, 49):
            kind = "partial"
        elif m in (65, 66):
            self.byte("GS V m n")
            kind = "full" if m == 65 else "partial"
        else:
            self.fail(f"GS V {m}: not a cut")
        self.flush_line("GS V")
        self.out.append(f"CUT {kind}")

    def dle(self):
        cmd = self.byte("DLE")
        if cmd != 0x04 or not self.allow_status:
            self.fail(f"DLE 0x{cmd:02X} inside a job")
        n = self.byte("DLE EOT")
        if n not in (1, 2, 3, 4):
            self.fail(f"DLE EOT {n}: not a status query")
        self.out.append(f"STATUS {n}")

    # Raster images: PBM (P4 has the same bit order as GS v 0), then zbarimg

    def read_qr_image(self, row_bytes, rows, bitmap):
        self.image_count += 1
        with tempfile.TemporaryDirectory() as tmp:
            for scale in (1, 3):
                path = os.path.join(tmp, f"image-{scale}.pbm")
                write_pbm(path, row_bytes, rows, bitmap, scale)
                if self.images_dir and scale == 1:
                    shutil.copy(path, os.path.join(self.images_dir, f"image-{self.image_count}.pbm"))
                result = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path],
                                        capture_output=True)
                if result.returncode == 0 and result.stdout:
                    return result.stdout.decode("utf-8").rstrip("\n")
        return None

    def run(self):
        while self.pos < len(self.data):
            b = self.byte("text")
            if b == ESC:
                self.esc()
            elif b == GS:
                self.gs()
            elif b == DLE:
                self.dle()
            elif b == LF:
                self.end_line()
            elif b < 0x20 or b == 0x7F:
                self.pos -= 1
                self.fail(f"control byte 0x{b:02X} in text")
            else:
                self.text_byte(b)
        if self.line:
            self.fail("the stream ends in the middle of a line (no LF)")
        return self.out


def write_pbm(path, row_bytes, rows, bitmap, scale):
    width = row_bytes * 8
    with open(path, "wb") as f:
        f.write(f"P4\n{width * scale} {rows * scale}\n".encode())
        for y in range(rows):
            row = bitmap[y * row_bytes:(y + 1) * row_bytes]
            if scale == 1:
                f.write(row)
                continue
            bits = []
            for x in range(width):
                bit = (row[x // 8] >> (7 - x % 8)) & 1
                bits.extend([bit] * scale)
            packed = bytearray()
            for i in range(0, len(bits), 8):
                chunk = bits[i:i + 8] + [0] * (8 - len(bits[i:i + 8]))
                value = 0
                for bit in chunk:
                    value = value << 1 | bit
                packed.append(value)
            for _ in range(scale):
                f.write(packed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the byte stream ('-' for standard input)")
    parser.add_argument("--columns", type=int, help="paper width in characters of font A")
    parser.add_argument("--images", metavar="DIR", help="keep raster images there as PBM")
    parser.add_argument("--allow-status", action="store_true", help="accept DLE EOT status queries")
    parser.add_argument("--allow-images", action="store_true", help="accept images that are not QR codes")
    args = parser.parse_args()

    data = sys.stdin.buffer.read() if args.file == "-" else open(args.file, "rb").read()
    decoder = Decoder(data, args.columns, args.images, args.allow_status, args.allow_images)
    try:
        lines = decoder.run()
    except DecodeError as e:
        print(f"escpos-decode: {e}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
