"""The hostile-input XML layer: bytes in, a small tree of header nodes out, attachments streamed.

lxml's feed parser runs with a Python target, ``resolve_entities=False``, ``no_network=True``,
``load_dtd=False`` and ``huge_tree=False``; the prolog is checked for a DOCTYPE before lxml sees a
byte, and the target refuses one again. ``iterparse`` would build each element's text in memory and
libxml2 refuses a text node over 10 MB without ``huge_tree``: the target gets text in pieces
instead, so an attachment's base64 goes straight to a decoder. Depth, element count, text length
and package size are limited here; XInclude elements are refused, never processed. Element names
are matched by local name, so prefixed, default-namespace and namespace-less packages read alike.
This module knows the tree's shape only where attachments are; the meaning is ``reader``'s.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree  # type: ignore[import-untyped]

from app.sync.edxml.errors import PackageInvalid, invalid, over_limit
from app.sync.edxml.limits import Limits

_XINCLUDE = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
# Shown with an index in error paths, so "the second To" can be told from the first.
_REPEATED = frozenset({"to", "attachment", "reference", "traceheader", "responsefor", "place"})
# Names are matched case-insensitively; the other spelling of Bussiness is accepted too.
_ALIASES = {"business": "bussiness", "businessdoctype": "bussinessdoctype"}
_ALIASES["businessdocreason"] = "bussinessdocreason"


def key(name: str) -> str:
    k = name.lower()
    return _ALIASES.get(k, k)


class Stream(Protocol):
    """What ``on_start`` returns: the sink for one element's text, fed in pieces."""

    def feed(self, text: str) -> None: ...

    def close(self) -> None: ...


@dataclass(eq=False)
class Node:
    name: str
    path: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str = ""
    stream: Stream | None = None  # set for an element whose text is streamed, not kept
    label: str = ""
    parts: list[str] = field(default_factory=list, repr=False)
    text_len: int = 0
    seen: dict[str, int] = field(default_factory=dict, repr=False)

    def child(self, name: str) -> Node | None:
        k = key(name)
        return next((c for c in self.children if key(c.name) == k), None)

    def all(self, name: str) -> list[Node]:
        k = key(name)
        return [c for c in self.children if key(c.name) == k]


def _local(tag: str) -> tuple[str, str]:
    ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    # An undeclared prefix reaches us as "edXML:From" in some libxml2 builds.
    return ns, local.rsplit(":", 1)[-1]


class _Target:
    def __init__(
        self,
        limits: Limits,
        on_start: Callable[[Node, Node], Stream | None],
        on_end: Callable[[Node, Node], None],
    ) -> None:
        self._limits = limits
        self._on_start = on_start
        self._on_end = on_end
        self.stack: list[Node] = []
        self.root: Node | None = None
        self._count = 0

    def path(self, label: str = "") -> str:
        """Where we are, without the root and envelope: ``edXMLHeader/MessageHeader/Subject``."""
        labels = [n.label for n in self.stack] + ([label] if label else [])
        while len(labels) > 1 and labels[0] in ("edXML", "edXMLEnvelope"):
            labels.pop(0)
        return "/".join(labels) or "edXML"

    def doctype(self, *_args: object) -> None:
        raise invalid("edXML", "a DOCTYPE is not allowed in a package")

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        ns, name = _local(tag)
        parent = self.stack[-1] if self.stack else None
        label = name
        if parent is not None and key(name) in _REPEATED:
            parent.seen[key(name)] = n = parent.seen.get(key(name), 0) + 1
            label = f"{name}[{n}]"
        path = self.path(label)
        if ns in _XINCLUDE:
            raise invalid(path, "XInclude is not allowed in a package")
        self._count += 1
        if self._count > self._limits.max_elements:
            raise over_limit(path, "max_elements", self._count, self._limits.max_elements)
        depth = len(self.stack) + 1
        if depth > self._limits.max_element_depth:
            raise over_limit(path, "max_element_depth", depth, self._limits.max_element_depth)
        if parent is None:
            if key(name) != "edxml":
                raise invalid(name, f"not an edXML package (the root element is {name!r})")
        elif parent.stream is not None:
            raise invalid(path, "an element inside attachment data")
        node = Node(name, path, {_local(k)[1]: v for k, v in attrib.items()}, label=label)
        if parent is not None:
            parent.parts.clear()  # a container's own text is only indentation
            parent.children.append(node)
            node.stream = self._on_start(parent, node)
        else:
            self.root = node
        self.stack.append(node)

    def data(self, text: str) -> None:
        if not self.stack:
            return
        node = self.stack[-1]
        if node.stream is not None:
            node.stream.feed(text)
        elif not node.children:
            node.text_len += len(text)
            if node.text_len > self._limits.max_text_length:
                limit = self._limits.max_text_length
                raise over_limit(node.path, "max_text_length", node.text_len, limit)
            node.parts.append(text)

    def end(self, _tag: str) -> None:
        node = self.stack.pop()
        if node.stream is not None:
            node.stream.close()
        node.text = "".join(node.parts)
        node.parts = []
        if self.stack:
            self._on_end(self.stack[-1], node)

    def close(self) -> Node | None:
        return self.root


