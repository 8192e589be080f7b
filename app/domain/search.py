"""Diacritic-insensitive matching for Vietnamese: "dien bien" finds "Điện Biên".

Unicode decomposition removes tone and vowel marks, but "đ" is a letter of its own (U+0111), not
a "d" with a mark, so it is mapped by hand.
"""

from __future__ import annotations

import unicodedata

_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold_for_search(text: str) -> str:
    """Lower-case, marks removed, đ → d, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTER_MAP))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Lower-casing once more settles the few letters whose bare form has a case of its own.
    return " ".join(bare.lower().translate(_LETTER_MAP).split())


def matches(query: str, folded_text: str) -> bool:
    """Every word of the query appears in the (already folded) text."""
    return all(word in folded_text for word in fold_for_search(query).split())
