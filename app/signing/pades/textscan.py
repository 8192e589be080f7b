"""Find where a piece of text is printed on a page, so a batch needs no manual placement.

A small reader of page content streams: it follows the text and graphics state (cm, q/Q, BT, Tf,
Tm, Td, TD, T*, TL, Tc, Tw, Tj, TJ, ', ") and decodes strings through each font's ToUnicode map,
which is enough for drafts made by word processors and reportlab. It ignores form XObjects,
rotation and skew. Must not: modify the document, or be used to verify what a document says.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content_stream_parser import parse_content_stream
from pyhanko.pdf_utils.misc import PdfError

from app.signing.pades.model import Box

log = logging.getLogger(__name__)

_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class Glyph:
    char: str
    x: float
    y: float
    width: float
    size: float
    font: str = ""


class _Font:
    """Decoding and widths of one font resource."""

    def __init__(self, font: Any) -> None:
        self.two_byte = _get(font, "/Subtype") == "/Type0"
        self.to_unicode: dict[int, str] = {}
        self.widths: dict[int, float] = {}
        self.default_width = 500.0
        self.name = str(_get(font, "/BaseFont", ""))
        try:
            self._load_widths(font)
            if "/ToUnicode" in font:
                self._load_cmap(font["/ToUnicode"].data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.debug("font metrics unreadable: %s", exc)

    def _load_widths(self, font: Any) -> None:
        if self.two_byte:
            descendant = font["/DescendantFonts"][0]
            self.default_width = float(_get(descendant, "/DW", 1000))
            w = list(_get(descendant, "/W", []))
            i = 0
            while i + 1 < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], generic.ArrayObject | list):
                    for k, value in enumerate(w[i + 1]):
                        self.widths[first + k] = float(value)
                    i += 2
                else:
                    for code in range(first, int(w[i + 1]) + 1):
                        self.widths[code] = float(w[i + 2])
                    i += 3
        elif "/Widths" in font:
            first = int(_get(font, "/FirstChar", 0))
            for k, value in enumerate(font["/Widths"]):
                self.widths[first + k] = float(value)

    def _load_cmap(self, data: bytes) -> None:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
            codes = _HEX.findall(block)
            for src, dst in zip(codes[::2], codes[1::2], strict=False):
                self.to_unicode[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
            for line in block.strip().splitlines():
                codes = _HEX.findall(line)
                if len(codes) == 3 and b"[" not in line:
                    lo, hi = int(codes[0], 16), int(codes[1], 16)
                    base = bytes.fromhex(codes[2].decode()).decode("utf-16-be")
                    for offset in range(hi - lo + 1):
                        self.to_unicode[lo + offset] = base[:-1] + chr(ord(base[-1]) + offset)

    def decode(self, raw: bytes) -> list[tuple[str, float]]:
        """(text, width in 1/1000 em) per character code."""
        step = 2 if self.two_byte else 1
        out = []
        for i in range(0, len(raw) - step + 1, step):
            code = int.from_bytes(raw[i : i + step], "big")
            text = self.to_unicode.get(code) or ("" if self.two_byte else chr(code))
            out.append((text, self.widths.get(code, self.default_width)))
        return out


def _get(d: Any, key: str, default: Any = None) -> Any:
    """``d[key]`` dereferenced (pyhanko's ``.get`` returns indirect references as they are)."""
    return d[key] if key in d else default


def _raw(obj: Any) -> bytes:
    """The bytes of a content-stream string, whatever pyhanko decoded it to."""
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, generic.TextStringObject):
        try:
            return bytes(obj.original_bytes)
        except PdfError:
            return str(obj).encode("latin-1", "replace")
    return str(obj).encode("latin-1", "replace")


