"""Driver discovery and 32/64-bit detection from crafted PE and ELF headers (no real DLL)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.signing.tokens import TokenArchMismatch, TokenManager, TokenThread, find_modules
from app.signing.tokens.binfmt import BinaryArch, arch_compatible, read_arch
from app.signing.tokens.discovery import module_problem, vendor_guess

HOST64 = BinaryArch("python", "x86_64", 64)
HOST32 = BinaryArch("python", "x86", 32)


def pe_header(machine: int) -> bytes:
    """DOS stub with e_lfanew = 0x80, then "PE\\0\\0" and IMAGE_FILE_HEADER.Machine."""
    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x80)
    return bytes(dos) + b"PE\0\0" + struct.pack("<H", machine) + bytes(18)


def elf_header(elf_class: int, machine: int, little: bool = True) -> bytes:
    ident = b"\x7fELF" + bytes([elf_class, 1 if little else 2, 1]) + bytes(9)
    order = "<" if little else ">"
    return ident + struct.pack(order + "HHI", 3, machine, 1) + bytes(40)


PE32 = pe_header(0x014C)
PE64 = pe_header(0x8664)
ELF32 = elf_header(1, 3)
ELF64 = elf_header(2, 62)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (PE32, BinaryArch("pe", "x86", 32)),
        (PE64, BinaryArch("pe", "x86_64", 64)),
        (pe_header(0xAA64), BinaryArch("pe", "arm64", 64)),
        (ELF32, BinaryArch("elf", "x86", 32)),
        (ELF64, BinaryArch("elf", "x86_64", 64)),
        (elf_header(2, 183, little=False), BinaryArch("elf", "arm64", 64)),
        (b"not a binary at all", None),
        (b"MZ", None),  # truncated
    ],
)
def test_read_arch(header: bytes, expected: BinaryArch | None) -> None:
    assert read_arch(header) == expected


def test_compatibility() -> None:
    assert arch_compatible(BinaryArch("pe", "x86_64", 64), HOST64)
    assert not arch_compatible(BinaryArch("pe", "x86", 32), HOST64)
    assert not arch_compatible(BinaryArch("pe", "x86_64", 64), HOST32)
    assert not arch_compatible(BinaryArch("elf", "arm64", 64), HOST64)


def test_32_bit_dll_under_64_bit_python_gets_a_plain_message(tmp_path: Path) -> None:
    dll = tmp_path / "viettel-ca_v6.dll"
    dll.write_bytes(PE32)
    problem = module_problem(dll, host=HOST64, expected="pe")
    assert problem is not None and problem.code == "module_arch_mismatch"
    assert "32-bit" in problem.message and "64-bit" in problem.message
    english = module_problem(dll, host=HOST64, expected="pe", lang="en")
    assert english is not None and "Install the 64-bit driver" in english.message
    dll.write_bytes(PE64)
    assert module_problem(dll, host=HOST64, expected="pe") is None
    assert module_problem(dll, host=HOST32, expected="pe") is not None  # the reverse too


def test_elf_class_and_wrong_format(tmp_path: Path) -> None:
    so = tmp_path / "libcastle.so"
    so.write_bytes(ELF32)
    found = module_problem(so, host=HOST64, expected="elf")
    assert found is not None and found.code == "module_arch_mismatch"
    so.write_bytes(PE64)  # a Windows DLL renamed .so
    found = module_problem(so, host=HOST64, expected="elf")
    assert found is not None and found.code == "module_wrong_format"
    missing = module_problem(tmp_path / "nope.so", host=HOST64, expected="elf")
    assert missing is not None and missing.code == "module_missing"


def test_find_modules_in_system_and_vendor_folders(tmp_path: Path) -> None:
    system = tmp_path / "System32"
    system.mkdir()
    (system / "vnptca_p11_v10.dll").write_bytes(PE64)
    (system / "unrelated.dll").write_bytes(PE64)
    wow = tmp_path / "SysWOW64"
    wow.mkdir()
    (wow / "viettel-ca_v6.dll").write_bytes(PE32)
    vendor = tmp_path / "Program Files" / "Viettel-CA" / "Token Manager" / "x64"
    vendor.mkdir(parents=True)
    (vendor / "viettel-ca_v5.dll").write_bytes(PE64)
    ignored = tmp_path / "Program Files" / "Games" / "bin"
    ignored.mkdir(parents=True)
    (ignored / "eTPKCS11.dll").write_bytes(PE64)
    configured = tmp_path / "somewhere" / "BkavCA.dll"
    found = find_modules(
        [configured],
        search_dirs=[system, wow],
        vendor_roots=[tmp_path / "Program Files"],
        host=HOST64,
        expected="pe",
    )
    by_name = {Path(c.path).name: c for c in found}
    assert list(by_name) == [
        "BkavCA.dll",
        "vnptca_p11_v10.dll",
        "viettel-ca_v6.dll",
        "viettel-ca_v5.dll",
    ]
    assert not by_name["BkavCA.dll"].exists and by_name["BkavCA.dll"].source == "configured"
    assert by_name["BkavCA.dll"].problem_code == "module_missing"
    vnpt = by_name["vnptca_p11_v10.dll"]
    assert vnpt.usable and vnpt.vendor == "VNPT-CA"
    wrong = by_name["viettel-ca_v6.dll"]
    assert wrong.exists and not wrong.arch_ok and wrong.vendor == "Viettel-CA"
    assert by_name["viettel-ca_v5.dll"].usable


def test_vendor_guess_ignores_case() -> None:
    assert vendor_guess(r"C:\Windows\System32\ShuttleCsp11_3003.dll") == (
        "Feitian ePass3003 (Shuttle)"
    )
    assert vendor_guess("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so") is not None
    assert vendor_guess("/tmp/random.so") is None


def test_manager_refuses_wrong_architecture_before_loading(tmp_path: Path) -> None:
    so = tmp_path / "libwdpkcs.so"
    so.write_bytes(ELF32 if struct.calcsize("P") == 8 else ELF64)
    with TokenThread() as thread, TokenManager(so, thread=thread, attempts_file=None) as manager:
        with pytest.raises(TokenArchMismatch) as caught:
            manager.list_tokens()
    assert caught.value.params["problem"] == "module_arch_mismatch"
    assert "bit" in caught.value.params["user_message"]
