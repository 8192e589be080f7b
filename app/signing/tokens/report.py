"""``token list`` as data: every token behind the given drivers and its certificates, as plain
JSON-serialisable dicts, so that the CLI (and a support bundle) is a thin wrapper.

Reading only: no login, no PIN, nothing written. Uses the open TokenManager of a driver when the
process has one (a second manager for the same driver is not allowed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.errors import AppError
from app.signing.tokens.info import CertificateInfo, TokenInfo
from app.signing.tokens.manager import TokenManager, live_manager
from app.signing.tokens.thread import TokenThread


def certificate_dict(cert: CertificateInfo) -> dict[str, Any]:
    """One certificate as JSON-ready data (``token list --json`` adds its expiry fields)."""
    return {
        "cka_id": cert.cka_id_hex,
        "label": cert.label,
        "subject": cert.subject,
        "subject_cn": cert.subject_cn,
        "issuer": cert.issuer,
        "issuer_cn": cert.issuer_cn,
        "serial_number": cert.serial_number,
        "not_before": cert.not_before.isoformat(),
        "not_after": cert.not_after.isoformat(),
        "key_usage": list(cert.key_usage),
        "sha256": cert.sha256,
        "is_ca": cert.is_ca,
        "has_key": cert.has_key,
        "usable_for_signing": cert.usable_for_signing,
        "problems": [{"code": p.code.value, "message": p.message} for p in cert.problems],
    }


def _token_dict(
    token: TokenInfo, certs: list[dict[str, Any]] | None, error: str | None
) -> dict[str, Any]:
    return {
        "label": token.label,
        "serial": token.serial,
        "manufacturer": token.manufacturer,
        "model": token.model,
        "slot_id": token.slot_id,
        "flags": list(token.flag_names),
        "pin_state": token.pin_state.value,
        "protected_auth_path": token.protected_auth_path,
        "certificates": certs or [],
        "error": error,
    }


def _module_report(manager: TokenManager) -> dict[str, Any]:
    tokens = []
    for token in manager.list_tokens():
        try:
            certs = [certificate_dict(c) for c in manager.list_certificates(token.serial)]
            tokens.append(_token_dict(token, certs, None))
        except AppError as exc:
            tokens.append(_token_dict(token, None, f"{exc.code}: {exc.message}"))
    return {"module": manager.module_path, "error": None, "tokens": tokens}


def token_list_report(
    module_paths: Iterable[str | os.PathLike[str]],
    *,
    thread: TokenThread | None = None,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """One dict per driver: ``{"module", "error", "tokens": [{..., "certificates": [...]}]}``."""
    owned = thread is None
    worker = thread or TokenThread()
    report: list[dict[str, Any]] = []
    try:
        for path in module_paths:
            existing = live_manager(path)
            try:
                if existing is not None:
                    report.append(_module_report(existing))
                    continue
                clock = (lambda: now) if now is not None else None
                with TokenManager(path, thread=worker, attempts_file=None, now=clock) as manager:
                    report.append(_module_report(manager))
            except AppError as exc:
                report.append(
                    {"module": os.fspath(path), "error": f"{exc.code}: {exc.message}", "tokens": []}
                )
    finally:
        if owned:
            worker.shutdown()
    return report
