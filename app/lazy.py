"""Package names that load on first use (PEP 562): a package's ``__init__`` lists where each
public name lives, and importing the package costs nothing until a name is used.

Why: a few packages re-export names whose modules pull in heavy libraries (pyhanko, lxml);
code that needs one light name (the trust pack, a result type) would otherwise pay for all of
them at import. Type checkers see the plain imports under ``TYPE_CHECKING`` in the package;
tests/test_lazy_exports.py keeps those imports, the map and ``__all__`` in step.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, home: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``home`` maps a name to the submodule
    (relative to the package) that defines it; ``namespace`` is the package's ``globals()``."""

    def __getattr__(name: str) -> Any:
        where = home.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{where}"), name)
        namespace[name] = value  # the next lookup is a plain global
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *home})

    return __getattr__, __dir__
