"""Secret documents stay off the platform; some kinds travel with a paper copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.calendar import VN_TZ
from app.domain.kinds import DocumentKind
from app.domain.paper import DEFAULT_PAPER_COPY_CODES, PaperCopyPolicy
from app.domain.secrecy import (
    HANDLING_MARK_LABELS,
    SECRECY_LABELS,
    HandlingMark,
    check_can_send,
    is_secret,
)
from app.domain.types import Secrecy
from app.errors import InvalidInput, SecrecyViolation

K = DocumentKind


def test_ordinary_documents_may_be_sent() -> None:
    check_can_send(Secrecy.NONE)
    assert not is_secret(Secrecy.NONE)


@pytest.mark.parametrize(
    ("secrecy", "label"),
    [(Secrecy.MAT, "Mật"), (Secrecy.TOI_MAT, "Tối mật"), (Secrecy.TUYET_MAT, "Tuyệt mật")],
)
def test_secret_documents_are_refused_with_a_vietnamese_message(
    secrecy: Secrecy, label: str
) -> None:
    assert is_secret(secrecy)
    with pytest.raises(SecrecyViolation) as caught:
        check_can_send(secrecy)
    error = caught.value
    assert f"«{label}»" in error.message
    assert "không được gửi qua trục liên thông" in error.message
    assert error.params == {"secrecy": secrecy.value, "label": label}
    assert error.code == "secrecy_violation"


def test_labels() -> None:
    assert set(SECRECY_LABELS) == set(Secrecy)
    assert HANDLING_MARK_LABELS[HandlingMark.RETURN_AFTER_READING] == "XEM XONG TRẢ LẠI"
    assert HANDLING_MARK_LABELS[HandlingMark.INTERNAL_CIRCULATION] == "LƯU HÀNH NỘI BỘ"


def test_paper_copy_catalogue_from_the_setting() -> None:
    policy = PaperCopyPolicy.from_codes(["QD", "CV", "ĐA"])
    assert policy.kinds == {K.QUYET_DINH, K.CONG_VAN, K.DE_AN}
    assert policy.paper_flag(K.QUYET_DINH) == 1
    assert policy.paper_flag(K.CONG_VAN) == 1
    assert policy.paper_flag(K.DU_AN) == 0
    assert policy.paper_flag(K.BAO_CAO) == 0


def test_the_paper_copy_task_stays_open_until_confirmed() -> None:
    policy = PaperCopyPolicy.from_codes(["QĐ"])
    assert policy.paper_copy_pending(K.QUYET_DINH, None)
    assert not policy.paper_copy_pending(K.QUYET_DINH, datetime(2025, 3, 5, 9, tzinfo=VN_TZ))
    assert not policy.paper_copy_pending(K.BAO_CAO, None)


def test_default_catalogue_is_empty_and_bad_codes_are_refused() -> None:
    assert PaperCopyPolicy.from_codes(DEFAULT_PAPER_COPY_CODES).kinds == frozenset()
    assert PaperCopyPolicy().paper_flag(K.QUYET_DINH) == 0
    with pytest.raises(InvalidInput):
        PaperCopyPolicy.from_codes(["QĐ", "XYZ"])
