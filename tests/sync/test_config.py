"""Where the engine finds the platform secret: environment, a 0600 file, the demo sandbox."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app import settings as S
from app.errors import ConfigError
from app.settings import Settings
from app.sync.engine import SECRET_ENV, resolve_connection, write_secret_file


def _settings(tmp_path: Path, **values: object) -> Settings:
    settings = Settings(tmp_path)
    settings.set(S.PLATFORM_SYSTEM_ID, "000.00.00.H18")
    for key, value in values.items():
        settings.set(S.REGISTRY[key], value)
    return settings


def test_the_environment_wins_then_the_file(tmp_path: Path) -> None:
    settings = _settings(tmp_path, platform_url="http://platform.example/api/v1")
    write_secret_file(tmp_path, "from-file")
    conn = resolve_connection(tmp_path, settings, environ={SECRET_ENV: " from-env "})
    assert (conn.secret, conn.secret_source) == ("from-env", "env")
    conn = resolve_connection(tmp_path, settings, environ={})
    assert (conn.secret, conn.secret_source) == ("from-file", "file")
    assert conn.base_url == "http://platform.example/api/v1" and conn.system_id == "000.00.00.H18"
    assert "from-file" not in repr(conn)
    if os.name == "posix":
        assert (tmp_path / "platform-secret").stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_secret_file_others_can_read_is_refused(tmp_path: Path) -> None:
    write_secret_file(tmp_path, "s")
    (tmp_path / "platform-secret").chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        resolve_connection(tmp_path, _settings(tmp_path), environ={})


def test_a_demo_workspace_reads_the_sandboxs_secrets(tmp_path: Path) -> None:
    (tmp_path / "sandbox").mkdir()
    (tmp_path / "sandbox" / "secrets.json").write_text(
        json.dumps(
            {"baseUrl": "http://127.0.0.1:9999/api/v1", "systems": {"000.00.00.H18": "demo-secret"}}
        )  # fmt: skip
    )
    with pytest.raises(ConfigError, match=SECRET_ENV):
        resolve_connection(tmp_path, _settings(tmp_path), environ={})  # not a demo: refused
    conn = resolve_connection(tmp_path, _settings(tmp_path, demo=True), environ={})
    assert (conn.secret, conn.base_url) == ("demo-secret", "http://127.0.0.1:9999/api/v1")


def test_no_system_id_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="platform_system_id"):
        resolve_connection(tmp_path, Settings(tmp_path), environ={SECRET_ENV: "x"})


def test_the_catch_up_tsa_is_a_setting_and_the_environment_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli_sync import TSA_ENV, build_engine, tsa_setting
    from tests.sync.helpers import ScriptedTransport, bare_office

    ws = bare_office(tmp_path / "office", "000.00.00.H18")
    try:
        monkeypatch.delenv(TSA_ENV, raising=False)
        assert S.TSA_URL.default == "" and tsa_setting(ws) == ""  # none configured
        runtime = build_engine(ws, transport=ScriptedTransport(), workers=1)
        try:
            assert runtime.engine.catch_up is not None and runtime.engine.catch_up.ltv is None
        finally:
            runtime.close()
        ws.settings.set(S.TSA_URL, " http://tsa.example/ ")
        assert tsa_setting(ws) == "http://tsa.example/"
        runtime = build_engine(ws, transport=ScriptedTransport(), workers=1)
        try:
            ltv = runtime.engine.catch_up.ltv if runtime.engine.catch_up else None
            assert getattr(ltv, "tsa_url", None) == "http://tsa.example/"
        finally:
            runtime.close()
        monkeypatch.setenv(TSA_ENV, "http://drill.example/tsa")
        assert tsa_setting(ws) == "http://drill.example/tsa"
    finally:
        ws.close()
