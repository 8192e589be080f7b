"""The server as a program and a page: start time, signals, admin page, seeds and secrets file."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx

from sandbox.admin import is_loopback
from sandbox.api import Request
from sandbox.seed import DEMO_AGENCIES, SeedAgency
from sandbox.testing import REPO_ROOT, SandboxHandle, run_server, signed_headers
from tests.sandbox.conftest import connecting
from tests.sandbox.packages import FINANCE, PROVINCE, document

START_BUDGET = 3.0


def test_python_m_sandbox_answers_within_three_seconds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--seed", "demo", "--port", "0", "--data", str(data)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Sandbox listening on "):
                break
        base_url = lines[-1].split()[3]
        assert lines[-1].rstrip().endswith("(loopback only)") and "127.0.0.1" in base_url
        secrets = json.loads((data / "secrets.json").read_text())["systems"]
        headers = signed_headers(PROVINCE, secrets[PROVINCE], "GET", "/api/v1/agencies")
        with httpx.Client(trust_env=False) as http:
            response = http.get(base_url + "/agencies", headers=headers)
        took = time.monotonic() - started
        assert response.status_code == 200 and len(response.json()["data"]) == 8
        print(f"\n`python -m sandbox --seed demo` answered /agencies after {took:.2f} s")
        assert took < START_BUDGET
        # Every new secret is printed once, and the file holding them is private.
        printed = "".join(lines)
        assert all(secret in printed for secret in secrets.values())
        assert stat.S_IMODE(os.stat(data / "secrets.json").st_mode) == 0o600
        assert stat.S_IMODE(os.stat(data / "sandbox.sqlite3").st_mode) == 0o600
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=10)
        assert process.returncode == 0 and "Sandbox stopped." in rest
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    # A second start keeps the secrets and does not print them again.
    second = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--seed", "demo", "--port", "0", "--data", str(data)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    try:
        assert second.stdout is not None
        out = []
        for line in second.stdout:
            out.append(line)
            if line.startswith("Sandbox listening on "):
                break
        second.send_signal(signal.SIGINT)
        out.append(second.communicate(timeout=10)[0])
        assert second.returncode == 0
        text = "".join(out)
        assert not any(secret in text for secret in secrets.values())
        assert json.loads((data / "secrets.json").read_text())["systems"] == secrets
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()


def test_bad_flags_fail_clearly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sandbox", "--data", str(tmp_path), "--fault", "explode=1"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "--fault" in result.stderr


def test_admin_page_lists_and_escapes(tmp_path: Path) -> None:
    hostile = "<script>alert('x')</script> & \"quoted\""
    seed = [*DEMO_AGENCIES, SeedAgency("999.00.00.X99", hostile, PROVINCE)]
    with run_server(tmp_path, seed=seed) as handle:
        with connecting(handle) as connect:
            connect(PROVINCE).send(document(1, subject=hostile), "edoc", "k")
            connect(FINANCE).agencies()
        page = handle.admin.page()
    assert page.startswith("<!DOCTYPE html>") and 'lang="vi"' in page
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
    assert "Cơ quan kết nối" in page and "Giao dịch gần đây" in page and "Gói tin chờ nhận" in page
    assert "Sở Tài chính tỉnh Điện Biên" in page
    assert "/api/v1/edocs?messagetype=edoc" in page  # the traffic row of the send
    assert FINANCE in page and "POST" in page
    assert all(secret not in page for secret in handle.secrets.values())


def test_admin_answers_loopback_only(tmp_path: Path) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1")
    assert not is_loopback("192.168.1.20") and not is_loopback("10.0.0.127")
    with run_server(tmp_path) as handle:
        assert handle.admin.sandbox is not None
        admin = handle.admin.sandbox.state.admin
        request = Request("GET", "/admin", "/admin", {}, io.BytesIO(), 0, "", "192.168.1.20")
        refused = admin.handle(request)
        assert refused.status == 403 and b"FORBIDDEN" in refused.body
        request.client_ip = "127.0.0.1"
        assert admin.handle(request).status == 200


def test_malformed_requests_get_the_json_envelope(sandbox: SandboxHandle) -> None:
    port = int(sandbox.base_url.rsplit(":", 1)[1].split("/")[0])
    for raw, status in (
        (b"BREW /api/v1 HTTP/1.1\r\n\r\n", 501),
        (b"GET /a b HTTP/1.1\r\n\r\n", 400),
    ):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(raw)
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.split()[1] == str(status).encode()
        assert json.loads(body)["status"] == "FAIL"
    with httpx.Client(trust_env=False) as http:
        missing = http.get(sandbox.base_url.removesuffix("/api/v1") + "/nowhere")
        assert missing.status_code == 404 and missing.json()["errorCode"] == "NOT_FOUND"
        head = http.head(sandbox.base_url + "/agencies")
        assert head.status_code == 501 and head.content == b""
