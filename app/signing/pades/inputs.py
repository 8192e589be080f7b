"""Open a PDF for an incremental update, or refuse it with a message that names the problem.

Checks, in order: it is a PDF at all, it is complete (an end-of-file marker), the cross-reference
data parses, the password opens it, its encryption permissions allow what we are about to do
(pyhanko does not enforce them), and no certification signature forbids the change.
Must not: repair or rewrite a file (that would break existing signatures).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from pyhanko.pdf_utils.crypt import AuthStatus
from pyhanko.pdf_utils.crypt.permissions import StandardPermissions
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import read_certification_data

from app.signing.pades.errors import (
    PdfMalformed,
    PdfModificationForbidden,
    PdfPasswordIncorrect,
    PdfPasswordRequired,
)

_TAIL = 2048


class Change(enum.Enum):
    """What an update is going to do, for the permission checks."""

    FILL_FIELDS = "fill existing form or signature fields"
    ADD_FIELD = "add a new signature field"
    ADD_REVISION = "add validation data or a document timestamp"


def check_shape(stream: BinaryIO, name: str) -> None:
    """Refuse what is plainly not a whole PDF before a parser sees it."""
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    head = stream.read(1024)
    if size == 0:
        raise PdfMalformed(f"{name}: the file is empty", file=name, problem="empty")
    if b"%PDF-" not in head:
        raise PdfMalformed(f"{name}: not a PDF file (no %PDF header)", file=name, problem="not_pdf")
    stream.seek(max(0, size - _TAIL))
    if b"%%EOF" not in stream.read():
        raise PdfMalformed(
            f"{name}: the file is truncated (no %%EOF end-of-file marker)",
            file=name,
            problem="truncated",
        )
    stream.seek(0)


@dataclass(frozen=True)
class Opened:
    """A writer over the working copy and the permissions its password granted."""

    writer: IncrementalPdfFileWriter
    flags: StandardPermissions | None  # None: not encrypted, or opened as owner


def open_for_update(stream: BinaryIO, *, name: str, password: str | None) -> Opened:
    """An incremental writer over ``stream`` (read + write), authenticated."""
    check_shape(stream, name)
    try:
        writer = IncrementalPdfFileWriter(stream)
        encrypted = writer.prev.encrypted
    except (PdfError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise PdfMalformed(
            f"{name}: broken cross-reference table or trailer ({exc})",
            file=name,
            problem="xref",
        ) from exc
    flags = _authenticate(writer, name, password) if encrypted else None
    return Opened(writer, flags)


def ensure_allowed(opened: Opened, change: Change, name: str) -> None:
    """Refuse ``change`` when encryption permissions or a certification signature forbid it."""
    if opened.flags is not None and not _allows(opened.flags, change):
        raise PdfModificationForbidden(
            f"{name}: the document's permissions forbid changes ({change.value})",
            file=name,
            reason="encryption_permissions",
        )
    try:
        docmdp = read_certification_data(opened.writer.prev)
    except (PdfError, ValueError, KeyError) as exc:
        raise PdfMalformed(f"{name}: unreadable certification data ({exc})", file=name) from exc
    if docmdp is None or change is Change.ADD_REVISION:
        return
    if docmdp.permission is MDPPerm.NO_CHANGES:
        raise PdfModificationForbidden(
            f"{name}: a certification signature forbids any change to this document",
            file=name,
            reason="docmdp_no_changes",
        )
    if docmdp.permission is MDPPerm.FILL_FORMS and change is Change.ADD_FIELD:
        raise PdfModificationForbidden(
            f"{name}: a certification signature allows only filling existing fields; "
            "sign into an existing signature field",
            file=name,
            reason="docmdp_fill_forms_only",
        )


def _authenticate(
    writer: IncrementalPdfFileWriter, name: str, password: str | None
) -> StandardPermissions | None:
    # Many "protected" PDFs have an empty user password and only restrict permissions.
    try:
        result = cast(Any, writer).encrypt(password if password is not None else "")
    except (PdfError, ValueError, NotImplementedError) as exc:
        raise PdfMalformed(f"{name}: cannot decrypt ({exc})", file=name) from exc
    if result.status is AuthStatus.FAILED:
        if password is None:
            raise PdfPasswordRequired(f"{name}: the PDF needs a password", file=name)
        raise PdfPasswordIncorrect(f"{name}: the password is wrong", file=name)
    flags = result.permission_flags
    if result.status is AuthStatus.OWNER or not isinstance(flags, StandardPermissions):
        return None
    return flags


def _allows(flags: StandardPermissions, change: Change) -> bool:
    annots = StandardPermissions.ALLOW_ANNOTS_FORM_FILLING in flags
    fill = StandardPermissions.ALLOW_FORM_FILLING in flags
    modify = StandardPermissions.ALLOW_MODIFICATION_GENERIC in flags
    if change is Change.FILL_FIELDS:
        return annots or fill
    if change is Change.ADD_FIELD:
        return annots
    return modify or annots or fill
