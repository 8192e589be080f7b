"""Signing use cases for every front end: sign one PDF, sign a folder of PDFs (resumable), issue a
leader-signed draft, each with a signature from a USB token or the demo stand-in.

Front ends parse and print; this module turns their choices into PAdES engine requests, logs in
once per job (one PIN prompt), and returns frozen outcomes. Must not: print, import Qt, retry a
PIN, or write a source file (the engine stages every output and leaves sources byte-identical).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator import ValidationContext

from app.errors import InvalidInput, PdfInputError, PinIncorrect, TokenNotFound, UserCancelled
from app.services.tokens import (
    PKCS12_DEMO_MODULE,
    DemoToken,
    DemoTokenConfig,
    DemoTokenUnavailable,
    TokenHub,
    find_token,
    load_demo_p12,
    same_label,
)
from app.signing.pades import (
    Attachment,
    BatchItem,
    Box,
    CopyForm,
    IssueRequest,
    Level,
    Outcome,
    Placement,
    Role,
    SignRequest,
    SignResult,
    issue_document,
    sign_batch,
    sign_document,
)
from app.signing.tokens import PinEmpty, PinPrompter, PinRequest, PinState, TokenObjectNotFound


# --- where signatures come from ------------------------------------------------------------------
@dataclass(frozen=True)
class OpenSigner:
    """A logged-in signer ready for the PAdES engine, and what to tell the person about it."""

    signer: Any  # a pyhanko Signer (TokenSigner, or SimpleSigner for the PKCS#12 stand-in)
    token_label: str
    token_serial: str
    subject_cn: str
    real_token: bool


class SignerSource(Protocol):
    """Where a signature comes from; ``open`` asks for the PIN (once) and logs in."""

    def open(self, prompter: PinPrompter) -> AbstractContextManager[OpenSigner]: ...


def _cn(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    value = attrs[0].value if attrs else cert.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


@dataclass(frozen=True)
class Pkcs11Source:
    """A certificate (by CKA_ID) on one token (by serial, or by a label only it carries)."""

    hub: TokenHub
    modules: tuple[str, ...]
    cert_id: bytes
    label: str | None = None
    serial: str | None = None
    extra_chain: tuple[x509.Certificate, ...] = ()

    @contextmanager
    def open(self, prompter: PinPrompter) -> Iterator[OpenSigner]:
        module, info = find_token(self.hub, self.modules, label=self.label, serial=self.serial)
        manager = self.hub.manager(module)
        with manager.login(info.serial, prompter) as login:
            signer = manager.signer(login, self.cert_id, extra_chain=self.extra_chain)
            yield OpenSigner(signer, info.label, info.serial, _cn(signer.certificate), True)


@dataclass(frozen=True)
class Pkcs12DemoToken:
    """The demo workspace's stand-in where SoftHSM2 is missing: a .p12 behind the token
    interface, opened with the published demo PIN. KHÔNG PHẢI TOKEN THẬT / not a real token."""

    demo: DemoTokenConfig
    token: DemoToken
    cert_id: bytes
    extra_chain: tuple[x509.Certificate, ...] = ()

    @contextmanager
    def open(self, prompter: PinPrompter) -> Iterator[OpenSigner]:
        ids = {"label": self.token.label, "serial": self.token.serial}
        if self.cert_id != self.token.cka_id:
            raise TokenObjectNotFound(f"no certificate with CKA_ID {self.cert_id.hex()}", **ids)
        # The same PIN step as a real token, so a demo rehearses what a leader will do.
        pin = prompter.get_pin(
            PinRequest(self.token.label, self.token.serial, PinState.OK, False, 0)
        )
        if pin is None:
            raise UserCancelled("PIN entry cancelled", **ids)
        if pin == "":
            raise PinEmpty("an empty PIN was not used", **ids)
        if pin != self.demo.pin:
            raise PinIncorrect("wrong demo PIN (published in docs/cli.md)", failures=1, **ids)
        del pin
        data, cert = load_demo_p12(self.demo, self.token)
        extra = [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in self.extra_chain]
        # The .p12 carries the demo chain: pyhanko registers it, so the CMS embeds it.
        signer = SimpleSigner.load_pkcs12_data(data, extra, self.demo.p12_password.encode())
        yield OpenSigner(signer, self.token.label, self.token.serial, _cn(cert), False)


def signer_source(
    hub: TokenHub,
    modules: Sequence[str],
    *,
    cert_id: bytes,
    label: str | None = None,
    serial: str | None = None,
    demo: DemoTokenConfig | None = None,
    extra_chain: Sequence[x509.Certificate] = (),
) -> SignerSource:
    """Where a signature by (token, CKA_ID) behind ``modules`` comes from."""
    if PKCS12_DEMO_MODULE not in modules:
        return Pkcs11Source(hub, tuple(modules), cert_id, label, serial, tuple(extra_chain))
    if demo is None or demo.kind != "pkcs12":
        raise DemoTokenUnavailable("this workspace has no PKCS#12 demo token")
    for token in demo.tokens:
        if (serial and token.serial == serial) or (label and same_label(token.label, label)):
            return Pkcs12DemoToken(demo, token, cert_id, tuple(extra_chain))
    raise TokenNotFound("no demo token with that label or serial", label=label, serial=serial)


# --- options and outcomes ------------------------------------------------------------------------
@dataclass(frozen=True)
class SignOptions:
    """How to sign, as a person chooses it (``page`` counts from 1)."""

    role: Role = Role.LEADER
    level: Level | None = None  # None: B-T when a TSA is given, else B-B
    image: Path | None = None
    page: int | None = None
    box: Box | None = None
    tsa_url: str | None = None
    fill: Mapping[str, str] = field(default_factory=dict)
    main_number: str | None = None
    copy_form: CopyForm | None = None
    trust: tuple[x509.Certificate, ...] = ()  # CA certificates to embed; roots for B-LT data
    tsa_timeout: float = 10.0

    @property
    def effective_level(self) -> Level:
        return self.level or (Level.B_T if self.tsa_url else Level.B_B)


@dataclass(frozen=True)
class SignOutcome:
    """One file's result; ``pending_timestamp``: signed while the TSA was unreachable."""

    source: Path
    output: Path
    ok: bool
    skipped: bool = False  # already signed by this certificate (a resumed batch)
    level: Level | None = None
    pending_timestamp: bool = False
    pending_validation: bool = False
    pending_reason: str = ""
    signer: str = ""
    field_name: str = ""
    sha256: str = ""
    error: str | None = None
    error_code: str | None = None
    token_label: str = ""
    real_token: bool = True  # False: the demo's PKCS#12 stand-in (KHÔNG PHẢI TOKEN THẬT)


