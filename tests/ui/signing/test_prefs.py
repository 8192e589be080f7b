"""The signing window's remembered choices: the TSA offered first follows the workspace setting."""

from __future__ import annotations

from pathlib import Path

from app import settings as S
from app.settings import Settings
from app.ui.signing.prefs import DEFAULT_TSA_URL, SigningPrefs


def test_tsa_defaults_to_the_government_ca_then_the_setting_then_the_last_choice(
    tmp_path: Path,
) -> None:
    assert SigningPrefs(tmp_path).default_tsa_url() == DEFAULT_TSA_URL

    settings = Settings(tmp_path)
    settings.set(S.TSA_URL, "http://tsa.tinh.example/tsr")
    settings.save()
    prefs = SigningPrefs(tmp_path)
    assert prefs.default_tsa_url() == "http://tsa.tinh.example/tsr"
    # What the signer typed last time wins over both (the panel reads option() first).
    prefs.set_options(tsa_url="http://khac.example/tsa")
    assert SigningPrefs(tmp_path).option("tsa_url", prefs.default_tsa_url()) == (
        "http://khac.example/tsa"
    )
