"""Two desktop offices exchange a document through the sandbox platform, end to end.

The Province issues a decision to the Department of Home Affairs; the Department's engine takes
it in (verified), its people register, assign, process and complete it; each step's status goes
back, and the Province's Delivery row follows them: 01, 03, 04, 05, 06. A recall (13) travels
the other way round, sender to recipients, and the answers (15 / 16) come back.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.domain.queues import STATE_LABELS, Queue
from app.domain.types import DocumentState, InboxState, OutboxState, Verdict
from app.models import Delivery, Document, InboxItem, OutboxMessage, Signature
from app.services.documents import (
    answer_recall,
    assign,
    complete,
    issue,
    progress,
    recall,
    register,
    sign,
)
from app.services.documents.views import document_details
from app.services.queues import list_queue
from tests.services.conftest import NOW, Kit, submitted
from tests.sync.conftest import HOME_AFFAIRS, PROVINCE, Office, OfficeFactory, assert_healthy


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


def _counterparts(sender: Office, recipient: Office, ours: list[int]) -> list[int]:
    """The recipient's incoming document for each of the sender's, by edXML DocumentId."""
    with sender.ws.db.read() as s:
        ids = [s.get(Document, doc_id).edxml_document_id for doc_id in ours]  # type: ignore[union-attr]
    with recipient.ws.db.read() as s:
        found = dict(s.execute(sa.select(Document.edxml_document_id, Document.id)).all())
    return [found[i] for i in ids]


def test_a_recall_travels_to_the_recipient_and_its_answers_come_back(
    offices: OfficeFactory, kit: Kit
) -> None:
    """The Province recalls two documents from Home Affairs through the platform: both are
    quarantined there ("Bị thu hồi"); Home Affairs agrees to one (15) and refuses the other
    (16), and the Province's Delivery rows show both answers."""
    province = offices(PROVINCE, "UBND")
    home = offices(HOME_AFFAIRS, "SNV")
    ours = []
    for _ in range(2):
        doc_id = submitted(province.ws, kit, recipients=(HOME_AFFAIRS,))
        sign(province.ws, "ld", doc_id, kit.job("leader"), now=NOW)
        issue(province.ws, "vt", doc_id, kit.job("agency"), now=NOW)
        ours.append(doc_id)

    a, b = province.runtime(), home.runtime()
    try:
        assert a.engine.run_once().sent == 2
        got = b.engine.run_once()
        assert got.inbox.documents == 2 and not got.problem, got.summary()
        agreed, refused = _counterparts(province, home, ours)
        register(home.ws, "vt", refused)  # a refusal must bring it back to "registered"
        for doc_id in ours:
            recall(province.ws, "vt", doc_id, "Sai sót về thể thức")
        sent = a.engine.run_once()  # the two 01s come in, the two 13s leave
        assert sent.sent == 2 and sent.inbox.statuses == 2 and not sent.problem, sent.summary()

        asked = b.engine.run_once()
        assert asked.inbox.statuses == 2 and not asked.problem, asked.summary()
        with home.ws.db.read() as s:
            for doc in s.scalars(sa.select(Document)):
                assert doc.state is DocumentState.QUARANTINED and doc.quarantine_request == "recall"
        shown = {r.id: STATE_LABELS[r.state] for r in list_queue(home.ws, Queue.INCOMING)}
        assert shown == {agreed: "Bị thu hồi", refused: "Bị thu hồi"}, shown
        answer_recall(home.ws, "vt", agreed, agree=True)
        answer_recall(home.ws, "vt", refused, agree=False, reason="Đã triển khai thực hiện")
        answered = b.engine.run_once()
        assert answered.sent == 2 and not answered.problem, answered.summary()

        back = a.engine.run_once()  # the 03 of the registration, then the 15 and the 16
        assert back.inbox.statuses == 3 and not back.problem, back.summary()
    finally:
        a.close()
        b.close()
    with home.ws.db.read() as s:
        states = dict(s.execute(sa.select(Document.id, Document.state)).all())
    assert states == {agreed: DocumentState.CANCELLED, refused: DocumentState.REGISTERED}
    with province.ws.db.read() as s:
        rows = s.execute(
            sa.select(Delivery.document_id, Delivery.status_code, Delivery.request, Delivery.answer)
        ).all()
    expected = [(ours[0], "01", "recall", "15"), (ours[1], "03", "recall", "16")]
    assert sorted(rows) == expected, rows
    labels = [[d.label for d in document_details(province.ws, i).deliveries] for i in ours]
    assert labels == [["Thu hồi: đồng ý"], ["Thu hồi: từ chối"]], labels
    assert_healthy(province.ws)
    assert_healthy(home.ws)
