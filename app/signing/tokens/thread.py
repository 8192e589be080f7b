"""The one thread that owns the tokens: every PKCS#11 call runs here, one job at a time.

Vendor drivers are not assumed to be thread-safe, and PKCS#11 sessions and object handles belong
to the thread that made them: code in this package submits work to a ``TokenThread`` and the
low-level functions call ``assert_current()`` before touching the library. This module knows
nothing about PKCS#11 itself and must not import python-pkcs11.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

THREAD_NAME_PREFIX = "vbdt-token"


class NotOnTokenThread(RuntimeError):
    """A token call was made from some other thread: a programming error, never a user error."""


class TokenThread:
    """A single-worker executor; the app makes one and shares it between token managers."""

    def __init__(self, name_prefix: str = THREAD_NAME_PREFIX) -> None:
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=name_prefix, initializer=self._mark_owner
        )
        self._closed = False

    def _mark_owner(self) -> None:
        self._local.owner = True

    def is_current(self) -> bool:
        """True when called from this token thread."""
        return bool(getattr(self._local, "owner", False))

    def assert_current(self, what: str = "a PKCS#11 call") -> None:
        """Raise ``NotOnTokenThread`` unless called from this token thread."""
        if not self.is_current():
            name = threading.current_thread().name
            raise NotOnTokenThread(f"{what} must run on the token thread, not on {name!r}")

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Queue ``fn`` on the token thread; the future carries its result or exception."""
        return self._executor.submit(fn, *args, **kwargs)

    def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` on the token thread and wait for it.

        Called from the token thread itself it runs inline: waiting on our own single worker
        would deadlock.
        """
        if self.is_current():
            return fn(*args, **kwargs)
        return self.submit(fn, *args, **kwargs).result()

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work; with ``wait`` finish the queued jobs first."""
        self._closed = True
        self._executor.shutdown(wait=wait)

    def __enter__(self) -> TokenThread:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
