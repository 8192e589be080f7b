"""The sandbox's demo agencies are the desktop demo's (copied once, proved equal here)."""

from __future__ import annotations

from app.services.demo import AGENCIES
from sandbox.seed import DEMO_AGENCIES, resolve_seed


def test_demo_agencies_match_the_desktop_demo_workspace() -> None:
    desktop = [(a.code, a.name, a.parent) for a in AGENCIES]
    sandbox = [(a.code, a.name, a.parent) for a in DEMO_AGENCIES]
    assert sandbox == desktop


def test_resolve_seed() -> None:
    assert resolve_seed(None) == ()
    assert resolve_seed("demo") == DEMO_AGENCIES
    assert resolve_seed(DEMO_AGENCIES[:2]) == DEMO_AGENCIES[:2]
    try:
        resolve_seed("nonsense")
    except ValueError as exc:
        assert "demo" in str(exc)
    else:
        raise AssertionError("unknown seed accepted")
