"""Only app.ui may import Qt: importing every core module must not load PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import app

REPO = Path(__file__).resolve().parents[1]


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(app.__path__, prefix="app."):
        skip = info.name.startswith("app.ui") or ".migrations" in info.name
        if skip or info.name == "app.__main__":  # __main__ runs the CLI on import
            continue
        names.append(info.name)
    return sorted(names)


def test_core_never_imports_qt() -> None:
    modules = core_modules()
    assert "app.cli" in modules and "app.models.db" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt imported by the core: {result.stdout.strip()}"


def test_cli_start_path_stays_light() -> None:
    """`python -m app --version` must not pay for pyhanko, Qt or reportlab."""
    code = (
        "import sys, app.cli\n"
        "heavy = [m for m in ('PySide6', 'pyhanko', 'reportlab') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
