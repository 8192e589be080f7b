"""The command line fails with one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONUTF8": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_failure(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_version_and_help() -> None:
    version = run_app("--version")
    assert version.returncode == 0 and version.stdout.startswith("VBĐT Desktop ")
    helptext = run_app("--help")
    assert helptext.returncode == 0
    for command in ("gui", "demo", "db", "audit", "store"):
        assert command in helptext.stdout


def test_usage_error_exits_2() -> None:
    result = run_app("no-such-command")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_db_upgrade_then_audit_verify(tmp_path: Path) -> None:
    data = str(tmp_path / "ws")
    up = run_app("--data-dir", data, "db", "upgrade")
    assert up.returncode == 0, up.stderr
    from app.models.schema import head_revision

    assert head_revision() in up.stdout
    again = run_app("--data-dir", data, "db", "upgrade")
    assert again.returncode == 0 and "mới nhất" in again.stdout
    verify = run_app("--data-dir", data, "audit", "verify")
    assert verify.returncode == 0, verify.stderr
    check = run_app("--data-dir", data, "store", "check")
    assert check.returncode == 0, check.stderr


def test_unreachable_database_url(tmp_path: Path) -> None:
    result = run_app(
        "--data-dir",
        str(tmp_path / "ws"),
        "--db-url",
        "postgresql+psycopg://nobody@127.0.0.1:9/none",
        "db",
        "upgrade",
    )
    assert_one_line_failure(result, "Không kết nối được cơ sở dữ liệu", "127.0.0.1")


def test_garbage_database_url(tmp_path: Path) -> None:
    result = run_app("--data-dir", str(tmp_path), "--db-url", "not a url", "db", "upgrade")
    assert_one_line_failure(result, "Không kết nối được cơ sở dữ liệu")


def test_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_app("--data-dir", str(blocker / "ws"), "db", "upgrade")
    assert_one_line_failure(result, "Không ghi được vào thư mục dữ liệu")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_data_dir(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        result = run_app("--data-dir", str(ro), "db", "upgrade")
    finally:
        ro.chmod(0o755)
    assert_one_line_failure(result, "Không ghi được vào thư mục dữ liệu")


def test_database_from_a_newer_version(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    assert run_app("--data-dir", str(data), "db", "upgrade").returncode == 0
    import sqlite3

    con = sqlite3.connect(data / "vbdt.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '0042_future'")
    con.commit()
    con.close()
    for command in (("db", "upgrade"), ("audit", "verify")):
        result = run_app("--data-dir", str(data), *command)
        assert_one_line_failure(result, "phiên bản mới hơn", "0042_future")


def test_corrupt_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    data.mkdir()
    (data / "settings.json").write_text("{not json", encoding="utf-8")
    result = run_app("--data-dir", str(data), "audit", "verify")
    assert_one_line_failure(result, "Tệp cấu hình không hợp lệ", "settings.json")
