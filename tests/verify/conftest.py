"""Fixtures for the verification tests: one demo PKI, one loopback OCSP/CRL server and the
common signed documents per session (key generation and signing dominate the run time)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property

import pytest
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator import ValidationContext

from app.demo.documents import (
    FIELD_AGENCY_SIG,
    FIELD_DATE,
    FIELD_LEADER_SIG,
    FIELD_NUMBER,
    SAMPLE_DOCUMENTS,
    render_official_document,
)
from app.demo.images import seal_png, signature_png
from app.demo.pki import (
    DemoPki,
    Issued,
    generate_demo_pki,
    issue_end_entity,
    issue_root,
    person_subject,
    signing_key_usage,
)
from app.signing.verify import RevocationPolicy, TrustStore
from tests.support.pki_servers import PkiServer
from tests.verify import factory

ISSUE_VALUES = {FIELD_NUMBER: "05", FIELD_DATE: "ngày 05 tháng 3 năm 2026"}


@dataclass
class Kit:
    pki: DemoPki
    server: PkiServer
    extra: dict[str, Issued]
    draft: bytes
    seal: bytes
    handwriting: bytes
    _cache: dict[str, bytes] = field(default_factory=dict)

    @cached_property
    def trust(self) -> TrustStore:
        return TrustStore.from_certs([self.pki.root.cert])

    def signer(self, name: str) -> SimpleSigner:
        issued = getattr(self.pki, name, None) or self.extra[name]
        return factory.signer_for(issued, self.pki)

    @cached_property
    def tsa(self) -> DummyTimeStamper:
        return factory.timestamper(self.pki)

    def ltv_context(self) -> ValidationContext:
        return ValidationContext(
            trust_roots=[factory.asn1_cert(self.pki.root)], allow_fetching=True
        )

    def online(self, cache_dir: object = None) -> RevocationPolicy:
        return RevocationPolicy(online=True, cache_dir=cache_dir, timeout_s=5)  # type: ignore[arg-type]

    def cached(self, key: str, make: object) -> bytes:
        if key not in self._cache:
            self._cache[key] = make()  # type: ignore[operator]
        return self._cache[key]

    # -- the documents most tests start from ---------------------------------------------------
    @property
    def leader_signed(self) -> bytes:
        return self.cached(
            "leader",
            lambda: factory.sign(
                self.draft, self.signer("leader"), FIELD_LEADER_SIG, tsa=self.tsa,
                png=self.handwriting,
            ),
        )  # fmt: skip

    @property
    def filled(self) -> bytes:
        return self.cached("filled", lambda: factory.fill(self.leader_signed, ISSUE_VALUES))

    @property
    def issued(self) -> bytes:
        """Leader signs, the clerk fills number and date, then applies the agency seal."""
        return self.cached(
            "issued",
            lambda: factory.sign(
                self.filled, self.signer("agency"), FIELD_AGENCY_SIG, tsa=self.tsa, png=self.seal
            ),
        )


@pytest.fixture(scope="session")
def kit() -> Iterator[Kit]:
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    server = PkiServer()
    now = datetime.now(UTC)
    pki = generate_demo_pki(url_base=server.url, now=now)
    server.attach(pki)
    extra = {
        "expired": issue_end_entity(
            pki.intermediate,
            person_subject("Lò Văn Hết Hạn"),
            not_before=now - timedelta(days=800),
            not_after=now - timedelta(days=30),
            url_base=server.url,
        ),
        "wrong_usage": issue_end_entity(
            pki.intermediate,
            person_subject("Quàng Thị Sai Mục Đích"),
            key_usage=signing_key_usage(
                digital_signature=False, non_repudiation=False, key_encipherment=True
            ),
            now=now,
            url_base=server.url,
        ),
        "revoked": issue_end_entity(
            pki.intermediate, person_subject("Vì Văn Bị Thu Hồi"), now=now, url_base=server.url
        ),
        "late": issue_end_entity(
            pki.intermediate, person_subject("Tòng Văn Thu Hồi Sau"), now=now, url_base=server.url
        ),
        "later": issue_end_entity(
            pki.intermediate, person_subject("Lường Văn Thu Hồi Muộn"), now=now, url_base=server.url
        ),
        "receipt": issue_end_entity(
            pki.intermediate, person_subject("Điêu Thị Nhận Trước"), now=now, url_base=server.url
        ),
    }
    stranger_root = issue_root(now=now, common_name="Stranger Root CA")
    extra["stranger"] = issue_end_entity(
        stranger_root, person_subject("Người Lạ"), now=now, url_base=None
    )
    for issued in extra.values():
        server.know(issued.cert)
    doc = SAMPLE_DOCUMENTS[0]
    yield Kit(
        pki=pki,
        server=server,
        extra=extra,
        draft=render_official_document(doc),
        seal=seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]),
        handwriting=signature_png(doc.signer_name),
    )
    server.stop()


@pytest.fixture
def server(kit: Kit) -> Iterator[PkiServer]:
    kit.server.reset()
    yield kit.server
    kit.server.reset()
