"""Vietnamese fonts for signature appearances and filled form fields, loaded once per process.

pyhanko's ``GlyphAccumulatorFactory`` re-reads the font file for every appearance and never closes
the handle; this factory hands it the bytes kept in memory instead. The italic face (the
"place, date" line of Decree 30 is italic) has no prepared 1000-unit file: it is derived from
Liberation Serif Italic the first time it is needed (~0.2 s) and kept in memory.
Must not: write font files, or touch reportlab's registry.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

from app.paths import resource

REGULAR = "regular"
BOLD = "bold"
ITALIC = "italic"

_lock = threading.Lock()
_TARGET_UPEM = 1000
# Latin + Vietnamese, as scripts/prepare_fonts.py keeps for the prepared stamp fonts.
_UNICODES = (
    list(range(0x20, 0x7F))
    + list(range(0xA0, 0x180))
    + list(range(0x300, 0x324))
    + list(range(0x1EA0, 0x1EFA))
    + [0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026]
)


def _derive_italic() -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(str(resource("fonts", "LiberationSerif-Italic.ttf")), recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.drop_tables = [*options.drop_tables, "FFTM"]
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=_UNICODES)
    subsetter.subset(font)
    scale_upem(font, _TARGET_UPEM)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def font_bytes(face: str = REGULAR) -> bytes:
    """The 1000-unit font program for ``face`` (regular, bold, italic), read once."""
    with _lock:
        if face == ITALIC:
            return _derive_italic()
        # The same files app.reports.fonts names (not imported: sibling layers stay independent).
        name = "VNSerif-Stamp-Bold.ttf" if face == BOLD else "VNSerif-Stamp.ttf"
        return resource("fonts", "stamp", name).read_bytes()


@dataclass(frozen=True)
class CachedFontFactory(GlyphAccumulatorFactory):
    """A GlyphAccumulatorFactory fed from memory (``font_file`` is only a label)."""

    face: str = REGULAR

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(font_bytes(self.face)),
            font_size=self.font_size,
            bcp47_lang_code="vi",
            obj_stream=obj_stream,
        )


@lru_cache(maxsize=64)
def font_factory(size: int, face: str = REGULAR) -> CachedFontFactory:
    """A factory whose ``font_size`` equals the text size (pyhanko issue #733: they must match)."""
    return CachedFontFactory(font_file=f"<VNSerif-Stamp {face}>", font_size=size, face=face)


@lru_cache(maxsize=4)
def _metrics(face: str) -> tuple[dict[int, str], dict[str, tuple[int, int]]]:
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_bytes(face)), lazy=True)
    return dict(font.getBestCmap()), dict(font["hmtx"].metrics)


def text_width(text: str, size: float, face: str = REGULAR) -> float:
    """Advance width of ``text`` in points (no kerning: for sizing boxes, not for drawing)."""
    cmap, metrics = _metrics(face)
    units = 0
    for char in text:
        glyph = cmap.get(ord(char))
        if glyph is not None:
            units += metrics[glyph][0]
        else:
            units += _TARGET_UPEM // 2
    return units * size / _TARGET_UPEM
