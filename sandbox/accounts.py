"""Connected systems and their secrets, and the replay cache of signatures already accepted.

Seeding is additive and keeps secrets: re-running ``--seed demo`` on an existing folder renames
agencies but never changes a secret a desktop has already been given. The replay cache lives in
the database, so a restart does not reopen the window for replaying a captured request. Nothing
here checks a signature (``auth`` does) or speaks HTTP.
"""

from __future__ import annotations

import secrets as random_secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.models.base import utcnow
from app.models.db import Database
from sandbox.schema import Agency, SeenSignature
from sandbox.seed import SeedAgency


@dataclass(frozen=True)
class AgencyView:
    code: str
    name: str
    parent: str | None


# Expired replay-cache rows go at most this often: a DELETE per request was a fifth of the
# authentication's cost, and an expired row only takes space (the skew check refuses its
# timestamp anyway).
PURGE_EVERY_S = 60.0


class Accounts:
    def __init__(self, db: Database) -> None:
        self._db = db
        # Secrets change only through ``seed`` (this process): read once, not per request.
        self._secrets: dict[str, str] | None = None
        self._lock = threading.Lock()
        self._next_purge = 0.0

    def seed(self, agencies: Iterable[SeedAgency]) -> dict[str, str]:
        """Add or rename agencies; returns the secrets made now (existing ones are kept)."""
        created: dict[str, str] = {}
        with self._db.write() as session:
            for spec in agencies:
                row = session.get(Agency, spec.code)
                if row is None:
                    secret = random_secrets.token_hex(32)
                    session.add(
                        Agency(
                            code=spec.code, name=spec.name, parent_code=spec.parent, secret=secret
                        )
                    )
                    created[spec.code] = secret
                else:
                    row.name, row.parent_code = spec.name, spec.parent
        with self._lock:
            self._secrets = None
        return created

    def secrets(self) -> dict[str, str]:
        with self._db.read() as session:
            rows = session.execute(sa.select(Agency.code, Agency.secret)).all()
        return {code: secret for code, secret in rows}

    def secret_for(self, code: str) -> str | None:
        with self._lock:
            if self._secrets is None:
                self._secrets = self.secrets()
            return self._secrets.get(code)

    def known(self, codes: Iterable[str]) -> set[str]:
        wanted = set(codes)
        if not wanted:
            return set()
        with self._db.read() as session:
            found = session.scalars(sa.select(Agency.code).where(Agency.code.in_(wanted)))
            return set(found)

    def agencies(self) -> list[AgencyView]:
        with self._db.read() as session:
            rows = session.scalars(sa.select(Agency).order_by(Agency.code)).all()
            return [AgencyView(r.code, r.name, r.parent_code) for r in rows]

    def remember_signature(self, signature: str, expires_at: datetime) -> bool:
        """Record a signature; False if it was seen before (a replay). Purges expired entries."""
        purge = time.monotonic() >= self._next_purge
        if purge:
            self._next_purge = time.monotonic() + PURGE_EVERY_S
        try:
            with self._db.write() as session:
                if purge:
                    expired = SeenSignature.expires_at < utcnow()
                    session.execute(sa.delete(SeenSignature).where(expired))
                session.add(SeenSignature(signature=signature, expires_at=expires_at))
        except IntegrityError:
            return False
        return True
