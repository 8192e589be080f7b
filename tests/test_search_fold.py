from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.search import fold_for_search, matches


def test_vietnamese_folds_to_plain_letters() -> None:
    assert fold_for_search("Điện Biên") == "dien bien"
    assert fold_for_search("QUYẾT ĐỊNH  về việc") == "quyet dinh ve viec"
    assert fold_for_search("Hỏa tốc, Thượng khẩn") == "hoa toc, thuong khan"
    # decomposed input (as some Mac and Word exports produce) folds the same
    assert fold_for_search("Đie\u0323\u0302n") == fold_for_search("Điện")


def test_matches_all_words_in_any_order() -> None:
    text = fold_for_search("Quyết định về việc thành lập Ban chỉ đạo tỉnh Điện Biên")
    assert matches("dien bien quyet dinh", text)
    assert matches("Điện", text)
    assert not matches("lai chau", text)


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    once = fold_for_search(text)
    assert fold_for_search(once) == once
