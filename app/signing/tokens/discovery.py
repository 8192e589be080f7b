"""Find the PKCS#11 drivers of Vietnamese USB tokens on this computer, and say what is wrong.

We look for the driver file names seen in the field (DOMAIN.md, "Token drivers people actually
have") in the system folders, the vendors' folders under Program Files and the usual Linux lib
folders, plus any path the user configured. Every file is judged by reading its header only
(``binfmt``): this module must never load a driver, because a wrong-architecture or broken
driver can take the process down.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.signing.tokens.binfmt import (
    BinaryArch,
    arch_compatible,
    expected_format,
    file_arch,
    host_arch,
)
from app.signing.tokens.texts import render

# file name (lower case) -> vendor guess. Versions v1..v6 of Viettel's driver all turn up.
WINDOWS_DRIVERS: dict[str, str] = {
    **{f"viettel-ca_v{n}.dll": "Viettel-CA" for n in range(6, 0, -1)},
    "viettel-ca.dll": "Viettel-CA",
    "vnptca_p11_v10.dll": "VNPT-CA",
    "vnptca_p11_v8.dll": "VNPT-CA",
    "vnpt-ca_csp11.dll": "VNPT-CA",
    "fpt-ca.dll": "FPT-CA",
    "fpt-ca_v4.dll": "FPT-CA",
    "fpt-ca_v5.dll": "FPT-CA",
    "bkavca.dll": "BkavCA",
    "st3csp11.dll": "ST3 token (several CAs)",
    "ca2_csp11.dll": "CA2 (Nacencomm)",
    "ncca_csp11_v1.dll": "NC-CA",
    "safe-ca_v2.dll": "Safe-CA",
    "efy-ca_v1.dll": "EFY-CA",
    "vina-ca_v5.dll": "Vina-CA",
    "newca_v4.dll": "NewCA",
    "misaca_csp11_v2.dll": "MISA-CA",
    "eps2003csp11.dll": "Feitian ePass2003",
    "shuttlecsp11_3003.dll": "Feitian ePass3003 (Shuttle)",
    "etpkcs11.dll": "SafeNet eToken",
    "bit4xpki.dll": "Bit4id (Ban Cơ yếu Chính phủ)",
    "wdpkcs.dll": "WatchData",
    "aetpkss1.dll": "A.E.T. SafeSign",
    "opensc-pkcs11.dll": "OpenSC",
}
LINUX_DRIVERS: dict[str, str] = {
    "libetpkcs11.so": "SafeNet eToken",
    "libcastle.so": "Castle token",
    "libwdpkcs.so": "WatchData",
    "opensc-pkcs11.so": "OpenSC",
    "fptca_v4.so": "FPT-CA",
    "p11-kit-proxy.so": "p11-kit (all registered modules)",
}
# Vendor folders under Program Files worth walking into (lower-case substrings).
VENDOR_FOLDER_HINTS: tuple[str, ...] = (
    "viettel", "vnpt", "fpt", "bkav", "newca", "safe-ca", "safeca", "efy", "vina", "misa",
    "nacencomm", "ca2", "ncca", "cyber", "smartsign", "easyca", "feitian", "epass", "shuttle",
    "safenet", "gemalto", "thales", "etoken", "bit4id", "watchdata", "opensc", "token", "pkcs",
)  # fmt: skip
_VENDOR_DEPTH = 3


@dataclass(frozen=True)
class ModuleCandidate:
    """A driver file we found or were told about, judged without loading it."""

    path: str
    vendor: str | None
    exists: bool
    source: str  # "configured" or "found"
    arch: BinaryArch | None
    problem: str | None  # a plain sentence for a person, None when the file looks loadable
    problem_code: str | None = None  # "module_missing", "module_arch_mismatch", ...

    @property
    def arch_ok(self) -> bool:
        return self.problem_code != "module_arch_mismatch"

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class ModuleProblem:
    code: str
    message: str
    params: dict[str, object]


def vendor_guess(path: str | os.PathLike[str]) -> str | None:
    """Who made this driver, from its file name alone."""
    # Split on both separators: a configured Windows path may be judged on another platform.
    name = os.fspath(path).replace("\\", "/").rsplit("/", 1)[-1].lower()
    return WINDOWS_DRIVERS.get(name) or LINUX_DRIVERS.get(name)


def module_problem(
    path: str | os.PathLike[str],
    *,
    host: BinaryArch | None = None,
    expected: str | None = None,
    lang: str = "vi",
) -> ModuleProblem | None:
    """What stops ``path`` from loading as a PKCS#11 driver here, judged from its header."""
    host = host or host_arch()
    expected = expected or expected_format()
    p = Path(path)
    shown = str(p)

    def problem(code: str, **params: object) -> ModuleProblem:
        return ModuleProblem(code, render(code, params, lang), dict(params))

    if not p.exists():
        return problem("module_missing", path=shown)
    if not p.is_file():
        return problem("module_not_a_file", path=shown)
    try:
        arch = file_arch(p)
    except OSError as exc:
        return problem("module_unreadable", path=shown, reason=exc.strerror or type(exc).__name__)
    if arch is None:
        if expected in ("pe", "elf"):
            return problem("module_wrong_format", path=shown, expected=expected.upper())
        return None  # e.g. Mach-O on macOS: not parsed, let the loader judge
    if arch.format != expected and expected in ("pe", "elf"):
        return problem("module_wrong_format", path=shown, expected=expected.upper())
    if not arch_compatible(arch, host):
        return problem(
            "module_arch_mismatch",
            name=p.name,
            path=shown,
            module_bits=arch.bits or "?",
            module_machine=arch.machine,
            host_bits=host.bits,
            host_machine=host.machine,
        )
    return None


