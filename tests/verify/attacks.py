"""The attack files: each builder takes the session kit and returns hostile bytes.

``ATTACKS`` maps an attack name to (builder, the verdict it must get, the rule that must decide).
Names follow the literature where there is one: incremental saving attack (ISA), signature
wrapping (SWA), universal signature forgery (USF), shadow hide / replace / hide-and-replace.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asn1crypto import cms
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.demo.documents import FIELD_AGENCY_SIG, FIELD_LEADER_SIG, FIELD_NUMBER
from app.demo.pki import issue_end_entity, issue_intermediate, person_subject
from app.domain.types import Verdict
from app.signing.verify.overlay import page_ink
from tests.verify import factory
from tests.verify.conftest import ISSUE_VALUES

if TYPE_CHECKING:
    from tests.verify.conftest import Kit

INV, CNV = Verdict.INVALID, Verdict.CANNOT_VERIFY


@dataclass(frozen=True)
class Attack:
    build: Callable[[Kit], bytes]
    verdict: Verdict
    rule: str


def _startxref(data: bytes) -> bytes:
    return re.findall(rb"startxref\s+(\d+)", data)[-1]


# --- incremental saving (ISA) ------------------------------------------------------------------
_EVIL_PAGE = (
    b"7 0 obj\n<< /Length 44 >>\nstream\n"
    b"BT /F1 40 Tf 100 500 Td (PAID IN FULL) Tj ET\nendstream\nendobj\n"
)


def isa_objects_after_eof(kit: Kit) -> bytes:
    return kit.issued + _EVIL_PAGE


def isa_objects_and_old_startxref(kit: Kit) -> bytes:
    return kit.issued + _EVIL_PAGE + b"startxref\n" + _startxref(kit.issued) + b"\n%%EOF\n"


def isa_update_without_prev(kit: Kit) -> bytes:
    catalog = PdfFileReader(io.BytesIO(kit.issued)).root
    return factory.raw_update(kit.issued, {900: factory.serialise(catalog)}, prev=False)


def hidden_object_in_update(kit: Kit) -> bytes:
    data = factory.fill(kit.leader_signed, {FIELD_NUMBER: "05"})
    at = data.rindex(b"\nxref\n") + 1
    hidden = b"88 0 obj\n(hidden replacement content)\nendobj\n"
    data = data[:at] + hidden + data[at:]
    old = _startxref(data)
    tail = data.rindex(b"startxref")
    return data[:tail] + data[tail:].replace(old, str(int(old) + len(hidden)).encode())


# --- /ByteRange manipulation (SWA, USF) ------------------------------------------------------
def swa_gap_injection(kit: Kit) -> bytes:
    data = bytearray(kit.issued)
    _a, b, c, _d = factory.byte_ranges(kit.issued)[-1]
    evil = b">> endobj 7 0 obj (PAID IN FULL) endobj <"
    data[c - 1 - len(evil) - 2 : c - 3] = evil
    return bytes(data)


def usf_partial_range(kit: Kit) -> bytes:
    a, b, c, d = factory.byte_ranges(kit.leader_signed)[-1]
    return factory.resign(kit.leader_signed, kit.signer("leader"), new_range=(a, b, c, d - 60))


def usf_extra_range_numbers(kit: Kit) -> bytes:
    def patch(data: bytes) -> bytes:
        match = list(re.finditer(rb"/ByteRange\s*\[[^\]]*\]", data))[-1]
        nums = match.group().split(b"[")[1].rstrip(b"] ").split()
        text = b"/ByteRange [" + b" ".join(nums) + b" 0 0]"
        width = match.end() - match.start()
        return data[: match.start()] + text.ljust(width) + data[match.end() :]

    return factory.resign(kit.leader_signed, kit.signer("leader"), patch=patch)


def digest_mismatch(kit: Kit) -> bytes:
    data = kit.leader_signed
    at = data.index(b"/Creator (") + len(b"/Creator (")
    return data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :]


def cms_garbage(kit: Kit) -> bytes:
    data = bytearray(kit.issued)
    _a, b, c, _d = factory.byte_ranges(kit.issued)[-1]
    data[b + 1 : c - 1] = b"30" + b"ab" * ((c - b - 4) // 2)
    return bytes(data)


def _rewrite_cms(data: bytes, change: Callable[[cms.ContentInfo], None]) -> bytes:
    """Replace the last signature's CMS (outside the signed bytes) with a changed copy."""
    buf = bytearray(data)
    _a, b, c, _d = factory.byte_ranges(data)[-1]
    hex_body = bytes(buf[b + 1 : c - 1]).rstrip(b"0")
    info = cms.ContentInfo.load(bytes.fromhex((hex_body + b"0" * (len(hex_body) % 2)).decode()))
    change(info)
    new_hex = cms.ContentInfo.load(info.dump(force=True)).dump().hex().encode()
    buf[b + 1 : c - 1] = new_hex.ljust(c - b - 2, b"0")
    return bytes(buf)


