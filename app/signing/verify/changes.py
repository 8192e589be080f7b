"""What happened after each signature, revision by revision, and whether it hides signed content.

For a signature made in revision r we compare the form as of each later revision with the one
before: field values filled (and their values), signatures and document timestamps added, DSS
updates. Every field whose value or appearance changed after r, and every signature widget added
after r, is checked against the page content as it was signed (``overlay``): a shadow attack has
to put its "allowed" change on top of signed text. Must not: re-run the library's diff analysis.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfDecodeLimitError

from app.signing.verify.fields import (
    FieldSnap,
    Ref,
    Widget,
    locator,
    page_refs,
    snapshot_fields,
)
from app.signing.verify.limits import LimitExceeded, ParseLimits
from app.signing.verify.model import LaterChange, Reason
from app.signing.verify.overlay import (
    Ink,
    appearance_opaque,
    glyphs_under,
    image_overlap,
    page_ink,
)
from app.signing.verify.rules import reason

log = logging.getLogger(__name__)
IMAGE_SHARE = 0.2  # a field over more than this share of a signed image needs a human look


class RevisionView:
    """Lazily computed per-revision facts, shared by all signatures of one document."""

    def __init__(
        self, reader: Any, limits: ParseLimits, current: dict[str, FieldSnap] | None = None
    ) -> None:
        self.reader = reader
        self.limits = limits
        self.last = reader.xrefs.total_revisions - 1
        self._fields: dict[int, dict[str, FieldSnap]] = {}
        if current is not None:
            self._fields[self.last] = current
        self._ink: dict[tuple[int, Ref], Ink | None] = {}
        self._annot_pages: dict[Ref, Ref] | None = None

    def root(self, revision: int) -> Any:
        if revision >= self.last:
            return self.reader.root
        return self.reader.get_historical_resolver(revision).root

    def fields(self, revision: int) -> dict[str, FieldSnap]:
        if revision not in self._fields:
            self._fields[revision] = snapshot_fields(
                self.root(revision),
                self.limits,
                locator(self.reader, revision),
                read_signatures=revision >= self.last,
            )
        return self._fields[revision]

    def annot_pages(self) -> dict[Ref, Ref]:
        """Widget reference -> page reference, from the pages' /Annots (current revision)."""
        if self._annot_pages is None:
            found: dict[Ref, Ref] = {}
            for page_ref in page_refs(self.reader.root, self.limits):
                page = self.reader.get_object(generic.Reference(*page_ref))
                annots = page["/Annots"] if "/Annots" in page else []
                for annot in annots:
                    if isinstance(annot, generic.IndirectObject):
                        found[(annot.idnum, annot.generation)] = page_ref
            self._annot_pages = found
        return self._annot_pages

    def ink(self, revision: int, page_ref: Ref) -> Ink | None:
        key = (revision, page_ref)
        if key not in self._ink:
            try:
                resolver = self.reader.get_historical_resolver(revision)
                page = resolver(generic.Reference(*page_ref, pdf=self.reader))
                self._ink[key] = page_ink(page)
            except (LimitExceeded, PdfDecodeLimitError, MemoryError, RecursionError):
                raise
            except Exception as exc:  # noqa: BLE001 - unanalysable pages become a finding
                log.info("page %s of revision %d not analysable: %s", page_ref, revision, exc)
                self._ink[key] = None
        return self._ink[key]

    def dss_changed(self, revision: int) -> bool:
        new, old = self.root(revision), self.root(revision - 1)
        if "/DSS" not in new:
            return False
        if "/DSS" not in old:
            return True
        ref = new.raw_get("/DSS")
        if not isinstance(ref, generic.IndirectObject):
            return False
        explicit = self.reader.xrefs.explicit_refs_in_revision(revision)
        return any((r.idnum, r.generation) == (ref.idnum, ref.generation) for r in explicit)


@dataclass
class Changes:
    later: list[LaterChange] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    findings: list[Reason] = field(default_factory=list)


def _kind_of_signature(snap: FieldSnap) -> str:
    return "document_timestamp" if "RFC3161" in snap.subfilter else "signature"


def later_changes(view: RevisionView, signed_revision: int, signers: dict[str, str]) -> Changes:
    """Everything after ``signed_revision``; ``signers`` maps signed fields to a display name."""
    out = Changes()
    touched: dict[str, FieldSnap] = {}
    new_signature_fields: dict[str, FieldSnap] = {}
    appearance_only: set[str] = set()
    for rev in range(signed_revision + 1, view.last + 1):
        before, after = view.fields(rev - 1), view.fields(rev)
        for name, snap in after.items():
            old = before.get(name)
            if snap.ft == "/Sig":
                if snap.has_value and (old is None or not old.has_value):
                    kind = _kind_of_signature(view.fields(view.last).get(name, snap))
                    out.later.append(LaterChange(kind, name, signers.get(name, ""), rev))
                    new_signature_fields[name] = snap
                elif old is None:
                    out.later.append(LaterChange("other", name, "trường chữ ký trống", rev))
                    new_signature_fields[name] = snap
                continue
            if old is None:
                out.later.append(LaterChange("other", name, snap.value, rev))
                touched[name] = snap
            elif snap.value != old.value:
                out.later.append(LaterChange("form_fill", name, snap.value, rev))
                out.values[name] = snap.value
                touched[name] = snap
            elif _appearances(snap) != _appearances(old):
                touched[name] = snap
                appearance_only.add(name)
        if view.dss_changed(rev):
            out.later.append(LaterChange("dss", "DSS", "", rev))
    _overlays(view, signed_revision, touched, new_signature_fields, out)
    out.findings += [reason("appearance_only", field=n) for n in sorted(appearance_only)]
    if not out.later and signed_revision < view.last:
        # Later revisions that change nothing we list (metadata, unused objects): the diff
        # analysis still judges them; say that something was added.
        what = "cập nhật không thay đổi nội dung hiển thị"
        out.later.append(LaterChange("other", f"bản sửa đổi {view.last + 1}", what, view.last))
    return out


def _appearances(snap: FieldSnap) -> tuple[str, ...]:
    return tuple(w.appearance for w in snap.widgets)


def _page_of(view: RevisionView, widget: Widget) -> Ref | None:
    if widget.page is not None:
        return widget.page
    return view.annot_pages().get(widget.ref) if widget.ref is not None else None


def _overlays(
    view: RevisionView,
    signed_revision: int,
    touched: dict[str, FieldSnap],
    new_signature_fields: dict[str, FieldSnap],
    out: Changes,
) -> None:
    for name, snap in touched.items():
        finding = None
        for widget in snap.widgets:
            page = _page_of(view, widget)
            ink = view.ink(signed_revision, page) if page is not None else None
            if ink is None:
                finding = finding or reason("overlay_unchecked", field=name)
            elif glyphs_under(ink, widget.rect):
                finding = reason("shadow_overlay", field=name)
                break
            elif image_overlap(ink, widget.rect) > IMAGE_SHARE:
                finding = reason("overlay_image", field=name)
        if finding is not None:
            out.findings.append(finding)
    for name, snap in new_signature_fields.items():
        for widget in snap.widgets:
            page = _page_of(view, widget)
            ink = view.ink(signed_revision, page) if page is not None else None
            if ink is None or widget.ref is None or not glyphs_under(ink, widget.rect):
                continue
            annot = view.reader.get_object(generic.Reference(*widget.ref))
            try:
                normal = annot["/AP"]["/N"]
            except KeyError:
                continue
            if appearance_opaque(normal):
                code = "later_signature_over_text" if snap.has_value else "empty_field_over_text"
                out.findings.append(reason(code, field=name))
                break
