"""Leaf values on the wire: text, dates, timestamps, numbers, file names and content types.

Formatting is strict (``yyyy/MM/dd``, ``yyyy/MM/dd HH:mm:ss`` in Vietnam time, NFC text); parsing
is liberal (``-`` or ``.`` separators, ``dd/MM/yyyy``, with or without a time, ISO ``T``, offsets,
AM/PM). Parsers raise ``ValueError``: the caller knows the element and turns it into the codec's
error. No XML and no I/O here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

# Vietnam has had no daylight saving since 1975: a fixed offset avoids needing tzdata on Windows.
VIETNAM = timezone(timedelta(hours=7), "ICT")

_TIME = (
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[AaPp][Mm])?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)
_YMD = re.compile(r"(?P<y>\d{4})[/\-.](?P<m>\d{1,2})[/\-.](?P<d>\d{1,2})" + _TIME)
_DMY = re.compile(r"(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})[/\-.](?P<y>\d{4})" + _TIME)
_NEWLINES = re.compile(r"\r\n?")


def canonical_text(value: str) -> str:
    """NFC, ``\\n`` line ends, no white space around: the one form text is kept and sent in."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", value)).strip()


def format_date(value: date) -> str:
    return f"{value.year:04d}/{value.month:02d}/{value.day:02d}"


def to_vietnam(value: datetime) -> datetime:
    """Aware times are converted; naive ones are taken to be Vietnam time already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=VIETNAM)
    return value.astimezone(VIETNAM)


def format_timestamp(value: datetime) -> str:
    v = to_vietnam(value)
    return f"{format_date(v)} {v.hour:02d}:{v.minute:02d}:{v.second:02d}"


def _match(text: str) -> re.Match[str]:
    s = text.strip()
    m = _YMD.fullmatch(s) or _DMY.fullmatch(s)
    if m is None:
        raise ValueError(f"not a date: {s[:40]!r}")
    return m


def parse_date(text: str) -> date:
    """The date part of any accepted date or timestamp text (a time, if present, is ignored)."""
    m = _match(text)
    return date(int(m["y"]), int(m["m"]), int(m["d"]))


def parse_timestamp(text: str) -> datetime:
    """An aware datetime in Vietnam time; a missing time is midnight, a missing offset is +07."""
    m = _match(text)
    hour = int(m["H"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"bad 12-hour time: {text.strip()[:40]!r}")
        hour = hour % 12 + (12 if m["ampm"].lower() == "pm" else 0)
    tz = VIETNAM
    if m["tz"]:
        if m["tz"] == "Z":
            tz = UTC
        else:
            sign = -1 if m["tz"][0] == "-" else 1
            digits = m["tz"][1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            tz = timezone(sign * offset)
    value = datetime(
        int(m["y"]), int(m["m"]), int(m["d"]), hour, int(m["M"] or 0), int(m["S"] or 0), tzinfo=tz
    )
    return value.astimezone(VIETNAM)


def parse_int(text: str) -> int:
    s = text.strip()
    if not re.fullmatch(r"[+-]?\d{1,18}", s):
        raise ValueError(f"not a whole number: {s[:40]!r}")
    return int(s)


# --- files ---------------------------------------------------------------------------------------
# Our own table first: ``mimetypes`` reads the Windows registry, so its answers vary by machine.
CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xml": "application/xml",
    "htm": "text/html",
    "html": "text/html",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "zip": "application/zip",
}
OCTET_STREAM = "application/octet-stream"
# Documents that are themselves ZIP containers: not archives, and not our wrapper either.
OFFICE_ZIP_EXTENSIONS = frozenset(
    {"docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "odt", "ods", "odp", "odg"}
)
OFFICE_ZIP_TYPES = frozenset(
    CONTENT_TYPES[e] for e in ("docx", "xlsx", "pptx", "odt", "ods", "odp")
)
ARCHIVE_EXTENSIONS = frozenset({"zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "cab", "zst"})
ZIP_TYPES = frozenset(
    {"application/zip", "application/x-zip", "application/x-zip-compressed", "multipart/x-zip"}
)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


def guess_content_type(name: str) -> str:
    return CONTENT_TYPES.get(extension(name), OCTET_STREAM)


def sniff_extension(head: bytes) -> str:
    """A file extension for bytes that arrived with no name at all."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # OLE2: .doc, .xls or .ppt; Word is by far the likeliest
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "bin"


def is_archive_magic(head: bytes) -> bool:
    return head.startswith(
        (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08", b"\x1f\x8b", b"Rar!\x1a\x07", b"7z\xbc\xaf")
    ) or head.startswith((b"BZh", b"\xfd7zXZ\x00", b"MSCF", b"(\xb5/\xfd"))


_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)]
)


def safe_file_name(raw: str) -> str:
    """The last path component of a declared name, cleaned for any file system; ``""`` if none.

    Other systems put whole Windows paths into AttachmentName; the name is only metadata, so we
    keep its last component rather than refuse the package.
    """
    name = canonical_text(raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME_CHARS.sub("_", name).strip(" .")
    if not name:
        return ""
    if name.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    if len(name) > 200:
        ext = extension(name)
        keep = 200 - len(ext) - 1 if ext and len(ext) < 16 else 200
        name = name[:keep] + ("." + ext if ext and len(ext) < 16 else "")
    return name
