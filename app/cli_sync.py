"""``python -m app sync [--once] [--platform-url URL]``, and where the sync engine is assembled.

``build_engine`` is the composition root of ``app.sync.engine``: the engine may not import the
services or the signing layer (the layers contract), so the receive service, the verifier pool
and the catch-up jobs are plugged in here through the engine's protocols (``ports``). The
command prints one line per pass: ``sent N, received M, failed K, waiting W``. No use-case logic
here; pyhanko is imported by the functions that need it, and in the verifier's workers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import InvalidTransition, NotFound
from app.sync.engine import (
    CatchUp,
    CatchUpImpossible,
    CatchUpLater,
    EngineContext,
    IsolatedPool,
    ReceiveOutcome,
    Recheck,
    SyncEngine,
    SyncRuntime,
    WorkerFailed,
)
from app.sync.engine.config import connect
from app.sync.engine.demo import (
    DEMO_PORT,
    HOME_AFFAIRS,
    DemoPeer,
    DemoSession,
    PeerDocument,
    demo_peer_transport,
    ensure_demo_platform,
    next_number,
    peer_package,
)
from app.sync.engine.ports import Arrival

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.workspace import Workspace
    from app.signing.verify import DocumentVerdict

LOCAL_DEMO = "000.00.00.H18"  # app.services.demo.LOCAL_CODE, the demo workspace's agency
TSA_ENV = "VBDT_TSA_URL"  # overrides the ``tsa_url`` setting for one process (drills, tests)
VERIFY_TIMEOUT = 60.0


# --- verification in long-lived isolated workers -------------------------------------------------
def _warm_up() -> None:
    import logging

    import app.signing.verify.engine  # noqa: F401 - pyhanko and friends, before the memory cap
    from app.signing.verify.speedups import warm_up

    warm_up()

    # A spawned worker has no logging set up: Python's last-resort handler would print (and
    # format) pyhanko's traceback for every failed check on the terminal. The verdict carries
    # the reasons (as in ``verify_pdf_isolated``'s worker).
    logging.getLogger().addHandler(logging.NullHandler())


_TRUST: dict[tuple[bytes, ...], Any] = {}  # in a worker: the trust store of the last anchors


def _verify_job(job: tuple[str, tuple[bytes, ...], bool, str, str | None]) -> str:
    """In a worker: verify one stored PDF; the verdict travels back as JSON."""
    from app.signing.verify import RevocationPolicy, TrustStore, default_cache_dir, verify_pdf

    path, anchors, online, data_dir, poe = job
    trust = _TRUST.get(anchors)
    if trust is None:  # parsing the anchors costs ~2 ms: once per worker, not once per file
        _TRUST.clear()
        trust = _TRUST[anchors] = TrustStore.from_certs(anchors)
    policy = RevocationPolicy(online=online, cache_dir=default_cache_dir(Path(data_dir)))
    verdict = verify_pdf(
        Path(path),
        trust=trust,
        revocation=policy,
        poe=datetime.fromisoformat(poe) if poe else None,
    )
    return verdict.to_json()


@dataclass
class PooledVerifier:
    """The receive service's ``Verifier``: ``verify_pdf`` in ``IsolatedPool`` workers (the same
    isolation as ``verify_pdf_isolated`` without an interpreter start per file). The trust pack
    is read on first use, so a pass that receives no PDF never loads pyhanko here."""

    data_dir: Path
    pool: IsolatedPool
    online: bool = False
    anchors: tuple[bytes, ...] | None = field(default=None, init=False)

    def reload(self) -> int:
        from app.signing.verify.trust import TrustStore, default_trust_dir

        store = TrustStore.load(default_trust_dir(self.data_dir))
        self.anchors = tuple(a.cert.dump() for a in store.anchors)
        return len(self.anchors)

    def __call__(self, path: Path, poe: datetime | None = None) -> DocumentVerdict:
        from app.signing.verify import DocumentVerdict

        if self.anchors is None:
            self.reload()
        assert self.anchors is not None
        job = (str(path), self.anchors, self.online, str(self.data_dir),
               poe.isoformat() if poe else None)  # fmt: skip
        try:
            return DocumentVerdict.from_json(self.pool.run(_verify_job, job, VERIFY_TIMEOUT))
        except WorkerFailed as exc:
            # Only here: the engine module imports pyhanko (~0.7 s), which this process
            # otherwise never needs (the workers verify).
            from app.signing.verify.engine import failed
            from app.signing.verify.rawscan import RawScan
            from app.signing.verify.rules import reason

            found = (reason("timeout", seconds=VERIFY_TIMEOUT) if exc.timed_out
                     else reason("worker_failed", detail=str(exc)[:200]))  # fmt: skip
            # Identified by size and hash, read in chunks: the file may be the huge one that
            # made the worker fail.
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            raw = RawScan(path.stat().st_size, -1, (), 0, 0, sha256=digest)
            return failed(found, datetime.now(UTC), raw=raw)


# --- the receive service behind the engine's PackageReceiver -------------------------------------
@dataclass
class ServiceReceiver:
    """``PackageReceiver`` over the receive service: ``prepare_package`` (parse, store, verify)
    outside any transaction, ``record_package`` in the engine's, which commits the document,
    its audit event and 01 together with the inbox row and the cursor."""

    ws: Workspace
    verifier: Any

    def prepare(self, raw: Path, arrival: Arrival, now: datetime) -> object:
        from app.services.documents.receiving import prepare_package

        return prepare_package(self.ws, raw, verifier=self.verifier)

    def commit(
        self, session: Session, prepared: object, arrival: Arrival, now: datetime
    ) -> ReceiveOutcome:
        from app.services.documents import StatusOutcome
        from app.services.documents.receiving import Prepared, PreparedStatus, record_package

        assert isinstance(prepared, Prepared)
        if not isinstance(prepared, PreparedStatus):
            # No savepoint: any failure of a document rolls the engine's whole transaction back
            # (the caller then retries one by one, refuses or stops), so a SAVEPOINT, its
            # RELEASE and the flush before it would only cost time on every package.
            result = record_package(self.ws, session, prepared, None, now, file_row=False)
        else:
            try:
                # A savepoint: a status that cannot apply leaves nothing half-written behind it.
                with session.begin_nested():
                    result = record_package(self.ws, session, prepared, None, now, file_row=False)
            except (NotFound, InvalidTransition) as exc:
                return ReceiveOutcome("status", None, notes=(exc.message,))
        if isinstance(result, StatusOutcome):
            applied = result.applied in ("delivery", "answer", "quarantine")
            return ReceiveOutcome("status", result.document.id, notes=() if applied else (
                f"trạng thái {result.status_code}: {result.applied}",))  # fmt: skip
        notes = tuple(f"{c.name}: {c.note}" for c in result.files)
        if not result.addressed_to_us:
            notes += ("không gửi cho cơ quan này (not addressed to us)",)
        kind = "duplicate" if result.duplicate else "document"
        return ReceiveOutcome(kind, result.document.id, notes=notes)


# --- catch-up jobs --------------------------------------------------------------------------------
@dataclass
class OnlineReverifier:
    """``Reverifier``: verify again with revocation fetching on (fills the revocation cache)."""

    verifier: PooledVerifier

    def reverify(self, source: Path, first_verified: datetime | None) -> list[Recheck]:
        verdict = self.verifier(source, first_verified)
        out = []
        for sig in verdict.signatures:
            if str(sig.kind) != "signature":
                continue
            # The receive service's verdict_detail format: the reasons, code and text.
            detail = json.dumps([{"code": r.code, "text": r.text} for r in sig.reasons],
                                ensure_ascii=False)  # fmt: skip
            out.append(Recheck(sig.field_name, str(sig.verdict), detail, sig.needs_recheck))
        if out and all(r.needs_recheck for r in out):
            raise CatchUpLater("revocation data is still out of reach")
        return out


@dataclass
class LtvCompletion:
    """``LtvCompleter``: ``complete_ltv`` to B-LTA with the TSA of ``tsa_setting``."""

    tsa_url: str
    data_dir: Path

    def complete(self, source: Path, target: Path) -> None:
        from pyhanko.sign.timestamps import HTTPTimeStamper
        from pyhanko_certvalidator import ValidationContext

        from app.signing.pades import Level, complete_ltv
        from app.signing.pades.errors import (
            CertificateRevoked,
            TimestampUnavailable,
            ValidationDataUnavailable,
        )
        from app.signing.verify import TrustStore, default_trust_dir

        roots = TrustStore.load(default_trust_dir(self.data_dir)).certificates
        context = ValidationContext(trust_roots=roots, allow_fetching=True)
        try:
            complete_ltv(source, target, timestamper=HTTPTimeStamper(self.tsa_url, timeout=10),
                         validation_context=context, level=Level.B_LTA)  # fmt: skip
        except (TimestampUnavailable, ValidationDataUnavailable) as exc:
            raise CatchUpLater(exc.message) from exc
        except CertificateRevoked as exc:
            raise CatchUpImpossible(exc.message) from exc


@dataclass
class TrustReload:
    """``TrustRefresher``: pick up anchors an administrator imported since the last pass."""

    verifier: PooledVerifier

    def refresh(self) -> int:
        return self.verifier.reload()


# --- assembly -------------------------------------------------------------------------------------
def tsa_setting(ws: Workspace) -> str:
    """The TSA for the catch-up job: ``VBDT_TSA_URL`` when set, else the ``tsa_url`` setting;
    empty: none configured (offline signatures then stay as they are)."""
    from app import settings as S

    return (os.environ.get(TSA_ENV, "").strip() or ws.settings.get(S.TSA_URL)).strip()


def build_engine(
    ws: Workspace,
    *,
    url: str | None = None,
    timeout: float = 30.0,
    transport: Any = None,
    workers: int = 2,
) -> SyncRuntime:
    """The engine for ``ws``: HTTP transport (from settings and the secret), the receive
    service with pooled verification, and the catch-up jobs that are configured."""
    from app import settings as S

    resources: list[Any] = []
    if transport is None:
        transport = connect(ws.data_dir, ws.settings, url=url, timeout=timeout)
        resources.append(transport)
    # Recycled every 2,000 verifications, not 500: a worker's memory levels off at ~103 MiB after
    # ~100 PDFs and stays there through 500 (measured, bench PDFs), each restart costs ~1.5 s CPU
    # of imports and a stalled verifier meanwhile, and the address-space cap and the per-job time
    # limit still stop a runaway worker. Recycling stays as a bound for very long sessions.
    pool = IsolatedPool(workers, warm_up=_warm_up, max_jobs=2000)
    resources.append(pool)
    ctx = EngineContext(ws.db, ws.files, transport, ws.data_dir)
    offline, online = PooledVerifier(ws.data_dir, pool), PooledVerifier(ws.data_dir, pool, True)
    tsa = tsa_setting(ws)
    catch_up = CatchUp(
        ctx,
        ltv=LtvCompletion(tsa, ws.data_dir) if tsa else None,
        reverifier=OnlineReverifier(online),
        trust=TrustReload(offline),
    )
    our_code = ws.settings.get(S.PLATFORM_SYSTEM_ID) or ws.settings.get(S.AGENCY_CODE)
    engine = SyncEngine(
        ctx,
        our_code=our_code,
        receiver=ServiceReceiver(ws, offline),
        catch_up=catch_up,
        parallel=workers + 1,  # one more than the verifiers: they never wait for a parse
    )
    return SyncRuntime(engine, resources)


# --- demo mode -----------------------------------------------------------------------------------
def peer_pdfs(demo_dir: Path) -> tuple[PeerDocument, Callable[[int], bytes]]:
    """The demo peer's document, and its PDFs: a sample of app.demo signed by the peer's director
    and sealed with its number, with keys the demo CA issues now (demo material only)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from app.demo.documents import render_official_document
    from app.demo.images import seal_png, signature_png
    from app.demo.pki import Issued, agency_subject, issue_end_entity, person_subject
    from app.demo.samples import SAMPLE_DOCUMENTS
    from app.services.demo_tokens import PKI_DIR
    from app.signing.pades import (
        IssueRequest,
        Level,
        Role,
        SignRequest,
        issue_document,
        sign_document,
    )

    pki = demo_dir / PKI_DIR
    key = load_pem_private_key((pki / "intermediate.key.pem").read_bytes(), None)
    ca = Issued(key, x509.load_pem_x509_certificate((pki / "intermediate.pem").read_bytes()))  # type: ignore[arg-type]
    chain = (ca.cert, x509.load_pem_x509_certificate((pki / "root.pem").read_bytes()))
    sample = next(d for d in SAMPLE_DOCUMENTS if d.agency_name == "Sở Nội vụ")
    doc = PeerDocument("Sở Nội vụ tỉnh Điện Biên", sample.subject, sample.symbol,
                       sample.signer_name, sample.signer_position, sample.kind_name)  # fmt: skip
    person = person_subject(doc.signer_name, organisation=doc.organ_name)
    leader = _signer(issue_end_entity(ca, person), chain)
    agency = _signer(issue_end_entity(ca, agency_subject(doc.organ_name)), chain)
    work = demo_dir / "demo-peer"
    work.mkdir(parents=True, exist_ok=True)
    draft, signed, sealed = work / "draft.pdf", work / "leader.pdf", work / "sealed.pdf"
    draft.write_bytes(render_official_document(sample))
    signature, seal = signature_png(doc.signer_name), seal_png(["SỞ NỘI VỤ", "TỈNH ĐIỆN BIÊN"])

    def make(number: int) -> bytes:
        sign_document(SignRequest(draft, signed, role=Role.LEADER, level=Level.B_B,
                                  image=signature, chain=chain), leader)  # fmt: skip
        issue_document(IssueRequest(signed, sealed, number=f"{number:02d}", symbol=doc.symbol,
                                    issued_on=datetime.now(UTC).date(), seal_image=seal,
                                    level=Level.B_B, chain=chain), agency)  # fmt: skip
        return sealed.read_bytes()

    return doc, make


