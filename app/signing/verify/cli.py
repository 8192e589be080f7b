"""``python -m app verify FILE.pdf [--json] [--offline] [--trust PEM ...]`` as one function.

``app.cli`` owns the command line; it calls ``cli_verify`` with the arguments after ``verify``
and passes the report renderer in (app.reports may not be imported from app.signing). Exit codes:
0 only for VALID and VALID_CHANGED_LATER, 1 for every other verdict or failure, 2 for usage.
Must not: print tracebacks, or go online when ``--offline`` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from app.domain.types import Verdict
from app.errors import AppError
from app.signing.verify.engine import verify_pdf
from app.signing.verify.fetching import RevocationPolicy, default_cache_dir
from app.signing.verify.isolated import verify_pdf_isolated
from app.signing.verify.model import DocumentVerdict
from app.signing.verify.timefmt import vn_time_text
from app.signing.verify.trust import TrustStore, default_trust_dir, read_certificates

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
ReportRenderer = Callable[..., object]

VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.VALID: "HỢP LỆ",
    Verdict.VALID_CHANGED_LATER: "HỢP LỆ – có thay đổi được phép sau khi ký",
    Verdict.NEEDS_REVIEW: "CẦN XEM XÉT",
    Verdict.INVALID: "KHÔNG HỢP LỆ",
    Verdict.CANNOT_VERIFY: "KHÔNG KIỂM TRA ĐƯỢC",
}


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog="python -m app verify", description="Kiểm tra chữ ký số trên tệp PDF.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--offline", action="store_true", help="không truy vấn OCSP/CRL")
    parser.add_argument("--trust", nargs="+", type=Path, default=[], metavar="PEM")
    parser.add_argument("--report", type=Path, metavar="OUT.pdf", help="ghi báo cáo PDF")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    return parser


def summary_lines(verdict: DocumentVerdict) -> list[str]:
    """The verdict in a few Vietnamese lines for a terminal."""
    lines = [f"Kết luận: {VERDICT_WORDS[verdict.overall]}  [{verdict.decided_by}]"]
    lines.append(f"Thời điểm kiểm tra: {vn_time_text(verdict.as_of)}")
    lines.append("Chữ ký cơ quan: " + ("có" if verdict.agency_signature_present else "KHÔNG CÓ"))
    for reason in verdict.reasons:
        lines.append(f"  - {reason.text}")
    for sig in verdict.signatures:
        who = sig.signer_common_name or "?"
        lines.append(f"Chữ ký «{sig.field_name}» ({who}): {VERDICT_WORDS[sig.verdict]}")
        for reason in sig.reasons:
            lines.append(f"  - {reason.text}")
    return lines


def cli_verify(
    argv: Sequence[str],
    *,
    data_dir: Path,
    render_report: ReportRenderer | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run ``verify`` with ``argv`` (the words after "verify"); returns the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        args = _parser().parse_args(list(argv))
    except _UsageError as exc:
        print(f"python -m app verify: lỗi cú pháp: {exc} (xem --help)", file=err)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
    if args.report is not None and render_report is None:
        print("python -m app verify: --report chưa được hỗ trợ ở đây", file=err)
        return EXIT_USAGE
    try:
        if args.trust:
            trust = TrustStore.from_certs(
                cert for path in args.trust for cert in read_certificates(path.read_bytes())
            )
        else:
            trust = TrustStore.load(default_trust_dir(data_dir))
        if not trust.anchors:
            print("Cảnh báo: chưa nhập chứng thư gốc tin cậy nào.", file=err)
        policy = RevocationPolicy(online=not args.offline, cache_dir=default_cache_dir(data_dir))
        run = verify_pdf if args.in_process else verify_pdf_isolated
        verdict = run(args.file, trust=trust, revocation=policy)
        if args.report is not None and render_report is not None:
            render_report(
                verdict,
                document_title=args.file.stem,
                file_name=args.file.name,
                out_path=args.report,
            )
    except (AppError, OSError, ValueError) as exc:
        print(f"python -m app verify: {exc}", file=err)
        return EXIT_FAIL
    print(verdict.to_json() if args.json else "\n".join(summary_lines(verdict)), file=out)
    return EXIT_OK if verdict.overall in (Verdict.VALID, Verdict.VALID_CHANGED_LATER) else EXIT_FAIL
