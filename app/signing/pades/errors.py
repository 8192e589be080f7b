"""Errors the PAdES engine raises, as subclasses of the shared tree in ``app.errors``.

Each carries a stable ``code`` and named parameters; the front ends translate the code. Library
exceptions (pyhanko, asn1crypto, aiohttp) never leave this package unwrapped.
"""

from __future__ import annotations

from app.errors import PdfInputError, SigningError


class PdfMalformed(PdfInputError):
    """Not a PDF, truncated, or a broken cross-reference table."""

    code = "pdf_malformed"


class PdfPasswordRequired(PdfInputError):
    code = "pdf_password_required"


class PdfPasswordIncorrect(PdfInputError):
    code = "pdf_password_incorrect"


class PdfModificationForbidden(PdfInputError):
    """The document's encryption permissions forbid changes, or a certification locks it."""

    code = "pdf_modification_forbidden"


class PlaceholderNotFound(SigningError):
    """No box was given and no placeholder (field or marker text) was found."""

    code = "signature_placeholder_not_found"


class IncompleteChain(SigningError):
    """The signer's issuer certificate is neither on the token nor in the supplied chain."""

    code = "signature_chain_incomplete"


class CertificateRevoked(SigningError):
    code = "certificate_revoked"


class TimestampUnavailable(SigningError):
    """The TSA could not be reached: a transient condition, try again when online."""

    code = "timestamp_unavailable"


class ValidationDataUnavailable(SigningError):
    """OCSP/CRL sources could not be reached: a transient condition, try again when online."""

    code = "validation_data_unavailable"


class SignatureCheckFailed(SigningError):
    """The freshly written file did not re-validate; nothing was written."""

    code = "signature_check_failed"


class ExistingSignatureBroken(SigningError):
    """A signature that was valid before our update is no longer valid (or was not to start)."""

    code = "existing_signature_broken"
