"""Reading one attachment: base64 decoded as it streams in, then its ZIP opened under limits.

Each attachment should be a ZIP holding one file; raw (unzipped) base64 is accepted too. A ZIP is
hostile until proven otherwise: its entry count is read from the end record before ``zipfile``
parses the directory, names may not escape (``/x``, ``..``, ``C:``, ``\\``, NUL), the unpacked
size and compression ratio are counted as bytes come out (headers can lie), encrypted entries
and archives inside the archive are refused. Knows nothing of XML.
"""

from __future__ import annotations

import binascii
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.sync.edxml.errors import PackageInvalid, invalid, over_limit
from app.sync.edxml.limits import Limits
from app.sync.edxml.spool import Spool, SpoolDir
from app.sync.edxml.values import (
    ARCHIVE_EXTENSIONS,
    OFFICE_ZIP_EXTENSIONS,
    OFFICE_ZIP_TYPES,
    ZIP_TYPES,
    extension,
    is_archive_magic,
    safe_file_name,
)

_CHUNK = 1 << 20
# On bytes, not str: bytes.translate is a table lookup, str.translate a dict lookup per
# character (3 ms of a 300 KB attachment's 3.1 ms went to the str version and a regex).
_WHITESPACE = b" \t\r\n\f\v"
_URLSAFE = bytes.maketrans(b"-_", b"+/")
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    zlib.error,
    IndexError,
)


class Base64Decoder:
    """Decodes base64 text fed in pieces (line breaks, URL-safe letters and missing padding are
    tolerated) into a spool, refusing anything else and more than ``cap`` decoded bytes."""

    def __init__(self, out: Spool, element: str, cap: int, limit: str) -> None:
        self._out = out
        self._element = element
        self._cap = cap
        self._limit = limit
        self._pending: list[str] = []
        self._pending_len = 0
        self._carry = b""
        self._padded = False

    def feed(self, text: str) -> None:
        self._pending.append(text)
        self._pending_len += len(text)
        if self._pending_len >= _CHUNK:
            self._flush(final=False)

    def close(self) -> None:
        self._flush(final=True)

    def _flush(self, *, final: bool) -> None:
        text = "".join(self._pending)
        self._pending.clear()
        self._pending_len = 0
        if not text.isascii():
            raise invalid(self._element, "not valid base64 data")
        clean = self._carry + text.encode("ascii").translate(_URLSAFE, _WHITESPACE)
        if final and len(clean) % 4:
            clean += b"=" * (-len(clean) % 4)  # unpadded base64, as some encoders send it
        cut = len(clean) - len(clean) % 4
        block, self._carry = clean[:cut], clean[cut:]
        if not block:
            return
        # A padded block ended the data earlier (nothing may follow), or more than two "=":
        # strict a2b_base64 accepts "AAAA====", we do not.
        if self._padded or block.endswith(b"==="):
            raise invalid(self._element, "not valid base64 data")
        self._padded = block.endswith(b"=")
        try:
            # strict: letters of the alphabet only, padding only at the very end.
            data = binascii.a2b_base64(block, strict_mode=True)
        except binascii.Error as exc:
            raise invalid(self._element, f"not valid base64 data ({exc})") from exc
        self._out.write(data)
        if self._out.size > self._cap:
            raise over_limit(self._element, self._limit, self._out.size, self._cap)


@dataclass(frozen=True)
class Unwrapped:
    name: str  # "" when neither the package nor the ZIP gave one
    data: bytes | Path
    size: int
    head: bytes
    was_zip: bool


def _is_wrapper(head: bytes, declared_name: str, declared_type: str) -> bool:
    if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return False
    if declared_type.lower() in ZIP_TYPES:
        return True
    # A .docx is a ZIP too: sent unwrapped, it must not be opened as our wrapper.
    return declared_type.lower() not in OFFICE_ZIP_TYPES and (
        extension(declared_name) not in OFFICE_ZIP_EXTENSIONS
    )


def _entry_count(fp: BinaryIO, element: str, limits: Limits) -> None:
    """Refuse a huge central directory before ``zipfile`` builds an object per entry."""
    fp.seek(0, 2)
    size = fp.tell()
    fp.seek(max(0, size - 65_557))
    tail = fp.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise invalid(element, "attachment is not a readable ZIP archive (no end record)")
    entries, cd_size = struct.unpack("<xxxxxxxxxxHI", tail[at : at + 16])
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        locator = tail[at - 20 : at] if at >= 20 else b""
        if not locator.startswith(b"PK\x06\x07"):
            raise invalid(element, "attachment ZIP64 end record is missing")
        (offset,) = struct.unpack("<Q", locator[8:16])
        fp.seek(offset)
        record = fp.read(56)
        if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
            raise invalid(element, "attachment ZIP64 end record is unreadable")
        entries, cd_size = struct.unpack("<QQ", record[32:48])
    if entries > limits.max_zip_entries:
        raise over_limit(element, "max_zip_entries", entries, limits.max_zip_entries)
    if cd_size > limits.max_zip_entries * 1024:
        raise invalid(element, f"attachment ZIP directory is implausibly large ({cd_size} bytes)")


