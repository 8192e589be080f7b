"""Hostile input ends in the codec's error, naming the element or limit, and leaves no files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from app.sync.edxml import Limits, PackageInvalid, PackageLimitExceeded, parse_package
from tests.edxml.samples import (
    Trickle,
    attachment_xml,
    with_attachments,
    with_header_insert,
    zip_of,
)

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><Subject>&lol4;</Subject>
</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>"""


def refused(raw: bytes, *, limits: Limits | None = None, spool: Path | None = None) -> str:
    with pytest.raises(PackageInvalid) as info:
        parse_package(raw, limits=limits or Limits(), spool_dir=spool, spool_threshold=16)
    err = info.value
    assert err.params.get("element"), "every refusal names an element"
    assert err.message.startswith(err.params["element"])
    if spool is not None:
        assert list(spool.iterdir()) == [], "a refused package leaves no spooled file"
    return err.message


def _refuse_stream(stream: io.RawIOBase) -> PackageInvalid:
    with pytest.raises(PackageInvalid) as info:
        parse_package(stream)  # type: ignore[arg-type]
    return info.value


def test_billion_laughs() -> None:
    assert "DOCTYPE" in refused(BILLION_LAUGHS.encode())


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil">]>',
        '<!DOCTYPE edXML SYSTEM "http://127.0.0.1:9/evil.dtd">',
        '<!DOCTYPE edXML [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
        "<!doctype edXML>",
    ],
)
def test_external_entities_and_dtds(doctype: str) -> None:
    raw = with_header_insert("<edXML xmlns", doctype + "\n")
    raw = raw.replace(b"<edXML:Subject>", b"<edXML:Subject>&xxe;")
    assert "DOCTYPE" in refused(raw)


def test_doctype_hidden_behind_comments_pis_or_another_encoding() -> None:
    head = '<?xml version="1.0"?>\n<!-- a -->\n<?pi x?>\n<!-- <!DOCTYPE in a comment is fine -->\n'
    body = '<!DOCTYPE edXML [<!ENTITY e "x">]><edXML>&e;</edXML>'
    assert "DOCTYPE" in refused((head + body).encode())
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?>' + body).encode("utf-16")
    assert "DOCTYPE" in refused(utf16)
    # Split across reads: the check must not depend on where the source's chunks end.
    for step in (1, 2, 3, 5, 7):
        assert "DOCTYPE" in str(_refuse_stream(Trickle((head + body).encode(), step)))
        assert "DOCTYPE" in str(_refuse_stream(Trickle(utf16, step)))


def test_entity_reference_without_a_dtd() -> None:
    raw = with_header_insert("</edXML:Subject>", "&xxe;")
    assert "malformed XML" in refused(raw)


def test_xinclude() -> None:
    xi = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>'
    message = refused(with_header_insert("<edXML:Subject>", xi))
    assert "XInclude" in message and "MessageHeader" in message


def test_zip_bomb_high_ratio(tmp_path: Path) -> None:
    bomb = zip_of([("bom.pdf", b"\0" * (24 << 20))])
    assert len(bomb) < 100_000
    with pytest.raises(PackageLimitExceeded) as info:
        parse_package(with_attachments(attachment_xml(bomb)), spool_dir=tmp_path)
    assert info.value.params["limit"] == "max_compression_ratio"
    assert info.value.params["element"] == "AttachmentEncoded/Attachment[1]"
    assert list(tmp_path.iterdir()) == []


