"""edXML status codes and labels."""

from __future__ import annotations

import pytest

from app.domain.status_codes import (
    STATUS_LABELS,
    BusinessDocType,
    StatusCode,
    parse_status_code,
    status_label,
)
from app.errors import InvalidInput


def test_the_wire_values() -> None:
    assert [c.value for c in StatusCode] == ["01", "02", "03", "04", "05", "06", "13", "15", "16"]
    assert [int(t) for t in BusinessDocType] == [0, 1, 2, 3]


def test_labels() -> None:
    assert set(STATUS_LABELS) == set(StatusCode)
    assert status_label(StatusCode.ARRIVED) == "Đã đến"
    assert status_label(StatusCode.ACCEPTED) == "Đã tiếp nhận"
    assert status_label(StatusCode.COMPLETED) == "Hoàn thành"


@pytest.mark.parametrize(
    ("text", "code"), [("01", "01"), (" 6 ", "06"), ("13", "13"), ("16", "16")]
)
def test_parse(text: str, code: str) -> None:
    assert parse_status_code(text) == code


@pytest.mark.parametrize("text", ["", "00", "07", "14", "1a", "001"])
def test_parse_refuses(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_status_code(text)
