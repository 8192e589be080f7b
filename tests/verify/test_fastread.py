"""fastread: names, arrays and strings read in blocks give exactly what pyhanko gives."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pyhanko.pdf_utils import generic

from app.signing.verify import fastread


class _Pdf:
    """A stand-in handler for indirect references (only its identity matters here)."""


PDF = _Pdf()
REF = generic.Reference(7, 0, PDF)


def _read(data: bytes, fast: bool) -> tuple[str, Any, int]:
    """What read_object makes of ``data``: ("ok", objects, position) or ("error", type+text)."""
    stream = io.BytesIO(data)
    try:
        if fast:
            with fastread.fast_objects():
                obj = generic.read_object(stream, REF)
        else:
            obj = generic.read_object(stream, REF)
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return "error", f"{type(exc).__name__}: {exc}", stream.tell()
    return "ok", _shape(obj), stream.tell()


def _shape(obj: Any) -> Any:
    """Type, value and container_ref of every node (== on pyhanko objects ignores the type)."""
    ref = getattr(obj, "container_ref", None)
    where = (ref.idnum, ref.generation) if ref is not None else None
    if isinstance(obj, generic.ArrayObject):
        return ("array", where, [_shape(v) for v in obj])
    if isinstance(obj, generic.DictionaryObject):
        return ("dict", where, {k: (type(k).__name__, _shape(v)) for k, v in obj.items()})
    if isinstance(obj, generic.IndirectObject):
        return ("ref", where, obj.idnum, obj.generation)
    if isinstance(obj, generic.NullObject):  # its str() is an address
        return ("null", where)
    return (type(obj).__name__, where, str(obj))


CASES = [
    b"[1 2 3]",
    b"[ 0 0 595.28 841.89 ] ",
    b"[/a/b /c#20d /E]",
    b"[/Name%comment\n/Other]",
    b"[ 1 0 R 2 0 R ]",
    b"[1 0 R]",
    b"[12345678901234567890 0 R]",  # past pyhanko's 20-byte peek: two numbers and an R
    b"[3 [500 600 700] 10 [250]]",
    b"[-1 +2 .5 -.25 3. 007]",
    b"[1-2]",
    b"[1,2]",
    b"[..]",
    b"[-]",
    b"[1.2.3]",
    b"[/a (text) <414243> true false null << /K 1 >>]",
    b"[/caf\xc3\xa9 /x]",
    b"[/a#zz]",
    b"[1 2",
    b"[1 2 ",
    b"[/abc",
    b"[12",
    b"[",
    b"[]",
    b"[ ]",
    b"[\x00\t\f1\r\n2]",
    b"[1 2 3]trailing",
    b"[/A]/B",
    b"[1 R]",
    b"[1 0 Rx]",
    b"[#]",
    b"[/]",
    b"[/ /]",
    b"[{]",
    b"<< /Type /Font /Widths [278 500 556] /W [3 [250 333] 10 20 500] >>",
    b"<< /Differences [1 /space /exclam 40 /parenleft] /Base#20Font /X >>",
    b"<< /A /B#41 /C [/D] >>",
    b"/Plain ",
    b"/Plain",
    b"/Esc#41pe ",
    b"/Hi\x80gh ",
    b"/",
    b"x",
    b"(plain text)",
    b"(nested (parens) here)",
    b"(esc\\) aped)",
    b"(octal \\101\\12 x)",
    b"(\xfe\xff\x00A)",
    b"(unterminated",
    b"(",
    b"()",
    b"[(a) (b) /c 1]",
    b"<< /T (chu_ky) /M (D:20260310120000+07'00') /V (x\\(y) >>",
]


@pytest.mark.parametrize("data", CASES)
def test_same_as_pyhanko(data: bytes) -> None:
    assert _read(data, fast=True) == _read(data, fast=False)


@pytest.mark.parametrize("size", [fastread._BLOCK - 40, fastread._BLOCK, 3 * fastread._BLOCK])
def test_long_arrays_across_blocks(size: int) -> None:
    """Tokens cut by the end of a block, references near it, nested arrays past it."""
    items = []
    n = 0
    while sum(len(i) + 1 for i in items) < size:
        n += 1
        items.append([b"%d" % n, b"/N%d" % n, b"-%d.%d" % (n, n % 7), b"%d 0 R" % n][n % 4])
        if n % 97 == 0:
            items.append(b"[%d %d]" % (n, n))
    body = b"[" + b" ".join(items) + b"]"
    for data in (body, body[:-1], b"<< /W " + body + b" >>"):
        assert _read(data, fast=True) == _read(data, fast=False)


def test_every_cut_of_a_font_dictionary() -> None:
    """Truncated anywhere, the same object or the same error as pyhanko."""
    data = b"<< /Type /Font /FirstChar 32 /Widths [278 278 355 556 -1.5 +2 .5] /E /A#42 >>"
    for end in range(len(data) + 1):
        assert _read(data[:end], fast=True) == _read(data[:end], fast=False), data[:end]


def test_outside_the_block_pyhanko_reads() -> None:
    fastread.install()
    stream = io.BytesIO(b"[1 2]")
    assert generic.read_object(stream, REF) == [1, 2]
    assert not fastread._active.get()


def test_long_string_past_the_block() -> None:
    data = b"(" + b"a" * (fastread._BLOCK + 10) + b")"
    assert _read(data, fast=True) == _read(data, fast=False)


def test_plain_objects_never_reach_pyhanko_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is taken (the comparisons above are not between two pyhanko runs)."""
    fastread.install()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pyhanko's reader was used")

    for key in ("name", "array", "literal"):
        monkeypatch.setitem(fastread._originals, key, refuse)
    data = b"<< /Widths [278 500 -1.5] /Differences [1 /space /a] /T (chu_ky) /N /Plain >>"
    kind, shape, _ = _read(data, fast=True)
    assert kind == "ok"
    assert shape[2]["/Widths"][1][2][2] == ("FloatObject", (7, 0), "-1.5")
    assert shape[2]["/T"][1][2] == "chu_ky"


def test_name_equality_remembered_gives_asn1crypto_answer() -> None:
    """RFC 5280 comparison (case, spaces, string types) with and without the memo."""
    from asn1crypto import x509

    from app.signing.verify import speedups

    def name(cn: str, kind: str) -> x509.Name:
        value = x509.DirectoryString(name=kind, value=cn)
        rdn = x509.RelativeDistinguishedName([{"type": "common_name", "value": value}])
        return x509.Name.load(x509.Name(name="", value=x509.RDNSequence([rdn])).dump())

    pairs = [
        (name("Ủy ban  Nhân dân", "utf8_string"), name("ủy ban nhân dân", "utf8_string")),
        (name("ABC", "printable_string"), name("abc", "utf8_string")),
        (name("ABC", "printable_string"), name("ABD", "printable_string")),
    ]
    speedups.install_name_memo()
    expected = [speedups._original_eq(a, b) for a, b in pairs]  # type: ignore[misc]
    assert expected == [True, True, False]
    with speedups.reading():
        assert [a == b for a, b in pairs] == expected
        assert [a == b for a, b in pairs] == expected  # remembered now
        assert [a != b for a, b in pairs] == [not e for e in expected]
