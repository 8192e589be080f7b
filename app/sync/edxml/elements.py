"""The model as a tree of elements to write, checked on the way: the writer's strict half.

Each builder returns ``El`` nodes in the order PLATFORM_API.md (QCVN 102:2016) gives, leaves out
empty optional text, and raises ``PackageInvalid`` naming the element for anything the standard or
XML cannot carry (a missing Subject, a Priority of 5, a control character). Builds nothing but
small trees: no I/O, no attachments (see ``attachments``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.sync.edxml import model as m
from app.sync.edxml.errors import invalid
from app.sync.edxml.values import format_date, format_timestamp
from app.sync.edxml.xmlout import clean_text

MAX_SUBJECT = 500
MAX_CONTENT = 500


@dataclass
class El:
    """One element to write; ``text`` ``None`` with no children is written as ``<tag/>``."""

    tag: str
    text: str | None = None
    children: list[El] = field(default_factory=list)


def group(tag: str, *children: list[El] | El) -> El:
    """An element holding the given children (each an ``El`` or the list a leaf builder gave)."""
    kids: list[El] = []
    for c in children:
        kids.extend([c] if isinstance(c, El) else c)
    return El(tag, children=kids)


def _text(tag: str, value: str, path: str, *, required: bool = False, most: int = 0) -> list[El]:
    """The element, or nothing for empty text; ``path`` is the parent's (for the message)."""
    where = f"{path}/{tag}"
    v = clean_text(value, where)
    if not v:
        if required:
            raise invalid(where, "is required")
        return []
    if most and len(v) > most:
        raise invalid(where, f"has {len(v)} characters, at most {most} are allowed")
    return [El(tag, v)]


def _int(tag: str, value: int | None, path: str, lo: int = 0, hi: int = 10**9) -> list[El]:
    if value is None:
        return []
    if not lo <= value <= hi:
        raise invalid(f"{path}/{tag}", f"{value} is outside {lo}..{hi}")
    return [El(tag, str(int(value)))]


def _date(tag: str, value: date | None) -> list[El]:
    return [] if value is None else [El(tag, format_date(value))]


def _list(outer: str, inner: str, items: tuple[str, ...], path: str) -> list[El]:
    if not items:
        return []
    kids = [_text(inner, v, f"{path}/{outer}", required=True)[0] for v in items]
    return [El(outer, children=kids)]


def _organization(tag: str, org: m.Organization, path: str, label: str = "") -> El:
    p = f"{path}/{label or tag}"
    return group(
        tag,
        _text("OrganId", org.organ_id, p, required=True),
        _text("OrganizationInCharge", org.organization_in_charge, p),
        _text("OrganName", org.organ_name, p),
        _text("OrganAdd", org.organ_add, p),
        _text("Email", org.email, p),
        _text("Telephone", org.telephone, p),
        _text("Fax", org.fax, p),
        _text("Website", org.website, p),
    )


def _response_for(r: m.ResponseFor, path: str) -> El:
    p = f"{path}/ResponseFor"
    return group(
        "ResponseFor",
        _text("OrganId", r.organ_id, p),
        _text("Code", r.code, p),
        _date("PromulgationDate", r.promulgation_date),
        _text("DocumentId", r.document_id, p),
    )


def _staff(s: m.StaffInfo | None, path: str) -> list[El]:
    if s is None:
        return []
    p = f"{path}/StaffInfo"
    return [
        group(
            "StaffInfo",
            _text("Department", s.department, p),
            _text("Staff", s.staff, p),
            _text("Mobile", s.mobile, p),
            _text("Email", s.email, p),
        )
    ]


def _other_info(o: m.OtherInfo, q: str) -> El:
    return group(
        "OtherInfo",
        _int("Priority", o.priority, q, 0, 4),
        _text("SphereOfPromulgation", o.sphere_of_promulgation, q),
        _text("TyperNotation", o.typer_notation, q),
        _int("PromulgationAmount", o.promulgation_amount, q),
        _int("PageAmount", o.page_amount, q),
        _text("Direction", o.direction, q),
        _list("Appendixes", "Appendix", o.appendixes, q),
    )


