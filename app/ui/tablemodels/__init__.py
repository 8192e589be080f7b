"""Qt item models over frozen row snapshots (never ORM objects); each has a widget-free test."""

from app.ui.tablemodels.documents import COLUMNS, DocumentTableModel

__all__ = ["COLUMNS", "DocumentTableModel"]
