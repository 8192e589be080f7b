"""The demo workspace: realistic Điện Biên-style agencies, people, registers and documents.

Everything here is made by code (test PKI, signature and seal images, sample documents) and marked
as demo data; nothing of it may be used for real signing. The demo folder is separate from a real
workspace, and ``init_demo`` refuses to write into a folder that holds a real one.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import settings as S
from app.domain.search import fold_for_search
from app.domain.types import Direction, DocumentState, FileRole, Role
from app.errors import ConfigError
from app.models import Agency, Document, DocumentFile, Person, Register
from app.models.audit import append_event
from app.services.demo_tokens import DEMO_P12_PASSWORD, PKI_DIR, provision_demo_tokens
from app.services.tokens import DemoTokenConfig
from app.services.workspace import DB_FILE, Workspace, open_workspace
from app.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

MARKER = ".vbdt-demo"
IMAGES_DIR = "demo-images"

LOCAL_CODE = "000.00.00.H18"
_VN = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class DemoAgency:
    code: str
    name: str
    short_name: str
    parent: str | None = None


# Codes follow the Decision 20/2020 shape; the real ones come from the platform's agency list.
# Two-level local government (since 1 July 2025): the province, its departments, communes and wards.
AGENCIES: tuple[DemoAgency, ...] = (
    DemoAgency(LOCAL_CODE, "Ủy ban nhân dân tỉnh Điện Biên", "UBND"),
    DemoAgency("000.00.01.H18", "Văn phòng Ủy ban nhân dân tỉnh Điện Biên", "VPUBND", LOCAL_CODE),
    DemoAgency("000.00.05.H18", "Sở Nội vụ tỉnh Điện Biên", "SNV", LOCAL_CODE),
    DemoAgency("000.00.07.H18", "Sở Tài chính tỉnh Điện Biên", "STC", LOCAL_CODE),
    DemoAgency("000.00.10.H18", "Ủy ban nhân dân phường Điện Biên Phủ", "UBND", LOCAL_CODE),
    DemoAgency("000.00.12.H18", "Ủy ban nhân dân xã Mường Chà", "UBND", LOCAL_CODE),
    DemoAgency("000.00.15.H18", "Ủy ban nhân dân xã Tuần Giáo", "UBND", LOCAL_CODE),
    DemoAgency("000.00.16.H18", "Ủy ban nhân dân xã Điện Biên Đông", "UBND", LOCAL_CODE),
)
# Which demo agency wrote each sample document (the samples print short names over two lines).
SAMPLE_AUTHORS: dict[str, str] = {
    "Ủy ban nhân dân tỉnh Điện Biên": LOCAL_CODE,
    "Sở Nội vụ": "000.00.05.H18",
    "Văn phòng": "000.00.01.H18",
    "Ủy ban nhân dân xã Mường Chà": "000.00.12.H18",
}


@dataclass(frozen=True)
class DemoPerson:
    username: str
    full_name: str
    position: str
    unit: str
    role: Role


def demo_people(leader_name: str) -> tuple[DemoPerson, ...]:
    return (
        DemoPerson("lanhdao", leader_name, "Chủ tịch", "Lãnh đạo UBND tỉnh", Role.LEADER),
        DemoPerson("phochutich", "Lò Thị Hương", "Phó Chủ tịch", "Lãnh đạo UBND tỉnh", Role.LEADER),
        DemoPerson("vanthu", "Nguyễn Thị Hoa", "Văn thư", "Phòng Hành chính - Tổ chức", Role.CLERK),
        DemoPerson(
            "chuyenvien", "Lường Văn Minh", "Chuyên viên", "Phòng Tổng hợp", Role.SPECIALIST
        ),
        DemoPerson(
            "chuyenvien2", "Vì Thị Lan", "Chuyên viên", "Phòng Kinh tế ngành", Role.SPECIALIST
        ),
        DemoPerson("quantri", "Trần Đức Anh", "Quản trị hệ thống", "Trung tâm Tin học", Role.ADMIN),
    )


@dataclass
class DemoSummary:
    data_dir: Path
    agencies: int = 0
    people: int = 0
    registers: int = 0
    documents: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    tokens: DemoTokenConfig | None = None

    def lines(self) -> list[str]:
        out = [
            f"{self.agencies} cơ quan, {self.people} người dùng, {self.registers} sổ, "
            f"{self.documents} văn bản mẫu",
        ]
        out += [f"{name}: {path}" for name, path in sorted(self.files.items())]
        if self.tokens is not None:
            kind = "SoftHSM2" if self.tokens.kind == "softhsm" else "PKCS#12, không có SoftHSM2"
            out.append(
                f"Token trình diễn ({kind}; KHÔNG PHẢI TOKEN THẬT), mã PIN {self.tokens.pin}, "
                f"trình điều khiển {self.tokens.module_path}:"
            )
            out += [
                f"  {t.role}: nhãn {t.label}, số sê-ri {t.serial}, CKA_ID {t.cka_id.hex()}"
                for t in self.tokens.tokens
            ]
        out.append("Chứng thư số và khóa trình diễn: KHÔNG dùng để ký thật.")
        return out


def demo_exists(data_dir: Path) -> bool:
    return (data_dir / MARKER).is_file()


def _prepare_folder(data_dir: Path) -> None:
    """Start from an empty folder, but never wipe a real workspace."""
    if not data_dir.exists():
        return
    if (data_dir / DB_FILE).exists() and not demo_exists(data_dir):
        partial = (data_dir / ".vbdt-demo-partial").exists()
        if not partial:
            raise ConfigError(
                f"{data_dir} already holds a workspace that is not a demo; "
                "choose another folder for the demo",
                path=str(data_dir),
            )
    for child in data_dir.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def init_demo(
    data_dir: Path,
    *,
    db_url: str | None = None,
    now: datetime | None = None,
    softhsm: bool = True,
) -> DemoSummary:
    """Create (or re-create) the demo workspace in ``data_dir``; ``softhsm=False`` gives the
    PKCS#12 stand-in tokens even where SoftHSM2 is installed."""
    from app.demo.images import seal_png, signature_png
    from app.demo.pki import DEFAULT_LEADER_NAME, generate_demo_pki, write_pki

    now = now or datetime.now(UTC)
    _prepare_folder(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    # Marks a half-made demo so that a crash mid-way is cleaned up by the next attempt.
    (data_dir / ".vbdt-demo-partial").write_text("demo init in progress\n", encoding="utf-8")
    summary = DemoSummary(data_dir)

    pki = generate_demo_pki(now=now)
    write_pki(pki, data_dir / PKI_DIR, DEMO_P12_PASSWORD)
    summary.files["PKI thử nghiệm (mật khẩu .p12: demo)"] = data_dir / PKI_DIR
    images = data_dir / IMAGES_DIR
    sig_path, seal_path = images / "chu-ky-lanh-dao.png", images / "con-dau-co-quan.png"
    atomic_write_bytes(sig_path, signature_png(DEFAULT_LEADER_NAME))
    atomic_write_bytes(seal_path, seal_png(["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"]))
    summary.files.update({"Ảnh chữ ký": sig_path, "Ảnh con dấu": seal_path})

    ws = open_workspace(data_dir, db_url=db_url, overrides=None)
    try:
        # After open_workspace: it re-opens the log file that _prepare_folder removed.
        summary.tokens = provision_demo_tokens(data_dir, pki, softhsm=softhsm)
        ws.settings.set(S.DEMO, True)
        ws.settings.set(S.AGENCY_CODE, LOCAL_CODE)
        ws.settings.set(S.PLATFORM_SYSTEM_ID, LOCAL_CODE)
        if summary.tokens.kind == "softhsm" and summary.tokens.module:
            ws.settings.set(S.TOKEN_MODULES, [summary.tokens.module])
        ws.settings.save()
        with ws.db.write() as session:
            _populate(ws, session, summary, DEFAULT_LEADER_NAME, now)
    finally:
        ws.close()
    atomic_write_bytes(data_dir / MARKER, f"created {now.isoformat()}\n".encode())
    (data_dir / ".vbdt-demo-partial").unlink()
    log.info("demo workspace created in %s", data_dir)
    return summary


def _populate(
    ws: Workspace, session: Session, summary: DemoSummary, leader_name: str, now: datetime
) -> None:
    from app.demo.documents import render_official_document
    from app.demo.samples import SAMPLE_DOCUMENTS

    by_code: dict[str, Agency] = {}
    for spec in AGENCIES:
        agency = Agency(
            code=spec.code,
            name=spec.name,
            short_name=spec.short_name,
            parent=by_code.get(spec.parent) if spec.parent else None,
            is_local=spec.code == LOCAL_CODE,
            address="Điện Biên Phủ, tỉnh Điện Biên",
        )
        session.add(agency)
        by_code[spec.code] = agency
    session.flush()
    local = by_code[LOCAL_CODE]
    summary.agencies = len(by_code)

    people = {}
    for p in demo_people(leader_name):
        person = Person(
            agency_id=local.id,
            username=p.username,
            full_name=p.full_name,
            position=p.position,
            unit=p.unit,
            role=p.role,
        )
        session.add(person)
        people[p.username] = person
    summary.people = len(people)

    year = now.astimezone(_VN).year
    registers = {}
    for direction, secret, name in (
        (Direction.INCOMING, False, f"Sổ văn bản đến năm {year}"),
        (Direction.OUTGOING, False, f"Sổ văn bản đi năm {year}"),
        (Direction.INCOMING, True, f"Sổ văn bản mật đến năm {year}"),
        (Direction.OUTGOING, True, f"Sổ văn bản mật đi năm {year}"),
    ):
        register = Register(
            agency_id=local.id, direction=direction, secret=secret, year=year, name=name
        )
        session.add(register)
        registers[(direction, secret)] = register
    summary.registers = len(registers)
    session.flush()
    append_event(session, "demo.init", actor="demo", data={"year": year})

    outgoing_states = [DocumentState.DRAFT, DocumentState.SUBMITTED, DocumentState.SUBMITTED]
    for index, sample in enumerate(SAMPLE_DOCUMENTS):
        pdf = render_official_document(sample)
        stored = ws.files.put_bytes(pdf)
        author_code = SAMPLE_AUTHORS.get(" ".join(sample.agency_name.split()))
        owner = by_code.get(author_code) if author_code else None
        outgoing = owner is not None and owner.is_local
        created = now - timedelta(hours=3 * (len(SAMPLE_DOCUMENTS) - index))
        if outgoing:
            state = outgoing_states[index % len(outgoing_states)]
            doc = Document(
                agency_id=local.id,
                direction=Direction.OUTGOING,
                state=state,
                kind=sample.kind_code,
                symbol=sample.symbol,
                subject=sample.subject,
                signer_name=sample.signer_name,
                signer_position=sample.signer_position,
                author_id=people["chuyenvien"].id,
                created_at=created,
                updated_at=created,
            )
        else:
            sender = owner or _peer(session, by_code, sample.agency_name)
            doc = Document(
                agency_id=local.id,
                direction=Direction.INCOMING,
                state=DocumentState.ARRIVED,
                kind=sample.kind_code,
                number=12 + index * 7,
                symbol=sample.symbol,
                issue_date=(created - timedelta(days=1)).date(),
                subject=sample.subject,
                sender_code=sender.code,
                sender_name=sender.name,
                signer_name=sample.signer_name,
                signer_position=sample.signer_position,
                urgency=1 if index == 1 else 0,
                due_at=_end_of_day(created.date() + timedelta(days=2 - index)),
                created_at=created,
                updated_at=created,
            )
        doc.search_text = fold_for_search(
            " ".join([doc.code, doc.subject, doc.sender_name or "", doc.signer_name or ""])
        )
        session.add(doc)
        session.flush()
        session.add(
            DocumentFile(
                document_id=doc.id,
                role=FileRole.MAIN,
                name=f"{sample.kind_code or 'CV'}-{index + 1:02d}.pdf",
                sha256=stored.sha256,
                size=stored.size,
                pages=_count_pages(pdf),
            )
        )
        append_event(
            session,
            "document.created",
            actor="demo",
            entity_type="document",
            entity_id=doc.id,
            data={"direction": doc.direction.value, "subject": doc.subject},
        )
        summary.documents += 1
    session.flush()
    assert session.scalar(sa.select(sa.func.count(Document.id))) == summary.documents


def _peer(session: Session, by_code: dict[str, Agency], name: str) -> Agency:
    code = f"000.00.{90 + len(by_code):02d}.H18"
    agency = Agency(code=code, name=name, short_name="", parent=by_code[LOCAL_CODE])
    session.add(agency)
    session.flush()
    by_code[code] = agency
    return agency


def _end_of_day(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 17, 0, tzinfo=_VN).astimezone(UTC)


def _count_pages(pdf: bytes) -> int:
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Count"])
