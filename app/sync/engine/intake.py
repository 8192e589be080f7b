"""One downloaded package into the local database: the transaction that makes it "received".

``PackageReceiver.prepare`` (the receive service, outside any transaction) parses the package,
stores its files and verifies signatures; then ONE write transaction holds the inbox row (keyed
by the platform's docId), ``PackageReceiver.commit`` (the incoming document, its audit event and
the 01 for the sender, or the status applied) and, when given, the inbox cursor: a crash leaves
all of it or none. Only after that commit may the package be acked. A package the codec refuses
is kept as evidence in the file store, answered with a 02 when its header is legible, and
marked to be acked as "fail". Must not: talk to the platform.

Each package is recorded "as of" the moment its row was first written (``note_listed``, one
transaction per page, before any download): the 01 or 02 built in the commit then has the same
bytes on every attempt, so a crash before the commit leaves no stray payload in the file store
(the next attempt stores the very same object and refers to it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.types import InboxState
from app.errors import PackageInvalid
from app.models import InboxItem
from app.sync.engine.context import EngineContext
from app.sync.engine.crashpoints import crashpoint
from app.sync.engine.ports import Arrival, PackageReceiver, ReceiveOutcome
from app.sync.engine.rejection import queue_rejection, salvage_reference
from app.sync.engine.state import cursor_key, set_value
from app.sync.transport import ReceivedItem

log = logging.getLogger(__name__)
_MAX_TEXT = 2000


@dataclass(frozen=True)
class Stored:
    """What the commit recorded: how to ack it, and what it was."""

    row_id: int
    ack: str  # done | fail
    reason: str = ""
    kind: str = "document"  # document | duplicate | status | rejected


@dataclass(frozen=True)
class Taken:
    """A downloaded package after the receive service's ``prepare``; ``refused``: why the codec
    or the service refused it (then ``prepared`` is None)."""

    item: ReceivedItem
    raw: Path
    arrival: Arrival
    prepared: object
    refused: str = ""


class GroupFailed(Exception):
    """A group commit failed and was rolled back: commit its packages one by one."""


class Blocked(Exception):
    """Not the package's fault (a bug, a full disk, no receive service): nothing was committed,
    the inbox stops at this package and says why."""


def _rows(
    session: Session, items: list[ReceivedItem], message_type: str, now: datetime
) -> dict[str, InboxItem]:
    """The inbox rows of ``items`` by docId, created (state LISTED) where missing: one SELECT
    for all of them, the new ones flushed together by the caller's commit."""
    ids = [item.doc_id for item in items]
    rows = {
        row.server_doc_id: row
        for row in session.scalars(sa.select(InboxItem).where(InboxItem.server_doc_id.in_(ids)))
    }
    for item in items:
        row = rows.get(item.doc_id)
        if row is None:
            row = rows[item.doc_id] = InboxItem(
                server_doc_id=item.doc_id,
                message_type=message_type,
                state=InboxState.LISTED,
                received_at=now,
            )
            session.add(row)
        row.from_code, row.sha256, row.size = item.sender, item.sha256, item.size
    return rows


def _row(session: Session, item: ReceivedItem, message_type: str, now: datetime) -> InboxItem:
    return _rows(session, [item], message_type, now)[item.doc_id]


