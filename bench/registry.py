"""The suite registry: ``@suite("name")`` functions that return a list of :class:`Result`.

A suite gets a :class:`Config` (``quick``, repetition counts, the cache directory) and measures
each of its metrics against an anchor in the same run, so that a ratio (ours / anchor) can be
judged against a target whatever the machine. A suite that cannot run here (a tool missing)
raises :class:`SuiteSkipped` with a sentence saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
# Generated inputs (the big PDF, the pyhanko CLI): never committed; the directory ignores itself.
CACHE_DIR = BENCH_DIR / ".cache"


@dataclass(frozen=True)
class Result:
    """One measured metric.

    ``ours`` and ``anchor`` are medians in ``unit`` (``anchor`` is None for an absolute target);
    ``ratio`` is what ``target`` is judged on (ours / anchor, or anchor / ours for "N× faster"
    targets: the notes say which); ``ok`` is None for an informational row (no target).
    """

    metric: str
    ours: float
    anchor: float | None
    ratio: float | None
    target: str
    ok: bool | None
    unit: str
    notes: str = ""
    anchor_name: str = ""

    @property
    def verdict(self) -> str:
        if self.ok is None:
            return "info"
        return "pass" if self.ok else "FAIL"


@dataclass(frozen=True)
class Config:
    quick: bool = False
    repeat: int = 30  # timed runs per single-document metric (after the warm-up)
    warmup: int = 3
    cache_dir: Path = CACHE_DIR
    verbose: bool = True
    options: dict[str, str] = field(default_factory=dict)

    def n(self, full: int, quick: int) -> int:
        """A repetition count: ``full`` normally, ``quick`` with --quick."""
        return quick if self.quick else full

    def log(self, message: str) -> None:
        if self.verbose:
            print(f"  · {message}", flush=True)


class SuiteSkipped(Exception):
    """The suite cannot run on this machine; the message says why (shown and written)."""


SuiteFn = Callable[[Config], list[Result]]


@dataclass(frozen=True)
class Suite:
    name: str
    fn: SuiteFn
    title: str
    targets: str  # one paragraph: what is measured against what


SUITES: dict[str, Suite] = {}


def suite(name: str, *, title: str = "", targets: str = "") -> Callable[[SuiteFn], SuiteFn]:
    """Register a suite under ``name`` (the order of registration is the default run order)."""

    def register(fn: SuiteFn) -> SuiteFn:
        if name in SUITES:
            raise ValueError(f"suite {name!r} registered twice")
        SUITES[name] = Suite(name, fn, title or name, targets)
        return fn

    return register


def load_all() -> dict[str, Suite]:
    """Import every suite module (each registers itself) and return the registry."""
    from bench import suites  # noqa: F401 - imported for its registrations

    return SUITES
