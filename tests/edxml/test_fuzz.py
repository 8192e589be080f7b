"""Fuzzed bytes never raise anything but the codec's error, and never leave a spooled file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sync.edxml import (
    PackageInvalid,
    build_document_package,
    build_status_package,
    parse_package,
)
from tests.edxml.samples import sample_document, sample_status

VALID = build_document_package(sample_document())
STATUS = build_status_package(sample_status())
FIXTURES = [p.read_bytes() for p in sorted((Path(__file__).parent / "fixtures").glob("*.edxml"))]
NASTY = [
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!ENTITY e "x">',
    b"&e;",
    b"&#0;",
    b"<![CDATA[",
    b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>',
    b"</edXML>",
    b"<Attachment>",
    b"<ContentTransferEncoded>UEsDBA==",
    b"\x00",
    b"\xff\xfe",
    b"PK\x03\x04",
    b"<StatusCode>03</StatusCode>",
]


def parse_or_refuse(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        spool = Path(tmp)
        try:
            parse_package(raw, spool_dir=spool, spool_threshold=32)
        except PackageInvalid as exc:
            assert exc.params.get("element")
            assert list(spool.iterdir()) == []


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    parse_or_refuse(raw)


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from([VALID, STATUS, *FIXTURES])))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "nasty"]))
        at = draw(st.integers(0, len(raw)))
        if kind == "truncate":
            del raw[at:]
        elif kind == "flip" and at < len(raw):
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=20))
        elif kind == "delete":
            del raw[at : at + draw(st.integers(1, 50))]
        else:
            raw[at:at] = draw(st.sampled_from(NASTY))
    return bytes(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_packages(raw: bytes) -> None:
    parse_or_refuse(raw)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([b"application/zip", b"application/pdf"]))
def test_fuzzed_attachment_payloads(payload: bytes, ctype: bytes) -> None:
    import base64

    raw = VALID.replace(
        b"<ContentType>application/zip</ContentType>",
        b"<ContentType>" + ctype + b"</ContentType>",
        1,
    )
    start = raw.index(b"<ContentTransferEncoded>") + len(b"<ContentTransferEncoded>")
    end = raw.index(b"</ContentTransferEncoded>")
    parse_or_refuse(raw[:start] + base64.b64encode(b"PK\x03\x04" + payload) + raw[end:])
