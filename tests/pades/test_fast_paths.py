"""The engine's fast paths give pyhanko's results: hex strings read in blocks, the byte range
hashed in 1 MiB reads, the re-validation without a certificate path, the learned CMS size."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import parser as asn1_parser
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfStreamError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.general import byte_range_digest

from app.signing import hexread
from app.signing.pades import Level, Role, SignRequest, ltv, sign_document
from app.signing.pades.engine import _recheck, run
from app.signing.pades.errors import SignatureCheckFailed
from app.signing.pades.verify import seed_digest, signature_states
from tests.pades.conftest import Env, asn1_cert, pyhanko_states
from tests.support.pki_servers import PkiServer

ODD_HEX = [
    b"<>",
    b"<0>",
    b"<abc>",  # odd length: a 0 is appended
    b"<ABCDEF0123456789abcdef>",
    b"<aBcD eF\n01\r\n23\t45\x0c67\x0089>",  # whitespace of every PDF kind inside
    b"< 0 1 2 >",
    b"<DEADBEEF" + b"0" * 40000 + b">",  # trailing zeros, longer than a block
    b"<" + b"ab" * 9000 + b"\n" * 100 + b"c>",  # whitespace across a block boundary, odd
    b"<3082%comment>\n0102>",  # a comment inside: pyhanko's own reader
    b"<12>>",
]
BAD_HEX = [b"<12g4>", b"<12 zz>", b"<0102", b"<", b"<12<34>"]


@pytest.mark.parametrize("data", ODD_HEX)
def test_block_reader_matches_pyhanko(data: bytes) -> None:
    original = hexread.pyhanko_reader()
    suffix = b" /Next 1"
    ours_stream, theirs_stream = io.BytesIO(data + suffix), io.BytesIO(data + suffix)
    ours = hexread.read_hex_string_blocks(ours_stream, original)
    theirs = original(theirs_stream)
    assert type(ours) is type(theirs)
    assert ours.original_bytes == theirs.original_bytes
    assert ours_stream.tell() == theirs_stream.tell()  # left just after the ">"


@pytest.mark.parametrize("data", BAD_HEX)
def test_block_reader_fails_like_pyhanko(data: bytes) -> None:
    original = hexread.pyhanko_reader()
    with pytest.raises(PdfStreamError) as theirs:
        original(io.BytesIO(data))
    with pytest.raises(PdfStreamError) as ours:
        hexread.read_hex_string_blocks(io.BytesIO(data), original)
    assert str(ours.value) == str(theirs.value)


def test_fast_hex_is_scoped() -> None:
    calls: list[int] = []
    original = hexread.pyhanko_reader()

    def counting(stream: Any) -> Any:
        calls.append(1)
        return original(stream)

    data = b"<3082 01ff> /N 5"
    plain = generic.read_object(io.BytesIO(data), None)  # type: ignore[no-untyped-call]
    with hexread.fast_hex():
        fast = generic.read_object(io.BytesIO(data), None)  # type: ignore[no-untyped-call]
    assert fast == plain and fast.original_bytes == b"\x30\x82\x01\xff"
    # Outside the block pyhanko's reader runs, inside ours (which never calls it here).
    saved = hexread._original
    hexread._original = counting
    try:
        generic.read_object(io.BytesIO(data), None)  # type: ignore[no-untyped-call]
        assert calls == [1]
        with hexread.fast_hex():
            generic.read_object(io.BytesIO(data), None)  # type: ignore[no-untyped-call]
        assert calls == [1]
    finally:
        hexread._original = saved


def _request(env: Env, source: Path, output: Path, level: Level = Level.B_B) -> SignRequest:
    return SignRequest(
        source=source,
        output=output,
        role=Role.LEADER,
        level=level,
        image=env.signature_png,
        timestamper=env.timestamper() if level.wants_timestamp else None,
        validation_context=env.validation_context() if level.wants_validation_data else None,
    )


def test_signed_file_reads_the_same_fast_and_slow(env: Env, tmp_path: Path) -> None:
    out = sign_document(_request(env, env.draft, tmp_path / "a.pdf"), env.leader()).output
    with open(out, "rb") as handle:
        slow = PdfFileReader(handle).embedded_regular_signatures[0]
        with hexread.fast_hex():
            fast = PdfFileReader(handle).embedded_regular_signatures[0]
        assert fast.pkcs7_content == slow.pkcs7_content
        assert fast.signed_data.dump() == slow.signed_data.dump()
        seed_digest(fast)
        md = fast.external_md_algorithm
        assert fast.compute_digest() == byte_range_digest(handle, slow.byte_range, md)[1]
        assert fast.compute_digest() == slow.compute_digest()


def test_integrity_states_agree_with_pyhanko(env: Env, tmp_path: Path) -> None:
    first = sign_document(_request(env, env.draft, tmp_path / "1.pdf"), env.leader()).output
    req = _request(env, first, tmp_path / "2.pdf")
    req = SignRequest(**{**req.__dict__, "role": Role.AGENCY, "image": env.seal_png})
    second = sign_document(req, env.agency()).output
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(second.read_bytes())
    at = data.index(b"/Contents <") - 200  # inside the first byte range of the last signature
    data[at] ^= 0x01
    tampered.write_bytes(bytes(data))
    for path in (first, second, tampered):
        theirs = pyhanko_states(path, env.root)
        with open(path, "rb") as handle:
            ours = run(signature_states(PdfFileReader(handle)))
        assert set(ours) == set(theirs)
        for name, status in theirs.items():
            assert (ours[name].intact, ours[name].valid) == (status.intact, status.valid), name
            assert ours[name].trusted is False  # no path was built
            level = status.modification_level
            assert ours[name].modification == (level.name if level is not None else "")
            assert ours[name].docmdp_ok == status.docmdp_ok
    with open(tampered, "rb") as handle:
        states = run(signature_states(PdfFileReader(handle)))
    assert not all(s.intact for s in states.values())


def test_recheck_checks_the_signer_identity(env: Env, tmp_path: Path) -> None:
    out = sign_document(_request(env, env.draft, tmp_path / "a.pdf"), env.leader()).output
    leader = asn1_cert(env.pki.leader)
    with open(out, "rb") as handle:
        run(_recheck(handle, None, "chu_ky_lanh_dao", {}, leader))
        with pytest.raises(SignatureCheckFailed):
            run(_recheck(handle, None, "chu_ky_lanh_dao", {}, asn1_cert(env.pki.agency)))


def _reserved_and_used(path: Path, field: str) -> tuple[int, int]:
    with open(path, "rb") as handle:
        sig = next(
            s for s in PdfFileReader(handle).embedded_regular_signatures if s.field_name == field
        )
        _, _, _, header, body, _ = asn1_parser.parse(sig.pkcs7_content, strict=False)
        return len(sig.pkcs7_content), len(header) + len(body)


@pytest.mark.parametrize("level", [Level.B_B, Level.B_T, Level.B_LTA])
def test_learned_cms_size_is_tighter_and_still_fits(
    env: Env, server: PkiServer, tmp_path: Path, level: Level, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ltv, "_cms_sizes", {})
    signer = env.leader()
    first = sign_document(_request(env, env.draft, tmp_path / "1.pdf", level), signer)
    assert first.level is level and not first.pending
    estimated, used = _reserved_and_used(first.output, first.field_name)
    assert ltv._cms_sizes, "the CMS size was learned"
    for i in range(2, 4):  # learned from here on
        result = sign_document(_request(env, env.draft, tmp_path / f"{i}.pdf", level), signer)
        assert result.level is level and not result.pending
        reserved, used = _reserved_and_used(result.output, result.field_name)
        assert used <= reserved < estimated
        margin = ltv.CMS_MARGIN + (ltv.TOKEN_MARGIN if level.wants_timestamp else 0)
        assert reserved - used <= margin + 16  # the token may vary by a few bytes
        status = pyhanko_states(result.output, env.root)[result.field_name]
        assert status.intact and status.valid and status.trusted


def test_too_small_learned_size_is_forgotten(
    env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signer = env.leader()
    monkeypatch.setattr(ltv, "_cms_sizes", {(ltv._chain_key(signer), False): 100})
    with pytest.raises(Exception, match="larger than expected"):
        sign_document(_request(env, env.draft, tmp_path / "1.pdf"), signer)
    assert not (tmp_path / "1.pdf").exists()
    assert ltv._cms_sizes == {}
    result = sign_document(_request(env, env.draft, tmp_path / "1.pdf"), signer)
    assert pyhanko_states(result.output, env.root)[result.field_name].valid
