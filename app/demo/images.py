"""Demo signature and seal images: the PNGs that visible signatures put on the page.

A leader's signature is blue handwriting, an agency signature shows the red round seal at its real
size; both are PNGs with a transparent background (DOMAIN.md, "How signatures look on the page").
Real deployments import the scanned images; these drawings only give demos and tests something
realistic to stamp. Output is deterministic: the same input gives the same PNG bytes.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from app.reports.fonts import SERIF_BOLD, font_path, nfc

SIGNATURE_INK = (0x1A, 0x3C, 0x9C)
SEAL_INK = (0xD0, 0x02, 0x1B)
SEAL_DIAMETER_MM = 36
SEAL_DPI = 300
SEAL_DIAMETER_PX = round(SEAL_DIAMETER_MM / 25.4 * SEAL_DPI)  # 425 px
# Stamp-pad ink is never fully opaque: the text under the seal stays readable.
SEAL_OPACITY = 0.86

# Drawn this many times larger, then downsampled: Pillow's primitives are not anti-aliased.
_SUPERSAMPLE = 4

Point = tuple[float, float]


def _rng(*parts: str) -> random.Random:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def _png(mask: Image.Image, ink: tuple[int, int, int]) -> bytes:
    """An RGBA PNG of solid ``ink`` whose alpha channel is ``mask``."""
    image = Image.new("RGBA", mask.size, (*ink, 0))
    image.putalpha(mask)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Signature


def _catmull_rom(points: Sequence[Point], samples: int = 24) -> list[Point]:
    """A smooth curve through ``points`` (centripetal Catmull-Rom: no cusps, no overshoot loops)."""
    if len(points) < 2:
        return list(points)
    pts = [points[0], *points, points[-1]]
    out: list[Point] = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]

        def knot(a: Point, b: Point, t: float) -> float:
            return t + math.sqrt(max(math.dist(a, b), 1e-6))

        t0 = 0.0
        t1 = knot(p0, p1, t0)
        t2 = knot(p1, p2, t1)
        t3 = knot(p2, p3, t2)
        for s in range(samples):
            t = t1 + (t2 - t1) * s / samples

            def lerp(a: Point, b: Point, ta: float, tb: float, tt: float) -> Point:
                if tb - ta < 1e-9:
                    return a
                u = (tt - ta) / (tb - ta)
                return (a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u)

            a1 = lerp(p0, p1, t0, t1, t)
            a2 = lerp(p1, p2, t1, t2, t)
            a3 = lerp(p2, p3, t2, t3, t)
            b1 = lerp(a1, a2, t0, t2, t)
            b2 = lerp(a2, a3, t1, t3, t)
            out.append(lerp(b1, b2, t1, t2, t))
    out.append(points[-1])
    return out


def _draw_stroke(
    draw: ImageDraw.ImageDraw, path: Sequence[Point], radius: float, rng: random.Random
) -> None:
    """Stamp discs along ``path``: the radius swells mid-stroke, tapers at both ends (pen lift)."""
    lengths = [0.0]
    for a, b in zip(path, path[1:], strict=False):
        lengths.append(lengths[-1] + math.dist(a, b))
    total = lengths[-1]
    if total <= 0:
        return
    phase, wobble = rng.uniform(0, math.tau), rng.uniform(3.0, 7.0)
    step = max(radius * 0.25, 0.5)
    distance, index = 0.0, 0
    while distance <= total:
        while index < len(path) - 2 and lengths[index + 1] < distance:
            index += 1
        seg = lengths[index + 1] - lengths[index]
        u = 0.0 if seg <= 0 else (distance - lengths[index]) / seg
        (x0, y0), (x1, y1) = path[index], path[index + 1]
        x, y = x0 + (x1 - x0) * u, y0 + (y1 - y0) * u
        t = distance / total
        taper = min(1.0, 0.25 + 1.6 * math.sin(math.pi * t))
        r = radius * taper * (1.0 + 0.18 * math.sin(wobble * math.tau * t + phase))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
        distance += step


def _signature_strokes(name: str, rng: random.Random) -> list[list[Point]]:
    """Control points, in units of the canvas (0..1, y down), of a cursive scrawl for ``name``.

    Vietnamese signatures often are a large initial, a run of cursive humps with a loop or two,
    and a long underline flourish; the number of humps follows the given name's length.
    """
    words = name.split() or ["X"]
    given = words[-1]

    def j(scale: float = 0.02) -> float:
        return rng.uniform(-scale, scale)

    # 1. A tall initial: either a looped capital or a stem with a bowl, chosen per name.
    if rng.random() < 0.5:
        initial = [
            (0.09 + j(), 0.66 + j()),
            (0.13 + j(), 0.30 + j()),
            (0.19 + j(), 0.10 + j()),
            (0.27 + j(), 0.17 + j()),
            (0.22 + j(), 0.45 + j()),
            (0.14 + j(), 0.60 + j()),
            (0.12 + j(), 0.50 + j()),
            (0.22 + j(), 0.44 + j()),
            (0.30 + j(), 0.48 + j()),
        ]
    else:
        initial = [
            (0.06 + j(), 0.30 + j()),
            (0.14 + j(), 0.14 + j()),
            (0.18 + j(), 0.30 + j()),
            (0.15 + j(), 0.68 + j()),
            (0.11 + j(), 0.60 + j()),
            (0.20 + j(), 0.36 + j()),
            (0.28 + j(), 0.34 + j()),
            (0.25 + j(), 0.50 + j()),
            (0.30 + j(), 0.50 + j()),
        ]
    # 2. Cursive humps on a baseline that rises to the right, as hands do.
    humps = max(4, min(9, len(given) + len(words) - 1))
    x, end = 0.30, rng.uniform(0.74, 0.84)
    widths = [rng.uniform(0.7, 1.3) for _ in range(humps)]
    rise, height = rng.uniform(0.05, 0.25), rng.uniform(0.7, 1.2)
    loops = set(rng.sample(range(1, humps), k=min(rng.choice((1, 2, 2)), humps - 1)))
    body: list[Point] = [initial[-1]]
    for i in range(humps):
        step = (end - 0.30) * widths[i] / sum(widths)
        base = 0.58 - rise * (x - 0.30)
        if i in loops:
            body += [
                (x + step * 0.55, base - height * rng.uniform(0.30, 0.42)),
                (x + step * 0.20, base - height * rng.uniform(0.16, 0.24)),
                (x + step * 0.75, base + j(0.03)),
            ]
        else:
            body += [
                (x + step * 0.35, base - height * rng.uniform(0.08, 0.20)),
                (x + step * 0.85, base + j(0.04)),
            ]
        x += step
    # 3. The flourish: an underline swept back under the name, or a rising loop to the right.
    last = body[-1]
    if rng.random() < 0.6:
        flourish = [
            last,
            (last[0] + 0.07 + j(), last[1] + 0.10 + j()),
            (last[0] - 0.05 + j(), last[1] + 0.22 + j()),
            (0.32 + j(), 0.80 + j()),
            (0.16 + j(), 0.82 + j()),
            (0.40 + j(), 0.76 + j()),
            (0.93 + j(), 0.62 + j()),
        ]
    else:
        flourish = [
            last,
            (last[0] + 0.04 + j(), last[1] + 0.16 + j()),
            (last[0] - 0.02 + j(), last[1] + 0.24 + j()),
            (last[0] - 0.06 + j(), last[1] + 0.12 + j()),
            (0.50 + j(), 0.72 + j()),
            (0.22 + j(), 0.84 + j()),
            (0.10 + j(), 0.80 + j()),
        ]
    # A per-name slant, as every hand has its own.
    slant = rng.uniform(-0.02, 0.16)
    return [
        [(px + slant * (0.5 - py), py) for px, py in stroke] for stroke in (initial, body, flourish)
    ]


def signature_png(name: str, *, width: int = 600, height: int = 240) -> bytes:
    """A handwritten-looking blue signature for ``name`` (same name, same image), RGBA PNG."""
    name = nfc(name).strip()
    rng = _rng("signature", name)
    s = _SUPERSAMPLE
    mask = Image.new("L", (width * s, height * s), 0)
    draw = ImageDraw.Draw(mask)
    radius = max(1.0, 2.1 * width / 600) * s
    for control in _signature_strokes(name, rng):
        scaled = [(px * width * s, py * height * s) for px, py in control]
        _draw_stroke(draw, _catmull_rom(scaled), radius * rng.uniform(0.85, 1.1), rng)
    mask = mask.resize((width, height), Image.Resampling.LANCZOS)
    return _png(mask, SIGNATURE_INK)


# ---------------------------------------------------------------------------------------------
# Seal


def _ring(draw: ImageDraw.ImageDraw, c: float, r_out: float, r_in: float) -> None:
    draw.ellipse((c - r_out, c - r_out, c + r_out, c + r_out), fill=255)
    draw.ellipse((c - r_in, c - r_in, c + r_in, c + r_in), fill=0)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    inner = r * 0.382  # the regular pentagram's ratio
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=255)


def _text_on_arc(
    mask: Image.Image,
    text: str,
    font: ImageFont.FreeTypeFont,
    centre: float,
    radius: float,
    span: float,
    *,
    bottom: bool,
) -> None:
    """Draw ``text`` glyph by glyph along an arc of ``span`` radians, each glyph rotated.

    Top arc: centred at 12 o'clock, baseline at ``radius``, glyph tops pointing outwards.
    Bottom arc: centred at 6 o'clock, reading left to right, glyph tops pointing inwards.
    """
    advances = [font.getlength(ch) for ch in text]
    natural = sum(advances) / radius
    # Seals spread their letters over the arc; extra space goes between the glyphs.
    gap = (span - natural) / max(len(text) - 1, 1) if span > natural else 0.0
    angle = -(natural + gap * (len(text) - 1)) / 2
    tile = int(font.size * 2.2)
    for ch, advance in zip(text, advances, strict=True):
        half = advance / radius / 2
        mid = angle + half
        angle += 2 * half + gap
        if ch.isspace():
            continue
        glyph = Image.new("L", (tile, tile), 0)
        # Anchor "ms": the glyph's baseline midpoint sits at the tile centre.
        ImageDraw.Draw(glyph).text((tile / 2, tile / 2), ch, font=font, fill=255, anchor="ms")
        if bottom:
            x, y = centre + radius * math.sin(mid), centre + radius * math.cos(mid)
            rotated = glyph.rotate(math.degrees(mid), resample=Image.Resampling.BICUBIC)
        else:
            x, y = centre + radius * math.sin(mid), centre - radius * math.cos(mid)
            rotated = glyph.rotate(-math.degrees(mid), resample=Image.Resampling.BICUBIC)
        box = (round(x - tile / 2), round(y - tile / 2))
        mask.paste(255, box, rotated)


def _fit_font(path: str, text: str, height: float, arc_length: float) -> ImageFont.FreeTypeFont:
    """The largest size whose accented capitals fit ``height`` and whose text fits the arc."""
    size = int(height * 1.2)
    while size > 6:
        font = ImageFont.truetype(path, size)
        top, bottom = font.getbbox("ỦỆẮỖ", anchor="ls")[1], 0
        fits_height = (bottom - top) <= height
        fits_arc = font.getlength(text) * 1.12 <= arc_length
        if fits_height and fits_arc:
            return font
        size -= 1
    return ImageFont.truetype(path, 6)


def seal_png(
    agency_lines: list[str],
    centre_text: str = "★",
    *,
    diameter_px: int = SEAL_DIAMETER_PX,
) -> bytes:
    """A red round official seal, RGBA PNG of ``diameter_px`` square (default: 36 mm at 300 dpi).

    ``agency_lines[0]`` runs along the top of the ring; ``agency_lines[1:]`` (joined) along the
    bottom, reading left to right. ``centre_text`` "★" draws the star alone; other text is
    written across the centre under a smaller star (one line per "\\n").
    """
    lines = [nfc(line).strip().upper() for line in agency_lines if line.strip()]
    if not lines:
        raise ValueError("a seal needs the agency's name")
    centre_text = nfc(centre_text).strip()
    s = _SUPERSAMPLE
    size = diameter_px * s
    c = size / 2
    r = size / 2 - s  # one output pixel of margin so the ring is not clipped
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)

    # Proportions of a real seal: a heavy outer ring, a thin one inside it, the text band,
    # then a thin circle around the emblem.
    _ring(draw, c, r, r * 0.955)
    _ring(draw, c, r * 0.925, r * 0.912)
    band_outer, band_inner = r * 0.89, r * 0.70
    _ring(draw, c, band_inner - r * 0.015, band_inner - r * 0.03)
    emblem_r = band_inner - r * 0.05

    font_file = str(font_path(SERIF_BOLD))
    band = (band_outer - band_inner) * 0.92
    top_text = lines[0]
    bottom_text = " ".join(lines[1:])
    top_span = math.radians(300 if not bottom_text else 196)
    bottom_span = math.radians(104)
    # The top arc's baseline sits on the band's inner edge, glyphs growing outwards; the bottom
    # arc's baseline sits on the band's outer edge, glyphs growing inwards.
    top_font = _fit_font(font_file, top_text, band, top_span * band_inner)
    _text_on_arc(mask, top_text, top_font, c, band_inner + r * 0.035, top_span, bottom=False)
    if bottom_text:
        bottom_font = _fit_font(font_file, bottom_text, band, bottom_span * band_inner)
        # Same visual size on both arcs reads better; take the smaller.
        if bottom_font.size > top_font.size:
            bottom_font = top_font
        bottom_radius = band_outer - r * 0.03
        _text_on_arc(mask, bottom_text, bottom_font, c, bottom_radius, bottom_span, bottom=True)
        # Small stars separate the two texts at 3 and 9 o'clock, as on real seals.
        mid_band = (band_outer + band_inner) / 2
        gap_angle = (math.tau - top_span - bottom_span) / 4
        for side in (-1, 1):
            a = side * (top_span / 2 + gap_angle)
            _star(draw, c + mid_band * math.sin(a), c - mid_band * math.cos(a), r * 0.045)
    else:
        _star(draw, c, c + (band_outer + band_inner) / 2, r * 0.05)

    if centre_text in ("", "★"):
        _star(draw, c, c + emblem_r * 0.06, emblem_r * 0.62)
    else:
        _star(draw, c, c - emblem_r * 0.52, emblem_r * 0.26)
        centre_lines = [line.upper() for line in centre_text.split("\n") if line.strip()]
        width_limit = emblem_r * 1.7
        size_px = int(emblem_r * 0.30)
        font = ImageFont.truetype(font_file, size_px)
        while size_px > 8 and max(font.getlength(line) for line in centre_lines) > width_limit:
            size_px -= 2
            font = ImageFont.truetype(font_file, size_px)
        line_h = size_px * 1.15
        y = c + emblem_r * 0.12 - line_h * (len(centre_lines) - 1) / 2
        for line in centre_lines:
            draw.text((c, y), line, font=font, fill=255, anchor="mm")
            y += line_h

    mask = mask.resize((diameter_px, diameter_px), Image.Resampling.LANCZOS)
    # Uneven stamp-pad ink: a blurred, seeded noise field modulates the opacity a little.
    rng = _rng("seal", *lines, centre_text)
    grain = Image.frombytes(
        "L",
        (diameter_px, diameter_px),
        bytes(rng.randrange(150, 256) for _ in range(diameter_px * diameter_px)),
    ).filter(ImageFilter.GaussianBlur(2.5))
    alpha = Image.eval(mask, lambda v: int(v * SEAL_OPACITY))
    lut = [min(255, int(v * 1.15)) for v in range(256)]
    alpha = Image.composite(alpha, Image.new("L", alpha.size, 0), grain.point(lut))
    return _png(alpha, SEAL_INK)
