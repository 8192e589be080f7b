"""`report verification ID` verifies a stored document now and prints the Vietnamese report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.demo import init_demo

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_report_verification_of_a_demo_document(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    init_demo(data, softhsm=False)
    out = tmp_path / "bao-cao.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "report", "verification", "1",
         "-o", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "BÁO CÁO KIỂM TRA CHỮ KÝ SỐ" in text
    # The demo drafts carry no signature yet: the report must say so, not call them valid.
    assert "KHÔNG HỢP LỆ" in text

    missing = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "report", "verification", "999",
         "-o", str(tmp_path / "x.pdf")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert missing.returncode == 1 and "Không tìm thấy" in missing.stderr
    assert "Traceback" not in missing.stderr