def forged_timestamp_token(kit: Kit) -> bytes:
    def change(info: cms.ContentInfo) -> None:
        token = info["content"]["signer_infos"][0]["unsigned_attrs"][0]["values"][0]
        tst_signer = token["content"]["signer_infos"][0]
        value = bytearray(tst_signer["signature"].native)
        value[10] ^= 0xFF
        tst_signer["signature"] = bytes(value)

    return _rewrite_cms(kit.leader_signed, change)


def signature_value_forged(kit: Kit) -> bytes:
    def change(info: cms.ContentInfo) -> None:
        signer = info["content"]["signer_infos"][0]
        value = bytearray(signer["signature"].native)
        value[7] ^= 0xFF
        signer["signature"] = bytes(value)

    return _rewrite_cms(kit.leader_signed, change)


def md5_signature(kit: Kit) -> bytes:
    return factory.resign(kit.leader_signed, kit.signer("leader"), md="md5")


def ca_path_length_violation(kit: Kit) -> bytes:
    """A sub-CA under the demo sub-CA, whose path length is 0."""
    sub = issue_intermediate(kit.pki.intermediate, common_name="CA cấp 3 trái phép")
    leaf = issue_end_entity(sub, person_subject("Cháu Của CA"), url_base=None)
    chain = [factory.asn1_cert(c) for c in (sub, kit.pki.intermediate, kit.pki.root)]
    signer = SimpleSigner(
        signing_cert=factory.asn1_cert(leaf),
        signing_key=factory.asn1_key(leaf),
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )
    return factory.sign(kit.draft, signer, FIELD_LEADER_SIG, tsa=kit.tsa)


# --- changes after signing ---------------------------------------------------------------------
def page_replacement(kit: Kit) -> bytes:
    def mutate(writer: IncrementalPdfFileWriter) -> None:
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        stream = generic.StreamObject(stream_data=b"BT /F1 40 Tf 100 500 Td (PAID) Tj ET")
        page["/Contents"] = writer.add_object(stream)
        writer.update_container(page)

    return factory.incremental(kit.issued, mutate)


def page_added(kit: Kit) -> bytes:
    def mutate(writer: IncrementalPdfFileWriter) -> None:
        pages = writer.root["/Pages"]
        first = pages["/Kids"][0].get_object()
        page = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Page"),
                pdf_name("/Parent"): writer.root.raw_get("/Pages"),
                pdf_name("/MediaBox"): first["/MediaBox"],
                pdf_name("/Contents"): writer.add_object(
                    generic.StreamObject(stream_data=b"BT /F1 30 Tf 100 500 Td (ANNEX) Tj ET")
                ),
            }
        )
        pages["/Kids"].append(writer.add_object(page))
        pages["/Count"] = generic.NumberObject(int(pages["/Count"]) + 1)
        writer.update_container(pages)

    return factory.incremental(kit.issued, mutate)


