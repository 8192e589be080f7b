"""Two desktop offices exchange a document through the sandbox platform, end to end.

The Province issues a decision to the Department of Home Affairs; the Department's engine takes
it in (verified), its people register, assign, process and complete it; each step's status goes
back, and the Province's Delivery row follows them: 01, 03, 04, 05, 06.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.domain.types import DocumentState, InboxState, OutboxState, Verdict
from app.models import Delivery, Document, InboxItem, OutboxMessage, Signature
from app.services.documents import assign, complete, issue, progress, register, sign
from tests.services.conftest import NOW, Kit, submitted
from tests.sync.conftest import HOME_AFFAIRS, PROVINCE, OfficeFactory, assert_healthy


def test_two_offices_exchange_a_document_and_statuses_flow_back(
    offices: OfficeFactory, kit: Kit
) -> None:
    province = offices(PROVINCE, "UBND")
    home = offices(HOME_AFFAIRS, "SNV")
    doc_id = submitted(province.ws, kit, recipients=(HOME_AFFAIRS,))
    sign(province.ws, "ld", doc_id, kit.job("leader"), now=NOW)
    issue(province.ws, "vt", doc_id, kit.job("agency"), now=NOW)

    a, b = province.runtime(), home.runtime()
    try:
        sent = a.engine.run_once()
        assert sent.sent == 1 and not sent.problem, sent.summary()
        with province.ws.db.read() as s:
            [delivery] = s.scalars(sa.select(Delivery).where(Delivery.document_id == doc_id))
            assert delivery.server_doc_id

        got = b.engine.run_once()
        assert got.received == 1 and got.sent == 1, got.summary()  # the document, then its 01
        with home.ws.db.read() as s:
            [incoming] = s.scalars(sa.select(Document))
            assert incoming.state is DocumentState.ARRIVED
            verdicts = set(s.scalars(sa.select(Signature.verdict)))
            assert verdicts and verdicts <= {Verdict.VALID, Verdict.VALID_CHANGED_LATER}
            [item] = s.scalars(sa.select(InboxItem).where(~InboxItem.server_doc_id.like("file:%")))
            assert item.state is InboxState.ACKED and item.document_id == incoming.id
            received_id = incoming.id

        register(home.ws, "vt", received_id)
        assign(home.ws, "ld", received_id, "cv")
        progress(home.ws, "cv", received_id, "Đang soạn báo cáo")
        complete(home.ws, "cv", received_id, "Đã báo cáo")
        back = b.engine.run_once()
        assert back.sent == 4 and not back.problem, back.summary()

        statuses = a.engine.run_once()
        assert statuses.inbox.statuses == 5 and not statuses.problem, statuses.summary()
        with province.ws.db.read() as s:
            [delivery] = s.scalars(sa.select(Delivery).where(Delivery.document_id == doc_id))
            assert delivery.status_code == "06"
            waiting = s.scalar(
                sa.select(sa.func.count(OutboxMessage.id)).where(
                    OutboxMessage.state != OutboxState.SENT
                )
            )
            assert waiting == 0
        assert a.engine.run_once().counts.waiting == 0  # type: ignore[union-attr]
    finally:
        a.close()
        b.close()
    assert_healthy(province.ws)
    assert_healthy(home.ws)
