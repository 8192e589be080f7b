"""What the raw bytes say, independently of any PDF parser's opinion.

Published attacks hide in the gap between what a parser reads and what the file contains: bytes
appended after the last ``%%EOF``, objects a revision defines but its xref does not list,
signature dictionaries nobody links to, a /ByteRange gap that holds more than the signature.
These functions look at the bytes directly and only take revision positions from the parser.
Must not: parse objects, trust the parser's list of signatures, or decide verdicts.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from app.signing.verify.blob import Blob

PDF_WHITESPACE = b"\x00\t\n\x0c\r "
_RE_SPACE = b" \t\n\r\x0c\x0b"  # what ``\s`` matches in a bytes pattern
_DIGITS = b"0123456789"
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_STEP = 4096  # local reads around a hit

# The patterns these scans implement (they run on a file in chunks, so each one is found by
# its literal part and completed around it; the result is the same set of matches as
# ``finditer`` of the pattern over the whole file):
#   /ByteRange\s*\[([^\]]{0,256})\]                               (distinct arrays)
#   /Type\s*/(?:Sig|DocTimeStamp)(?![A-Za-z0-9])                    (counted)
#   (?<![0-9])(\d{1,10})WS+(\d{1,5})WS+obj(?![A-Za-z])              (object headers)
#   >>WS*stream(?:\r\n|\n|\r) ... endstream                          (stream bodies)
_HEADER = re.compile(rb"%PDF-\d\.\d")
_ARRAY = re.compile(rb"\[([^\]]{0,256})\]")
_SIG_NAME = re.compile(rb"/(?:Sig|DocTimeStamp)(?![A-Za-z0-9])")
_HEX_BODY = re.compile(rb"[0-9A-Fa-f\x00\t\n\x0c\r ]*")


@dataclass(frozen=True)
class RawScan:
    size: int
    header_offset: int  # -1: no "%PDF-x.y" in the first KiB
    byte_ranges: tuple[tuple[int, ...], ...]  # distinct /ByteRange arrays, in file order
    malformed_byte_ranges: int  # /ByteRange arrays that are not all integers
    sig_type_count: int  # "/Type /Sig" and "/Type /DocTimeStamp" occurrences
    sha256: str = ""  # of the whole file


def _skip(blob: Blob, pos: int, end: int, chars: bytes) -> int:
    """The first offset >= pos (and < end) whose byte is not in ``chars``, else ``end``."""
    while pos < end:
        piece = blob.read(pos, min(pos + _STEP, end))
        rest = len(piece.lstrip(chars))
        if rest:
            return pos + len(piece) - rest
        pos += len(piece)
    return end


def _skip_back(blob: Blob, pos: int, start: int, chars: bytes) -> int:
    """The smallest offset q in [start, pos] such that every byte in [q, pos) is in ``chars``."""
    while pos > start:
        piece = blob.read(max(start, pos - _STEP), pos)
        rest = len(piece.rstrip(chars))
        if rest:
            return pos - (len(piece) - rest)
        pos -= len(piece)
    return start


def scan_raw(blob: Blob) -> RawScan:
    """One pass over the file: its SHA-256, the /ByteRange arrays and the signature types."""
    header = _HEADER.search(blob.read(0, 1024))
    digest = hashlib.sha256() if blob.data is None else None
    ranges: list[tuple[int, ...]] = []
    malformed = sig_types = 0
    skip_to = 0  # a /ByteRange match consumes what it covers, as ``finditer`` does
    for offset, chunk, own in blob.chunks(overlap=len(b"/ByteRange") - 1):
        if digest is not None:
            digest.update(memoryview(chunk)[:own])
        hits = sorted(
            [(at, 0) for at in _finds(chunk, b"/ByteRange", own)]
            + [(at, 1) for at in _finds(chunk, b"/Type", own)]
        )
        for at, kind in hits:
            pos = offset + at
            if kind == 1:
                after = _skip(blob, pos + 5, blob.size, _RE_SPACE)
                if _SIG_NAME.match(blob.read(after, after + 14)):
                    sig_types += 1
                continue
            if pos < skip_to:
                continue
            after = _skip(blob, pos + 10, blob.size, _RE_SPACE)
            match = _ARRAY.match(blob.read(after, after + 258))
            if match is None:
                continue
            skip_to = after + match.end()
            try:
                values = tuple(int(p) for p in match.group(1).split())
            except ValueError:
                malformed += 1
                continue
            if values not in ranges:
                ranges.append(values)
    return RawScan(
        size=blob.size,
        header_offset=header.start() if header else -1,
        byte_ranges=tuple(ranges),
        malformed_byte_ranges=malformed,
        sig_type_count=sig_types,
        sha256=digest.hexdigest() if digest is not None else blob.sha256(),
    )


def _finds(chunk: bytes, needle: bytes, limit: int) -> list[int]:
    found = []
    at = chunk.find(needle)
    while 0 <= at < limit:
        found.append(at)
        at = chunk.find(needle, at + 1)
    return found


@dataclass(frozen=True)
class RevisionEnd:
    bare: int  # just after "%%EOF"
    full: int  # after the end-of-line that may follow it


def revision_ends(blob: Blob, reader: Any) -> list[RevisionEnd | None]:
    """Where each revision the parser sees ends in the file (None: no %%EOF after its xref)."""
    ends: list[RevisionEnd | None] = []
    for revision in range(reader.xrefs.total_revisions):
        meta = reader.xrefs.get_xref_container_info(revision)
        at = blob.find(b"%%EOF", meta.end_location)
        if at < 0:
            ends.append(None)
            continue
        bare = at + 5
        after = blob.read(bare, bare + 2)
        if after == b"\r\n":
            full = bare + 2
        elif after[:1] in (b"\r", b"\n"):
            full = bare + 1
        else:
            full = bare
        ends.append(RevisionEnd(bare, full))
    return ends


def trailing_bytes(blob: Blob, ends: list[RevisionEnd | None]) -> int:
    """How many bytes after the last revision's end are not PDF whitespace (0 = explained)."""
    known = [e.full for e in ends if e is not None]
    if not known:
        return blob.size
    start = max(known)
    return blob.last_non_space(start, PDF_WHITESPACE) - start


