"""The outbox sender: drains ``outbox_messages`` to the platform, exactly once in effect.

A batch of due rows is claimed with a lease (``lease_until``) and its attempt counted, in one
short transaction; the packages are sent outside any transaction, each under the idempotency key
fixed when the row was written, so a retry, a crash or a restart sends the same key and the
platform delivers nothing twice; then the batch's outcomes commit together (sent + the server's
docIds in the Delivery rows, or the back-off, or the refusal). A crash anywhere in between costs
at most a re-send that the platform answers from its idempotency record.

Order: a row waits while an earlier row about the same document is still pending, or while the
document's own package was refused; so a status never overtakes its document's package, and a
document's statuses leave in the order they were written. Must not: build packages (the services
did, in the user's transaction) or decide workflow.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app.domain.types import OutboxState
from app.errors import NotFound
from app.models import Delivery, OutboxMessage
from app.models.audit import append_event
from app.sync.engine.context import ACTOR, EngineContext
from app.sync.engine.crashpoints import crashpoint
from app.sync.engine.texts import auth_text, refusal_text, retry_text
from app.sync.transport import (
    PlatformRejected,
    RateLimited,
    SendResult,
    TransportAuthError,
    TransportUnavailable,
)

log = logging.getLogger(__name__)

BATCH = 50
LEASE = timedelta(minutes=30)
# Payloads up to this size are read into memory once (hashing and sending the same bytes);
# bigger ones stream from the store.
IN_MEMORY = 16 << 20
# Errors that say the platform (not this package) is unwell: stop sending for this run.
_STOP_CODES = frozenset({"NETWORK", "TIMEOUT", "UNAVAILABLE", "RATE_LIMITED"})


@dataclass(frozen=True)
class Claimed:
    """A snapshot of a claimed row: what is needed to send it, no ORM object."""

    id: int
    message_type: str
    document_id: int | None
    idempotency_key: str
    payload_sha256: str
    attempts: int


@dataclass(frozen=True)
class Outcome:
    id: int
    kind: str  # sent | retry | failed | release
    doc_ids: tuple[tuple[str, str], ...] = ()
    error: str = ""
    retry_after: float | None = None


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    stopped: str = ""  # why sending stopped early: "offline", "auth", "rate_limited"
    stop_error: BaseException | None = None


def claimable(now: datetime) -> sa.Select[OutboxMessage]:
    """Due, unleased pending rows with nothing earlier about the same document in their way."""
    earlier = aliased(OutboxMessage)
    blocker = sa.select(earlier.id).where(
        earlier.document_id == OutboxMessage.document_id,
        earlier.id < OutboxMessage.id,
        sa.or_(
            earlier.state == OutboxState.PENDING,
            sa.and_(earlier.state == OutboxState.FAILED, earlier.message_type == "edoc"),
        ),
    )
    return sa.select(OutboxMessage).where(
        OutboxMessage.state == OutboxState.PENDING,
        OutboxMessage.next_attempt_at <= now,
        sa.or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
        ~sa.exists(blocker),
    )


class OutboxSender:
    def __init__(self, ctx: EngineContext, *, batch: int = BATCH, lease: timedelta = LEASE) -> None:
        self.ctx = ctx
        self.batch = batch
        self.lease = lease

    # --- maintenance ---------------------------------------------------------------------------
    def release_leases(self) -> int:
        """Drop every lease: only call while holding the engine lock (their owners are dead)."""
        with self.ctx.db.write() as session:
            result = session.execute(
                sa.update(OutboxMessage)
                .where(OutboxMessage.lease_until.is_not(None))
                .values(lease_until=None)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def pull_in(self, now: datetime) -> int:
        """Back online: rows waiting out a back-off become due now (the platform answers again)."""
        with self.ctx.db.write() as session:
            result = session.execute(
                sa.update(OutboxMessage)
                .where(
                    OutboxMessage.state == OutboxState.PENDING,
                    OutboxMessage.next_attempt_at > now,
                )
                .values(next_attempt_at=now)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    # --- the loop ------------------------------------------------------------------------------
    def has_due(self, now: datetime) -> bool:
        """Whether a row could be claimed now: a read, so asking often takes no write lock."""
        with self.ctx.db.read() as session:
            first = claimable(now).with_only_columns(OutboxMessage.id).limit(1)
            return session.scalar(first) is not None

    def drain(self, *, max_batches: int | None = None) -> SendReport:
        """Send everything due, batch by batch, until nothing is claimable or sending must stop."""
        report = SendReport()
        batches = 0
        while max_batches is None or batches < max_batches:
            claimed = self.claim(self.ctx.clock())
            if not claimed:
                break
            batches += 1
            outcomes: list[Outcome] = []
            for index, item in enumerate(claimed):
                outcome, stop = self._send(item)
                outcomes.append(outcome)
                if stop is not None:
                    report.stopped, report.stop_error = stop
                    # The rest of the batch was not tried: give it back as it was.
                    outcomes += [Outcome(c.id, "release") for c in claimed[index + 1 :]]
                    break
            crashpoint("outbox.before_mark_sent")
            self.record(outcomes)
            for o in outcomes:
                report.sent += o.kind == "sent"
                report.retrying += o.kind == "retry"
                report.failed += o.kind == "failed"
            if report.stopped:
                break
        return report

    def claim(self, now: datetime) -> list[Claimed]:
        with self.ctx.db.write() as session:
            stmt = claimable(now).order_by(OutboxMessage.id).limit(self.batch)
            rows = list(session.scalars(stmt.with_for_update(skip_locked=True)))
            for row in rows:
                row.lease_until = now + self.lease
                row.attempts += 1
            claimed = [
                Claimed(r.id, r.message_type, r.document_id, r.idempotency_key,
                        r.payload_sha256, r.attempts)
                for r in rows
            ]  # fmt: skip
        if claimed:
            crashpoint("outbox.after_claim")
        return claimed

    def _send(self, item: Claimed) -> tuple[Outcome, tuple[str, BaseException] | None]:
        try:
            path = self.ctx.files.path_for(item.payload_sha256)
            if not path.is_file():
                raise NotFound(f"payload {item.payload_sha256} is missing from the file store")
            body = path.read_bytes() if path.stat().st_size <= IN_MEMORY else path
            result: SendResult = self.ctx.transport.send(
                body, item.message_type, item.idempotency_key
            )
        except TransportAuthError as exc:
            return Outcome(item.id, "release", error=auth_text(exc)), ("auth", exc)
        except TransportUnavailable as exc:
            outcome = Outcome(item.id, "retry", error=retry_text(exc), retry_after=exc.retry_after)
            if exc.error_code in _STOP_CODES or isinstance(exc, RateLimited):
                kind = "rate_limited" if isinstance(exc, RateLimited) else "offline"
                return outcome, (kind, exc)
            return outcome, None
        except PlatformRejected as exc:
            return Outcome(item.id, "failed", error=refusal_text(exc)), None
        except NotFound as exc:
            return Outcome(
                item.id, "failed", error=f"Thiếu tệp gói tin (missing payload) [{exc}]"
            ), None
        crashpoint("outbox.after_http_ok")
        return Outcome(item.id, "sent", doc_ids=tuple(sorted(result.doc_ids.items()))), None

    def record(self, outcomes: list[Outcome]) -> None:
        """Commit a batch's outcomes in one transaction (a crash before it: re-sent, replayed).

        One audit event lists the batch's sends (an event per message would double the cost of
        the commit); a refusal gets an event of its own."""
        if not outcomes:
            return
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            ids = [o.id for o in outcomes]
            rows = {
                r.id: r
                for r in session.scalars(sa.select(OutboxMessage).where(OutboxMessage.id.in_(ids)))
            }
            sent: list[dict[str, object]] = []
            for outcome in outcomes:
                row = rows.get(outcome.id)
                if row is None:
                    continue
                row.lease_until = None
                if outcome.kind == "sent":
                    row.state, row.sent_at, row.last_error = OutboxState.SENT, now, ""
                    sent.append(
                        {"id": row.id, "document": row.document_id, "type": row.message_type,
                         "docIds": dict(outcome.doc_ids)}
                    )  # fmt: skip
                elif outcome.kind == "retry":
                    wait = self.ctx.backoff.delay(row.attempts, outcome.retry_after, self.ctx.rng)
                    row.next_attempt_at = now + timedelta(seconds=wait)
                    row.last_error = outcome.error
                elif outcome.kind == "failed":
                    row.state, row.last_error = OutboxState.FAILED, outcome.error
                    log.warning("outbox %s refused by the platform: %s", row.id, outcome.error)
                    _audit(session, "sync.send_refused", row, now, {"error": outcome.error})
                else:  # release: not this row's fault, its attempt does not count
                    row.attempts = max(row.attempts - 1, 0)
                    if outcome.error:
                        row.last_error = outcome.error
            if sent:
                _store_server_ids(session, sent)
                append_event(
                    session, "sync.sent", actor=ACTOR, entity_type="outbox",
                    entity_id=f"{sent[0]['id']}..{sent[-1]['id']}", data={"messages": sent},
                    at=now,
                )  # fmt: skip


def _store_server_ids(session: Session, sent: list[dict[str, object]]) -> None:
    """The platform's docId per recipient into the Delivery rows of the documents sent."""
    wanted = {
        int(str(m["document"])): m["docIds"]
        for m in sent
        if m["type"] == "edoc" and m["document"] is not None
    }
    if not wanted:
        return
    rows = {
        (d.document_id, d.recipient_code): d
        for d in session.scalars(sa.select(Delivery).where(Delivery.document_id.in_(wanted)))
    }
    for document_id, doc_ids in wanted.items():
        assert isinstance(doc_ids, dict)
        for recipient, server_id in doc_ids.items():
            delivery = rows.get((document_id, recipient))
            if delivery is None:  # the platform fanned out to a To the services had no row for
                delivery = Delivery(document_id=document_id, recipient_code=recipient)
                session.add(delivery)
            delivery.server_doc_id = server_id


def _audit(
    session: Session, action: str, row: OutboxMessage, now: datetime, data: dict[str, object]
) -> None:
    append_event(
        session,
        action,
        actor=ACTOR,
        entity_type="outbox",
        entity_id=row.id,
        data={"document": row.document_id, **data},
        at=now,
    )