def describe_module_problem(path: str | os.PathLike[str], *, lang: str = "vi") -> str | None:
    """One sentence saying why ``path`` cannot be used as a token driver, or None if it looks fine.

    For the "token doctor": reads the file header only, never loads the driver.
    """
    found = module_problem(path, lang=lang)
    return found.message if found else None


def default_search_dirs() -> list[Path]:
    """Where drivers get installed on this platform (vendor folders are walked separately)."""
    if sys.platform.startswith("win"):
        root = Path(os.environ.get("SystemRoot", r"C:\Windows"))
        return [root / "System32", root / "SysWOW64"]
    multiarch = sysconfig.get_config_var("MULTIARCH") or "x86_64-linux-gnu"
    bases = [Path("/usr/lib"), Path(f"/usr/lib/{multiarch}"), Path("/usr/local/lib")]
    bases.append(Path("/usr/lib64"))
    return [*bases, *(b / "pkcs11" for b in bases)]


def _program_files_dirs() -> list[Path]:
    if not sys.platform.startswith("win"):
        return []
    names = ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")
    found = {os.environ[n] for n in names if os.environ.get(n)}
    return [Path(p) for p in sorted(found)]


def _walk_vendor_dirs(roots: Iterable[Path], names: set[str]) -> Iterator[Path]:
    """Known driver names inside vendor-looking folders, at most a few levels deep."""
    for root in roots:
        try:
            entries = [e for e in os.scandir(root) if e.is_dir()]
        except OSError:
            continue
        for entry in entries:
            if any(hint in entry.name.lower() for hint in VENDOR_FOLDER_HINTS):
                yield from _walk(Path(entry.path), names, _VENDOR_DEPTH)


def _walk(folder: Path, names: set[str], depth: int) -> Iterator[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_file() and entry.name.lower() in names:
                yield Path(entry.path)
            elif depth > 1 and entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path), names, depth - 1)
        except OSError:
            continue


def _known_in(folder: Path, names: Iterable[str]) -> Iterator[Path]:
    try:
        present = {e.name.lower(): e.path for e in os.scandir(folder) if e.is_file()}
    except OSError:
        return
    for name in names:
        if name in present:
            yield Path(present[name])


def find_modules(
    extra_paths: Sequence[str | os.PathLike[str]] = (),
    *,
    search_dirs: Sequence[Path] | None = None,
    vendor_roots: Sequence[Path] | None = None,
    host: BinaryArch | None = None,
    expected: str | None = None,
) -> list[ModuleCandidate]:
    """Configured paths (always listed, with ``exists``) then known drivers found on disk.

    ``search_dirs`` / ``vendor_roots`` default to this platform's folders; tests pass their own.
    """
    names = set(WINDOWS_DRIVERS) | set(LINUX_DRIVERS)
    dirs = list(search_dirs) if search_dirs is not None else default_search_dirs()
    roots = list(vendor_roots) if vendor_roots is not None else _program_files_dirs()
    result: list[ModuleCandidate] = []
    seen: set[str] = set()

    def add(path: Path, source: str) -> None:
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            return
        seen.add(key)
        found = module_problem(path, host=host, expected=expected)
        try:
            arch = file_arch(path) if path.is_file() else None
        except OSError:
            arch = None
        result.append(
            ModuleCandidate(
                path=str(path),
                vendor=vendor_guess(path),
                exists=path.exists(),
                source=source,
                arch=arch,
                problem=found.message if found else None,
                problem_code=found.code if found else None,
            )
        )

    for extra in extra_paths:
        add(Path(extra), "configured")
    for folder in dirs:
        for path in _known_in(folder, sorted(names)):
            add(path, "found")
    for path in _walk_vendor_dirs(roots, names):
        add(path, "found")
    return result