@dataclass(frozen=True)
class BatchOutcome:
    items: tuple[SignOutcome, ...]
    token_label: str
    real_token: bool
    stopped_by: str = ""  # the error code that stopped the batch (token removed, ...)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items)


@dataclass(frozen=True)
class IssueOutcome:
    main: SignOutcome
    attachments: tuple[SignOutcome, ...]
    number_symbol: str
    filled: Mapping[str, str]
    token_label: str
    real_token: bool


def load_certificates(paths: Sequence[Path]) -> tuple[x509.Certificate, ...]:
    """Every certificate in the PEM (or DER) files ``paths`` (``--trust``)."""
    certs: list[x509.Certificate] = []
    for path in paths:
        try:
            data = path.read_bytes()
            certs += (
                x509.load_pem_x509_certificates(data)
                if b"-----BEGIN" in data
                else [x509.load_der_x509_certificate(data)]
            )
        except (OSError, ValueError) as exc:
            raise InvalidInput(
                f"cannot read certificates from {path}: {exc}", path=str(path)
            ) from exc
    return tuple(certs)


def _outcome(source: Path, result: SignResult) -> SignOutcome:
    return SignOutcome(
        source, result.output, True, False, result.level, result.pending_timestamp,
        result.pending_validation, result.pending_reason, result.signer, result.field_name,
        result.sha256,
    )  # fmt: skip


def check_options(options: SignOptions, *pdfs: Path) -> None:
    """Refuse a doomed job before anybody is asked for a PIN."""
    for pdf in pdfs:
        if not pdf.is_file():
            raise PdfInputError(f"cannot read {pdf}: no such file", path=str(pdf))
    level = options.effective_level
    if level.wants_timestamp and not options.tsa_url:
        raise InvalidInput(f"{level.value} needs a timestamp server (--tsa URL)", level=level.value)
    if options.page is not None and options.page < 1:
        raise InvalidInput("pages are counted from 1", page=options.page)
    if options.role is Role.ATTACHMENT and not options.main_number:
        raise InvalidInput("an attachment's stamp needs the main document's number")
    if options.role is Role.COPY and options.copy_form is None:
        raise InvalidInput("an electronic copy needs its form (SY, SL or TrS)")


def _validation_context(signer: Any, trust: Sequence[x509.Certificate]) -> ValidationContext:
    """Where B-LT revocation data is collected from: the roots among ``trust`` and the chain."""
    certs = [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in trust]
    certs += list(signer.cert_registry)
    roots = [c for c in certs if c.self_signed != "no"]
    if not roots:
        raise InvalidInput("B-LT and B-LTA need the root certificate (--trust ROOT.pem)")
    others = [c for c in certs if c.self_signed == "no"]
    return ValidationContext(
        trust_roots=roots, other_certs=others, allow_fetching=True, revocation_mode="hard-fail"
    )


