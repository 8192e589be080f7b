"""Where a page's signed content puts ink, and whether an appearance would hide what is below.

Shadow attacks prepare a form field (or add an empty signature field) over signed text and let an
"allowed" change after signing reveal or replace what the signer saw. pyhanko calls that form
filling; we look at the page as it was signed: the centre of every visible glyph (fonts' /Widths
and /W, the text and graphics state, form XObjects) and every image box. Deliberately small: no
rotation-aware glyph shapes, no vector art (table shading would raise false alarms).
Must not: render pages, or judge anything but geometry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import generic

from app.signing.verify.contentops import operations

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_GLYPHS = 500_000
MAX_FORM_DEPTH = 6
_FILLS = {"f", "F", "f*", "B", "B*", "b", "b*"}


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _box(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    pts = [apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _get(d: Any, key: str, default: Any = None) -> Any:
    """``d[key]`` resolved (pyhanko's ``.get`` does not dereference), or ``default``."""
    try:
        return d[key]
    except (KeyError, TypeError, AttributeError):
        return default


def _num(v: Any) -> float:
    return float(v)


class _Font:
    def __init__(self, font: Any) -> None:
        self.two_byte = _get(font, "/Subtype") == "/Type0"
        self.widths: dict[int, float] = {}
        self.default = 500.0
        if self.two_byte:
            desc = font["/DescendantFonts"][0].get_object()
            self.default = float(_get(desc, "/DW", 1000))
            w = list(_get(desc, "/W", []))
            i = 0
            while i + 1 < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], generic.ArrayObject):
                    for k, width in enumerate(w[i + 1]):
                        self.widths[first + k] = float(width)
                    i += 2
                elif i + 2 < len(w):
                    for code in range(first, min(int(w[i + 1]), first + 65536) + 1):
                        self.widths[code] = float(w[i + 2])
                    i += 3
                else:
                    break
        else:
            first = int(_get(font, "/FirstChar", 0))
            for k, width in enumerate(_get(font, "/Widths", []) or []):
                self.widths[first + k] = float(width)
            desc = _get(font, "/FontDescriptor")
            if desc is not None and "/MissingWidth" in desc:
                self.default = float(desc["/MissingWidth"]) or self.default

    def glyphs(self, data: bytes) -> Iterator[tuple[int, float]]:
        step = 2 if self.two_byte else 1
        for i in range(0, len(data) - step + 1, step):
            code = int.from_bytes(data[i : i + step], "big")
            yield code, self.widths.get(code, self.default) / 1000.0


@dataclass
class Ink:
    glyphs: list[tuple[float, float]] = field(default_factory=list)
    images: list[Box] = field(default_factory=list)


def _resources(page: Any) -> Any:
    node, hops = page, 0
    while node is not None and hops < 32:
        if "/Resources" in node:
            return node["/Resources"]
        node, hops = _get(node, "/Parent"), hops + 1
    return {}


def _parts(contents: Any) -> list[Any]:
    if isinstance(contents, generic.IndirectObject):
        contents = contents.get_object()  # type: ignore[no-untyped-call]
    if isinstance(contents, generic.ArrayObject):
        return [c.get_object() for c in contents]
    return [contents] if isinstance(contents, generic.StreamObject) else []


