"""Refresh resources/translations/vbdt_en.ts from the sources in app/ui (pyside6-lupdate keeps the
translations already made) and compile every .ts there to .qm (pyside6-lrelease).

Run: ``.venv/bin/python -m app.ui.i18n.build``
(``--no-update`` compiles only). Vietnamese is the source language; qtbase_vi.ts is hand-written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def update() -> None:
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    ts = FOLDER / "vbdt_en.ts"
    cmd = [tool("pyside6-lupdate"), *sources, "-ts", str(ts)]
    subprocess.run([*cmd, "-source-language", "vi", "-target-language", "en"], check=True)


def release() -> None:
    for ts in sorted(FOLDER.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if "--no-update" not in argv:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
