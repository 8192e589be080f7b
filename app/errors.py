"""The error tree shared by every layer.

Library exceptions are wrapped at the boundary (``raise ... from exc``). Every error that
may reach a person carries a stable ``code`` and named ``params``; the front ends turn the
code into words in one table (``app.messages``), so no layer formats user text in an ``if``
chain.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Root of every error the application raises on purpose."""

    code: str = "app_error"

    def __init__(self, message: str = "", /, **params: Any) -> None:
        super().__init__(message or self.code)
        self.params: dict[str, Any] = params

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class UserCancelled(AppError):
    """The person cancelled (closed a PIN dialog, pressed Cancel). Shown as nothing."""

    code = "cancelled"


class UserFacingError(AppError):
    """Safe to show: the message text is already meant for a person."""

    code = "user_error"


# --- configuration and storage -------------------------------------------------------------------
class ConfigError(UserFacingError):
    code = "config_error"


class DataDirNotWritable(ConfigError):
    code = "data_dir_not_writable"


class DatabaseUnavailable(UserFacingError):
    code = "database_unavailable"


class SchemaTooNew(UserFacingError):
    """The database was written by a newer version of the application."""

    code = "schema_too_new"


class SchemaOutdated(UserFacingError):
    code = "schema_outdated"


class StorageError(UserFacingError):
    code = "storage_error"


class DiskFull(StorageError):
    code = "disk_full"


class AuditChainBroken(UserFacingError):
    code = "audit_chain_broken"


# --- documents and workflows ---------------------------------------------------------------------
class NotFound(UserFacingError):
    code = "not_found"


class InvalidInput(UserFacingError):
    code = "invalid_input"


class InvalidTransition(UserFacingError):
    code = "invalid_transition"


class PermissionDenied(UserFacingError):
    code = "permission_denied"


class NumberingConflict(UserFacingError):
    code = "numbering_conflict"


class SecrecyViolation(UserFacingError):
    code = "secrecy_violation"


# --- tokens and signatures -----------------------------------------------------------------------
class TokenError(UserFacingError):
    code = "token_error"


class TokenNotFound(TokenError):
    code = "token_not_found"


class TokenDriverError(TokenError):
    code = "token_driver_error"


class PinIncorrect(TokenError):
    code = "pin_incorrect"


class PinLocked(TokenError):
    code = "pin_locked"


class PinFinalTry(TokenError):
    code = "pin_final_try"


class TokenRemoved(TokenError):
    code = "token_removed"


class SigningError(UserFacingError):
    code = "signing_error"


class PdfInputError(UserFacingError):
    """A PDF we were given cannot be read or may not be changed."""

    code = "pdf_input_error"


class SignatureInvalid(UserFacingError):
    code = "signature_invalid"


# --- platform ------------------------------------------------------------------------------------
class SyncError(UserFacingError):
    code = "sync_error"


class SyncUnavailable(SyncError):
    code = "sync_unavailable"


class SyncAuthError(SyncError):
    code = "sync_auth_error"


class PackageInvalid(SyncError):
    code = "package_invalid"
