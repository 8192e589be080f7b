"""Errors the verification engine raises, as subclasses of the shared tree in ``app.errors``.

Verification itself never raises for a bad document: a hostile or broken file becomes a
CANNOT_VERIFY or INVALID verdict. These errors are for misuse and for the trust pack.
Must not: carry library exceptions out unwrapped.
"""

from __future__ import annotations

from app.errors import ConfigError, NotFound, PdfInputError


class TrustPackError(ConfigError):
    """A trust anchor file cannot be read or is not a CA certificate."""

    code = "trust_pack_error"


class SignatureFieldNotFound(NotFound):
    """No signed field of that name (for extracting the signed revision)."""

    code = "signature_field_not_found"


class SignedRevisionUnavailable(PdfInputError):
    """The signature's /ByteRange is not a sane [0 a b c] range inside the file."""

    code = "signed_revision_unavailable"


class DocumentChanged(PdfInputError):
    """Re-verification was asked for different bytes than the earlier verdict covered."""

    code = "document_changed"
