"""Logging setup: the file gets the application's lines, not one line per HTTP request."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.logs import configure_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), logging.getLogger("httpx").level)
    yield
    for handler in list(root.handlers):
        if handler not in saved[1]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(saved[0])
    logging.getLogger("httpx").setLevel(saved[2])


def _lines(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_info_keeps_per_request_lines_out(tmp_path: Path, restore_logging: None) -> None:
    path = configure_logging(tmp_path, "INFO")
    logging.getLogger("httpx").info('HTTP Request: GET http://127.0.0.1/edocs "HTTP/1.1 200 OK"')
    logging.getLogger("httpx").warning("connection pool is full")
    logging.getLogger("app.sync").info("received 3 packages")
    text = _lines(path)
    assert "HTTP Request" not in text
    assert "connection pool is full" in text
    assert "received 3 packages" in text


def test_debug_lets_every_request_through(tmp_path: Path, restore_logging: None) -> None:
    path = configure_logging(tmp_path, "DEBUG")
    logging.getLogger("httpx").info('HTTP Request: GET http://127.0.0.1/edocs "HTTP/1.1 200 OK"')
    assert "HTTP Request" in _lines(path)
