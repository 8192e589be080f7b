"""The sandbox's accounts: secrets read once per seed, the replay cache purged now and then."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.models.base import utcnow
from app.models.db import Database, create_db_engine, sqlite_url
from sandbox import accounts as accounts_module
from sandbox.accounts import Accounts
from sandbox.schema import SeenSignature, ensure_schema
from sandbox.seed import DEMO_AGENCIES, SeedAgency


@pytest.fixture
def accounts(tmp_path: Path) -> Accounts:
    db = Database(create_db_engine(sqlite_url(tmp_path / "sandbox.db")))
    ensure_schema(db)
    made = Accounts(db)
    made.seed(DEMO_AGENCIES[:2])
    return made


def _seen(accounts: Accounts) -> int:
    with accounts._db.read() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(SeenSignature)) or 0)


def test_a_seeded_agency_is_known_at_once(accounts: Accounts) -> None:
    first = DEMO_AGENCIES[0].code
    assert accounts.secret_for(first) == accounts.secrets()[first]
    assert accounts.secret_for("000.00.99.H18") is None
    accounts.seed([SeedAgency("000.00.99.H18", "Cơ quan thêm", None)])
    assert accounts.secret_for("000.00.99.H18") == accounts.secrets()["000.00.99.H18"]


def test_replays_refused_and_expired_rows_purged_in_time(
    accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    past, future = utcnow() - timedelta(minutes=5), utcnow() + timedelta(minutes=5)
    assert accounts.remember_signature("a" * 64, past)
    assert accounts.remember_signature("b" * 64, future)
    assert not accounts.remember_signature("b" * 64, future)  # a replay
    assert _seen(accounts) == 2  # the expired one waits for the next purge
    monkeypatch.setattr(accounts, "_next_purge", 0.0)
    assert accounts.remember_signature("c" * 64, future)
    assert _seen(accounts) == 2  # "a" purged, "b" and "c" kept
    assert accounts_module.PURGE_EVERY_S >= 1
