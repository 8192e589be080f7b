"""Verification of incoming signed PDFs: conservative verdicts, an offline trust pack, reports.

Public entry points: ``verify_pdf`` (in process), ``verify_pdf_isolated`` (a worker process with
time and memory caps, for files from outside), ``reverify`` (again, once revocation data can be
had), ``extract_signed_revision`` (the bytes a signer signed), ``import_trust_anchors`` and
``TrustStore`` (the trust pack), ``cli_verify`` (the command line). See docs/verification.md.
Must not: import Qt, or treat a file it cannot read as unsigned.

The names below load on first use (PEP 562, ``app.lazy``): ``engine`` imports pyhanko (~0.7 s)
while much of the application needs only the trust pack or the verdict model. Workers that
verify import ``app.signing.verify.engine`` themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazy import lazy_exports

if TYPE_CHECKING:
    from app.signing.verify.cli import cli_verify
    from app.signing.verify.engine import verify_pdf
    from app.signing.verify.fetching import RevocationPolicy, default_cache_dir
    from app.signing.verify.isolated import verify_pdf_isolated
    from app.signing.verify.limits import ParseLimits
    from app.signing.verify.model import (
        Coverage,
        DocumentVerdict,
        LaterChange,
        Reason,
        RevocationStatus,
        SignatureKind,
        SignatureVerdict,
        SignerKind,
        TimeSource,
    )
    from app.signing.verify.revision import extract_signed_revision, reverify
    from app.signing.verify.rules import RULES
    from app.signing.verify.trust import (
        OFFICIAL_ANCHORS,
        ImportResult,
        TrustStore,
        default_trust_dir,
        import_trust_anchors,
    )

# name -> the submodule that defines it (tests/test_lazy_exports.py keeps it in step)
_HOME = {
    "cli_verify": "cli",
    "verify_pdf": "engine",
    "RevocationPolicy": "fetching",
    "default_cache_dir": "fetching",
    "verify_pdf_isolated": "isolated",
    "ParseLimits": "limits",
    "Coverage": "model",
    "DocumentVerdict": "model",
    "LaterChange": "model",
    "Reason": "model",
    "RevocationStatus": "model",
    "SignatureKind": "model",
    "SignatureVerdict": "model",
    "SignerKind": "model",
    "TimeSource": "model",
    "extract_signed_revision": "revision",
    "reverify": "revision",
    "RULES": "rules",
    "OFFICIAL_ANCHORS": "trust",
    "ImportResult": "trust",
    "TrustStore": "trust",
    "default_trust_dir": "trust",
    "import_trust_anchors": "trust",
}
__getattr__, __dir__ = lazy_exports(__name__, _HOME, globals())

__all__ = [
    "OFFICIAL_ANCHORS",
    "RULES",
    "Coverage",
    "DocumentVerdict",
    "ImportResult",
    "LaterChange",
    "ParseLimits",
    "Reason",
    "RevocationPolicy",
    "RevocationStatus",
    "SignatureKind",
    "SignatureVerdict",
    "SignerKind",
    "TimeSource",
    "TrustStore",
    "cli_verify",
    "default_cache_dir",
    "default_trust_dir",
    "extract_signed_revision",
    "import_trust_anchors",
    "reverify",
    "verify_pdf",
    "verify_pdf_isolated",
]
