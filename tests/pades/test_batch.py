"""Batches (cancel, resume after a token error) and the cost of a visible signature."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from app.errors import TokenRemoved
from app.signing.pades import Level, Outcome, Placement, Role, SignRequest, sign_batch
from app.signing.pades.engine import sign_document
from tests.pades.conftest import Env, pyhanko_states


def _requests(env: Env, tmp_path: Path, n: int) -> list[SignRequest]:
    return [
        SignRequest(
            source=env.draft,
            output=tmp_path / f"out-{i}.pdf",
            role=Role.LEADER,
            level=Level.B_B,
            image=env.signature_png,
        )
        for i in range(n)
    ]


class FlakyToken:
    """Wraps a signer; raises TokenRemoved on the n-th signature (the token was pulled out)."""

    def __init__(self, inner: Any, fail_on: int) -> None:
        self.inner, self.fail_on, self.calls = inner, fail_on, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def async_sign(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls == self.fail_on:
            raise TokenRemoved("token removed")
        return await self.inner.async_sign(*args, **kwargs)


def test_batch_stops_on_token_error_and_resumes(env: Env, tmp_path: Path) -> None:
    requests = _requests(env, tmp_path, 4)
    seen: list[tuple[int, int, Outcome]] = []
    flaky = FlakyToken(env.leader(), fail_on=3)
    first = sign_batch(
        requests, flaky, progress=lambda i, n, item: seen.append((i, n, item.outcome))
    )
    assert [i.outcome for i in first.items] == [
        Outcome.SIGNED,
        Outcome.SIGNED,
        Outcome.FAILED,
        Outcome.NOT_RUN,
    ]
    assert first.stopped_by == "token_removed"
    assert seen[:2] == [(1, 4, Outcome.SIGNED), (2, 4, Outcome.SIGNED)]
    done = {r.output: r.output.read_bytes() for r in requests[:2]}

    second = sign_batch(requests, env.leader())
    assert [i.outcome for i in second.items] == [
        Outcome.SKIPPED,
        Outcome.SKIPPED,
        Outcome.SIGNED,
        Outcome.SIGNED,
    ]
    for path, data in done.items():
        assert path.read_bytes() == data  # not signed twice
    for request in requests:
        assert pyhanko_states(request.output, env.root)["chu_ky_lanh_dao"].trusted


def test_batch_cancel_between_files(env: Env, tmp_path: Path) -> None:
    requests = _requests(env, tmp_path, 3)
    cancel = threading.Event()
    result = sign_batch(requests, env.leader(), progress=lambda *_: cancel.set(), cancel=cancel)
    assert result.cancelled
    assert [i.outcome for i in result.items] == [Outcome.SIGNED, Outcome.NOT_RUN, Outcome.NOT_RUN]
    assert not requests[1].output.exists()


def test_visible_signature_costs_at_most_three_invisible_ones(env: Env, tmp_path: Path) -> None:
    signer = env.leader()

    def timed(placement: Placement, n: int = 5) -> float:
        best = float("inf")
        for i in range(n):
            request = SignRequest(
                source=env.draft,
                output=tmp_path / f"t-{i}.pdf",
                role=Role.LEADER,
                level=Level.B_B,
                image=env.signature_png,
                placement=placement,
            )
            start = time.perf_counter()
            sign_document(request, signer)
            best = min(best, time.perf_counter() - start)
        return best

    timed(Placement(), 1)  # warm-up: font and image caches
    invisible = timed(Placement(invisible=True))
    visible = timed(Placement())
    print(f"invisible {invisible * 1000:.0f} ms, visible {visible * 1000:.0f} ms")
    assert visible <= 3 * invisible