def document_header(h: m.DocumentHeader) -> El:
    p = "edXMLHeader/MessageHeader"
    if not h.recipients:
        raise invalid(f"{p}/To", "at least one recipient is required")
    kids = [_organization("From", h.sender, p)]
    kids += [_organization("To", r, p, f"To[{i}]") for i, r in enumerate(h.recipients, 1)]
    kids += _text("DocumentId", h.document_id, p)
    if (c := h.code) is not None:
        q = f"{p}/Code"
        number = _text("CodeNumber", c.code_number, q)
        notation = _text("CodeNotation", c.code_notation, q)
        kids.append(group("Code", number, notation))
    if (pi := h.promulgation_info) is not None:
        q = f"{p}/PromulgationInfo"
        kids.append(
            group(
                "PromulgationInfo",
                _text("Place", pi.place, q),
                _date("PromulgationDate", pi.promulgation_date),
            )
        )
    if (dt := h.document_type) is not None:
        q = f"{p}/DocumentType"
        kids.append(
            group(
                "DocumentType",
                _int("Type", dt.type, q),
                _int("TypeDetail", dt.type_detail, q),
                _text("TypeName", dt.type_name, q),
            )
        )
    kids += _text("Subject", h.subject, p, required=True, most=MAX_SUBJECT)
    kids += _text("Content", h.content, p, most=MAX_CONTENT)
    if (s := h.signer_info) is not None:
        q = f"{p}/SignerInfo"
        kids.append(
            group(
                "SignerInfo",
                _text("Competence", s.competence, q),
                _text("Position", s.position, q),
                _text("FullName", s.full_name, q),
            )
        )
    kids += _date("DueDate", h.due_date)
    if h.other_info is not None:
        kids.append(_other_info(h.other_info, f"{p}/OtherInfo"))
    kids += [_response_for(r, p) for r in h.response_for]
    kids += _int("SteeringType", h.steering_type, p)
    kids += _list("ToPlaces", "Place", h.to_places, p)
    return El("MessageHeader", children=kids)


def _business(b: m.Bussiness, q: str) -> El:
    r_path = f"{q}/ReplacementInfoList"
    replacements = [
        group(
            "ReplacementInfo",
            _text("DocumentId", r.document_id, f"{r_path}/ReplacementInfo"),
            _list("OrganIdList", "OrganId", r.organ_ids, f"{r_path}/ReplacementInfo"),
        )
        for r in b.replacement_info
    ]
    return group(
        "Bussiness",
        _text("DocumentId", b.document_id, q),
        _int("BussinessDocType", b.doc_type, q, 0, 3),
        _text("BussinessDocReason", b.reason, q),
        _int("Paper", b.paper, q, 0, 1),
        _staff(b.staff_info, q),
        [El("ReplacementInfoList", children=replacements)] if replacements else [],
    )


def trace_list(traces: tuple[m.TraceHeader, ...], business: m.Bussiness | None) -> El:
    """``TraceHeaderList``: the trace headers, then (document packages only) ``Bussiness``."""
    p = "edXMLHeader/TraceHeaderList"
    kids: list[El] = []
    for i, t in enumerate(traces, 1):
        q = f"{p}/TraceHeader[{i}]"
        if t.timestamp is None:
            raise invalid(f"{q}/Timestamp", "is required")
        organ = _text("OrganId", t.organ_id, q, required=True)
        kids.append(group("TraceHeader", organ, El("Timestamp", format_timestamp(t.timestamp))))
    if business is not None:
        kids.append(_business(business, f"{p}/Bussiness"))
    return El("TraceHeaderList", children=kids)


def status_header(h: m.StatusHeader) -> El:
    p = "edXMLHeader/MessageHeader"
    code = h.status_code.strip()
    if code not in set(m.StatusCode):
        raise invalid(f"{p}/StatusCode", f"{code!r} is not a status code of QCVN 102:2016")
    rf = h.response_for
    if not (rf.organ_id.strip() and (rf.code.strip() or rf.document_id.strip())):
        raise invalid(f"{p}/ResponseFor", "needs OrganId and a Code or DocumentId")
    if h.timestamp is None:
        raise invalid(f"{p}/Timestamp", "is required")
    return group(
        "MessageHeader",
        _organization("From", h.sender, p),
        _response_for(rf, p),
        _staff(h.staff_info, p),
        El("StatusCode", code),
        _text("Description", h.description, p),
        El("Timestamp", format_timestamp(h.timestamp)),
    )
