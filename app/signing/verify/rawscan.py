"""What the raw bytes say, independently of any PDF parser's opinion.

Published attacks hide in the gap between what a parser reads and what the file contains: bytes
appended after the last ``%%EOF``, objects a revision defines but its xref does not list,
signature dictionaries nobody links to, a /ByteRange gap that holds more than the signature.
These functions look at the bytes directly and only take revision positions from the parser.
Must not: parse objects, trust the parser's list of signatures, or decide verdicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

PDF_WHITESPACE = b"\x00\t\n\x0c\r "

_HEADER = re.compile(rb"%PDF-\d\.\d")
_BYTERANGE = re.compile(rb"/ByteRange\s*\[([^\]]{0,256})\]")
_SIG_TYPE = re.compile(rb"/Type\s*/(?:Sig|DocTimeStamp)(?![A-Za-z0-9])")
_OBJ_HEADER = re.compile(
    rb"(?<![0-9])(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj(?![A-Za-z])"
)
_STREAM_START = re.compile(rb">>[\x00\t\n\x0c\r ]*stream(?:\r\n|\n|\r)")
_HEX_BODY = re.compile(rb"[0-9A-Fa-f\x00\t\n\x0c\r ]*")


@dataclass(frozen=True)
class RawScan:
    size: int
    header_offset: int  # -1: no "%PDF-x.y" in the first KiB
    byte_ranges: tuple[tuple[int, ...], ...]  # distinct /ByteRange arrays, in file order
    malformed_byte_ranges: int  # /ByteRange arrays that are not all integers
    sig_type_count: int  # "/Type /Sig" and "/Type /DocTimeStamp" occurrences


def scan_raw(data: bytes) -> RawScan:
    header = _HEADER.search(data, 0, 1024)
    ranges: list[tuple[int, ...]] = []
    malformed = 0
    for match in _BYTERANGE.finditer(data):
        parts = match.group(1).split()
        try:
            values = tuple(int(p) for p in parts)
        except ValueError:
            malformed += 1
            continue
        if values not in ranges:
            ranges.append(values)
    return RawScan(
        size=len(data),
        header_offset=header.start() if header else -1,
        byte_ranges=tuple(ranges),
        malformed_byte_ranges=malformed,
        sig_type_count=len(_SIG_TYPE.findall(data)),
    )


@dataclass(frozen=True)
class RevisionEnd:
    bare: int  # just after "%%EOF"
    full: int  # after the end-of-line that may follow it


def revision_ends(data: bytes, reader: Any) -> list[RevisionEnd | None]:
    """Where each revision the parser sees ends in the file (None: no %%EOF after its xref)."""
    ends: list[RevisionEnd | None] = []
    for revision in range(reader.xrefs.total_revisions):
        meta = reader.xrefs.get_xref_container_info(revision)
        at = data.find(b"%%EOF", meta.end_location)
        if at < 0:
            ends.append(None)
            continue
        bare = at + 5
        if data[bare : bare + 2] == b"\r\n":
            full = bare + 2
        elif data[bare : bare + 1] in (b"\r", b"\n"):
            full = bare + 1
        else:
            full = bare
        ends.append(RevisionEnd(bare, full))
    return ends


def trailing_bytes(data: bytes, ends: list[RevisionEnd | None]) -> int:
    """How many bytes after the last revision's end are not PDF whitespace (0 = explained)."""
    known = [e.full for e in ends if e is not None]
    if not known:
        return len(data)
    rest = data[max(known) :]
    return len(rest.rstrip(PDF_WHITESPACE))


def _stream_spans(data: bytes, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        match = _STREAM_START.search(data, pos, end)
        if match is None:
            return spans
        stop = data.find(b"endstream", match.end(), end)
        stop = end if stop < 0 else stop
        spans.append((match.end(), stop))
        pos = stop + 1


def hidden_objects(
    data: bytes, reader: Any, ends: list[RevisionEnd | None], after_revision: int
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
        streams = _stream_spans(data, prev.full, cur.full)
        for match in _OBJ_HEADER.finditer(data, prev.full, cur.full):
            pos = match.start()
            if any(a <= pos < b for a, b in streams):
                continue
            # Writers may point the xref at whitespace just before the header.
            back = pos
            while back > prev.full and data[back - 1] in PDF_WHITESPACE:
                back -= 1
            if any(o in listed for o in range(back, pos + 1)):
                continue
            found.setdefault(revision, []).append(
                f"{int(match.group(1))} {int(match.group(2))} obj @{pos}"
            )
    return found


def byterange_problem(data: bytes, values: tuple[int, ...]) -> str | None:
    """Why ``values`` is not a sane signature /ByteRange for ``data`` (None when it is).

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
    if c + d > len(data):
        return "vượt quá cuối tệp"
    if data[b : b + 1] != b"<" or data[c - 1 : c] != b">":
        return "khoảng trống không phải là một chuỗi hex"
    body = data[b + 1 : c - 1]
    if _HEX_BODY.fullmatch(body) is None:
        return "khoảng trống chứa dữ liệu khác ngoài chữ ký"
    return None