class Intake:
    def __init__(self, ctx: EngineContext, receiver: PackageReceiver | None, our_code: str) -> None:
        self.ctx = ctx
        self.receiver = receiver
        self.our_code = our_code

    def note_listed(self, message_type: str, items: list[ReceivedItem]) -> None:
        """Write the rows of newly listed packages (state LISTED) in one transaction: their
        ``received_at`` is the moment they are recorded as of (see the module's docstring)."""
        if not items:
            return
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            _rows(session, items, message_type, now)

    def prepare(self, message_type: str, item: ReceivedItem, raw: Path) -> Taken:
        """The receive service's slow part (parse, store files, verify); no transaction of ours.
        Safe to run for several packages at once: nothing here decides order."""
        if self.receiver is None:
            raise Blocked("no receive service is configured")
        arrival = Arrival(
            item.doc_id, message_type, item.sender, item.sha256, item.size, item.created
        )
        try:
            return Taken(item, raw, arrival, self.receiver.prepare(raw, arrival, self.ctx.clock()))
        except PackageInvalid as exc:
            return Taken(item, raw, arrival, None, exc.message)
        except Exception as exc:
            log.exception("receiving %s failed", item.doc_id)
            raise Blocked(f"{type(exc).__name__}: {exc}") from exc

    def commit(self, message_type: str, group: list[Taken], cursor: str | None) -> list[Stored]:
        """Commit prepared packages (in listing order) in ONE transaction, with ``cursor``.

        A group is what was ready at once: one fsync for several packages after a long offline
        spell. When a group of several fails, nothing of it is committed and ``GroupFailed``
        asks the caller to go one by one, so the packages before the culprit still get in and
        the culprit alone is refused or stops the inbox."""
        if len(group) > 1:
            try:
                return self._commit_group(message_type, group, cursor)
            except Exception as exc:
                raise GroupFailed(str(exc)) from exc
        [taken] = group
        try:
            return self._commit_group(message_type, group, cursor)
        except PackageInvalid as exc:  # the receive service found it unacceptable
            return [self.reject(message_type, taken.item, taken.raw, exc.message, cursor)]
        except Exception as exc:
            log.exception("receiving %s failed", taken.item.doc_id)
            raise Blocked(f"{type(exc).__name__}: {exc}") from exc

    def _commit_group(
        self, message_type: str, group: list[Taken], cursor: str | None
    ) -> list[Stored]:
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            rows = _rows(session, [t.item for t in group], message_type, now)
            out = [
                self._rejected(session, rows[t.item.doc_id], t.item, t.raw, t.refused)
                if t.refused
                else self._received(session, rows[t.item.doc_id], t)
                for t in group
            ]
            if cursor is not None:
                set_value(session, cursor_key(message_type), cursor, now)
            session.flush()
            # Everything is written, nothing committed: a crash here must leave none of it.
            crashpoint("inbox.recorded_before_commit")
            return [replace(stored, row_id=row.id) for stored, row in out]

    def _received(self, session: Session, row: InboxItem, taken: Taken) -> tuple[Stored, InboxItem]:
        assert self.receiver is not None
        outcome: ReceiveOutcome = self.receiver.commit(
            session, taken.prepared, taken.arrival, row.received_at
        )
        row.document_id = outcome.document_id
        for note in outcome.notes:
            log.info("received %s: %s", taken.item.doc_id, note)
        if outcome.kind == "rejected":
            row.state, row.error = InboxState.FAILED, outcome.reason[:_MAX_TEXT]
            return Stored(0, "fail", outcome.reason[:_MAX_TEXT], "rejected"), row
        row.state = InboxState.STORED
        # A status that changed nothing keeps its note, for whoever looks into it.
        row.error = "; ".join(outcome.notes)[:_MAX_TEXT] if outcome.kind == "status" else ""
        return Stored(0, "done", "", outcome.kind), row

    def reject(
        self, message_type: str, item: ReceivedItem, raw: Path, why: str, cursor: str | None
    ) -> Stored:
        """Keep the refused package, queue a 02 if we can say what it was, mark it to fail-ack."""
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            row = _row(session, item, message_type, now)
            stored, row = self._rejected(session, row, item, raw, why)
            if cursor is not None:
                set_value(session, cursor_key(message_type), cursor, now)
            session.flush()
            return replace(stored, row_id=row.id)

    def _rejected(
        self, session: Session, row: InboxItem, item: ReceivedItem, raw: Path, why: str
    ) -> tuple[Stored, InboxItem]:
        reason = f"Gói tin không hợp lệ (invalid package): {why}"[:_MAX_TEXT]
        evidence = self.ctx.files.put_file(raw)
        now = row.received_at  # the 02 below: the same bytes on every attempt
        row.sha256, row.state, row.error, row.document_id = (
            evidence.sha256, InboxState.FAILED, reason, None
        )  # fmt: skip
        about = salvage_reference(raw, item.sender) if row.message_type == "edoc" else None
        if about is not None:
            queue_rejection(session, self.ctx.files, self.our_code, about, reason, now)
        log.warning("refused package %s from %s: %s", item.doc_id, item.sender, why)
        return Stored(0, "fail", reason, "rejected"), row

    def note_blocked(self, message_type: str, item: ReceivedItem, error: str) -> None:
        """Say on the inbox row why the package is still waiting (the GUI's stuck list)."""
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            row = _row(session, item, message_type, now)
            if row.state is InboxState.LISTED:
                row.error = error[:_MAX_TEXT]
