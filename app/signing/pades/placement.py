"""Where a visible signature goes: an explicit box, a placeholder field, or a marker text.

Drafts made by VBĐT carry empty signature fields named ``chu_ky_lanh_dao`` (leader) and
``chu_ky_co_quan`` (agency seal, over the left third of the leader's box). An explicit box on an
unsigned draft moves the role's own empty field there (``relocate.py``). For other drafts the
leader's box is put above the signer's name line found by a text search, and the agency seal is
derived from the leader's signature rectangle. Attachments and copies go top right of page 1.
Must not: write to the document.
"""

from __future__ import annotations

from typing import Any

from pyhanko.pdf_utils.form_tools import get_single_field_annot
from pyhanko.sign.fields import enumerate_sig_fields

from app.signing.pades.errors import PlaceholderNotFound
from app.signing.pades.model import Box, Placement, ResolvedPlacement, Role
from app.signing.pades.relocate import can_move, field_box
from app.signing.pades.textscan import find_all

# The draft's placeholder fields (the contract with app/demo/documents.py and real templates).
FIELD_NUMBER = "so_van_ban"
FIELD_DATE = "ngay_ban_hanh"
FIELD_LEADER_SIG = "chu_ky_lanh_dao"
FIELD_AGENCY_SIG = "chu_ky_co_quan"
# ResolvedPlacement.how when the draft's own empty field is moved to an explicit box.
MOVED_FIELD = "moved-field"

MM = 72 / 25.4
SEAL_DIAMETER_MM = 36.0
LEADER_BOX = (60 * MM, 25 * MM)
# Decree 30 page margins: right 15-20 mm, top 20-25 mm; the stamp sits inside the top margin.
TOP_RIGHT_MARGINS = (15 * MM, 6 * MM)

_DEFAULT_FIELD = {Role.LEADER: FIELD_LEADER_SIG, Role.AGENCY: FIELD_AGENCY_SIG}
_NEW_FIELD_PREFIX = {
    Role.LEADER: FIELD_LEADER_SIG,
    Role.AGENCY: FIELD_AGENCY_SIG,
    Role.ATTACHMENT: "chu_ky_van_ban_kem_theo",
    Role.COPY: "chu_ky_ban_sao",
}


def page_count(handler: Any) -> int:
    return int(handler.root["/Pages"]["/Count"])


def page_index_of(handler: Any, page_ref: Any) -> int:
    for index in range(page_count(handler)):
        ref, _ = handler.find_page_for_modification(index)
        if ref == page_ref:
            return index
    return 0


def sig_fields(handler: Any) -> list[tuple[str, bool, int, Box | None]]:
    """(name, signed, page, rect) of every signature field."""
    out = []
    for name, value, ref in enumerate_sig_fields(handler):
        annot = get_single_field_annot(ref.get_object())
        rect: Box | None = None
        if "/Rect" in annot:
            x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
            rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            if rect[2] - rect[0] < 1 or rect[3] - rect[1] < 1:
                rect = None
        page = page_index_of(handler, annot.raw_get("/P")) if "/P" in annot else 0
        out.append((str(name), value is not None, page, rect))
    return out


def _unique_name(existing: set[str], prefix: str) -> str:
    if prefix not in existing:
        return prefix
    n = 2
    while f"{prefix}_{n}" in existing:
        n += 1
    return f"{prefix}_{n}"


def seal_box_beside(leader: Box, diameter_pt: float) -> Box:
    """A real-size seal whose right edge covers the left third of the leader's box."""
    right = leader[0] + (leader[2] - leader[0]) / 3
    mid = (leader[1] + leader[3]) / 2
    return (right - diameter_pt, mid - diameter_pt / 2, right, mid + diameter_pt / 2)


def centred_square(box: Box, side: float) -> Box:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)


def top_right_box(handler: Any, page: int, size: tuple[float, float]) -> Box:
    page_obj = handler.find_page_for_modification(page)[0].get_object()
    box = page_obj["/CropBox"] if "/CropBox" in page_obj else page_obj["/MediaBox"]
    right, top = float(box[2]), float(box[3])
    margin_x, margin_y = TOP_RIGHT_MARGINS
    return (right - margin_x - size[0], top - margin_y - size[1], right - margin_x, top - margin_y)


