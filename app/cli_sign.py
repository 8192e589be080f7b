"""The ``token`` and ``sign`` commands: parse, call ``app.services.tokens`` / ``.signing``, print.

Kept apart from ``app.cli`` so the rest of the command line stays small and fast to import: the
token layer and pyhanko are imported only when one of these commands runs. No use-case logic
here (it is shared with the GUI in the services) and never a PIN: it comes from an environment
variable named on the command line, or from the terminal without echo.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import AppError
from app.messages import describe, sentence_for

if TYPE_CHECKING:
    from app.services.signing import SignerSource, SignOptions, SignOutcome
    from app.services.tokens import DemoTokenConfig, ModuleListing
    from app.signing.tokens import CertificateInfo, PinPrompter

EXIT_OK, EXIT_FAIL = 0, 1
ROLES = ("leader", "agency", "attachment", "copy")
LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")
COPY_FORMS = ("SY", "SL", "TrS")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


# --- argument types (a bad value is a usage error: exit 2, one line) ------------------------------
def env_name(value: str) -> str:
    if not _ENV_NAME.match(value):
        # Never echo the value: somebody may have typed the PIN itself.
        raise argparse.ArgumentTypeError(
            "cần TÊN một biến môi trường chứa mã PIN (ví dụ VBDT_PIN), không phải mã PIN"
        )
    return value


def box(value: str) -> tuple[float, float, float, float]:
    try:
        x1, y1, x2, y2 = (float(v) for v in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            "cần x1,y1,x2,y2 (điểm PDF, gốc ở góc dưới trái)"
        ) from None
    if x2 <= x1 or y2 <= y1:
        raise argparse.ArgumentTypeError("cần x1 < x2 và y1 < y2")
    return x1, y1, x2, y2


def fill(value: str) -> tuple[str, str]:
    name, sep, text = value.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError("cần TÊN_TRƯỜNG=GIÁ_TRỊ")
    return name.strip(), text


def hex_id(value: str) -> bytes:
    try:
        return bytes.fromhex(re.sub(r"[\s:]", "", value))
    except ValueError:
        raise argparse.ArgumentTypeError("CKA_ID phải là chuỗi hex, ví dụ de00000001") from None


class RefusePin(argparse.Action):
    """``--pin`` exists only to refuse it without echoing the value."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        parser.error(
            "không nhận mã PIN trên dòng lệnh (lộ trong lịch sử lệnh và danh sách tiến trình); "
            "dùng --pin-env TÊN_BIẾN hoặc nhập khi được hỏi"
        )


# --- shared set-up -------------------------------------------------------------------------------
def _workspace(data_dir: Path) -> tuple[DemoTokenConfig | None, list[str]]:
    """The demo token description (demo workspaces) and the configured drivers."""
    from app import settings as S
    from app.services.tokens import load_demo_token_config
    from app.settings import Settings

    return load_demo_token_config(data_dir), Settings(data_dir).get(S.TOKEN_MODULES)


