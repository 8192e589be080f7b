"""The API through HttpTransport: send, list, fetch, ack, sent status, and the refusals."""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

import httpx
import pytest

from app.sync.transport import (
    DocumentNotFound,
    FetchInterrupted,
    IdempotencyConflict,
    MessageType,
    PackageRefused,
    PackageTooLarge,
    UnknownRecipient,
)
from sandbox.testing import SandboxHandle, run_server
from tests.sandbox.conftest import Connect, connecting
from tests.sandbox.packages import FINANCE, HOME_AFFAIRS, PROVINCE, document, noise, status


def test_agencies_are_the_demo_agencies(connect: Connect) -> None:
    agencies = connect(PROVINCE).agencies()
    by_id = {a.organ_id: a for a in agencies}
    assert len(agencies) == 8
    assert by_id[PROVINCE].parent_id is None
    assert by_id[FINANCE].name == "Sở Tài chính tỉnh Điện Biên"
    assert by_id[FINANCE].parent_id == PROVINCE


def test_send_fans_out_to_every_recipient(connect: Connect) -> None:
    package = document(1)
    result = connect(PROVINCE).send(package, MessageType.EDOC, "key-1")
    assert set(result.doc_ids) == {HOME_AFFAIRS, FINANCE}
    assert len(set(result.doc_ids.values())) == 2 and not result.replayed
    for code in (HOME_AFFAIRS, FINANCE):
        page = connect(code).list_received(MessageType.EDOC)
        assert [i.doc_id for i in page.items] == [result.doc_ids[code]]
        item = page.items[0]
        assert (item.sender, item.message_type, item.size) == (PROVINCE, "edoc", len(package))
        assert item.sha256 == hashlib.sha256(package).hexdigest()
        assert item.created is not None
    assert connect(PROVINCE).list_received(MessageType.EDOC).items == ()


def test_idempotent_resend_gives_the_same_answer_and_delivers_once(connect: Connect) -> None:
    sender = connect(PROVINCE)
    first = sender.send(document(1), "edoc", "key-same")
    again = sender.send(document(1), "edoc", "key-same")
    assert again.doc_ids == first.doc_ids and again.replayed
    assert len(connect(HOME_AFFAIRS).list_received("edoc").items) == 1


def test_same_key_with_another_body_is_a_conflict(connect: Connect) -> None:
    sender = connect(PROVINCE)
    sender.send(document(1), "edoc", "key-x")
    with pytest.raises(IdempotencyConflict) as caught:
        sender.send(document(2), "edoc", "key-x")
    assert caught.value.error_code == "IDEMPOTENCY_CONFLICT" and caught.value.http_status == 409
    assert not caught.value.retryable
    assert len(connect(FINANCE).list_received("edoc").items) == 1


