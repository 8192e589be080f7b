"""Moving a draft's own empty signature field to where the signer put the box.

A draft made by VBĐT carries empty fields for the leader (``chu_ky_lanh_dao``) and the agency seal
(``chu_ky_co_quan``). When the leader drags the box elsewhere, a new field would leave the draft's
one behind, empty forever (viewers list it as "unsigned signature field"). Instead the leader's
field's widget is moved to the new rectangle in the very update that signs it, and the agency's
empty field follows (over the left third of the new box, same size), so the clerk's seal still
lands beside the leader's signature. Only while the file has no signature at all: moving a
widget after a signature is a change a verifier would (rightly) report.
Must not: touch a field that is filled, or a file that is already signed.
"""

from __future__ import annotations

from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.form_tools import get_single_field_annot
from pyhanko.sign.fields import enumerate_sig_fields

from app.signing.pades.model import Box


def _empty_field(handler: Any, name: str) -> Any | None:
    for field_name, value, ref in enumerate_sig_fields(handler):
        if str(field_name) == name:
            return None if value is not None else ref.get_object()
    return None


def can_move(handler: Any, name: str) -> bool:
    """Whether ``name`` is an empty signature field of an unsigned file (so it may move)."""
    prev = getattr(handler, "prev", handler)
    if prev.embedded_signatures:
        return False
    return _empty_field(handler, name) is not None


def field_box(handler: Any, name: str) -> Box | None:
    """The rectangle of the empty field ``name`` (normalised), or None."""
    field = _empty_field(handler, name)
    if field is None:
        return None
    annot = get_single_field_annot(field)
    if "/Rect" not in annot:
        return None
    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
    return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def move_field(writer: Any, name: str, page: int, box: Box) -> None:
    """Put the widget of the empty field ``name`` at ``box`` on ``page`` (0-based), in the
    writer's pending update. The signing code then draws the appearance at the new size."""
    field = _empty_field(writer, name)
    if field is None:
        raise KeyError(name)
    annot = get_single_field_annot(field)
    annot_ref = _reference_of(writer, annot)
    annot["/Rect"] = generic.ArrayObject(_number(v) for v in box)
    new_page_ref = writer.find_page_for_modification(page)[0]
    old_page_ref: Any = annot.raw_get("/P") if "/P" in annot else None
    if not (isinstance(old_page_ref, generic.IndirectObject) and _same(old_page_ref, new_page_ref)):
        if isinstance(old_page_ref, generic.IndirectObject):
            _drop_annot(writer, old_page_ref.get_object(), annot_ref)  # type: ignore[no-untyped-call]
        _add_annot(writer, new_page_ref, annot_ref)
        annot["/P"] = new_page_ref
    writer.update_container(annot)


def _reference_of(writer: Any, annot: Any) -> generic.IndirectObject:
    ref = getattr(annot, "container_ref", None)
    if not isinstance(ref, generic.Reference):
        raise ValueError("the signature widget is not an indirect object")
    return generic.IndirectObject(ref.idnum, ref.generation, writer)  # type: ignore[no-untyped-call]


def _number(value: float) -> Any:
    return generic.FloatObject(round(value, 2))  # type: ignore[no-untyped-call]


def _annots(page: Any) -> Any:
    return page["/Annots"] if "/Annots" in page else None


def _drop_annot(writer: Any, page: Any, annot_ref: generic.IndirectObject) -> None:
    annots = _annots(page)
    if annots is None:
        return
    kept = [a for a in annots if not _same(a, annot_ref)]
    if len(kept) != len(annots):
        annots.clear()
        annots.extend(kept)
        writer.update_container(annots)


def _add_annot(writer: Any, page_ref: Any, annot_ref: generic.IndirectObject) -> None:
    page = page_ref.get_object()
    annots = _annots(page)
    if annots is None:
        page["/Annots"] = generic.ArrayObject([annot_ref])
        writer.update_container(page)
        return
    if not any(_same(a, annot_ref) for a in annots):
        annots.append(annot_ref)
        writer.update_container(annots)


def _same(item: Any, ref: Any) -> bool:
    return isinstance(item, generic.IndirectObject) and (item.idnum, item.generation) == (
        ref.idnum,
        ref.generation,
    )
