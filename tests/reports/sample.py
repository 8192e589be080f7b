"""A small, fully known office for the report tests (and a bulk one for the measurements).

Sở Nội vụ tỉnh Điện Biên under the provincial People's Committee: 45 outgoing and 40 incoming
documents of 2025 with long Vietnamese subjects, cancelled numbers, recipients, signatures with
every kind of verdict, assignments finished on time, late, still open and overdue, and the audit
history of one incoming document. ``NOW`` is fixed so deadlines judge the same way every run.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.types import (
    Direction,
    DocumentState,
    FileRole,
    Role,
    Secrecy,
    SignatureRole,
    Verdict,
)
from app.models import (
    Agency,
    Assignment,
    AssignmentCoHandler,
    Delivery,
    Document,
    DocumentFile,
    OutboxMessage,
    Person,
    Register,
    Signature,
)
from app.models.audit import append_event

YEAR = 2025
NOW = datetime(2025, 7, 1, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam, Tuesday 01/07/2025
LOCAL_CODE = "000.00.05.H18"
PARENT_NAME = "Ủy ban nhân dân tỉnh Điện Biên"
AGENCY_NAME = "Sở Nội vụ tỉnh Điện Biên"
N_OUT, N_IN = 45, 40
CANCELLED_OUT = 7  # outgoing number cancelled, with CANCEL_REASON
CANCEL_REASON = "Nhập trùng văn bản số 06"
CANCELLED_IN = 12
LONG_OUT = 20  # an outgoing subject long enough to run over a page
END_MARK = "HẾT TRÍCH YẾU"
SLIP_IN = 3  # the incoming document whose slip is tested
# Written decomposed (NFD) on purpose: the reports must print it composed.
NFD_SUBJECT = unicodedata.normalize(
    "NFD", "về việc tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025"
)
UNITS = ("Phòng Tổ chức cán bộ", "Phòng Cải cách hành chính", "Văn phòng Sở")
KINDS = ("QĐ", "CV", "TB", "KH", "BC")
SUBJECTS = (
    "về việc phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2025",
    "V/v triển khai thực hiện Đề án sắp xếp đơn vị hành chính cấp xã trên địa bàn tỉnh",
    "về kết quả kiểm tra công tác văn thư, lưu trữ tại các cơ quan, đơn vị",
    "tuyển dụng công chức cấp xã năm 2025 theo hình thức xét tuyển",
    "tình hình thực hiện nhiệm vụ cải cách hành chính quý II năm 2025",
)
SENDERS = (
    "Bộ Nội vụ",
    "Văn phòng Ủy ban nhân dân tỉnh Điện Biên",
    "Ủy ban nhân dân xã Mường Chà",
    "Sở Tài chính tỉnh Điện Biên",
)


def out_kind(n: int) -> str:
    return KINDS[n % len(KINDS)]


def out_symbol(n: int) -> str:
    return "SNV-TCCB" if out_kind(n) == "CV" else f"{out_kind(n)}-SNV"


def out_code(n: int) -> str:
    """The printed number and symbol of outgoing document ``n``: "05/QĐ-SNV"."""
    return f"{n:02d}/{out_symbol(n)}"


def at(day: date, hour: int = 9) -> datetime:
    """``hour`` o'clock in Vietnam on ``day``, as an aware UTC datetime."""
    return datetime(day.year, day.month, day.day, hour - 7, 0, tzinfo=UTC)


_CALENDAR = WorkingCalendar()


def _day(index: int) -> date:
    """Every third day from 06/01/2025, pushed off weekends and holidays (to late May)."""
    return _CALENDAR.working_day_on_or_after(date(2025, 1, 6) + timedelta(days=3 * index))


