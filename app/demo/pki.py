"""A throw-away test PKI shaped like the Vietnamese ones: root, sub-CA, leader, agency, TSA, OCSP.

The certificates copy what real Vietnamese certificates carry (RSA 2048, SHA-256, a ``UID``
with ``CCCD:``/``MST:`` identifiers, a title attribute, UTF-8 names with diacritics, AIA/CRL
URLs) so that the signing, verification and display code meets realistic input. The root is marked
"DEMO - KHÔNG DÙNG THẬT" and must never be added as a trust anchor outside demos and tests.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

DEFAULT_URL_BASE = "http://127.0.0.1:8766"
DEMO_MARK = "DEMO - KHÔNG DÙNG THẬT"

DEFAULT_LEADER_NAME = "Cầm Văn Thưởng"
DEFAULT_LEADER_TITLE = "Chủ tịch"
DEFAULT_AGENCY_NAME = "Ủy ban nhân dân tỉnh Điện Biên"
DEFAULT_LOCALITY = "Điện Biên"

# Fake identifiers in the formats Vietnamese CAs put into UID (0.9.2342.19200300.100.1.1).
# CCCD: 12 digits, the first three are the province of birth registration (011 = Điện Biên).
DEFAULT_LEADER_ID = "CCCD:011070009999"
# MST: a 10-digit tax code; Điện Biên's start with 56. 5600000000 is not a real taxpayer.
DEFAULT_AGENCY_ID = "MST:5600000000"

RSA_BITS = 2048
RSA_EXPONENT = 65537

ROOT_YEARS = 20
INTERMEDIATE_YEARS = 10
END_ENTITY_DAYS = 730
# Certificates start slightly in the past so a PC whose clock runs a little slow accepts them.
BACKDATE_CA = timedelta(days=1)
BACKDATE_END_ENTITY = timedelta(hours=1)

# What Vietnamese CAs put into signing certificates for people and organisations.
SIGNER_EKUS: tuple[x509.ObjectIdentifier, ...] = (
    ExtendedKeyUsageOID.CLIENT_AUTH,
    ExtendedKeyUsageOID.EMAIL_PROTECTION,
)


@dataclass(frozen=True)
class Issued:
    """A private key and its certificate."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def cert_der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def key_pem(self) -> bytes:
        """The key as unencrypted PKCS#8 PEM (demo material only)."""
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


@dataclass(frozen=True)
class DemoPki:
    """The demo hierarchy: root → intermediate → {leader, agency, tsa, ocsp}."""

    root: Issued
    intermediate: Issued
    leader: Issued
    agency: Issued
    tsa: Issued
    ocsp: Issued

    @property
    def chain(self) -> list[x509.Certificate]:
        """The CA certificates above an end entity, nearest first."""
        return [self.intermediate.cert, self.root.cert]

    @property
    def end_entities(self) -> dict[str, Issued]:
        return {"leader": self.leader, "agency": self.agency, "tsa": self.tsa, "ocsp": self.ocsp}


# ---------------------------------------------------------------------------------------------
# Names


def _attr(oid: x509.ObjectIdentifier, value: str) -> x509.NameAttribute[str]:
    return x509.NameAttribute(oid, value)


