"""Hostile input handling: strict first, lenient never upgrades, limits, the worker process."""

from __future__ import annotations

import io
import re

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer

from app.domain.types import Verdict
from app.signing.verify import ParseLimits, RevocationPolicy, verify_pdf, verify_pdf_isolated
from tests.verify import factory
from tests.verify.attacks import decompression_bomb_in_signed_page
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)


def _bad_generation_update(data: bytes, *, with_body: bool) -> bytes:
    """An update whose xref has an illegal generation (> 65535): strict readers refuse it,
    lenient ones skip the entry."""
    if with_body:
        upd = factory.raw_update(data, {950: b"(harmless)"})
    else:
        startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
        root = re.findall(rb"/Root\s+(\d+\s+\d+\s+R)", data)[-1]
        at = len(data)
        upd = data + (
            b"xref\n950 1\n0000000009 00000 n \ntrailer\n<< /Size 951 /Root %s /Prev %d >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (root, startxref, at)
        )
    at = upd.rindex(b"\nxref\n")
    return upd[:at] + upd[at:].replace(b" 00000 n ", b" 70000 n ", 1)


def test_a_lenient_read_never_upgrades_a_strict_failure(kit: Kit) -> None:
    data = _bad_generation_update(kit.issued, with_body=False)
    verdict = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "PARSE_STRICT")
    assert "lenient_only" in {r.code for r in verdict.reasons}
    assert verdict.signatures and all(
        s.verdict is Verdict.CANNOT_VERIFY for s in verdict.signatures
    )
    assert not verdict.agency_signature_present


def test_a_lenient_read_may_still_find_worse(kit: Kit) -> None:
    data = _bad_generation_update(kit.issued, with_body=True)
    verdict = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    assert (verdict.overall, verdict.decided_by) == (Verdict.INVALID, "HIDDEN_OBJECT")
    assert "PARSE_STRICT" in verdict.rule_ids


def test_password_protected_file(kit: Kit) -> None:
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(kit.draft)))
    writer.encrypt("owner", "user")
    out = io.BytesIO()
    writer.write(out)
    verdict = verify_pdf(out.getvalue(), trust=kit.trust, revocation=OFFLINE)
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "PARSE_STRICT")
    assert verdict.reasons[0].code == "pdf_encrypted"


def test_file_size_limit(kit: Kit) -> None:
    verdict = verify_pdf(kit.issued, trust=kit.trust, limits=ParseLimits(max_file_mb=0))
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "PARSE_LIMIT")
    assert verdict.reasons[0].code == "file_too_large"


def test_in_process_deadline(kit: Kit) -> None:
    verdict = verify_pdf(kit.issued, trust=kit.trust, limits=ParseLimits(timeout_s=0))
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "PARSE_LIMIT")
    assert verdict.reasons[0].code == "timeout"


def test_isolated_worker_gives_the_same_verdict(kit: Kit) -> None:
    inside = verify_pdf(kit.issued, trust=kit.trust, revocation=OFFLINE)
    isolated = verify_pdf_isolated(kit.issued, trust=kit.trust, revocation=OFFLINE)
    assert isolated.overall is inside.overall is Verdict.VALID
    assert [s.rule_ids for s in isolated.signatures] == [s.rule_ids for s in inside.signatures]
    assert isolated.file_sha256 == inside.file_sha256


def test_isolated_worker_timeout(kit: Kit) -> None:
    verdict = verify_pdf_isolated(
        kit.issued, trust=kit.trust, limits=ParseLimits(timeout_s=0.05), startup_s=0
    )
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "PARSE_LIMIT")
    assert verdict.reasons[0].code == "timeout"


def test_isolated_worker_memory_cap_stops_a_bomb_the_decode_limits_let_through(
    kit: Kit,
) -> None:
    data = kit.cached("attack:decompression_bomb_in_signed_page", lambda: (
        decompression_bomb_in_signed_page(kit)
    ))  # fmt: skip
    lax = ParseLimits(max_stream_mb=4096, max_ratio=1e12, max_decoded_mb=8192, memory_mb=24)
    verdict = verify_pdf_isolated(data, trust=kit.trust, revocation=OFFLINE, limits=lax)
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "PARSE_LIMIT")
    assert verdict.reasons[0].code == "memory"
