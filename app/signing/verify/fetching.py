"""Revocation checking, offline first: the policy, and the fetchers the certificate validator asks.

pyhanko-certvalidator asks its fetchers for an OCSP response or CRLs whenever it needs one. Ours
answer from the document's LTV data or the local cache when that answer is usable for the
validation time (and, when online, still fresh now); only then do they go to the network (online
only) and store what they got in the cache. Failures are recorded so the engine can tell
"offline/unreachable, check again later" from "unknowable". Must not: decide verdicts.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from asn1crypto import crl, ocsp, x509
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import CRLFetchError, OCSPFetchError
from pyhanko_certvalidator.fetchers.api import (
    CertificateFetcher,
    CRLFetcher,
    FetcherBackend,
    Fetchers,
    OCSPFetcher,
)
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)
from pyhanko_certvalidator.registry import CertificateRegistry, SimpleTrustManager

from app.signing.verify.revinfo import (
    RevinfoPool,
    RevocationCache,
    crl_window,
    ocsp_window,
    usable_at,
)
from app.signing.verify.trust import TrustStore

log = logging.getLogger(__name__)

# SHA-1 is reported by our own rule (NEEDS_REVIEW), so only MD2/MD5 stay forbidden here.
WEAK_HASHES = frozenset({"md2", "md5"})


@dataclass(frozen=True)
class RevocationPolicy:
    """How to learn revocation status: ``online`` allows OCSP/CRL requests (``fetchers``: a
    pyhanko-certvalidator backend, default aiohttp); ``cache_dir`` keeps what was fetched;
    ``offline_since`` is shown to the user when nothing usable is at hand."""

    online: bool = False
    cache_dir: Path | None = None
    fetchers: FetcherBackend | None = None
    offline_since: datetime | None = None
    timeout_s: float = 10.0


def default_cache_dir(data_dir: Path) -> Path:
    return data_dir / "cache" / "revocation"


class RevocationSession:
    """Per document: the embedded data, the cache, the network backend, what was fetched."""

    def __init__(self, policy: RevocationPolicy, pool: RevinfoPool, now: datetime) -> None:
        self.policy = policy
        self.pool = pool
        self.now = now
        self.cache = RevocationCache(policy.cache_dir) if policy.cache_dir else None
        self.failures: list[str] = []
        self._backend: Any = None  # a FetcherBackend (untyped in pyhanko-certvalidator)
        self._owned = False
        self._inner: Fetchers | None = None
        self.fetched_ocsp: dict[tuple[str, int], ocsp.OCSPResponse] = {}
        self.fetched_crls: dict[str, list[crl.CertificateList]] = {}
        self._registry: tuple[CertificateRegistry, SimpleTrustManager] | None = None

    @property
    def online(self) -> bool:
        return self.policy.online

    def inner(self) -> Fetchers:
        if self._inner is None:
            backend = self.policy.fetchers
            if backend is None:
                from pyhanko_certvalidator.fetchers.aiohttp_fetchers import (
                    AIOHttpFetcherBackend,
                )

                backend = AIOHttpFetcherBackend(per_request_timeout=self.policy.timeout_s)
                self._owned = True
            self._backend = backend
            self._inner = backend.get_fetchers()
        return self._inner

    async def close(self) -> None:
        if self._backend is not None and self._owned:
            await self._backend.close()

    def registry(self, trust: TrustStore) -> tuple[CertificateRegistry, SimpleTrustManager]:
        """One certificate registry and trust manager per document: building them hashes
        every name again (the costliest part of a validation context)."""
        if self._registry is None:
            registry = CertificateRegistry.build(
                [*trust.certificates, *self.pool.certs], cert_fetcher=_Certs(self)
            )
            self._registry = registry, SimpleTrustManager.build(trust_roots=trust.certificates)
        return self._registry

    def fetchers_for(self, moment: datetime) -> Fetchers:
        return Fetchers(
            ocsp_fetcher=_Ocsp(self, moment),
            crl_fetcher=_Crl(self, moment),
            cert_fetcher=_Certs(self),
        )

    def known_ocsp(self, cert: x509.Certificate) -> list[ocsp.OCSPResponse]:
        known = [r for key, r in self.fetched_ocsp.items() if key == _cert_key(cert)]
        known += [r for r in self.pool.ocsps if ocsp_window(r, cert) is not None]
        if self.cache is not None:
            known += self.cache.ocsp_for(cert)
        return known

    def known_crls(self, cert: x509.Certificate) -> list[crl.CertificateList]:
        known = list(self.fetched_crls.get(cert.issuer.sha256.hex(), []))
        known += [c for c in self.pool.crls if crl_window(c, cert) is not None]
        if self.cache is not None:
            known += self.cache.crls_for(cert)
        return known

    def usable(self, window: tuple[datetime, datetime] | None, moment: datetime) -> bool:
        # Online, stale data is refreshed even when it covers the signing time: a revocation
        # published since may be backdated (key compromise).
        return usable_at(window, moment, self.now) if self.online else usable_at(window, moment)


def _cert_key(cert: x509.Certificate) -> tuple[str, int]:
    return cert.issuer.sha256.hex(), cert.serial_number


class _Ocsp(OCSPFetcher):
    def __init__(self, session: RevocationSession, moment: datetime) -> None:
        self.session, self.moment = session, moment
        self._given: dict[tuple[str, int], ocsp.OCSPResponse] = {}

    async def fetch(self, cert: Any, authority: Any) -> ocsp.OCSPResponse:
        session = self.session
        for resp in session.known_ocsp(cert):
            if session.usable(ocsp_window(resp, cert), self.moment):
                self._given[_cert_key(cert)] = resp
                return resp
        if not session.online:
            raise OCSPFetchError("offline: no usable OCSP response at hand")
        try:
            resp = await session.inner().ocsp_fetcher.fetch(cert, authority)
        except Exception as exc:  # noqa: BLE001 - network errors come in many types
            session.failures.append(f"OCSP: {exc}")
            raise OCSPFetchError(f"OCSP request failed: {exc}") from exc
        session.fetched_ocsp[_cert_key(cert)] = resp
        if session.cache is not None:
            session.cache.store_ocsp(cert, resp)
        self._given[_cert_key(cert)] = resp
        return resp

    def fetched_responses(self) -> Iterable[ocsp.OCSPResponse]:
        return list(self._given.values())

    def fetched_responses_for_cert(self, cert: Any) -> Iterable[ocsp.OCSPResponse]:
        resp = self._given.get(_cert_key(cert))
        return [resp] if resp is not None else []


class _Crl(CRLFetcher):
    def __init__(self, session: RevocationSession, moment: datetime) -> None:
        self.session, self.moment = session, moment
        self._given: dict[tuple[str, int], list[crl.CertificateList]] = {}

    async def fetch(self, cert: Any, *, use_deltas: Any = None) -> Iterable[crl.CertificateList]:
        session = self.session
        usable = [
            c for c in session.known_crls(cert) if session.usable(crl_window(c, cert), self.moment)
        ]
        if not usable:
            if not session.online:
                raise CRLFetchError("offline: no usable CRL at hand")
            try:
                fetched = list(await session.inner().crl_fetcher.fetch(cert, use_deltas=False))
            except Exception as exc:  # noqa: BLE001 - network errors come in many types
                session.failures.append(f"CRL: {exc}")
                raise CRLFetchError(f"CRL download failed: {exc}") from exc
            session.fetched_crls.setdefault(cert.issuer.sha256.hex(), []).extend(fetched)
            if session.cache is not None:
                for item in fetched:
                    session.cache.store_crl(item)
            usable = fetched
        self._given[_cert_key(cert)] = usable
        return usable

    def fetched_crls(self) -> Iterable[crl.CertificateList]:
        return [c for group in self._given.values() for c in group]

    def fetched_crls_for_cert(self, cert: Any) -> Iterable[crl.CertificateList]:
        return self._given[_cert_key(cert)]  # KeyError when never asked: the API's contract


async def _nothing() -> AsyncGenerator[x509.Certificate, None]:
    return
    yield  # pragma: no cover - makes this an async generator


class _Certs(CertificateFetcher):
    """caIssuers (AIA) fetching, online only: many signers embed no intermediate."""

    def __init__(self, session: RevocationSession) -> None:
        self.session = session

    def fetch_cert_issuers(self, cert: Any) -> AsyncGenerator[x509.Certificate, None]:
        if not self.session.online:
            return _nothing()
        return self.session.inner().cert_fetcher.fetch_cert_issuers(cert)

    def fetch_crl_issuers(self, certificate_list: Any) -> AsyncGenerator[x509.Certificate, None]:
        if not self.session.online:
            return _nothing()
        return self.session.inner().cert_fetcher.fetch_crl_issuers(certificate_list)

    def fetched_certs(self) -> Iterable[x509.Certificate]:
        if self.session._inner is None:
            return []
        return self.session._inner.cert_fetcher.fetched_certs()


def validation_context(
    trust: TrustStore,
    session: RevocationSession,
    *,
    moment: datetime,
    require_revocation: bool,
    extra_certs: Iterable[x509.Certificate] = (),
) -> ValidationContext:
    """A context that validates at ``moment`` (a point in time, even when it is now) with
    revocation required for every non-anchor certificate, or checked only when at hand."""
    rule = (
        RevocationCheckingRule.CRL_OR_OCSP_REQUIRED
        if require_revocation
        else RevocationCheckingRule.CHECK_IF_DECLARED_SOFT
    )
    policy = CertRevTrustPolicy(
        RevocationCheckingPolicy(ee_certificate_rule=rule, intermediate_ca_cert_rule=rule),
        # Data issued after the signing time still tells whether the certificate was revoked
        # before it; revocation dates are compared with ``moment``.
        retroactive_revinfo=True,
    )
    registry, trust_manager = session.registry(trust)
    registry.register_multiple(list(extra_certs))
    return ValidationContext(
        certificate_registry=registry,
        trust_manager=trust_manager,
        moment=moment,
        allow_fetching=True,
        fetchers=session.fetchers_for(moment),
        ocsps=list(session.pool.ocsps),
        crls=list(session.pool.crls),
        revinfo_policy=policy,
        weak_hash_algos=WEAK_HASHES,
        time_tolerance=timedelta(seconds=5),
    )
