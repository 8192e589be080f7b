"""Our own walk of the form field tree and the page tree, with loop and size limits.

We count signed signature fields ourselves (AcroForm /Fields and /Kids, plus signature widgets
that sit on pages without being in the form) instead of trusting the library's list: pyhanko
drops signatures with a SubFilter it does not know. The same walk, run on an earlier revision,
gives the field values and appearances a signature saw, so later changes can be listed.
Must not: decide verdicts or decode content streams.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import generic

from app.signing.verify.limits import LimitExceeded, ParseLimits

Ref = tuple[int, int]
Box = tuple[float, float, float, float]
Locator = Callable[[Any], object]


@dataclass(frozen=True)
class Widget:
    rect: Box
    page: Ref | None
    appearance: str  # digest of the normal appearance(s) and state; "" when there is none
    ref: Ref | None


@dataclass(frozen=True)
class FieldSnap:
    name: str
    ft: str  # "/Tx", "/Sig", "/Btn", "/Ch" or ""
    value: str
    has_value: bool
    widgets: tuple[Widget, ...]
    subfilter: str = ""
    node: Any = field(default=None, compare=False, repr=False)  # the field dictionary


def _ref(obj: Any) -> Ref | None:
    if isinstance(obj, generic.IndirectObject):
        return obj.idnum, obj.generation
    return None


def _get(d: Any, key: str, default: Any = None) -> Any:
    try:
        return d[key]
    except (KeyError, TypeError, AttributeError):
        return default


def value_text(value: Any) -> str:
    if value is None or isinstance(value, generic.NullObject):
        return ""
    if isinstance(value, generic.ArrayObject):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, generic.NameObject):
        return str(value)[1:]
    if isinstance(value, generic.DictionaryObject):
        return "[chữ ký số]" if "/ByteRange" in value else "[từ điển]"
    return str(value)


def _appearance(widget: Any, locate: Locator) -> str:
    """Identity of the normal appearance: which objects, and where each one's current version
    sits in the file. Rewriting an appearance moves it; reading the streams is not needed."""
    ap = _get(widget, "/AP")
    if not isinstance(ap, generic.DictionaryObject) or "/N" not in ap:
        return ""
    raw = ap.raw_get("/N")
    states = [("", raw)]
    if isinstance(raw, generic.DictionaryObject) and not isinstance(raw, generic.StreamObject):
        states = sorted((str(k), raw.raw_get(k)) for k in raw.keys())
    digest = hashlib.sha256()
    for name, item in states:
        where = locate(item) if isinstance(item, generic.IndirectObject) else "direct"
        digest.update(f"{name}:{_ref(item)}@{where};".encode())
    digest.update(str(_get(widget, "/AS", "")).encode())
    return digest.hexdigest()[:24]


def _rect(widget: Any) -> Box:
    try:
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    except (KeyError, TypeError, ValueError):
        return (0.0, 0.0, 0.0, 0.0)
    return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def _widget(obj: Any, ref: Ref | None, locate: Locator) -> Widget:
    page = _ref(obj.raw_get("/P")) if "/P" in obj else None
    return Widget(_rect(obj), page, _appearance(obj, locate), ref)


def locator(reader: Any, revision: int) -> Locator:
    """Where each object's version as of ``revision`` is stored (offset or object stream)."""

    def locate(obj: Any) -> object:
        return reader.xrefs.get_historical_ref(obj.reference, revision)

    return locate


