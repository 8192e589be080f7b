"""What the numbers were measured on: CPU, cores, RAM, OS, Python and the signing stack."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from importlib import metadata
from pathlib import Path


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.lower().startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def cpu_flags() -> list[str]:
    """The hashing-relevant CPU features (SHA-NI makes SHA-256 ~4x faster)."""
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            return [f for f in ("sha_ni", "avx2", "avx512f") if f in flags]
    return []


def ram_gib() -> float:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / (1024 * 1024)
    return 0.0


def os_name() -> str:
    for line in _read("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            return f"{line.split('=', 1)[1].strip().strip(chr(34))}, kernel {platform.release()}"
    return platform.platform()


def version_of(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def softhsm_version() -> str:
    util = shutil.which("softhsm2-util")
    if util is None:
        return "not installed"
    try:
        done = subprocess.run([util, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def describe() -> dict[str, str]:
    flags = cpu_flags()
    return {
        "CPU": cpu_model() + (f" ({', '.join(flags)})" if flags else ""),
        "Cores": str(os.cpu_count() or "?"),
        "RAM": f"{ram_gib():.1f} GiB",
        "OS": os_name(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "pyhanko": version_of("pyhanko"),
        "pyhanko-certvalidator": version_of("pyhanko-certvalidator"),
        "python-pkcs11": version_of("python-pkcs11"),
        "SoftHSM2": softhsm_version(),
    }
