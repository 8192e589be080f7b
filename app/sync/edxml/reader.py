"""Packages in: ``parse_package`` reads a document or status package from bytes, a stream or a file.

Liberal in what it reads (prefix, default or no namespace; any element order; missing optional
elements; dates with or without a time; ``cid:`` or not; zipped or raw base64), hard on what can
hurt (see ``scan`` and ``unwrap``). The source is read in 1 MiB pieces and attachments are decoded
as they stream in, so memory stays small whatever the package's size; big attachments come back as
files in ``spool_dir``. Every refusal is ``PackageInvalid`` naming the element or limit, and leaves
no spooled file behind. It never writes anything but those spool files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.errors import StorageError
from app.sync.edxml import fields
from app.sync.edxml import model as m
from app.sync.edxml.errors import invalid, over_limit
from app.sync.edxml.limits import Limits
from app.sync.edxml.scan import Node, Scanner, Stream, key
from app.sync.edxml.spool import Spool, SpoolDir
from app.sync.edxml.unwrap import Base64Decoder, unwrap
from app.sync.edxml.values import (
    OCTET_STREAM,
    ZIP_TYPES,
    canonical_text,
    extension,
    guess_content_type,
    safe_file_name,
    sniff_extension,
)

DEFAULT_LIMITS = Limits()
SPOOL_THRESHOLD = 8 << 20
_CHUNK = 1 << 20


def _cid(value: str) -> str:
    v = value.strip().strip("<>").strip()
    return v[4:].strip("<>") if v[:4].lower() == "cid:" else v


class _Reading:
    """The attachments of one package, decoded as the scanner reaches them."""

    def __init__(self, limits: Limits, spools: SpoolDir, threshold: int) -> None:
        self._limits = limits
        self._spools = spools
        self._threshold = threshold
        self._wires: dict[int, tuple[Spool, int, str]] = {}
        self._envelope: Node | None = None
        self._started = 0
        self._used = 0
        self.attachments: list[m.Attachment] = []

    def on_start(self, parent: Node, node: Node) -> Stream | None:
        here, up = key(node.name), key(parent.name)
        if here == "edxmlenvelope":
            self._envelope = node
        elif here == "attachment" and up == "attachmentencoded":
            self._started += 1
            if self._started > self._limits.max_attachments:
                allowed = self._limits.max_attachments
                raise over_limit(node.path, "max_attachments", self._started, allowed)
        elif here == "contenttransferencoded" and up == "attachment":
            if id(parent) in self._wires:
                raise invalid(node.path, "appears twice in one attachment")
            budget, limit = self._limits.max_attachment_bytes, "max_attachment_bytes"
            if self._limits.max_total_bytes - self._used < budget:
                budget, limit = self._limits.max_total_bytes - self._used, "max_total_bytes"
            wire = Spool(self._spools, self._threshold)
            self._wires[id(parent)] = (wire, budget, limit)
            # A ZIP of an incompressible file is a little bigger than the file.
            return Base64Decoder(wire, node.path, budget + budget // 100 + 65_536, limit)
        return None

    def on_end(self, parent: Node, node: Node) -> None:
        if key(node.name) == "attachment" and key(parent.name) == "attachmentencoded":
            self._attachment(node)

    def _references(self) -> dict[str, Node]:
        body = self._envelope.child("edXMLBody") if self._envelope is not None else None
        manifest = body.child("edXMLManifest") if body is not None else None
        refs: dict[str, Node] = {}
        for ref in manifest.all("Reference") if manifest is not None else []:
            cid = _cid(fields.text(ref, "ContentId") or ref.attrs.get("href", ""))
            refs.setdefault(cid, ref)
        return refs

    def _attachment(self, node: Node) -> None:
        entry = self._wires.pop(id(node), None)
        if entry is None:
            raise invalid(f"{node.path}/ContentTransferEncoded", "is missing")
        wire, budget, limit = entry
        n = len(self.attachments) + 1
        refs = self._references()
        cid = _cid(fields.text(node, "ContentId"))
        if not cid and len(refs) >= n:
            cid = list(refs)[n - 1]  # no id of its own: the manifest's entry in the same place
        cid = cid or f"attachment-{n}"
        ref = refs.get(cid)
        declared = safe_file_name(
            fields.text(node, "AttachmentName") or fields.text(ref, "AttachmentName")
        )
        declared_type = fields.text(node, "ContentType") or fields.text(ref, "ContentType")
        declared_type = declared_type.split(";", 1)[0].strip().lower()
        found = unwrap(
            wire,
            declared_name=declared,
            declared_type=declared_type,
            spools=self._spools,
            threshold=self._threshold,
            element=node.path,
            budget=budget,
            limit=limit,
            limits=self._limits,
        )
        self._used += found.size
        name = declared
        if found.was_zip and (not name or extension(name) == "zip"):
            name = found.name  # the declared name was the wrapper's, or there was none
        name = name or f"attachment-{n}.{sniff_extension(found.head)}"
        content_type = guess_content_type(name)
        if not found.was_zip and declared_type not in ZIP_TYPES | {OCTET_STREAM, ""}:
            content_type = declared_type
        description = fields.text(node, "Description") or fields.text(ref, "Description")
        self.attachments.append(
            m.Attachment(
                content_id=cid,
                name=name,
                description=canonical_text(description),
                content_type=content_type,
                data=found.data,
            )
        )

    def discard(self) -> None:
        for wire, _, _ in self._wires.values():
            wire.discard()
        self._wires.clear()


def _chunks(
    source: bytes | bytearray | memoryview | BinaryIO | Path, limits: Limits
) -> Iterator[bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = memoryview(source)
        if data.nbytes > limits.max_package_bytes:
            raise over_limit("edXML", "max_package_bytes", data.nbytes, limits.max_package_bytes)
        for i in range(0, data.nbytes, _CHUNK):
            yield bytes(data[i : i + _CHUNK])
        return
    try:
        if isinstance(source, str):
            raise TypeError("parse_package takes bytes, a binary stream or a Path, not str")
        if isinstance(source, os.PathLike):
            size = os.stat(source).st_size
            if size > limits.max_package_bytes:
                raise over_limit("edXML", "max_package_bytes", size, limits.max_package_bytes)
            with open(source, "rb") as handle:
                while chunk := handle.read(_CHUNK):
                    yield chunk
        else:
            while chunk := source.read(_CHUNK):
                yield chunk
    except OSError as exc:
        raise StorageError(f"cannot read the package: {exc.strerror or exc}") from exc


def parse_package(
    source: bytes | bytearray | memoryview | BinaryIO | Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    spool_dir: Path | None = None,
    spool_threshold: int = SPOOL_THRESHOLD,
) -> m.DocumentPackage | m.StatusPackage:
    """Read one package. Attachments over ``spool_threshold`` bytes come back as files (their
    ``data`` is a ``Path``) in ``spool_dir``, the system temp folder if ``None``: the caller owns
    those files and removes them once stored."""
    spools = SpoolDir(spool_dir)
    reading = _Reading(limits, spools, spool_threshold)
    try:
        scanner = Scanner(limits, reading.on_start, reading.on_end)
        for chunk in _chunks(source, limits):
            scanner.feed(chunk)
        root = scanner.close()
        envelope = root.child("edXMLEnvelope") or root
        header = envelope.child("edXMLHeader")
        if header is None:
            raise invalid("edXMLHeader", "is missing: not an edXML package")
        mh = header.child("MessageHeader")
        if mh is None:
            raise invalid(f"{header.path}/MessageHeader", "is missing")
        trace_list = header.child("TraceHeaderList")
        if mh.child("StatusCode") is not None:
            status = m.StatusPackage(fields.status_header(mh), fields.traces(trace_list))
            spools.cleanup()  # a status carries no files; anything attached is dropped
            return status
        return m.DocumentPackage(
            header=fields.document_header(mh),
            traces=fields.traces(trace_list),
            business=fields.business(trace_list),
            attachments=tuple(reading.attachments),
        )
    except BaseException:
        reading.discard()
        spools.cleanup()
        raise
