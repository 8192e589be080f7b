"""Unusual but not forged: NEEDS_REVIEW, with the precise reason and the rule that decided."""

from __future__ import annotations

import io

from PIL import Image
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from app.demo.documents import FIELD_AGENCY_SIG, FIELD_LEADER_SIG, FIELD_NUMBER
from app.demo.pki import issue_end_entity, person_subject
from app.domain.types import Verdict
from app.signing.verify import RevocationPolicy, RevocationStatus, TimeSource, verify_pdf
from tests.verify import factory
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)


def _verdict(kit: Kit, data: bytes, policy: RevocationPolicy = OFFLINE) -> tuple[Verdict, str]:
    verdict = verify_pdf(data, trust=kit.trust, revocation=policy)
    return verdict.overall, verdict.decided_by


def test_sha1_signature(kit: Kit) -> None:
    data = factory.sign(kit.draft, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa, md="sha1")
    assert _verdict(kit, data) == (Verdict.NEEDS_REVIEW, "WEAK_HASH")


def test_cms_with_an_empty_encapsulated_content(kit: Kit) -> None:
    """Some Vietnamese tools write eContent as an empty OCTET STRING; pyhanko refuses it."""
    data = factory.resign(kit.leader_signed, kit.signer("leader"), empty_econtent=True)
    assert _verdict(kit, data) == (Verdict.NEEDS_REVIEW, "CMS_QUIRK")


def test_appearance_changed_without_a_value_change(kit: Kit) -> None:
    data = factory.fill(kit.filled, {FIELD_NUMBER: "05"}, opaque=True)
    assert _verdict(kit, data) == (Verdict.NEEDS_REVIEW, "UNEXPLAINED_CHANGE")


def test_opaque_seal_over_the_signers_name(kit: Kit) -> None:
    rgb = io.BytesIO()
    Image.open(io.BytesIO(kit.seal)).convert("RGB").save(rgb, format="PNG")
    data = factory.sign(
        kit.filled, kit.signer("agency"), FIELD_AGENCY_SIG, tsa=kit.tsa, png=rgb.getvalue()
    )
    verdict = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    assert (verdict.overall, verdict.decided_by) == (Verdict.NEEDS_REVIEW, "OVERLAY_REVIEW")
    assert verdict.signature(FIELD_LEADER_SIG).verdict is Verdict.NEEDS_REVIEW
    assert verdict.signature(FIELD_AGENCY_SIG).verdict is Verdict.VALID


def test_no_revocation_source_at_all_when_online(kit: Kit, server: object) -> None:
    pointless = issue_end_entity(
        kit.pki.intermediate, person_subject("Không Có Nguồn Thu Hồi"), url_base=None
    )
    signer = factory.signer_for(pointless, kit.pki)
    data = factory.sign(kit.draft, signer, FIELD_LEADER_SIG, tsa=kit.tsa)
    verdict = verify_pdf(data, trust=kit.trust, revocation=kit.online())
    assert (verdict.overall, verdict.decided_by) == (Verdict.NEEDS_REVIEW, "REVOCATION_UNKNOWN")
    assert verdict.signatures[0].revocation_status is RevocationStatus.UNKNOWN


def test_byterange_behind_a_reference_hides_the_signature_from_raw_scanners(kit: Kit) -> None:
    placeholder = b"[0000000000 0000000000 0000000000 0000000000]"
    draft = factory.raw_update(kit.draft, {990: placeholder})
    signed = factory.sign(draft, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa)
    a, b, c, d = factory.byte_ranges(signed)[-1]

    def patch(data: bytes) -> bytes:
        start = data.rindex(b"/ByteRange")
        end = data.index(b"]", start) + 1
        data = data[:start] + b"/ByteRange 990 0 R".ljust(end - start) + data[end:]
        values = b"[%010d %010d %010d %010d]" % (a, b, c, d)
        return data.replace(placeholder, values)

    data = factory.resign(signed, kit.signer("leader"), patch=patch)
    verdict = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    # pyhanko cannot read such a signature, and our census notices the hidden dictionary.
    assert (verdict.overall, verdict.decided_by) == (Verdict.CANNOT_VERIFY, "CMS_UNREADABLE")
    assert "SIG_RAW_MISMATCH" in verdict.rule_ids, verdict.to_json()


def test_a_timestamp_from_an_untrusted_tsa_gives_no_trusted_time(kit: Kit) -> None:
    stranger = kit.extra["stranger"]
    tsa = DummyTimeStamper(tsa_cert=factory.asn1_cert(stranger), tsa_key=factory.asn1_key(stranger))
    data = factory.sign(kit.draft, kit.signer("leader"), FIELD_LEADER_SIG, tsa=tsa)
    verdict = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    sig = verdict.signature(FIELD_LEADER_SIG)
    assert verdict.overall is Verdict.VALID
    assert sig.signing_time_source is TimeSource.CLAIMED and "TIME_SOURCE" in sig.rule_ids
