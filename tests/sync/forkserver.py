"""A fork server for the crash matrix: each ``sync --once`` is a real child process, without
paying the interpreter's import time again for every one.

``python -m tests.sync.forkserver`` imports the heavy libraries once (SQLAlchemy, Alembic, httpx,
lxml, the models and services) but NOT ``app.sync.engine``, then reads one JSON job per line on
stdin (``{"argv": [...], "env": {...}}``). For each it forks: the child sets the environment
(``VBDT_CRASHPOINT``), imports the command line and with it the engine (so the crash point is
read at import, as in a fresh ``python -m app``), runs the command and exits with its code, or
77 from ``os._exit`` at the crash point. The server answers ``{"rc": N}``. It never starts a
thread or opens a database itself, so forking is safe. POSIX only; elsewhere the matrix starts
plain subprocesses.
"""

from __future__ import annotations

import json
import os
import sys


def _preload() -> None:
    import alembic.command  # noqa: F401
    import httpx  # noqa: F401
    import lxml.etree  # type: ignore[import-untyped]  # noqa: F401

    import app.services.documents  # noqa: F401
    import app.services.workspace  # noqa: F401
    import app.sync.edxml  # noqa: F401
    import app.sync.transport  # noqa: F401
    from app.services.documents.common import working_calendar

    working_calendar()  # the holiday tables, computed once for every child
    assert "app.sync.engine.crashpoints" not in sys.modules, "the engine must load after fork"


def _child(job: dict[str, object]) -> None:
    code = 1
    try:
        os.environ.update({str(k): str(v) for k, v in dict(job["env"]).items()})  # type: ignore[call-overload]
        log = os.open(str(job["log"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        from tests.sync.runner import main

        code = main([str(a) for a in job["argv"]])  # type: ignore[attr-defined]
    except BaseException:  # noqa: BLE001 - the child must always exit, never return to the loop
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    _preload()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(job)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"rc": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
