"""Many realistic documents at once, for benchmarks (search at 100,000 documents) and load tests.

Rows are inserted in batches with executemany, each batch one write transaction; the search index
is kept by the same triggers as for any other write. Generated documents say so in the audit log
(one event per batch). Not for real workspaces: the subjects are made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app.domain.search import fold_for_search
from app.domain.types import Direction, DocumentState, Secrecy
from app.models import Document
from app.models.audit import append_event
from app.services.documents.common import local_agency, utc_now
from app.services.workspace import Workspace

KINDS = ("QĐ", "CV", "TB", "KH", "BC", "TTr", "GM", "HD", "CT")
_ACTS = (
    "Về việc phê duyệt",
    "Về việc ban hành",
    "V/v triển khai",
    "V/v báo cáo tình hình",
    "Về việc tổ chức",
    "V/v đề nghị hỗ trợ",
    "Về việc kiện toàn",
)
_TOPICS = (
    "kế hoạch chuyển đổi số",
    "chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "phòng chống thiên tai và tìm kiếm cứu nạn",
    "quy chế gửi, nhận văn bản điện tử",
    "đề án phát triển du lịch cộng đồng",
    "công tác cải cách hành chính",
    "hội nghị tổng kết công tác năm",
    "dự toán ngân sách nhà nước",
    "xây dựng nông thôn mới",
    "bảo vệ và phát triển rừng",
    "tuyển dụng công chức cấp xã",
    "phòng, chống dịch bệnh gia súc",
)
_PLACES = (
    "tỉnh Điện Biên",
    "phường Điện Biên Phủ",
    "xã Mường Chà",
    "xã Tuần Giáo",
    "xã Điện Biên Đông",
    "xã Mường Nhé",
    "xã Tủa Chùa",
    "phường Mường Thanh",
)
_SENDERS = (
    "Sở Nội vụ tỉnh Điện Biên",
    "Sở Tài chính tỉnh Điện Biên",
    "Ủy ban nhân dân xã Mường Chà",
    "Văn phòng Ủy ban nhân dân tỉnh Điện Biên",
    "Bộ Nội vụ",
)
_SIGNERS = ("Lò Văn Mừng", "Cầm Văn Thưởng", "Vì Thị Hương", "Nguyễn Đức Anh", "Lường Thị Lan")


@dataclass(frozen=True)
class BulkSpec:
    """What to generate; ``direction``/``state`` None: a realistic mix."""

    count: int
    seed: int = 0
    direction: Direction | None = None
    state: DocumentState | None = None
    batch: int = 5000


def _row(
    rng: random.Random, index: int, spec: BulkSpec, agency_id: int, now: datetime
) -> dict[str, Any]:
    direction = spec.direction or (Direction.INCOMING if rng.random() < 0.6 else Direction.OUTGOING)
    incoming = direction is Direction.INCOMING
    state = spec.state or (DocumentState.ARRIVED if incoming else DocumentState.DRAFT)
    kind = rng.choice(KINDS)
    symbol = f"{kind}-UBND" if kind != "CV" else "UBND-VP"
    subject = f"{rng.choice(_ACTS)} {rng.choice(_TOPICS)} {rng.choice(_PLACES)}"
    number = (index % 2000) + 1 if incoming else None
    sender = rng.choice(_SENDERS) if incoming else ""
    signer = rng.choice(_SIGNERS) if incoming else ""
    when = now - timedelta(minutes=index)
    code = f"{number:02d}/{symbol}" if number else f"…/{symbol}"
    return {
        "agency_id": agency_id,
        "direction": direction,
        "state": state,
        "kind": kind,
        "number": number,
        "symbol": symbol,
        "issue_date": when.date() if incoming else None,
        "subject": subject,
        "urgency": 1 if rng.random() < 0.1 else 0,
        "secrecy": Secrecy.NONE,
        "paper_copy": False,
        "sender_code": "000.00.05.H18" if incoming else "",
        "sender_name": sender,
        "signer_name": signer,
        "signer_position": "",
        "cancel_reason": "",
        "search_text": fold_for_search(" ".join(p for p in (code, subject, sender, signer) if p)),
        "created_at": when,
        "updated_at": when,
    }


def generate_documents(ws: Workspace, spec: BulkSpec, *, now: datetime | None = None) -> list[int]:
    """Insert ``spec.count`` generated documents; returns their ids (in insertion order)."""
    rng = random.Random(spec.seed)
    moment = utc_now(now)
    ids: list[int] = []
    done = 0
    while done < spec.count:
        size = min(spec.batch, spec.count - done)
        with ws.db.write() as session:
            agency_id = local_agency(session).id
            rows = [_row(rng, done + i, spec, agency_id, moment) for i in range(size)]
            # A plain executemany: RETURNING over many rows costs quadratic time in SQLAlchemy
            # 2.1 (its batches are spliced row by row). Nothing else writes in this transaction
            # on SQLite; the tool is for benchmarks, not for a shared office at work.
            last = session.scalar(sa.select(sa.func.max(Document.id))) or 0
            session.execute(sa.insert(Document.metadata.tables[Document.__tablename__]), rows)
            query = sa.select(Document.id).where(Document.id > last).order_by(Document.id)
            ids += [int(i) for i in session.scalars(query.limit(size))]
            append_event(session, "bulk.generate", actor="bulk", data={"count": size}, at=moment)
        done += size
    return ids