def populate(session: Session) -> dict[str, int]:
    """Fill an empty workspace; returns ids the tests refer to."""
    parent = Agency(code="000.00.00.H18", name=PARENT_NAME, short_name="UBND")
    session.add(parent)
    session.flush()
    local = Agency(
        code=LOCAL_CODE, name=AGENCY_NAME, short_name="SNV", parent_id=parent.id, is_local=True
    )
    session.add(local)
    session.flush()
    people = {
        "giamdoc": Person(
            agency_id=local.id,
            username="giamdoc",
            full_name="Lò Văn Thành",
            position="Giám đốc",
            unit="Ban Giám đốc",
            role=Role.LEADER,
        ),
        "vanthu": Person(
            agency_id=local.id,
            username="vanthu",
            full_name="Nguyễn Thị Hoa",
            position="Văn thư",
            unit=UNITS[2],
            role=Role.CLERK,
        ),
        "cv1": Person(
            agency_id=local.id,
            username="cv1",
            full_name="Lường Văn Minh",
            position="Chuyên viên",
            unit=UNITS[0],
            role=Role.SPECIALIST,
        ),
        "cv2": Person(
            agency_id=local.id,
            username="cv2",
            full_name="Vì Thị Lan",
            position="Chuyên viên",
            unit=UNITS[1],
            role=Role.SPECIALIST,
        ),
        "cv3": Person(
            agency_id=local.id,
            username="cv3",
            full_name="Quàng Văn Đức",
            position="Chuyên viên",
            unit=UNITS[0],
            role=Role.SPECIALIST,
        ),
    }
    session.add_all(people.values())
    out_reg = Register(
        agency_id=local.id,
        direction=Direction.OUTGOING,
        year=YEAR,
        name=f"Sổ văn bản đi năm {YEAR}",
        next_number=N_OUT + 1,
    )
    in_reg = Register(
        agency_id=local.id,
        direction=Direction.INCOMING,
        year=YEAR,
        name=f"Sổ văn bản đến năm {YEAR}",
        next_number=N_IN + 1,
    )
    session.add_all([out_reg, in_reg])
    session.flush()
    ids = {"out_register": out_reg.id, "in_register": in_reg.id}
    _outgoing(session, local, out_reg, people, ids)
    _incoming(session, local, in_reg, people, ids)
    return ids


def _file(session: Session, doc: Document) -> DocumentFile:
    f = DocumentFile(
        document_id=doc.id,
        role=FileRole.MAIN,
        name=f"vb-{doc.id}.pdf",
        sha256=f"{doc.id:064x}",
        size=1000,
        pages=1,
    )
    session.add(f)
    session.flush()
    return f


def _outgoing(
    session: Session, local: Agency, reg: Register, people: dict[str, Person], ids: dict[str, int]
) -> None:
    for n in range(1, N_OUT + 1):
        day = _day(n)
        kind = out_kind(n)
        subject = SUBJECTS[n % len(SUBJECTS)]
        if n == 2:
            subject = NFD_SUBJECT
        if n == LONG_OUT:
            subject = "về việc " + "sắp xếp, kiện toàn tổ chức bộ máy " * 45 + END_MARK
        cancelled = n == CANCELLED_OUT
        author = people["cv1" if n % 2 else "cv2"]
        doc = Document(
            agency_id=local.id,
            direction=Direction.OUTGOING,
            state=DocumentState.CANCELLED if cancelled else DocumentState.SENT,
            kind=kind,
            number=n,
            symbol=out_symbol(n),
            issue_date=day,
            subject=subject,
            urgency=1 if n % 9 == 0 else 0,
            secrecy=Secrecy.NONE,
            register_id=reg.id,
            register_number=n,
            registered_at=at(day, 10 + n % 3 * 3),
            signer_name="Lò Văn Thành",
            author_id=author.id,
            cancel_reason=CANCEL_REASON if cancelled else "",
        )
        session.add(doc)
        session.flush()
        if cancelled:
            continue
        f = _file(session, doc)
        # Signed the day before for every fifth, the same morning otherwise; late ones: a week.
        signed = at(day - timedelta(days=1 if n % 5 == 0 else 0), 8)
        if n % 11 == 0:
            signed = at(day - timedelta(days=7), 8)
        verdict = Verdict.INVALID if n == 3 else None if n == 4 else Verdict.VALID
        session.add_all(
            [
                Signature(
                    document_id=doc.id,
                    file_id=f.id,
                    role=SignatureRole.LEADER,
                    signer_name="Lò Văn Thành",
                    signed_at=signed,
                    verdict=verdict,
                ),
                Signature(
                    document_id=doc.id,
                    file_id=f.id,
                    role=SignatureRole.AGENCY,
                    signer_name=AGENCY_NAME,
                    signed_at=doc.registered_at,
                    verdict=Verdict.VALID,
                ),
            ]
        )
        for code, name in (
            ("000.00.01.H18", "Văn phòng UBND tỉnh"),
            ("000.00.12.H18", "UBND xã Mường Chà"),
        ):
            session.add(
                Delivery(
                    document_id=doc.id, recipient_code=code, recipient_name=name, status_code="03"
                )
            )
        session.add(
            OutboxMessage(
                message_type="edoc",
                document_id=doc.id,
                idempotency_key=f"k-{doc.id}",
                payload_sha256="0" * 64,
                sent_at=doc.registered_at,
            )
        )
        if n == 1:
            ids["out_first"] = doc.id


