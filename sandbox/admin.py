"""The trainer's window into the sandbox: an HTML page at ``/admin`` and the fault switchboard.

``GET /admin`` lists agencies, recent traffic, pending packages and active faults (Vietnamese,
every value escaped). ``GET/POST/DELETE /admin/faults[/{id}]`` and ``GET /admin/traffic`` are
JSON for tests and drills. Admin is unauthenticated, so it answers loopback clients only, even
when the server listens on the network. Secrets never appear here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import UTC

from sandbox.accounts import Accounts
from sandbox.api import Request
from sandbox.faults import FaultBoard, parse_fault
from sandbox.ledger import Ledger
from sandbox.traffic import TrafficLog
from sandbox.wire import (
    BAD_REQUEST,
    FORBIDDEN,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    ApiError,
    Response,
    fail,
    ok,
)

_FAULT_ID = re.compile(r"^/admin/faults/(\d+)$")


def is_loopback(ip: str) -> bool:
    return ip.startswith("127.") or ip in ("::1", "::ffff:127.0.0.1")


class AdminApi:
    def __init__(
        self, accounts: Accounts, ledger: Ledger, faults: FaultBoard, traffic: TrafficLog
    ) -> None:
        self._accounts = accounts
        self._ledger = ledger
        self._faults = faults
        self._traffic = traffic

    def handle(self, req: Request) -> Response:
        try:
            if not is_loopback(req.client_ip):
                raise ApiError(FORBIDDEN, "the admin pages answer the local machine only")
            return self._dispatch(req)
        except ApiError as error:
            return fail(error)

    def _dispatch(self, req: Request) -> Response:
        path = req.path.rstrip("/") or "/"
        if path == "/admin" and req.method == "GET":
            body = self.render().encode("utf-8")
            return Response(200, {"Content-Type": "text/html; charset=utf-8"}, body)
        if path == "/admin/traffic" and req.method == "GET":
            return ok([e.as_json() for e in self._traffic.recent(300)])
        if path == "/admin/faults":
            if req.method == "GET":
                return ok(self._faults.describe())
            if req.method == "POST":
                return self._add_faults(req)
            if req.method == "DELETE":
                self._faults.clear()
                return ok([])
            raise ApiError(METHOD_NOT_ALLOWED, f"{req.method} is not allowed here")
        match = _FAULT_ID.match(path)
        if match and req.method == "DELETE":
            if not self._faults.remove(int(match.group(1))):
                raise ApiError(NOT_FOUND, f"no fault {match.group(1)}")
            return ok(self._faults.describe())
        raise ApiError(NOT_FOUND, f"no such admin page: {path}")

    def _add_faults(self, req: Request) -> Response:
        data = req.json()
        specs = data.get("specs", [data["spec"]] if "spec" in data else [])
        if not isinstance(specs, list) or not specs or not all(isinstance(s, str) for s in specs):
            raise ApiError(BAD_REQUEST, 'send {"spec": "status=503"} or {"specs": [...]}')
        try:
            faults = [parse_fault(spec) for spec in specs]
        except ValueError as exc:
            raise ApiError(BAD_REQUEST, str(exc)) from None
        ids = [self._faults.add(fault) for fault in faults]
        return ok({"ids": ids, "faults": self._faults.describe()})

    # --- the page --------------------------------------------------------------------------------
    def render(self) -> str:
        agencies = [(a.code, a.name, a.parent or "") for a in self._accounts.agencies()]
        traffic = [
            (
                e.at.astimezone(UTC).strftime("%H:%M:%S"),
                e.system_id,
                e.method,
                e.path,
                "ngắt kết nối" if e.status is None else str(e.status),
                f"{e.bytes_in} / {e.bytes_out}",
                e.note,
            )
            for e in self._traffic.recent(100)
        ]
        pending = [
            (
                m.doc_id,
                "văn bản" if m.message_type == "edoc" else "trạng thái",
                m.sender,
                m.recipient,
                m.summary,
                str(m.size),
                m.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            )
            for m in self._ledger.pending(100)
        ]
        faults = [(str(f["id"]), str(f["spec"]), str(f["matched"]), str(f["fired"])) for f in
                  self._faults.describe()]  # fmt: skip
        sections = [
            _table(
                "Cơ quan kết nối", ("Mã định danh", "Tên cơ quan", "Cơ quan cấp trên"), agencies
            ),
            _table(
                "Giao dịch gần đây (giờ UTC)",
                (
                    "Thời gian",
                    "Hệ thống",
                    "Phương thức",
                    "Đường dẫn",
                    "Mã trạng thái",
                    "Byte vào / ra",
                    "Ghi chú",
                ),
                traffic,
            ),  # fmt: skip
            _table(
                "Gói tin chờ nhận",
                (
                    "Mã gói tin",
                    "Loại",
                    "Gửi từ",
                    "Gửi đến",
                    "Trích yếu / nội dung",
                    "Kích thước (byte)",
                    "Thời điểm (UTC)",
                ),
                pending,
            ),  # fmt: skip
            _table(
                "Lỗi giả lập đang bật", ("Số", "Mô tả", "Số lần khớp", "Số lần gây lỗi"), faults
            ),
        ]
        return _PAGE.format(body="\n".join(sections))


def _table(title: str, headings: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(h)}</th>" for h in headings)
    lines = ["<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows]
    if not lines:
        lines = [f'<tr><td colspan="{len(headings)}" class="empty">(không có)</td></tr>']
    return (
        f"<h2>{esc(title)}</h2>\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(lines)
        + "\n</tbody>\n</table>"
    )


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>Trục liên thông thử nghiệm (sandbox)</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; margin-bottom: 1.5em; }}
th, td {{ border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }}
th {{ background: #eee; }}
td.empty {{ color: #888; }}
</style>
</head>
<body>
<h1>Trục liên thông thử nghiệm (sandbox)</h1>
<p>Dữ liệu chỉ dùng để trình diễn và đào tạo. Trang tự làm mới sau 5 giây.</p>
{body}
</body>
</html>
"""
