"""Logging: a rotating file in the data directory; library chatter stays in the file.

pyhanko logs whole tracebacks at WARNING for things a clerk should never see (a failed diff
analysis, a revoked certificate): those loggers write to the file only, never to the console.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "vbdt.log"
_QUIET_LIBRARIES = ("pyhanko", "pyhanko_certvalidator", "fontTools", "alembic", "httpx", "PIL")
# Log one INFO line per HTTP request: thousands per sync, the rotating file's history gone in a
# day and ~0.8 ms per request. The transport logs its own requests at DEBUG.
_PER_REQUEST_LIBRARIES = ("httpx", "httpcore")
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def configure_logging(log_dir: Path, level: str = "INFO", *, console: bool = False) -> Path:
    """Send application logs to ``log_dir/vbdt.log`` (5 × 2 MB); returns the file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_vbdt", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._vbdt = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in _PER_REQUEST_LIBRARIES:
        # NOTSET at DEBUG: the library follows the root again when someone wants every request.
        logging.getLogger(name).setLevel(
            logging.NOTSET if root.level <= logging.DEBUG else logging.WARNING
        )
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream.addFilter(_not_library)
        stream._vbdt = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path


def _not_library(record: logging.LogRecord) -> bool:
    return not record.name.startswith(_QUIET_LIBRARIES)
