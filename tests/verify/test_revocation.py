"""Revocation, offline first: embedded data, the file cache, a loopback OCSP/CRL server, and
re-verification that learns of a revocation later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.demo.documents import FIELD_LEADER_SIG
from app.domain.types import Verdict
from app.signing.verify import (
    RevocationPolicy,
    RevocationStatus,
    TimeSource,
    reverify,
    verify_pdf,
)
from app.signing.verify.errors import DocumentChanged
from tests.support.pki_servers import PkiServer
from tests.verify import factory
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)


def test_online_answers_are_cached_and_reused(kit: Kit, server: PkiServer, tmp_path: Path) -> None:
    online = verify_pdf(kit.leader_signed, trust=kit.trust, revocation=kit.online(tmp_path))
    sig = online.signature(FIELD_LEADER_SIG)
    assert sig.revocation_status is RevocationStatus.GOOD and not online.needs_recheck
    assert server.hits["/ocsp"] >= 1 and any(p.startswith("/crl/") for p in server.hits)
    asked = sum(server.hits.values())

    offline = verify_pdf(
        kit.leader_signed, trust=kit.trust, revocation=RevocationPolicy(cache_dir=tmp_path)
    )
    assert offline.overall is Verdict.VALID
    assert offline.signature(FIELD_LEADER_SIG).revocation_status is RevocationStatus.GOOD
    assert not offline.needs_recheck
    verify_pdf(kit.leader_signed, trust=kit.trust, revocation=kit.online(tmp_path))
    assert sum(server.hits.values()) == asked  # still fresh: not asked again


def test_offline_verdict_is_rechecked_and_a_revocation_learned_later_changes_it(
    kit: Kit, server: PkiServer, tmp_path: Path
) -> None:
    data = factory.sign(kit.draft, kit.signer("late"), FIELD_LEADER_SIG, tsa=kit.tsa)
    since = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)
    first = verify_pdf(
        data, trust=kit.trust, revocation=RevocationPolicy(online=False, offline_since=since)
    )
    sig = first.signature(FIELD_LEADER_SIG)
    assert first.overall is Verdict.VALID and first.needs_recheck
    assert sig.revocation_status is RevocationStatus.UNKNOWN_OFFLINE
    assert any("05/03/2026 15:00:00 +07:00" in r.text for r in sig.reasons)
    assert sig.signing_time is not None

    # The key was reported compromised an hour before the signature was made.
    server.revoke(kit.extra["late"].cert, sig.signing_time - timedelta(hours=1))
    second = reverify(data, first, trust=kit.trust, revocation=kit.online(tmp_path))
    assert (second.overall, second.decided_by) == (Verdict.INVALID, "REVOKED")
    assert second.signature(FIELD_LEADER_SIG).revocation_status is RevocationStatus.REVOKED
    assert not second.needs_recheck


def test_revoked_before_signing(kit: Kit, server: PkiServer, tmp_path: Path) -> None:
    server.revoke(kit.extra["revoked"].cert, datetime.now(UTC) - timedelta(days=2))
    data = factory.sign(kit.draft, kit.signer("revoked"), FIELD_LEADER_SIG, tsa=kit.tsa)
    verdict = verify_pdf(data, trust=kit.trust, revocation=kit.online(tmp_path))
    assert (verdict.overall, verdict.decided_by) == (Verdict.INVALID, "REVOKED")


def test_revoked_after_the_trusted_signing_time_stays_valid(
    kit: Kit, server: PkiServer, tmp_path: Path
) -> None:
    data = factory.sign(kit.draft, kit.signer("later"), FIELD_LEADER_SIG, tsa=kit.tsa)
    server.revoke(kit.extra["later"].cert, datetime.now(UTC) + timedelta(seconds=1))
    verdict = verify_pdf(data, trust=kit.trust, revocation=kit.online(tmp_path))
    sig = verdict.signature(FIELD_LEADER_SIG)
    assert verdict.overall is Verdict.VALID, verdict.to_json()
    assert sig.revocation_status is RevocationStatus.REVOKED_AFTER_SIGNING
    assert "REVOKED_LATER" in sig.rule_ids


def test_the_first_verification_time_protects_against_later_revocations(
    kit: Kit, server: PkiServer, tmp_path: Path
) -> None:
    data = factory.sign(kit.draft, kit.signer("receipt"), FIELD_LEADER_SIG)  # no timestamp
    first = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    assert first.signature(FIELD_LEADER_SIG).signing_time_source is TimeSource.CLAIMED
    server.revoke(kit.extra["receipt"].cert, first.as_of + timedelta(seconds=1))
    again = reverify(data, first, trust=kit.trust, revocation=kit.online(tmp_path))
    sig = again.signature(FIELD_LEADER_SIG)
    assert again.overall is Verdict.VALID, again.to_json()
    assert sig.signing_time_source is TimeSource.LOCAL_RECEIPT
    assert sig.revocation_status is RevocationStatus.REVOKED_AFTER_SIGNING


def test_unreachable_responder_means_check_again_later(
    kit: Kit, server: PkiServer, tmp_path: Path
) -> None:
    server.offline = True
    verdict = verify_pdf(kit.leader_signed, trust=kit.trust, revocation=kit.online(tmp_path))
    sig = verdict.signature(FIELD_LEADER_SIG)
    assert verdict.overall is Verdict.VALID and verdict.needs_recheck
    assert sig.revocation_status is RevocationStatus.UNKNOWN_OFFLINE
    assert "revocation_unreachable" in {r.code for r in sig.reasons}


def test_reverify_refuses_other_bytes(kit: Kit) -> None:
    first = verify_pdf(kit.leader_signed, trust=kit.trust, revocation=OFFLINE)
    with pytest.raises(DocumentChanged):
        reverify(kit.issued, first, trust=kit.trust, revocation=OFFLINE)
