"""Signature and seal images, decoded and compressed once, then added to each PDF cheaply.

pyhanko's ``PdfImage`` re-encodes the bitmap (split alpha, flate) for every signature; a batch of
a hundred documents would pay that a hundred times. Here a PNG is scaled once to at most
``MAX_DPI`` at its printed size, compressed once, and each signature only copies the ready
stream bytes into its PDF. Must not: keep file handles open, or alter the caller's PNG.
"""

from __future__ import annotations

import hashlib
import io
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name

from app.errors import InvalidInput

# pyhanko leaves this constructor unannotated.
_number: Any = generic.NumberObject

# Enough for print and zoom; a scanned 1200 dpi seal would otherwise bloat every document.
MAX_DPI = 300
_CACHE_SIZE = 32

_lock = threading.Lock()
_cache: dict[tuple[str, int, int], PreparedImage] = {}


@dataclass(frozen=True)
class PreparedImage:
    """An RGB(A) bitmap as ready-to-copy PDF stream data (flate), plus its soft mask."""

    width: int
    height: int
    rgb: bytes
    alpha: bytes | None

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def add_to(self, writer: object) -> generic.IndirectObject:
        """Add the image XObject (and its soft mask) to ``writer``; return its reference."""
        smask = None
        if self.alpha is not None:
            smask = writer.add_object(  # type: ignore[attr-defined]
                _stream(self.width, self.height, "/DeviceGray", self.alpha)
            )
        stream = _stream(self.width, self.height, "/DeviceRGB", self.rgb)
        if smask is not None:
            stream[pdf_name("/SMask")] = smask
        return writer.add_object(stream)  # type: ignore[attr-defined,no-any-return]


def _stream(width: int, height: int, colour_space: str, data: bytes) -> generic.StreamObject:
    return generic.StreamObject(
        {
            pdf_name("/Type"): pdf_name("/XObject"),
            pdf_name("/Subtype"): pdf_name("/Image"),
            pdf_name("/Width"): _number(width),
            pdf_name("/Height"): _number(height),
            pdf_name("/ColorSpace"): pdf_name(colour_space),
            pdf_name("/BitsPerComponent"): _number(8),
            pdf_name("/Filter"): pdf_name("/FlateDecode"),
        },
        encoded_data=data,
    )


def _read(source: Path | bytes) -> tuple[str, bytes]:
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest(), source
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read image {source}: {exc}", path=str(source)) from exc
    return hashlib.sha256(data).hexdigest(), data


def prepare_image(source: Path | bytes, width_pt: float, height_pt: float) -> PreparedImage:
    """The image for a ``width_pt`` x ``height_pt`` box, from cache when seen before."""
    digest, data = _read(source)
    max_w = max(1, round(width_pt / 72 * MAX_DPI))
    max_h = max(1, round(height_pt / 72 * MAX_DPI))
    key = (digest, max_w, max_h)
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = opened.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InvalidInput(f"not a usable image: {exc}") from exc
    if image.width > max_w or image.height > max_h:
        image.thumbnail((max_w, max_h), Image.Resampling.LANCZOS)
    alpha_band = image.getchannel("A")
    alpha = None
    if alpha_band.getextrema() != (255, 255):
        alpha = zlib.compress(alpha_band.tobytes(), 6)
    prepared = PreparedImage(
        width=image.width,
        height=image.height,
        rgb=zlib.compress(image.convert("RGB").tobytes(), 6),
        alpha=alpha,
    )
    with _lock:
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = prepared
    return prepared
