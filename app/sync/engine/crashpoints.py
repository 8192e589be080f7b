"""Named crash points: the process dies on the spot when ``VBDT_CRASHPOINT`` names one.

The reliability tests run the engine in a subprocess with ``VBDT_CRASHPOINT=outbox.after_http_ok``
(for example), let it die there with ``os._exit(77)`` (no ``finally``, no flush, no commit: as a
power cut would), restart it without the variable and check that nothing was lost or doubled. The
variable is read once, at import: when it is unset ``crashpoint`` is a function that does nothing,
so production pays one call per point and nothing else. Must not: be used for anything but tests.
"""

from __future__ import annotations

import os
import sys

ENV = "VBDT_CRASHPOINT"
EXIT_CODE = 77

# Every point the engine passes, in the order a run meets them; the tests iterate over this.
POINTS: tuple[str, ...] = (
    "outbox.after_claim",
    "outbox.after_http_ok",
    "outbox.before_mark_sent",
    "inbox.after_list",
    "inbox.after_fetch",
    "inbox.recorded_before_commit",
    "inbox.after_commit_before_ack",
    "inbox.after_ack_before_cursor",
    "status.after_commit_before_ack",
)

_ARMED = frozenset(filter(None, (p.strip() for p in os.environ.get(ENV, "").split(","))))


def _die(name: str) -> None:
    if name in _ARMED:
        # stderr is unbuffered enough for one line; then no cleanup of any kind.
        sys.stderr.write(f"crashpoint {name}: exiting with {EXIT_CODE}\n")
        sys.stderr.flush()
        os._exit(EXIT_CODE)


def _noop(name: str) -> None:
    return None


crashpoint = _die if _ARMED else _noop
"""``crashpoint("outbox.after_http_ok")``: exit here if ``VBDT_CRASHPOINT`` names the point."""
