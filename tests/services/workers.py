"""The worker of the concurrency test: one process registering a list of documents.

A module of its own so that a ``spawn`` start (where ``fork`` is missing) can import it.
"""

from __future__ import annotations

from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from app.services.documents import register
from app.services.workspace import open_workspace


def register_all(
    url: str, data_dir: str, ids: list[int], start: Barrier, results: Queue[object]
) -> None:
    """Open the workspace, wait for every worker (so all contend at once), then register
    ``ids`` one transaction each; puts ``[(id, number), ...]`` (or the error) on ``results``."""
    ws = open_workspace(Path(data_dir), db_url=url, migrate=False)
    try:
        start.wait(timeout=60)
        out = [(doc_id, register(ws, "vt", doc_id).document.register_number) for doc_id in ids]
        results.put(out)
    except Exception as exc:  # reported to the test, which fails with it
        results.put(f"{type(exc).__name__}: {exc}")
    finally:
        ws.close()
