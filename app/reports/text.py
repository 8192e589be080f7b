"""Text helpers every report shares: NFC, Vietnamese dates and numbers, and cell line-wrapping.

Dates print as dd/mm/yyyy in Vietnam time (UTC+7): a document registered at 23:30 UTC belongs to
the next day in the register. Wrapping is done here, once per cell, instead of with Paragraph
flowables: a 20,000-row register has 200,000 cells and Paragraph layout is the slowest part of
reportlab. Must not: draw anything or touch the database.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from reportlab.pdfbase.pdfmetrics import stringWidth

from app.domain.calendar import VN_TZ
from app.reports.fonts import nfc

_SPACES = re.compile(r"[ \t\r\f\v]+")


def clean(text: str | None) -> str:
    """NFC text with runs of blanks collapsed; line breaks the writer typed are kept."""
    if not text:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in nfc(text).split("\n"))
    return "\n".join(line for line in lines if line)


def local(moment: datetime) -> datetime:
    """The instant in Vietnam time (the database hands back aware UTC datetimes)."""
    return moment.astimezone(VN_TZ)


def fmt_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy; a datetime is first moved to Vietnam time; None prints as nothing."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    return value.strftime("%d/%m/%Y")


def fmt_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy hh:mm in Vietnam time."""
    if value is None:
        return ""
    return local(value).strftime("%d/%m/%Y %H:%M")


def fmt_number(number: int | None) -> str:
    """Register numbers: below 10 with a leading zero (Decree 30), as the documents print them."""
    if number is None:
        return ""
    return f"{number:02d}"


def fmt_count(value: int) -> str:
    """Counts with the Vietnamese thousands separator: 20000 → 20.000."""
    return f"{value:,}".replace(",", ".")


def fmt_percent(part: int, whole: int) -> str:
    """A share as "87,5%" (Vietnamese decimal comma); "—" when there is nothing to divide."""
    if whole <= 0:
        return "—"
    return f"{100.0 * part / whole:.1f}%".replace(".", ",")


def long_date(day: date) -> str:
    """ "ngày 05 tháng 3 năm 2025", as an administrative document writes it."""
    return f"ngày {day.day:02d} tháng {day.month} năm {day.year}"


_WIDTHS: dict[tuple[str, float, str], float] = {}
_WIDTHS_MAX = 50_000  # words of a register repeat (agency names, "về việc"): measure each once


def _width(word: str, font: str, size: float) -> float:
    key = (font, size, word)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) >= _WIDTHS_MAX:
            _WIDTHS.clear()
        width = _WIDTHS[key] = stringWidth(word, font, size)
    return width


def long_local_date(moment: datetime) -> str:
    """``long_date`` of an instant's day in Vietnam."""
    return long_date(local(moment).date())


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to ``width`` points; a word longer than a line is cut between letters.

    Returns at least one (possibly empty) line so that every cell has a height.
    """
    if not text:
        return [""]
    space = _width(" ", font, size)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            if not word:
                continue
            w = _width(word, font, size)
            if w > width:  # a long symbol or URL: break it rather than let it run over the grid
                if line:
                    out.append(" ".join(line))
                    line, used = [], 0.0
                pieces = _cut_word(word, font, size, width)
                out.extend(pieces[:-1])
                line, used = [pieces[-1]], stringWidth(pieces[-1], font, size)
                continue
            needed = w if not line else used + space + w
            if needed <= width:
                line.append(word)
                used = needed
            else:
                out.append(" ".join(line))
                line, used = [word], w
        out.append(" ".join(line))
    return out or [""]


_BREAKS = re.compile(r"(?<=[/\-_.,;])")  # after a separator: "1990/" + "QĐ-" + "UBND"


def _cut_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Pieces of a word too long for a line: at separators if possible, else between letters."""
    pieces: list[str] = []
    current = ""
    for token in _BREAKS.split(word):
        if not token:
            continue
        if stringWidth(current + token, font, size) <= width:
            current += token
            continue
        if current:
            pieces.append(current)
            current = ""
        for char in token:  # a token alone still too long: cut it between letters
            if current and stringWidth(current + char, font, size) > width:
                pieces.append(current)
                current = char
            else:
                current += char
    pieces.append(current)
    return pieces
