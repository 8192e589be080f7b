"""Build the small fonts used inside visible signature stamps (resources/fonts/stamp/).

pyhanko embeds the stamp font into every signed PDF and writes glyph widths in the font's own
units, so the stamp font must be (1) small: Latin + Vietnamese only, no hinting, and (2) exactly
1000 units per em: Liberation Serif is 2048, which would space the letters twice as wide.

Run from anywhere: ``python scripts/prepare_fonts.py``. The output is byte-for-byte reproducible
(fixed timestamps, deterministic subsetting), so re-running it must leave git clean.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
STAMP = FONTS / "stamp"

TARGET_UPEM = 1000

# (source file, output file, style name shown in the name table)
JOBS: tuple[tuple[str, str, str], ...] = (
    ("LiberationSerif-Regular.ttf", "VNSerif-Stamp.ttf", "Regular"),
    ("LiberationSerif-Bold.ttf", "VNSerif-Stamp-Bold.ttf", "Bold"),
)

# "Liberation", "Tinos" and "Arimo" are Reserved Font Names under the OFL: a Modified Version
# (this subset) must not present itself under them, so the family gets our own name.
FAMILY = "VNSerif Stamp"
POSTSCRIPT_FAMILY = "VNSerif-Stamp"


def _ranges(*spans: tuple[int, int]) -> list[int]:
    out: list[int] = []
    for first, last in spans:
        out.extend(range(first, last + 1))
    return out


UNICODES: list[int] = sorted(
    set(
        _ranges(
            (0x0020, 0x007E),  # Basic Latin
            (0x00A0, 0x00FF),  # Latin-1 (À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý and lower case)
            (0x0100, 0x017F),  # Latin Extended-A (Ă ă Đ đ Ĩ ĩ Ũ ũ, and neighbours: cheap)
            (0x0300, 0x0323),  # combining marks: NFD input and the five Vietnamese tone marks
            (0x1EA0, 0x1EF9),  # Latin Extended Additional: the precomposed Vietnamese letters
        )
        + [
            0x01A0,
            0x01A1,
            0x01AF,
            0x01B0,  # Ơ ơ Ư ư (Latin Extended-B)
            0x2013,
            0x2014,  # – —
            0x2018,
            0x2019,
            0x201C,
            0x201D,  # ‘ ’ “ ”
            0x2022,
            0x2026,  # • …
            0x20AB,  # ₫
            0x2116,  # №
        ]
    )
)


def _subset_options() -> subset.Options:
    options = subset.Options()
    # Hinting only matters for screen rasterisers at small pixel sizes; in a PDF stamp it is
    # dead weight (fpgm/prep/cvt and per-glyph bytecode are a third of the file).
    options.hinting = False
    # Keep the whole name table: the copyright and licence records must travel with the font.
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.layout_features = ["*"]
    # FontForge's timestamp table: meaningless here, and the subsetter warns about it.
    options.drop_tables = [*options.drop_tables, "FFTM"]
    return options


def _rename(font: TTFont, style: str) -> None:
    """Give the Modified Version its own family name; keep copyright and licence records."""
    name = font["name"]
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    postscript = f"{POSTSCRIPT_FAMILY}-{style}"
    version = name.getDebugName(5) or "Version 1.0"
    values = {
        1: FAMILY,
        2: style,
        3: f"{postscript};{version}",
        4: full,
        6: postscript,
        10: (
            "Subset of Liberation Serif (Latin + Vietnamese), unhinted, rescaled to "
            "1000 units/em, for visible signature stamps in VBĐT Desktop."
        ),
    }
    for record in list(name.names):
        if record.nameID in (16, 17, 21, 22):
            name.removeNames(nameID=record.nameID)
    for name_id, value in values.items():
        name.removeNames(nameID=name_id)
        name.setName(value, name_id, 3, 1, 0x409)
        if name_id != 10:
            name.setName(value, name_id, 1, 0, 0)


def build_one(source: Path, target: Path, style: str) -> bytes:
    """Subset, rename and rescale one font; return the file bytes (also written to ``target``)."""
    font = TTFont(str(source), recalcTimestamp=False)
    created, modified = font["head"].created, font["head"].modified
    subsetter = subset.Subsetter(options=_subset_options())
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    if font["head"].unitsPerEm != TARGET_UPEM:
        scale_upem(font, TARGET_UPEM)
    _rename(font, style)
    # Timestamps from the source font, not "now": the output must not change between runs.
    font["head"].created, font["head"].modified = created, modified
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    data = buffer.getvalue()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source-dir", type=Path, default=FONTS)
    parser.add_argument("--out-dir", type=Path, default=STAMP)
    args = parser.parse_args(argv)
    for source_name, target_name, style in JOBS:
        target = args.out_dir / target_name
        data = build_one(args.source_dir / source_name, target, style)
        check = TTFont(io.BytesIO(data))
        cmap = check.getBestCmap()
        missing = [f"U+{cp:04X}" for cp in UNICODES if cp not in cmap]
        print(
            f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
            f"{len(data) // 1024} KiB, {check['maxp'].numGlyphs} glyphs, "
            f"unitsPerEm {check['head'].unitsPerEm}"
            + (f", not in source: {' '.join(missing)}" if missing else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
