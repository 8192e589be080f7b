"""The inbox receiver: list, download, take in, and only then acknowledge.

Per page of the platform's pending list (oldest first, from our cursor): each new package is
downloaded into the spool (resumable), committed locally by ``Intake`` (the last one of the page
carries the page's cursor in the same transaction), then acked. Rows that a crash left committed
but unacked are acked first, without being taken in again. The cursor only moves past a page
whose every package is committed here, so it is never ahead of a missing package; the platform
lists only unacked packages, so nothing committed is ever fetched twice. Must not: decide what a
package means (the receive service does, through ``PackageReceiver``).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa

from app.domain.types import InboxState
from app.models import InboxItem
from app.sync.engine.context import EngineContext
from app.sync.engine.crashpoints import crashpoint
from app.sync.engine.download import download, spool_path
from app.sync.engine.intake import Blocked, GroupFailed, Intake, Stored, Taken
from app.sync.engine.state import cursor_key, get_value, set_value
from app.sync.transport import (
    DocumentNotFound,
    PlatformRejected,
    ReceivedItem,
    ReceivedPage,
    TransportAuthError,
    TransportUnavailable,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
PAGE = 50
GROUP = 16  # packages committed in one transaction, at most
# The receive service keys packages imported from a file as ``file:<sha256>``: never acked.
FILE_IMPORT_PREFIX = "file:"


@dataclass
class InboxReport:
    documents: int = 0
    duplicates: int = 0
    statuses: int = 0
    rejected: int = 0
    acked: int = 0
    stopped: str = ""  # "offline", "auth", "blocked"
    stop_error: BaseException | None = None

    @property
    def received(self) -> int:
        return self.documents + self.statuses


class _Stop(Exception):
    def __init__(self, kind: str, error: BaseException) -> None:
        super().__init__(kind)
        self.kind, self.error = kind, error


class InboxReceiver:
    def __init__(
        self, ctx: EngineContext, intake: Intake, *, page_size: int = PAGE, parallel: int = 2
    ) -> None:
        self.ctx = ctx
        self.intake = intake
        self.page_size = page_size
        self.parallel = max(parallel, 1)

    def _ack(self, doc_id: str, status: str, reason: str) -> bool:
        """True when the platform has it acked; transport trouble stops the run."""
        try:
            self.ctx.transport.ack(doc_id, "fail" if status == "fail" else "done", reason)
        except DocumentNotFound:
            log.warning("ack %s: the platform no longer has it; counted as acked", doc_id)
        except TransportAuthError as exc:
            raise _Stop("auth", exc) from exc
        except TransportUnavailable as exc:
            raise _Stop("offline", exc) from exc
        return True

    def _mark(self, acked: list[int], message_type: str | None, cursor: str | None) -> None:
        if not acked and cursor is None:
            return
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            if acked:
                session.execute(
                    sa.update(InboxItem)
                    .where(InboxItem.id.in_(acked))
                    .values(state=InboxState.ACKED)
                )
            if message_type is not None and cursor is not None:
                set_value(session, cursor_key(message_type), cursor, now)

    def recover(self, report: InboxReport) -> None:
        """Ack what an earlier run committed but could not ack (crash, network)."""
        with self.ctx.db.read() as session:
            rows = session.execute(
                sa.select(InboxItem.id, InboxItem.server_doc_id, InboxItem.state, InboxItem.error)
                .where(
                    InboxItem.state.in_([InboxState.STORED, InboxState.FAILED]),
                    # Rows of packages imported from a file, not listed by the platform.
                    ~InboxItem.server_doc_id.like(f"{FILE_IMPORT_PREFIX}%"),
                )
                .order_by(InboxItem.id)
            ).all()
        done: list[int] = []
        try:
            for row_id, doc_id, state, error in rows:
                spool_path(self.ctx.spool_dir, doc_id).unlink(missing_ok=True)
                status = "fail" if state is InboxState.FAILED else "done"
                self._ack(doc_id, status, error if status == "fail" else "")
                done.append(row_id)
        except _Stop as stop:
            report.stopped, report.stop_error = stop.kind, stop.error
        finally:
            self._mark(done, None, None)
            report.acked += len(done)

    def pull(self, message_type: str, report: InboxReport) -> None:
        """Take in everything the platform holds for us of this kind, page by page."""
        with self.ctx.db.read() as session:
            cursor = get_value(session, cursor_key(message_type))
        # One pool for the whole pull: its threads fetch and prepare ahead of the commits. Acks
        # go out on one thread of their own, in order, while the next group commits.
        with (
            ThreadPoolExecutor(self.parallel, thread_name_prefix="inbox") as pool,
            ThreadPoolExecutor(1, thread_name_prefix="inbox-ack") as acker,
        ):
            try:
                while True:
                    page = self.ctx.transport.list_received(
                        message_type, after=cursor, limit=self.page_size
                    )
                    crashpoint("inbox.after_list")
                    if not page.items:
                        return
                    self._page(message_type, page, report, pool, acker)
                    cursor = page.next
                    if not page.more:
                        return
            except _Stop as stop:
                report.stopped, report.stop_error = stop.kind, stop.error
            except TransportAuthError as exc:
                report.stopped, report.stop_error = "auth", exc
            except TransportUnavailable as exc:
                report.stopped, report.stop_error = "offline", exc

    def _page(
        self,
        message_type: str,
        page: ReceivedPage,
        report: InboxReport,
        pool: ThreadPoolExecutor,
        acker: ThreadPoolExecutor,
    ) -> None:
        ids = [item.doc_id for item in page.items]
        with self.ctx.db.read() as session:
            known = dict(
                session.execute(
                    sa.select(InboxItem.server_doc_id, InboxItem.state).where(
                        InboxItem.server_doc_id.in_(ids)
                    )
                ).all()
            )
        new = [i for i in page.items if known.get(i.doc_id) in (None, InboxState.LISTED)]
        self.intake.note_listed(message_type, [i for i in new if i.doc_id not in known])
        position = {item.doc_id: n for n, item in enumerate(new)}
        acked: list[int] = []
        acking: list[tuple[int, Future[bool]]] = []  # sent to the ack thread, not yet counted
        complete = False

        def collect(*, wait: bool) -> None:
            """Count the acks done (all of them when ``wait``); the first failure stops."""
            while acking and (wait or acking[0][1].done()):
                row_id, future = acking.pop(0)
                future.result()  # _Stop: transport trouble; the rest of the page waits
                acked.append(row_id)

        # Downloads and the receive service's slow part (verification) run ahead on a few
        # threads; commits stay in listing order on this one and acks, each after its commit,
        # in the same order on the ack thread; the cursor moves only once all of them are in.
        ahead: dict[str, Future[Taken]] = {}

        def top_up(limit: int) -> None:
            for later in new[len(ahead) : limit]:  # submitted in order, never removed
                ahead[later.doc_id] = pool.submit(self._fetch_prepare, message_type, later)

        try:
            index = 0
            while index < len(page.items):
                item = page.items[index]
                if item.doc_id not in position:
                    collect(wait=True)  # in listing order
                    acked += self._ack_known(item)
                    index += 1
                    continue
                collect(wait=False)
                top_up(position[item.doc_id] + GROUP)
                group = [ahead[item.doc_id].result()]
                # With it, the next packages whose preparation is already done: one commit.
                for later in page.items[index + 1 : index + GROUP]:
                    future = ahead.get(later.doc_id)
                    if future is None or not future.done() or future.exception() is not None:
                        break
                    group.append(future.result())
                try:
                    last = index + len(group) == len(page.items)
                    done = self._commit(message_type, group, page.next if last else None)
                except GroupFailed:
                    group = group[:1]
                    last = index + 1 == len(page.items)
                    done = self._commit(message_type, group, page.next if last else None)
                index += len(group)
                for taken, stored in zip(group, done, strict=True):
                    self._count(stored, report)
                    spool_path(self.ctx.spool_dir, taken.item.doc_id).unlink(missing_ok=True)
                crashpoint(
                    "status.after_commit_before_ack"
                    if message_type == "status"
                    else "inbox.after_commit_before_ack"
                )
                # Committed: the acks go out while the next group is taken in.
                for taken, stored in zip(group, done, strict=True):
                    ack = acker.submit(self._ack, taken.item.doc_id, stored.ack, stored.reason)
                    acking.append((stored.row_id, ack))
            collect(wait=True)
            complete = True
        finally:
            for future in ahead.values():
                future.cancel()  # not started yet: never started; running ones finish
            for row_id, ack_future in acking:  # stopping: count the acks that did go out
                if ack_future.exception() is None:
                    acked.append(row_id)
            if acked:
                crashpoint("inbox.after_ack_before_cursor")
            self._mark(acked, message_type, page.next if complete else None)
            report.acked += len(acked)

    def _ack_known(self, item: ReceivedItem) -> list[int]:
        with self.ctx.db.read() as session:
            row = session.scalars(
                sa.select(InboxItem).where(InboxItem.server_doc_id == item.doc_id)
            ).one()
            row_id, failed, error = row.id, row.state is InboxState.FAILED, row.error
        self._ack(item.doc_id, "fail" if failed else "done", error if failed else "")
        return [row_id]

    def _fetch_prepare(self, message_type: str, item: ReceivedItem) -> Taken:
        try:
            raw = download(self.ctx, item)
        except TransportAuthError as exc:
            raise _Stop("auth", exc) from exc
        except TransportUnavailable as exc:
            raise _Stop("offline", exc) from exc
        except PlatformRejected as exc:
            self.intake.note_blocked(message_type, item, f"Không tải được (cannot fetch): {exc}")
            raise _Stop("blocked", exc) from exc
        crashpoint("inbox.after_fetch")
        return self._guard(message_type, item, lambda: self.intake.prepare(message_type, item, raw))

    def _commit(self, message_type: str, group: list[Taken], cursor: str | None) -> list[Stored]:
        return self._guard(
            message_type, group[0].item, lambda: self.intake.commit(message_type, group, cursor)
        )

    def _guard(self, message_type: str, item: ReceivedItem, step: Callable[[], T]) -> T:
        try:
            return step()
        except Blocked as exc:
            with contextlib.suppress(Exception):  # the note is a courtesy; the stop is what counts
                self.intake.note_blocked(message_type, item, str(exc))
            raise _Stop("blocked", exc) from exc

    @staticmethod
    def _count(stored: Stored, report: InboxReport) -> None:
        if stored.kind == "document":
            report.documents += 1
        elif stored.kind == "duplicate":
            report.duplicates += 1
        elif stored.kind == "status":
            report.statuses += 1
        else:
            report.rejected += 1
