"""A recording wrapper around the REAL python-pkcs11 library, passed in as TokenManager's loader.

Every method call on a python-pkcs11 object (lib, slots, tokens, sessions, keys, certificates)
is recorded with the calling thread's name, and every ``Token.open(user_pin=...)`` counts as one
C_Login. Objects are wrapped as they come out, so nothing escapes unrecorded. The PIN itself is
never recorded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from enum import Enum
from types import GeneratorType
from typing import Any

import pkcs11

_PLAIN = (str, bytes, bytearray, int, float, bool, type(None), Enum, set, frozenset, tuple, dict)


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []  # (Class.method, thread name)
        self.logins = 0

    def loader(self, path: str) -> Any:
        self.record("pkcs11.lib")
        return _wrap(pkcs11.lib(path), self)

    def record(self, what: str) -> None:
        self.calls.append((what, threading.current_thread().name))

    def threads(self) -> set[str]:
        return {name for _, name in self.calls}


def _wrap(value: Any, rec: Recorder) -> Any:
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list):
        return [_wrap(v, rec) for v in value]
    if isinstance(value, (GeneratorType, Iterator)):
        return _wrap_iter(value, rec)
    if type(value).__module__.startswith("pkcs11"):
        return _Proxy(value, rec)
    return value


def _wrap_iter(values: Iterator[Any], rec: Recorder) -> Iterator[Any]:
    while True:
        rec.record("iterate")
        try:
            item = next(values)
        except StopIteration:
            return
        yield _wrap(item, rec)


class _Proxy:
    def __init__(self, target: Any, rec: Recorder) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_rec", rec)

    def __getattr__(self, name: str) -> Any:
        target, rec = self._target, self._rec
        value = getattr(target, name)
        if callable(value) and not isinstance(value, type):
            label = f"{type(target).__name__}.{name}"

            def call(*args: Any, **kwargs: Any) -> Any:
                rec.record(label)
                if name == "open" and kwargs.get("user_pin") is not None:
                    rec.logins += 1
                return _wrap(value(*args, **kwargs), rec)

            return call
        rec.record(f"{type(target).__name__}.{name}")
        return _wrap(value, rec)

    def __getitem__(self, key: Any) -> Any:
        self._rec.record(f"{type(self._target).__name__}[]")
        return _wrap(self._target[key], self._rec)

    def __repr__(self) -> str:
        return f"<recorded {self._target!r}>"
