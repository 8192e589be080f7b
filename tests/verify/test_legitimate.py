"""Legitimate files land on VALID or VALID_CHANGED_LATER, with the later changes listed."""

from __future__ import annotations

from app.demo.documents import FIELD_AGENCY_SIG, FIELD_DATE, FIELD_LEADER_SIG, FIELD_NUMBER
from app.domain.types import Verdict
from app.signing.verify import (
    RevocationPolicy,
    RevocationStatus,
    SignerKind,
    TimeSource,
    extract_signed_revision,
    verify_pdf,
)
from tests.verify import factory
from tests.verify.conftest import ISSUE_VALUES, Kit

OFFLINE = RevocationPolicy(online=False)


def test_leader_only_is_valid_but_not_a_complete_official_document(kit: Kit) -> None:
    verdict = verify_pdf(kit.leader_signed, trust=kit.trust, revocation=OFFLINE)
    assert verdict.overall is Verdict.VALID, verdict.to_json()
    sig = verdict.signature(FIELD_LEADER_SIG)
    assert sig.verdict is Verdict.VALID and sig.decided_by == "COVERS_FILE"
    assert sig.signer_kind is SignerKind.PERSONAL
    assert sig.signing_time_source is TimeSource.TSA_TOKEN
    assert sig.revocation_status is RevocationStatus.UNKNOWN_OFFLINE and sig.needs_recheck
    assert verdict.personal_signature_present and not verdict.agency_signature_present
    assert "agency_missing" in {r.code for r in verdict.reasons}


def test_leader_fill_agency_is_valid_and_lists_the_filled_fields(kit: Kit) -> None:
    verdict = verify_pdf(kit.issued, trust=kit.trust, revocation=OFFLINE)
    assert verdict.overall is Verdict.VALID, verdict.to_json()
    leader = verdict.signature(FIELD_LEADER_SIG)
    assert leader.verdict is Verdict.VALID_CHANGED_LATER
    assert leader.decided_by == "CHANGED_LATER"
    assert dict(leader.changed_fields) == ISSUE_VALUES
    kinds = [(c.kind, c.name) for c in leader.later_changes]
    assert ("form_fill", FIELD_NUMBER) in kinds and ("form_fill", FIELD_DATE) in kinds
    assert ("signature", FIELD_AGENCY_SIG) in kinds
    agency = verdict.signature(FIELD_AGENCY_SIG)
    assert agency.verdict is Verdict.VALID and agency.signer_kind is SignerKind.AGENCY
    assert verdict.agency_signature_present and verdict.personal_signature_present
    assert verdict.sig_field_count == 2


def test_the_signed_revision_is_a_viewable_prefix(kit: Kit) -> None:
    signed = extract_signed_revision(kit.issued, FIELD_LEADER_SIG)
    assert signed == kit.leader_signed
    assert signed.rstrip().endswith(b"%%EOF")
    again = verify_pdf(signed, trust=kit.trust, revocation=OFFLINE)
    assert again.signature(FIELD_LEADER_SIG).verdict is Verdict.VALID


def test_b_lt_dss_after_the_signature_is_valid_changed_later_and_checks_offline(
    kit: Kit, server: object
) -> None:
    pdf = factory.sign(
        kit.filled, kit.signer("agency"), FIELD_AGENCY_SIG, tsa=kit.tsa, pades=True,
        ltv=kit.ltv_context(),
    )  # fmt: skip
    verdict = verify_pdf(pdf, trust=kit.trust, revocation=OFFLINE)
    assert verdict.overall is Verdict.VALID_CHANGED_LATER, verdict.to_json()
    agency = verdict.signature(FIELD_AGENCY_SIG)
    assert agency.verdict is Verdict.VALID_CHANGED_LATER
    assert [c.kind for c in agency.later_changes] == ["dss"]
    assert agency.revocation_status is RevocationStatus.GOOD and not agency.needs_recheck
    # A DSS-only update reads as harmless, for the signature and for the document.
    assert "ltv_added" in {r.code for r in agency.reasons}
    assert "doc_ltv_after_last" in {r.code for r in verdict.reasons}
    texts = " ".join(r.text for r in (*agency.reasons, *verdict.reasons))
    assert "bổ sung dữ liệu kiểm tra dài hạn (LTV) sau khi ký" in texts
    assert "thay đổi được phép" not in texts


def test_b_lta_as_pyhanko_writes_it_ends_with_a_dss_update(kit: Kit, server: object) -> None:
    pdf = factory.sign(
        kit.filled, kit.signer("agency"), FIELD_AGENCY_SIG, tsa=kit.tsa, lta=True,
        ltv=kit.ltv_context(),
    )  # fmt: skip
    verdict = verify_pdf(pdf, trust=kit.trust, revocation=OFFLINE)
    # sign -> DSS -> document timestamp -> DSS for the timestamp: allowed, but uncovered.
    assert verdict.overall is Verdict.VALID_CHANGED_LATER, verdict.to_json()
    stamp = next(s for s in verdict.signatures if s.kind.value == "document_timestamp")
    assert (
        stamp.verdict is Verdict.VALID_CHANGED_LATER and stamp.signer_kind is SignerKind.TIMESTAMP
    )
    assert [c.kind for c in stamp.later_changes] == ["dss"]
    agency = verdict.signature(FIELD_AGENCY_SIG)
    assert {c.kind for c in agency.later_changes} == {"dss", "document_timestamp"}
    assert agency.revocation_status is RevocationStatus.GOOD


def test_a_final_document_timestamp_covers_everything(kit: Kit) -> None:
    pdf = factory.document_timestamp(kit.issued, kit.tsa)
    verdict = verify_pdf(pdf, trust=kit.trust, revocation=OFFLINE)
    assert verdict.overall is Verdict.VALID, verdict.to_json()
    stamp = next(s for s in verdict.signatures if s.kind.value == "document_timestamp")
    assert stamp.verdict is Verdict.VALID and stamp.decided_by == "COVERS_FILE"
    assert stamp.signing_time_source is TimeSource.TSA_TOKEN
    assert verdict.signature(FIELD_AGENCY_SIG).verdict is Verdict.VALID_CHANGED_LATER


def test_adobe_revocation_archive_in_the_cms_is_used_offline(kit: Kit, server: object) -> None:
    pdf = factory.sign(
        kit.draft, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa, ltv=kit.ltv_context()
    )
    verdict = verify_pdf(pdf, trust=kit.trust, revocation=OFFLINE)
    sig = verdict.signature(FIELD_LEADER_SIG)
    assert sig.revocation_status is RevocationStatus.GOOD, sig.reasons
    assert verdict.overall in (Verdict.VALID, Verdict.VALID_CHANGED_LATER)


def test_json_round_trip(kit: Kit) -> None:
    verdict = verify_pdf(kit.issued, trust=kit.trust, revocation=OFFLINE)
    data = verdict.to_dict()
    assert data["overall"] == "VALID" and len(data["signatures"]) == 2
    assert type(verdict).from_json(verdict.to_json()) == verdict


def test_an_unsigned_draft_is_never_valid(kit: Kit) -> None:
    verdict = verify_pdf(kit.draft, trust=kit.trust, revocation=OFFLINE)
    assert (verdict.overall, verdict.decided_by) == (Verdict.INVALID, "NO_SIGNATURE")
    assert verdict.sig_field_count == 0
