"""A document signed by the demo leader and sealed by the demo agency (visible appearances),
shared with the document-view tests."""

from __future__ import annotations

from tests.ui.document.conftest import signed_bytes, ui_kit

__all__ = ["signed_bytes", "ui_kit"]
