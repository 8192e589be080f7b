"""Sync benchmarks: the offline-then-sync engine against bare httpx calls, on the sandbox platform.

One sandbox (its own process) and a peer agency that sends N packages of ~300 KB (a signed
decision, leader + seal, plus a small annex that makes each package unique), each to three of our
agencies at once. Measured, in this order:
- bare receive: list / fetch (SHA-256 checked) / ack with plain httpx, signed requests, nothing
  stored: the anchor of the receive loop;
- the receive loop: our engine with a receive service that keeps nothing (spool, inbox rows,
  cursor, commits, acks): its overhead over the anchor. Anchor and loop each run twice, in the
  order anchor, loop, loop, anchor, on four agencies that received the same packages;
- the full receive: our engine with the receive service (parse, files stored, both signatures
  verified in the pooled workers, 01 queued and sent): docs/s and peak RSS;
- send: N outbox rows sent by our engine, and the same bytes POSTed with plain httpx; each side
  twice, in the order anchor, ours, ours, anchor.
Engine runs are child processes (``python -m bench.sync_bench child``) so their peak memory is
theirs alone. Register with ``from bench import sync_bench`` in bench/suites/__init__.py, or run
``python -m bench.sync_bench [N]`` on its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bench.registry import REPO_DIR, Config, Result, suite

PEER, FULL = "000.00.05.H18", "000.00.00.H18"
# Two agencies each for the bare anchor and our loop, run A B B A: a platform that drifts slower
# (or faster) over the run weighs on both sides alike.
BARE, LOOP, LOOP2, BARE2 = "000.00.07.H18", "000.00.10.H18", "000.00.12.H18", "000.00.15.H18"
RECEIVERS = (FULL, BARE, LOOP, LOOP2, BARE2)
TARGETS = """\
Targets (issue: offline-then-sync engine), 2-core machine, sandbox platform in its own process on
loopback: (1) receiving N=1,000 packages of ~300 KB (signed PDFs) including verification and
storage at ≥ 15 docs/s; (2) sending 1,000 at ≥ 40 docs/s; (3) peak RSS of the desktop process
≤ 300 MB; (4) the sync loop adds ≤ 10% over the same transfers made with bare httpx calls in the
same run (receive loop and send loop, each against its anchor)."""


def _peak_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- inputs ---------------------------------------------------------------------------------------
def _signed_pdfs(work: Path, count: int) -> tuple[list[bytes], bytes]:
    """``count`` distinct signed decisions (leader B-B + agency seal), and the root (PEM)."""
    from dataclasses import replace

    from app.demo.documents import render_official_document
    from app.demo.images import seal_png, signature_png
    from app.demo.pki import generate_demo_pki
    from app.demo.samples import SAMPLE_DOCUMENTS
    from app.signing.pades import (
        IssueRequest,
        Level,
        Role,
        SignRequest,
        issue_document,
        sign_document,
    )
    from tests.pades.conftest import software_signer

    pki = generate_demo_pki()
    sample = SAMPLE_DOCUMENTS[0]
    images = (signature_png(sample.signer_name), seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]))
    out = []
    for n in range(count):
        draft, signed, sealed = work / "d.pdf", work / "s.pdf", work / "x.pdf"
        varied = replace(sample, subject=f"{sample.subject} (bản {n + 1})")
        draft.write_bytes(render_official_document(varied))
        sign_document(SignRequest(draft, signed, role=Role.LEADER, level=Level.B_B,
                                  image=images[0]), software_signer(pki.leader, pki))  # fmt: skip
        issue_document(IssueRequest(signed, sealed, number=f"{n + 1:02d}", symbol="QĐ-UBND",
                                    issued_on=date(2026, 3, 10), seal_image=images[1],
                                    level=Level.B_B), software_signer(pki.agency, pki))  # fmt: skip
        out.append(sealed.read_bytes())
    return out, pki.root.cert_pem


def _package(sender: str, to: tuple[str, ...], n: int, pdf: bytes) -> bytes:
    from app.sync.edxml import (
        Attachment,
        Code,
        DocumentHeader,
        DocumentPackage,
        Organization,
        build_document_package,
    )

    doc_id = f"{sender},2026/03/10,{n:04d}/QĐ-BENCH"
    header = DocumentHeader(
        sender=Organization(sender), recipients=tuple(Organization(t) for t in to),
        subject=f"Văn bản đo hiệu năng số {n}", document_id=doc_id,
        code=Code(f"{n:04d}", "QĐ-BENCH"),
    )  # fmt: skip
    files = (
        Attachment(content_id="1", name="quyet-dinh.pdf", data=pdf),
        # Incompressible but never taken for an archive by its first bytes.
        Attachment(content_id="2", name="phu-luc.bin", data=b"PHU LUC\n" + os.urandom(60_000)),
    )
    return build_document_package(DocumentPackage(header=header, attachments=files))


def _office(root: Path, code: str, base_url: str, secret: str, anchor: bytes) -> None:
    from app import settings as S
    from app.models import Agency
    from app.services.workspace import open_workspace
    from app.signing.verify import default_trust_dir, import_trust_anchors
    from app.sync.engine import write_secret_file

    ws = open_workspace(root)
    ws.settings.set(S.PLATFORM_SYSTEM_ID, code)
    ws.settings.set(S.PLATFORM_URL, base_url)
    ws.settings.save()
    write_secret_file(root, secret)
    (root / "root.pem").write_bytes(anchor)
    import_trust_anchors([root / "root.pem"], default_trust_dir(root))
    with ws.db.write() as s:
        s.add(Agency(code=code, name=f"Cơ quan {code}", short_name="UBND", is_local=True))
    ws.close()


def _load_outbox(root: Path, payloads: list[bytes]) -> None:
    from app.domain.types import OutboxState
    from app.models import OutboxMessage
    from app.services.workspace import open_workspace

    ws = open_workspace(root)
    now = datetime.now(UTC)
    with ws.db.write() as s:
        for body in payloads:
            stored = ws.files.put_bytes(body)
            s.add(OutboxMessage(
                message_type="edoc", idempotency_key=uuid.uuid4().hex,
                payload_sha256=stored.sha256, recipients=PEER, state=OutboxState.PENDING,
                next_attempt_at=now, created_at=now,
            ))  # fmt: skip
    ws.close()


# --- the anchors: bare httpx ----------------------------------------------------------------------
class _Bare:
    def __init__(self, base_url: str, system_id: str, secret: str) -> None:
        import httpx

        from app.sync.transport.signing import Signer

        self.base_url, self.signer = base_url.rstrip("/"), Signer(system_id, secret)
        self.client = httpx.Client(timeout=60)

    def call(self, method: str, path: str, body: bytes = b"", **headers: str) -> Any:
        request = self.client.build_request(method, self.base_url + path, content=body,
                                            headers=headers)  # fmt: skip
        digest = hashlib.sha256(body).hexdigest()
        request.headers.update(self.signer.headers(method, request.url.raw_path.decode(), digest))
        return self.client.send(request)

    def receive_all(self) -> int:
        count, after = 0, ""
        while True:
            query = "/edocs/received?messagetype=edoc&limit=50" + (
                f"&after={after}" if after else ""
            )
            data = self.call("GET", query).json()["data"]
            for item in data["items"]:
                body = self.call("GET", f"/edocs/{item['docId']}").content
                assert hashlib.sha256(body).hexdigest() == item["sha256"]
                ack = json.dumps({"status": "done", "reason": ""}).encode()
                self.call("POST", f"/edocs/{item['docId']}/ack", ack)
                count += 1
            after = data["next"]
            if not data["more"]:
                return count

    def send_all(self, payloads: list[bytes]) -> None:
        for body in payloads:
            answer = self.call("POST", "/edocs?messagetype=edoc", body,
                               **{"Idempotency-Key": uuid.uuid4().hex})  # fmt: skip
            assert answer.status_code == 200, answer.text


# --- our engine, in a child process ---------------------------------------------------------------
def _child(args: dict[str, Any]) -> dict[str, Any]:
    from app.cli_sync import build_engine
    from app.services.workspace import open_workspace
    from app.sync.engine import ReceiveOutcome

    class KeepNothing:
        def prepare(self, raw: Path, arrival: Any, now: datetime) -> ReceiveOutcome:
            return ReceiveOutcome("document", None)

        def commit(self, session: Any, prepared: object, arrival: Any, now: datetime) -> Any:
            return prepared

    ws = open_workspace(Path(args["root"]))
    runtime = build_engine(ws, timeout=60, workers=int(args.get("workers", 2)))
    if args.get("keep_nothing"):
        runtime.engine.inbox.intake.receiver = KeepNothing()
        runtime.engine.catch_up = None
    baseline = _peak_mib()
    before = _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    report = runtime.engine.run_once()
    seconds = time.perf_counter() - started
    engine_cpu = _cpu(resource.RUSAGE_SELF) - before
    peak = _peak_mib()
    runtime.close()  # the verifier workers end here: RUSAGE_CHILDREN then holds their peak
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ws.close()
    return {"seconds": seconds, "received": report.received, "sent": report.sent,
            "problem": report.problem, "vmhwm_mib": peak, "baseline_mib": baseline,
            "worker_mib": workers, "engine_cpu": engine_cpu,
            "workers_cpu": _cpu(resource.RUSAGE_CHILDREN)}  # fmt: skip


def _cpu(who: int) -> float:
    """User + system CPU seconds: on a shared machine a steadier measure than the wall clock."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _run_child(args: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.sync_bench", "child"], input=json.dumps(args), text=True,
        capture_output=True, cwd=REPO_DIR, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"engine child failed: {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if result["problem"]:
        raise RuntimeError(f"engine pass stopped: {result['problem']}")
    return result