def _stream_spans(blob: Blob, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        body = _next_stream(blob, pos, end)
        if body is None:
            return spans
        stop = blob.find(b"endstream", body, end)
        stop = end if stop < 0 else stop
        spans.append((body, stop))
        pos = stop + 1


def _next_stream(blob: Blob, pos: int, end: int) -> int | None:
    """Where the body of the first ``>>WS*stream EOL`` starting at or after pos begins."""
    for at in blob.find_all(b"stream", pos, end):
        eol = blob.read(at + 6, min(at + 8, end))
        if eol[:1] not in (b"\r", b"\n"):
            continue
        back = _skip_back(blob, at, pos, PDF_WHITESPACE)
        if back - 2 >= pos and blob.read(back - 2, back) == b">>":
            return at + 6 + (2 if eol == b"\r\n" else 1)
    return None


def _object_header(blob: Blob, at: int, start: int, end: int) -> tuple[int, str] | None:
    """(offset, "N G obj") when the ``obj`` at ``at`` ends an object header in [start, end)."""
    if blob.read(at + 3, min(at + 4, end)).strip(_LETTERS) == b"" and at + 3 < end:
        return None  # "objx": not the keyword
    gen_end = _skip_back(blob, at, start, PDF_WHITESPACE)
    if gen_end == at:
        return None
    gen_start = _skip_back(blob, gen_end, start, _DIGITS)
    if not 1 <= gen_end - gen_start <= 5:
        return None
    num_end = _skip_back(blob, gen_start, start, PDF_WHITESPACE)
    if num_end == gen_start:
        return None
    num_start = _skip_back(blob, num_end, start, _DIGITS)
    if not 1 <= num_end - num_start <= 10:
        return None
    if num_start > 0 and blob.read(num_start - 1, num_start).strip(_DIGITS) == b"":
        return None  # the number goes on before ``start``
    number = int(blob.read(num_start, num_end))
    generation = int(blob.read(gen_start, gen_end))
    return num_start, f"{number} {generation} obj @{num_start}"


def hidden_objects(
    blob: Blob, reader: Any, ends: list[RevisionEnd | None], after_revision: int
) -> dict[int, list[str]]:
    """Object headers in revisions after ``after_revision`` that their xref does not list.

    Only files whose revisions follow each other in the file are checked (linearized files put
    an xref section first; their later incremental updates are still checked).
    """
    found: dict[int, list[str]] = {}
    xrefs = reader.xrefs
    for revision in range(max(after_revision + 1, 1), xrefs.total_revisions):
        prev, cur = ends[revision - 1], ends[revision]
        if prev is None or cur is None or prev.full >= cur.full:
            continue
        listed = {offset for _gen, offset in xrefs.get_xref_data(revision).standard_xrefs.values()}
        listed.add(xrefs.get_startxref_for_revision(revision))
        streams = _stream_spans(blob, prev.full, cur.full)
        for at in blob.find_all(b"obj", prev.full, cur.full):
            header = _object_header(blob, at, prev.full, cur.full)
            if header is None:
                continue
            pos, text = header
            if any(a <= pos < b for a, b in streams):
                continue
            # Writers may point the xref at whitespace just before the header.
            back = _skip_back(blob, pos, prev.full, PDF_WHITESPACE)
            if any(o in listed for o in range(back, pos + 1)):
                continue
            found.setdefault(revision, []).append(text)
    return found


def byterange_problem(blob: Blob, values: tuple[int, ...]) -> str | None:
    """Why ``values`` is not a sane signature /ByteRange for the file (None when it is).

    Sane: [0 b c d] with the gap [b, c) holding exactly one hex string and nothing else, and
    the second range inside the file. Anything else is how signature wrapping attacks begin.
    """
    if len(values) != 4:
        return f"cần 4 số, có {len(values)}"
    a, b, c, d = values
    if a != 0:
        return "không bắt đầu từ byte 0"
    if b <= 0 or c <= b or d < 0:
        return "các đoạn chồng lấn hoặc rỗng"
    if c + d > blob.size:
        return "vượt quá cuối tệp"
    if blob.read(b, b + 1) != b"<" or blob.read(c - 1, c) != b">":
        return "khoảng trống không phải là một chuỗi hex"
    for _offset, chunk, _own in blob.chunks(b + 1, c - 1):
        if _HEX_BODY.fullmatch(chunk) is None:
            return "khoảng trống chứa dữ liệu khác ngoài chữ ký"
    return None