def person_subject(
    name: str,
    *,
    title: str = DEFAULT_LEADER_TITLE,
    organisation: str = DEFAULT_AGENCY_NAME,
    unit: str | None = None,
    locality: str = DEFAULT_LOCALITY,
    id_number: str = DEFAULT_LEADER_ID,
) -> x509.Name:
    """A personal signing certificate's subject: C, ST, L, O, [OU], T, CN, UID."""
    attrs = [
        _attr(NameOID.COUNTRY_NAME, "VN"),
        _attr(NameOID.STATE_OR_PROVINCE_NAME, locality),
        _attr(NameOID.LOCALITY_NAME, locality),
        _attr(NameOID.ORGANIZATION_NAME, organisation),
    ]
    if unit:
        attrs.append(_attr(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attrs += [
        _attr(NameOID.TITLE, title),
        _attr(NameOID.COMMON_NAME, name),
        _attr(NameOID.USER_ID, id_number),
    ]
    return x509.Name(attrs)


def agency_subject(
    name: str,
    *,
    parent: str | None = None,
    locality: str = DEFAULT_LOCALITY,
    id_number: str = DEFAULT_AGENCY_ID,
) -> x509.Name:
    """An organisation (agency seal) certificate's subject: C, ST, L, [O parent], CN, UID."""
    attrs = [
        _attr(NameOID.COUNTRY_NAME, "VN"),
        _attr(NameOID.STATE_OR_PROVINCE_NAME, locality),
        _attr(NameOID.LOCALITY_NAME, locality),
        _attr(NameOID.ORGANIZATION_NAME, parent or name),
        _attr(NameOID.COMMON_NAME, name),
        _attr(NameOID.USER_ID, id_number),
    ]
    return x509.Name(attrs)


def _service_subject(cn: str) -> x509.Name:
    return x509.Name(
        [
            _attr(NameOID.COUNTRY_NAME, "VN"),
            _attr(NameOID.ORGANIZATION_NAME, "VBĐT Demo PKI"),
            _attr(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_MARK),
            _attr(NameOID.COMMON_NAME, cn),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Issuing


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    # A naive datetime is taken as UTC: certificates carry UTC times only.
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=RSA_EXPONENT, key_size=RSA_BITS)


def _years(start: datetime, years: int) -> datetime:
    # 365.25-day years: avoids 29 February arithmetic and is precise enough for CA lifetimes.
    return start + timedelta(days=round(365.25 * years))


def _urls(url_base: str, ca_slug: str) -> tuple[str, str, str]:
    """(OCSP URL, caIssuers URL, CRL URL) for certificates issued by the CA ``ca_slug``."""
    base = url_base.rstrip("/")
    return f"{base}/ocsp", f"{base}/certs/{ca_slug}.cer", f"{base}/crl/{ca_slug}.crl"


def signing_key_usage(
    *,
    digital_signature: bool = True,
    non_repudiation: bool = True,
    key_encipherment: bool = False,
) -> x509.KeyUsage:
    """A KeyUsage for end entities; flip the flags to build "wrong key usage" test certs."""
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=non_repudiation,
        key_encipherment=key_encipherment,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _ca_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def issue_root(
    *,
    now: datetime | None = None,
    common_name: str = "VBĐT Demo Root CA",
    years: int = ROOT_YEARS,
) -> Issued:
    """A self-signed root CA, marked DEMO in O and OU."""
    start = _utc(now) - BACKDATE_CA
    key = _new_key()
    name = x509.Name(
        [
            _attr(NameOID.COUNTRY_NAME, "VN"),
            _attr(NameOID.ORGANIZATION_NAME, f"VBĐT Demo PKI ({DEMO_MARK})"),
            _attr(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_MARK),
            _attr(NameOID.COMMON_NAME, common_name),
        ]
    )
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(_years(start, years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_ca_key_usage(), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(key=key, cert=cert)


def issue_intermediate(
    root: Issued,
    *,
    now: datetime | None = None,
    common_name: str = "VBĐT Demo CA cấp 2",
    years: int = INTERMEDIATE_YEARS,
    url_base: str = DEFAULT_URL_BASE,
    root_slug: str = "root",
) -> Issued:
    """A sub-CA under ``root`` (path length 0: it issues end entities only)."""
    start = _utc(now) - BACKDATE_CA
    key = _new_key()
    _, ca_issuers, crl = _urls(url_base, root_slug)
    name = x509.Name(
        [
            _attr(NameOID.COUNTRY_NAME, "VN"),
            _attr(NameOID.ORGANIZATION_NAME, f"VBĐT Demo PKI ({DEMO_MARK})"),
            _attr(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_MARK),
            _attr(NameOID.COMMON_NAME, common_name),
        ]
    )
    not_after = min(_years(start, years), root.cert.not_valid_after_utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(_aki(root), critical=False)
        .add_extension(_crl_dp(crl), critical=False)
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier(ca_issuers),
                    )
                ]
            ),
            critical=False,
        )
        .sign(root.key, hashes.SHA256())
    )
    return Issued(key=key, cert=cert)


def _aki(issuer: Issued) -> x509.AuthorityKeyIdentifier:
    ski = issuer.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)


def _crl_dp(url: str) -> x509.CRLDistributionPoints:
    return x509.CRLDistributionPoints(
        [
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(url)],
                relative_name=None,
                reasons=None,
                crl_issuer=None,
            )
        ]
    )


def issue_end_entity(
    issuer: Issued,
    subject: x509.Name,
    *,
    now: datetime | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    days: int = END_ENTITY_DAYS,
    key: rsa.RSAPrivateKey | None = None,
    key_usage: x509.KeyUsage | None = None,
    extended_key_usages: Sequence[x509.ObjectIdentifier] = SIGNER_EKUS,
    eku_critical: bool = False,
    url_base: str | None = DEFAULT_URL_BASE,
    issuer_slug: str = "intermediate",
    extra_extensions: Sequence[tuple[x509.ExtensionType, bool]] = (),
) -> Issued:
    """Issue a certificate under ``issuer``; the knobs build the odd certificates tests need.

    Defaults: valid from ``now`` (minus one hour) for ``days``; keyUsage digitalSignature +
    nonRepudiation (critical); EKU clientAuth + emailProtection; AIA (OCSP + caIssuers) and a
    CRL distribution point under ``url_base`` (``None`` leaves them out). Pass ``not_before`` /
    ``not_after`` for expired or not-yet-valid certificates, ``key_usage`` / ``extended_key_usages``
    (empty = no EKU extension) for wrong-usage ones, and ``key`` to reuse a key pair.
    """
    start = not_before if not_before is not None else _utc(now) - BACKDATE_END_ENTITY
    start = _utc(start)
    end = _utc(not_after) if not_after is not None else start + timedelta(days=days)
    key = key or _new_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(key_usage or signing_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(_aki(issuer), critical=False)
    )
    if extended_key_usages:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage(list(extended_key_usages)), critical=eku_critical
        )
    if url_base is not None:
        ocsp, ca_issuers, crl = _urls(url_base, issuer_slug)
        builder = builder.add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP,
                        x509.UniformResourceIdentifier(ocsp),
                    ),
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier(ca_issuers),
                    ),
                ]
            ),
            critical=False,
        ).add_extension(_crl_dp(crl), critical=False)
    for extension, critical in extra_extensions:
        builder = builder.add_extension(extension, critical=critical)
    return Issued(key=key, cert=builder.sign(issuer.key, hashes.SHA256()))


