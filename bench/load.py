"""How busy the machine was with OTHER work while a suite ran (so a noisy run says so).

From /proc/stat (all CPUs' busy time, and steal: time the hypervisor gave to another guest)
minus this process's and its children's CPU time, over the wall time x the number of cores.
Linux only; elsewhere it reports nothing.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass


def _cpu_line() -> tuple[float, float] | None:
    """(busy seconds of all CPUs, steal seconds), or None off Linux."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    values = [int(v) for v in fields[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = values[:7]
    steal = values[7] if len(values) > 7 else 0
    return (user + nice + system + irq + softirq) / ticks, steal / ticks


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass(frozen=True)
class Load:
    other: float  # share of all cores used by other processes, 0..1
    steal: float  # share of all cores stolen by the hypervisor, 0..1

    def describe(self) -> str:
        text = f"other processes used {self.other:.0%} of the cores during this suite"
        if self.steal >= 0.005:
            text += f", hypervisor steal {self.steal:.0%}"
        return text


class LoadMonitor:
    def __enter__(self) -> LoadMonitor:
        self._start = (_cpu_line(), _own_cpu(), time.perf_counter())
        self.load: Load | None = None
        return self

    def __exit__(self, *exc: object) -> None:
        first, own0, wall0 = self._start
        last = _cpu_line()
        if first is None or last is None:
            return
        wall = (time.perf_counter() - wall0) * (os.cpu_count() or 1)
        if wall <= 0:
            return
        busy = last[0] - first[0]
        other = max(0.0, busy - (_own_cpu() - own0))
        self.load = Load(other=min(1.0, other / wall), steal=(last[1] - first[1]) / wall)


@dataclass(frozen=True)
class Snapshot:
    busy: float  # all CPUs' busy seconds (/proc/stat)
    steal: float  # seconds the hypervisor ran something else instead of this machine
    own: float  # this process's and its reaped children's CPU seconds
    wall: float

    @staticmethod
    def take() -> Snapshot | None:
        line = _cpu_line()
        if line is None:
            return None
        return Snapshot(line[0], line[1], _own_cpu(), time.perf_counter())

    def others_since(self) -> float:
        """Cores taken by other processes or other guests since this snapshot (0: unknown)."""
        now = Snapshot.take()
        if now is None or now.wall <= self.wall:
            return 0.0
        others = (now.busy - self.busy) - (now.own - self.own) + (now.steal - self.steal)
        return max(0.0, others) / (now.wall - self.wall)


# A block of measurements during which other processes used this many cores (on average) or
# more counts as disturbed; /proc/stat has 10 ms resolution, so blocks last 0.3 s or longer.
DISTURBED = 0.25


class QuietGate:
    """Wait (within a time budget) until other processes leave the machine alone."""

    def __init__(self, budget: float = 120.0, threshold: float = 0.15) -> None:
        self.budget = budget
        self.threshold = threshold
        self.waited = 0.0

    def wait(
        self, recent: float | None = None, max_wait: float = 10.0, window: float = 0.4
    ) -> None:
        """Return at once when ``recent`` (cores others used in the last block) was low."""
        if recent is not None and recent < self.threshold:
            return
        deadline = time.perf_counter() + min(max_wait, max(0.0, self.budget - self.waited))
        while True:
            start = Snapshot.take()
            if start is None:
                return
            time.sleep(window)
            self.waited += window
            if start.others_since() < self.threshold or time.perf_counter() >= deadline:
                return


GATE = QuietGate()
