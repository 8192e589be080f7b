"""Fill text fields (number, issue date, any ``--fill``) with a Vietnamese appearance.

A filled field gets its value (/V), its own appearance stream drawn with the stamp font in the
face and size of the surrounding text and on its baseline, and the read-only flag. Those are the
changes pyhanko's diff analysis classifies as FORM_FILLING, so earlier signatures stay valid.
The caller writes the incremental update. Must not: touch signature fields or page content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.content import AppearanceContent, ResourceType
from pyhanko.pdf_utils.form_tools import enumerate_fields_in, get_single_field_annot
from pyhanko.pdf_utils.generic import pdf_name

from app.signing.pades.appearance import nfc
from app.signing.pades.errors import PlaceholderNotFound
from app.signing.pades.fonts import BOLD, ITALIC, REGULAR, font_factory, text_width
from app.signing.pades.model import Box
from app.signing.pades.placement import FIELD_DATE, FIELD_NUMBER, page_index_of
from app.signing.pades.textscan import Glyph, page_glyphs

# pyhanko leaves this constructor unannotated.
_number: Any = generic.NumberObject
_DA_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s+Tf")
_NEAR = 40.0  # points: how far beside a field we look for its printed neighbours


@dataclass(frozen=True)
class Surroundings:
    left: str
    right: str
    baseline: float | None
    size: float | None
    face: str


def vn_date_text(day: date) -> str:
    """``ngày 05 tháng 3 năm 2026``: days below 10 and months 1-2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _face_of(font_name: str) -> str:
    if "Italic" in font_name or "Oblique" in font_name:
        return ITALIC
    if "Bold" in font_name:
        return BOLD
    return REGULAR


def surroundings(page: Any, rect: Box) -> Surroundings:
    """The text printed just left and right of a field on its line, and that line's style."""
    x1, y1, x2, y2 = rect
    row = [g for g in page_glyphs(page) if y1 - 1 <= g.y <= y2 and g.char.strip() != "\x00"]
    left = sorted((g for g in row if g.x + g.width <= x1 + 1 and g.x >= x1 - _NEAR), key=_x)
    right = sorted((g for g in row if g.x >= x2 - 1 and g.x <= x2 + _NEAR), key=_x)
    near = (left[-1:] or []) + (right[:1] or [])
    if not near:
        return Surroundings("", "", None, None, REGULAR)
    ref = near[0]
    return Surroundings(
        "".join(g.char for g in left).strip(),
        "".join(g.char for g in right).strip(),
        ref.y,
        ref.size,
        _face_of(ref.font),
    )


def _x(glyph: Glyph) -> float:
    return glyph.x


def issue_values(
    handler: Any, *, number: str, symbol: str, issued_on: date, place: str
) -> dict[str, str]:
    """What the number and date fields should say, matching how the draft prints around them.

    ``Số: [05]/QĐ-UBND`` gets "05"; a field without the symbol printed after it gets
    "05/QĐ-UBND". ``Điện Biên, [ngày ...]`` gets the date only; a bare field gets the place too.
    """
    values: dict[str, str] = {}
    for name, rect, page in _text_fields(handler):
        around = surroundings(page, rect)
        if name == FIELD_NUMBER:
            full = f"{number}/{symbol}" if symbol else number
            values[name] = number if around.right.startswith("/") else full
        elif name == FIELD_DATE:
            text = vn_date_text(issued_on)
            printed_place = around.left.endswith(",")
            values[name] = text if printed_place or not place else f"{place}, {text}"
    missing = {FIELD_NUMBER, FIELD_DATE} - values.keys()
    if missing:
        raise PlaceholderNotFound(
            f"the draft has no {', '.join(sorted(missing))} field", fields=sorted(missing)
        )
    return values


