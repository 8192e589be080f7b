"""Measure printing a large register: time and peak memory (RSS), database to PDF.

Not a test (pytest does not collect it): run ``python -m tests.reports.measure_register [N ...]``
(default 2000 20000). For each N a child process fills a fresh SQLite workspace with N outgoing
documents (two recipients, a sending date and two signatures each), then another child prints
the register with ``app.services.reports.print_register``, so the filling does not count in the
printing's peak. POSIX only (``resource``). ``bench`` can call ``fill_workspace`` and
``print_once`` directly.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from app.domain.types import Direction, DocumentState, FileRole, SignatureRole, Verdict
from app.models import (
    Agency,
    Delivery,
    Document,
    DocumentFile,
    OutboxMessage,
    Person,
    Register,
    Signature,
)
from app.services.workspace import open_workspace

YEAR = 2025
SUBJECTS = (
    "về việc phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2025",
    "V/v triển khai thực hiện Đề án sắp xếp đơn vị hành chính cấp xã trên địa bàn tỉnh",
    "về việc giao chỉ tiêu biên chế công chức trong các cơ quan, tổ chức hành chính",
)


def fill_workspace(data_dir: Path, count: int, batch: int = 2000) -> None:
    """A workspace whose 2025 outgoing register holds ``count`` issued documents."""
    ws = open_workspace(data_dir, overrides={"agency_code": "000.00.05.H18"})
    try:
        with ws.db.write() as session:
            agency = Agency(
                code="000.00.05.H18",
                name="Sở Nội vụ tỉnh Điện Biên",
                short_name="SNV",
                is_local=True,
            )
            session.add(agency)
            session.flush()
            author = Person(
                agency_id=agency.id,
                username="cv",
                full_name="Lường Văn Minh",
                unit="Phòng Tổ chức cán bộ",
                role="specialist",
            )
            register = Register(
                agency_id=agency.id,
                direction=Direction.OUTGOING,
                year=YEAR,
                name="Sổ văn bản đi",
                next_number=count + 1,
            )
            session.add_all([author, register])
            session.flush()
            ids = (agency.id, author.id, register.id)
        for start in range(1, count + 1, batch):
            with ws.db.write() as session:
                _insert(session, ids, range(start, min(start + batch, count + 1)))
    finally:
        ws.close()


def _insert(session: sa.orm.Session, ids: tuple[int, int, int], numbers: range) -> None:
    agency_id, author_id, register_id = ids
    base = datetime(YEAR, 1, 2, 2, 0, tzinfo=UTC)
    docs = [
        {
            "id": n,
            "agency_id": agency_id,
            "direction": Direction.OUTGOING,
            "state": DocumentState.CANCELLED if n % 997 == 0 else DocumentState.SENT,
            "kind": "QĐ",
            "number": n,
            "symbol": "QĐ-SNV",
            "issue_date": date(YEAR, 1, 2) + timedelta(days=n * 360 // (numbers.stop + 1)),
            "subject": SUBJECTS[n % 3],
            "register_id": register_id,
            "register_number": n,
            "registered_at": base + timedelta(minutes=n * 20),
            "signer_name": "Lò Văn Thành",
            "author_id": author_id,
            "cancel_reason": "Nhập trùng" if n % 997 == 0 else "",
        }
        for n in numbers
    ]
    session.execute(sa.insert(Document), docs)
    session.execute(
        sa.insert(DocumentFile),
        [
            {
                "id": n,
                "document_id": n,
                "role": FileRole.MAIN,
                "name": f"{n}.pdf",
                "sha256": f"{n:064x}",
                "size": 1,
            }
            for n in numbers
        ],
    )
    session.execute(
        sa.insert(Signature),
        [
            {
                "document_id": n,
                "file_id": n,
                "role": role,
                "signed_at": base,
                "verdict": Verdict.VALID,
            }
            for n in numbers
            for role in (SignatureRole.LEADER, SignatureRole.AGENCY)
        ],
    )
    session.execute(
        sa.insert(Delivery),
        [
            {"document_id": n, "recipient_code": code, "recipient_name": name}
            for n in numbers
            for code, name in (("a", "Văn phòng UBND tỉnh"), ("b", "UBND các xã, phường"))
        ],
    )
    session.execute(
        sa.insert(OutboxMessage),
        [
            {
                "message_type": "edoc",
                "document_id": n,
                "idempotency_key": f"k{n}",
                "payload_sha256": "0" * 64,
                "sent_at": base + timedelta(minutes=n * 20 + 5),
            }
            for n in numbers
        ],
    )


def print_once(data_dir: Path, out: Path) -> dict[str, float]:
    """Print the register once; wall and CPU seconds, pages, peak RSS of this process (MiB)."""
    from app.services.reports import print_register

    ws = open_workspace(data_dir, migrate=False)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        result = print_register(ws, out, direction=Direction.OUTGOING, year=YEAR)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        ws.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "pages": result.pages,
        "peak_rss_mib": round(peak, 1),
        "pdf_mib": round(out.stat().st_size / 2**20, 1),
    }


def _child(argv: list[str]) -> None:
    action, folder, count = argv[0], Path(argv[1]), int(argv[2])
    if action == "fill":
        fill_workspace(folder, count)
    else:
        print(json.dumps(print_once(folder, folder / "register.pdf")))


def main(counts: list[int]) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            me = [sys.executable, "-m", "tests.reports.measure_register", "--child"]
            subprocess.run([*me, "fill", tmp, str(count)], check=True)
            out = subprocess.run(
                [*me, "print", tmp, str(count)], check=True, capture_output=True, text=True
            ).stdout
            print(f"{count:>6} rows: {json.loads(out.strip().splitlines()[-1])}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2:])
    else:
        main([int(a) for a in sys.argv[1:]] or [2000, 20000])
