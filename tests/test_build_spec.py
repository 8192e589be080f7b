"""build.spec stays in step with the code, without building (scripts/smoke_bundle runs the bundle).

The spec is read as source: PyInstaller is a build-only dependency and not installed for tests.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"


def _spec_list(name: str) -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return value
    raise AssertionError(f"{name} not found in build.spec")


def _qt_modules_imported_by_the_app() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                match = re.fullmatch(r"PySide6\.(Qt\w+)(\..*)?", name)
                if match:
                    found.add(match.group(1))
    return found


def test_every_qt_module_the_app_imports_is_bundled_and_none_is_excluded() -> None:
    used = _qt_modules_imported_by_the_app()
    assert used, "no PySide6 import found: the scan is broken"
    assert used <= set(_spec_list("QT_USED")), "add the new Qt module to QT_USED in build.spec"
    assert not used & set(_spec_list("QT_EXCLUDED")), "an excluded Qt module is imported"


def test_freeze_support_runs_before_the_app_is_imported() -> None:
    """A frozen app whose spawn children run main() again starts children forever."""
    tree = ast.parse((ROOT / "app" / "__main__.py").read_text(encoding="utf-8"))
    guard = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test)
    )
    statements = [ast.unparse(stmt) for stmt in guard.body]
    assert statements[0] == "multiprocessing.freeze_support()"
    assert any(s.startswith("from app.cli import") for s in statements[1:])
    module_level = [ast.unparse(n) for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not any("app" in s.split() for s in module_level), module_level


def test_the_windows_icon_has_every_size_explorer_asks_for() -> None:
    icon = ROOT / "resources" / "icons" / "vbdt.ico"
    with Image.open(icon) as image:
        sizes = set(image.info["sizes"])
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= sizes
    assert '"icons" / "vbdt.ico"' in SPEC.read_text(encoding="utf-8")


def test_the_migrations_and_resources_are_data_of_the_bundle() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert '"models" / "migrations"' in spec and '(ROOT / "resources").rglob' in spec
    assert (ROOT / "app" / "models" / "migrations" / "env.py").is_file()
    assert any((ROOT / "app" / "models" / "migrations" / "versions").glob("0001_*.py"))
