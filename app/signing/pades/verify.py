"""Checks the engine runs on what it wrote, before anything replaces the source.

Cheap ones only: the new signature's integrity and cryptographic validity (no network), and that
every signature which was valid before our update still is, with at most form filling as the
change since it was made. ``ltv_self_contained`` proves a file validates offline from its DSS.
Must not: serve as the verification use case for incoming documents (that needs policy,
revocation and trust handling of its own).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SigState:
    field: str
    intact: bool
    valid: bool
    modification: str  # ModificationLevel name, "" when not analysed
    docmdp_ok: bool | None
    trusted: bool


def open_reader(handle: BinaryIO, password: str | None) -> PdfFileReader:
    handle.seek(0)
    reader = PdfFileReader(handle)
    if reader.encrypted:
        reader.decrypt(password if password is not None else "")
    return reader


async def signature_states(
    reader: PdfFileReader,
    *,
    trust_roots: list[Any] | None = None,
    fields: set[str] | None = None,
    diff: bool = True,
) -> dict[str, SigState]:
    """Validate the regular signatures (optionally only ``fields``) without going online."""
    out: dict[str, SigState] = {}
    for sig in reader.embedded_regular_signatures:
        name = sig.field_name
        if fields is not None and name not in fields:
            continue
        embedded = list(sig.other_embedded_certs)
        # Without known roots, "trust" the embedded ones: only integrity is asked for then, and
        # path building without any root would only fill the log with tracebacks.
        roots = trust_roots or [c for c in embedded if c.self_signed != "no"]
        context = ValidationContext(
            trust_roots=roots,
            other_certs=embedded,
            allow_fetching=False,
            revocation_mode="soft-fail",
        )
        try:
            status = await async_validate_pdf_signature(
                sig, signer_validation_context=context, skip_diff=not diff
            )
        except Exception as exc:  # noqa: BLE001 - any failure means "not verifiable"
            log.info("signature %s cannot be validated: %s", name, exc)
            out[name] = SigState(name, False, False, "", False, False)
            continue
        level = status.modification_level
        out[name] = SigState(
            name,
            bool(status.intact),
            bool(status.valid),
            level.name if level is not None else "",
            status.docmdp_ok,
            bool(status.trusted),
        )
    return out


def still_fine(before: SigState, after: SigState | None) -> bool:
    """A signature valid before our update must stay valid, changed by form filling at most."""
    if not (before.intact and before.valid):
        return True
    if after is None or not (after.intact and after.valid) or after.docmdp_ok is False:
        return False
    allowed = {ModificationLevel.NONE.name, ModificationLevel.LTA_UPDATES.name}
    allowed.add(ModificationLevel.FORM_FILLING.name)
    return after.modification in allowed


async def ltv_self_contained(
    reader: PdfFileReader, trust_roots: list[Any], moment: datetime | None = None
) -> bool:
    """True when every regular signature validates as trusted, with revocation checked, using
    only the certificates, OCSP responses and CRLs stored in the document's DSS."""
    dss = reader.root["/DSS"] if "/DSS" in reader.root else None
    if dss is None:
        return False
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    store = DocumentSecurityStore.read_dss(reader)
    for sig in reader.embedded_regular_signatures:
        context = store.as_validation_context(
            {
                "trust_roots": trust_roots,
                "allow_fetching": False,
                "revocation_mode": "hard-fail",
                "moment": moment,
            }
        )
        status = await async_validate_pdf_signature(
            sig, signer_validation_context=context, skip_diff=True
        )
        if not (status.intact and status.valid and status.trusted):
            return False
    return True
