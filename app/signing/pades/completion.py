"""Catch up on long-term validation for documents signed while offline: ``complete_ltv``.

A signature made without its timestamp (B-B, flagged pending) first gets a document timestamp,
which proves it existed from then on; then every signature and timestamp gets its chain, OCSP
responses and CRLs in the DSS (B-LT); for B-LTA a last document timestamp seals that DSS. Each
is an incremental update on a staged copy; nothing replaces the input unless all succeed.
Must not: re-sign, or change the document's content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from app.errors import InvalidInput
from app.signing.pades.engine import run
from app.signing.pades.errors import SignatureCheckFailed
from app.signing.pades.inputs import Change, ensure_allowed, open_for_update
from app.signing.pades.ltv import add_document_timestamp, add_validation_data
from app.signing.pades.model import Level, LtvResult
from app.signing.pades.output import Stage, sha256_of
from app.signing.pades.verify import open_reader, signature_states, still_fine


def has_signature_timestamp(sig: Any) -> bool:
    attrs = sig.signer_info["unsigned_attrs"]
    if attrs.native is None:
        return False
    return any(attr["type"].native == "signature_time_stamp_token" for attr in attrs)


def complete_ltv(
    path_in: Path,
    path_out: Path,
    *,
    timestamper: Any,
    validation_context: Any,
    level: Level = Level.B_LTA,
    password: str | None = None,
) -> LtvResult:
    """Upgrade a signed PDF to B-LT or B-LTA; raises TimestampUnavailable or
    ValidationDataUnavailable (still pending) and CertificateRevoked (never will be)."""
    if level not in (Level.B_LT, Level.B_LTA):
        raise InvalidInput("complete_ltv produces B-LT or B-LTA", level=str(level))
    with Stage() as stage:
        handle = stage.copy_of(path_in, path_out)
        covered, added = run(
            _complete(handle, timestamper, validation_context, level, password, path_in.name),
            validation_context,
        )
        digest = sha256_of(handle)
        stage.commit()
    return LtvResult(path_out, level, added, covered, digest)


async def _complete(
    handle: BinaryIO,
    timestamper: Any,
    validation_context: Any,
    level: Level,
    password: str | None,
    name: str,
) -> tuple[int, int]:
    opened = open_for_update(handle, name=name, password=password)
    ensure_allowed(opened, Change.ADD_REVISION, name)
    reader = opened.writer.prev
    regular = list(reader.embedded_regular_signatures)
    if not regular:
        raise InvalidInput(f"{name}: the document has no signature to complete", file=name)
    before = await signature_states(reader, diff=False)
    added = 0
    untimed = [sig for sig in regular if not has_signature_timestamp(sig)]
    if untimed and not reader.embedded_timestamp_signatures:
        await add_document_timestamp(handle, timestamper, password=password)
        added += 1
    covered = await add_validation_data(handle, validation_context, password=password)
    if level is Level.B_LTA:
        await add_document_timestamp(handle, timestamper, password=password)
        added += 1
    after = await signature_states(open_reader(handle, password))
    for field, state in before.items():
        if not still_fine(state, after.get(field)):
            raise SignatureCheckFailed(f"{name}: the update would break signature {field}")
    return covered, added
