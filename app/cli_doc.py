"""The ``doc`` commands: draft, sign, issue, export, receive, register, assign, process, search.

Parse, call ``app.services.documents``, print (one Vietnamese line, or JSON with ``--json``).
Every command acts as a named person: ``--as USERNAME``, else the ``VBDT_USER`` variable.
Refusals are ``app.errors`` exceptions that ``app.cli.main`` turns into one line and exit 1. No
use-case logic here, never a PIN on the command line, and the token layer and pyhanko are imported
only by ``doc sign`` / ``doc issue`` / ``doc receive``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import cli_sign as C
from app.domain.queues import Queue

if TYPE_CHECKING:
    from app.services.documents import TokenJob
    from app.services.workspace import Workspace

EXIT_OK = 0
SECRECY = ("none", "mat", "toi-mat", "tuyet-mat")
QUEUES = tuple(queue.value for queue in Queue)  # the sidebar's groups and sub-queues
DEMO_IMAGES = {"leader": "chu-ky-lanh-dao.png", "agency": "con-dau-co-quan.png"}


# --- argument types ------------------------------------------------------------------------------
def day(value: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError("ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy")


def codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


# --- shared set-up -------------------------------------------------------------------------------
@contextmanager
def _workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    from app.cli import resolve_data_dir
    from app.services.workspace import open_workspace

    ws = open_workspace(resolve_data_dir(args, demo=args.demo), db_url=args.db_url)
    try:
        yield ws
    finally:
        ws.close()


def _user(args: argparse.Namespace) -> str:
    from app.services.documents import username_from

    return username_from(args.as_user)


def _print(args: argparse.Namespace, result: Any, line: str) -> int:
    from app.services.documents import to_json

    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print(line)
    return EXIT_OK


def _doc_line(info: Any, what: str, status: str | None = None) -> str:
    code = f" {info.code}" if info.code else ""
    queued = f"; xếp trạng thái {status} vào hộp thư đi" if status else ""
    return f"Văn bản #{info.id}{code}: {what} (trạng thái: {info.state_label}{queued})."


@contextmanager
def _token_job(ws: Workspace, args: argparse.Namespace, role: str) -> Iterator[TokenJob]:
    """A signer from ``--module/--token-serial/--cert-id/--pin-env`` as in ``sign``; in a demo
    workspace the demo token of ``role`` (and its image) when they are not given."""
    from app import settings as S
    from app.errors import InvalidInput
    from app.services import signing as G
    from app.services import tokens as T
    from app.services.documents import TokenJob
    from app.signing.pades import Level
    from app.signing.tokens import EnvPinPrompter, TtyPinPrompter

    demo = T.load_demo_token_config(ws.data_dir)
    setting: list[Any] = ws.settings.get(S.TOKEN_MODULES)
    configured = [str(m) for m in setting]
    choices = T.choose_modules(args.module or (), configured=configured, demo=demo)
    modules = [m.path for m in choices if m.problem is None or m.source != "found"]
    if not modules:
        raise T.NoTokenModules("no PKCS#11 driver given (--module), configured or found")
    T.activate_demo_softhsm(demo, modules)
    cert_id, label, serial, image = args.cert_id, args.token_label, args.token_serial, args.image
    token = next((t for t in demo.tokens if t.role == role), None) if demo else None
    if token is not None and cert_id is None and not (label or serial):
        cert_id, serial = token.cka_id, token.serial
        shipped = ws.data_dir / "demo-images" / DEMO_IMAGES[role]
        image = image or (str(shipped) if shipped.is_file() else None)
    if cert_id is None or not (label or serial):
        raise InvalidInput("cần --cert-id và --token-label/--token-serial (xem: token list)")
    options = G.SignOptions(
        level=Level(args.level) if args.level else None,
        image=Path(image) if image else None,
        tsa_url=args.tsa,
        trust=G.load_certificates([Path(p) for p in args.trust or ()]),
    )
    prompter = EnvPinPrompter(args.pin_env) if args.pin_env else TtyPinPrompter()
    with T.TokenHub(attempts_file=T.attempts_file_for(ws.data_dir)) as hub:
        source = G.signer_source(
            hub, modules, cert_id=cert_id, label=label, serial=serial, demo=demo,
            extra_chain=options.trust,
        )  # fmt: skip
        yield TokenJob(source, prompter, options)


# --- commands ------------------------------------------------------------------------------------
def cmd_new(args: argparse.Namespace) -> int:
    from app.domain.types import Secrecy
    from app.services.documents import DraftInput, create_draft

    draft = DraftInput(
        pdf=Path(args.file), kind=args.kind, subject=args.subject, recipients=tuple(args.to),
        urgency=args.urgency, secrecy=Secrecy(args.secrecy), due_date=args.due, unit=args.unit,
        attachments=tuple(Path(p) for p in args.attach or ()),
    )  # fmt: skip
    with _workspace(args) as ws:
        result = create_draft(ws, _user(args), draft)
    return _print(args, result, _doc_line(result.document, "đã tạo dự thảo"))


def _simple(name: str, what: str, *extra: str) -> Callable[[argparse.Namespace], int]:
    """A step that takes the document and, maybe, ``--reason`` / ``--note``."""

    def run(args: argparse.Namespace) -> int:
        from app.services import documents as D

        with _workspace(args) as ws:
            values = [getattr(args, field) or "" for field in extra]
            result = getattr(D, name)(ws, _user(args), args.id, *values)
        info = result.document
        if name == "register":
            what_done = f"{what}, số đến {info.register_number:02d}"
        else:
            what_done = what
        return _print(args, result, _doc_line(info, what_done, result.status_sent))

    return run


def cmd_sign(args: argparse.Namespace) -> int:
    from app.services.documents import sign

    with _workspace(args) as ws, _token_job(ws, args, "leader") as job:
        result = sign(ws, _user(args), args.id, job)
    what = f"đã ký bởi {result.document.signer_name}"
    return _print(args, result, _doc_line(result.document, what))


def cmd_issue(args: argparse.Namespace) -> int:
    from app.services.documents import issue

    with _workspace(args) as ws:
        if args.no_token:
            result = issue(ws, _user(args), args.id, None, send=not args.no_send)
        else:
            with _token_job(ws, args, "agency") as job:
                result = issue(ws, _user(args), args.id, job, send=not args.no_send)
    what = f"đã phát hành, số {result.number:02d}"
    what += ", gói tin đã xếp vào hộp thư đi" if result.outbox_ids else ""
    what += ", cần gửi kèm bản giấy (doc paper-sent)" if result.paper_copy else ""
    return _print(args, result, _doc_line(result.document, what))


def cmd_receive(args: argparse.Namespace) -> int:
    from app.services.documents import ReceiveOutcome, receive_file

    with _workspace(args) as ws:
        result = receive_file(ws, _user(args), Path(args.file))
    info = result.document
    if not isinstance(result, ReceiveOutcome):
        what = f"ghi nhận trạng thái {result.status_code} của {result.from_code} ({result.applied})"
        return _print(args, result, _doc_line(info, what))
    if result.duplicate:
        return _print(args, result, _doc_line(info, "đã có, không ghi lại"))
    what = f"đã nhận từ {info.sender_name or info.sender_code}"
    lines = [_doc_line(info, what, result.status_sent)]
    lines += [f"  {f.name}: {f.note}" for f in result.files]
    if not result.addressed_to_us:
        lines.append("  Lưu ý: gói tin không gửi tới cơ quan này (có thể trả lại).")
    return _print(args, result, "\n".join(lines))


def cmd_recheck(args: argparse.Namespace) -> int:
    from app.services.documents import verify_again

    with _workspace(args) as ws:
        result = verify_again(ws, _user(args), args.id)
    lines = [_doc_line(result.document, "đã kiểm tra lại chữ ký")]
    lines += [f"  {f.name}: {f.note}" for f in result.files]
    return _print(args, result, "\n".join(lines))


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.documents import export_document

    with _workspace(args) as ws:
        result = export_document(ws, _user(args), args.id, Path(args.output))
    return _print(args, result, f"Đã xuất gói tin văn bản #{result.document_id}: {result.path}")


def cmd_assign(args: argparse.Namespace) -> int:
    from app.services.documents import assign

    with _workspace(args) as ws:
        result = assign(
            ws, _user(args), args.id, args.lead, co_handlers=args.co or (),
            deadline=args.deadline, working_days=args.days, opinion=args.opinion or "",
        )  # fmt: skip
    line = _doc_line(result.document, f"đã phân công cho {args.lead}", result.status_sent)
    return _print(args, result, line)


def cmd_recall_answer(args: argparse.Namespace) -> int:
    from app.services.documents import answer_recall

    with _workspace(args) as ws:
        result = answer_recall(ws, _user(args), args.id, agree=args.agree, reason=args.reason)
    what = "đồng ý thu hồi" if args.agree else "từ chối thu hồi"
    return _print(args, result, _doc_line(result.document, what, result.status_sent))


def cmd_list(args: argparse.Namespace) -> int:
    from app.domain.queues import STATE_LABELS, Queue
    from app.services.documents import search_documents, sign_in

    with _workspace(args) as ws:
        sign_in(ws, _user(args))
        rows = search_documents(
            ws, args.search or "", queue=Queue(args.queue) if args.queue else None,
            year=args.year, kind=args.kind, sender=args.sender,
            paper_pending=args.paper_pending, limit=args.limit,
        )  # fmt: skip
    lines = [
        f"#{r.id:<6} {STATE_LABELS[r.state]:<18} {r.code or '-':<18} "
        f"{r.issue_date.strftime('%d/%m/%Y') if r.issue_date else '':<10} {r.subject[:70]}"
        for r in rows
    ]
    return _print(args, rows, "\n".join(lines) or "Không có văn bản nào.")


def cmd_show(args: argparse.Namespace) -> int:
    from app.services.documents import document_details, sign_in

    with _workspace(args) as ws:
        sign_in(ws, _user(args))
        details = document_details(ws, args.id)
    d = details.document
    current = {f.id for f in details.files if f.current}
    lines = [_doc_line(d, d.subject), f"  Loại: {d.kind}; nơi gửi: {d.sender_name or '-'}"]
    lines += [f"  Tệp: {f.name} ({f.sha256[:12]}…)" for f in details.files if f.current]
    lines += [
        f"  Chữ ký: {s.signer_name or '?'} — {s.verdict or 'đã ký'}"
        for s in details.signatures
        if s.file_id in current
    ]
    lines += [f"  {details.signature_note}"] if details.signature_note else []
    lines += [f"  Nơi nhận {x.recipient_code}: {x.label}" for x in details.deliveries]
    return _print(args, details, "\n".join(lines))


# --- parser --------------------------------------------------------------------------------------
def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--as", dest="as_user", metavar="USERNAME", help="người thực hiện")
    common.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    common.add_argument("--demo", action="store_true", help="dùng không gian trình diễn")
    return common


def _token_options() -> argparse.ArgumentParser:
    opts = argparse.ArgumentParser(add_help=False)
    opts.add_argument("--module", action="append", metavar="PATH", help="trình điều khiển PKCS#11")
    which = opts.add_mutually_exclusive_group()
    which.add_argument("--token-label", metavar="L", help="nhãn token")
    which.add_argument("--token-serial", metavar="S", help="số sê-ri token")
    opts.add_argument("--cert-id", type=C.hex_id, metavar="HEX", help="CKA_ID của chứng thư")
    opts.add_argument("--pin-env", type=C.env_name, metavar="VAR", help="biến môi trường chứa PIN")
    opts.add_argument("--pin", action=C.RefusePin, nargs="?", help=argparse.SUPPRESS)
    opts.add_argument("--image", metavar="PNG", help="ảnh chữ ký / con dấu")
    opts.add_argument("--level", choices=C.LEVELS, help="mức PAdES")
    opts.add_argument("--tsa", metavar="URL", help="máy chủ dấu thời gian")
    opts.add_argument("--trust", action="append", metavar="PEM", help="chứng thư CA (PEM)")
    return opts


def add_doc_commands(sub: Any) -> None:
    """Add ``doc ACTION ...`` to the main parser's subcommands."""
    top = sub.add_parser("doc", help="văn bản đi, văn bản đến, tìm kiếm")
    actions = top.add_subparsers(dest="doc_command", metavar="ACTION", parser_class=type(top))
    actions.required = True
    common, token = _common(), _token_options()

    def add(
        name: str,
        run: Callable[[argparse.Namespace], int],
        text: str,
        *options: str,
        doc_id: bool = True,
        signing: bool = False,
    ) -> argparse.ArgumentParser:
        # allow_abbrev=False: "--pin 1234" must not be taken for "--pin-env 1234".
        parser: argparse.ArgumentParser = actions.add_parser(
            name, help=text, parents=[common, token] if signing else [common], allow_abbrev=False
        )
        if doc_id:
            parser.add_argument("id", type=int, metavar="ID", help="số hiệu văn bản (#)")
        for option in options:  # --reason is required where given, --note is optional
            parser.add_argument(f"--{option}", required=option == "reason", metavar="TEXT")
        parser.set_defaults(handler=run)
        return parser

    new = add("new", cmd_new, "soạn dự thảo văn bản đi", doc_id=False)
    new.add_argument("file", metavar="FILE.pdf")
    new.add_argument("--kind", required=True, help="loại văn bản: QĐ, CV, TB, KH …")
    new.add_argument("--subject", required=True, help="trích yếu")
    new.add_argument("--to", type=codes, default=[], metavar="CODE,…", help="mã định danh nơi nhận")
    new.add_argument("--urgency", type=int, choices=range(5), default=0, help="độ khẩn 0–4")
    new.add_argument("--secrecy", choices=SECRECY, default="none", help="độ mật")
    new.add_argument("--due", type=day, metavar="DATE", help="hạn trả lời (DueDate)")
    new.add_argument("--unit", metavar="ABBR", help="đơn vị soạn thảo (công văn: UBND-VP)")
    new.add_argument("--attach", action="append", metavar="FILE", help="văn bản kèm theo")
    add("submit", _simple("submit", "đã trình ký"), "trình ký")
    add("return", _simple("return_draft", "đã trả lại", "reason"), "trả lại dự thảo", "reason")
    add("approve", _simple("approve", "đã duyệt"), "duyệt (không ký số tại đây)")
    add("sign", cmd_sign, "lãnh đạo ký số (USB token)", signing=True)
    issue = add("issue", cmd_issue, "phát hành: số, ngày, chữ ký cơ quan, gửi", signing=True)
    issue.add_argument("--no-send", action="store_true", help="không xếp gói tin vào hộp thư đi")
    issue.add_argument("--no-token", action="store_true", help="văn bản mật: chỉ cấp số, bản giấy")
    add("cancel", _simple("cancel", "đã hủy (giữ số)", "reason"), "hủy phát hành", "reason")
    add("export", cmd_export, "xuất gói tin edXML").add_argument(
        "-o", "--output", required=True, metavar="FILE.edxml"
    )
    add("recall", _simple("recall", "đã yêu cầu thu hồi", "reason"), "thu hồi", "reason")
    add("paper-sent", _simple("confirm_paper_copy", "đã xác nhận gửi bản giấy"), "đã gửi bản giấy")
    add("receive", cmd_receive, "tiếp nhận tệp gói tin edXML", doc_id=False).add_argument(
        "file", metavar="FILE.edxml"
    )
    add("recheck", cmd_recheck, "kiểm tra lại chữ ký số của văn bản đến")
    add("register", _simple("register", "đã vào sổ"), "vào sổ văn bản đến")
    add("reject", _simple("reject", "đã trả lại nơi gửi", "reason"), "từ chối tiếp nhận", "reason")
    assign = add("assign", cmd_assign, "phân công xử lý")
    assign.add_argument("--lead", required=True, metavar="USERNAME", help="người chủ trì")
    assign.add_argument("--co", type=codes, metavar="U,…", help="người phối hợp")
    when = assign.add_mutually_exclusive_group()
    when.add_argument("--deadline", type=day, metavar="DATE", help="hạn xử lý")
    when.add_argument("--days", type=int, metavar="N", help="hạn: N ngày làm việc")
    assign.add_argument("--opinion", metavar="TEXT", help="ý kiến chỉ đạo")
    add("progress", _simple("progress", "đã cập nhật tiến độ", "note"), "xử lý, tiến độ", "note")
    add("complete", _simple("complete", "đã hoàn thành", "note"), "hoàn thành", "note")
    answer = add("recall-answer", cmd_recall_answer, "trả lời yêu cầu thu hồi")
    choice = answer.add_mutually_exclusive_group(required=True)
    choice.add_argument("--agree", action="store_true", dest="agree")
    choice.add_argument("--refuse", action="store_false", dest="agree")
    answer.add_argument("--reason", metavar="TEXT", help="lý do (bắt buộc khi từ chối)")
    listing = add("list", cmd_list, "danh sách, tìm kiếm văn bản", doc_id=False)
    listing.add_argument("--queue", choices=QUEUES)
    listing.add_argument("--search", metavar="TEXT", help="tìm không dấu")
    listing.add_argument("--year", type=int)
    listing.add_argument("--kind", metavar="KIND")
    listing.add_argument("--sender", metavar="CODE|TEXT")
    listing.add_argument("--paper-pending", action="store_true", help="chờ xác nhận bản giấy")
    listing.add_argument("--limit", type=int, default=200)
    add("show", cmd_show, "chi tiết một văn bản")
