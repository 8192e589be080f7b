"""Fault injection: what the sandbox does wrong on purpose, on which requests, how often.

A fault is written as ``key=value`` pairs separated by commas, the same on the command line
(``--fault``) and through ``POST /admin/faults``:

- the action, exactly one: ``status=503`` (answer that status without processing),
  ``fail_nth=3`` (short for ``status=500,nth=3``), ``delay=2.0`` (seconds, then carry on),
  ``drop=before|after`` (close without answering, before or after processing),
  ``truncate=0.5`` (process, then send that fraction of the body and close);
- when: ``nth=N`` (only the N-th matching request), ``every=K`` (every K-th, default 1),
  ``times=T`` (at most T times);
- where: ``path=/api/v1/edocs`` (prefix, default ``/api/``), ``method=POST``;
- ``retry_after=S`` adds a ``Retry-After`` header to a ``status`` answer.

Admin paths are never faulted, so a test can always switch faults off. This module only decides;
the handler acts.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

Kind = Literal["status", "delay", "drop", "truncate"]
_ACTIONS = ("status", "fail_nth", "delay", "drop", "truncate")


@dataclass(frozen=True)
class Fault:
    kind: Kind
    status: int = 500
    delay: float = 0.0
    drop: Literal["before", "after"] = "before"
    fraction: float = 0.5
    nth: int | None = None
    every: int = 1
    times: int | None = None
    path: str = "/api/"
    method: str | None = None
    retry_after: float | None = None
    spec: str = ""

    def matches(self, method: str, path: str) -> bool:
        same_method = self.method is None or self.method == method.upper()
        return same_method and path.startswith(self.path)


def parse_fault(spec: str) -> Fault:
    """A ``Fault`` from its text form; ``ValueError`` names the part that is wrong."""
    pairs: dict[str, str] = {}
    for part in spec.split(","):
        name, sep, value = part.strip().partition("=")
        if not sep or not name.strip():
            raise ValueError(f"fault {spec!r}: {part!r} is not key=value")
        pairs[name.strip().lower()] = value.strip()
    actions = [a for a in _ACTIONS if a in pairs]
    if len(actions) != 1:
        raise ValueError(f"fault {spec!r}: give exactly one of {', '.join(_ACTIONS)}")
    try:
        return _build(pairs, actions[0], spec)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"fault {spec!r}: {exc}") from None


def _build(pairs: dict[str, str], action: str, spec: str) -> Fault:
    fault = Fault(kind="status", spec=spec)
    if action == "status":
        fault = replace(fault, status=int(pairs.pop("status")))
    elif action == "fail_nth":
        fault = replace(fault, nth=int(pairs.pop("fail_nth")))
    elif action == "delay":
        fault = replace(fault, kind="delay", delay=float(pairs.pop("delay")))
    elif action == "drop":
        when = pairs.pop("drop")
        if when not in ("before", "after"):
            raise ValueError("drop is 'before' or 'after'")
        fault = replace(fault, kind="drop", drop=when)  # type: ignore[arg-type]
    else:
        fraction = float(pairs.pop("truncate"))
        if not 0 <= fraction < 1:
            raise ValueError("truncate is a fraction in [0, 1)")
        fault = replace(fault, kind="truncate", fraction=fraction)
    if "status" in pairs:  # fail_nth=3,status=503
        fault = replace(fault, status=int(pairs.pop("status")))
    counts = {
        name: _positive(name, pairs.pop(name))
        for name in ("nth", "every", "times")
        if name in pairs
    }
    if counts:
        fault = replace(fault, nth=counts.get("nth", fault.nth), times=counts.get("times"))
        fault = replace(fault, every=counts.get("every", 1))
    if "path" in pairs:
        fault = replace(fault, path=pairs.pop("path") or "/")
    if "method" in pairs:
        fault = replace(fault, method=pairs.pop("method").upper() or None)
    if "retry_after" in pairs:
        fault = replace(fault, retry_after=float(pairs.pop("retry_after")))
    if pairs:
        raise ValueError(f"unknown keys {', '.join(sorted(pairs))}")
    if fault.kind == "status" and not 400 <= fault.status <= 599:
        raise ValueError("status must be 4xx or 5xx")
    return fault


def _positive(name: str, text: str) -> int:
    number = int(text)
    if number < 1:
        raise ValueError(f"{name} must be at least 1")
    return number


@dataclass
class _Armed:
    id: int
    fault: Fault
    matched: int = 0
    fired: int = 0

    def consider(self) -> bool:
        self.matched += 1
        f = self.fault
        if f.times is not None and self.fired >= f.times:
            return False
        hit = self.matched == f.nth if f.nth is not None else self.matched % f.every == 0
        if hit:
            self.fired += 1
        return hit


@dataclass(frozen=True)
class Decision:
    """What to do with one request: sleep ``delay`` seconds, then ``action`` (or nothing)."""

    delay: float = 0.0
    action: Fault | None = None
    fired: tuple[str, ...] = field(default_factory=tuple)


class FaultBoard:
    """The active faults of one server; thread-safe, shared by every request thread."""

    def __init__(self, faults: list[Fault] | None = None) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []
        self._next_id = 1
        for fault in faults or []:
            self.add(fault)

    def add(self, fault: Fault) -> int:
        with self._lock:
            armed = _Armed(self._next_id, fault)
            self._next_id += 1
            self._armed.append(armed)
            return armed.id

    def remove(self, fault_id: int) -> bool:
        with self._lock:
            before = len(self._armed)
            self._armed = [a for a in self._armed if a.id != fault_id]
            return len(self._armed) != before

    def clear(self) -> None:
        with self._lock:
            self._armed.clear()

    def describe(self) -> list[dict[str, Any]]:
        with self._lock:
            return [
                {"id": a.id, "matched": a.matched, "fired": a.fired, **asdict(a.fault)}
                for a in self._armed
            ]

    def decide(self, method: str, path: str) -> Decision:
        if path == "/admin" or path.startswith("/admin/"):
            return Decision()
        delay, action, fired = 0.0, None, []
        with self._lock:
            for armed in self._armed:
                if not armed.fault.matches(method, path) or not armed.consider():
                    continue
                fired.append(armed.fault.spec or armed.fault.kind)
                if armed.fault.kind == "delay":
                    delay += armed.fault.delay
                elif action is None:
                    action = armed.fault
        return Decision(delay, action, tuple(fired))
