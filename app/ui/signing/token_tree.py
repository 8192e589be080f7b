"""Filling the token picker's widgets from a listing: token lines, certificate rows (each carrying
its ``TokenChoice``), the doctor's findings and the drivers table. Colours go with words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QTreeWidget, QTreeWidgetItem

from app.services.tokens import ModuleListing, TokenEntry
from app.signing.tokens import PinState
from app.ui.signing import style
from app.ui.signing.diagnosis import (
    Diagnosis,
    Severity,
    certificate_status,
    expiry_date,
    module_name,
    source_text,
)
from app.ui.signing.session import TokenChoice

CHOICE_ROLE = Qt.ItemDataRole.UserRole
_BACKGROUND = {Severity.WARNING: style.WARNING_BACKGROUND, Severity.ERROR: style.ERROR_BACKGROUND}


# lupdate reads translate("Context", "text") literally: keep both arguments literal.
translate = QCoreApplication.translate


def add_token(tree: QTreeWidget, listing: ModuleListing, token: TokenEntry) -> None:
    """A token line (spanning the columns) and its certificates, choosable when usable."""
    pin_words = {
        PinState.COUNT_LOW.value: (
            Severity.WARNING,
            translate("TokenPanel", "Đã có lần nhập sai PIN"),
        ),
        PinState.FINAL_TRY.value: (Severity.ERROR, translate("TokenPanel", "Còn 1 lần nhập PIN")),
        PinState.LOCKED.value: (Severity.ERROR, translate("TokenPanel", "Đã khóa PIN")),
    }
    severity, status = pin_words.get(token.pin_state, (Severity.OK, ""))
    # The demo warning first: a long line is cut at its end, never there.
    parts = [translate("TokenPanel", "USB token “{label}”").format(label=token.label)]
    if token.demo:
        parts.append(translate("TokenPanel", "Demo — không phải token thật"))
        severity = max(severity, Severity.WARNING)
    parts += [status] if status else []
    parts.append(translate("TokenPanel", "số sê-ri {serial}").format(serial=token.serial))
    parts.append(module_name(listing))
    top = QTreeWidgetItem([" · ".join(parts)])
    top.setToolTip(0, top.text(0))
    font = top.font(0)
    font.setBold(True)
    top.setFont(0, font)
    top.setFlags(Qt.ItemFlag.ItemIsEnabled)
    paint(top, severity, 0)
    tree.addTopLevelItem(top)
    top.setFirstColumnSpanned(True)  # the token's line is long; certificates use the columns
    blocked = token.pin_state in (PinState.FINAL_TRY.value, PinState.LOCKED.value)
    for cert in (c for c in token.certificates if not c.is_ca):
        sev, words = certificate_status(cert)
        item = QTreeWidgetItem([cert.subject_cn, cert.issuer_cn, expiry_date(cert), words])
        item.setToolTip(0, cert.subject)
        item.setToolTip(1, cert.issuer)
        item.setToolTip(3, "\n".join(p.message for p in cert.problems))
        choice = TokenChoice(
            listing.module.path,
            token.serial,
            token.label,
            cert.cka_id,
            cert.subject_cn,
            token.demo,
        )
        item.setData(0, CHOICE_ROLE, choice)
        usable = cert.usable_for_signing and not blocked
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item.setFlags(flags if usable else Qt.ItemFlag.NoItemFlags)
        paint(item, sev, 3)
        top.addChild(item)


def paint(item: QTreeWidgetItem, severity: Severity, column: int) -> None:
    colour = _BACKGROUND.get(severity)
    if colour:
        item.setBackground(column, QBrush(QColor(colour)))


def fill_findings(view: QListWidget, findings: Sequence[Diagnosis]) -> None:
    icons = {
        Severity.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
        Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    }
    view.clear()
    for finding in findings:
        item = QListWidgetItem(view.style().standardIcon(icons[finding.severity]), finding.text)
        if finding.detail:
            item.setToolTip(finding.detail)
        view.addItem(item)


def fill_drivers(tree: QTreeWidget, listings: Sequence[ModuleListing]) -> None:
    tree.clear()
    for listing in listings:
        state = listing.error or translate("TokenPanel", "{n} token").format(n=len(listing.tokens))
        item = QTreeWidgetItem(
            [
                module_name(listing),
                source_text(listing.module.source),
                state,
                listing.module.path,
            ]
        )
        item.setToolTip(2, state)
        paint(item, Severity.ERROR if listing.error else Severity.OK, 2)
        tree.addTopLevelItem(item)
    for column in range(3):
        tree.resizeColumnToContents(column)
