"""The bundled fonts, for reportlab and for pyhanko signature stamps, and NFC normalisation.

reportlab's base-14 fonts (Helvetica, Times) print black boxes for Vietnamese, and decomposed (NFD)
text stacks tone marks onto the wrong glyphs: every PDF we generate registers these TTFs and passes
its text through :func:`nfc` first.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

SERIF = "VNSerif"
SERIF_BOLD = "VNSerif-Bold"
SERIF_ITALIC = "VNSerif-Italic"
SERIF_BOLD_ITALIC = "VNSerif-BoldItalic"
SANS = "VNSans"
SANS_BOLD = "VNSans-Bold"

# reportlab font name -> file under resources/fonts/
FONT_FILES: dict[str, str] = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
}

STAMP_FONT = "VNSerif-Stamp.ttf"
STAMP_FONT_BOLD = "VNSerif-Stamp-Bold.ttf"

_lock = threading.Lock()
_registered = False


def nfc(text: str) -> str:
    """``text`` in Unicode NFC: one code point per Vietnamese letter, as the fonts expect."""
    return unicodedata.normalize("NFC", text)


def font_path(name: str) -> Path:
    """The TTF file behind a registered reportlab font name (e.g. ``SERIF``)."""
    return resource("fonts", FONT_FILES[name])


def stamp_font_path(bold: bool = False) -> Path:
    """The 1000-unit, Latin + Vietnamese subset font for pyhanko signature appearances."""
    return resource("fonts", "stamp", STAMP_FONT_BOLD if bold else STAMP_FONT)


def register_reportlab_fonts() -> None:
    """Register the VNSerif/VNSans fonts and their families with reportlab (safe to call often).

    The family mappings let ``<b>``/``<i>`` in a Paragraph switch to the right face, whichever
    of the family's faces the style starts from.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in FONT_FILES.items():
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        for bold, italic, face in (
            (0, 0, SERIF),
            (1, 0, SERIF_BOLD),
            (0, 1, SERIF_ITALIC),
            (1, 1, SERIF_BOLD_ITALIC),
        ):
            addMapping(SERIF, bold, italic, face)
        # Liberation Sans has no italic bundled: <i> in a VNSans paragraph stays upright rather
        # than failing. Map the italic slots first so the upright slots win the reverse lookup.
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        _registered = True
