"""Big files in bounded memory: files read in chunks give the verdicts that whole-file bytes give,
the raw scans find exactly what their regular expressions find, big stream payloads stay in the
file, and a file over the size limit is refused without being read."""

from __future__ import annotations

import io
import random
import re
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.embed import EmbeddedFileObject, FileSpec, embed_file
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from app.demo.documents import FIELD_AGENCY_SIG
from app.domain.types import Verdict
from app.signing.verify import ParseLimits, RevocationPolicy, lazystreams, rawscan, verify_pdf
from app.signing.verify import blob as blob_module
from app.signing.verify.blob import Blob
from app.signing.verify.model import DocumentVerdict
from app.signing.verify.speedups import reading
from tests.verify import factory
from tests.verify.attacks import ATTACKS
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)
# Attacks whose rule reads the raw bytes (and two parser failures), plus legitimate files.
RAW_ATTACKS = (
    "isa_objects_after_eof",
    "isa_objects_and_old_startxref",
    "hidden_object_in_update",
    "swa_gap_injection",
    "usf_partial_range",
    "signature_removed",
    "unusual_subfilter",
    "truncated",
    "garbage_with_header",
)


@pytest.fixture
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file goes through the file path, in 4 KiB chunks, with lazy streams from 1 KiB."""
    monkeypatch.setattr(blob_module, "IN_MEMORY_MAX", 0)
    monkeypatch.setattr(blob_module, "CHUNK", 4096)
    monkeypatch.setattr(lazystreams, "LAZY_MIN", 1024)


def _summary(verdict: DocumentVerdict) -> Any:
    return (
        verdict.overall,
        verdict.rule_ids,
        [r.code for r in verdict.reasons],
        [
            (s.field_name, s.verdict, s.rule_ids, [r.text for r in s.reasons])
            for s in verdict.signatures
        ],
        verdict.file_sha256,
        verdict.file_size,
        verdict.sig_field_count,
    )


@pytest.mark.parametrize("name", [*RAW_ATTACKS, "legit:issued", "legit:b_lt"])
def test_a_file_read_in_chunks_gets_the_verdict_of_its_bytes(
    kit: Kit, tmp_path: Path, name: str, tiny_chunks: None
) -> None:
    if name == "legit:issued":
        data = kit.issued
    elif name == "legit:b_lt":
        data = kit.cached("b_lt", lambda: factory.sign(
            kit.filled, kit.signer("agency"), FIELD_AGENCY_SIG, tsa=kit.tsa, pades=True,
            ltv=kit.ltv_context(),
        ))  # fmt: skip
    else:
        data = kit.cached(f"attack:{name}", lambda: ATTACKS[name].build(kit))
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    NOW = datetime.now(UTC)  # noqa: N806 - one moment for the three verifications
    from_file = verify_pdf(path, trust=kit.trust, revocation=OFFLINE, now=NOW)
    with path.open("rb") as handle:
        from_stream = verify_pdf(handle, trust=kit.trust, revocation=OFFLINE, now=NOW)
    from_bytes = verify_pdf(data, trust=kit.trust, revocation=OFFLINE, now=NOW)
    assert _summary(from_file) == _summary(from_bytes) == _summary(from_stream)
    if name in ATTACKS:
        assert (from_file.overall, from_file.decided_by) == (
            ATTACKS[name].verdict,
            ATTACKS[name].rule,
        )


# --- the raw scans against the regular expressions they implement ------------------------------
_WS = "\x00\t\n\x0c\r "
_BYTERANGE = re.compile(rb"/ByteRange\s*\[([^\]]{0,256})\]")
_SIG_TYPE = re.compile(rb"/Type\s*/(?:Sig|DocTimeStamp)(?![A-Za-z0-9])")
_OBJ_HEADER = re.compile(
    rb"(?<![0-9])(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj(?![A-Za-z])"
)
_STREAM_START = re.compile(rb">>[\x00\t\n\x0c\r ]*stream(?:\r\n|\n|\r)")


def _reference_ranges(data: bytes) -> tuple[tuple[tuple[int, ...], ...], int, int]:
    ranges: list[tuple[int, ...]] = []
    malformed = 0
    for match in _BYTERANGE.finditer(data):
        try:
            values = tuple(int(p) for p in match.group(1).split())
        except ValueError:
            malformed += 1
            continue
        if values not in ranges:
            ranges.append(values)
    return tuple(ranges), malformed, len(_SIG_TYPE.findall(data))


def _reference_headers(data: bytes, start: int, end: int) -> list[tuple[int, str]]:
    spans, pos = [], start
    while (match := _STREAM_START.search(data, pos, end)) is not None:
        stop = data.find(b"endstream", match.end(), end)
        stop = end if stop < 0 else stop
        spans.append((match.end(), stop))
        pos = stop + 1
    return [
        (m.start(), f"{int(m.group(1))} {int(m.group(2))} obj @{m.start()}")
        for m in _OBJ_HEADER.finditer(data, start, end)
        if not any(a <= m.start() < b for a, b in spans)
    ]


def _soup(rng: random.Random) -> bytes:
    """PDF-like bytes full of near misses: long whitespace runs, nested and broken arrays,
    names that continue, numbers that run on, streams with and without an end."""
    parts = [b"%PDF-1.7\n"]
    pieces = [
        lambda: b"/ByteRange" + rng.choice([b"", b" ", b"\n" * rng.randint(1, 9000)]) + b"[",
        lambda: b" ".join(str(rng.randint(0, 99999)).encode() for _ in range(rng.randint(0, 5))),
        lambda: rng.choice([b"]", b"x]", b" /ByteRange [1 2 3 4] ", b"[0 10 20 30]"]),
        lambda: (
            b"/Type"
            + rng.choice([b"", b" ", b"\x0b", b" " * 5000])
            + rng.choice([b"/Sig", b"/SigX", b"/DocTimeStamp", b"/Sig2", b"/Page", b"/Sig "])
        ),
        lambda: (
            str(rng.randint(0, 10**12)).encode()
            + rng.choice(_WS).encode() * rng.randint(0, 6000)
            + str(rng.randint(0, 999999)).encode()
            + rng.choice(_WS).encode() * rng.randint(0, 3)
            + rng.choice([b"obj", b"objx", b"obj\n", b"endobj"])
        ),
        lambda: (
            rng.choice([b"<<", b">>", b">> ", b">>\n"])
            + rng.choice(_WS).encode() * rng.randint(0, 5000)
            + rng.choice([b"stream\r\n", b"stream\n", b"stream\r", b"stream", b"streamx\n"])
        ),
        lambda: rng.choice([b"endstream", b"endstrea", b"%%EOF\n", b"(text)", b"<0a1b>"]),
        lambda: bytes(rng.randrange(256) for _ in range(rng.randint(0, 40))),
    ]
    for _ in range(600):
        parts.append(rng.choice(pieces)())
        parts.append(rng.choice([b"", b" ", b"\n", b"\r\n"]))
    return b"".join(parts)


class _NoXref:
    """What ``hidden_objects`` asks of the reader, for one revision listing nothing."""

    def __init__(self) -> None:
        self.xrefs = self

    total_revisions = 2

    def get_xref_data(self, revision: int) -> Any:
        return type("X", (), {"standard_xrefs": {}})()

    def get_startxref_for_revision(self, revision: int) -> int:
        return -1


@pytest.mark.parametrize("chunk", [7, 64, 4096, 1 << 20])
@pytest.mark.parametrize("seed", range(6))
def test_raw_scans_find_what_their_patterns_find(
    monkeypatch: pytest.MonkeyPatch, chunk: int, seed: int
) -> None:
    monkeypatch.setattr(blob_module, "CHUNK", chunk)
    monkeypatch.setattr(rawscan, "_STEP", max(3, chunk // 2))
    data = _soup(random.Random(seed))
    file_blob = Blob(io.BufferedReader(io.BytesIO(data)), len(data), owned=True)  # type: ignore[arg-type]
    assert file_blob.data is None
    for blob in (file_blob, Blob.of_bytes(data)):
        raw = rawscan.scan_raw(blob)
        assert (raw.byte_ranges, raw.malformed_byte_ranges, raw.sig_type_count) == (
            _reference_ranges(data)
        )
        start, end = 9, len(data) - 3  # the scan starts after a revision's end
        ends = [rawscan.RevisionEnd(start, start), rawscan.RevisionEnd(end, end)]
        hidden = rawscan.hidden_objects(blob, _NoXref(), ends, 0).get(1, [])
        assert hidden == [text for _pos, text in _reference_headers(data, start, end)]
        assert rawscan.trailing_bytes(blob, ends) == len(data[end:].rstrip(_WS.encode()))


# --- memory ------------------------------------------------------------------------------------
def _with_attachment(pdf: bytes, size: int) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    payload = bytes(random.Random(1).randrange(256) for _ in range(4096)) * (size // 4096)
    embedded = EmbeddedFileObject.from_file_data(writer, payload, compress=False)
    embed_file(writer, FileSpec(file_spec_string="phu-luc.bin", embedded_data=embedded))
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def test_a_big_attachment_is_verified_without_holding_it(
    kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = 6 << 20
    big = _with_attachment(kit.draft, size)  # a scanned annex attached before signing
    pdf = factory.sign(big, kit.signer("agency"), FIELD_AGENCY_SIG, tsa=kit.tsa, png=kit.seal)
    path = tmp_path / "big.pdf"
    path.write_bytes(pdf)
    del big, pdf
    monkeypatch.setattr(blob_module, "IN_MEMORY_MAX", 1 << 20)
    verify_pdf(kit.issued, trust=kit.trust, revocation=OFFLINE)  # imports and caches first
    tracemalloc.start()
    try:
        verdict = verify_pdf(path, trust=kit.trust, revocation=OFFLINE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert verdict.overall is Verdict.VALID, verdict.to_json()
    assert verdict.file_size == path.stat().st_size > size
    assert peak < size // 2, f"{peak:,} bytes allocated for a {size:,}-byte attachment"


def test_a_file_over_the_limit_is_refused_before_it_is_read(kit: Kit, tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # sparse: no disk space, but reading it would take memory
        handle.write(kit.issued)
        handle.truncate(3 << 30)
    tracemalloc.start()
    try:
        verdict = verify_pdf(path, trust=kit.trust, limits=ParseLimits(max_file_mb=2048))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (verdict.overall, verdict.reasons[0].code) == (Verdict.CANNOT_VERIFY, "file_too_large")
    assert peak < 1 << 20


def test_the_default_limit_admits_a_500_mb_document() -> None:
    assert ParseLimits().max_file_mb >= 600


# --- lazy streams and the name memo -------------------------------------------------------------
def test_a_lazy_stream_reads_the_same_bytes_when_asked(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lazystreams, "LAZY_MIN", 1024)
    pdf = _with_attachment(kit.draft, 64 << 10)
    eager_reader = PdfFileReader(io.BytesIO(pdf))

    def attachment(reader: PdfFileReader) -> Any:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        return names[1]["/EF"]["/F"]

    eager = attachment(eager_reader)
    with reading():
        reader = PdfFileReader(io.BytesIO(pdf))
        lazy = attachment(reader)
        old = reader.get_historical_resolver(1)(
            generic.Reference(lazy.container_ref.idnum, lazy.container_ref.generation)
        )
        assert type(lazy) is lazystreams.LazyStreamObject
        assert type(old) is lazystreams.LazyStreamObject  # an earlier revision's copy too
        assert "_lazy_encoded" not in lazy.__dict__ or lazy.__dict__["_lazy_encoded"] is None
        assert lazy.encoded_data == old.encoded_data == eager.encoded_data
        assert lazy.data == eager.data and dict(lazy) == dict(eager)
    assert type(eager) is generic.StreamObject
    outside = attachment(PdfFileReader(io.BytesIO(pdf)))
    assert type(outside) is generic.StreamObject  # pyhanko's own behaviour outside the block


def test_the_name_memo_gives_asn1cryptos_answers(kit: Kit) -> None:
    from asn1crypto import x509

    names = ["Ủy ban nhân dân tỉnh Điện Biên", "  Lò  Văn\u00adHết ", "ﬁ\u200bx", "Quàng Thị"]
    plain = [x509.NameTypeAndValue._ldap_string_prep(None, n) for n in names]  # type: ignore[arg-type]
    with reading():
        twice = [
            [x509.NameTypeAndValue._ldap_string_prep(None, n) for n in names]  # type: ignore[arg-type]
            for _ in range(2)
        ]
        for _ in range(2):
            with pytest.raises(ValueError):
                x509.NameTypeAndValue._ldap_string_prep(None, "bad \ue000")  # type: ignore[arg-type]
    assert twice == [plain, plain]
