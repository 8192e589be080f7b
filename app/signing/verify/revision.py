"""The revision a signature covers, and re-verification of a document verified before.

``extract_signed_revision`` gives exactly the bytes a signer signed (up to the end of the second
/ByteRange span), which is itself a PDF a viewer opens: "show me what was signed". ``reverify``
repeats a verification when revocation data could not be had the first time; the earlier
verification time is a proof of existence for the same bytes, so a certificate revoked only
after it does not condemn the document. Must not: modify the file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader

from app.signing.verify.engine import Source, open_source, run_sync, verify_blob
from app.signing.verify.errors import (
    DocumentChanged,
    SignatureFieldNotFound,
    SignedRevisionUnavailable,
)
from app.signing.verify.fetching import RevocationPolicy
from app.signing.verify.fields import locator, snapshot_fields
from app.signing.verify.lazystreams import lazy_streams
from app.signing.verify.limits import LimitExceeded, ParseLimits
from app.signing.verify.model import DocumentVerdict
from app.signing.verify.rawscan import byterange_problem
from app.signing.verify.trust import TrustStore


def extract_signed_revision(
    source: str | Path | bytes, field_name: str, *, limits: ParseLimits | None = None
) -> bytes:
    """Bytes [0 : end of the second /ByteRange span] of the signature in ``field_name``."""
    limits = limits or ParseLimits()
    try:
        blob = open_source(source, limits)
    except LimitExceeded as exc:
        raise SignedRevisionUnavailable(
            f"cannot read the signature in {field_name!r}: {exc}", field=field_name
        ) from exc
    with blob, lazy_streams():
        try:
            reader = PdfFileReader(blob.stream, strict=True, decode_limits=limits.decode_limits())
            last = reader.xrefs.total_revisions - 1
            snap = snapshot_fields(reader.root, limits, locator(reader, last)).get(field_name)
            if snap is None or snap.ft != "/Sig" or not snap.has_value:
                raise SignatureFieldNotFound(f"no signed field {field_name!r}", field=field_name)
            values = tuple(int(v) for v in snap.node["/V"]["/ByteRange"])
        except (LimitExceeded, ValueError, KeyError, TypeError) as exc:
            raise SignedRevisionUnavailable(
                f"cannot read the signature in {field_name!r}: {exc}", field=field_name
            ) from exc
        problem = byterange_problem(blob, values)
        if problem:
            raise SignedRevisionUnavailable(f"bad /ByteRange: {problem}", field=field_name)
        return blob.read(0, values[2] + values[3])


def reverify(
    source: Source,
    previous: DocumentVerdict,
    *,
    trust: TrustStore,
    revocation: RevocationPolicy,
    now: datetime | None = None,
    limits: ParseLimits | None = None,
) -> DocumentVerdict:
    """Verify again (e.g. once online) the same bytes that ``previous`` was computed for.

    Raises DocumentChanged when the bytes differ: a new file needs a new first verification.
    """
    limits = limits or ParseLimits()
    moment = now if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    with open_source(source, limits) as blob:  # LimitExceeded: as before, the caller's problem
        digest = blob.sha256()
        if previous.file_sha256 and previous.file_sha256 != digest:
            raise DocumentChanged("the file differs from the one verified before", sha256=digest)
        return run_sync(verify_blob(blob, trust, revocation, moment, limits, previous.as_of))
