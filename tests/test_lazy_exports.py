"""Packages whose names load on first use (``app.lazy``): the map, the type checkers' imports
and ``__all__`` say the same thing, every name resolves, and importing the package is light."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

LAZY_PACKAGES = ("app.services.documents", "app.signing.verify")
REPO = Path(__file__).resolve().parents[1]


def _type_checking_imports(package: str) -> dict[str, str]:
    """name -> submodule, from the ``if TYPE_CHECKING:`` block of the package's __init__."""
    source = (REPO / package.replace(".", "/") / "__init__.py").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module
                assert stmt.module.startswith(package + "."), stmt.module
                for alias in stmt.names:
                    found[alias.asname or alias.name] = stmt.module[len(package) + 1 :]
    return found


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_map_imports_and_all_agree(package: str) -> None:
    module = importlib.import_module(package)
    home = module._HOME
    assert _type_checking_imports(package) == home
    assert sorted(module.__all__) == sorted(home)


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_name_resolves_to_its_home(package: str) -> None:
    module = importlib.import_module(package)
    for name, where in module._HOME.items():
        defined_in = importlib.import_module(f"{package}.{where}")
        assert getattr(module, name) is getattr(defined_in, name), name
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = module.no_such_name
    assert set(module._HOME) <= set(dir(module))


def test_trust_pack_without_pyhanko() -> None:
    """The sync engine's trust refresh reads the pack: it must not load the verification engine
    (pyhanko, ~0.7 s) in a pass that verifies nothing."""
    code = (
        "import sys; from app.signing.verify import TrustStore, DocumentVerdict; "
        "print(sorted(m for m in ('pyhanko', 'app.signing.verify.engine') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
