"""Diacritic-insensitive search over subject, number/symbol, sender and signer: one API for the
command line and the GUI.

Every word of the query (folded like ``Document.search_text``: lower case, no marks, đ → d) must
appear in the document's text, as in ``app.domain.search.matches``. SQLite answers from the FTS5
trigram index of migration 0002 (words of one or two letters, which a trigram cannot find, are
checked on the rows it returns); PostgreSQL with ``LIKE '%word%'``, which pg_trgm's GIN index
serves. Either falls back to a scan when the index is missing.

Results come newest document first (by id), not by last change: the index hands out its hits
from the highest id down and can stop after a page, where an order by ``updated_at`` would sort
every match (a common word matches half of 100,000 documents). On SQLite the index is asked for
one page of hits first (under a millisecond); only when the filters keep too few of them does
one query take all remaining hits. Broad filters (a direction, a year, a kind) are marked "likely
true" so that SQLite's planner does not start from the ``direction, state`` index and sort every
match; the short work queues (to sign, to issue, outbox) keep their index.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.kinds import kind_from_code
from app.domain.queues import QUEUE_BY_ID, Queue
from app.domain.search import fold_for_search
from app.models import Document
from app.models.documents import SEARCH_INDEX_TABLE
from app.services.documents.drafting import stored_kind_code
from app.services.queues import DocumentRow, queue_filter
from app.services.workspace import Workspace

_AGENCY_CODE_DOTS = 3
MIN_TRIGRAM = 3
FIRST_PAGE_FACTOR = 4  # hits asked for first, per result wanted
_HITS = f"SELECT rowid FROM {SEARCH_INDEX_TABLE} WHERE {SEARCH_INDEX_TABLE} MATCH :match"

Condition = sa.ColumnElement[bool]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _has_fts(session: Session) -> bool:
    found = session.execute(
        sa.text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": SEARCH_INDEX_TABLE},
    ).first()
    return found is not None


def _year(year: int) -> Condition:
    """Documents of ``year``: by their own date, else (drafts) by when they were created."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    return sa.or_(
        Document.issue_date.between(first, last),
        sa.and_(
            Document.issue_date.is_(None),
            Document.created_at >= start,
            Document.created_at < end,
        ),
    )


def _likely(condition: Condition) -> Condition:
    """SQLite: "true for most rows", so the planner does not start from this condition's index."""
    return sa.func.likelihood(condition, sa.literal_column("0.9"), type_=sa.Boolean)


def _newest(session: Session, conditions: Sequence[Condition], limit: int) -> list[Document]:
    query = sa.select(Document).where(*conditions).order_by(Document.id.desc()).limit(limit)
    return list(session.scalars(query))


def _from_fts(
    session: Session, words: list[str], conditions: list[Condition], limit: int
) -> list[Document]:
    """SQLite with the trigram index: a page of hits, then (if the filters kept too few) the
    rest of the hits in one query."""
    match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
    page = limit * FIRST_PAGE_FACTOR
    hits = list(
        session.scalars(
            sa.text(_HITS + " ORDER BY rowid DESC LIMIT :n"), {"match": match, "n": page}
        )
    )
    found = _newest(session, [Document.id.in_(hits), *conditions], limit) if hits else []
    if len(found) == limit or len(hits) < page:
        return found
    rest = sa.text(_HITS).bindparams(match=match).columns(sa.column("rowid", sa.Integer))
    more = [Document.id.in_(rest), Document.id < hits[-1], *conditions]
    return found + _newest(session, more, limit - len(found))


def search_documents(
    ws: Workspace,
    text: str = "",
    *,
    queue: Queue | None = None,
    year: int | None = None,
    kind: str | None = None,
    sender: str | None = None,
    paper_pending: bool = False,
    limit: int = 200,
) -> list[DocumentRow]:
    """Documents matching ``text`` and the filters, the newest first.

    ``sender``: an agency code (exact), or words of the sender's name (diacritics optional).
    ``paper_pending``: issued documents whose paper copy is not yet confirmed.
    """
    words = list(dict.fromkeys(fold_for_search(text).split()))
    conditions: list[Condition] = []
    # Work queues (to sign, to issue, the outbox) are short lists: their index is the best start.
    selective: list[Condition] = []
    if queue is not None:
        spec = QUEUE_BY_ID[queue]
        narrow = bool(spec.states) or bool(spec.outbox)
        (selective if narrow else conditions).append(queue_filter(queue))
    if year is not None:
        conditions.append(_year(year))
    if kind:
        conditions.append(Document.kind == stored_kind_code(kind_from_code(kind)))
    if sender:
        code = sender.strip()
        if code.count(".") == _AGENCY_CODE_DOTS and " " not in code:
            conditions.append(Document.sender_code == code)
        else:
            words += [w for w in fold_for_search(sender).split() if w not in words]
    if paper_pending:
        conditions += [Document.paper_copy.is_(True), Document.paper_copy_confirmed_at.is_(None)]
    limit = max(1, limit)
    with ws.db.read() as session:
        if session.get_bind().dialect.name != "sqlite":
            like: list[Condition] = [
                Document.search_text.like(f"%{_escape_like(w)}%", escape="\\") for w in words
            ]
            docs = _newest(session, selective + conditions + like, limit)
        else:
            likely: list[Condition] = selective + [_likely(c) for c in conditions]
            indexed = _has_fts(session)
            long = [w for w in words if indexed and len(w) >= MIN_TRIGRAM]
            likely += [sa.func.instr(Document.search_text, w) > 0 for w in words if w not in long]
            docs = (
                _from_fts(session, long, likely, limit) if long else _newest(session, likely, limit)
            )
        return [_row(doc) for doc in docs]


def _row(doc: Document) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        direction=doc.direction,
        state=doc.state,
        kind=doc.kind,
        code=doc.code,
        subject=doc.subject,
        sender_name=doc.sender_name,
        issue_date=doc.issue_date,
        urgency=doc.urgency,
        secrecy=doc.secrecy,
        due_at=doc.due_at,
        register_number=doc.register_number,
        updated_at=doc.updated_at,
    )