def build_request(signer: Any, source: Path, output: Path, options: SignOptions) -> SignRequest:
    """The engine's request for signing ``source`` into ``output`` as ``options`` say (the
    issue step reuses its timestamper, validation context and chain)."""
    level = options.effective_level
    page = options.page - 1 if options.page is not None else (0 if options.box else None)
    return SignRequest(
        source=source,
        output=output,
        role=options.role,
        level=level,
        placement=Placement(page=page, box=options.box),
        image=options.image,
        main_number=options.main_number,
        copy_form=options.copy_form,
        timestamper=(
            HTTPTimeStamper(options.tsa_url, timeout=options.tsa_timeout)
            if options.tsa_url and level.wants_timestamp
            else None
        ),
        validation_context=(
            _validation_context(signer, options.trust) if level.wants_validation_data else None
        ),
        chain=tuple(options.trust),
        fill=dict(options.fill),
    )


# --- use cases -----------------------------------------------------------------------------------
def sign_pdf(
    source: SignerSource, prompter: PinPrompter, pdf: Path, output: Path, options: SignOptions
) -> SignOutcome:
    """Sign ``pdf`` into ``output`` (which may be ``pdf`` itself); raises on failure."""
    check_options(options, pdf)
    with source.open(prompter) as opened:
        result = sign_document(build_request(opened.signer, pdf, output, options), opened.signer)
    return replace(
        _outcome(pdf, result), token_label=opened.token_label, real_token=opened.real_token
    )


def pdfs_in(folder: Path) -> list[Path]:
    """The PDF files directly in ``folder``, in name order."""
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder", path=str(folder))
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")


def sign_folder(
    source: SignerSource,
    prompter: PinPrompter,
    in_dir: Path,
    out_dir: Path,
    options: SignOptions,
    *,
    progress: Callable[[SignOutcome], None] | None = None,
    cancel: threading.Event | None = None,
) -> BatchOutcome:
    """Sign every PDF of ``in_dir`` into ``out_dir`` (same names) after one login.

    Outputs already signed by this certificate are skipped, so re-running after an interruption
    resumes; a token error stops the batch (the rest are reported as not run).
    """
    check_options(options)
    files = pdfs_in(in_dir)
    if not files:
        raise InvalidInput(f"no PDF files in {in_dir}", path=str(in_dir))
    if out_dir.resolve() == in_dir.resolve():
        raise InvalidInput("the output folder must not be the input folder", path=str(out_dir))

    def report(_: int, __: int, item: BatchItem) -> None:
        if progress is not None:
            progress(_item_outcome(item))

    with source.open(prompter) as opened:
        requests = [build_request(opened.signer, f, out_dir / f.name, options) for f in files]
        batch = sign_batch(requests, opened.signer, progress=report, cancel=cancel)
    items = tuple(_item_outcome(item) for item in batch.items)
    return BatchOutcome(
        items, opened.token_label, opened.real_token, batch.stopped_by, batch.cancelled
    )


def _item_outcome(item: BatchItem) -> SignOutcome:
    req = item.request
    if item.outcome is Outcome.SIGNED and item.result is not None:
        return _outcome(req.source, item.result)
    if item.outcome is Outcome.SKIPPED:
        return SignOutcome(req.source, req.output, True, skipped=True)
    if item.outcome is Outcome.NOT_RUN:
        return SignOutcome(req.source, req.output, False, error_code="not_run")
    return SignOutcome(req.source, req.output, False, error=item.error, error_code=item.error_code)


def issue_pdf(
    source: SignerSource,
    prompter: PinPrompter,
    pdf: Path,
    output: Path,
    *,
    number: str,
    symbol: str,
    issued_on: date,
    place: str = "",
    seal_image: Path | None = None,
    attachments: Sequence[tuple[Path, Path]] = (),
    options: SignOptions | None = None,
) -> IssueOutcome:
    """Issue a leader-signed draft: number and date into its fields and the agency signature in
    one update, the attachment stamp on each attachment; all outputs or none."""
    opts = options or SignOptions(role=Role.AGENCY)
    check_options(opts, pdf, *(a for a, _ in attachments))
    with source.open(prompter) as opened:
        base = build_request(opened.signer, pdf, output, opts)
        request = IssueRequest(
            source=pdf,
            output=output,
            number=number,
            symbol=symbol,
            issued_on=issued_on,
            place=place,
            seal_image=seal_image,
            attachments=tuple(Attachment(a, b) for a, b in attachments),
            level=base.level,
            timestamper=base.timestamper,
            validation_context=base.validation_context,
            chain=base.chain,
        )
        result = issue_document(request, opened.signer)
    return IssueOutcome(
        _outcome(pdf, result.main),
        tuple(_outcome(a, r) for (a, _), r in zip(attachments, result.attachments, strict=True)),
        result.number_symbol,
        dict(result.filled),
        opened.token_label,
        opened.real_token,
    )
