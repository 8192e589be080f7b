"""Where the signature will go, asked of the PAdES engine itself (``placement.resolve``), plus the
rules for what the dialog proposes: the draft's own signature field wins (the template decided),
then the box remembered for this kind of document, then the engine's automatic place (above the
signer's name), else a default box the person must confirm. Widget-free; runs in a worker.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader

from app.signing.pades import Box, Placement, Role
from app.signing.pades.placement import LEADER_BOX, MM, page_count, resolve
from app.ui.signing.prefs import RememberedBox

# A marker no document contains: "look for the placeholder field only".
_NO_MARKER = "\ufffe\ufffe"


class Source(enum.StrEnum):
    FIELD = "field"  # the draft's empty signature field (automatic)
    ENGINE = "engine"  # found by the engine without a field (marker, derived): automatic
    REMEMBERED = "remembered"  # the box last used for this kind (explicit)
    DEFAULT = "default"  # nothing found: a proposal the person should check (explicit)
    MOVED = "moved"  # dragged by the person (explicit)


@dataclass(frozen=True)
class Prediction:
    """What the engine would do with an automatic placement for one document."""

    path: Path
    page_count: int
    page_sizes: tuple[tuple[float, float], ...]
    page: int | None
    box: Box | None
    how: str  # the engine's word ("field", "marker", "derived", ...) or "none"


@dataclass(frozen=True)
class Proposal:
    """The box the dialog shows; explicit ones are passed to the engine as page + box."""

    page: int
    box: Box
    source: Source

    @property
    def explicit(self) -> bool:
        return self.source not in (Source.FIELD, Source.ENGINE)


def _sizes(reader: PdfFileReader) -> tuple[tuple[float, float], ...]:
    sizes = []
    for index in range(page_count(reader)):
        page = reader.find_page_for_modification(index)[0].get_object()
        box = page["/CropBox"] if "/CropBox" in page else page["/MediaBox"]
        sizes.append((float(box[2]) - float(box[0]), float(box[3]) - float(box[1])))
    return tuple(sizes)


def predict(path: Path, role: Role, marker: str | None) -> Prediction:
    """Ask the engine where an automatic ``role`` signature would go in ``path``."""
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        if reader.encrypted:
            reader.decrypt("")
        sizes = _sizes(reader)
        try:
            where = resolve(reader, role, Placement(), marker=marker or _NO_MARKER)
        except Exception:  # noqa: BLE001 - PlaceholderNotFound or an odd form: propose a default
            return Prediction(path, len(sizes), sizes, None, None, "none")
    return Prediction(path, len(sizes), sizes, where.page, where.box, where.how)


def default_box(size: tuple[float, float]) -> Box:
    """Bottom right of a page, where a leader signs when a document has no signature block."""
    width, _ = LEADER_BOX
    x2 = size[0] - 20 * MM
    return (x2 - width, 40 * MM, x2, 40 * MM + LEADER_BOX[1])


def propose(prediction: Prediction, remembered: RememberedBox | None) -> Proposal:
    """The box to show first for a document (see the module docstring for the order)."""
    last = max(0, prediction.page_count - 1)
    if prediction.how == "field" and prediction.box is not None:
        return Proposal(prediction.page or 0, prediction.box, Source.FIELD)
    if remembered is not None:
        page = max(0, last - remembered.page_from_end)
        return Proposal(page, remembered.box, Source.REMEMBERED)
    if prediction.box is not None:
        return Proposal(prediction.page or 0, prediction.box, Source.ENGINE)
    size = prediction.page_sizes[last] if prediction.page_sizes else (595.28, 841.89)
    return Proposal(last, default_box(size), Source.DEFAULT)
