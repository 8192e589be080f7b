"""The command line: ``python -m app [--data-dir DIR] [--db-url URL] COMMAND``.

A second front end over the same services as the GUI, so every use case is scriptable and testable
without a screen. Every failure ends with one line on stderr and a non-zero exit, never a traceback:
1 for a refusal or failure, 2 for a usage error, 3 for a bug (details in the log file).
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import APP_NAME, __version__
from app.cli_backup import add_backup_commands
from app.cli_doc import add_doc_commands
from app.cli_sync import add_sync_commands
from app.errors import AppError, UserCancelled
from app.messages import describe
from app.paths import default_data_dir
from app.services.workspace import Workspace, open_workspace

log = logging.getLogger("app.cli")

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
DEMO_SUBDIR = "demo"

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line reason (its default prints the whole usage too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: lỗi cú pháp: {message} (xem --help)\n")


def resolve_data_dir(args: argparse.Namespace, *, demo: bool = False) -> Path:
    if args.data_dir:
        return Path(args.data_dir).expanduser()
    base = default_data_dir()
    return base / DEMO_SUBDIR if demo else base


def _open(args: argparse.Namespace, *, demo: bool = False, migrate: bool = True) -> Workspace:

    return open_workspace(resolve_data_dir(args, demo=demo), db_url=args.db_url, migrate=migrate)


# --- commands ------------------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args, demo=args.demo)
    if args.demo:
        from app.services.demo import demo_exists, init_demo

        if not demo_exists(data_dir):
            init_demo(data_dir, db_url=args.db_url)
    from app.ui.application import run_gui  # Qt is imported only here

    return int(run_gui(data_dir=data_dir, db_url=args.db_url, demo=args.demo, argv=sys.argv[:1]))


def cmd_demo_init(args: argparse.Namespace) -> int:
    from app.services.demo import demo_exists, init_demo

    data_dir = resolve_data_dir(args, demo=True)
    if args.if_missing and demo_exists(data_dir):
        print(f"Không gian trình diễn đã có sẵn: {data_dir}")
        return EXIT_OK
    summary = init_demo(data_dir, db_url=args.db_url, softhsm=not args.no_softhsm)
    print(f"Đã tạo không gian trình diễn tại {data_dir}")
    for line in summary.lines():
        print(f"  {line}")
    return EXIT_OK


def cmd_token_list(args: argparse.Namespace) -> int:
    from app.cli_sign import cmd_token_list as run

    return run(args, resolve_data_dir(args, demo=args.demo))


def cmd_sign(args: argparse.Namespace) -> int:
    from app.cli_sign import cmd_sign as run

    return run(args, resolve_data_dir(args, demo=args.demo))


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.models.db import Database, create_db_engine, sqlite_url
    from app.models.schema import upgrade
    from app.services.workspace import DB_FILE, ensure_writable_dir

    data_dir = resolve_data_dir(args)
    ensure_writable_dir(data_dir)
    db = Database(create_db_engine(args.db_url or sqlite_url(data_dir / DB_FILE)))
    try:
        db.ping()
        before = upgrade(db, backup_dir=data_dir / "backups")
    finally:
        db.dispose()
    if before.up_to_date:
        print(f"Cơ sở dữ liệu đã ở phiên bản mới nhất ({before.head}).")
    else:
        print(f"Đã nâng cấp cơ sở dữ liệu: {before.current or 'trống'} → {before.head}.")
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    from app.models.db import Database, create_db_engine, sqlite_url
    from app.models.schema import schema_status
    from app.services.workspace import DB_FILE

    data_dir = resolve_data_dir(args)
    db = Database(create_db_engine(args.db_url or sqlite_url(data_dir / DB_FILE)))
    try:
        db.ping()
        status = schema_status(db)
    finally:
        db.dispose()
    print(json.dumps({"url": db.url, "current": status.current, "head": status.head}))
    return EXIT_OK if status.up_to_date else EXIT_FAIL


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.services.maintenance import verify_audit

    ws = _open(args, migrate=False)
    try:
        report = verify_audit(ws)
    finally:
        ws.close()
    if report.ok:
        print(f"Nhật ký kiểm tra toàn vẹn: {report.checked} sự kiện.")
        return EXIT_OK
    print(
        f"Nhật ký kiểm tra KHÔNG toàn vẹn: sự kiện #{report.first_bad_id} ({report.reason}).",
        file=sys.stderr,
    )
    return EXIT_FAIL


def cmd_store_check(args: argparse.Namespace) -> int:
    from app.services.maintenance import check_file_store

    ws = _open(args, migrate=False)
    try:
        report = check_file_store(ws)
    finally:
        ws.close()
    for digest in report.missing:
        print(f"thiếu (missing): {digest}")
    for digest in report.corrupt:
        print(f"hỏng (corrupt): {digest}")
    missing, corrupt = len(report.missing), len(report.corrupt)
    print(f"Đã kiểm tra {report.checked} tệp: {missing} thiếu, {corrupt} hỏng.")
    return EXIT_OK if report.ok else EXIT_FAIL


# --- parser --------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m app",
        description=f"{APP_NAME}: văn bản điện tử, ký số USB token, liên thông văn bản.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    parser.add_argument(
        "--db-url", help="URL cơ sở dữ liệu (SQLAlchemy), ví dụ PostgreSQL dùng chung"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    gui = sub.add_parser("gui", help="mở cửa sổ ứng dụng")
    gui.add_argument(
        "--demo", action="store_true", help="mở không gian trình diễn (tạo nếu chưa có)"
    )
    gui.set_defaults(handler=cmd_gui)

    demo = sub.add_parser("demo", help="không gian trình diễn").add_subparsers(
        dest="demo_command", metavar="ACTION", parser_class=_Parser
    )
    demo.required = True
    init = demo.add_parser("init", help="tạo không gian trình diễn với dữ liệu mẫu")
    init.add_argument("--if-missing", action="store_true", help="không làm gì nếu đã có")
    init.add_argument(
        "--no-softhsm", action="store_true", help="token trình diễn PKCS#12 thay cho SoftHSM2"
    )
    init.set_defaults(handler=cmd_demo_init)

    _add_token_commands(sub)
    _add_sign_command(sub)
    add_doc_commands(sub)
    add_sync_commands(sub)
    _add_report_commands(sub)
    _add_verify_commands(sub)

    db = sub.add_parser("db", help="cơ sở dữ liệu").add_subparsers(
        dest="db_command", metavar="ACTION", parser_class=_Parser
    )
    db.required = True
    db.add_parser("upgrade", help="nâng cấp lược đồ").set_defaults(handler=cmd_db_upgrade)
    db.add_parser("status", help="phiên bản lược đồ (JSON)").set_defaults(handler=cmd_db_status)

    audit = sub.add_parser("audit", help="nhật ký kiểm tra").add_subparsers(
        dest="audit_command", metavar="ACTION", parser_class=_Parser
    )
    audit.required = True
    audit.add_parser("verify", help="kiểm tra chuỗi băm").set_defaults(handler=cmd_audit_verify)

    store = sub.add_parser("store", help="kho tệp").add_subparsers(
        dest="store_command", metavar="ACTION", parser_class=_Parser
    )
    store.required = True
    store.add_parser("check", help="tìm tệp thiếu hoặc hỏng").set_defaults(handler=cmd_store_check)
    add_backup_commands(sub)
    return parser


def cmd_verify(args: argparse.Namespace) -> int:
    from app.reports.verification import render_verification_report
    from app.signing.verify.cli import cli_verify

    return cli_verify(
        args.rest, data_dir=resolve_data_dir(args), render_report=render_verification_report
    )


def cmd_trust_import(args: argparse.Namespace) -> int:
    from app.signing.verify.trust import default_trust_dir, import_trust_anchors

    result = import_trust_anchors([Path(f) for f in args.files], default_trust_dir(_dir(args)))
    for anchor in result.added:
        official = " (chứng thư gốc chính thức)" if anchor.official else ""
        print(f"đã nhập: {anchor.name}{official} SHA-256 {anchor.sha256.upper()}")
    for anchor in result.already_present:
        print(f"đã có sẵn: {anchor.name} SHA-256 {anchor.sha256.upper()}")
    for name, reason in result.rejected:
        print(f"từ chối {name}: {reason}", file=sys.stderr)
    accepted = result.added or result.already_present
    return EXIT_FAIL if result.rejected and not accepted else EXIT_OK


def cmd_trust_list(args: argparse.Namespace) -> int:
    from app.signing.verify.trust import TrustStore, default_trust_dir

    store = TrustStore.load(default_trust_dir(_dir(args)))
    if not store.anchors:
        print("Chưa nhập chứng thư gốc tin cậy nào (python -m app trust import FILE…).")
    for anchor in store.anchors:
        official = " [chính thức]" if anchor.official else ""
        print(f"{anchor.name}{official}  SHA-256 {anchor.sha256.upper()}")
    return EXIT_OK


def _dir(args: argparse.Namespace) -> Path:
    from app.services.workspace import ensure_writable_dir

    data_dir = resolve_data_dir(args)
    ensure_writable_dir(data_dir)
    return data_dir


def _add_verify_commands(sub: Any) -> None:
    verify = sub.add_parser(
        "verify",
        help="kiểm tra chữ ký số của tệp PDF (verify FILE.pdf [--json] [--offline] [--trust PEM…])",
        add_help=False,
    )
    verify.add_argument("rest", nargs=argparse.REMAINDER)
    verify.set_defaults(handler=cmd_verify)
    trust = sub.add_parser("trust", help="chứng thư gốc tin cậy").add_subparsers(
        dest="trust_command", metavar="ACTION", parser_class=_Parser
    )
    trust.required = True
    imp = trust.add_parser("import", help="nhập chứng thư gốc (.cer/.crt/.pem/.p7b)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.set_defaults(handler=cmd_trust_import)
    trust.add_parser("list", help="liệt kê chứng thư gốc đã nhập").set_defaults(
        handler=cmd_trust_list
    )


def _add_report_commands(sub: Any) -> None:
    # app.reports may not import app.services (layers): hand it the opener and the service.
    from app.reports.cli import add_report_commands
    from app.services import reports as report_service

    add_report_commands(sub, functools.partial(_open, migrate=False), report_service)


def _add_token_commands(sub: Any) -> None:
    token = sub.add_parser("token", help="USB token (PKCS#11)").add_subparsers(
        dest="token_command", metavar="ACTION", parser_class=_Parser
    )
    token.required = True
    listing = token.add_parser("list", help="liệt kê USB token và chứng thư số")
    listing.add_argument(
        "--module", action="append", metavar="PATH", help="trình điều khiển PKCS#11 (lặp lại được)"
    )
    listing.add_argument("--json", action="store_true", help="xuất JSON thay cho bảng")
    listing.add_argument("--demo", action="store_true", help="dùng không gian trình diễn")
    listing.set_defaults(handler=cmd_token_list)


def _add_sign_command(sub: Any) -> None:
    from app import cli_sign as C

    # allow_abbrev=False: "--pin 1234" must not be taken for "--pin-env 1234".
    sign = sub.add_parser("sign", help="ký số tệp PDF bằng USB token", allow_abbrev=False)
    sign.add_argument("input", nargs="?", metavar="IN.pdf", help="tệp PDF cần ký")
    sign.add_argument("--batch", metavar="IN_DIR", help="ký mọi tệp PDF trong thư mục")
    sign.add_argument("-o", "--output", required=True, metavar="OUT", help="tệp (thư mục) kết quả")
    sign.add_argument("--module", action="append", metavar="PATH", help="trình điều khiển PKCS#11")
    which = sign.add_mutually_exclusive_group(required=True)
    which.add_argument("--token-label", metavar="L", help="nhãn token (phải là duy nhất)")
    which.add_argument("--token-serial", metavar="S", help="số sê-ri token")
    sign.add_argument("--cert-id", required=True, type=C.hex_id, metavar="HEX", help="CKA_ID")
    sign.add_argument("--pin-env", type=C.env_name, metavar="VAR", help="biến môi trường chứa PIN")
    sign.add_argument("--pin", action=C.RefusePin, nargs="?", help=argparse.SUPPRESS)
    sign.add_argument("--role", choices=C.ROLES, default="leader", help="vai trò ký")
    sign.add_argument("--image", metavar="PNG", help="ảnh chữ ký hoặc con dấu")
    sign.add_argument("--page", type=int, metavar="N", help="trang (đếm từ 1)")
    sign.add_argument("--box", type=C.box, metavar="x1,y1,x2,y2", help="khung chữ ký (điểm PDF)")
    sign.add_argument("--level", choices=C.LEVELS, help="mức PAdES (mặc định B-T nếu có --tsa)")
    sign.add_argument("--tsa", metavar="URL", help="máy chủ dấu thời gian (RFC 3161)")
    sign.add_argument("--fill", type=C.fill, action="append", metavar="FIELD=VALUE")
    sign.add_argument("--main-number", metavar="TEXT", help="số, ký hiệu văn bản chính")
    sign.add_argument("--copy-form", choices=C.COPY_FORMS, help="hình thức bản sao")
    sign.add_argument("--trust", action="append", metavar="PEM", help="chứng thư CA (PEM)")
    sign.add_argument("--demo", action="store_true", help="dùng không gian trình diễn")
    sign.set_defaults(handler=cmd_sign)


def _start_logging(args: argparse.Namespace) -> None:
    """Log to the data folder's file when it can be written; never to the screen."""
    from app.logs import configure_logging

    demo = bool(getattr(args, "demo", False)) or getattr(args, "demo_command", None) is not None
    try:
        configure_logging(resolve_data_dir(args, demo=demo) / "logs")
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    _start_logging(args)
    try:
        return handler(args)
    except UserCancelled:
        return EXIT_FAIL
    except AppError as exc:
        log.warning("command failed: %s", exc.message)
        print(f"vbdt: {describe(exc)}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("vbdt: đã dừng theo yêu cầu", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: keep the traceback in the log, one line on screen
        log.exception("unexpected error")
        print(f"vbdt: {describe(exc)} (chi tiết trong tệp nhật ký)", file=sys.stderr)
        return EXIT_BUG