def _incoming(
    session: Session, local: Agency, reg: Register, people: dict[str, Person], ids: dict[str, int]
) -> None:
    handlers = [people["cv1"], people["cv2"], people["cv3"]]
    for n in range(1, N_IN + 1):
        day = _day(n + 3)
        cancelled = n == CANCELLED_IN
        doc = Document(
            agency_id=local.id,
            direction=Direction.INCOMING,
            state=DocumentState.CANCELLED if cancelled else DocumentState.ASSIGNED,
            kind=KINDS[(n + 1) % len(KINDS)],
            number=100 + n,
            symbol="UBND-VP",
            issue_date=day - timedelta(days=1),
            subject=SUBJECTS[(n + 2) % len(SUBJECTS)],
            urgency=2 if n == 5 else 0,
            sender_name=SENDERS[n % len(SENDERS)],
            register_id=reg.id,
            register_number=n,
            registered_at=at(day, 14),
            created_at=at(day, 8),
            cancel_reason="Vào sổ nhầm" if cancelled else "",
        )
        session.add(doc)
        session.flush()
        if cancelled:
            continue
        f = _file(session, doc)
        session.add(
            Signature(
                document_id=doc.id,
                file_id=f.id,
                role=SignatureRole.AGENCY,
                signed_at=at(day - timedelta(days=1)),
                verdict=Verdict.NEEDS_REVIEW if n == 6 else Verdict.VALID,
            )
        )
        lead = handlers[n % 3]
        assignment = Assignment(
            document_id=doc.id,
            assigned_by_id=people["giamdoc"].id,
            lead_person_id=lead.id,
            lead_unit=lead.unit,
            deadline=day + timedelta(days=7),
            opinion="Giao Phòng chủ trì, tham mưu văn bản trả lời trước thời hạn.",
            assigned_at=at(day, 16),
            # Every 4th is late, every 5th still open (overdue by NOW), others on time.
            completed_at=None if n % 5 == 0 else at(day + timedelta(days=10 if n % 4 == 0 else 3)),
        )
        session.add(assignment)
        session.flush()
        if n == SLIP_IN:
            session.add(
                AssignmentCoHandler(assignment_id=assignment.id, person_id=people["cv3"].id)
            )
            ids["slip_doc"] = doc.id
            _history(session, doc, assignment, day)
        if n == 1:
            ids["in_first"] = doc.id


def _history(session: Session, doc: Document, assignment: Assignment, day: date) -> None:
    """The events the incoming use cases write (``app.services.documents.incoming``), by name
    and payload, plus one ``document.unit_note`` (part II, which no workflow step writes yet)."""
    deadline = datetime.combine(day + timedelta(days=7), datetime.min.time(), UTC).isoformat()
    events: tuple[tuple[str, str, datetime, dict[str, object]], ...] = (
        ("incoming.receive", "vanthu", at(day, 8), {"to": "arrived", "files": []}),
        (
            "incoming.register",
            "vanthu",
            at(day, 14),
            {"from": "verified", "to": "registered", "number": 3, "year": YEAR},
        ),
        (
            "incoming.assign",
            "giamdoc",
            at(day, 16),
            {
                "from": "registered",
                "to": "assigned",
                "status": "04",
                "lead": "cv1",
                "co": ["cv3"],
                "deadline": deadline,
            },
        ),  # fmt: skip
        (
            "document.unit_note",
            "cv1",
            at(day + timedelta(days=1)),
            {"text": "Giao đồng chí Minh xây dựng dự thảo, đồng chí Đức phối hợp."},
        ),
        (
            "incoming.process",
            "cv1",
            at(day + timedelta(days=2)),
            {
                "from": "assigned",
                "to": "processing",
                "status": "05",
                "note": "Đề xuất ban hành công văn trả lời theo dự thảo kèm theo.",
            },
        ),  # fmt: skip
        ("incoming.complete", "cv1", at(day + timedelta(days=3)), {"to": "completed"}),
    )
    for action, actor, when, data in events:
        append_event(
            session,
            action,
            actor=actor,
            entity_type="document",
            entity_id=doc.id,
            data=data,
            at=when,
        )
