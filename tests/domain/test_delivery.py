"""Per-recipient delivery statuses of a sent document."""

from __future__ import annotations

import pytest

from app.domain.delivery import Delivery, apply_status, request_change
from app.domain.status_codes import ChangeRequest, StatusCode
from app.errors import InvalidTransition

C = StatusCode


def run(*codes: StatusCode, start: Delivery | None = None) -> Delivery:
    delivery = start or Delivery()
    for code in codes:
        delivery = apply_status(delivery, code)
    return delivery


def test_progress_in_order() -> None:
    assert run().label == "Đang chờ"
    assert run(C.ARRIVED, C.ACCEPTED, C.ASSIGNED, C.PROCESSING, C.COMPLETED).status is C.COMPLETED


def test_progress_never_moves_back() -> None:
    assert run(C.ASSIGNED, C.ACCEPTED, C.ARRIVED).status is C.ASSIGNED
    assert run(C.COMPLETED, C.PROCESSING).status is C.COMPLETED
    assert run(C.PROCESSING, C.PROCESSING).status is C.PROCESSING  # repeated updates are fine
    assert run(C.ARRIVED, C.COMPLETED).status is C.COMPLETED  # skipped steps are fine


def test_rejection() -> None:
    rejected = run(C.ARRIVED, C.REJECTED)
    assert rejected.status is C.REJECTED
    assert run(C.ACCEPTED, start=rejected).status is C.REJECTED
    assert run(C.COMPLETED, C.REJECTED).status is C.COMPLETED
    with pytest.raises(InvalidTransition):
        request_change(rejected, ChangeRequest.RECALL)


@pytest.mark.parametrize("change", list(ChangeRequest))
def test_a_request_waits_for_its_answer(change: ChangeRequest) -> None:
    asked = request_change(run(C.ACCEPTED), change)
    assert asked.request_pending
    assert asked.label.startswith("Chờ trả lời yêu cầu")
    with pytest.raises(InvalidTransition):
        request_change(asked, ChangeRequest.RECALL)
    assert run(C.PROCESSING, start=asked).request_pending  # progress still recorded
    agreed = run(C.AGREED, start=asked)
    assert not agreed.request_pending
    assert agreed.withdrawn is (change is not ChangeRequest.UPDATE)
    refused = run(C.REFUSED, start=asked)
    assert not refused.withdrawn and refused.answer is C.REFUSED
    assert refused.label.endswith("từ chối")


def test_answers_without_a_request_and_the_senders_own_code_are_refused() -> None:
    for code in (C.AGREED, C.REFUSED, C.RECALL_REQUESTED):
        with pytest.raises(InvalidTransition):
            apply_status(Delivery(C.ACCEPTED), code)


def test_a_withdrawn_document_cannot_be_asked_again_but_an_updated_one_can() -> None:
    recalled = run(C.AGREED, start=request_change(Delivery(C.ACCEPTED), ChangeRequest.RECALL))
    with pytest.raises(InvalidTransition):
        request_change(recalled, ChangeRequest.UPDATE)
    updated = run(C.AGREED, start=request_change(Delivery(C.ACCEPTED), ChangeRequest.UPDATE))
    assert request_change(updated, ChangeRequest.RECALL).request_pending
