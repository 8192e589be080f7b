"""Timing helpers: warm-up, then N timed runs with ``time.perf_counter``, medians and spread.

``compare`` interleaves the two sides (A B A B ..., who goes first alternating) so that drift of
the machine hits ours and the anchor alike. The machine is shared (other people's test runs on
the same two cores can double a time), so the runs go in blocks: before a block the bench
waits, within a budget, for the other processes to calm down (``load.GATE``), and a block
during which they still used ``load.DISTURBED`` cores or more is marked disturbed. Medians are
taken over the undisturbed blocks when at least a third of the runs are in them (ours and the
anchor always keep the same blocks, so they stay paired); otherwise over all runs, and the
notes say so.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.load import DISTURBED, GATE, Snapshot


@dataclass(frozen=True)
class Stats:
    samples: tuple[float, ...]  # seconds
    others: tuple[float, ...] = ()  # cores used by other processes during each sample's block

    @property
    def kept(self) -> tuple[float, ...]:
        """The samples the median is taken over (undisturbed ones if there are enough)."""
        if len(self.others) != len(self.samples):
            return self.samples
        clean = tuple(s for s, o in zip(self.samples, self.others, strict=True) if o < DISTURBED)
        return clean if len(clean) >= max(3, len(self.samples) / 3) else self.samples

    @property
    def median(self) -> float:
        return statistics.median(self.kept)

    def quantile(self, q: float) -> float:
        ordered = sorted(self.kept)
        return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]

    @property
    def iqr(self) -> tuple[float, float]:
        return self.quantile(0.25), self.quantile(0.75)

    def describe(self, unit: str = "ms") -> str:
        """``n=30 (24 undisturbed), p25–p75 a–b ms`` for the notes."""
        scale = 1000.0 if unit == "ms" else 1.0
        lo, hi = self.iqr
        n = f"n={len(self.samples)}"
        if self.others:
            kept = len(self.kept)
            n += f" ({kept} undisturbed)" if kept < len(self.samples) else " (all undisturbed)"
            if self.kept is self.samples and any(o >= DISTURBED for o in self.others):
                n = f"n={len(self.samples)} (too few undisturbed: all kept)"
        digits = 1 if unit == "ms" else 2
        return f"{n}, p25–p75 {lo * scale:.{digits}f}–{hi * scale:.{digits}f} {unit}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def compare(
    ours: Callable[[], object],
    anchor: Callable[[], object],
    *,
    repeat: int,
    warmup: int = 1,
    setup: Callable[[], object] | None = None,
    block: int = 5,
) -> tuple[Stats, Stats]:
    """Interleaved measurement of two functions doing the same job; returns (ours, anchor)."""
    for _ in range(warmup):
        for fn in (ours, anchor):
            if setup is not None:
                setup()
            fn()
    a: list[float] = []
    b: list[float] = []
    others: list[float] = []
    i = 0
    load: float | None = None
    while i < repeat:
        GATE.wait(load)
        snap = Snapshot.take()
        count = min(block, repeat - i)
        for j in range(i, i + count):
            pairs = ((ours, a), (anchor, b)) if j % 2 == 0 else ((anchor, b), (ours, a))
            for fn, into in pairs:
                if setup is not None:
                    setup()
                gc.collect()
                into.append(timed(fn))
        load = snap.others_since() if snap is not None else 0.0
        others += [load] * count
        i += count
    return Stats(tuple(a), tuple(others)), Stats(tuple(b), tuple(others))
