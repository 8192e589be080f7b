"""From the scanned header nodes to the model: liberal about order, absence and format.

Children are found by local name in any order; missing optional elements become ``""`` or
``None``; text is canonicalised (NFC, trimmed); dates take whatever ``values.parse_date`` takes.
Only what the package cannot do without is refused (From, To, Subject; for a status: ResponseFor
and StatusCode), and values that are present but unreadable, each naming its element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from datetime import date, datetime
from typing import Any, TypeVar

from app.sync.edxml import model as m
from app.sync.edxml.errors import invalid
from app.sync.edxml.scan import Node
from app.sync.edxml.values import canonical_text, parse_date, parse_int, parse_timestamp

T = TypeVar("T")


def text(node: Node | None, name: str) -> str:
    child = node.child(name) if node is not None else None
    return canonical_text(child.text) if child is not None else ""


def required(node: Node, name: str) -> str:
    value = text(node, name)
    if not value:
        raise invalid(f"{node.path}/{name}", "is required")
    return value


def _value(node: Node, name: str, parse: Callable[[str], T]) -> T | None:
    child = node.child(name)
    if child is None or not child.text.strip():
        return None
    try:
        return parse(child.text)
    except ValueError as exc:
        raise invalid(child.path, str(exc)) from exc


def integer(node: Node, name: str) -> int | None:
    return _value(node, name, parse_int)


def a_date(node: Node, name: str) -> date | None:
    return _value(node, name, parse_date)


def timestamp(node: Node, name: str) -> datetime | None:
    return _value(node, name, parse_timestamp)


def texts(node: Node, outer: str, inner: str) -> tuple[str, ...]:
    box = node.child(outer)
    if box is None:
        return ()
    # Some systems write one empty item to mean "none".
    return tuple(v for v in (canonical_text(c.text) for c in box.all(inner)) if v)


def _group(node: Node, name: str, build: Callable[[Node], T]) -> T | None:
    child = node.child(name)
    return None if child is None else build(child)


# How a plain field is read, by its annotation in ``model`` (``from __future__`` makes it text).
_READERS: dict[str, Callable[[Node, str], Any]] = {
    "str": text,
    "int | None": integer,
    "date | None": a_date,
    "datetime | None": timestamp,
}


def element_name(field_name: str) -> str:
    """The standard's element for a model field: ``organ_id`` → ``OrganId``."""
    return "".join(part.capitalize() for part in field_name.split("_"))


def flat(node: Node, cls: Callable[..., T], **given: Any) -> T:
    """An element group of plain values (``cls`` a ``model`` dataclass): each field read from
    the child of the same name (``element_name``), as its type says; ``given`` fields are
    supplied by the caller (a required one, a list)."""
    values = dict(given)
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in values:
            values[f.name] = _READERS[str(f.type)](node, element_name(f.name))
    return cls(**values)


def organization(node: Node) -> m.Organization:
    return flat(node, m.Organization, organ_id=required(node, "OrganId"))


def _sender(mh: Node) -> m.Organization:
    node = mh.child("From")
    if node is None:
        raise invalid(f"{mh.path}/From", "is required")
    return organization(node)


def response_for(node: Node) -> m.ResponseFor:
    return flat(node, m.ResponseFor)


def staff_info(node: Node) -> m.StaffInfo:
    return flat(node, m.StaffInfo)


def _other_info(n: Node) -> m.OtherInfo:
    return flat(n, m.OtherInfo, appendixes=texts(n, "Appendixes", "Appendix"))


def document_header(mh: Node) -> m.DocumentHeader:
    recipients = tuple(organization(n) for n in mh.all("To"))
    if not recipients:
        raise invalid(f"{mh.path}/To", "at least one recipient is required")
    return m.DocumentHeader(
        sender=_sender(mh),
        recipients=recipients,
        document_id=text(mh, "DocumentId"),
        code=_group(mh, "Code", lambda n: flat(n, m.Code)),
        promulgation_info=_group(mh, "PromulgationInfo", lambda n: flat(n, m.PromulgationInfo)),
        document_type=_group(mh, "DocumentType", lambda n: flat(n, m.DocumentType)),
        subject=required(mh, "Subject"),
        content=text(mh, "Content"),
        signer_info=_group(mh, "SignerInfo", lambda n: flat(n, m.SignerInfo)),
        due_date=a_date(mh, "DueDate"),
        other_info=_group(mh, "OtherInfo", _other_info),
        response_for=tuple(response_for(n) for n in mh.all("ResponseFor")),
        steering_type=integer(mh, "SteeringType"),
        to_places=texts(mh, "ToPlaces", "Place"),
    )


def traces(trace_list: Node | None) -> tuple[m.TraceHeader, ...]:
    if trace_list is None:
        return ()
    return tuple(flat(n, m.TraceHeader) for n in trace_list.all("TraceHeader"))


def _replacement(n: Node) -> m.ReplacementInfo:
    return m.ReplacementInfo(text(n, "DocumentId"), texts(n, "OrganIdList", "OrganId"))


def business(trace_list: Node | None) -> m.Bussiness:
    node = trace_list.child("Bussiness") if trace_list is not None else None
    if node is None:
        return m.Bussiness()
    box = node.child("ReplacementInfoList")
    return m.Bussiness(
        document_id=text(node, "DocumentId"),
        doc_type=integer(node, "BussinessDocType") or 0,
        reason=text(node, "BussinessDocReason"),
        paper=integer(node, "Paper"),
        staff_info=_group(node, "StaffInfo", staff_info),
        replacement_info=tuple(_replacement(r) for r in box.all("ReplacementInfo"))
        if box is not None
        else (),
    )


def status_header(mh: Node) -> m.StatusHeader:
    code_node = mh.child("StatusCode")
    assert code_node is not None  # the caller told the package kind by it
    code = code_node.text.strip()
    if not re.fullmatch(r"\d{1,2}", code):
        raise invalid(code_node.path, f"{code[:20]!r} is not a two-digit status code")
    rf = mh.child("ResponseFor")
    if rf is None:
        raise invalid(f"{mh.path}/ResponseFor", "is required in a status package")
    return m.StatusHeader(
        sender=_sender(mh),
        response_for=response_for(rf),
        status_code=code.zfill(2),
        timestamp=timestamp(mh, "Timestamp"),
        staff_info=_group(mh, "StaffInfo", staff_info),
        description=text(mh, "Description"),
    )