def generate_demo_pki(
    *,
    now: datetime | None = None,
    url_base: str = DEFAULT_URL_BASE,
    leader_name: str = DEFAULT_LEADER_NAME,
    agency_name: str = DEFAULT_AGENCY_NAME,
) -> DemoPki:
    """A fresh demo hierarchy (six new RSA-2048 keys: about a second of CPU).

    URLs under ``url_base``: ``/ocsp`` (OCSP, answered by the ``ocsp`` responder),
    ``/certs/{root,intermediate}.cer`` (caIssuers, DER) and ``/crl/{root,intermediate}.crl``.
    """
    moment = _utc(now)
    root = issue_root(now=moment)
    intermediate = issue_intermediate(root, now=moment, url_base=url_base)
    leader = issue_end_entity(
        intermediate,
        person_subject(leader_name, organisation=agency_name),
        now=moment,
        url_base=url_base,
    )
    agency = issue_end_entity(
        intermediate, agency_subject(agency_name), now=moment, url_base=url_base
    )
    tsa = issue_end_entity(
        intermediate,
        _service_subject("VBĐT Demo TSA"),
        now=moment,
        key_usage=signing_key_usage(),
        extended_key_usages=(ExtendedKeyUsageOID.TIME_STAMPING,),
        # RFC 3161 §2.3: the TSA certificate's EKU must be timeStamping only, and critical.
        eku_critical=True,
        url_base=url_base,
    )
    ocsp = issue_end_entity(
        intermediate,
        _service_subject("VBĐT Demo OCSP Responder"),
        now=moment,
        key_usage=signing_key_usage(non_repudiation=False),
        extended_key_usages=(ExtendedKeyUsageOID.OCSP_SIGNING,),
        # A delegated responder is not itself checked by OCSP (RFC 6960 §4.2.2.2.1), and it
        # points at no OCSP URL of its own.
        extra_extensions=((x509.OCSPNoCheck(), False),),
        url_base=None,
    )
    return DemoPki(
        root=root, intermediate=intermediate, leader=leader, agency=agency, tsa=tsa, ocsp=ocsp
    )


# ---------------------------------------------------------------------------------------------
# Files


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Write via a temp file in the same folder, fsync, then rename: never a half-written file."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp already made the file 0600, so a key is never readable by others, even briefly.
        if mode != 0o600:
            os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    if os.name == "posix":
        # Make the rename itself durable.
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_pki(pki: DemoPki, directory: Path, p12_password: bytes) -> dict[str, Path]:
    """Write the demo PKI as PEM and PKCS#12 files; returns {file name: path}.

    Files: ``root.pem``, ``intermediate.pem``, ``chain.pem`` (intermediate then root),
    ``root.key.pem``/``intermediate.key.pem`` (for a demo CRL/OCSP server), and for each of
    leader, agency, tsa, ocsp: ``<name>.cert.pem``, ``<name>.key.pem`` and ``<name>.p12`` (key,
    certificate and chain, encrypted with ``p12_password``). Key and .p12 files are mode 0600.
    """
    if not p12_password:
        raise ValueError("a PKCS#12 password is required")
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    def put(file_name: str, data: bytes, secret: bool = False) -> None:
        path = directory / file_name
        _write_atomic(path, data, 0o600 if secret else 0o644)
        written[file_name] = path

    put("root.pem", pki.root.cert_pem)
    put("intermediate.pem", pki.intermediate.cert_pem)
    put("chain.pem", pki.intermediate.cert_pem + pki.root.cert_pem)
    put("root.key.pem", pki.root.key_pem, secret=True)
    put("intermediate.key.pem", pki.intermediate.key_pem, secret=True)
    encryption = serialization.BestAvailableEncryption(p12_password)
    for name, issued in pki.end_entities.items():
        put(f"{name}.cert.pem", issued.cert_pem)
        put(f"{name}.key.pem", issued.key_pem, secret=True)
        p12 = pkcs12.serialize_key_and_certificates(
            # ASCII friendly name: some token tools mangle diacritics in labels.
            name=name.encode("ascii"),
            key=issued.key,
            cert=issued.cert,
            cas=pki.chain,
            encryption_algorithm=encryption,
        )
        put(f"{name}.p12", p12, secret=True)
    return written