class _Prolog:
    """Finds the root element's ``<`` and refuses any ``<!`` before it that is not a comment."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._buf = b""
        self.done = False

    def feed(self, chunk: bytes) -> None:
        self._buf += chunk
        root_at = self._find_root(self._decode(self._buf))
        if root_at is None:
            if len(self._buf) > self._limit:
                raise over_limit("edXML", "max_prolog_bytes", len(self._buf), self._limit)
            return
        if root_at > self._limit:
            raise over_limit("edXML", "max_prolog_bytes", root_at, self._limit)
        self.done = True
        self._buf = b""

    @staticmethod
    def _find_root(text: str) -> int | None:
        """Where the root element (or text that is no markup) starts; ``None``: need more."""
        i = 0
        while True:
            while i < len(text) and text[i] in " \t\r\n\ufeff":
                i += 1
            rest = text[i : i + 4]
            if len(rest) < 4 and "<!--".startswith(rest):
                return None  # "", "<", "<!" or "<!-": cannot tell yet
            if rest.startswith("<?"):
                end = text.find("?>", i + 2)
                if end < 0:
                    return None
                i = end + 2
            elif rest == "<!--":
                end = text.find("-->", i + 4)
                if end < 0:
                    return None
                i = end + 3
            elif rest.startswith("<!"):
                raise invalid("edXML", "a DOCTYPE is not allowed in a package")
            else:
                return i

    @staticmethod
    def _decode(buf: bytes) -> str:
        # Enough to see markup in any encoding libxml2 would detect; Latin-1 keeps ASCII bytes.
        for bom, enc in (
            (codecs.BOM_UTF32_LE, "utf-32-le"),
            (codecs.BOM_UTF32_BE, "utf-32-be"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
            (b"<\x00\x00\x00", "utf-32-le"),
            (b"\x00\x00\x00<", "utf-32-be"),
            (b"<\x00", "utf-16-le"),
            (b"\x00<", "utf-16-be"),
        ):
            if buf.startswith(bom):
                return codecs.getincrementaldecoder(enc)("ignore").decode(buf)
        return buf.decode("latin-1")


class Scanner:
    """Feed bytes, then ``close()`` for the root node. Raises only ``PackageInvalid``."""

    def __init__(
        self,
        limits: Limits,
        on_start: Callable[[Node, Node], Stream | None],
        on_end: Callable[[Node, Node], None],
    ) -> None:
        self._limits = limits
        self._prolog = _Prolog(limits.max_prolog_bytes)
        self._target = _Target(limits, on_start, on_end)
        self._parser = etree.XMLParser(
            target=self._target,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            dtd_validation=False,
        )
        self._fed = 0

    def feed(self, chunk: bytes) -> None:
        self._fed += len(chunk)
        if self._fed > self._limits.max_package_bytes:
            limit = self._limits.max_package_bytes
            raise over_limit("edXML", "max_package_bytes", self._fed, limit)
        if not self._prolog.done:
            self._prolog.feed(chunk)
        self._guard(lambda: self._parser.feed(chunk))

    def close(self) -> Node:
        root = self._guard(self._parser.close)
        if not isinstance(root, Node):
            raise invalid("edXML", "the package is empty")
        return root

    def _guard(self, call: Callable[[], object]) -> object:
        try:
            return call()
        except PackageInvalid:
            raise
        except etree.LxmlError as exc:
            where = self._target.path()
            raise invalid(where, f"malformed XML: {exc}") from exc
