"""The GUI's "Đồng bộ ngay" keeps one engine per workspace while the window lives."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import settings as S
from app.cli_sync import build_engine
from app.services.workspace import Workspace
from app.sync.engine import SyncRuntime, write_secret_file
from app.ui.dialogs.sync_status import EngineKeeper
from sandbox.testing import SandboxHandle, run_server
from tests.sync.conftest import HOME_AFFAIRS, PROVINCE
from tests.sync.helpers import bare_office, queue
from tests.sync.scenario import status_package


class _Recorder:
    """Builds real engines and remembers them, to see which one ran and whether it was closed."""

    def __init__(self) -> None:
        self.built: list[SyncRuntime] = []
        self.closed: list[SyncRuntime] = []

    def __call__(self, ws: Workspace) -> SyncRuntime:
        runtime = build_engine(ws, timeout=5, workers=1)
        original = runtime.close

        def close() -> None:
            self.closed.append(runtime)
            original()

        runtime.close = close  # type: ignore[method-assign]
        self.built.append(runtime)
        return runtime


def test_one_engine_serves_every_click_until_the_settings_change(
    tmp_path: Path, platform: SandboxHandle
) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE, platform)
    recorder = _Recorder()
    keeper = EngineKeeper(ws, recorder)
    try:
        queue(ws, "status", None, status_package(PROVINCE, HOME_AFFAIRS, 9, "T9", "03"),
              HOME_AFFAIRS)  # fmt: skip
        assert keeper.run_once().sent == 1
        assert keeper.run_once().sent == 0
        assert len(recorder.built) == 1 and not recorder.closed  # the same engine, still open
        with run_server(tmp_path / "other", seed="demo") as other:
            ws.settings.set(S.PLATFORM_URL, other.base_url)  # the administrator moved it
            (tmp_path / "office" / "platform-secret").unlink()
            write_secret_file(tmp_path / "office", other.secrets[PROVINCE])
            report = keeper.run_once()
            assert report.online and not report.problem, report.summary()
            assert len(recorder.built) == 2 and recorder.closed == recorder.built[:1]
            keeper.close()
            assert recorder.closed == recorder.built
            with pytest.raises(RuntimeError, match="closed"):
                keeper.run_once()
            keeper.close()  # twice is fine
            assert len(recorder.closed) == 2
    finally:
        keeper.close()
        ws.close()


def test_an_engine_that_cannot_be_built_is_not_kept(tmp_path: Path) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE)  # no secret: the engine cannot be built
    keeper = EngineKeeper(ws)
    try:
        with pytest.raises(Exception, match="(?i)secret|bí mật|khóa"):
            keeper.run_once()
        assert keeper.builds == 0
    finally:
        keeper.close()
        ws.close()
