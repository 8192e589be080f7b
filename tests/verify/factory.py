"""Makers of signed PDFs for the verification tests, legitimate and hostile.

Legitimate files are made the way signing tools make them: pyhanko's signer with the demo keys,
incremental updates, form filling that sets /V and an /AP appearance, DSS and document timestamps.
Attacks are then applied to those bytes the way the published attacks do (see docs/verification.md).
"""

from __future__ import annotations

import asyncio
import io
import re
import zlib
from collections.abc import Callable
from typing import Any

from asn1crypto import cms
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.demo.pki import DemoPki, Issued

Mutator = Callable[[IncrementalPdfFileWriter], None]


def asn1_cert(issued: Issued) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(issued.cert_der)


def asn1_key(issued: Issued) -> asn1_keys.PrivateKeyInfo:
    der = issued.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return asn1_keys.PrivateKeyInfo.load(der)


def signer_for(issued: Issued, pki: DemoPki) -> SimpleSigner:
    chain = SimpleCertificateStore.from_certs([asn1_cert(pki.intermediate), asn1_cert(pki.root)])
    return SimpleSigner(
        signing_cert=asn1_cert(issued), signing_key=asn1_key(issued), cert_registry=chain
    )


def timestamper(pki: DemoPki) -> DummyTimeStamper:
    return DummyTimeStamper(
        tsa_cert=asn1_cert(pki.tsa),
        tsa_key=asn1_key(pki.tsa),
        certs_to_embed=[asn1_cert(pki.intermediate), asn1_cert(pki.root)],
    )


def sign(
    pdf: bytes,
    signer: SimpleSigner,
    field: str,
    *,
    tsa: DummyTimeStamper | None = None,
    md: str = "sha256",
    pades: bool = False,
    certify: fields.MDPPerm | None = None,
    ltv: ValidationContext | None = None,
    lta: bool = False,
    png: bytes | None = None,
) -> bytes:
    """Sign ``field`` (adbe.pkcs7.detached like most Vietnamese tools, or PAdES)."""
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        md_algorithm=md,
        subfilter=fields.SigSeedSubFilter.PADES if pades or lta else None,
        certify=certify is not None,
        docmdp_permissions=certify or fields.MDPPerm.FILL_FORMS,
        embed_validation_info=ltv is not None,
        validation_context=ltv,
        use_pades_lta=lta,
    )
    style = None
    if png is not None:
        image = PdfImage(Image.open(io.BytesIO(png)))
        style = TextStampStyle(
            stamp_text="", background=image, border_width=0, background_opacity=1
        )
    pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=tsa, stamp_style=style)
    out = io.BytesIO()
    pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), output=out)
    return out.getvalue()


def incremental(pdf: bytes, mutate: Mutator) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    mutate(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _field_ref(writer: Any, name: str) -> Any:
    for ref in writer.root["/AcroForm"]["/Fields"]:
        if ref.get_object().get("/T") == name:
            return ref
    raise KeyError(name)


def text_appearance(writer: Any, rect: list[float], text: str, *, opaque: bool = False) -> Any:
    """An appearance stream like form fillers write: optional white box, then the text."""
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    font = writer.add_object(
        generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Font"),
                pdf_name("/Subtype"): pdf_name("/Type1"),
                pdf_name("/BaseFont"): pdf_name("/Times-Roman"),
            }
        )
    )
    box = b"1 g 0 0 %.2f %.2f re f " % (width, height) if opaque else b""
    raw = text.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    ops = (
        b"/Tx BMC q "
        + box
        + b"BT 0 g /F1 11 Tf 2 %.2f Td (" % (height / 3)
        + raw
        + b") Tj ET Q EMC"
    )
    stream = generic.StreamObject(
        {
            pdf_name("/Type"): pdf_name("/XObject"),
            pdf_name("/Subtype"): pdf_name("/Form"),
            pdf_name("/BBox"): generic.ArrayObject(
                [
                    generic.FloatObject(0),
                    generic.FloatObject(0),
                    generic.FloatObject(width),
                    generic.FloatObject(height),
                ]
            ),
            pdf_name("/Resources"): generic.DictionaryObject(
                {pdf_name("/Font"): generic.DictionaryObject({pdf_name("/F1"): font})}
            ),
        },
        stream_data=ops,
    )
    return writer.add_object(stream)


def fill(pdf: bytes, values: dict[str, str], *, opaque: bool = False) -> bytes:
    """Fill text fields the way the issuing step does: /V, an /AP appearance, read-only."""

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        for name, value in values.items():
            ref = _field_ref(writer, name)
            field = ref.get_object()
            rect = [float(v) for v in field["/Rect"]]
            field["/V"] = generic.TextStringObject(value)
            field["/AP"] = generic.DictionaryObject(
                {pdf_name("/N"): text_appearance(writer, rect, value, opaque=opaque)}
            )
            field["/Ff"] = generic.NumberObject(int(field.get("/Ff", 0)) | 1)
            writer.mark_update(ref)

    return incremental(pdf, mutate)