def snapshot_fields(
    root: Any, limits: ParseLimits, locate: Locator, *, read_signatures: bool = True
) -> dict[str, FieldSnap]:
    """Every terminal form field by fully qualified name (raises LimitExceeded on loops).

    ``read_signatures=False`` does not parse signature dictionaries (their /Contents is large
    and earlier revisions do not share the parser's cache): has_value and no subfilter.
    """
    try:
        top = root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return {}
    out: dict[str, FieldSnap] = {}
    seen: set[Ref] = set()
    stack: list[tuple[Any, str, str, int]] = [(item, "", "", 1) for item in reversed(list(top))]
    while stack:
        item, parent_name, inherited_ft, depth = stack.pop()
        ref = _ref(item)
        if ref is not None:
            if ref in seen:
                raise LimitExceeded("structure_loop", where="cây trường biểu mẫu")
            seen.add(ref)
        if depth > limits.max_depth:
            raise LimitExceeded("structure_loop", where="cây trường biểu mẫu")
        node = item.get_object()
        if not isinstance(node, generic.DictionaryObject):
            continue
        partial = str(node["/T"]) if "/T" in node else ""
        name = f"{parent_name}.{partial}" if parent_name and partial else parent_name or partial
        ft = str(node["/FT"]) if "/FT" in node else inherited_ft
        kids = list(_get(node, "/Kids", []) or [])
        child_fields = [k for k in kids if "/T" in k.get_object()]
        if child_fields:
            for kid in reversed(child_fields):
                stack.append((kid, name, ft, depth + 1))
            continue
        widgets = [_widget(k.get_object(), _ref(k), locate) for k in kids]
        if not kids and _get(node, "/Subtype") == "/Widget":
            widgets = [_widget(node, ref, locate)]
        raw_value: Any = node.raw_get("/V") if "/V" in node else None
        if ft == "/Sig" and not read_signatures:
            has_value = isinstance(raw_value, generic.IndirectObject | generic.DictionaryObject)
            text, subfilter = ("[chữ ký số]" if has_value else ""), ""
        else:
            value = raw_value.get_object() if raw_value is not None else None
            has_value = value is not None and not isinstance(value, generic.NullObject)
            subfilter = str(_get(value, "/SubFilter", "")) if ft == "/Sig" and has_value else ""
            text = value_text(value)
        out[name] = FieldSnap(name, ft, text, has_value, tuple(widgets), subfilter, node)
        if len(out) + len(stack) > limits.max_fields:
            raise LimitExceeded("too_many", what="trường biểu mẫu", limit=limits.max_fields)
    return out


def page_refs(root: Any, limits: ParseLimits) -> list[Ref]:
    """Page references in order (raises LimitExceeded on loops, depth or count)."""
    pages: list[Ref] = []
    seen: set[Ref] = set()
    stack: list[tuple[Any, int]] = [(root.raw_get("/Pages"), 1)]
    while stack:
        item, depth = stack.pop()
        ref = _ref(item)
        if ref is None or ref in seen or depth > limits.max_depth:
            raise LimitExceeded("structure_loop", where="cây trang")
        seen.add(ref)
        node = item.get_object()
        if _get(node, "/Type") == "/Page" or "/Kids" not in node:
            pages.append(ref)
            if len(pages) > limits.max_pages:
                raise LimitExceeded("too_many", what="trang", limit=limits.max_pages)
            continue
        for kid in reversed(list(node.raw_get("/Kids").get_object())):
            stack.append((kid, depth + 1))
    return pages


def orphan_signed_widgets(
    pages: list[Ref], fields: dict[str, FieldSnap], resolve: Callable[[Ref], Any]
) -> list[str]:
    """Signed signature widgets on pages that the form's field tree does not reach."""
    known = {w.ref for f in fields.values() for w in f.widgets if w.ref is not None}
    found: list[str] = []
    for page_ref in pages:
        page = resolve(page_ref)
        for annot_ref in _get(page, "/Annots", []) or []:
            ref = _ref(annot_ref)
            annot = annot_ref.get_object()
            if ref in known or _get(annot, "/Subtype") != "/Widget":
                continue
            node, hops = annot, 0
            while "/FT" not in node and "/Parent" in node and hops < 8:
                node, hops = node["/Parent"], hops + 1
            if _get(node, "/FT") == "/Sig" and "/V" in node:
                found.append(str(_get(node, "/T", f"annot {ref}")))
    return found
