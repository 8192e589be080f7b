"""A closed TokenHub opens no driver again: a hot-plug poll queued before close() and run while
the token thread drains would otherwise hold the driver for the rest of the process (a later
SoftHSM provisioning was refused: "close the TokenManager of SoftHSM before provisioning")."""

from __future__ import annotations

import threading

import pytest

from app.errors import TokenError
from app.services.tokens import TokenHub
from app.signing.tokens.manager import live_manager


def test_a_job_run_after_close_cannot_open_a_manager() -> None:
    hub = TokenHub()
    opened: list[object] = []

    def late_poll() -> None:  # queued before close(), runs while the thread drains
        try:
            opened.append(hub.manager("/nonexistent/libdemo-pkcs11.so"))
        except TokenError as exc:
            opened.append(exc)

    gate = threading.Event()
    hub.thread.submit(gate.wait, 10)  # the thread is busy until close() has begun
    hub.thread.submit(late_poll)
    threading.Timer(0.2, gate.set).start()
    hub.close()  # marks the hub closed, then drains the queue: late_poll runs now
    with pytest.raises(TokenError):
        hub.manager("/nonexistent/libdemo-pkcs11.so")
    assert live_manager("/nonexistent/libdemo-pkcs11.so") is None
    assert len(opened) == 1 and isinstance(opened[0], TokenError)
