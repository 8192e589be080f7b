"""The demo assets are realistic enough to test the product against: PKI, images, PDFs, fonts."""

from __future__ import annotations

import asyncio
import importlib.util
import io
import os
import shutil
import stat
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from fontTools.ttLib import TTFont
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields

from app.demo import documents, images, pki
from app.paths import resource
from app.reports import fonts

NOW = datetime(2025, 3, 14, 8, 30, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent

TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # ngang, huyền, sắc, ngã, hỏi, nặng


def vietnamese_letters() -> set[str]:
    """Every letter of the Vietnamese alphabet, with every tone, upper and lower case, in NFC."""
    letters = set("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX")
    letters |= set("fjwzFJWZ")  # loanwords and names
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for tone in TONES:
            letters.add(unicodedata.normalize("NFC", vowel + tone))
    assert all(len(ch) == 1 for ch in letters), "every Vietnamese letter has a precomposed form"
    return letters


VIETNAMESE = vietnamese_letters()
# The whole Latin Extended Additional Vietnamese block, whether or not a word uses it.
VIETNAMESE_BLOCK = {chr(cp) for cp in range(0x1EA0, 0x1EFA)}


# ---------------------------------------------------------------------------------------------
# PKI


@pytest.fixture(scope="module")
def demo_pki() -> pki.DemoPki:
    return pki.generate_demo_pki(now=NOW)


E = TypeVar("E", bound=x509.ExtensionType)


def _ext(cert: x509.Certificate, kind: type[E]) -> x509.Extension[E]:
    return cert.extensions.get_extension_for_class(kind)


def test_chain_signatures_verify(demo_pki: pki.DemoPki) -> None:
    root, inter = demo_pki.root.cert, demo_pki.intermediate.cert
    root.verify_directly_issued_by(root)
    inter.verify_directly_issued_by(root)
    for issued in demo_pki.end_entities.values():
        issued.cert.verify_directly_issued_by(inter)
    with pytest.raises(ValueError):
        demo_pki.leader.cert.verify_directly_issued_by(root)


def test_leader_path_validates_for_signing(demo_pki: pki.DemoPki) -> None:
    """The validator pyhanko uses accepts the leader's path for signing key usages."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator import CertificateValidator, ValidationContext

    def load(issued: pki.Issued) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(issued.cert_der)

    context = ValidationContext(
        trust_roots=[load(demo_pki.root)],
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=NOW + timedelta(days=1),
    )
    for issued in (demo_pki.leader, demo_pki.agency):
        validator = CertificateValidator(
            load(issued),
            intermediate_certs=[load(demo_pki.intermediate)],
            validation_context=context,
        )
        path = asyncio.run(
            validator.async_validate_usage(  # type: ignore[no-untyped-call]
                {"digital_signature", "non_repudiation"}
            )
        )
        assert len(path) == 3


def test_key_sizes_hash_and_validity(demo_pki: pki.DemoPki) -> None:
    all_issued = [demo_pki.root, demo_pki.intermediate, *demo_pki.end_entities.values()]
    for issued in all_issued:
        assert issued.key.key_size == 2048
        assert issued.cert.signature_hash_algorithm is not None
        assert issued.cert.signature_hash_algorithm.name == "sha256"
    root = demo_pki.root.cert
    assert root.not_valid_after_utc - root.not_valid_before_utc >= timedelta(days=365 * 20)
    for issued in demo_pki.end_entities.values():
        cert = issued.cert
        assert cert.not_valid_before_utc <= NOW
        assert cert.not_valid_after_utc == cert.not_valid_before_utc + timedelta(days=730)


def test_ca_extensions(demo_pki: pki.DemoPki) -> None:
    for issued, path_len in ((demo_pki.root, None), (demo_pki.intermediate, 0)):
        bc = _ext(issued.cert, x509.BasicConstraints)
        assert bc.critical and bc.value.ca and bc.value.path_length == path_len
        ku = _ext(issued.cert, x509.KeyUsage).value
        assert ku.key_cert_sign and ku.crl_sign
    root_subject = demo_pki.root.cert.subject
    marks = root_subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    assert marks and "KHÔNG DÙNG THẬT" in str(marks[0].value)
    assert root_subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "VBĐT Demo Root CA"
    inter_cn = demo_pki.intermediate.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert inter_cn[0].value == "VBĐT Demo CA cấp 2"


def test_signer_key_usage_eku_and_urls(demo_pki: pki.DemoPki) -> None:
    for issued in (demo_pki.leader, demo_pki.agency):
        cert = issued.cert
        ku = _ext(cert, x509.KeyUsage)
        assert ku.critical
        assert ku.value.digital_signature and ku.value.content_commitment
        assert not ku.value.key_cert_sign
        eku = _ext(cert, x509.ExtendedKeyUsage).value
        assert set(eku) == {ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.EMAIL_PROTECTION}
        aia = _ext(cert, x509.AuthorityInformationAccess).value
        urls = {d.access_method.dotted_string: d.access_location.value for d in aia}
        assert urls["1.3.6.1.5.5.7.48.1"] == "http://127.0.0.1:8766/ocsp"
        assert urls["1.3.6.1.5.5.7.48.2"] == "http://127.0.0.1:8766/certs/intermediate.cer"
        crl = _ext(cert, x509.CRLDistributionPoints).value
        assert crl[0].full_name is not None
        assert crl[0].full_name[0].value == "http://127.0.0.1:8766/crl/intermediate.crl"


def test_url_base_is_configurable() -> None:
    other = pki.generate_demo_pki(now=NOW, url_base="http://demo.example:9000/pki/")
    aia = _ext(other.leader.cert, x509.AuthorityInformationAccess).value
    assert {d.access_location.value for d in aia} == {
        "http://demo.example:9000/pki/ocsp",
        "http://demo.example:9000/pki/certs/intermediate.cer",
    }


def test_tsa_and_ocsp_certificates(demo_pki: pki.DemoPki) -> None:
    tsa_eku = _ext(demo_pki.tsa.cert, x509.ExtendedKeyUsage)
    assert tsa_eku.critical
    assert list(tsa_eku.value) == [ExtendedKeyUsageOID.TIME_STAMPING]
    ocsp = demo_pki.ocsp.cert
    assert list(_ext(ocsp, x509.ExtendedKeyUsage).value) == [ExtendedKeyUsageOID.OCSP_SIGNING]
    assert _ext(ocsp, x509.OCSPNoCheck) is not None
    assert _ext(ocsp, x509.KeyUsage).value.digital_signature


def test_vietnamese_names_round_trip(demo_pki: pki.DemoPki) -> None:
    leader = x509.load_der_x509_certificate(demo_pki.leader.cert_der).subject
    assert leader.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == pki.DEFAULT_LEADER_NAME
    assert unicodedata.is_normalized("NFC", pki.DEFAULT_LEADER_NAME)
    assert leader.get_attributes_for_oid(NameOID.TITLE)[0].value == "Chủ tịch"
    assert str(leader.get_attributes_for_oid(NameOID.USER_ID)[0].value).startswith("CCCD:")
    agency = x509.load_pem_x509_certificate(demo_pki.agency.cert_pem).subject
    assert agency.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "Ủy ban nhân dân tỉnh Điện Biên"
    )
    assert agency.get_attributes_for_oid(NameOID.LOCALITY_NAME)[0].value == "Điện Biên"
    assert agency.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "VN"
    assert str(agency.get_attributes_for_oid(NameOID.USER_ID)[0].value).startswith("MST:")

    custom = pki.generate_demo_pki(
        now=NOW, leader_name="Quàng Thị Ngọc Ánh", agency_name="Sở Nội vụ tỉnh Điện Biên"
    )
    cn = custom.leader.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert cn == "Quàng Thị Ngọc Ánh"


def test_issue_end_entity_for_odd_test_certificates(demo_pki: pki.DemoPki) -> None:
    expired = pki.issue_end_entity(
        demo_pki.intermediate,
        pki.person_subject("Lò Thị Hết Hạn"),
        not_before=NOW - timedelta(days=800),
        not_after=NOW - timedelta(days=70),
    )
    assert expired.cert.not_valid_after_utc < NOW
    expired.cert.verify_directly_issued_by(demo_pki.intermediate.cert)

    wrong_usage = pki.issue_end_entity(
        demo_pki.intermediate,
        pki.person_subject("Lò Văn Sai"),
        now=NOW,
        key_usage=pki.signing_key_usage(
            digital_signature=False, non_repudiation=False, key_encipherment=True
        ),
        extended_key_usages=(ExtendedKeyUsageOID.SERVER_AUTH,),
        url_base=None,
    )
    ku = _ext(wrong_usage.cert, x509.KeyUsage).value
    assert not ku.digital_signature and ku.key_encipherment
    with pytest.raises(x509.ExtensionNotFound):
        wrong_usage.cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess)

    same_key = pki.issue_end_entity(
        demo_pki.intermediate, pki.person_subject("Lò Văn Mới"), now=NOW, key=demo_pki.leader.key
    )
    assert same_key.cert.public_key() == demo_pki.leader.cert.public_key()


def test_write_pki(demo_pki: pki.DemoPki, tmp_path: Path) -> None:
    password = b"demo-password-for-tests"
    written = pki.write_pki(demo_pki, tmp_path / "pki", password)
    for name in (
        "root.pem",
        "intermediate.pem",
        "chain.pem",
        "leader.cert.pem",
        "leader.p12",
        "agency.p12",
        "tsa.p12",
        "ocsp.p12",
    ):
        assert written[name].is_file(), name
    assert not list((tmp_path / "pki").glob("*.tmp")), "no temp files left behind"
    chain = x509.load_pem_x509_certificates(written["chain.pem"].read_bytes())
    assert chain == [demo_pki.intermediate.cert, demo_pki.root.cert]
    if os.name == "posix":
        for name, path in written.items():
            mode = stat.S_IMODE(path.stat().st_mode)
            secret = name.endswith((".p12", ".key.pem"))
            assert mode == (0o600 if secret else 0o644), (name, oct(mode))

    loaded = pkcs12.load_pkcs12(written["leader.p12"].read_bytes(), password)
    assert loaded.cert is not None and loaded.cert.certificate == demo_pki.leader.cert
    assert loaded.key is not None
    assert loaded.key.public_key() == demo_pki.leader.cert.public_key()
    assert [c.certificate for c in loaded.additional_certs] == demo_pki.chain
    with pytest.raises(ValueError):
        pkcs12.load_pkcs12(written["leader.p12"].read_bytes(), b"wrong")
    with pytest.raises(ValueError):
        pki.write_pki(demo_pki, tmp_path / "nopw", b"")


# ---------------------------------------------------------------------------------------------
# Images


def _open(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.mode == "RGBA"
    return image


def _corners_transparent(image: Image.Image) -> None:
    w, h = image.size
    for x, y in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)):
        alpha = image.getpixel((x, y))
        assert isinstance(alpha, tuple) and alpha[3] == 0, (x, y)


def _pixels(image: Image.Image) -> list[tuple[int, int, int, int]]:
    raw = image.tobytes()
    return [(raw[i], raw[i + 1], raw[i + 2], raw[i + 3]) for i in range(0, len(raw), 4)]


def _ink(image: Image.Image, threshold: int = 128) -> list[tuple[int, int, int, int]]:
    return [p for p in _pixels(image) if p[3] >= threshold]


def test_signature_png() -> None:
    png = images.signature_png("Cầm Văn Thưởng")
    image = _open(png)
    assert image.size == (600, 240)
    _corners_transparent(image)
    ink = _ink(image)
    assert len(ink) > 2000, "a signature has visible strokes"
    blue = [p for p in ink if p[2] > p[0] + 60 and p[2] > p[1] + 40]
    assert len(blue) / len(ink) > 0.95
    partly = [p for p in _pixels(image) if 0 < p[3] < 255]
    assert partly, "strokes are anti-aliased"
    # Deterministic per name, NFC-insensitive, different for different people.
    assert images.signature_png(unicodedata.normalize("NFD", "Cầm Văn Thưởng")) == png
    assert images.signature_png("Lường Thị Thu Hà") != png
    assert _open(images.signature_png("A", width=300, height=120)).size == (300, 120)


def test_seal_png() -> None:
    png = images.seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"])
    image = _open(png)
    assert images.SEAL_DIAMETER_MM == 36
    assert image.size == (425, 425)  # 36 mm at 300 dpi
    _corners_transparent(image)
    ink = _ink(image)
    assert len(ink) > 10000
    red = [p for p in ink if p[0] > 150 and p[1] < 60 and p[2] < 80]
    assert len(red) / len(ink) > 0.95
    assert max(p[3] for p in _pixels(image)) < 255, "stamp ink is slightly transparent"
    # The centre (the star) is inked, the band between star and ring is not solid.
    assert image.getpixel((212, 212))[3] > 100  # type: ignore[index]
    assert images.seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]) == png
    with_text = _open(images.seal_png(["UBND tỉnh Điện Biên"], "Sở Nội vụ", diameter_px=300))
    assert with_text.size == (300, 300)
    with pytest.raises(ValueError):
        images.seal_png([" "])


# ---------------------------------------------------------------------------------------------
# Documents


def test_sample_documents_are_nfc_and_varied() -> None:
    docs = documents.SAMPLE_DOCUMENTS
    assert len(docs) >= 5
    for doc in docs:
        for text in (
            doc.subject,
            doc.signer_name,
            doc.agency_name,
            doc.place,
            *doc.body,
            *doc.recipients,
            *doc.addressees,
        ):
            assert unicodedata.is_normalized("NFC", text), text
        assert doc.recipients[-1].startswith("- Lưu:")
    kinds = {doc.kind_name for doc in docs}
    assert {"Quyết định", "Công văn", "Kế hoạch", "Thông báo", "Giấy mời"} <= kinds
    symbols = {doc.kind_name: doc.symbol for doc in docs}
    assert symbols["Quyết định"] == "QĐ-UBND"
    assert symbols["Công văn"] == "SNV-VP"


@pytest.fixture(scope="module")
def rendered() -> list[documents.RenderedDocument]:
    return [documents.render_official_document_with_fields(d) for d in documents.SAMPLE_DOCUMENTS]


def _pdftotext(pdf: bytes) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        [exe, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    # Lines wrap anywhere: compare on single-spaced text.
    return " ".join(result.stdout.decode("utf-8").split())


@pytest.mark.parametrize("index", range(len(documents.SAMPLE_DOCUMENTS)))
def test_document_text(rendered: list[documents.RenderedDocument], index: int) -> None:
    doc = documents.SAMPLE_DOCUMENTS[index]
    text = _pdftotext(rendered[index].pdf)
    expected = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        doc.subject,
        doc.signer_name,
        doc.signer_position.upper(),
        "Nơi nhận:",
        f"/{doc.symbol}",
        f"{doc.place},",
    ]
    if not doc.is_cong_van:
        expected.append(doc.kind_name.upper())
    for snippet in expected:
        assert snippet in text, snippet


@pytest.mark.parametrize("index", range(len(documents.SAMPLE_DOCUMENTS)))
def test_document_fields(rendered: list[documents.RenderedDocument], index: int) -> None:
    result = rendered[index]
    reader = PdfFileReader(io.BytesIO(result.pdf))
    assert reader.xrefs.total_revisions == 1, "a draft is a single revision"
    kinds = {}
    for ref in reader.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        kinds[str(field["/T"])] = str(field["/FT"])
    assert kinds == {
        documents.FIELD_NUMBER: "/Tx",
        documents.FIELD_DATE: "/Tx",
        documents.FIELD_LEADER_SIG: "/Sig",
        documents.FIELD_AGENCY_SIG: "/Sig",
    }
    sig_fields = {name: value for name, value, _ref in enumerate_sig_fields(reader)}
    assert sig_fields == {documents.FIELD_LEADER_SIG: None, documents.FIELD_AGENCY_SIG: None}

    leader = result.fields[documents.FIELD_LEADER_SIG]
    seal = result.fields[documents.FIELD_AGENCY_SIG]
    assert leader.page == seal.page
    lx1, ly1, lx2, ly2 = leader.box
    sx1, sy1, sx2, sy2 = seal.box
    mm = 72 / 25.4
    assert abs((lx2 - lx1) - 60 * mm) <= 1 and abs((ly2 - ly1) - 25 * mm) <= 1
    assert abs((sx2 - sx1) - 36 * mm) <= 1 and abs((sy2 - sy1) - 36 * mm) <= 1
    # The seal covers about the left third of the leader's signature.
    assert sx1 < lx1 < sx2
    assert abs((sx2 - lx1) - (lx2 - lx1) / 3) <= 1
    assert sy1 <= ly1 and sy2 >= ly2
    # The placeholders recorded are where the widgets are.
    page = reader.root["/Pages"]["/Kids"][leader.page].get_object()
    rects = {
        str(a.get_object()["/T"]): [float(v) for v in a.get_object()["/Rect"]]
        for a in page["/Annots"]
    }
    assert rects[documents.FIELD_LEADER_SIG] == pytest.approx(list(leader.box), abs=0.01)
    number = result.fields[documents.FIELD_NUMBER]
    assert rects[documents.FIELD_NUMBER] == pytest.approx(list(number.box), abs=0.01)
    # Header above, signature in the lower part of the page.
    assert number.box[1] > 650 and leader.box[1] < 500


# ---------------------------------------------------------------------------------------------
# Fonts


@pytest.mark.parametrize("bold", [False, True])
def test_stamp_font(bold: bool) -> None:
    font = TTFont(str(fonts.stamp_font_path(bold)))
    assert font["head"].unitsPerEm == 1000
    cmap = font.getBestCmap()
    missing = sorted(ch for ch in VIETNAMESE | VIETNAMESE_BLOCK if ord(ch) not in cmap)
    assert not missing
    for ch in "–“”‘’…№":
        assert ord(ch) in cmap, ch
    assert "fpgm" not in font and "prep" not in font, "hinting stripped"
    names = font["name"]
    assert "Liberation" not in str(names.getDebugName(1)), "OFL reserved name not used"
    assert "Red Hat" in str(names.getDebugName(0)), "copyright notice kept"
    assert fonts.stamp_font_path(bold).stat().st_size < 60_000


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "prepare_fonts", ROOT / "scripts" / "prepare_fonts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["prepare_fonts"] = module
    spec.loader.exec_module(module)
    return module


def test_stamp_fonts_are_reproducible(tmp_path: Path) -> None:
    script = _load_script()
    for source, target, style in script.JOBS:
        data = script.build_one(resource("fonts", source), tmp_path / target, style)
        assert data == (ROOT / "resources" / "fonts" / "stamp" / target).read_bytes(), target


def test_reportlab_fonts_cover_vietnamese() -> None:
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics

    fonts.register_reportlab_fonts()
    fonts.register_reportlab_fonts()  # idempotent
    names = [
        fonts.SERIF,
        fonts.SERIF_BOLD,
        fonts.SERIF_ITALIC,
        fonts.SERIF_BOLD_ITALIC,
        fonts.SANS,
        fonts.SANS_BOLD,
    ]
    for name in names:
        face = pdfmetrics.getFont(name).face
        missing = sorted(
            ch for ch in VIETNAMESE | VIETNAMESE_BLOCK if ord(ch) not in face.charToGlyph
        )
        assert not missing, (name, missing)
    assert tt2ps(fonts.SERIF, 1, 0) == fonts.SERIF_BOLD
    assert tt2ps(fonts.SERIF, 0, 1) == fonts.SERIF_ITALIC
    assert tt2ps(fonts.SERIF, 1, 1) == fonts.SERIF_BOLD_ITALIC
    assert tt2ps(fonts.SANS, 1, 0) == fonts.SANS_BOLD


def test_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Điện Biên Phủ")
    assert decomposed != "Điện Biên Phủ"
    assert fonts.nfc(decomposed) == "Điện Biên Phủ"


def test_licence_ships_with_the_fonts() -> None:
    licence = (ROOT / "resources" / "fonts" / "LICENSE-Liberation.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Copyright (c) 2012 Red Hat, Inc." in licence
