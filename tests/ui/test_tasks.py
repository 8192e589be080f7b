"""TaskRunner: work runs off the GUI thread, outcomes come back on it; token work is serial."""

from __future__ import annotations

import threading

import pytest

from app.ui.tasks import KINDS, SyncTaskRunner, TaskRunner


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_result_is_delivered_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    got: list[int] = []

    def done(value: int) -> None:
        seen["cb"] = threading.get_ident()
        got.append(value)

    runner.run(work, on_success=done)
    qtbot.waitUntil(lambda: got == [42])
    assert seen["worker"] != gui
    assert seen["cb"] == gui


def test_error_is_delivered_to_on_error(qtbot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    runner.run(lambda: 1 / 0, on_success=lambda _: None, on_error=errors.append, kind="net")
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ZeroDivisionError)


def test_token_work_runs_on_one_thread(qtbot, runner: TaskRunner) -> None:
    assert KINDS["token"] == 1
    threads: list[int] = []
    for _ in range(5):
        runner.run(lambda: threading.get_ident(), on_success=threads.append, kind="token")
    qtbot.waitUntil(lambda: len(threads) == 5)
    assert len(set(threads)) == 1


def test_unknown_kind_is_refused(runner: TaskRunner) -> None:
    with pytest.raises(ValueError):
        runner.run(lambda: None, on_success=print, kind="gpu")
    with pytest.raises(ValueError):
        SyncTaskRunner().run(lambda: None, on_success=print, kind="gpu")


def test_after_shutdown_nothing_runs(runner: TaskRunner) -> None:
    runner.shutdown()
    assert runner.run(lambda: 1, on_success=print) is None


def test_sync_runner_runs_inline_and_raises_unhandled_errors() -> None:
    got: list[int] = []
    SyncTaskRunner().run(lambda: 7, on_success=got.append)
    assert got == [7]
    errors: list[BaseException] = []
    SyncTaskRunner().run(lambda: 1 / 0, on_success=print, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
    with pytest.raises(ZeroDivisionError):
        SyncTaskRunner().run(lambda: 1 / 0, on_success=print)
