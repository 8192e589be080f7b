"""Demo mode: the sandbox platform started on demand, and a peer agency that talks back.

``ensure_demo_platform(demo_dir)`` starts ``python -m sandbox --seed demo --data
<demo_dir>/sandbox --port 8765`` in the background unless one already answers there, then
points the demo workspace at it (``platform_url``, ``platform_system_id``) and keeps its secret in
``<demo_dir>/platform-secret``. ``DemoPeer`` is another demo agency (Sở Nội vụ by default) on that
platform: now and then it sends a document (made by the ``make_document`` it is given: rendered,
signed and packaged by the composition root), and it answers what the workspace sends it with
01, then 03, 04, 05, 06 over the following rounds, so a newcomer sees both directions move.
Must not: be used outside a demo workspace (it trusts ``secrets.json`` and loopback).
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app import settings as S
from app.errors import ConfigError
from app.settings import Settings
from app.sync.edxml import (
    VIETNAM,
    Attachment,
    Bussiness,
    Code,
    DocumentHeader,
    DocumentPackage,
    DocumentType,
    Organization,
    PackageInvalid,
    PromulgationInfo,
    ResponseFor,
    SignerInfo,
    StatusHeader,
    StatusPackage,
    TraceHeader,
    build_document_package,
    build_status_package,
    parse_package,
)
from app.sync.engine.config import DEMO_SANDBOX_DIR, SANDBOX_SECRETS, write_secret_file
from app.sync.transport import HttpTransport, TransportAuthError, TransportUnavailable

log = logging.getLogger(__name__)
DEMO_PORT = 8765
DEMO_URL = f"http://127.0.0.1:{DEMO_PORT}/api/v1"
HOME_AFFAIRS = "000.00.05.H18"
_PROGRESS = ("01", "03", "04", "05", "06")
_WORDS = {"01": "Đã đến", "03": "Đã vào sổ", "04": "Đã phân công", "05": "Đang xử lý",
          "06": "Đã hoàn thành"}  # fmt: skip


@dataclass(frozen=True)
class DemoPlatform:
    base_url: str
    secrets: dict[str, str] = field(repr=False)
    pid: int | None  # the sandbox we started; None: it was already running


def _read_secrets(sandbox_dir: Path) -> tuple[str, dict[str, str]]:
    data = json.loads((sandbox_dir / SANDBOX_SECRETS).read_text(encoding="utf-8"))
    return str(data.get("baseUrl") or DEMO_URL), {
        str(k): str(v) for k, v in data.get("systems", {}).items()
    }


def _answers(base_url: str, system_id: str, secret: str, port: int) -> bool:
    """True when OUR sandbox answers there (a signed call with our secret succeeds)."""
    try:
        with HttpTransport(base_url, system_id, secret, timeout=2.0) as transport:
            transport.agencies()
    except TransportUnavailable:
        return False
    except TransportAuthError as exc:
        raise ConfigError(
            f"Cổng {port} đang do chương trình khác dùng (port {port} is taken by "
            "another program, or by a sandbox with other secrets)"
        ) from exc
    return True


def ensure_demo_platform(
    demo_dir: Path, *, port: int = DEMO_PORT, wait: float = 20.0
) -> DemoPlatform:
    """Start the demo sandbox if it is not running and connect the demo workspace to it."""
    sandbox_dir = demo_dir / DEMO_SANDBOX_DIR
    settings = Settings(demo_dir)
    system_id = settings.get(S.PLATFORM_SYSTEM_ID) or settings.get(S.AGENCY_CODE)
    if not system_id:
        raise ConfigError("the demo workspace has no agency code: run `python -m app demo init`")
    pid = None
    base_url = f"http://127.0.0.1:{port}/api/v1"
    secrets: dict[str, str] = {}
    if (sandbox_dir / SANDBOX_SECRETS).is_file():
        _, secrets = _read_secrets(sandbox_dir)
    if not (system_id in secrets and _answers(base_url, system_id, secrets[system_id], port)):
        # A fresh start rewrites secrets.json; an old one must not be taken for the new one.
        (sandbox_dir / SANDBOX_SECRETS).unlink(missing_ok=True)
        pid = _start_sandbox(sandbox_dir, port)
        deadline = time.monotonic() + wait
        while True:
            if (sandbox_dir / SANDBOX_SECRETS).is_file():
                _, secrets = _read_secrets(sandbox_dir)
                if system_id in secrets and _answers(base_url, system_id, secrets[system_id], port):
                    break
            if time.monotonic() > deadline:
                raise ConfigError(f"the demo platform did not start within {wait:g} s")
            time.sleep(0.2)
    settings.set(S.PLATFORM_URL, base_url)
    settings.set(S.PLATFORM_SYSTEM_ID, system_id)
    settings.save()
    write_secret_file(demo_dir, secrets[system_id])
    return DemoPlatform(base_url, secrets, pid)


def _start_sandbox(sandbox_dir: Path, port: int) -> int:
    sandbox_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "sandbox", "--seed", "demo", "--data", str(sandbox_dir),
               "--port", str(port)]  # fmt: skip
    with open(sandbox_dir / "sandbox.log", "ab") as out:
        # Its own session: it outlives this process (and its Ctrl+C), as a platform would.
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    log.info("demo platform starting (pid %s): %s", process.pid, " ".join(command))
    return process.pid


@dataclass(frozen=True)
class PeerDocument:
    """What the peer's documents say (their PDF comes from ``make_pdf``)."""

    organ_name: str
    subject: str
    symbol: str
    signer_name: str
    signer_position: str
    type_name: str = ""  # edXML DocumentType/TypeName, e.g. "Công văn"


