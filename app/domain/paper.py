"""Paper copies: which kinds must still travel with a paper copy, and the task it leaves open.

The provincial office publishes a list of document kinds that are sent electronically AND on
paper. The list is a setting (``paper_copy_kinds``: kind codes such as "QĐ", "CV"); for those kinds
the edXML ``Paper`` flag is 1 and the document keeps a "paper copy sent?" task until a clerk
confirms it. (Secret documents are not concerned: they never go electronically at all.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.kinds import DocumentKind, kind_from_code

# (check) The province's list is not known here: by default no kind needs a paper copy.
DEFAULT_PAPER_COPY_CODES: tuple[str, ...] = ()


@dataclass(frozen=True)
class PaperCopyPolicy:
    kinds: frozenset[DocumentKind] = field(default_factory=frozenset)

    @classmethod
    def from_codes(cls, codes: Iterable[str]) -> PaperCopyPolicy:
        """Build the policy from the setting's codes; an unknown code raises InvalidInput."""
        return cls(frozenset(kind_from_code(code) for code in codes))

    def needs_paper_copy(self, kind: DocumentKind) -> bool:
        return kind in self.kinds

    def paper_flag(self, kind: DocumentKind) -> int:
        """The edXML ``Bussiness/Paper`` value: 1 when a paper copy is also sent."""
        return 1 if kind in self.kinds else 0

    def paper_copy_pending(self, kind: DocumentKind, confirmed_at: datetime | None) -> bool:
        """Whether the "paper copy sent?" task is still open for a sent document."""
        return self.needs_paper_copy(kind) and confirmed_at is None
