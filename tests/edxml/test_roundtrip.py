"""Build → parse is the identity, for a full sample and for generated packages."""

from __future__ import annotations

import random
import tempfile
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync.edxml import (
    VIETNAM,
    Attachment,
    Bussiness,
    Code,
    DocumentHeader,
    DocumentPackage,
    DocumentType,
    Organization,
    OtherInfo,
    PromulgationInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusCode,
    StatusHeader,
    StatusPackage,
    TraceHeader,
    build_document_package,
    build_status_package,
    parse_package,
    write_document_package,
)
from app.sync.edxml.values import (
    ARCHIVE_EXTENSIONS,
    canonical_text,
    is_archive_magic,
    safe_file_name,
)
from tests.edxml.samples import Trickle, sample_document, sample_header, sample_status

VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:-/()&<>\"'%\n\t"


def vn_text(min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[str]:
    """Canonical text (what the writer sends): Vietnamese, markup characters, some other scripts."""
    chars = st.one_of(
        st.sampled_from(ALPHABET),
        st.characters(min_codepoint=0x20, max_codepoint=0xFFFD, exclude_categories=("Cs", "Cn")),
    )
    text = st.text(chars, max_size=max_size).map(canonical_text)
    return text.filter(lambda t: len(t) >= min_size and len(t) <= max_size)


organ_ids = st.from_regex(r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}", fullmatch=True)
small_ints = st.none() | st.integers(0, 9999)
dates = st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31))
times = st.datetimes(datetime(1970, 1, 2), datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=VIETNAM)
)
organizations = st.builds(
    Organization,
    organ_id=organ_ids,
    organization_in_charge=vn_text(),
    organ_name=vn_text(),
    organ_add=vn_text(),
    email=vn_text(max_size=20),
    telephone=vn_text(max_size=12),
    fax=st.just(""),
    website=vn_text(max_size=20),
)
response_fors = st.builds(ResponseFor, organ_ids, vn_text(max_size=20), dates, vn_text(max_size=30))
staff = st.none() | st.builds(StaffInfo, vn_text(), vn_text(), vn_text(), vn_text())
items = st.lists(vn_text(1, 30), max_size=3).map(tuple)

headers = st.builds(
    DocumentHeader,
    sender=organizations,
    recipients=st.lists(organizations, min_size=1, max_size=4).map(tuple),
    subject=vn_text(1, 500),
    document_id=vn_text(max_size=40),
    code=st.none() | st.builds(Code, vn_text(max_size=5), vn_text(max_size=20)),
    promulgation_info=st.none() | st.builds(PromulgationInfo, vn_text(), dates),
    document_type=st.none() | st.builds(DocumentType, small_ints, small_ints, vn_text()),
    content=vn_text(max_size=500),
    signer_info=st.none() | st.builds(SignerInfo, vn_text(), vn_text(), vn_text()),
    due_date=dates,
    other_info=st.none()
    | st.builds(
        OtherInfo,
        priority=st.none() | st.integers(0, 4),
        sphere_of_promulgation=vn_text(),
        typer_notation=vn_text(max_size=10),
        promulgation_amount=small_ints,
        page_amount=small_ints,
        direction=vn_text(),
        appendixes=items,
    ),
    response_for=st.lists(response_fors, max_size=2).map(tuple),
    steering_type=small_ints,
    to_places=items,
)


def _valid_name(name: str) -> bool:
    return bool(name) and safe_file_name(name) == name


file_names = st.builds(
    lambda stem, ext: canonical_text(f"{stem}.{ext}"),
    st.text(st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + "0123456789 -_()"), min_size=1),
    st.sampled_from(["pdf", "doc", "docx", "txt", "xlsx", "odt", "bin"]),
).filter(_valid_name)


@st.composite
def attachment_lists(draw: st.DrawFn) -> tuple[Attachment, ...]:
    count = draw(st.integers(0, 3))
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    result = []
    for cid in ids:
        name = draw(file_names)
        data = draw(st.binary(max_size=3000))
        if is_archive_magic(data) or name.rsplit(".", 1)[1] in ARCHIVE_EXTENSIONS:
            data = b"x" + data  # the writer refuses archives inside the wrapper
        desc = draw(vn_text(max_size=40))
        result.append(Attachment(content_id=cid, name=name, description=desc, data=data))
    return tuple(result)