# --- the suite ------------------------------------------------------------------------------------
@suite(
    "sync", title="Đồng bộ với trục liên thông / Sync engine (sandbox platform)", targets=TARGETS
)
def sync_suite(cfg: Config) -> list[Result]:
    from app.sync.transport import HttpTransport
    from sandbox.testing import run_server

    n = int(cfg.options.get("sync_n", cfg.n(1000, 100)))
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        cfg.log(f"signing {min(n, 10)} distinct decisions (leader + seal)")
        pdfs, root = _signed_pdfs(work, min(n, 10))
        with run_server(work / "platform", seed="demo", subprocess=True) as platform:
            secrets = platform.secrets
            for code in RECEIVERS:
                _office(work / code, code, platform.base_url, secrets[code], root)
            cfg.log(f"the peer sends {n} packages to {len(RECEIVERS)} agencies each")
            sizes = []
            with HttpTransport(platform.base_url, PEER, secrets[PEER], timeout=60) as peer:
                for i in range(n):
                    body = _package(PEER, RECEIVERS, i + 1, pdfs[i % len(pdfs)])
                    sizes.append(len(body))
                    peer.send(body, "edoc", uuid.uuid4().hex)
            size_kb = sum(sizes) / len(sizes) / 1000
            bare_recv, loops = 0.0, []
            for code in (BARE, LOOP, LOOP2, BARE2):
                if code in (BARE, BARE2):
                    cfg.log(f"bare receive (httpx) as {code}")
                    bare = _Bare(platform.base_url, code, secrets[code])
                    started = time.perf_counter()
                    assert bare.receive_all() == n
                    bare_recv += time.perf_counter() - started
                else:
                    cfg.log(f"our receive loop, keeping nothing, as {code}")
                    loops.append(_run_child({"root": str(work / code), "keep_nothing": True}))
                    cfg.log(f"  {loops[-1]}")
            loop = {"seconds": sum(r["seconds"] for r in loops),
                    "vmhwm_mib": max(r["vmhwm_mib"] for r in loops)}  # fmt: skip
            cfg.log("our full receive (store, verify, 01 back)")
            full = _run_child({"root": str(work / FULL)})
            cfg.log(f"  {full}")
            outgoing = [_package(FULL, (PEER,), 5000 + i, pdfs[i % len(pdfs)]) for i in range(n)]
            # Anchor and ours send the N packages twice each, A B B A (fresh idempotency keys,
            # same bytes): drift in the platform's speed hits both sides alike, and two runs a
            # side halve the random part of the noise.
            senders = [work / "sender-1", work / "sender-2"]
            for sender in senders:
                _office(sender, FULL, platform.base_url, secrets[FULL], root)
                _load_outbox(sender, outgoing)
            anchor = _Bare(platform.base_url, FULL, secrets[FULL])
            bare_send, sends = 0.0, []
            for side in ("bare", "ours", "ours", "bare"):
                if side == "bare":
                    cfg.log("bare send (httpx)")
                    started = time.perf_counter()
                    anchor.send_all(outgoing)
                    bare_send += time.perf_counter() - started
                else:
                    cfg.log("our send")
                    sends.append(_run_child({"root": str(senders[len(sends)])}))
                    cfg.log(f"  {sends[-1]}")
            sent = {"seconds": sum(r["seconds"] for r in sends) / 2,
                    "vmhwm_mib": max(r["vmhwm_mib"] for r in sends)}  # fmt: skip
            sent_twice = sum(r["seconds"] for r in sends)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _results(n, size_kb, bare_recv, loop, full, sent, sent_twice, bare_send)


