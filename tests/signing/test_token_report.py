"""``token_list_report``: JSON-ready data for ``python -m app token list``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.signing.tokens import token_list_report
from tests.signing.conftest import LEADER_CN, LEADER_ID, SoftHsm


@pytest.mark.softhsm
def test_report_lists_tokens_and_certificates(softhsm: SoftHsm, tmp_path: Path) -> None:
    missing = tmp_path / "vnptca_p11_v10.dll"
    report = token_list_report([softhsm.module, missing])
    json.dumps(report)  # JSON-serialisable as it is
    hsm, broken = report
    assert hsm["error"] is None and broken["tokens"] == []
    assert broken["error"].startswith("token_driver_error")
    tokens = {t["serial"]: t for t in hsm["tokens"]}
    leader = tokens[softhsm.leader.serial]
    cert = next(c for c in leader["certificates"] if c["cka_id"] == LEADER_ID.hex())
    assert cert["subject_cn"] == LEADER_CN and "VBĐT Demo CA" in cert["issuer"]
    assert cert["not_before"] < cert["not_after"] and cert["usable_for_signing"]
    assert "TOKEN_INITIALIZED" in leader["flags"] and leader["pin_state"] in ("ok", "count_low")