def test_attachment_size_and_total_limits(tmp_path: Path) -> None:
    limits = Limits(max_attachment_bytes=4000, max_total_bytes=6000)
    one = attachment_xml(zip_of([("a.pdf", PDF)]), content_id="a")
    big = attachment_xml(zip_of([("b.pdf", PDF * 3)]), content_id="b")
    with pytest.raises(PackageLimitExceeded) as info:
        parse_package(with_attachments(big), limits=limits, spool_dir=tmp_path)
    assert info.value.params["limit"] == "max_attachment_bytes"
    with pytest.raises(PackageLimitExceeded) as info:
        parse_package(with_attachments(one, one, one), limits=limits, spool_dir=tmp_path)
    assert info.value.params["limit"] == "max_total_bytes"
    assert "Attachment[3]" in info.value.params["element"]
    raw_big = attachment_xml(PDF * 3, content_type="application/pdf")
    with pytest.raises(PackageLimitExceeded):
        parse_package(with_attachments(raw_big), limits=limits, spool_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def raw_zip_with_name(name: bytes, data: bytes = PDF) -> bytes:
    """A ZIP whose entry name is exactly ``name`` (zipfile would clean a NUL on the way in)."""
    placeholder = b"N" * len(name)
    raw = zip_of([(placeholder.decode(), data)])
    assert raw.count(placeholder) == 2  # local header and central directory
    return raw.replace(placeholder, name)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (b"../../evil.pdf", "'..'"),
        (b"ok/../../evil.pdf", "'..'"),
        (b"/etc/cron.d/evil", "absolute"),
        (b"C:/Windows/evil.pdf", "drive letter"),
        (b"C:evil.pdf", "drive letter"),
        (b"..\\..\\evil.pdf", "backslash"),
        (b"evil.pdf\x00.txt", "NUL"),
        (b"evil\x07.pdf", "control"),
    ],
)
def test_zip_path_tricks(name: bytes, problem: str, tmp_path: Path) -> None:
    raw = with_attachments(attachment_xml(raw_zip_with_name(name)))
    message = refused(raw, spool=tmp_path)
    assert problem in message and "AttachmentEncoded/Attachment[1]" in message


def test_zip_must_hold_exactly_one_file_but_may_have_folders() -> None:
    two = zip_of([("a.pdf", PDF), ("b.pdf", PDF)])
    assert "exactly one file" in refused(with_attachments(attachment_xml(two)))
    empty = zip_of([("folder/", b"")])
    assert "exactly one file" in refused(with_attachments(attachment_xml(empty)))
    many = zip_of([(f"d{i}/", b"") for i in range(20)] + [("a.pdf", PDF)])
    with pytest.raises(PackageLimitExceeded) as info:
        parse_package(with_attachments(attachment_xml(many)))
    assert info.value.params["limit"] == "max_zip_entries"


@pytest.mark.parametrize(
    ("inner_name", "inner"),
    [
        ("inner.zip", zip_of([("x.pdf", PDF)])),
        ("looks-like.pdf", zip_of([("x.pdf", PDF)])),
        ("data.gz", b"\x1f\x8b\x08\x00" + PDF),
        ("data.rar", b"Rar!\x1a\x07\x00" + PDF),
    ],
)
def test_nested_archives(inner_name: str, inner: bytes) -> None:
    raw = with_attachments(attachment_xml(zip_of([(inner_name, inner)]), name=inner_name))
    assert "another archive" in refused(raw)


