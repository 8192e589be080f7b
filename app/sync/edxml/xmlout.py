"""A minimal streaming XML writer: indented elements, escaped text, bytes straight to a stream.

The package is written in one pass so that a big attachment's base64 goes from the file to the
output without the whole document ever being a tree in memory. It writes only what the writer asks
for and refuses text that XML 1.0 cannot carry; it knows nothing of edXML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import BinaryIO

from app.sync.edxml.errors import invalid
from app.sync.edxml.values import canonical_text

# XML 1.0 "Char": anything else (NUL, most C0 controls, lone surrogates, U+FFFE) cannot be sent.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})


def clean_text(value: str, element: str) -> str:
    """The canonical form of ``value``, refused if XML 1.0 cannot carry one of its characters."""
    v = canonical_text(value)
    bad = _NOT_XML_CHAR.search(v)
    if bad is not None:
        raise invalid(element, f"character U+{ord(bad.group()):04X} cannot be written in XML")
    return v


class XmlOut:
    """Writes ``<tag>`` lines indented by depth; ``leaf`` writes ``<tag>text</tag>`` on one line."""

    def __init__(self, out: BinaryIO, indent: str = "  ") -> None:
        self._out = out
        self._indent = indent
        self._open: list[str] = []

    def declaration(self) -> None:
        self._out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')

    def _start_tag(self, tag: str, attrs: Mapping[str, str], empty: bool = False) -> str:
        parts = [tag] + [f'{k}="{v.translate(_ESCAPES)}"' for k, v in attrs.items()]
        return "<" + " ".join(parts) + ("/>" if empty else ">")

    def _line(self, text: str) -> None:
        self._out.write((self._indent * len(self._open) + text + "\n").encode("utf-8"))

    def open(self, tag: str, attrs: Mapping[str, str] | None = None) -> None:
        self._line(self._start_tag(tag, attrs or {}))
        self._open.append(tag)

    def close(self) -> None:
        tag = self._open.pop()
        self._line(f"</{tag}>")

    def empty(self, tag: str, attrs: Mapping[str, str] | None = None) -> None:
        self._line(self._start_tag(tag, attrs or {}, empty=True))

    def leaf(self, tag: str, text: str) -> None:
        """Text must come from ``clean_text`` (the writer checks everything before writing)."""
        self._line(f"{self._start_tag(tag, {})}{text.translate(_ESCAPES)}</{tag}>")

    def open_inline(self, tag: str) -> None:
        """Start a leaf whose text is streamed with ``raw`` (an attachment's base64)."""
        self._out.write((self._indent * len(self._open) + f"<{tag}>").encode("ascii"))

    def raw(self, data: bytes) -> None:
        self._out.write(data)

    def close_inline(self, tag: str) -> None:
        self._out.write(f"</{tag}>\n".encode("ascii"))