def _body_rect(kit: Kit) -> list[float]:
    """A box over body text in the middle of page 1."""
    page = PdfFileReader(io.BytesIO(kit.draft)).root["/Pages"]["/Kids"][0].get_object()
    glyphs = sorted(page_ink(page).glyphs, key=lambda g: g[1])
    x, y = glyphs[len(glyphs) // 2]
    return [90.0, y - 8, 540.0, y + 22]


def annotation_over_content(kit: Kit) -> bytes:
    rect = _body_rect(kit)

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        annot = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Annot"),
                pdf_name("/Subtype"): pdf_name("/Square"),
                pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in rect]),
                pdf_name("/IC"): generic.ArrayObject([generic.FloatObject(1)] * 3),
                pdf_name("/C"): generic.ArrayObject([generic.FloatObject(1)] * 3),
            }
        )
        page["/Annots"].append(writer.add_object(annot))
        writer.update_container(page)

    return factory.incremental(kit.issued, mutate)


def docmdp_violation(kit: Kit) -> bytes:
    certified = factory.sign(
        kit.draft, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa,
        certify=fields.MDPPerm.NO_CHANGES,
    )  # fmt: skip
    return factory.fill(certified, ISSUE_VALUES)


def shadow_hide(kit: Kit) -> bytes:
    """Signed with an opaque, innocent-looking field over the real text; "filling" it with an
    empty value removes the cover after signing."""
    prepared = factory.add_text_field(
        kit.draft, "ghi_chu", _body_rect(kit), "Theo de nghi cua So Noi vu", opaque=True
    )
    signed = factory.sign(prepared, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa)
    return factory.fill(signed, {"ghi_chu": ""})


def shadow_replace(kit: Kit) -> bytes:
    """An empty field placed over body text before signing, filled afterwards over it."""
    prepared = factory.add_text_field(kit.draft, "ghi_chu", _body_rect(kit))
    signed = factory.sign(prepared, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa)
    return factory.fill(
        signed, {"ghi_chu": "Dieu 2. Quyet dinh nay KHONG co hieu luc."}, opaque=True
    )


def shadow_hide_and_replace(kit: Kit) -> bytes:
    """Unused content prepared before signing; after signing the page is pointed at it."""
    holder: dict[str, generic.IndirectObject] = {}

    def prepare(writer: IncrementalPdfFileWriter) -> None:
        stream = generic.StreamObject(stream_data=b"BT /F1 30 Tf 100 500 Td (FORGED) Tj ET")
        holder["ref"] = writer.add_object(stream)

    prepared = factory.incremental(kit.draft, prepare)
    signed = factory.sign(prepared, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa)
    ref = holder["ref"]

    def reveal(writer: IncrementalPdfFileWriter) -> None:
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        page["/Contents"] = generic.IndirectObject(ref.idnum, ref.generation, writer)
        writer.update_container(page)

    return factory.incremental(signed, reveal)


def empty_signature_field_over_text(kit: Kit) -> bytes:
    rect = _body_rect(kit)

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        fields.append_signature_field(
            writer,
            fields.SigFieldSpec("chu_ky_gia", on_page=0, box=tuple(int(v) for v in rect)),
        )
        widget = factory_field(writer, "chu_ky_gia")
        widget["/AP"] = generic.DictionaryObject(
            {pdf_name("/N"): factory.text_appearance(writer, rect, "PAID IN FULL", opaque=True)}
        )

    return factory.incremental(kit.leader_signed, mutate)


def signature_appearance_swapped(kit: Kit) -> bytes:
    """The visible signature (name, image) replaced after signing."""

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        field = factory_field(writer, FIELD_LEADER_SIG)
        rect = [float(v) for v in field["/Rect"]]
        appearance = factory.text_appearance(writer, rect, "Nguyen Van Gia", opaque=True)
        field["/AP"] = generic.DictionaryObject({pdf_name("/N"): appearance})

    return factory.incremental(kit.leader_signed, mutate)


def factory_field(writer: IncrementalPdfFileWriter, name: str) -> generic.DictionaryObject:
    for ref in writer.root["/AcroForm"]["/Fields"]:
        if ref.get_object().get("/T") == name:
            writer.mark_update(ref)
            return ref.get_object()
    raise KeyError(name)