def _signer(issued: Any, chain: tuple[Any, ...]) -> Any:
    """A pyhanko signer over a software key (a demo peer has no token)."""
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization as ser
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def der(cert: Any) -> x509.Certificate:
        return x509.Certificate.load(cert.public_bytes(ser.Encoding.DER))

    key = keys.PrivateKeyInfo.load(issued.key.private_bytes(
        ser.Encoding.DER, ser.PrivateFormat.PKCS8, ser.NoEncryption()))  # fmt: skip
    store = SimpleCertificateStore.from_certs([der(c) for c in chain])  # type: ignore[no-untyped-call]
    return SimpleSigner(signing_cert=der(issued.cert), signing_key=key, cert_registry=store)


def start_demo(demo_dir: Path, *, port: int = DEMO_PORT) -> DemoSession:
    """Demo mode (the GUI, ``sync --demo``): the platform up, the workspace connected and trusting
    the demo CA, Sở Nội vụ ready to send and answer (``start()`` lets it run)."""
    from app.services.demo_tokens import PKI_DIR
    from app.signing.verify.trust import default_trust_dir, import_trust_anchors

    platform = ensure_demo_platform(demo_dir, port=port)
    import_trust_anchors([demo_dir / PKI_DIR / "root.pem"], default_trust_dir(demo_dir))
    doc, make_pdf = peer_pdfs(demo_dir)
    state = demo_dir / "demo-peer"

    def make_document(_: int) -> bytes:
        number = next_number(state)
        return peer_package(HOME_AFFAIRS, LOCAL_DEMO, doc, number, make_pdf(number))

    transport = demo_peer_transport(platform)
    return DemoSession(platform, DemoPeer(transport, HOME_AFFAIRS, LOCAL_DEMO, make_document))


