"""Where the verification of one document spends its time, made cheaper without changing results.

A profile of a one-page B-LT document (docs/performance.md) showed two hot spots outside our
own code: reading the hex strings of /Contents one byte at a time (pyhanko) and preparing
certificate names for comparison (asn1crypto runs the RFC 4518 string preparation, table
lookups per character, for every freshly parsed certificate; the certificate path builder
compares names many times per signature). ``reading()`` puts the analysis inside the block
hex reader of ``app.signing.hexread`` (same result or error as pyhanko's, scoped to the
block) and inside ``lazystreams`` (big payloads stay in the file), and has asn1crypto remember
the prepared form of each name value (shared by all verifications, at most ``MAX_PREPARED``):
``_ldap_string_prep`` is a pure function of its string argument (it never reads ``self``), so a
remembered result is the one it would compute; failures (ValueError) are not remembered and are
raised again each time. For the same reason it remembers whether two names are equal (RFC 5280
comparison, a pure function of the two encodings: keyed by both DER encodings; the signer's
certificate is looked up by issuer and serial several times per signature, and pyhanko compares
the issuer before the serial). Outside ``reading()`` blocks asn1crypto prepares names as before.
Must not: change what pyhanko or asn1crypto return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from typing import Any

from asn1crypto import x509

from app.signing.hexread import fast_hex
from app.signing.verify.fastread import fast_objects
from app.signing.verify.lazystreams import lazy_streams

MAX_PREPARED = 8192
_active: ContextVar[bool] = ContextVar("verify_name_memo", default=False)
_prepared: dict[str, str] = {}
_original_prep: Callable[[Any, str], str] | None = None
_equal: dict[tuple[bytes, bytes], bool] = {}
_original_eq: Callable[[Any, Any], bool] | None = None


def _prep(ntv: Any, string: str) -> str:
    assert _original_prep is not None
    if not _active.get():
        return _original_prep(ntv, string)
    try:
        return _prepared[string]
    except KeyError:
        pass
    except TypeError:  # not hashable: nothing to remember
        return _original_prep(ntv, string)
    result = _original_prep(ntv, string)
    if type(string) is str and len(_prepared) < MAX_PREPARED:
        _prepared[string] = result
    return result


def _name_eq(self: Any, other: Any) -> bool:
    assert _original_eq is not None
    if not _active.get() or type(self) is not x509.Name or type(other) is not x509.Name:
        return _original_eq(self, other)
    try:
        key = (self.dump(), other.dump())
        return _equal[key]
    except KeyError:
        pass
    except Exception:  # noqa: BLE001 - not encodable: compare as asn1crypto does, unremembered
        return _original_eq(self, other)
    result = _original_eq(self, other)  # a ValueError (unpreparable value) is not remembered
    if len(_equal) < MAX_PREPARED:
        _equal[key] = result
    return result


def install_name_memo() -> None:
    """Put the memos in front of asn1crypto's name preparation and name comparison (once;
    idempotent); they are only consulted inside ``reading()`` blocks (this thread / task)."""
    global _original_prep, _original_eq
    if _original_prep is None:
        _original_prep = x509.NameTypeAndValue._ldap_string_prep
        x509.NameTypeAndValue._ldap_string_prep = _prep
    if _original_eq is None:
        _original_eq = x509.Name.__eq__
        x509.Name.__eq__ = _name_eq


def warm_up() -> None:
    """Import what ``reading()`` needs (a worker does this before capping its memory)."""
    import app.signing.hexread  # noqa: F401


@contextmanager
def reading() -> Iterator[None]:
    """The fast, result-preserving read paths for the code in this block (this task only)."""
    install_name_memo()
    token = _active.set(True)
    try:
        with ExitStack() as stack:
            stack.enter_context(fast_hex())
            stack.enter_context(lazy_streams())
            stack.enter_context(fast_objects())
            yield
    finally:
        _active.reset(token)
