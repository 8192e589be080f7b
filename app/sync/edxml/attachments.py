"""Writing attachments: each file checked, zipped on its own, and its base64 streamed out.

The ZIP is built in a spooled temp file (memory for small files, disk for big ones) with a fixed
entry date, so the same document always gives the same bytes: the outbox may rebuild a package
for a retry and the platform refuses a different body under the same idempotency key. The base64
is one unbroken line, because common decoders (Java's ``Base64.getDecoder()``) refuse line breaks.
What the reader would refuse (an archive inside the ZIP, a name with a path) is refused here
first. No XML here.
"""

from __future__ import annotations

import base64
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import StorageError
from app.sync.edxml.errors import invalid
from app.sync.edxml.model import Attachment
from app.sync.edxml.values import (
    ARCHIVE_EXTENSIONS,
    OFFICE_ZIP_EXTENSIONS,
    canonical_text,
    extension,
    is_archive_magic,
    safe_file_name,
)
from app.sync.edxml.xmlout import clean_text

_MEMORY = 8 << 20
_B64_CHUNK = 3 << 18  # a multiple of 3: every chunk encodes without padding but the last
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
# RFC 2392 content ids are message-id like; we keep to characters no XML or URL tool mangles.
_CONTENT_ID = re.compile(r"[A-Za-z0-9!#$%&'*+\-.^_`{|}~@:=]{1,200}")


@dataclass(frozen=True)
class Outgoing:
    """An attachment as it will be written: bare content id, canonical name and description."""

    att: Attachment
    content_id: str
    name: str
    description: str


def _head(att: Attachment, element: str) -> bytes:
    if isinstance(att.data, bytes):
        return att.data[:16]
    if not att.data.is_file():
        raise invalid(element, f"file {att.data} does not exist")
    try:
        with att.data.open("rb") as handle:
            return handle.read(16)
    except OSError as exc:
        raise StorageError(f"cannot read {att.data}: {exc.strerror or exc}") from exc


def check_attachments(atts: tuple[Attachment, ...]) -> list[Outgoing]:
    out: list[Outgoing] = []
    for i, a in enumerate(atts, 1):
        p = f"AttachmentEncoded/Attachment[{i}]"
        cid = a.content_id.strip().removeprefix("cid:")
        if not _CONTENT_ID.fullmatch(cid):
            raise invalid(f"{p}/ContentId", f"{a.content_id!r} is not a usable content id")
        if any(o.content_id == cid for o in out):
            raise invalid(f"{p}/ContentId", f"{cid!r} is used twice")
        name = canonical_text(a.name)
        if not name or safe_file_name(name) != name:
            raise invalid(f"{p}/AttachmentName", f"{a.name!r} is not a plain file name")
        ext = extension(name)
        head = _head(a, f"{p}/ContentTransferEncoded")
        if ext in ARCHIVE_EXTENSIONS or (
            is_archive_magic(head) and ext not in OFFICE_ZIP_EXTENSIONS
        ):
            raise invalid(f"{p}/ContentTransferEncoded", f"{name!r} is an archive: send its files")
        description = clean_text(a.description, f"{p}/Description")
        out.append(Outgoing(a, cid, name, description))
    return out


def write_zipped_base64(out: Outgoing, write: Callable[[bytes], None]) -> None:
    """``write`` gets the base64 text of a ZIP holding the attachment's file under its name."""
    att = out.att
    info = zipfile.ZipInfo(out.name, date_time=_FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--, for unzip tools
    try:
        with tempfile.SpooledTemporaryFile(max_size=_MEMORY) as spool:
            with zipfile.ZipFile(spool, "w", allowZip64=True) as zf:
                big = att.size() > zipfile.ZIP64_LIMIT
                with zf.open(info, "w", force_zip64=big) as entry:
                    if isinstance(att.data, bytes):
                        entry.write(att.data)
                    else:
                        with Path(att.data).open("rb") as src:
                            shutil.copyfileobj(src, entry, 1 << 20)
            spool.seek(0)
            while chunk := spool.read(_B64_CHUNK):
                write(base64.b64encode(chunk))
    except OSError as exc:
        where = str(att.data) if isinstance(att.data, Path) else ""
        raise StorageError(f"attachment {out.name}: {exc.strerror or exc}", path=where) from exc
