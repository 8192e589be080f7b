"""Draw the application icon (a document with a red seal) and write vbdt.png and vbdt.ico.

Run once with `python resources/icons/make_icon.py` after a design change; the outputs are kept in
the repository, so a build never depends on this script. Drawn at 1024 px and scaled down, so the
small Windows sizes (16, 24, 32 px) stay crisp instead of being a blur of one large bitmap.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
RED, DARK_RED, PAPER, INK = (200, 30, 30), (140, 15, 15), (250, 250, 245), (120, 120, 130)


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = size / 64  # design grid: 64 units
    # The sheet, with a folded top-right corner.
    sheet = [(12 * u, 4 * u), (42 * u, 4 * u), (54 * u, 16 * u), (54 * u, 60 * u), (12 * u, 60 * u)]
    d.polygon(sheet, fill=PAPER, outline=INK, width=max(1, round(2 * u)))
    d.polygon([(42 * u, 4 * u), (42 * u, 16 * u), (54 * u, 16 * u)], fill=(215, 215, 210))
    # Text lines.
    for i, right in enumerate((36, 46, 46, 30)):
        y = (22 + 7 * i) * u
        d.rounded_rectangle((18 * u, y, right * u, y + 3 * u), radius=1.5 * u, fill=INK)
    # The seal: a red ring with a filled centre, overlapping the bottom-right corner.
    cx, cy, r = 44 * u, 48 * u, 15 * u
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=RED, outline=DARK_RED, width=round(2 * u))
    inner = 9 * u
    d.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=PAPER, width=round(2 * u))
    star = 4.5 * u
    d.ellipse((cx - star, cy - star, cx + star, cy + star), fill=PAPER)
    return img


def main() -> None:
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "vbdt.png")
    # Pillow scales the source to each size in ICO_SIZES and stores them all in one .ico.
    big.save(HERE / "vbdt.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