# --- signatures that vanish ------------------------------------------------------------------
def signature_removed(kit: Kit) -> bytes:
    def mutate(writer: IncrementalPdfFileWriter) -> None:
        field = factory_field(writer, FIELD_LEADER_SIG)
        del field["/V"]

    return factory.incremental(kit.leader_signed, mutate)


def signature_removed_then_countersigned(kit: Kit) -> bytes:
    stripped = signature_removed(kit)
    return factory.sign(stripped, kit.signer("agency"), FIELD_AGENCY_SIG, tsa=kit.tsa)


def unusual_subfilter(kit: Kit) -> bytes:
    def patch(data: bytes) -> bytes:
        at = data.rindex(b"/adbe.pkcs7.detached")
        return data[:at] + b"/VNPT.pkcs7.detached" + data[at + 20 :]

    return factory.resign(kit.issued, kit.signer("agency"), patch=patch)


# --- certificates --------------------------------------------------------------------------
def untrusted_signer(kit: Kit) -> bytes:
    return factory.sign(kit.draft, kit.signer("stranger"), FIELD_LEADER_SIG)


def expired_signer(kit: Kit) -> bytes:
    return factory.sign(kit.draft, kit.signer("expired"), FIELD_LEADER_SIG)


def wrong_key_usage(kit: Kit) -> bytes:
    return factory.sign(kit.draft, kit.signer("wrong_usage"), FIELD_LEADER_SIG, tsa=kit.tsa)


# --- hostile structure -----------------------------------------------------------------------
def truncated(kit: Kit) -> bytes:
    return kit.issued[: len(kit.issued) - 1500]


def garbage(kit: Kit) -> bytes:
    return bytes(range(256)) * 64


def garbage_with_header(kit: Kit) -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"


def decompression_bomb_in_dss(kit: Kit) -> bytes:
    encoded, filters = factory.flate_bomb(64)

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        stream = generic.StreamObject(
            {pdf_name("/Filter"): generic.ArrayObject([pdf_name(f) for f in filters])},
            encoded_data=encoded,
        )
        writer.root["/DSS"] = generic.DictionaryObject(
            {pdf_name("/OCSPs"): generic.ArrayObject([writer.add_object(stream)])}
        )
        writer.update_root()

    return factory.incremental(kit.issued, mutate)


def decompression_bomb_in_signed_page(kit: Kit) -> bytes:
    """The bomb sits in the signed page; a later fill makes the verifier read the page."""
    encoded, filters = factory.flate_bomb(64)

    def mutate(writer: IncrementalPdfFileWriter) -> None:
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        stream = generic.StreamObject(
            {pdf_name("/Filter"): generic.ArrayObject([pdf_name(f) for f in filters])},
            encoded_data=encoded,
        )
        page["/Contents"] = generic.ArrayObject(
            [page.raw_get("/Contents"), writer.add_object(stream)]
        )
        writer.update_container(page)

    prepared = factory.incremental(kit.draft, mutate)
    signed = factory.sign(prepared, kit.signer("leader"), FIELD_LEADER_SIG, tsa=kit.tsa)
    return factory.fill(signed, ISSUE_VALUES)


def field_tree_loop(kit: Kit) -> bytes:
    def mutate(writer: IncrementalPdfFileWriter) -> None:
        for ref in writer.root["/AcroForm"]["/Fields"]:
            field = ref.get_object()
            if field.get("/T") == FIELD_NUMBER:
                field["/Kids"] = generic.ArrayObject([ref])
                writer.mark_update(ref)

    return factory.incremental(kit.issued, mutate)


def page_tree_loop(kit: Kit) -> bytes:
    def mutate(writer: IncrementalPdfFileWriter) -> None:
        pages = writer.root["/Pages"]
        pages["/Kids"].append(writer.root.raw_get("/Pages"))
        writer.update_container(pages)

    return factory.incremental(kit.issued, mutate)