def _cpu_note(n: int, run: dict[str, Any]) -> str:
    """CPU per document, and the rate two otherwise idle cores would allow at that cost."""
    engine, workers = run["engine_cpu"] / n * 1000, run["workers_cpu"] / n * 1000
    ideal = 2000 / (engine + workers) if engine + workers else 0.0
    return (f"CPU per document: engine process {engine:.0f} ms, verifier workers {workers:.0f} ms "
            f"(two idle cores: ≈ {ideal:.1f} docs/s)")  # fmt: skip


def _results(
    n: int, size_kb: float, bare_recv: float, loop: dict[str, Any], full: dict[str, Any],
    sent: dict[str, Any], sent_twice: float, bare_send: float,
) -> list[Result]:  # fmt: skip
    recv_rate, send_rate = n / full["seconds"], n / sent["seconds"]
    loop_ratio, send_ratio = loop["seconds"] / bare_recv, sent_twice / bare_send
    peak = max(full["vmhwm_mib"], sent["vmhwm_mib"], loop["vmhwm_mib"])
    return [
        Result(f"Receive {n} × {size_kb:.0f} KB, verified + stored", recv_rate, None, None,
               "≥ 15 docs/s", recv_rate >= 15, "docs/s",
               f"{full['seconds']:.1f} s; 2 verifier workers; every package: a decision signed by "
               "the leader and sealed by the agency, both signatures verified offline; "
               + _cpu_note(n, full)),
        Result(f"Send {n} × {size_kb:.0f} KB", send_rate, None, None, "≥ 40 docs/s",
               send_rate >= 40, "docs/s", f"{sent['seconds']:.1f} s (mean of the two runs)"),
        Result("Peak RSS, desktop process", peak, None, None, "≤ 300 MB", peak <= 300, "MB",
               f"VmHWM of the engine's process (full receive {full['vmhwm_mib']:.0f}, send "
               f"{sent['vmhwm_mib']:.0f}, loop {loop['vmhwm_mib']:.0f} MB); a verifier worker "
               f"peaked at {full['worker_mib']:.0f} MB"),
        Result("Receive loop vs bare httpx", loop["seconds"], bare_recv, loop_ratio, "≤ 1.10×",
               loop_ratio <= 1.10, "s", f"2 × {n} packages each side (anchor, ours, ours, "
               "anchor); list/fetch/ack; ours also spools to disk, writes and commits an inbox "
               "row per package and the cursor", "bare httpx"),
        Result("Send loop vs bare httpx", sent_twice, bare_send, send_ratio, "≤ 1.10×",
               send_ratio <= 1.10, "s", f"2 × {n} packages each side (anchor, ours, ours, "
               "anchor), same bytes; ours also claims, records and audits each row in batches",
               "bare httpx"),
    ]  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        print(json.dumps(_child(json.loads(sys.stdin.read()))))
    else:
        count = sys.argv[1] if len(sys.argv) > 1 else "1000"
        rows = sync_suite(Config(options={"sync_n": count}))
        for row in rows:
            ratio = f" ratio {row.ratio:.2f}" if row.ratio else ""
            print(f"{row.metric}: {row.ours:.2f} {row.unit}{ratio} ({row.target}: {row.verdict})")
            print(f"    {row.notes}")
