"""Where things live: bundled resources (frozen or not) and the per-user data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import APP_DIR_NAME


def resources_dir() -> Path:
    """The ``resources/`` folder: in a source checkout, an installed wheel or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def resource(*parts: str) -> Path:
    """A file under ``resources/``; raises FileNotFoundError with the path when it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing bundled resource: {path}")
    return path


def default_data_dir() -> Path:
    """The per-user data folder; ``VBDT_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("VBDT_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
