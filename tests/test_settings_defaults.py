"""The machine-wide defaults file (VBDT_DEFAULTS_FILE) an IT officer deploys, overridden per user.

docs/admin-guide.md shows the same file: platform URL, agency, token drivers, shared database.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import settings as S
from app.errors import ConfigError
from app.services.workspace import open_workspace

FLEET = {
    "platform_url": "https://lienthong.dienbien.gov.vn/api/v1",
    "platform_system_id": "VBDT-DB-01",
    "agency_code": "000.00.00.H18",
    "token_modules": [r"C:\Windows\System32\viettel-ca_v6.dll", r"C:\Windows\System32\BkavCA.dll"],
    "db_url": "",
}


@pytest.fixture
def defaults_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "machine" / "defaults.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"version": 1, "values": FLEET}), encoding="utf-8")
    monkeypatch.setenv("VBDT_DEFAULTS_FILE", str(path))
    return path


def _write_user(data_dir: Path, values: dict[str, object]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    payload = {"version": 1, "values": values}
    (data_dir / S.SETTINGS_FILE).write_text(json.dumps(payload), encoding="utf-8")


def test_machine_defaults_apply_and_the_user_file_wins(defaults_file: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    _write_user(user, {"agency_code": "000.00.01.H18", "language": "en"})
    settings = S.Settings(user)
    assert settings.get(S.PLATFORM_URL) == FLEET["platform_url"]
    assert settings.get(S.TOKEN_MODULES) == FLEET["token_modules"]
    assert settings.get(S.AGENCY_CODE) == "000.00.01.H18"  # the user's own value wins
    assert settings.get(S.LANGUAGE) == "en"
    assert settings.get(S.LOG_LEVEL) == S.LOG_LEVEL.default  # in neither file


def test_a_workspace_opens_with_the_machine_defaults(defaults_file: Path, tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "fresh")
    try:
        assert ws.settings.get(S.PLATFORM_SYSTEM_ID) == "VBDT-DB-01"
    finally:
        ws.close()


def test_no_defaults_file_means_built_in_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VBDT_DEFAULTS_FILE", raising=False)
    assert S.Settings(tmp_path).get(S.PLATFORM_URL) == S.PLATFORM_URL.default


def test_a_broken_defaults_file_is_named_in_the_error(defaults_file: Path, tmp_path: Path) -> None:
    defaults_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="defaults.json"):
        S.Settings(tmp_path)


def test_a_wrongly_typed_default_is_refused(defaults_file: Path, tmp_path: Path) -> None:
    defaults_file.write_text(json.dumps({"values": {"token_modules": "one.dll"}}), "utf-8")
    with pytest.raises(ConfigError, match="token_modules"):
        S.Settings(tmp_path)


def test_saving_a_user_setting_does_not_freeze_the_machine_defaults(
    defaults_file: Path, tmp_path: Path
) -> None:
    user = tmp_path / "user"
    user.mkdir()
    settings = S.Settings(user)
    settings.set(S.LANGUAGE, "en")
    settings.save()
    saved = json.loads((user / S.SETTINGS_FILE).read_text(encoding="utf-8"))["values"]
    assert saved == {"language": "en"}
    # The IT officer moves the platform: the user who saved a preference follows.
    moved = dict(FLEET, platform_url="https://lienthong-moi.dienbien.gov.vn/api/v1")
    defaults_file.write_text(json.dumps({"values": moved}), encoding="utf-8")
    assert S.Settings(user).get(S.PLATFORM_URL) == moved["platform_url"]