def reference_loop(kit: Kit) -> bytes:
    catalog = PdfFileReader(io.BytesIO(kit.issued)).root
    root_ref = PdfFileReader(io.BytesIO(kit.issued)).trailer.raw_get("/Root")
    body = factory.serialise(catalog).replace(b"/AcroForm", b"/AcroForm 900 0 R /XAcroForm", 1)
    return factory.raw_update(kit.issued, {root_ref.idnum: body, 900: b"901 0 R", 901: b"900 0 R"})


ATTACKS: dict[str, Attack] = {
    "isa_objects_after_eof": Attack(isa_objects_after_eof, INV, "TRAILING_BYTES"),
    "isa_objects_and_old_startxref": Attack(isa_objects_and_old_startxref, INV, "TRAILING_BYTES"),
    "isa_update_without_prev": Attack(isa_update_without_prev, CNV, "PARSE_STRICT"),
    "hidden_object_in_update": Attack(hidden_object_in_update, INV, "HIDDEN_OBJECT"),
    "swa_gap_injection": Attack(swa_gap_injection, INV, "BYTERANGE_SHAPE"),
    "usf_partial_range": Attack(usf_partial_range, INV, "REVISION_BOUNDARY"),
    "usf_extra_range_numbers": Attack(usf_extra_range_numbers, INV, "BYTERANGE_SHAPE"),
    "digest_mismatch": Attack(digest_mismatch, INV, "DIGEST_MISMATCH"),
    "signature_value_forged": Attack(signature_value_forged, INV, "SIGNATURE_INVALID"),
    "md5_signature": Attack(md5_signature, INV, "BROKEN_CRYPTO"),
    "ca_path_length_violation": Attack(ca_path_length_violation, INV, "CHAIN_INVALID"),
    "cms_garbage": Attack(cms_garbage, CNV, "CMS_UNREADABLE"),
    "forged_timestamp_token": Attack(forged_timestamp_token, INV, "TIMESTAMP_INVALID"),
    "page_replacement": Attack(page_replacement, INV, "MODIFIED"),
    "page_added": Attack(page_added, INV, "MODIFIED"),
    "annotation_over_content": Attack(annotation_over_content, INV, "MODIFIED"),
    "docmdp_violation": Attack(docmdp_violation, INV, "DOCMDP"),
    "shadow_hide": Attack(shadow_hide, INV, "SHADOW_OVERLAY"),
    "shadow_replace": Attack(shadow_replace, INV, "SHADOW_OVERLAY"),
    "shadow_hide_and_replace": Attack(shadow_hide_and_replace, INV, "MODIFIED"),
    "empty_signature_field_over_text": Attack(
        empty_signature_field_over_text, INV, "SHADOW_OVERLAY"
    ),
    "signature_appearance_swapped": Attack(signature_appearance_swapped, INV, "MODIFIED"),
    "signature_removed": Attack(signature_removed, INV, "SIG_DETACHED"),
    "signature_removed_then_countersigned": Attack(
        signature_removed_then_countersigned, INV, "SIG_DETACHED"
    ),
    "unusual_subfilter": Attack(unusual_subfilter, CNV, "SIG_UNLISTED"),
    "untrusted_signer": Attack(untrusted_signer, INV, "UNTRUSTED"),
    "expired_signer": Attack(expired_signer, INV, "CERT_TIME"),
    "wrong_key_usage": Attack(wrong_key_usage, INV, "KEY_USAGE"),
    "truncated": Attack(truncated, CNV, "PARSE_STRICT"),
    "garbage": Attack(garbage, CNV, "PARSE_STRICT"),
    "garbage_with_header": Attack(garbage_with_header, CNV, "PARSE_STRICT"),
    "decompression_bomb_in_dss": Attack(decompression_bomb_in_dss, CNV, "PARSE_LIMIT"),
    "decompression_bomb_in_signed_page": Attack(
        decompression_bomb_in_signed_page, CNV, "PARSE_LIMIT"
    ),
    "field_tree_loop": Attack(field_tree_loop, CNV, "STRUCTURE_LOOP"),
    "page_tree_loop": Attack(page_tree_loop, CNV, "STRUCTURE_LOOP"),
    "reference_loop": Attack(reference_loop, CNV, "STRUCTURE_LOOP"),
}