def peer_package(code: str, to: str, doc: PeerDocument, number: int, pdf: bytes) -> bytes:
    """A document package from the peer to ``to``, built with the codec."""
    now = datetime.now(VIETNAM)
    doc_id = f"{code},{now:%Y/%m/%d},{number:02d}/{doc.symbol}"
    header = DocumentHeader(
        sender=Organization(code, organ_name=doc.organ_name),
        recipients=(Organization(to),),
        subject=doc.subject,
        document_type=DocumentType(type_name=doc.type_name) if doc.type_name else None,
        document_id=doc_id,
        code=Code(f"{number:02d}", doc.symbol),
        promulgation_info=PromulgationInfo("Điện Biên", now.date()),
        signer_info=SignerInfo(position=doc.signer_position, full_name=doc.signer_name),
    )
    files = (Attachment(content_id="1", name=f"{number:02d}-{doc.symbol}.pdf", data=pdf),)
    package = DocumentPackage(
        header, (TraceHeader(code, now),), Bussiness(document_id=doc_id), files
    )
    return build_document_package(package)


def next_number(state_dir: Path) -> int:
    """The peer's next document number, kept on disk so a DocumentId is never reused."""
    state_dir.mkdir(parents=True, exist_ok=True)
    counter = state_dir / "next-number"
    number = int(counter.read_text()) if counter.exists() else 1
    counter.write_text(str(number + 1))
    return number


@dataclass
class _Reply:
    due: datetime
    about: ResponseFor
    to: str
    step: int = 0


class DemoPeer:
    """A demo agency on the platform: sends documents every ``every`` rounds and answers ours."""

    def __init__(
        self,
        transport: HttpTransport,
        code: str,
        to: str,
        make_document: Callable[[int], bytes],
        *,
        send_every: timedelta = timedelta(minutes=2),
        answer_every: timedelta = timedelta(seconds=40),
    ) -> None:
        """``make_document(n)``: the edXML bytes of the peer's n-th document this run."""
        self.transport, self.code, self.to = transport, code, to
        self.make_document = make_document
        self.send_every, self.answer_every = send_every, answer_every
        self.next_send = datetime.now(UTC)
        self.sent = 0
        self.replies: list[_Reply] = []

    def step(self, now: datetime | None = None) -> None:
        """One round: maybe send a document, take in what came, send the answers that are due."""
        now = now or datetime.now(UTC)
        if now >= self.next_send:
            self.sent += 1
            package = self.make_document(self.sent)
            self.transport.send(package, "edoc", uuid.uuid4().hex)
            self.next_send = now + self.send_every
        self._take_in(now)
        for reply in list(self.replies):
            if now >= reply.due:
                self._answer(reply, now)

    def _take_in(self, now: datetime) -> None:
        for kind in ("edoc", "status"):
            for item in self.transport.list_received(kind, limit=20).items:
                try:
                    if kind == "edoc":
                        self._remember(item.doc_id, now)
                except PackageInvalid as exc:
                    self.transport.ack(item.doc_id, "fail", exc.message)
                    continue
                self.transport.ack(item.doc_id, "done")

    def _remember(self, doc_id: str, now: datetime) -> None:
        sink = io.BytesIO()
        self.transport.fetch(doc_id, sink=sink)
        package = parse_package(sink.getvalue())
        if isinstance(package, DocumentPackage):
            header = package.header
            code = header.code
            about = ResponseFor(
                organ_id=header.sender.organ_id,
                code="/".join(p for p in (code.code_number, code.code_notation) if p)
                if code
                else "",
                promulgation_date=header.promulgation_info.promulgation_date
                if header.promulgation_info
                else None,
                document_id=header.document_id,
            )
            self.replies.append(_Reply(now, about, header.sender.organ_id))

    def _answer(self, reply: _Reply, now: datetime) -> None:
        code = _PROGRESS[reply.step]
        moment = now.astimezone(VIETNAM)
        header = StatusHeader(
            sender=Organization(self.code),
            response_for=reply.about,
            status_code=code,
            timestamp=moment,
            description=_WORDS[code],
        )
        package = build_status_package(
            StatusPackage(header, (TraceHeader(organ_id=self.code, timestamp=moment),))
        )
        self.transport.send(package, "status", uuid.uuid4().hex)
        reply.step += 1
        reply.due = now + self.answer_every
        if reply.step >= len(_PROGRESS):
            self.replies.remove(reply)

    def run(self, stop: threading.Event, every: float = 10.0) -> None:
        """Round after round until ``stop``; a failed round is logged and retried later."""
        while not stop.is_set():
            try:
                self.step()
            except Exception:
                log.exception("demo peer round failed")
            stop.wait(every)


def demo_peer_transport(platform: DemoPlatform, code: str = HOME_AFFAIRS) -> HttpTransport:
    return HttpTransport(platform.base_url, code, platform.secrets[code], timeout=10.0)


@dataclass
class DemoSession:
    """The demo platform and its peer; ``start`` runs the peer on a daemon thread."""

    platform: DemoPlatform
    peer: DemoPeer
    stop_event: threading.Event = field(default_factory=threading.Event)

    def start(self, every: float = 10.0) -> None:
        thread = threading.Thread(
            target=self.peer.run, args=(self.stop_event, every), daemon=True, name="demo-peer"
        )
        thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        self.peer.transport.close()