class _Interpreter:
    def __init__(self, ink: Ink) -> None:
        self.ink = ink
        self.count = 0
        self.fill_area = 0.0

    def run(self, parts: list[Any], resources: Any, ctm: Matrix, depth: int) -> None:
        fonts: dict[str, _Font] = {}
        stack: list[tuple[Matrix, Any, float, float, float, float, float, float, int]] = []
        font: _Font | None = None
        size = tc = tw = tl = rise = 0.0
        th, mode = 1.0, 0
        tm = tlm = IDENTITY
        path: list[tuple[float, float]] = []
        data = b"\n".join(part.data for part in parts)
        for name, args in operations(data):
            if name == "q":
                stack.append((ctm, font, size, tc, tw, th, tl, rise, mode))
            elif name == "Q" and stack:
                ctm, font, size, tc, tw, th, tl, rise, mode = stack.pop()
            elif name == "cm" and len(args) == 6:
                ctm = mul(tuple(_num(a) for a in args), ctm)  # type: ignore[arg-type]
            elif name == "BT":
                tm = tlm = IDENTITY
            elif name == "Tf" and len(args) == 2:
                key = str(args[0])
                if key not in fonts:
                    fonts[key] = _Font(resources["/Font"][key].get_object())
                font, size = fonts[key], _num(args[1])
            elif name in ("Tc", "Tw", "Tz", "TL", "Ts", "Tr") and args:
                v = _num(args[0])
                if name == "Tc":
                    tc = v
                elif name == "Tw":
                    tw = v
                elif name == "Tz":
                    th = v / 100.0
                elif name == "TL":
                    tl = v
                elif name == "Ts":
                    rise = v
                else:
                    mode = int(v)
            elif name in ("Td", "TD") and len(args) == 2:
                if name == "TD":
                    tl = -_num(args[1])
                tlm = mul((1, 0, 0, 1, _num(args[0]), _num(args[1])), tlm)
                tm = tlm
            elif name == "Tm" and len(args) == 6:
                tm = tlm = tuple(_num(a) for a in args)  # type: ignore[assignment]
            elif name in ("T*", "'", '"'):
                if name == '"' and len(args) == 3:
                    tw, tc = _num(args[0]), _num(args[1])
                tlm = mul((1, 0, 0, 1, 0, -tl), tlm)
                tm = tlm
                if name != "T*" and args and font is not None:
                    tm = self._show(args[-1], font, size, tc, tw, th, rise, mode, tm, ctm)
            elif name == "Tj" and args and font is not None:
                tm = self._show(args[0], font, size, tc, tw, th, rise, mode, tm, ctm)
            elif name == "TJ" and args and isinstance(args[0], list) and font is not None:
                for item in args[0]:
                    if isinstance(item, float):
                        tm = mul((1, 0, 0, 1, -_num(item) / 1000.0 * size * th, 0), tm)
                    else:
                        tm = self._show(item, font, size, tc, tw, th, rise, mode, tm, ctm)
            elif name == "Do" and args:
                self._do(resources, str(args[0]), ctm, depth)
            elif name == "re" and len(args) == 4:
                x, y, w, h = (_num(a) for a in args)
                path += [apply(ctm, x, y), apply(ctm, x + w, y + h)]
            elif name in ("m", "l", "c", "v", "y") and len(args) >= 2:
                path += [
                    apply(ctm, _num(args[i]), _num(args[i + 1])) for i in range(0, len(args) - 1, 2)
                ]
            elif name in _FILLS or name in ("S", "s", "n"):
                if name in _FILLS and path:
                    xs, ys = [p[0] for p in path], [p[1] for p in path]
                    self.fill_area = max(self.fill_area, (max(xs) - min(xs)) * (max(ys) - min(ys)))
                path = []

    def _show(
        self, raw: Any, font: _Font, size: float, tc: float, tw: float, th: float,
        rise: float, mode: int, tm: Matrix, ctm: Matrix,
    ) -> Matrix:  # fmt: skip
        if not isinstance(raw, bytes):
            return tm
        for code, w0 in font.glyphs(raw):
            self.count += 1
            if self.count > MAX_GLYPHS:
                raise ValueError("too many glyphs to analyse")
            if mode not in (3, 7):
                trm = mul((size * th, 0, 0, size, 0, rise), mul(tm, ctm))
                self.ink.glyphs.append(apply(trm, w0 / 2.0, 0.3))
            space = tw if (code == 32 and not font.two_byte) else 0.0
            tm = mul((1, 0, 0, 1, (w0 * size + tc + space) * th, 0), tm)
        return tm

    def _do(self, resources: Any, name: str, ctm: Matrix, depth: int) -> None:
        try:
            xobj = resources["/XObject"][name].get_object()
        except (KeyError, TypeError):
            return
        subtype = _get(xobj, "/Subtype")
        if subtype == "/Image":
            self.ink.images.append(_box(ctm, 0, 0, 1, 1))
        elif subtype == "/Form" and depth < MAX_FORM_DEPTH:
            matrix = tuple(_num(v) for v in _get(xobj, "/Matrix", IDENTITY))
            inner = _get(xobj, "/Resources", resources)
            self.run([xobj], inner, mul(matrix, ctm), depth + 1)  # type: ignore[arg-type]


def page_ink(page: Any) -> Ink:
    """Glyph centres and image boxes drawn by the page's own content (not its annotations)."""
    ink = Ink()
    _Interpreter(ink).run(_parts(_get(page, "/Contents")), _resources(page), IDENTITY, 0)
    return ink


def _inside(point: tuple[float, float], rect: Box, margin: float = 1.0) -> bool:
    x, y = point
    return rect[0] + margin < x < rect[2] - margin and rect[1] + margin < y < rect[3] - margin


def glyphs_under(ink: Ink, rect: Box) -> int:
    return sum(1 for g in ink.glyphs if _inside(g, rect))


def image_overlap(ink: Ink, rect: Box) -> float:
    """The largest share of ``rect`` that one image covers (0..1)."""
    area = max((rect[2] - rect[0]) * (rect[3] - rect[1]), 1e-6)
    best = 0.0
    for x0, y0, x1, y1 in ink.images:
        w = min(x1, rect[2]) - max(x0, rect[0])
        h = min(y1, rect[3]) - max(y0, rect[1])
        if w > 0 and h > 0:
            best = max(best, w * h / area)
    return best


def appearance_opaque(stream: Any) -> bool:
    """Whether an appearance stream paints a filled area over half its box or an image
    without transparency (what hiding needs; a seal PNG with an alpha mask is not opaque)."""
    if not isinstance(stream, generic.StreamObject):
        return False
    try:
        x0, y0, x1, y1 = (float(v) for v in stream["/BBox"])
    except (KeyError, TypeError, ValueError):
        return True
    ink = Ink()
    interp = _Interpreter(ink)
    interp.run([stream], _get(stream, "/Resources", {}), IDENTITY, 0)
    if interp.fill_area >= 0.5 * abs((x1 - x0) * (y1 - y0)):
        return True
    return _opaque_images(stream, 0)


def _opaque_images(stream: Any, depth: int) -> bool:
    if depth >= MAX_FORM_DEPTH:
        return False
    xobjects = _get(_get(stream, "/Resources", {}), "/XObject", {})
    for ref in xobjects.values():
        xobj = ref.get_object()
        if _get(xobj, "/Subtype") == "/Image":
            if not ({"/SMask", "/Mask", "/ImageMask"} & set(xobj.keys())):
                return True
        elif _get(xobj, "/Subtype") == "/Form" and _opaque_images(xobj, depth + 1):
            return True
    return False