def test_concurrent_duplicates_deliver_once(connect: Connect) -> None:
    package = document(7)
    answers: list[dict[str, str]] = []
    transports = [connect(PROVINCE) for _ in range(6)]

    def send(i: int) -> None:
        answers.append(dict(transports[i].send(package, "edoc", "key-race").doc_ids))

    threads = [threading.Thread(target=send, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 6 and all(a == answers[0] for a in answers)
    assert len(connect(HOME_AFFAIRS).list_received("edoc").items) == 1


def test_refusals_carry_the_servers_code(connect: Connect, sandbox: SandboxHandle) -> None:
    sender = connect(PROVINCE)
    with pytest.raises(UnknownRecipient) as unknown:
        sender.send(document(1, recipients=(FINANCE, "999.99.99.Z99")), "edoc", "k1")
    assert "999.99.99.Z99" in unknown.value.error_desc and unknown.value.http_status == 422
    with pytest.raises(PackageRefused) as invalid:
        sender.send(b"<edXML>not a package</edXML>", "edoc", "k2")
    assert invalid.value.error_code == "PACKAGE_INVALID"
    with pytest.raises(PackageRefused, match="status"):  # the query says edoc, the body is a status
        connect(HOME_AFFAIRS).send(status("03"), "edoc", "k3")
    with pytest.raises(PackageRefused, match="not the sending system"):
        connect(FINANCE).send(document(1), "edoc", "k4")  # From is the province, not Finance
    with pytest.raises(DocumentNotFound):
        connect(FINANCE).fetch("00000001-deadbeef", sink=io.BytesIO())
    assert connect(FINANCE).list_received("edoc").items == ()  # nothing was delivered


def test_too_large(tmp_path: Path) -> None:
    with run_server(tmp_path, seed="demo", max_body=4000) as handle:
        with connecting(handle) as connect:
            with pytest.raises(PackageTooLarge) as caught:
                connect(PROVINCE).send(document(1, filler=noise(5000)), "edoc", "big")
            assert caught.value.error_code == "TOO_LARGE" and caught.value.http_status == 413
            assert connect(PROVINCE).agencies()  # the connection survived the refusal


def test_cursor_paging_over_25_items(connect: Connect) -> None:
    sender = connect(PROVINCE)
    sent = [
        sender.send(document(n, recipients=(FINANCE,)), "edoc", f"page-{n}").doc_ids[FINANCE]
        for n in range(25)
    ]
    receiver = connect(FINANCE)
    seen: list[str] = []
    pages = []
    cursor = None
    while True:
        page = receiver.list_received("edoc", after=cursor, limit=10)
        pages.append(len(page.items))
        seen += [i.doc_id for i in page.items]
        cursor = page.next
        if not page.more:
            break
    assert pages == [10, 10, 5]
    assert seen == sent  # oldest first, nothing skipped or repeated
    assert receiver.list_received("edoc", after=cursor).items == ()
    assert receiver.list_received("status").items == ()


def test_send_from_a_file(connect: Connect, tmp_path: Path) -> None:
    path = tmp_path / "package.edxml"
    path.write_bytes(document(3, filler=noise(300_000)))
    result = connect(PROVINCE).send(path, "edoc", "from-file")
    sink = io.BytesIO()
    fetched = connect(FINANCE).fetch(result.doc_ids[FINANCE], sink=sink)
    assert sink.getvalue() == path.read_bytes() and fetched.size == path.stat().st_size


def test_fetch_whole_and_ranges(connect: Connect, sandbox: SandboxHandle) -> None:
    package = document(1, filler=noise(100_000))
    doc_id = connect(PROVINCE).send(package, "edoc", "k").doc_ids[HOME_AFFAIRS]
    receiver = connect(HOME_AFFAIRS)
    sink = io.BytesIO()
    result = receiver.fetch(doc_id, sink=sink)
    assert sink.getvalue() == package and result.sha256 == hashlib.sha256(package).hexdigest()
    assert not result.resumed
    # Resume from a prefix already on disk: only the rest travels.
    sink = io.BytesIO(package[:1000])
    result = receiver.fetch(doc_id, resume_from=1000, sink=sink)
    assert sink.getvalue() == package and result.resumed
    # A complete sink asked to resume at its end (416) starts over and still verifies.
    sink = io.BytesIO(package)
    assert receiver.fetch(doc_id, resume_from=len(package), sink=sink).size == len(package)
    assert sink.getvalue() == package
    # A corrupt prefix is caught by the ETag check.
    sink = io.BytesIO(b"X" * 1000)
    with pytest.raises(Exception, match="does not match ETag") as caught:
        receiver.fetch(doc_id, resume_from=1000, sink=sink)
    assert caught.value.retryable  # type: ignore[attr-defined]
    # Someone else's package does not exist for this system.
    with pytest.raises(DocumentNotFound):
        connect(FINANCE).fetch(doc_id, sink=io.BytesIO())


def test_raw_range_headers(connect: Connect, sandbox: SandboxHandle) -> None:
    from sandbox.testing import signed_headers

    package = document(1)
    doc_id = connect(PROVINCE).send(package, "edoc", "k").doc_ids[FINANCE]
    target = f"/api/v1/edocs/{doc_id}"
    url = sandbox.base_url.removesuffix("/api/v1") + target
    secret = sandbox.secrets[FINANCE]
    with httpx.Client(trust_env=False) as http:
        for rng, status_code, body in (
            ("bytes=0-9", 206, package[:10]),
            ("bytes=-5", 206, package[-5:]),
            (f"bytes={len(package) - 3}-", 206, package[-3:]),
            (f"bytes={len(package)}-", 416, None),
        ):
            headers = {**signed_headers(FINANCE, secret, "GET", target), "Range": rng}
            response = http.get(url, headers=headers)
            assert response.status_code == status_code, rng
            assert response.headers["ETag"] == f'"{hashlib.sha256(package).hexdigest()}"'
            if body is not None:
                assert response.content == body
                assert response.headers["Content-Range"].endswith(f"/{len(package)}")
            else:
                assert response.headers["Content-Range"] == f"bytes */{len(package)}"


def test_fetch_resumes_after_a_truncated_answer(connect: Connect, sandbox: SandboxHandle) -> None:
    package = document(1, filler=noise(200_000))
    doc_id = connect(PROVINCE).send(package, "edoc", "k").doc_ids[FINANCE]
    receiver = connect(FINANCE)
    sandbox.admin.add_fault("truncate=0.5,path=/api/v1/edocs/,method=GET,times=1")
    sink = io.BytesIO()
    with pytest.raises(FetchInterrupted) as caught:
        receiver.fetch(doc_id, sink=sink)
    received = caught.value.received
    assert 0 < received < len(package) and len(sink.getvalue()) == received
    result = receiver.fetch(doc_id, resume_from=received, sink=sink)
    assert result.resumed and sink.getvalue() == package
    assert result.sha256 == hashlib.sha256(package).hexdigest()


def test_ack_takes_the_item_off_the_list(connect: Connect) -> None:
    ids = connect(PROVINCE).send(document(1), "edoc", "k").doc_ids
    receiver = connect(HOME_AFFAIRS)
    receiver.ack(ids[HOME_AFFAIRS], "done")
    receiver.ack(ids[HOME_AFFAIRS], "done")  # twice is fine
    assert receiver.list_received("edoc").items == ()
    assert len(connect(FINANCE).list_received("edoc").items) == 1  # the other copy still waits
    receiver.fetch(ids[HOME_AFFAIRS], sink=io.BytesIO())  # still fetchable after the ack
    with pytest.raises(DocumentNotFound):
        connect(FINANCE).ack(ids[HOME_AFFAIRS], "done")  # not Finance's to ack
    with pytest.raises(ValueError):
        receiver.ack(ids[HOME_AFFAIRS], "maybe")  # type: ignore[arg-type]


def test_sent_status_follows_acks_and_status_packages(connect: Connect) -> None:
    sender = connect(PROVINCE)
    ids = sender.send(document(5), "edoc", "k").doc_ids
    first = sender.sent_status()
    assert {(d.recipient, d.state, d.status_code) for d in first.items} == {
        (HOME_AFFAIRS, "pending", None),
        (FINANCE, "pending", None),
    }
    home = connect(HOME_AFFAIRS)
    home.ack(ids[HOME_AFFAIRS], "done")
    home.send(status("03", number=5, description="Đã tiếp nhận"), "status", "st-1")
    connect(FINANCE).ack(ids[FINANCE], "fail", "không đọc được tệp")

    changes = sender.sent_status(after=first.next)
    latest = {d.recipient: d for d in changes.items}
    assert latest[HOME_AFFAIRS].state == "done"
    assert latest[HOME_AFFAIRS].status_code == "03"
    assert latest[HOME_AFFAIRS].status_description == "Đã tiếp nhận"
    assert latest[HOME_AFFAIRS].document_id.endswith("5/UBND-VP")
    assert (latest[FINANCE].state, latest[FINANCE].reason) == ("fail", "không đọc được tệp")
    assert sender.sent_status(after=changes.next).items == ()
    # The status package itself reaches the original sender as a status message.
    statuses = sender.list_received(MessageType.STATUS)
    assert [i.sender for i in statuses.items] == [HOME_AFFAIRS]


def test_a_recall_goes_to_the_recipients_that_still_hold_the_document(connect: Connect) -> None:
    sender = connect(PROVINCE)
    ids = sender.send(document(6), "edoc", "k").doc_ids
    home, finance = connect(HOME_AFFAIRS), connect(FINANCE)
    finance.send(status("02", number=6, sender=FINANCE), "status", "rejected")  # gave it back
    recall = status("13", number=6, sender=PROVINCE, description="Sai thể thức")
    answer = sender.send(recall, "status", "recall-6")
    assert set(answer.doc_ids) == {HOME_AFFAIRS}  # not to Finance, which rejected it
    [item] = home.list_received(MessageType.STATUS).items
    assert item.sender == PROVINCE and item.doc_id == answer.doc_ids[HOME_AFFAIRS]
    assert sender.list_received(MessageType.STATUS).items[0].sender == FINANCE  # only its 02
    before = sender.sent_status()
    row = {d.recipient: d for d in before.items}[HOME_AFFAIRS]
    assert (row.doc_id, row.status_code) == (ids[HOME_AFFAIRS], "13")
    # The recipient's answer goes back the usual way, to the document's sender.
    home.send(status("15", number=6, description="Đồng ý thu hồi"), "status", "agree-6")
    changes = {d.recipient: d for d in sender.sent_status(after=before.next).items}
    assert changes[HOME_AFFAIRS].status_code == "15"
    assert [i.sender for i in sender.list_received(MessageType.STATUS).items] == [
        FINANCE,
        HOME_AFFAIRS,
    ]


def test_a_recall_of_nothing_or_of_anothers_document_is_refused(connect: Connect) -> None:
    sender = connect(PROVINCE)
    with pytest.raises(PackageRefused, match="no recipient holds"):
        sender.send(status("13", number=77, sender=PROVINCE), "status", "r1")
    connect(HOME_AFFAIRS).send(document(8, sender=HOME_AFFAIRS, recipients=(FINANCE,)),
                               "edoc", "k8")  # fmt: skip
    with pytest.raises(PackageRefused, match="sender's own"):
        sender.send(status("13", number=8, sender=PROVINCE, about_sender=HOME_AFFAIRS),
                    "status", "r2")  # fmt: skip
