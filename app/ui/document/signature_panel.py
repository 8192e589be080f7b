"""The signature panel: the document's overall verdict and one card per signature, each with a
"Xem bản đã ký" button that shows exactly the bytes that signer signed.

Extraction runs on the task runner; the revision is written to a temporary file that lives as
long as its preview window. Must not: decide a verdict (the engine does).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.types import Verdict
from app.signing.verify import DocumentVerdict, SignatureVerdict, extract_signed_revision
from app.ui.document import verdict_text as vt
from app.ui.errors import error_text
from app.ui.pdf.preview import PdfPreview


def _label(text: str, parent: QWidget, *, bold: bool = False, colour: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    style = []
    if bold:
        style.append("font-weight: bold")
    if colour:
        style.append(f"color: {colour}")
    if style:
        label.setStyleSheet("; ".join(style))
    return label


class SignatureCard(QFrame):
    """One signature in plain words; ``show_revision`` asks for the signed revision."""

    show_revision = Signal(str)  # field name

    def __init__(self, sig: SignatureVerdict, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sig = sig
        self.setObjectName("signatureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = vt.VERDICT_COLOURS[Verdict(sig.verdict)]
        self.setStyleSheet(f"#signatureCard {{ border-left: 4px solid {colour}; }}")
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        self.verdict_label = _label(
            self.tr("Chữ ký {n}: {verdict}").format(n=index, verdict=vt.verdict_word(sig.verdict)),
            self,
            bold=True,
            colour=colour,
        )
        layout.addWidget(self.verdict_label)
        lines = [
            self.tr("Người ký: {name}").format(name=vt.signer_name(sig)),
            self.tr("Ký với tư cách: {role}").format(role=vt.signer_role(str(sig.signer_kind))),
            self.tr("Thời điểm ký: {when}").format(when=vt.signed_when(sig)),
            vt.trust_line(sig),
            vt.revocation(str(sig.revocation_status)),
        ]
        changes = vt.changes_lines(sig)
        if changes:
            lines.append(self.tr("Thay đổi sau khi ký:"))
            lines += [self.tr("  • {line}").format(line=c) for c in changes]
        else:
            lines.append(self.tr("Không có thay đổi nào sau khi ký."))
        self.details = _label("\n".join(lines), self)
        layout.addWidget(self.details)
        reasons = vt.reason_lines(sig)
        if reasons:
            text = "\n".join(self.tr("– {reason}").format(reason=r) for r in reasons)
            self.reasons_label = _label(text, self)
            self.reasons_label.setStyleSheet("color: palette(placeholder-text)")
            layout.addWidget(self.reasons_label)
        self.revision_button = QPushButton(self.tr("Xem bản đã ký"), self)
        self.revision_button.setObjectName("showSignedRevision")
        self.revision_button.setToolTip(
            self.tr("Mở đúng phiên bản tệp mà người này đã ký, trước mọi thay đổi sau đó")
        )
        self.revision_button.clicked.connect(lambda: self.show_revision.emit(sig.field_name))
        layout.addWidget(self.revision_button, 0, Qt.AlignmentFlag.AlignLeft)


class RevisionWindow(QWidget):
    """A preview of one signed revision; deletes its temporary file when closed."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("signedRevisionWindow")
        self.setWindowTitle(title)
        self.path = path
        self.preview = PdfPreview(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        self.resize(820, 900)
        self.preview.load(path)
        self.destroyed.connect(lambda: path.unlink(missing_ok=True))


class SignaturePanel(QScrollArea):
    """The overall verdict and the signature cards for the current main file."""

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("signaturePanel")
        self.setWidgetResizable(True)
        self.source: Path | None = None
        self.verdict: DocumentVerdict | None = None
        self.cards: list[SignatureCard] = []
        self.windows: list[RevisionWindow] = []
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary = _label("", self._body, bold=True)
        self.summary.setObjectName("verdictSummary")
        self._layout.addWidget(self.summary)
        self.setWidget(self._body)

    def set_message(self, text: str) -> None:
        self._clear()
        self.summary.setStyleSheet("font-weight: bold")
        self.summary.setText(text)

    def set_verdict(self, verdict: DocumentVerdict, source: Path) -> None:
        self._clear()
        self.verdict, self.source = verdict, source
        colour = vt.VERDICT_COLOURS[Verdict(verdict.overall)]
        self.summary.setStyleSheet(f"font-weight: bold; color: {colour}")
        sigs = [s for s in verdict.signatures if str(s.kind) == "signature"]
        if not sigs:
            self.summary.setText(self.tr("Văn bản không có chữ ký số."))
            return
        presence = []
        if verdict.personal_signature_present:
            presence.append(self.tr("có chữ ký lãnh đạo"))
        if verdict.agency_signature_present:
            presence.append(self.tr("có chữ ký cơ quan"))
        self.summary.setText(
            self.tr("Kết quả kiểm tra: {verdict}{presence}").format(
                verdict=vt.verdict_word(verdict.overall),
                presence=(" — " + ", ".join(presence)) if presence else "",
            )
        )
        for i, sig in enumerate(sigs, 1):
            card = SignatureCard(sig, i, self._body)
            card.show_revision.connect(self.show_revision)
            self._layout.addWidget(card)
            self.cards.append(card)

    def _clear(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        self.verdict = None

    def show_revision(self, field_name: str) -> None:
        """Extract the revision ``field_name`` signed (worker) and show it in its own window."""
        source = self.source
        if source is None:
            return

        def extract() -> Path:
            data = extract_signed_revision(source, field_name)
            handle = tempfile.NamedTemporaryFile(prefix="vbdt-signed-", suffix=".pdf", delete=False)
            with handle:
                handle.write(data)
            return Path(handle.name)

        def shown(path: Path) -> None:
            title = self.tr("Bản đã ký – {field}").format(field=field_name)
            window = RevisionWindow(path, title, self.window())
            window.destroyed.connect(lambda: self.windows.remove(window))
            self.windows.append(window)
            window.show()

        self.runner.run(extract, on_success=shown, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Không xem được bản đã ký"), error_text(exc))
