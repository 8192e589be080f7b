"""Signing with a USB token in the desktop: the token picker and doctor, the PIN dialog and the Qt
prompter, the signature box on the preview, and the leader's signing window (one file or a batch).

Entry points (imported lazily: the token layer and pyhanko load only when a signing screen opens):
``open_sign_dialog(parent, ws, runner, paths, role)``, ``open_token_doctor(parent, ws, runner)``,
and for a document's workflow ``open_document_sign_dialog`` (leader) and ``open_issue_dialog``
(clerk).
"""

from __future__ import annotations

from typing import Any


def open_sign_dialog(*args: Any, **kwargs: Any) -> Any:
    """See ``app.ui.signing.entry.open_sign_dialog``."""
    from app.ui.signing.entry import open_sign_dialog as open_dialog

    return open_dialog(*args, **kwargs)


def open_document_sign_dialog(*args: Any, **kwargs: Any) -> Any:
    """See ``app.ui.signing.entry.open_document_sign_dialog``."""
    from app.ui.signing.entry import open_document_sign_dialog as open_dialog

    return open_dialog(*args, **kwargs)


def open_issue_dialog(*args: Any, **kwargs: Any) -> Any:
    """See ``app.ui.signing.entry.open_issue_dialog``."""
    from app.ui.signing.entry import open_issue_dialog as open_dialog

    return open_dialog(*args, **kwargs)


def open_token_doctor(*args: Any, **kwargs: Any) -> Any:
    """See ``app.ui.signing.entry.open_token_doctor``."""
    from app.ui.signing.entry import open_token_doctor as open_doctor

    return open_doctor(*args, **kwargs)


__all__ = [
    "open_document_sign_dialog",
    "open_issue_dialog",
    "open_sign_dialog",
    "open_token_doctor",
]
