"""Packages out: a document or status package as edXML bytes, in one streaming pass.

Everything is checked first (``elements`` for the header, ``attachments`` for the files), so a
refused package leaves no half-written output; the refusal is ``PackageInvalid`` naming the
element. Then the skeleton is written the way the national SDK's sample writes it (root in the
default namespace, the envelope with the ``edXML:`` prefix, ``AttachmentEncoded`` unprefixed:
the same namespace throughout), with each attachment's base64 streamed from its file. Never
reads a package and never holds a big attachment in memory.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from app.sync.edxml import model as m
from app.sync.edxml.attachments import Outgoing, check_attachments, write_zipped_base64
from app.sync.edxml.elements import El, document_header, status_header, trace_list
from app.sync.edxml.xmlout import XmlOut


def _emit(x: XmlOut, el: El, prefix: str) -> None:
    tag = prefix + el.tag
    if el.children:
        x.open(tag)
        for child in el.children:
            _emit(x, child, prefix)
        x.close()
    elif el.text is not None:
        x.leaf(tag, el.text)
    else:
        x.empty(tag)


def _write(out: BinaryIO, header: El, traces: El | None, atts: list[Outgoing] | None) -> None:
    x = XmlOut(out)
    x.declaration()
    x.open("edXML", {"xmlns": m.NAMESPACE})
    x.open("edXML:edXMLEnvelope", {"xmlns:edXML": m.NAMESPACE})
    x.open("edXML:edXMLHeader")
    _emit(x, header, "edXML:")
    if traces is not None and traces.children:
        _emit(x, traces, "edXML:")
    x.close()
    x.open("edXML:edXMLBody")
    if atts:
        x.open("edXML:edXMLManifest", {"version": "1.0"})
        for a in atts:
            x.open("edXML:Reference")
            x.leaf("edXML:ContentId", "cid:" + a.content_id)
            x.leaf("edXML:ContentType", m.ZIP_CONTENT_TYPE)
            if a.description:
                x.leaf("edXML:Description", a.description)
            x.leaf("edXML:AttachmentName", a.name)
            x.close()
        x.close()
    else:
        x.empty("edXML:edXMLManifest", {"version": "1.0"})
    x.close()
    x.close()
    if atts == []:
        x.empty("AttachmentEncoded")
    elif atts is not None:
        x.open("AttachmentEncoded")
        for a in atts:
            x.open("Attachment")
            x.leaf("ContentId", a.content_id)
            x.leaf("AttachmentName", a.name)
            if a.description:
                x.leaf("Description", a.description)
            x.leaf("ContentType", m.ZIP_CONTENT_TYPE)
            x.open_inline("ContentTransferEncoded")
            write_zipped_base64(a, x.raw)
            x.close_inline("ContentTransferEncoded")
            x.close()
        x.close()
    x.close()


def write_document_package(pkg: m.DocumentPackage, out: BinaryIO) -> None:
    """Write ``pkg`` to ``out``; attachments stream from their files. Checks everything first."""
    header = document_header(pkg.header)
    traces = trace_list(pkg.traces, pkg.business)
    atts = check_attachments(pkg.attachments)
    _write(out, header, traces, atts)


def build_document_package(pkg: m.DocumentPackage) -> bytes:
    buf = io.BytesIO()
    write_document_package(pkg, buf)
    return buf.getvalue()


def write_status_package(pkg: m.StatusPackage, out: BinaryIO) -> None:
    header = status_header(pkg.header)
    traces = trace_list(pkg.traces, None)
    _write(out, header, traces, None)


def build_status_package(pkg: m.StatusPackage) -> bytes:
    buf = io.BytesIO()
    write_status_package(pkg, buf)
    return buf.getvalue()
