"""A small, bounded tokenizer for PDF content streams: operators with their operands.

pyhanko 0.38's content stream parser reads the fill operator ``f`` as the start of ``false`` and
fails on every page that fills a path, so we tokenize ourselves. Operands come back as Python
values: float (numbers), str (names, with the leading slash), bytes (strings), list (arrays),
dict (dictionaries). Inline images are skipped. Must not: interpret operators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

WHITESPACE = b"\x00\t\n\x0c\r "
DELIMITERS = b"()<>[]{}/%"
MAX_OPS = 2_000_000
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REGULAR = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]+")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_EI = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)")


class ContentSyntaxError(ValueError):
    pass


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def skip(self) -> None:
        data, n = self.data, len(self.data)
        while self.pos < n:
            ch = data[self.pos]
            if ch in WHITESPACE:
                self.pos += 1
            elif ch == 0x25:  # % comment
                while self.pos < n and data[self.pos] not in b"\r\n":
                    self.pos += 1
            else:
                return

    def token(self) -> Any:
        """The next operand, or ``_Op(name)`` for an operator; None at the end."""
        self.skip()
        data, pos = self.data, self.pos
        if pos >= len(data):
            return None
        ch = data[pos : pos + 1]
        if ch == b"/":
            match = _REGULAR.match(data, pos + 1)
            self.pos = match.end() if match else pos + 1
            return "/" + data[pos + 1 : self.pos].decode("latin-1")
        if ch == b"(":
            return self._string()
        if data[pos : pos + 2] == b"<<":
            self.pos += 2
            return self._dict()
        if ch == b"<":
            end = data.find(b">", pos)
            if end < 0:
                raise ContentSyntaxError("unterminated hex string")
            self.pos = end + 1
            digits = bytes(c for c in data[pos + 1 : end] if c not in WHITESPACE)
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
        if ch == b"[":
            self.pos += 1
            return self._array()
        if ch in (b"]", b">", b")", b"{", b"}"):
            self.pos += 1
            return _Op(ch.decode())
        match = _NUMBER.match(data, pos)
        if match and (match.end() == len(data) or data[match.end()] in WHITESPACE + DELIMITERS):
            self.pos = match.end()
            return float(match.group())
        match = _REGULAR.match(data, pos)
        if match is None:
            raise ContentSyntaxError(f"unexpected byte at {pos}")
        self.pos = match.end()
        return _Op(match.group().decode("latin-1"))

    def _string(self) -> bytes:
        data, out, depth = self.data, bytearray(), 0
        pos = self.pos + 1
        while pos < len(data):
            c = data[pos : pos + 1]
            if c == b"\\":
                nxt = data[pos + 1 : pos + 2]
                octal = re.match(rb"[0-7]{1,3}", data[pos + 1 : pos + 4])
                if octal:
                    out.append(int(octal.group(), 8) & 0xFF)
                    pos += 1 + len(octal.group())
                    continue
                out += _ESCAPES.get(nxt, b"" if nxt in b"\r\n" else nxt)
                pos += 2
                continue
            if c == b"(":
                depth += 1
            elif c == b")":
                if depth == 0:
                    self.pos = pos + 1
                    return bytes(out)
                depth -= 1
            out += c
            pos += 1
        raise ContentSyntaxError("unterminated string")

    def _array(self) -> list[Any]:
        items: list[Any] = []
        while True:
            tok = self.token()
            if tok is None:
                raise ContentSyntaxError("unterminated array")
            if isinstance(tok, _Op) and tok.name == "]":
                return items
            items.append(tok.name if isinstance(tok, _Op) else tok)

    def _dict(self) -> dict[str, Any]:
        items: list[Any] = []
        while True:
            self.skip()
            if self.data[self.pos : self.pos + 2] == b">>":
                self.pos += 2
                return {str(k): v for k, v in zip(items[::2], items[1::2], strict=False)}
            tok = self.token()
            if tok is None:
                raise ContentSyntaxError("unterminated dictionary")
            items.append(tok.name if isinstance(tok, _Op) else tok)


class _Op:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


def operations(data: bytes) -> Iterator[tuple[str, list[Any]]]:
    """(operator, operands) in stream order; raises ContentSyntaxError on broken syntax."""
    reader = _Reader(data)
    args: list[Any] = []
    count = 0
    while True:
        tok = reader.token()
        if tok is None:
            return
        if not isinstance(tok, _Op):
            args.append(tok)
            continue
        count += 1
        if count > MAX_OPS:
            raise ContentSyntaxError("too many operators to analyse")
        if tok.name == "BI":
            match = _EI.search(data, reader.pos)
            if match is None:
                raise ContentSyntaxError("unterminated inline image")
            reader.pos = match.end()
            args = []
            continue
        yield tok.name, args
        args = []