def _check_entry_name(raw: str, element: str) -> None:
    problem = ""
    if "\x00" in raw:
        problem = "contains NUL"
    elif "\\" in raw:
        problem = "contains a backslash"
    elif raw.startswith("/"):
        problem = "is an absolute path"
    elif re.match(r"[A-Za-z]:", raw):
        problem = "starts with a drive letter"
    elif ".." in raw.split("/"):
        problem = "climbs out with '..'"
    elif re.search(r"[\x01-\x1f\x7f]", raw):
        problem = "contains control characters"
    elif not raw.strip("/"):
        problem = "is empty"
    if problem:
        raise invalid(element, f"ZIP entry name {raw[:80]!r} {problem}")


def _office_sent_unwrapped(files: list[zipfile.ZipInfo], declared_name: str) -> bool:
    names = {i.orig_filename for i in files}
    return extension(declared_name) in OFFICE_ZIP_EXTENSIONS and bool(
        names & {"[Content_Types].xml", "mimetype"}
    )


def _extract(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    out: Spool,
    element: str,
    budget: int,
    limit: str,
    limits: Limits,
) -> None:
    if info.flag_bits & 0x1:
        raise invalid(element, "attachment ZIP entry is encrypted")
    if info.compress_type not in _METHODS:
        raise invalid(element, f"attachment ZIP uses compression method {info.compress_type}")
    if info.file_size > budget:
        raise over_limit(element, limit, info.file_size, budget)
    max_out = max(limits.ratio_floor_bytes, limits.max_compression_ratio * info.compress_size)
    with zf.open(info) as src:
        while chunk := src.read(_CHUNK):
            out.write(chunk)
            if out.size > budget:  # the header may have lied about the size
                raise over_limit(element, limit, out.size, budget)
            if out.size > max_out:
                ratio = out.size // max(info.compress_size, 1)
                raise over_limit(
                    element, "max_compression_ratio", ratio, limits.max_compression_ratio
                )


def _open_zip(
    wire: Spool,
    declared_name: str,
    spools: SpoolDir,
    threshold: int,
    element: str,
    budget: int,
    limit: str,
    limits: Limits,
) -> Unwrapped | None:
    """The one file inside; ``None`` when the ZIP turns out to be an office file sent as is."""
    fp = wire.reader()
    _entry_count(fp, element, limits)
    out = Spool(spools, threshold)
    try:
        with zipfile.ZipFile(fp) as zf:
            infos = zf.infolist()
            for info in infos:
                _check_entry_name(info.orig_filename, element)
            files = [i for i in infos if not i.is_dir()]
            if len(files) != 1:
                if _office_sent_unwrapped(files, declared_name):
                    return None
                raise invalid(
                    element, f"attachment ZIP must hold exactly one file, it holds {len(files)}"
                )
            info = files[0]
            _extract(zf, info, out, element, budget, limit, limits)
    except PackageInvalid:
        out.discard()
        raise
    except _ZIP_ERRORS as exc:
        out.discard()
        raise invalid(element, f"attachment is not a readable ZIP archive ({exc})") from exc
    inner = safe_file_name(info.orig_filename)
    if extension(inner) in ARCHIVE_EXTENSIONS or (
        is_archive_magic(out.head) and extension(inner) not in OFFICE_ZIP_EXTENSIONS
    ):
        out.discard()
        raise invalid(element, f"attachment ZIP holds another archive ({inner!r})")
    return Unwrapped(inner, out.finish(), out.size, out.head, was_zip=True)


def unwrap(
    wire: Spool,
    *,
    declared_name: str,
    declared_type: str,
    spools: SpoolDir,
    threshold: int,
    element: str,
    budget: int,
    limit: str,
    limits: Limits,
) -> Unwrapped:
    """The attachment's file from its decoded transfer bytes; ``wire`` is consumed either way."""
    try:
        if _is_wrapper(wire.head, declared_name, declared_type):
            found = _open_zip(
                wire, declared_name, spools, threshold, element, budget, limit, limits
            )
            if found is not None:
                wire.discard()
                return found
        if wire.size > budget:
            raise over_limit(element, limit, wire.size, budget)
        return Unwrapped("", wire.finish(), wire.size, wire.head, was_zip=False)
    except BaseException:
        wire.discard()
        raise
