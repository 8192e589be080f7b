"""Read the machine type of a driver file from its PE or ELF header, without loading it.

Loading a 32-bit DLL into a 64-bit Python (or the reverse) fails with an OS error that tells a
clerk nothing ("%1 is not a valid Win32 application"), and some loaders crash outright. Reading
a few header bytes first lets us say plainly what is wrong. This module only reads bytes: it
must never load, execute or modify the file.
"""

from __future__ import annotations

import platform
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

# PE: IMAGE_FILE_HEADER.Machine values (winnt.h).
_PE_MACHINES: dict[int, tuple[str, int]] = {
    0x014C: ("x86", 32),
    0x8664: ("x86_64", 64),
    0xAA64: ("arm64", 64),
    0x01C4: ("arm", 32),
    0x0200: ("ia64", 64),
}
# ELF: e_machine values (elf.h).
_ELF_MACHINES: dict[int, str] = {3: "x86", 62: "x86_64", 183: "arm64", 40: "arm", 8: "mips"}
_ELF_CLASS_BITS = {1: 32, 2: 64}

# Windows reports AMD64/ARM64/x86, Linux x86_64/aarch64/i686, macOS arm64/x86_64.
_HOST_ALIASES = {
    "amd64": "x86_64",
    "x86_64": "x86_64",
    "x64": "x86_64",
    "i386": "x86",
    "i486": "x86",
    "i586": "x86",
    "i686": "x86",
    "x86": "x86",
    "aarch64": "arm64",
    "arm64": "arm64",
    "armv7l": "arm",
    "armv8l": "arm",
}

_HEADER_BYTES = 4096


@dataclass(frozen=True)
class BinaryArch:
    """What a binary (or the running Python) is built for."""

    format: str  # "pe", "elf", "python"
    machine: str  # "x86", "x86_64", "arm64", ... or "unknown-<n>"
    bits: int


def host_arch() -> BinaryArch:
    """The running interpreter: pointer size decides the bits (a 32-bit Python on a 64-bit OS)."""
    bits = struct.calcsize("P") * 8
    machine = _HOST_ALIASES.get(platform.machine().lower(), platform.machine().lower())
    if bits == 32 and machine == "x86_64":
        machine = "x86"
    elif bits == 32 and machine == "arm64":
        machine = "arm"
    return BinaryArch(format="python", machine=machine, bits=bits)


def read_arch(header: bytes) -> BinaryArch | None:
    """Parse a PE or ELF header; ``None`` when the bytes are neither (or truncated)."""
    if header[:2] == b"MZ":
        return _read_pe(header)
    if header[:4] == b"\x7fELF":
        return _read_elf(header)
    return None


def _read_pe(header: bytes) -> BinaryArch | None:
    if len(header) < 0x40:
        return None
    (pe_offset,) = struct.unpack_from("<I", header, 0x3C)
    if pe_offset + 6 > len(header) or header[pe_offset : pe_offset + 4] != b"PE\0\0":
        return None
    (machine,) = struct.unpack_from("<H", header, pe_offset + 4)
    name, bits = _PE_MACHINES.get(machine, (f"unknown-{machine:#06x}", 0))
    return BinaryArch(format="pe", machine=name, bits=bits)


def _read_elf(header: bytes) -> BinaryArch | None:
    if len(header) < 20:
        return None
    bits = _ELF_CLASS_BITS.get(header[4], 0)
    endian = "<" if header[5] == 1 else ">"
    (machine,) = struct.unpack_from(endian + "H", header, 18)
    name = _ELF_MACHINES.get(machine, f"unknown-{machine}")
    return BinaryArch(format="elf", machine=name, bits=bits)


def file_arch(path: Path) -> BinaryArch | None:
    """The architecture of the file at ``path`` (reads at most 4 KiB); raises OSError."""
    with open(path, "rb") as handle:
        return read_arch(handle.read(_HEADER_BYTES))


def expected_format() -> str:
    """The binary format this platform loads: "pe" on Windows, "elf" on Linux and the BSDs."""
    if sys.platform.startswith("win") or sys.platform == "cygwin":
        return "pe"
    if sys.platform == "darwin":
        return "macho"
    return "elf"


def arch_compatible(module: BinaryArch, host: BinaryArch) -> bool:
    """Whether ``host`` can load ``module``; unknown machines are given the benefit of the doubt."""
    if module.bits and module.bits != host.bits:
        return False
    if module.machine.startswith("unknown"):
        return True
    return module.machine == host.machine
