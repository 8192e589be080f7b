"""The verification use case: one PDF in, one DocumentVerdict out.

Read strictly first; a file that only a lenient read understands is CANNOT_VERIFY at best, and the
lenient result may only make things worse (INVALID), never better. The analysis itself is
``document.DocumentAnalysis``. Every exception becomes a finding: a hostile file never raises out
of here (a path that cannot be opened raises PdfInputError: there is no file to judge).
Must not: write files other than the revocation cache, or call Qt.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
from collections.abc import Coroutine
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from app.domain.types import Verdict
from app.signing.verify.blob import Blob, Source
from app.signing.verify.decide import document_verdict
from app.signing.verify.document import DocumentAnalysis
from app.signing.verify.failures import failure_reason
from app.signing.verify.fetching import RevocationPolicy
from app.signing.verify.limits import MIB, Deadline, LimitExceeded, ParseLimits
from app.signing.verify.model import DocumentVerdict, Reason, SignatureVerdict
from app.signing.verify.rawscan import RawScan, scan_raw
from app.signing.verify.rules import reason
from app.signing.verify.speedups import reading
from app.signing.verify.trust import TrustStore

log = logging.getLogger(__name__)
T = TypeVar("T")
__all__ = ["Source", "failed", "open_source", "run_sync", "verify_blob", "verify_pdf"]
# Limits are not worth a lenient second read: it would hit them again.
_NO_RETRY = {"decode_limit", "timeout", "memory", "too_many", "file_too_large", "structure_loop"}


def open_source(source: Source, limits: ParseLimits) -> Blob:
    """The file as a Blob (close it), refusing more than ``limits.max_file_mb`` before reading
    (LimitExceeded); PdfInputError when a path cannot be opened."""
    return Blob.open(source, limits.max_file_mb * MIB)


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, also from a thread whose event loop is already running (pyhanko's trap)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def verify_pdf(
    source: Source,
    *,
    trust: TrustStore,
    revocation: RevocationPolicy | None = None,
    now: datetime | None = None,
    limits: ParseLimits | None = None,
    poe: datetime | None = None,
) -> DocumentVerdict:
    """Verify every signature of a PDF (path, bytes or binary stream) in this process.

    ``poe``: when this app is known to have held exactly these bytes (see ``reverify``).
    Hostile input should go through ``verify_pdf_isolated``, which also bounds time and memory.
    """
    limits = limits or ParseLimits()
    moment = _utc(now) if now is not None else datetime.now(UTC)
    try:
        blob = open_source(source, limits)
    except LimitExceeded as exc:
        return failed(reason(exc.code, **exc.params), moment)
    with blob:
        return run_sync(
            verify_blob(blob, trust, revocation or RevocationPolicy(), moment, limits, poe)
        )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def failed(
    finding: Reason, as_of: datetime, data: bytes | None = None, raw: RawScan | None = None
) -> DocumentVerdict:
    """A document that could not be analysed at all (identified by ``data`` or ``raw``)."""
    if data is not None:
        raw = RawScan(len(data), 0, (), 0, 0, sha256=hashlib.sha256(data).hexdigest())
    return document_verdict(
        [],
        [finding],
        as_of=as_of,
        sig_field_count=len(raw.byte_ranges) if raw else 0,
        uncovered=[],
        file_sha256=raw.sha256 if raw else "",
        file_size=raw.size if raw else 0,
        revision_count=0,
    )


async def verify_blob(
    blob: Blob,
    trust: TrustStore,
    policy: RevocationPolicy,
    now: datetime,
    limits: ParseLimits,
    poe: datetime | None = None,
) -> DocumentVerdict:
    deadline = Deadline(limits.timeout_s)
    raw = scan_raw(blob)
    if raw.header_offset < 0:
        return failed(reason("not_pdf"), now, raw=raw)
    job = DocumentAnalysis(blob, raw, trust, policy, now, limits, poe, deadline)
    with reading():
        try:
            return await job.run(strict=True)
        except Exception as exc:  # noqa: BLE001 - any parser exception means "cannot verify"
            first = failure_reason(exc)
            log.info("strict analysis failed: %s", first.text)
        if first.code in _NO_RETRY:
            return failed(first, now, raw=raw)
        try:
            lenient = await job.run(strict=False)
        except Exception as exc:  # noqa: BLE001
            log.info("lenient analysis failed too: %s", failure_reason(exc).text)
            return failed(first, now, raw=raw)
    return _capped(lenient, first)


def _capped(lenient: DocumentVerdict, first: Reason) -> DocumentVerdict:
    """The lenient read may only worsen CANNOT_VERIFY (to INVALID), never improve it."""
    extra = (first, reason("lenient_only"))

    def rules_for(verdict: Verdict, rule_ids: tuple[str, ...]) -> tuple[str, ...]:
        if verdict is Verdict.INVALID:  # the lenient finding decides; the strict failure stays
            return (*rule_ids[:1], "PARSE_STRICT", *rule_ids[1:])
        return ("PARSE_STRICT", *rule_ids)

    def cap(sig: SignatureVerdict) -> SignatureVerdict:
        verdict = Verdict.INVALID if sig.verdict is Verdict.INVALID else Verdict.CANNOT_VERIFY
        rules = rules_for(verdict, sig.rule_ids)
        return replace(sig, verdict=verdict, rule_ids=rules, reasons=extra + sig.reasons)

    overall = Verdict.INVALID if lenient.overall is Verdict.INVALID else Verdict.CANNOT_VERIFY
    rules = rules_for(overall, lenient.rule_ids)
    return lenient.with_changes(
        overall=overall,
        signatures=tuple(cap(s) for s in lenient.signatures),
        reasons=extra + lenient.reasons,
        rule_ids=rules,
        agency_signature_present=False,
        personal_signature_present=False,
    )
