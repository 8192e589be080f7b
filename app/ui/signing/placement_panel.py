"""The preview with the signature box, the batch thumbnails, and the placement rules between them.

Holds the shared explicit box of a batch (``sign_folder`` takes one page + box for every file):
None means every document is signed where the engine finds its place (its own signature field,
or above the signer's name). A box the person drags is remembered for this kind of document.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.signing.pades import Role
from app.ui.pdf.preview import PdfPreview
from app.ui.signing.batch_review import BatchReview, ReviewDoc, prepare_review
from app.ui.signing.placement_model import Proposal, Source, propose
from app.ui.signing.placement_overlay import PlacementOverlay
from app.ui.signing.prefs import SigningPrefs


class PlacementPanel(QWidget):
    """Review (thumbnails for a batch), preview and the draggable box; ``ready`` when predicted."""

    ready = Signal()

    def __init__(
        self,
        paths: Sequence[Path],
        role: Role,
        kind: str,
        prefs: SigningPrefs,
        runner: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self.role, self.kind, self.prefs, self.runner = (
            list(paths),
            role,
            kind,
            prefs,
            runner,
        )
        self.docs: list[ReviewDoc] = []
        self.current = 0
        self.explicit: Proposal | None = None
        self.marker: str | None = None
        self._generation = 0
        self.review = BatchReview(self)
        batch = len(self.paths) > 1
        self.review.setVisible(batch)
        self.review_title = QLabel(
            self.tr("Xem lại vị trí chữ ký trên từng văn bản (bấm vào một trang để xem lớn):"), self
        )
        self.review_title.setVisible(batch)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.auto_button = QPushButton(self.tr("Vị trí tự động"), self)
        self.auto_button.setToolTip(self.tr("Bỏ vị trí đã kéo; ký vào chỗ ký có sẵn của văn bản"))
        self.auto_button.clicked.connect(self.use_automatic)
        self.preview = PdfPreview(self, runner=runner)
        self.overlay = PlacementOverlay(self.preview.view)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.auto_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.review_title)
        layout.addWidget(self.review)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        self.review.doc_chosen.connect(self.show_doc)
        self.preview.loaded.connect(self.show_box)
        self.overlay.moved.connect(self._moved)
        self.preview.load(self.paths[0])

    # --- predictions (worker) ---------------------------------------------------------------
    def predict(self, marker: str | None) -> None:
        """Ask the engine again (the signer's name is its marker when a draft has no field)."""
        self.marker = marker
        self._generation += 1
        generation, paths, role = self._generation, self.paths, self.role
        self.hint.setText(self.tr("Đang xác định vị trí chữ ký…"))
        self.runner.run(
            lambda: prepare_review(paths, role, marker),
            on_success=lambda docs: self._predicted(generation, docs),
            on_error=self._failed,
            kind="db",
            owner=self,
        )

    def _predicted(self, generation: int, docs: list[ReviewDoc]) -> None:
        if generation != self._generation:
            return  # a newer prediction (another certificate) is coming
        self.docs = docs
        if self.explicit is None or self.explicit.source is not Source.MOVED:
            remembered = self.prefs.box(self.kind, self.role.value)
            proposals = [propose(doc.prediction, remembered) for doc in docs]
            self.explicit = next((p for p in proposals if p.explicit), None)
        self.review.set_docs(docs, self.current)
        self.review.show_positions(self.explicit)
        self.show_box()
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        from app.ui.signing.results import plain_error

        why, detail = plain_error(exc)
        self.hint.setText(self.tr("Không đọc được văn bản: {why}").format(why=why))
        self.hint.setToolTip(detail)

    # --- showing ----------------------------------------------------------------------------
    def show_doc(self, index: int) -> None:
        if 0 <= index < len(self.paths) and index != self.current:
            self.current = index
            self.preview.load(self.paths[index])

    def proposal(self) -> Proposal | None:
        """The box of the document on screen: the shared explicit one, else its own."""
        if self.explicit is not None:
            return self.explicit
        if not self.docs:
            return None
        prediction = self.docs[self.current].prediction
        if prediction.box is None:
            return None
        source = Source.FIELD if prediction.how == "field" else Source.ENGINE
        return Proposal(prediction.page or 0, prediction.box, source)

    def show_box(self) -> None:
        proposal = self.proposal()
        if proposal is None:
            self.overlay.clear()
            self.hint.setText(self.tr("Chưa xác định được chỗ ký."))
            return
        self.preview.view.set_page(proposal.page)
        who = self.tr("Dấu cơ quan") if self.role is Role.AGENCY else self.tr("Chữ ký")
        self.overlay.set_box(
            proposal.page, proposal.box, who, warning=proposal.source is Source.DEFAULT
        )
        self.hint.setText(self._hint(proposal))
        rect = self.overlay.view_rect()
        if rect is not None:
            self.preview.view.ensure_visible(rect)
        self.auto_button.setEnabled(proposal.source in (Source.MOVED, Source.REMEMBERED))

    def _hint(self, proposal: Proposal) -> str:
        words = {
            Source.FIELD: self.tr("Ký vào ô chữ ký có sẵn trong văn bản."),
            Source.ENGINE: self.tr("Ký phía trên tên người ký (tự động)."),
            Source.REMEMBERED: self.tr("Vị trí đã dùng lần trước cho loại văn bản này."),
            Source.DEFAULT: self.tr(
                "Không tìm thấy chỗ ký trong văn bản: hãy kéo khung vào đúng "
                "chỗ (kéo góc để đổi cỡ)."
            ),
            Source.MOVED: self.tr("Vị trí bạn chọn (được ghi nhớ cho loại văn bản này)."),
        }
        text = words[proposal.source] + " " + self.tr("Trang {n}.").format(n=proposal.page + 1)
        if len(self.paths) > 1 and proposal.explicit:
            text += " " + self.tr("Vị trí này áp dụng cho mọi văn bản trong lô.")
        return text

    # --- the person moves the box -----------------------------------------------------------
    def _moved(self) -> None:
        if self.overlay.box is None or not self.docs:
            return
        page = self.preview.view.current_page()
        self.explicit = Proposal(page, self.overlay.box, Source.MOVED)
        count = self.docs[self.current].prediction.page_count
        self.prefs.remember_box(self.kind, self.role.value, count - 1 - page, self.overlay.box)
        self.review.show_positions(self.explicit)
        self.show_box()

    def use_automatic(self) -> None:
        self.prefs.forget_box(self.kind, self.role.value)
        self.explicit = None
        missing = [d for d in self.docs if d.prediction.box is None]
        if missing:  # the engine would fail on these: keep proposing a box to check
            self.explicit = propose(missing[0].prediction, None)
        self.review.show_positions(self.explicit)
        self.show_box()