def _mul(a: list[float], b: list[float]) -> list[float]:
    """Affine matrices [a b c d e f]: a then b."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def page_glyphs(page: Any) -> list[Glyph]:
    """Every decodable character shown on ``page``, in content order (empty if unreadable)."""
    try:
        contents = page["/Contents"]
        parts = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
        streams = [p.get_object() for p in parts]
        fonts_dict = _get(page["/Resources"], "/Font", {})
        return _run(parse_content_stream(streams), fonts_dict)
    except Exception as exc:  # noqa: BLE001 - a text search must never break signing
        log.info("text search skipped a page: %s", exc)
        return []


def _run(ops: Any, fonts_dict: Any) -> list[Glyph]:
    ctm = [1.0, 0, 0, 1.0, 0, 0]
    stack: list[list[float]] = []
    tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
    leading = char_space = word_space = 0.0
    size = 0.0
    font: _Font | None = None
    cache: dict[str, _Font] = {}
    glyphs: list[Glyph] = []

    def show(raw: bytes) -> None:
        nonlocal tm
        if font is None:
            return
        for text, width in font.decode(raw):
            advance = width / 1000 * size + char_space + (word_space if text == " " else 0)
            m = _mul(tm, ctm)
            scale = (m[0] ** 2 + m[1] ** 2) ** 0.5
            glyphs.append(Glyph(text, m[4], m[5], advance * scale, size * scale, font.name))
            tm = _mul([1, 0, 0, 1, advance, 0], tm)

    for op in ops:
        name, args = op.op, op.args
        if name == "q":
            stack.append(ctm)
        elif name == "Q" and stack:
            ctm = stack.pop()
        elif name == "cm" and len(args) == 6:
            ctm = _mul([float(a) for a in args], ctm)
        elif name == "BT":
            tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
        elif name == "Tf" and len(args) == 2:
            key = str(args[0])
            if key not in cache and key in fonts_dict:
                cache[key] = _Font(fonts_dict[key])
            font, size = cache.get(key), float(args[1])
        elif name == "TL" and args:
            leading = float(args[0])
        elif name == "Tc" and args:
            char_space = float(args[0])
        elif name == "Tw" and args:
            word_space = float(args[0])
        elif name == "Tm" and len(args) == 6:
            tm = tlm = [float(a) for a in args]
        elif name in ("Td", "TD") and len(args) == 2:
            if name == "TD":
                leading = -float(args[1])
            tm = tlm = _mul([1, 0, 0, 1, float(args[0]), float(args[1])], tlm)
        elif name == "T*":
            tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
        elif name == "Tj" and args:
            show(_raw(args[-1]))
        elif name in ("'", '"') and args:
            tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
            show(_raw(args[-1]))
        elif name == "TJ" and args:
            for item in args[0]:
                if isinstance(item, generic.NumberObject | generic.FloatObject | int | float):
                    tm = _mul([1, 0, 0, 1, -float(item) / 1000 * size, 0], tm)
                else:
                    show(_raw(item))
    return glyphs


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def find_all(page: Any, needle: str) -> list[Box]:
    """Bounding boxes of the lines on ``page`` containing ``needle`` (case-insensitive), top
    to bottom."""
    target = _fold(needle)
    if not target:
        return []
    lines: dict[int, list[Glyph]] = {}
    for glyph in page_glyphs(page):
        lines.setdefault(round(glyph.y), []).append(glyph)
    found: list[Box] = []
    for _, row in sorted(lines.items(), key=lambda item: -item[0]):
        row.sort(key=lambda g: g.x)
        text, owners = "", list[Glyph]()
        for i, glyph in enumerate(row):
            if i and glyph.x - (row[i - 1].x + row[i - 1].width) > 0.2 * glyph.size:
                text, owners = text + " ", [*owners, glyph]
            for char in unicodedata.normalize("NFC", glyph.char):
                text += char
                owners.append(glyph)
        start = text.casefold().find(target)
        if start >= 0:
            hit = owners[start : start + len(target)]
        elif target in _fold(text):
            hit = row  # whitespace differs: take the whole line
        else:
            continue
        size = max(g.size for g in hit)
        x1, x2 = min(g.x for g in hit), max(g.x + g.width for g in hit)
        found.append((x1, hit[0].y - 0.25 * size, x2, hit[0].y + 0.9 * size))
    return found


def find_text(page: Any, needle: str) -> Box | None:
    """The first (topmost) line on ``page`` containing ``needle``, or None."""
    hits = find_all(page, needle)
    return hits[0] if hits else None
