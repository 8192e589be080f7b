"""The audit log refuses changes through SQL and its chain names the first tampered event."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from app.models.audit import AuditEvent, append_event, verify_chain
from app.services.workspace import Workspace, open_workspace


@pytest.fixture
def ws(data_dir: Path, db_url: str) -> Workspace:
    workspace = open_workspace(data_dir, db_url=db_url)
    with workspace.db.write() as s:
        for i in range(1, 7):
            append_event(
                s,
                "document.registered",
                actor="vanthu",
                entity_type="document",
                entity_id=i,
                data={"số đến": i, "ghi chú": "Điện Biên"},
            )
    yield workspace
    workspace.close()


def _raw(ws: Workspace, *statements: str) -> None:
    """Tamper the way someone with a database tool would: drop the guard, edit, put it back."""
    dialect = ws.db.engine.dialect.name
    with ws.db.engine.begin() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_events_no_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        for statement in statements:
            conn.exec_driver_sql(statement)
        if dialect != "sqlite":
            conn.exec_driver_sql("ALTER TABLE audit_events ENABLE TRIGGER USER")


def _verify(ws: Workspace):
    with ws.db.read() as s:
        return verify_chain(s)


def test_intact_chain_verifies(ws: Workspace) -> None:
    report = _verify(ws)
    assert report.ok and report.checked == 6


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET actor = 'x' WHERE id = 2",
        "DELETE FROM audit_events WHERE id = 2",
    ],
)
def test_sql_changes_are_refused(ws: Workspace, statement: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"):
        with ws.db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert _verify(ws).ok


def test_edit_is_found(ws: Workspace) -> None:
    _raw(ws, "UPDATE audit_events SET data = '{\"số đến\":99}' WHERE id = 4")
    report = _verify(ws)
    assert report.first_bad_id == 4 and "changed" in report.reason


def test_deletion_is_found(ws: Workspace) -> None:
    _raw(ws, "DELETE FROM audit_events WHERE id = 3")
    report = _verify(ws)
    assert report.first_bad_id == 3 and "missing" in report.reason


def test_tail_deletion_is_found(ws: Workspace) -> None:
    _raw(ws, "DELETE FROM audit_events WHERE id = 6")
    report = _verify(ws)
    assert report.first_bad_id == 6 and "end of the log" in report.reason


def test_swap_of_two_rows_is_found(ws: Workspace) -> None:
    _raw(
        ws,
        "UPDATE audit_events SET id = 100 WHERE id = 2",
        "UPDATE audit_events SET id = 2 WHERE id = 5",
        "UPDATE audit_events SET id = 5 WHERE id = 100",
    )
    report = _verify(ws)
    assert report.first_bad_id == 2


def test_appends_continue_the_chain_across_sessions(ws: Workspace) -> None:
    with ws.db.write() as s:
        ev = append_event(s, "audit.test", data={})
    assert ev.id == 7
    with ws.db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == 7
    assert _verify(ws).ok
