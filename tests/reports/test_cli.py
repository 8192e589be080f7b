"""The ``report`` commands, wired the way ``app.cli`` wires them, and their cheap import."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.reports.cli import add_report_commands, parse_day
from app.services import reports as report_service
from app.services.workspace import Workspace
from tests.reports import sample

Sample = tuple[Workspace, dict[str, int]]
REPO = Path(__file__).resolve().parents[2]


class _Unclosable:
    """The session's shared workspace: the command's ``close()`` must not dispose of it."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db
        self.settings = ws.settings
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def _run(ws: Workspace, argv: list[str]) -> tuple[int, _Unclosable]:
    handle = _Unclosable(ws)
    parser = argparse.ArgumentParser(prog="vbdt")
    sub = parser.add_subparsers(dest="command", required=True)
    add_report_commands(sub, lambda _args: handle, report_service)
    args = parser.parse_args(argv)
    return args.handler(args), handle


def test_register_slip_and_stats_commands(
    sample_ws: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws, ids = sample_ws
    so = tmp_path / "so-di.pdf"
    code, handle = _run(
        ws, ["report", "register", "--kind", "outgoing", "--year", "2025", "-o", str(so)]
    )
    assert code == 0 and so.stat().st_size > 0 and handle.closed == 1
    assert "Đã in sổ đăng ký văn bản đi" in capsys.readouterr().out

    phieu = tmp_path / "phieu.pdf"
    code, _ = _run(ws, ["report", "slip", str(ids["slip_doc"]), "-o", str(phieu)])
    assert code == 0 and phieu.read_bytes().startswith(b"%PDF")

    pdf, table = tmp_path / "tk.pdf", tmp_path / "tk.csv"
    code, _ = _run(
        ws,
        [
            "report",
            "stats",
            "--from",
            "01/01/2025",
            "--to",
            "30/06/2025",
            "--unit",
            sample.UNITS[0],
            "-o",
            str(pdf),
            "--csv",
            str(table),
            "--csv-sep",
            ";",
        ],
    )
    assert code == 0 and pdf.exists()
    text = table.read_bytes().decode("utf-8-sig")
    assert "Từ ngày 01/01/2025 đến ngày 30/06/2025 — Đơn vị: Phòng Tổ chức cán bộ" in text
    assert "Số liệu CSV (UTF-8)" in capsys.readouterr().out


def test_bad_period_is_refused(sample_ws: Sample, tmp_path: Path) -> None:
    ws, _ = sample_ws
    with pytest.raises(InvalidInput):
        _run(
            ws,
            [
                "report",
                "stats",
                "--from",
                "31/12/2025",
                "--to",
                "01/01/2025",
                "-o",
                str(tmp_path / "x.pdf"),
            ],
        )
    with pytest.raises(argparse.ArgumentTypeError):
        parse_day("2025/31/12")
    assert parse_day("2025-03-05") == parse_day("05/03/2025")


def test_importing_the_commands_stays_light() -> None:
    """``app.cli`` imports this module at start: no reportlab before a report runs."""
    code = (
        "import sys, app.reports.cli, app.services.reports\n"
        "print(','.join(m for m in ('reportlab', 'PySide6', 'pyhanko') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
