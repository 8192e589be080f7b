"""The plain prompters (environment variable, terminal, scripted) and the attempt counter file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.signing.tokens import (
    EnvPinPrompter,
    MessageLevel,
    PinRequest,
    PinState,
    ScriptedPrompter,
    TtyPinPrompter,
)
from app.signing.tokens.attempts import AttemptCounter
from app.signing.tokens.pin import ScriptExhausted

REQUEST = PinRequest("Lãnh đạo", "S1", PinState.OK, False, 0)


def test_env_prompter(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    prompter = EnvPinPrompter("VBDT_TEST_PIN", stream=out)
    monkeypatch.setenv("VBDT_TEST_PIN", "123456")
    assert prompter.get_pin(REQUEST) == "123456"
    assert "123456" not in repr(prompter)
    monkeypatch.delenv("VBDT_TEST_PIN")
    with pytest.raises(InvalidInput):
        prompter.get_pin(REQUEST)
    assert prompter.confirm("Thử lại?") is False  # a script never walks into a lockout
    assert EnvPinPrompter("X", stream=out, assume_yes=True).confirm("Thử lại?") is True
    assert "Thử lại?" in out.getvalue()


def test_tty_prompter() -> None:
    prompts: list[str] = []
    prompter = TtyPinPrompter(
        stream=io.StringIO(),
        read_secret=lambda p: prompts.append(p) or "9999",
        read_line=lambda p: "c",
    )
    assert prompter.get_pin(REQUEST) == "9999" and "Lãnh đạo" in prompts[0]
    assert prompter.confirm("?") is True

    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    cancelled = TtyPinPrompter(stream=io.StringIO(), read_secret=interrupted, read_line=interrupted)
    assert cancelled.get_pin(REQUEST) is None and cancelled.confirm("?") is False


def test_scripted_prompter_records_and_runs_out() -> None:
    prompter = ScriptedPrompter(["1"], confirms=[True])
    assert prompter.get_pin(REQUEST) == "1" and prompter.confirm("q")
    prompter.show_message("m", MessageLevel.INFO)
    assert [name for name, _ in prompter.calls] == ["get_pin", "confirm", "show_message"]
    assert "'1'" not in repr(prompter)
    with pytest.raises(ScriptExhausted):
        prompter.get_pin(REQUEST)


def test_attempt_counter_persists_and_survives_damage(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "attempts.json"
    counter = AttemptCounter(path)
    assert counter.record_failure("S1") == 1 and counter.record_failure("S1") == 2
    assert AttemptCounter(path).failures("S1") == 2  # a restart does not forget
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["tokens"]["S1"]) == {"failures", "last_failure"}
    counter.reset("S1")
    assert AttemptCounter(path).failures("S1") == 0
    path.write_text("{not json", encoding="utf-8")
    assert AttemptCounter(path).failures("S1") == 0
    memory = AttemptCounter(None)
    memory.record_failure("S2")
    assert memory.failures("S2") == 1
