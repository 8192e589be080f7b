"""One strict (or lenient) analysis of one PDF: the structure checks, every signature, the
later changes, and the verdicts.

The raw bytes and our own field walk are checked against what the parser reports (signature
census, /ByteRange shape, revision boundaries, bytes after the last revision, objects hidden in
later revisions); each signature is checked (``signatures``), its later changes listed
(``changes``), and findings become verdicts (``decide``).
Must not: catch whole-file failures (``engine`` turns them into CANNOT_VERIFY).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfDecodeLimitError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

from app.signing.verify.blob import Blob
from app.signing.verify.changes import Changes, RevisionView, later_changes
from app.signing.verify.decide import document_verdict, signature_verdict
from app.signing.verify.fetching import RevocationPolicy, RevocationSession
from app.signing.verify.fields import (
    FieldSnap,
    locator,
    orphan_signed_widgets,
    page_refs,
    snapshot_fields,
)
from app.signing.verify.limits import Deadline, LimitExceeded, ParseLimits
from app.signing.verify.model import (
    Coverage,
    DocumentVerdict,
    Reason,
    SignatureKind,
    SignatureVerdict,
)
from app.signing.verify.rawscan import (
    RawScan,
    byterange_problem,
    hidden_objects,
    revision_ends,
    trailing_bytes,
)
from app.signing.verify.revinfo import RevinfoPool, read_dss
from app.signing.verify.rules import reason
from app.signing.verify.sigcheck import CheckContext, SigCheck
from app.signing.verify.signatures import check_signature
from app.signing.verify.trust import TrustStore

log = logging.getLogger(__name__)
_KNOWN_SUBFILTERS = {str(s.value) for s in SigSeedSubFilter}
# Failures that concern the whole file, not one signature.
FATAL = (LimitExceeded, PdfDecodeLimitError, MemoryError, RecursionError)


class DocumentAnalysis:
    def __init__(
        self,
        blob: Blob,
        raw: RawScan,
        trust: TrustStore,
        policy: RevocationPolicy,
        now: datetime,
        limits: ParseLimits,
        poe: datetime | None,
        deadline: Deadline,
    ) -> None:
        self.blob, self.raw, self.trust, self.policy = blob, raw, trust, policy
        self.now, self.limits, self.poe, self.deadline = now, limits, poe, deadline

    def _open(self, strict: bool) -> PdfFileReader:
        self.blob.stream.seek(0)
        reader = PdfFileReader(
            self.blob.stream, strict=strict, decode_limits=self.limits.decode_limits()
        )
        if reader.encrypt_dict is not None:
            result = reader.decrypt("")
            if getattr(result, "status", None) is None or "FAILED" in str(result.status):
                raise LimitExceeded("pdf_encrypted")
        if reader.xrefs.total_revisions > self.limits.max_revisions:
            raise LimitExceeded("too_many", what="bản sửa đổi", limit=self.limits.max_revisions)
        return reader

    async def run(self, strict: bool) -> DocumentVerdict:
        blob, limits = self.blob, self.limits
        reader = self._open(strict)
        ends = revision_ends(blob, reader)
        pages = page_refs(reader.root, limits)
        last = reader.xrefs.total_revisions - 1
        fields = snapshot_fields(reader.root, limits, locator(reader, last))
        signed = [f for f in fields.values() if f.ft == "/Sig" and f.has_value]
        if len(signed) > limits.max_signatures:
            raise LimitExceeded("too_many", what="chữ ký", limit=limits.max_signatures)
        resolve: Any = reader.get_object
        orphans = orphan_signed_widgets(pages, fields, lambda r: resolve(generic.Reference(*r)))
        doc_findings = self._census(len(signed) + len(orphans))
        garbage = trailing_bytes(blob, ends)
        if garbage:
            doc_findings.append(reason("trailing_bytes", count=garbage))
        self.deadline.check()

        embedded, unlisted = self._embedded(reader, signed)
        unlisted += [_unlisted(name, "không thuộc cây trường biểu mẫu") for name in orphans]
        pool = RevinfoPool()
        read_dss(reader.root, pool)
        for _snap, emb in embedded:
            pool.add_archival(emb.signer_info)
        session = RevocationSession(self.policy, pool, self.now)
        ctx = CheckContext(self.trust, session, self.now, self.poe)
        try:
            checks = await self._check_all(embedded, ctx)
        finally:
            await session.close()

        view = RevisionView(reader, limits, current=fields)
        first_signed = min((c.signed_revision for c in checks), default=last)
        hidden = hidden_objects(blob, reader, ends, first_signed)
        signers = {c.field_name: c.cert.common_name if c.cert else "" for c in checks}
        verdicts: list[SignatureVerdict] = []
        for check in checks:
            self.deadline.check()
            structural = self._structural(check, ends, garbage, hidden, last)
            changes = (
                later_changes(view, check.signed_revision, signers)
                if 0 <= check.signed_revision < last
                else Changes()
            )
            listed = {c.kind for c in changes.later} - {"dss", "document_timestamp"}
            if check.modification_level == "FORM_FILLING" and not listed and not changes.findings:
                # The diff analysis saw form filling, but no field value or signature changed.
                changes.findings.append(reason("unexplained_change", detail="FORM_FILLING"))
            verdicts.append(signature_verdict(check, changes, structural))
        verdicts += unlisted
        if not signed and not orphans and not self.raw.byte_ranges:
            doc_findings.append(reason("no_signature"))
        newest = max((c.signed_revision for c in checks), default=-1)
        uncovered = later_changes(view, newest, signers).later if 0 <= newest < last else []
        return document_verdict(
            verdicts,
            doc_findings,
            as_of=self.now,
            sig_field_count=len(signed) + len(orphans),
            uncovered=uncovered,
            file_sha256=self.raw.sha256,
            file_size=self.raw.size,
            revision_count=last + 1,
        )

    def _census(self, signed_count: int) -> list[Reason]:
        """Our count of signature dictionaries against the form's; every raw /ByteRange must be
        sane whether or not a parser still sees its signature."""
        out = [
            reason("byterange_shape", detail=problem)
            for values in self.raw.byte_ranges
            if (problem := byterange_problem(self.blob, values))
        ]
        if self.raw.malformed_byte_ranges:
            out.append(reason("byterange_shape", detail="có giá trị không phải số"))
        raw_count = len(self.raw.byte_ranges) + self.raw.malformed_byte_ranges
        if raw_count > signed_count:
            out.append(reason("sig_detached", raw=raw_count, fields=signed_count))
        elif raw_count < signed_count:
            out.append(reason("sig_raw_fewer", raw=raw_count, fields=signed_count))
        return out

    def _embedded(
        self, reader: PdfFileReader, signed: list[FieldSnap]
    ) -> tuple[list[tuple[FieldSnap, Any]], list[SignatureVerdict]]:
        embedded: list[tuple[FieldSnap, Any]] = []
        unlisted: list[SignatureVerdict] = []
        for snap in signed:
            if snap.subfilter not in _KNOWN_SUBFILTERS:
                unlisted.append(_unlisted(snap.name, snap.subfilter or "không có"))
                continue
            try:
                embedded.append((snap, EmbeddedPdfSignature(reader, snap.node, snap.name)))
            except FATAL:
                raise
            except Exception as exc:  # noqa: BLE001 - one unreadable signature, not the file
                finding = reason("cms_unreadable", detail=f"{type(exc).__name__}: {exc}"[:200])
                unlisted.append(_single(snap.name, finding))
        embedded.sort(key=lambda pair: int(pair[1].signed_revision))
        return embedded, unlisted

    async def _check_all(
        self, embedded: list[tuple[FieldSnap, Any]], ctx: CheckContext
    ) -> list[SigCheck]:
        # Document timestamps first: a trusted one is a proof of existence for what it covers.
        order = sorted(embedded, key=lambda pair: pair[1].sig_object_type != "/DocTimeStamp")
        checks: dict[str, SigCheck] = {}
        for snap, emb in order:
            self.deadline.check()
            kind = (
                SignatureKind.DOCUMENT_TIMESTAMP
                if emb.sig_object_type == "/DocTimeStamp"
                else SignatureKind.SIGNATURE
            )
            try:
                check = await check_signature(emb, kind, ctx)
            except FATAL:
                raise
            except Exception as exc:  # noqa: BLE001 - pyhanko raises many types on bad input
                log.info("signature %s not checkable: %s", snap.name, exc, exc_info=True)
                check = SigCheck(field_name=snap.name, kind=kind)
                check.byte_range = _byte_range(emb)
                check.signed_revision = int(emb.signed_revision)
                check.findings.append(
                    reason("cms_unreadable", detail=f"{type(exc).__name__}: {exc}"[:200])
                )
            if kind is SignatureKind.DOCUMENT_TIMESTAMP and check.trusted_ok and check.own_time:
                ctx.doc_ts_poe.append((check.signed_revision, check.own_time))
            checks[snap.name] = check
        return [checks[snap.name] for snap, _emb in embedded]

    def _structural(
        self,
        check: SigCheck,
        ends: list[Any],
        garbage: int,
        hidden: dict[int, list[str]],
        last: int,
    ) -> list[Reason]:
        out: list[Reason] = []
        # No numbers: the signature could not be read at all (its own finding says so).
        problem = byterange_problem(self.blob, check.byte_range) if check.byte_range else None
        if problem:
            out.append(reason("byterange_shape", detail=problem))
        elif check.byte_range:
            end = check.byte_range[2] + check.byte_range[3]
            rev = check.signed_revision
            known = ends[rev] if 0 <= rev < len(ends) else None
            if known is None or end not in (known.bare, known.full):
                out.append(reason("revision_boundary", detail=f"kết thúc tại byte {end}"))
            elif rev >= last and not garbage and check.coverage is Coverage.ENTIRE_REVISION:
                # Only PDF whitespace follows the last signed revision: nothing can hide there.
                check.coverage = Coverage.ENTIRE_FILE
        if garbage:
            out.append(reason("trailing_bytes", count=garbage))
        for rev, objects in sorted(hidden.items()):
            if rev > check.signed_revision:
                out.append(reason("hidden_object", revision=rev, objects=", ".join(objects[:5])))
        return out


def _byte_range(emb: Any) -> tuple[int, ...]:
    """The /ByteRange numbers if they are a plain array of integers, else ()."""
    try:
        return tuple(int(v) for v in emb.byte_range)
    except (TypeError, ValueError):
        return ()


def _unlisted(name: str, subfilter: str) -> SignatureVerdict:
    return _single(name, reason("sig_unlisted", field=name, subfilter=subfilter))


def _single(name: str, finding: Reason) -> SignatureVerdict:
    return SignatureVerdict(
        field_name=name,
        verdict=finding.severity,
        rule_ids=(finding.rule_id,),
        reasons=(finding,),
    )
