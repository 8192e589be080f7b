"""The report windows run over the report tests' sample office (``tests/reports/sample.py``:
45 outgoing and 40 incoming documents of 2025), shared read-only by every test here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from app.services.workspace import Workspace
from app.ui.tasks import SyncTaskRunner
from tests.reports.conftest import _sample


@pytest.fixture(scope="session")
def sample_ws(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Workspace, dict[str, int]]]:
    """The sample office on SQLite (the queries' PostgreSQL runs are in tests/reports)."""
    yield from _sample(tmp_path_factory.mktemp("report-windows-ws"), None)


class Host(QMainWindow):
    """Stands in for the main window: what the menu needs of it is ``runner``."""

    def __init__(self) -> None:
        super().__init__()
        self.runner = SyncTaskRunner()


@pytest.fixture
def host(qtbot) -> Host:  # type: ignore[no-untyped-def]
    window = Host()
    qtbot.addWidget(window)
    return window


class SaveDialogFake:
    """Boundary fake for ``QFileDialog.getSaveFileName``: answers ``answer`` and remembers what
    the window proposed (title, suggested path, filter)."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, str]] = []

    def __call__(
        self, _parent: object, title: str, suggested: str, filters: str
    ) -> tuple[str, str]:
        self.asked.append((title, suggested, filters))
        return (str(self.answer) if self.answer else "", filters)
