"""The command-line helper and the Vietnamese report PDF."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.reports.verification import render_verification_report
from app.signing.verify import RevocationPolicy, cli_verify, verify_pdf
from tests.verify.attacks import ATTACKS
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)
VN_TIME = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} \+07:00")


@pytest.fixture
def files(kit: Kit, tmp_path: Path) -> dict[str, Path]:
    out = {"root": tmp_path / "root.pem", "good": tmp_path / "qd.pdf", "bad": tmp_path / "x.pdf"}
    out["root"].write_bytes(kit.pki.root.cert_pem)
    out["good"].write_bytes(kit.issued)
    out["bad"].write_bytes(ATTACKS["shadow_replace"].build(kit))
    return out


def _run(argv: list[str], data_dir: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_verify(
        argv, data_dir=data_dir, render_report=render_verification_report, out=out, err=err
    )
    return code, out.getvalue(), err.getvalue()


def test_exit_codes(files: dict[str, Path], tmp_path: Path) -> None:
    trust = ["--trust", str(files["root"])]
    code, out, _ = _run([str(files["good"]), "--offline", *trust], tmp_path)
    assert code == 0 and "Kết luận: HỢP LỆ" in out
    code, out, _ = _run([str(files["bad"]), "--offline", "--in-process", *trust], tmp_path)
    assert code == 1 and "KHÔNG HỢP LỆ" in out and "SHADOW_OVERLAY" in out
    code, out, _ = _run(
        [str(files["good"]), "--offline", "--json", "--in-process", *trust], tmp_path
    )
    assert code == 0 and json.loads(out)["overall"] == "VALID"
    code, _, err = _run([str(tmp_path / "missing.pdf"), "--offline", "--in-process"], tmp_path)
    assert code == 1 and "missing.pdf" in err


def test_usage_errors(tmp_path: Path) -> None:
    assert _run([], tmp_path)[0] == 2
    assert _run(["a.pdf", "--bogus"], tmp_path)[0] == 2
    assert cli_verify(["a.pdf", "--report", "r.pdf"], data_dir=tmp_path, err=io.StringIO()) == 2


def test_untrusted_without_a_trust_pack(files: dict[str, Path], tmp_path: Path) -> None:
    code, out, err = _run([str(files["good"]), "--offline", "--in-process"], tmp_path)
    assert code == 1 and "UNTRUSTED" in out and "chưa nhập chứng thư gốc" in err


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_report_reads_in_vietnamese(files: dict[str, Path], kit: Kit, tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.pdf"
    code, _, _ = _run(
        [str(files["good"]), "--offline", "--in-process", "--trust", str(files["root"]),
         "--report", str(report)],
        tmp_path,
    )  # fmt: skip
    assert code == 0
    text = _text(report)
    assert text.count("\f") == 3  # summary + one page per signature
    for words in (
        "BÁO CÁO KIỂM TRA CHỮ KÝ SỐ",
        "KẾT LUẬN: HỢP LỆ",
        "HỢP LỆ – có thay đổi được phép sau khi ký",
        "Chữ ký số của cơ quan, tổ chức",
        "Cầm Văn Thưởng",
        "ngày 05 tháng 3 năm 2026",
        "dấu thời gian của TSA",
    ):
        assert words in text, words
    assert VN_TIME.search(text)
    fonts = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True).stdout
    assert "LiberationSerif" in fonts and "Helvetica" not in fonts

    bad = verify_pdf(files["bad"], trust=kit.trust, revocation=OFFLINE)
    out = render_verification_report(
        bad, document_title="Văn bản nghi bị sửa", file_name="x.pdf", out_path=tmp_path / "x.pdf"
    )
    assert "KẾT LUẬN: KHÔNG HỢP LỆ" in _text(out)
