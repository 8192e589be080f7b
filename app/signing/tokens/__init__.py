"""USB tokens over PKCS#11: find drivers, list tokens and certificates, log in safely, sign.

Public API (everything else in this package is internal):

- ``find_modules(extra_paths=()) -> list[ModuleCandidate]``: known Vietnamese token drivers on
  disk plus configured paths, each judged from its PE/ELF header (``arch_ok``, ``problem``)
  without loading it. ``describe_module_problem(path) -> str | None`` for a "token doctor".
- ``TokenThread()``: the single worker that owns every PKCS#11 call; make one per process.
- ``TokenManager(module_path, *, thread, attempts_file=None)``: one per driver file.
  ``list_tokens() -> list[TokenInfo]``, ``list_certificates(serial) -> list[CertificateInfo]``,
  ``login(serial, prompter) -> TokenLogin`` (context manager; the token's one logged-in
  session), ``signer(login, cert_id, *, extra_chain=()) -> TokenSigner`` (a pyhanko ``Signer``),
  ``close()``. Choose a key by (token serial, certificate CKA_ID), never by label.
- ``PinPrompter`` (Protocol: ``get_pin(PinRequest) -> str | None``, ``confirm(message) -> bool``,
  ``show_message(message, level)``) with ``ScriptedPrompter``, ``EnvPinPrompter``,
  ``TtyPinPrompter``. Prompters are called on the token thread.
- ``token_list_report(module_paths) -> list[dict]``: JSON-ready data for ``token list``.
- ``provision_softhsm_tokens`` / ``provision_softhsm_token`` (in ``.softhsm``): SoftHSM2 tokens
  with on-token keys for tests and the demo.

Errors are the ``app.errors`` token kinds (TokenNotFound, TokenDriverError, PinIncorrect,
PinLocked, PinFinalTry, TokenRemoved, UserCancelled) plus the few in ``.errors``. No Qt here; the
PIN is never stored, logged, or put into an exception or a repr. See docs/tokens.md.
"""

from app.signing.tokens.discovery import ModuleCandidate, describe_module_problem, find_modules
from app.signing.tokens.errors import (
    LoginClosed,
    PinEmpty,
    TokenArchMismatch,
    TokenAuthUnsupported,
    TokenBusy,
    TokenObjectNotFound,
)
from app.signing.tokens.info import CertificateInfo, CertProblem, CertProblemCode, TokenInfo
from app.signing.tokens.login import TokenLogin
from app.signing.tokens.manager import ModuleInUse, TokenManager
from app.signing.tokens.pin import (
    EnvPinPrompter,
    MessageLevel,
    PinPrompter,
    PinRequest,
    PinState,
    ScriptedPrompter,
    TtyPinPrompter,
)
from app.signing.tokens.report import token_list_report
from app.signing.tokens.signer import TokenSigner
from app.signing.tokens.thread import NotOnTokenThread, TokenThread

__all__ = [
    "CertProblem",
    "CertProblemCode",
    "CertificateInfo",
    "EnvPinPrompter",
    "LoginClosed",
    "MessageLevel",
    "ModuleCandidate",
    "ModuleInUse",
    "NotOnTokenThread",
    "PinEmpty",
    "PinPrompter",
    "PinRequest",
    "PinState",
    "ScriptedPrompter",
    "TokenArchMismatch",
    "TokenAuthUnsupported",
    "TokenBusy",
    "TokenInfo",
    "TokenLogin",
    "TokenManager",
    "TokenObjectNotFound",
    "TokenSigner",
    "TokenThread",
    "TtyPinPrompter",
    "describe_module_problem",
    "find_modules",
    "token_list_report",
]