def add_text_field(
    pdf: bytes, name: str, rect: list[float], value: str = "", *, opaque: bool = False
) -> bytes:
    """A text field widget on page 1 (used to prepare shadow attacks before signing)."""

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        page_ref = writer.root["/Pages"]["/Kids"][0]
        page = page_ref.get_object()
        field = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Annot"),
                pdf_name("/Subtype"): pdf_name("/Widget"),
                pdf_name("/FT"): pdf_name("/Tx"),
                pdf_name("/T"): generic.TextStringObject(name),
                pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in rect]),
                pdf_name("/P"): page_ref,
                pdf_name("/F"): generic.NumberObject(4),
                pdf_name("/DA"): generic.TextStringObject("/Helv 11 Tf 0 g"),
            }
        )
        if value or opaque:
            field["/V"] = generic.TextStringObject(value)
            field["/AP"] = generic.DictionaryObject(
                {pdf_name("/N"): text_appearance(writer, rect, value, opaque=opaque)}
            )
        ref = writer.add_object(field)
        page["/Annots"].append(ref)
        writer.update_container(page)
        writer.root["/AcroForm"]["/Fields"].append(ref)
        writer.update_container(writer.root["/AcroForm"])

    return incremental(pdf, mutate)


# --- low-level byte surgery --------------------------------------------------------------------
def byte_ranges(data: bytes) -> list[tuple[int, int, int, int]]:
    found = []
    for match in re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data):
        found.append(tuple(int(g) for g in match.groups()))
    return found  # type: ignore[return-value]


def resign(
    data: bytes,
    signer: SimpleSigner,
    *,
    index: int = -1,
    new_range: tuple[int, int, int, int] | None = None,
    md: str = "sha256",
    empty_econtent: bool = False,
    patch: Callable[[bytes], bytes] | None = None,
) -> bytes:
    """Rewrite one signature's /Contents with a fresh CMS (same key) after changing its bytes.

    This is what a tool with the key could produce; attacks use it for signatures that are
    cryptographically fine over a manipulated range.
    """
    old = byte_ranges(data)[index]
    buf = bytearray(patch(data) if patch else data)
    if new_range is not None:
        match = list(re.finditer(rb"/ByteRange\s*\[[^\]]*\]", bytes(buf)))[index]
        text = b"/ByteRange [%d %d %d %d]" % new_range
        buf[match.start() : match.end()] = text.ljust(match.end() - match.start())
    a, b, c, d = new_range or old
    import hashlib

    digest = hashlib.new(md, bytes(buf[a : a + b]) + bytes(buf[c : c + d])).digest()
    content = asyncio.run(signer.async_sign(digest, md))
    if empty_econtent:
        signed = content["content"]
        signed["encap_content_info"] = {"content_type": "data", "content": b""}
        content = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    hex_cms = content.dump().hex().encode()
    _a, gb, gc, _d = old
    room = gc - gb - 2
    assert len(hex_cms) <= room, "CMS does not fit"
    buf[gb + 1 : gc - 1] = hex_cms.ljust(room, b"0")
    return bytes(buf)


def flate_bomb(decoded_mb: int, layers: int = 2) -> tuple[bytes, list[str]]:
    data = b"\0" * (decoded_mb * 1024 * 1024)
    for _ in range(layers):
        data = zlib.compress(data, 9)
    return data, ["/FlateDecode"] * layers


def document_timestamp(pdf: bytes, tsa: DummyTimeStamper) -> bytes:
    """A document timestamp as the last revision (no DSS after it)."""
    out = io.BytesIO()
    signers.PdfTimeStamper(tsa).timestamp_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)), "sha256", output=out
    )
    return out.getvalue()


def raw_update(data: bytes, objects: dict[int, bytes], *, prev: bool = True) -> bytes:
    """Append an incremental update written by hand (objects, xref table, trailer)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    root = reader.trailer.raw_get("/Root")
    size = max(int(reader.trailer["/Size"]), max(objects) + 1)
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets = {}
    for num, body in sorted(objects.items()):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
    xref_at = len(out)
    out += b"xref\n"
    for num in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (num, offsets[num])
    tail = b" /Prev %d" % startxref if prev else b""
    out += b"trailer\n<< /Size %d /Root %d %d R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        root.idnum,
        root.generation,
        tail,
        xref_at,
    )
    return bytes(out)


def serialise(obj: Any) -> bytes:
    buf = io.BytesIO()
    obj.write_to_stream(buf, None)
    return buf.getvalue()
