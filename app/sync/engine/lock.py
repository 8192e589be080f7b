"""One sync engine per workspace database at a time: the engine's leader lock.

The inbox cursor has a single reader by design, and leases left by a crashed engine can be
released at once only when nobody else can be holding them. So the engine holds a lock for as
long as it runs: on SQLite a file lock next to the data (the operating system drops it when the
process dies, however it dies); on PostgreSQL, where several desktops share one database, a
session advisory lock on a connection of its own (dropped with the connection). Must not: block
(a second engine simply does not sync while the first one runs).
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import sqlalchemy as sa

from app.models.db import Database

LOCK_FILE = "sync.lock"
# A fixed 63-bit key derived from a name, so other advisory locks on the server do not collide.
_PG_KEY = int.from_bytes(hashlib.sha256(b"vbdt.sync.engine").digest()[:8], "big") >> 1


def _try_file_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[bool]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        got = _try_file_lock(handle)
        try:
            yield got
        finally:
            if got and sys.platform != "win32":
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextlib.contextmanager
def _advisory_lock(db: Database) -> Iterator[bool]:
    with db.engine.connect() as conn:
        got = bool(
            conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_KEY}).scalar()
        )
        conn.commit()
        try:
            yield got
        finally:
            if got:
                with contextlib.suppress(sa.exc.DBAPIError):
                    conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_KEY})
                    conn.commit()


@contextlib.contextmanager
def engine_lock(db: Database, data_dir: Path) -> Iterator[bool]:
    """Yields True while this process is the workspace's sync engine, False if another one is."""
    if db.engine.dialect.name == "postgresql":
        with _advisory_lock(db) as got:
            yield got
    else:
        with _file_lock(data_dir / LOCK_FILE) as got:
            yield got