def resolve(
    handler: Any,
    role: Role,
    placement: Placement,
    *,
    marker: str,
    text_size: tuple[float, float] | None = None,
    seal_mm: float = SEAL_DIAMETER_MM,
) -> ResolvedPlacement:
    """Decide the field and rectangle for a signature (see the module docstring for the order)."""
    fields = sig_fields(handler)
    names = {f[0] for f in fields}
    new_name = placement.field_name or _unique_name(names, _NEW_FIELD_PREFIX[role])
    seal = seal_mm * MM
    if placement.invisible:
        return ResolvedPlacement(new_name, placement.page or 0, None, False, "invisible")
    if placement.box is not None:
        box = placement.box
        if role is Role.AGENCY:
            box = centred_square(box, seal)
        page = placement.page or 0
        if not 0 <= page < page_count(handler):
            raise PlaceholderNotFound(f"page {page + 1} does not exist", page=page + 1)
        own = _DEFAULT_FIELD.get(role)
        if placement.field_name is None and own is not None and can_move(handler, own):
            # The draft's own field goes where the box was put (relocate.py): none left empty.
            return ResolvedPlacement(own, page, box, True, MOVED_FIELD)
        return ResolvedPlacement(new_name, page, box, False, "box")

    wanted = placement.field_name or _DEFAULT_FIELD.get(role)
    for name, signed, page, rect in fields:
        if name == wanted and not signed:
            return ResolvedPlacement(name, page, rect, True, "field")
        if name == wanted and placement.field_name:
            raise PlaceholderNotFound(f"signature field {name} is already signed", field=name)
    if placement.field_name:
        raise PlaceholderNotFound(f"no signature field named {wanted}", field=wanted)

    if role is Role.AGENCY:
        leader = [f for f in fields if f[0] == FIELD_LEADER_SIG and f[3] is not None]
        leader = leader or [f for f in fields if f[1] and f[3] is not None]
        if leader:
            _, _, page, rect = leader[0]
            assert rect is not None
            return ResolvedPlacement(new_name, page, seal_box_beside(rect, seal), False, "derived")
    if role is Role.LEADER:
        hit = _find_marker(handler, placement.marker or marker, placement.page)
        if hit is not None:
            page, line = hit
            cx = (line[0] + line[2]) / 2
            w, h = LEADER_BOX
            box = (cx - w / 2, line[3] + 4, cx + w / 2, line[3] + 4 + h)
            return ResolvedPlacement(new_name, page, box, False, "marker")
    if role in (Role.ATTACHMENT, Role.COPY) and text_size is not None:
        page = placement.page or 0
        return ResolvedPlacement(
            new_name, page, top_right_box(handler, page, text_size), False, "top-right"
        )
    raise PlaceholderNotFound(
        "no placeholder for the signature: give a page and a box", role=role.value
    )


def fields_to_move(handler: Any, role: Role, where: ResolvedPlacement) -> list[tuple[str, Box]]:
    """For a ``MOVED_FIELD`` placement: the role's own field to ``where.box``, and for the leader
    the agency's empty field too, same size, over the left third of the new box (as drafted)."""
    assert where.box is not None
    moves = [(where.field_name, where.box)]
    seal = field_box(handler, FIELD_AGENCY_SIG) if role is Role.LEADER else None
    if seal is not None:
        moves.append((FIELD_AGENCY_SIG, seal_box_beside(where.box, seal[2] - seal[0])))
    return moves


def _find_marker(handler: Any, marker: str, page: int | None) -> tuple[int, Box] | None:
    """The last line containing ``marker``: signer blocks close a document."""
    pages = [page] if page is not None else list(range(page_count(handler)))[::-1]
    for index in pages:
        page_obj = handler.find_page_for_modification(index)[0].get_object()
        hits = find_all(page_obj, marker)
        if hits:
            return index, hits[-1]
    return None
