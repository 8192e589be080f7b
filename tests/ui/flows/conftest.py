"""Scripted answers for the action dialogs, and a main window over the office workspace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.ui.dialogs.action_forms import AssignInput
from tests.ui.document.conftest import office, signed_bytes, ui_kit

__all__ = ["ScriptedPrompts", "office", "signed_bytes", "ui_kit"]


@dataclass
class ScriptedPrompts:
    """Answers every question at once and records what was asked."""

    texts: list[str] = field(default_factory=list)
    assign_answer: AssignInput | None = None
    asked: list[str] = field(default_factory=list)
    suggested: list[date] = field(default_factory=list)

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return True

    def text(self, title: str, prompt: str, *, required: bool = True) -> str | None:
        self.asked.append(prompt)
        return self.texts.pop(0) if self.texts else ("" if not required else None)

    def assign(self, people: Any, calendar: Any, today: date, suggested: Any = None) -> Any:
        self.asked.append("assign:" + ",".join(p.username for p in people))
        self.suggested.append(calendar.add_working_days(today, 7))
        return self.assign_answer