# --- the command ----------------------------------------------------------------------------------
def cmd_sync(args: argparse.Namespace) -> int:
    from app.cli import resolve_data_dir
    from app.services.workspace import open_workspace

    data_dir = resolve_data_dir(args, demo=args.demo)
    demo = start_demo(data_dir) if args.demo else None
    ws = open_workspace(data_dir, db_url=args.db_url)
    runtime = None
    try:
        runtime = build_engine(ws, url=args.platform_url, timeout=args.timeout)
        if demo is not None and args.once:
            demo.peer.step()
        elif demo is not None:
            demo.start()
        if args.once:
            report = runtime.engine.run_once()
            print(report.summary())
            return 0 if not (report.problem or report.skipped) else 1
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        runtime.engine.run_forever(stop, args.interval, on_pass=lambda r: print(r.summary()))
        return 0
    finally:
        if demo is not None:
            demo.stop()
        if runtime is not None:
            runtime.close()
        ws.close()


def add_sync_commands(sub: Any) -> None:
    """``sync``: one pass (``--once``) or a pass every ``--interval`` seconds until Ctrl+C."""
    sync = sub.add_parser("sync", help="đồng bộ với trục liên thông (gửi, nhận, trạng thái)")
    sync.add_argument("--once", action="store_true", help="chạy một lượt rồi dừng")
    sync.add_argument("--platform-url", metavar="URL", help="địa chỉ trục (mặc định: cấu hình)")
    sync.add_argument(
        "--interval", type=float, default=30.0, metavar="S", help="giây giữa hai lượt"
    )
    sync.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="hạn chờ mỗi yêu cầu"
    )
    sync.add_argument("--demo", action="store_true", help="không gian và trục trình diễn")
    sync.set_defaults(handler=cmd_sync)
