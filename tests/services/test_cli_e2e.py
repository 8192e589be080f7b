"""End to end through the command line, each step its own process, on real SoftHSM2 tokens: the
demo agency drafts, submits, signs (leader token), issues (agency token) and exports a Quyết định;
a second workspace receives the file, registers, assigns, processes and completes it. States,
numbers, both audit chains and both outboxes are checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.domain.types import Role
from app.models import OutboxMessage
from app.services.demo import LOCAL_CODE
from app.services.documents import add_person, ensure_agency
from app.services.tokens import load_demo_token_config
from app.services.workspace import open_workspace
from app.signing.verify import default_trust_dir, import_trust_anchors
from app.sync.edxml import StatusPackage, parse_package
from tests.integration.conftest import require_softhsm
from tests.services import cli_runner

REPO = Path(__file__).resolve().parents[2]
PIN = "VBDT_TEST_DOC_PIN"
RECIPIENT = "000.00.05.H18"


def doc(data: Path, *args: str, user: str | None = None, ok: bool = True) -> Any:
    """``python -m app --data-dir DATA doc ARGS --json``: the parsed JSON (or the process)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOFTHSM2_CONF", "VBDT_USER", PIN)}
    demo = load_demo_token_config(data)
    env.update({"PYTHONUTF8": "1", PIN: demo.pin if demo else ""})
    env.update({"VBDT_USER": user} if user else {})
    proc = subprocess.run(
        [sys.executable, "-m", "tests.services.cli_runner", "--data-dir", str(data), "doc", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if not ok:
        return proc
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout) if "--json" in args else proc


def in_process(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    """A ``doc`` command that needs no token, run in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = cli_runner.main(["--data-dir", str(data), "doc", *args])
    out, err = capsys.readouterr()
    return code, out, err


def app(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONUTF8": "1"},
    )  # fmt: skip


def _outbox(data: Path) -> list[tuple[str, str, str]]:
    """(type, recipients, status code or "") of each outbox row, oldest first."""
    ws = open_workspace(data)
    try:
        with ws.db.read() as s:
            rows = s.execute(
                sa.select(
                    OutboxMessage.message_type,
                    OutboxMessage.recipients,
                    OutboxMessage.payload_sha256,
                ).order_by(OutboxMessage.id)
            ).all()
        out = []
        for kind, recipients, sha in rows:
            package = parse_package(ws.files.path_for(sha))
            code = package.header.status_code if isinstance(package, StatusPackage) else ""
            out.append((kind, recipients, code))
        return out
    finally:
        ws.close()


def _receiver(data: Path, root_pem: Path) -> None:
    """A Sở Nội vụ workspace that trusts the demo root (an administrator imported it)."""
    ws = open_workspace(data)
    try:
        ensure_agency(ws, RECIPIENT, "Sở Nội vụ tỉnh Điện Biên", short_name="SNV", local=True)
        add_person(ws, "vanthu", "Quàng Thị Mai", Role.CLERK)
        add_person(ws, "giamdoc", "Lò Văn Giám", Role.LEADER, position="Giám đốc")
        add_person(ws, "chuyenvien", "Vì Văn Xuân", Role.SPECIALIST, unit="Phòng Công chức")
        assert import_trust_anchors([root_pem], default_trust_dir(data)).added
    finally:
        ws.close()


@pytest.mark.softhsm
def test_document_life_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VBDT_USER", raising=False)
    require_softhsm()
    sender, receiver = tmp_path / "ubnd", tmp_path / "snv"
    init = app(sender, "demo", "init")
    assert init.returncode == 0 and "SoftHSM2" in init.stdout, init.stderr
    draft = tmp_path / "du-thao.pdf"
    draft.write_bytes(render_official_document(SAMPLE_DOCUMENTS[0]))

    new = doc(sender, "new", str(draft), "--kind", "QĐ", "--to", RECIPIENT, "--urgency", "1",
              "--subject", "Về việc ban hành Quy chế gửi, nhận văn bản điện tử", "--json",
              user="chuyenvien")  # fmt: skip
    doc_id = str(new["document"]["id"])
    assert new["document"]["state"] == "draft" and new["document"]["code"] == "…/QĐ-UBND"
    code, _, err = in_process(capsys, sender, "submit", doc_id)  # nobody named: one line
    assert code == 1 and "--as" in err and len(err.strip().splitlines()) == 1
    code, _, err = in_process(capsys, sender, "approve", doc_id, "--as", "vanthu")
    assert code == 1 and "không" in err  # a clerk does not approve (nor a draft)
    doc(sender, "submit", doc_id, "--as", "chuyenvien")
    signed = doc(sender, "sign", doc_id, "--as", "lanhdao", "--pin-env", PIN, "--json")
    assert signed["document"]["state"] == "signed" and signed["document"]["due_at"]
    issued = doc(sender, "issue", doc_id, "--as", "vanthu", "--pin-env", PIN, "--json")
    assert (issued["number"], issued["document"]["code"]) == (1, "01/QĐ-UBND")
    assert issued["document"]["state"] == "sent"
    package = tmp_path / "01-QD-UBND.edxml"
    doc(sender, "export", doc_id, "-o", str(package), "--as", "vanthu")
    assert _outbox(sender) == [("edoc", RECIPIENT, "")]

    _receiver(receiver, sender / "demo-pki" / "root.pem")
    got = doc(receiver, "receive", str(package), "--json", user="vanthu")
    incoming = str(got["document"]["id"])
    assert got["document"]["state"] == "arrived" and got["status_sent"] == "01"
    assert (
        got["document"]["edxml_document_id"]
        == f"{LOCAL_CODE},{issued['document']['issue_date'].replace('-', '/')},01/QĐ-UBND"
    )  # noqa: E501
    assert [f["verdict"] for f in got["files"]] in (["VALID"], ["VALID_CHANGED_LATER"])
    code, out, _ = in_process(capsys, receiver, "receive", str(package), "--as", "vanthu")
    assert code == 0 and "đã có, không ghi lại" in out  # the same package again
    registered = doc(receiver, "register", incoming, "--json", user="vanthu")
    assert registered["document"]["register_number"] == 1 and registered["status_sent"] == "03"
    doc(receiver, "assign", incoming, "--lead", "chuyenvien", "--days", "5",
        "--opinion", "Nghiên cứu, tham mưu triển khai", user="giamdoc")  # fmt: skip
    doc(receiver, "progress", incoming, "--note", "Đang dự thảo kế hoạch", user="chuyenvien")
    done = doc(receiver, "complete", incoming, "--json", user="chuyenvien")
    assert done["document"]["state"] == "completed"
    code, out, _ = in_process(
        capsys, receiver, "list", "--search", "quy che gui nhan", "--json", "--as", "vanthu"
    )
    assert code == 0 and [row["id"] for row in json.loads(out)] == [int(incoming)]

    statuses = [("status", LOCAL_CODE, code) for code in ("01", "03", "04", "05", "06")]
    assert _outbox(receiver) == statuses
    for data in (sender, receiver):
        chain = app(data, "audit", "verify")
        assert chain.returncode == 0 and "toàn vẹn" in chain.stdout, chain.stderr