documents = st.builds(
    DocumentPackage,
    header=headers,
    traces=st.lists(st.builds(TraceHeader, organ_ids, times), max_size=3).map(tuple),
    business=st.builds(
        Bussiness,
        document_id=vn_text(max_size=30),
        doc_type=st.integers(0, 3),
        reason=vn_text(),
        paper=st.none() | st.integers(0, 1),
        staff_info=staff,
    ),
    attachments=attachment_lists(),
)
statuses = st.builds(
    StatusPackage,
    header=st.builds(
        StatusHeader,
        sender=organizations,
        response_for=st.builds(ResponseFor, organ_ids, vn_text(1, 20), dates, vn_text(max_size=30)),
        status_code=st.sampled_from(list(StatusCode)),
        timestamp=times,
        staff_info=staff,
        description=vn_text(),
    ),
    traces=st.lists(st.builds(TraceHeader, organ_ids, times), max_size=2).map(tuple),
)


def test_sample_document_round_trips() -> None:
    pkg = sample_document()
    assert parse_package(build_document_package(pkg)) == pkg


def test_sample_status_round_trips() -> None:
    pkg = sample_status()
    assert parse_package(build_status_package(pkg)) == pkg


def test_building_is_deterministic() -> None:
    # The outbox may rebuild a package for a retry under the same idempotency key.
    assert build_document_package(sample_document()) == build_document_package(sample_document())


@settings(max_examples=60, deadline=None)
@given(documents)
def test_document_build_parse_is_identity(pkg: DocumentPackage) -> None:
    assert parse_package(build_document_package(pkg)) == pkg


@settings(max_examples=40, deadline=None)
@given(statuses)
def test_status_build_parse_is_identity(pkg: StatusPackage) -> None:
    assert parse_package(build_status_package(pkg)) == pkg


@settings(max_examples=15, deadline=None)
@given(documents)
def test_identity_when_attachments_are_spooled_to_files(pkg: DocumentPackage) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        back = parse_package(build_document_package(pkg), spool_dir=Path(tmp), spool_threshold=64)
        assert isinstance(back, DocumentPackage)
        for got, sent in zip(back.attachments, pkg.attachments, strict=True):
            assert isinstance(got.data, Path) == (len(sent.read_bytes()) > 64)
            assert got.read_bytes() == sent.read_bytes()
            assert (got.content_id, got.name, got.content_type) == (
                sent.content_id,
                sent.name,
                sent.content_type,
            )


def test_big_attachment_streams_from_a_file_and_back_to_one(tmp_path: Path) -> None:
    source = tmp_path / "Báo cáo.pdf"
    source.write_bytes(b"%PDF-1.7\n" + random.Random(7).randbytes(3_000_000))
    pkg = sample_document((Attachment(content_id="big", name="Báo cáo.pdf", data=source),))
    out = tmp_path / "out.edxml"
    with out.open("wb") as handle:
        write_document_package(pkg, handle)
    spool = tmp_path / "spool"
    spool.mkdir()
    back = parse_package(out, spool_dir=spool, spool_threshold=1 << 20)
    assert isinstance(back, DocumentPackage)
    (att,) = back.attachments
    assert isinstance(att.data, Path) and att.data.parent == spool
    assert att.data.read_bytes() == source.read_bytes()
    assert att.name == "Báo cáo.pdf" and att.content_type == "application/pdf"


def test_timestamps_are_written_in_vietnam_time() -> None:
    utc = datetime(2024, 5, 10, 2, 0, 0, tzinfo=UTC)
    pkg = replace(sample_document(()), traces=(TraceHeader("x", utc),))
    text = build_document_package(pkg).decode()
    assert "<edXML:Timestamp>2024/05/10 09:00:00</edXML:Timestamp>" in text
    back = parse_package(text.encode())
    assert isinstance(back, DocumentPackage) and back.traces[0].timestamp == utc


def test_text_is_sent_and_read_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định về việc khen thưởng")
    pkg = replace(sample_document(()), header=sample_header(subject="  " + nfd + "\r\n"))
    back = parse_package(build_document_package(pkg))
    assert isinstance(back, DocumentPackage)
    assert back.header.subject == unicodedata.normalize("NFC", nfd)


def test_big_zipped_attachment_read_in_odd_pieces(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + random.Random(3).randbytes(2_500_000)
    pkg = sample_document((Attachment(content_id="b", name="Lớn.pdf", data=data),))
    raw = build_document_package(pkg)
    back = parse_package(Trickle(raw, 65_537), spool_dir=tmp_path)  # type: ignore[arg-type]
    assert isinstance(back, DocumentPackage)
    assert back.attachments[0].read_bytes() == data


def test_without_a_spool_folder_big_files_go_to_the_temp_folder() -> None:
    data = b"%PDF-1.7\n" + random.Random(4).randbytes(5000)
    pkg = sample_document((Attachment(content_id="b", name="a.pdf", data=data),))
    back = parse_package(build_document_package(pkg), spool_threshold=1000)
    assert isinstance(back, DocumentPackage)
    path = back.attachments[0].data
    assert isinstance(path, Path) and path.parent == Path(tempfile.gettempdir())
    try:
        assert path.read_bytes() == data
    finally:
        path.unlink()
