"""How to sign: the PAdES level (B-T by default, with what happens offline said plainly), the
timestamp server, the signature image and where signed copies are saved. Remembered in the
signing preferences (never a PIN).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services.signing import SignOptions
from app.signing.pades import Level, Role
from app.ui.signing.placement_model import Proposal
from app.ui.signing.prefs import SigningPrefs


class SignOptionsPanel(QGroupBox):
    """Level, timestamp server, signature image, output folder."""

    def __init__(
        self,
        prefs: SigningPrefs,
        default_out: Path,
        default_image: Path | None,
        parent: QWidget | None = None,
        *,
        show_output: bool = True,
        image_label: str = "",
        image_key: str = "image",
    ) -> None:
        super().__init__(self.tr("Cách ký"), parent)
        self.prefs = prefs
        self.image_key = image_key  # the seal is remembered apart from the leader's image
        self.level = QComboBox(self)
        self.level.addItem(self.tr("Có dấu thời gian (B-T) — khuyến nghị"), Level.B_T.value)
        self.level.addItem(self.tr("Dài hạn (B-LT) — kèm thông tin thu hồi"), Level.B_LT.value)
        self.level.addItem(self.tr("Không dấu thời gian (B-B)"), Level.B_B.value)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.tsa = QLineEdit(str(prefs.option("tsa_url", prefs.default_tsa_url())), self)
        self.tsa.setPlaceholderText(self.tr("Địa chỉ máy chủ dấu thời gian"))
        saved_image = prefs.option(image_key)  # "" means "no image", chosen on purpose
        image = default_image if saved_image is None else Path(saved_image) if saved_image else None
        self.image = QLineEdit(self)
        self.image.setReadOnly(True)
        self.image.setPlaceholderText(self.tr("Không dùng ảnh chữ ký"))
        self._image: Path | None = None
        self.set_image(image if image and image.is_file() else None)
        self.out_dir = QLineEdit(str(prefs.option("out_dir") or default_out), self)
        self.out_dir.setReadOnly(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Mức ký:"), self.level)
        form.addRow(self.explain)
        form.addRow(self.tr("Máy chủ dấu thời gian:"), self.tsa)
        form.addRow(
            image_label or self.tr("Ảnh chữ ký:"),
            self._with_buttons(
                self.image,
                [
                    (self.tr("Chọn…"), self._choose_image),
                    (self.tr("Bỏ"), lambda: self.set_image(None)),
                ],
            ),
        )
        if show_output:  # a workflow keeps what it signs in the document store instead
            form.addRow(
                self.tr("Lưu bản đã ký vào:"),
                self._with_buttons(self.out_dir, [(self.tr("Chọn…"), self._choose_out_dir)]),
            )
        else:
            self.out_dir.hide()
        saved_level = prefs.option("level", Level.B_T.value)
        self.level.setCurrentIndex(max(0, self.level.findData(saved_level)))
        self.level.currentIndexChanged.connect(self._level_changed)
        self._level_changed()

    def _with_buttons(self, edit: QLineEdit, buttons: list) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        for text, slot in buttons:
            button = QPushButton(text, box)
            button.clicked.connect(slot)
            row.addWidget(button)
        return box

    def _level_changed(self) -> None:
        level = Level(self.level.currentData())  # as chosen, before a missing server demotes it
        self.tsa.setEnabled(level.wants_timestamp)
        if level is Level.B_B:
            text = self.tr(
                "Chữ ký không có dấu thời gian: thời điểm ký chỉ do máy tính này ghi, "
                "không được bên thứ ba xác nhận."
            )
        else:
            text = self.tr(
                "Dấu thời gian chứng minh thời điểm ký. Nếu không kết nối được máy chủ "
                "dấu thời gian, văn bản vẫn được ký ngay (chưa có dấu thời gian) và sẽ "
                "được bổ sung tự động khi có mạng."
            )
        self.explain.setText(text)

    def _choose_image(self) -> None:
        start = str(self._image or "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn ảnh chữ ký"), start, self.tr("Ảnh PNG (*.png)")
        )
        if path:
            self.set_image(Path(path))

    def set_image(self, path: Path | None) -> None:
        # The name is what a person recognises; the full path is in the tooltip.
        self._image = path
        self.image.setText(path.name if path else "")
        self.image.setToolTip(str(path) if path else "")

    def _choose_out_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục lưu bản đã ký"), self.out_dir.text()
        )
        if path:
            self.out_dir.setText(path)

    # --- values -----------------------------------------------------------------------------
    def chosen_level(self) -> Level:
        level = Level(self.level.currentData())
        return level if level is Level.B_B or self.tsa_url() else Level.B_B

    def tsa_url(self) -> str | None:
        return self.tsa.text().strip() or None

    def image_path(self) -> Path | None:
        return self._image

    def output_root(self) -> Path:
        return Path(self.out_dir.text())

    def sign_options(self, role: Role, explicit: Proposal | None) -> SignOptions:
        """The services' options: these choices, plus the box when it is not automatic."""
        level = self.chosen_level()
        return SignOptions(
            role=role,
            level=level,
            image=self.image_path(),
            page=explicit.page + 1 if explicit else None,  # the services count pages from 1
            box=explicit.box if explicit else None,
            tsa_url=self.tsa_url() if level.wants_timestamp else None,
        )

    def remember(self) -> None:
        self.prefs.set_options(
            level=self.level.currentData(),
            tsa_url=self.tsa.text().strip(),
            out_dir=self.out_dir.text(),
            **{self.image_key: str(self._image or "")},
        )