def _text_fields(handler: Any) -> list[tuple[str, Box, Any]]:
    try:
        fields = handler.root["/AcroForm"]["/Fields"]
    except KeyError:
        return []
    out = []
    found = enumerate_fields_in(  # type: ignore[no-untyped-call]
        fields, filled_status=None, target_field_type="/Tx", refs_seen=set()
    )
    for name, _value, ref in found:
        annot = get_single_field_annot(ref.get_object())
        x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
        page_ix = page_index_of(handler, annot.raw_get("/P")) if "/P" in annot else 0
        page = handler.find_page_for_modification(page_ix)[0].get_object()
        out.append((str(name), (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)), page))
    return out


class _FieldText(AppearanceContent):
    """One line of text in a field's box, on a given baseline, aligned per /Q."""

    def __init__(
        self, writer: Any, text: str, size: int, face: str, baseline: float, align: int, w: float
    ) -> None:
        super().__init__(writer=writer, box=layout.BoxConstraints(width=w, height=None))
        self.text, self.size, self.face = text, size, face
        self.baseline, self.align, self.width = baseline, align, w

    def render(self) -> bytes:
        engine = font_factory(self.size, self.face).create_font_engine(self.writer)
        self.set_resource(ResourceType.FONT, pdf_name("/F1"), engine.as_resource())
        shaped = engine.shape(self.text)
        text_w = shaped.x_advance * self.size
        x = {0: 0.5, 1: (self.width - text_w) / 2, 2: self.width - text_w - 0.5}[self.align]
        return b"/Tx BMC q BT 0 g /F1 %d Tf 1 0 0 1 %.3f %.3f Tm %s ET Q EMC" % (
            self.size,
            x,
            self.baseline,
            shaped.graphics_ops,
        )


def fill_fields(writer: Any, values: dict[str, str]) -> None:
    """Set value + appearance + read-only on each named text field (in ``writer``)."""
    wanted = dict(values)
    for name, rect, page in _text_fields(writer):
        if name not in wanted:
            continue
        text = nfc(wanted.pop(name))
        field_ref = _field_ref(writer, name)
        field = field_ref.get_object()
        annot = get_single_field_annot(field)
        around = surroundings(page, rect)
        size = _size(field, around, rect)
        width, height = rect[2] - rect[0], rect[3] - rect[1]
        baseline = (
            (around.baseline - rect[1]) if around.baseline else (height - size) / 2 + 0.22 * size
        )
        # A value wider than its blank must stay readable: shrink rather than clip.
        while size > 6 and text_width(text, size, around.face) > width - 1:
            size -= 1
        align = int(field["/Q"]) if "/Q" in field else 0
        content = _FieldText(writer, text, size, around.face, baseline, align, width)
        content.box = layout.BoxConstraints(width=width, height=height)
        content.apply_appearance(annot)
        writer.update_container(annot)
        field["/V"] = generic.TextStringObject(text)
        flags = int(field["/Ff"]) if "/Ff" in field else 0
        field["/Ff"] = _number(flags | 1)
        writer.mark_update(field_ref)
    if wanted:
        raise PlaceholderNotFound(
            f"no text field named {', '.join(sorted(wanted))}", fields=sorted(wanted)
        )


def _size(field: Any, around: Surroundings, rect: Box) -> int:
    if around.size:
        return max(6, round(around.size))
    da = str(field["/DA"]) if "/DA" in field else ""
    match = _DA_SIZE.search(da)
    if match and float(match.group(1)) > 0:
        return round(float(match.group(1)))
    return max(6, min(14, int((rect[3] - rect[1]) * 0.7)))


def _field_ref(handler: Any, name: str) -> Any:
    fields = handler.root["/AcroForm"]["/Fields"]
    found = enumerate_fields_in(  # type: ignore[no-untyped-call]
        fields, filled_status=None, target_field_type="/Tx", refs_seen=set(), with_name=name
    )
    for fq_name, _value, ref in found:
        if fq_name == name:
            return ref.reference
    raise PlaceholderNotFound(f"no text field named {name}", field=name)