# --- token list ----------------------------------------------------------------------------------
def cmd_token_list(args: argparse.Namespace, data_dir: Path) -> int:
    from app.services import tokens as T

    demo, configured = _workspace(data_dir)
    modules = T.choose_modules(args.module or (), configured=configured, demo=demo)
    if not modules:
        raise T.NoTokenModules("no PKCS#11 driver given (--module), configured or found")
    T.activate_demo_softhsm(demo, [m.path for m in modules])
    with T.TokenHub(attempts_file=T.attempts_file_for(data_dir)) as hub:
        listings = T.list_tokens(hub, modules, demo=demo)
    if args.json:
        print(json.dumps(listing_json(listings), ensure_ascii=False, indent=2))
    else:
        print("\n".join(listing_lines(listings)))
    if all(m.error for m in listings):
        print("vbdt: không dùng được trình điều khiển USB token nào (xem ở trên).", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK


def certificate_json(cert: CertificateInfo) -> dict[str, Any]:
    """The shared certificate fields, plus what a person reading ``--json`` wants: expiry."""
    from app.signing.tokens.report import certificate_dict

    data = certificate_dict(cert)
    problems = data.pop("problems")  # keep it last, after the expiry fields
    data["expired"] = any(p.code.value == "cert_expired" for p in cert.problems)
    data["expiring_soon"] = any(p.code.value == "cert_expiring_soon" for p in cert.problems)
    data["days_left"] = next((p.days_left for p in cert.problems if p.days_left is not None), None)
    data["problems"] = problems
    return data


def listing_json(listings: tuple[ModuleListing, ...]) -> list[dict[str, Any]]:
    """``token list --json``: the shape of ``token_list_report`` plus source, demo and expiry."""
    from app.services.tokens import NOT_A_REAL_TOKEN

    return [
        {
            "module": m.module.path,
            "source": m.module.source,
            "vendor": m.module.vendor,
            "demo": m.module.demo,
            "error": m.error,
            "error_code": m.error_code,
            "tokens": [
                {
                    "label": t.label,
                    "serial": t.serial,
                    "manufacturer": t.manufacturer,
                    "model": t.model,
                    "slot_id": t.slot_id,
                    "flags": list(t.flags),
                    "pin_state": t.pin_state,
                    "protected_auth_path": t.protected_auth_path,
                    "demo": t.demo,
                    "note": NOT_A_REAL_TOKEN if t.demo else None,
                    "error": t.error,
                    "certificates": [certificate_json(c) for c in t.certificates],
                }
                for t in m.tokens
            ],
        }
        for m in listings
    ]


_PIN_WORDS = {
    "ok": "bình thường",
    "count_low": "đã có lần nhập sai",
    "final_try": "CÒN 1 LẦN THỬ",
    "locked": "ĐÃ KHÓA",
}
_SHORT = {
    "cert_expired": "ĐÃ HẾT HẠN",
    "cert_not_yet_valid": "chưa có hiệu lực",
    "cert_no_signing_usage": "không dùng để ký",
    "cert_is_ca": "chứng thư CA",
    "cert_no_key": "không có khóa",
}


def _status(cert: CertificateInfo) -> str:
    words = []
    for p in cert.problems:
        if p.code.value == "cert_expiring_soon":
            words.append(f"SẮP HẾT HẠN (còn {p.days_left} ngày)")
        else:
            words.append(_SHORT.get(p.code.value, p.code.value))
    return "; ".join(words) or "dùng được"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def listing_lines(listings: tuple[ModuleListing, ...]) -> list[str]:
    """The human-readable ``token list``: per driver, per token, a table of certificates."""
    from app.services.tokens import NOT_A_REAL_TOKEN

    out: list[str] = []
    for m in listings:
        tags = ", ".join(t for t in (m.module.vendor, "trình diễn" if m.module.demo else "") if t)
        out.append(f"Trình điều khiển: {m.module.path}" + (f" ({tags})" if tags else ""))
        if m.error:
            out.append(f"  LỖI: {m.error}")
        elif not m.tokens:
            out.append("  Không có USB token nào được cắm.")
        for t in m.tokens:
            demo = f"  [{NOT_A_REAL_TOKEN}]" if t.demo else ""
            out.append(
                f"  Token “{t.label}” — số sê-ri {t.serial} — {t.manufacturer} {t.model} — "
                f"PIN: {_PIN_WORDS.get(t.pin_state, t.pin_state)}{demo}"
            )
            if t.error:
                out.append(f"    LỖI: {t.error}")
            if not t.certificates:
                out.append("    (không có chứng thư số)")
                continue
            rows = [["CKA_ID", "Chủ thể", "Tổ chức cấp", "Hiệu lực", "Tình trạng"]]
            for c in t.certificates:
                valid = f"{c.not_before:%d/%m/%Y} – {c.not_after:%d/%m/%Y}"
                rows.append([c.cka_id_hex or "-", c.subject_cn, c.issuer_cn, valid, _status(c)])
            table = _table(rows)
            out += [f"    {line}" for line in table[:1]]
            for c, line in zip(t.certificates, table[1:], strict=True):
                out += [f"    {line}", f"      Chủ thể: {c.subject}", f"      Cấp bởi: {c.issuer}"]
                out += [f"      ⚠ {p.message}" for p in c.problems if p.code.value != "cert_is_ca"]
        out.append("")
    return out[:-1] if out and out[-1] == "" else out


# --- sign ----------------------------------------------------------------------------------------
def cmd_sign(args: argparse.Namespace, data_dir: Path) -> int:
    from app.errors import InvalidInput
    from app.services import signing as G
    from app.services import tokens as T
    from app.signing.pades import CopyForm, Level, Role
    from app.signing.tokens import EnvPinPrompter, TtyPinPrompter

    if bool(args.input) == bool(args.batch):
        raise InvalidInput("give either IN.pdf or --batch IN_DIR")
    demo, configured = _workspace(data_dir)
    choices = T.choose_modules(args.module or (), configured=configured, demo=demo)
    modules = [m.path for m in choices if m.problem is None or m.source != "found"]
    if not modules:
        raise T.NoTokenModules("no PKCS#11 driver given (--module), configured or found")
    T.activate_demo_softhsm(demo, modules)
    forms = dict(
        zip(COPY_FORMS, (CopyForm.SAO_Y, CopyForm.SAO_LUC, CopyForm.TRICH_SAO), strict=True)
    )
    options = G.SignOptions(
        role=Role(args.role),
        level=Level(args.level) if args.level else None,
        image=Path(args.image) if args.image else None,
        page=args.page,
        box=args.box,
        tsa_url=args.tsa,
        fill=dict(args.fill or ()),
        main_number=args.main_number,
        copy_form=forms[args.copy_form] if args.copy_form else None,
        trust=G.load_certificates([Path(p) for p in args.trust or ()]),
    )
    prompter: PinPrompter = EnvPinPrompter(args.pin_env) if args.pin_env else TtyPinPrompter()
    with T.TokenHub(attempts_file=T.attempts_file_for(data_dir)) as hub:
        source = G.signer_source(
            hub, modules, cert_id=args.cert_id, label=args.token_label, serial=args.token_serial,
            demo=demo, extra_chain=options.trust,
        )  # fmt: skip
        if args.batch:
            return _sign_batch(source, prompter, Path(args.batch), Path(args.output), options)
        outcome = G.sign_pdf(source, prompter, Path(args.input), Path(args.output), options)
    fake = "" if outcome.real_token else f" [{T.NOT_A_REAL_TOKEN}]"
    level = outcome.level.value if outcome.level else "?"
    print(
        f"Đã ký: {outcome.output} — mức {level}, người ký {outcome.signer}, "
        f"token “{outcome.token_label}”{fake}"
    )
    _warn_pending([outcome], options.effective_level.value)
    return EXIT_OK


def _sign_batch(
    source: SignerSource, prompter: PinPrompter, in_dir: Path, out_dir: Path, options: SignOptions
) -> int:
    from app.services.signing import sign_folder

    def emit(item: SignOutcome) -> None:
        print(json.dumps(outcome_json(item), ensure_ascii=False), flush=True)

    batch = sign_folder(source, prompter, in_dir, out_dir, options, progress=emit)
    for item in batch.items:
        if item.error_code == "not_run":
            emit(item)
    _warn_pending(list(batch.items), options.effective_level.value)
    failed = [i for i in batch.items if not i.ok]
    if not failed:
        return EXIT_OK
    why = ""
    if batch.stopped_by:
        why = f"; dừng vì: {sentence_for(batch.stopped_by) or batch.stopped_by}"
    print(
        f"vbdt: {len(failed)}/{len(batch.items)} tệp chưa ký được{why} "
        "(chạy lại cùng lệnh để ký tiếp: tệp đã ký được bỏ qua)",
        file=sys.stderr,
    )
    return EXIT_FAIL


def outcome_json(item: SignOutcome) -> dict[str, Any]:
    """One ``sign --batch`` line: file, ok, output, error, level, pending_timestamp, skipped."""
    error = None
    if not item.ok:
        if item.error_code == "not_run":
            error = "chưa ký: lô bị dừng trước tệp này"
        else:
            error = describe(_Coded(item.error_code or "signing_error", item.error or ""))
    return {
        "file": str(item.source),
        "ok": item.ok,
        "output": str(item.output) if item.ok else None,
        "error": error,
        "level": item.level.value if item.level else None,
        "pending_timestamp": item.pending_timestamp,
        "skipped": item.skipped,
    }


class _Coded(AppError):
    """An error code and message from a batch item, for ``describe``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _warn_pending(items: list[SignOutcome], requested: str) -> None:
    for item in items:
        if item.ok and item.pending_timestamp:
            print(
                f"vbdt: lưu ý: {item.output}: đã ký nhưng chưa có dấu thời gian (không kết nối "
                f"được máy chủ dấu thời gian); chữ ký đang ở mức B-B thay vì {requested}, "
                "hãy bổ sung khi có mạng.",
                file=sys.stderr,
            )
        elif item.ok and item.pending_validation:
            print(
                f"vbdt: lưu ý: {item.output}: đã ký nhưng chưa lấy được thông tin trạng thái "
                f"chứng thư (OCSP/CRL) cho mức {requested}; hãy bổ sung khi có mạng.",
                file=sys.stderr,
            )