def test_encrypted_and_corrupt_zips() -> None:
    ok = zip_of([("a.pdf", PDF)], method=zipfile.ZIP_STORED)
    encrypted = bytearray(ok)
    encrypted[6] |= 1  # general purpose flag, local header
    cd = ok.rindex(b"PK\x01\x02")
    encrypted[cd + 8] |= 1  # and central directory
    assert "encrypted" in refused(with_attachments(attachment_xml(bytes(encrypted))))
    corrupt = ok.replace(PDF[20:40], b"\xff" * 20)
    assert "readable ZIP" in refused(with_attachments(attachment_xml(corrupt)))
    truncated = ok[: len(ok) // 2]
    assert "ZIP" in refused(with_attachments(attachment_xml(truncated)))


def test_too_many_attachments() -> None:
    atts = [attachment_xml(zip_of([("a.pdf", PDF)]), content_id=f"c{i}") for i in range(4)]
    with pytest.raises(PackageLimitExceeded) as info:
        parse_package(with_attachments(*atts), limits=Limits(max_attachments=3))
    assert info.value.params == {
        "element": "AttachmentEncoded/Attachment[4]",
        "limit": "max_attachments",
        "value": 4,
        "allowed": 3,
    }


def test_depth_elements_text_prolog_and_package_size() -> None:
    deep = "<x>" * 40 + "</x>" * 40
    with pytest.raises(PackageLimitExceeded, match="max_element_depth"):
        parse_package(with_header_insert("<edXML:Subject>", deep))
    wide = "<x/>" * 30_000
    with pytest.raises(PackageLimitExceeded, match="max_elements"):
        parse_package(with_header_insert("<edXML:Subject>", wide))
    with pytest.raises(PackageLimitExceeded, match="Subject.*max_text_length"):
        parse_package(with_header_insert("</edXML:Subject>", "á" * 100_001))
    comment = "<!--" + " " * 70_000 + "-->"
    with pytest.raises(PackageLimitExceeded, match="max_prolog_bytes"):
        parse_package(with_header_insert("<edXML xmlns", comment))
    with pytest.raises(PackageLimitExceeded, match="max_prolog_bytes"):
        parse_package(Trickle(b"<!--" + b" " * 70_000, 1000))  # type: ignore[arg-type]
    with pytest.raises(PackageLimitExceeded, match="max_package_bytes"):
        parse_package(
            with_header_insert("<edXML:Subject>", ""), limits=Limits(max_package_bytes=999)
        )
    with pytest.raises(PackageLimitExceeded, match="max_package_bytes"):
        stream = io.BytesIO(with_header_insert("<edXML:Subject>", ""))
        parse_package(stream, limits=Limits(max_package_bytes=999))


@pytest.mark.parametrize(
    ("raw", "element"),
    [
        (b"", "edXML"),
        (b"   ", "edXML"),
        (b"<html><body/></html>", "html"),
        (b"<edXML><edXMLEnvelope/></edXML>", "edXMLHeader"),
        (
            b"<edXML><edXMLEnvelope><edXMLHeader/></edXMLEnvelope></edXML>",
            "edXMLHeader/MessageHeader",
        ),
        (
            b"<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><From><OrganId>a</OrganId></From>"
            b"<Subject>s</Subject></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>",
            "edXMLHeader/MessageHeader/To",
        ),
        (
            b"<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><From><OrganId>a</OrganId></From>"
            b"<To><OrganId>b</OrganId></To></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>",
            "edXMLHeader/MessageHeader/Subject",
        ),
        (
            b"<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><From/><StatusCode>3</StatusCode>"
            b"<ResponseFor/></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>",
            "edXMLHeader/MessageHeader/From/OrganId",
        ),
        (
            b"<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><StatusCode>ba</StatusCode>"
            b"</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>",
            "edXMLHeader/MessageHeader/StatusCode",
        ),
    ],
)
def test_broken_structure_names_the_element(raw: bytes, element: str) -> None:
    with pytest.raises(PackageInvalid) as info:
        parse_package(raw)
    assert info.value.params["element"] == element


def test_bad_values_name_their_element() -> None:
    bad_date = with_header_insert("</edXML:DueDate>", "x")
    with pytest.raises(PackageInvalid) as info:
        parse_package(bad_date)
    assert info.value.params["element"] == "edXMLHeader/MessageHeader/DueDate"
    second_to = with_header_insert("<edXML:OrganId>000.00.13.H40", "", before=True)
    second_to = second_to.replace(b"<edXML:OrganId>000.00.13.H40</edXML:OrganId>", b"")
    with pytest.raises(PackageInvalid) as info:
        parse_package(second_to)
    assert info.value.params["element"] == "edXMLHeader/MessageHeader/To[2]/OrganId"
    bad_b64 = attachment_xml(PDF).replace("<ContentTransferEncoded>", "<ContentTransferEncoded>*")
    with pytest.raises(PackageInvalid) as info:
        parse_package(with_attachments(bad_b64))
    assert info.value.params["element"] == "AttachmentEncoded/Attachment[1]/ContentTransferEncoded"
    no_data = "<Attachment><ContentId>a</ContentId></Attachment>"
    with pytest.raises(PackageInvalid, match="ContentTransferEncoded: is missing"):
        parse_package(with_attachments(no_data))


def test_package_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.edxml"
    path.write_bytes(b" " * 5000)
    with pytest.raises(PackageLimitExceeded) as info:
        parse_package(path, limits=Limits(max_package_bytes=4096))
    assert info.value.params["value"] == 5000


def test_zip_directory_that_is_too_big_for_its_entry_count() -> None:
    long_names = zip_of([("a" * 5000 + "/", b""), ("b" * 5000 + ".pdf", PDF)])
    assert "implausibly large" in refused(with_attachments(attachment_xml(long_names)))
