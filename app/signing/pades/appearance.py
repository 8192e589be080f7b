"""Decree 30/2020 signature appearances: leader, agency seal, attachment and electronic copy.

A visible signature is a pyhanko stamp style drawing a prepared image (see ``images``) and lines
of Vietnamese text shaped with the 1000-unit stamp font (see ``fonts``). The signing time shown
is always in Vietnam's time zone, "dd/mm/yyyy hh:mm:ss +07:00", whatever the PC's zone is.
Must not: sign, place, or decide roles' rules beyond what the page shows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.content import ResourceType
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.stamp.base import BaseStamp, BaseStampStyle

from app.signing.pades.fonts import BOLD, REGULAR, font_factory, text_width
from app.signing.pades.images import PreparedImage
from app.signing.pades.model import CopyForm

VN_TZ = timezone(timedelta(hours=7), "+07:00")
BLACK = (0.0, 0.0, 0.0)
# The ink of the demo signatures; scanned ones bring their own colour in the image.
SIGNATURE_TEXT = (0.10, 0.24, 0.61)
STAMP_SIZE = 10  # Decree 30: attachment and copy information in 10 pt
LEADER_TEXT_MAX = 7
LEADER_TEXT_MIN = 5


def vn_time(moment: datetime) -> datetime:
    """``moment`` in Vietnam time (naive values are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ)


def format_signing_time(moment: datetime) -> str:
    """``26/11/2026 09:15:02 +07:00``: how signing times are shown to people."""
    return vn_time(moment).strftime("%d/%m/%Y %H:%M:%S +07:00")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class TextLine:
    text: str
    size: int
    face: str = REGULAR


@dataclass(frozen=True)
class DecreeStampStyle(BaseStampStyle):
    """An image fitted into ``image_area`` and text lines in ``text_area``.

    Areas are fractions of the box (x0, y0, x1, y1); ``align`` is "left", "center" or "right"
    for both the image and the text lines.
    """

    image: PreparedImage | None = None
    image_area: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    lines: tuple[TextLine, ...] = ()
    text_area: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    align: str = "center"
    text_color: tuple[float, float, float] = BLACK
    border_width: int = 0

    def create_stamp(
        self, writer: Any, box: layout.BoxConstraints, text_params: dict[str, Any]
    ) -> DecreeStamp:
        return DecreeStamp(writer=writer, style=self, box=box)


def _x_for(align: str, left: float, right: float, width: float) -> float:
    if align == "left":
        return left
    if align == "right":
        return right - width
    return left + (right - left - width) / 2


class DecreeStamp(BaseStamp):
    style: DecreeStampStyle

    def _render_inner_content(self) -> list[bytes]:
        style, box = self.style, self.box
        w, h = box.width, box.height
        out: list[bytes] = []
        if style.image is not None:
            out.append(self._image_ops(style.image, w, h))
        if style.lines:
            out.append(self._text_ops(w, h))
        return out

    def _image_ops(self, image: PreparedImage, w: float, h: float) -> bytes:
        x0, y0, x1, y1 = self.style.image_area
        area_w, area_h = (x1 - x0) * w, (y1 - y0) * h
        scale = min(area_w / image.width, area_h / image.height)
        draw_w, draw_h = image.width * scale, image.height * scale
        x = _x_for(self.style.align, x0 * w, x1 * w, draw_w)
        y = y0 * h + (area_h - draw_h) / 2
        self.set_resource(ResourceType.XOBJECT, pdf_name("/Img0"), image.add_to(self.writer))
        return b"q %.3f 0 0 %.3f %.3f %.3f cm /Img0 Do Q" % (draw_w, draw_h, x, y)

    def _text_ops(self, w: float, h: float) -> bytes:
        style = self.style
        x0, y0, x1, y1 = style.text_area
        engines: dict[tuple[int, str], tuple[str, Any]] = {}
        ops = [b"q %.3f %.3f %.3f rg BT" % style.text_color]
        total = sum(line.size * 1.2 for line in style.lines)
        # Baselines from the top of the text area down; the block is centred vertically.
        top = y0 * h + ((y1 - y0) * h + total) / 2
        for line in style.lines:
            key = (line.size, line.face)
            if key not in engines:
                name = f"/F{len(engines) + 1}"
                engine = font_factory(line.size, line.face).create_font_engine(self.writer)
                self.set_resource(ResourceType.FONT, pdf_name(name), engine.as_resource())
                engines[key] = (name, engine)
            name, engine = engines[key]
            shaped = engine.shape(nfc(line.text))
            width = shaped.x_advance * line.size
            top -= line.size * 1.2
            baseline = top + line.size * 0.25
            x = _x_for(style.align, x0 * w, x1 * w, width)
            ops.append(b"%s %d Tf 1 0 0 1 %.3f %.3f Tm" % (name.encode(), line.size, x, baseline))
            ops.append(shaped.graphics_ops)
        ops.append(b"ET Q")
        return b" ".join(ops)


# ---------------------------------------------------------------------------------------------
# The four roles


def leader_style(
    image: PreparedImage | None, name: str, position: str, signed_at: datetime, box_w: float
) -> DecreeStampStyle:
    """Blue signature image with the signer's name, position and signing time beneath."""
    texts = [f"Ký bởi: {name}"]
    if position:
        texts.append(f"Chức vụ: {position}")
    texts.append(f"Thời gian ký: {format_signing_time(signed_at)}")
    size = LEADER_TEXT_MAX
    while size > LEADER_TEXT_MIN and max(text_width(t, size) for t in texts) > box_w - 4:
        size -= 1
    lines = tuple(TextLine(nfc(t), size) for t in texts)
    if image is None:
        return DecreeStampStyle(lines=lines, text_color=SIGNATURE_TEXT)
    return DecreeStampStyle(
        image=image,
        image_area=(0.0, 0.36, 1.0, 1.0),
        lines=lines,
        text_area=(0.0, 0.0, 1.0, 0.36),
        text_color=SIGNATURE_TEXT,
    )


def agency_style(image: PreparedImage | None, agency: str) -> DecreeStampStyle:
    """The seal alone (Decree 30 asks for no text beside it); text only if there is no image."""
    if image is not None:
        return DecreeStampStyle(image=image)
    return DecreeStampStyle(lines=(TextLine(nfc(agency), STAMP_SIZE, BOLD),))


def attachment_lines(main_number: str, signed_at: datetime) -> tuple[TextLine, ...]:
    """Number and symbol of the main document, then the signing time (10 pt, upright, black)."""
    return (
        TextLine(nfc(main_number), STAMP_SIZE),
        TextLine(format_signing_time(signed_at), STAMP_SIZE),
    )


def copy_lines(form: CopyForm, agency: str, signed_at: datetime) -> tuple[TextLine, ...]:
    """The copy form, the copying agency and the signing time (10 pt, black)."""
    return (
        TextLine(form.value, STAMP_SIZE, BOLD),
        TextLine(nfc(agency), STAMP_SIZE),
        TextLine(format_signing_time(signed_at), STAMP_SIZE),
    )


def text_block_size(lines: tuple[TextLine, ...], padding: float = 2.0) -> tuple[float, float]:
    """The box a top-right text stamp needs."""
    width = max(text_width(line.text, line.size, line.face) for line in lines)
    height = sum(line.size * 1.2 for line in lines)
    return width + 2 * padding, height + 2 * padding


def text_style(lines: tuple[TextLine, ...]) -> DecreeStampStyle:
    return DecreeStampStyle(lines=lines, align="right", text_area=(0.0, 0.0, 0.98, 1.0))
