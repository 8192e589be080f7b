"""The demo tokens: ``demo init`` provisions SoftHSM2 tokens that ``token list`` and ``sign`` find
on their own; without SoftHSM2 the PKCS#12 stand-in works behind the same interface; and every
error code the token layer adds has its Vietnamese sentence in the one table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.demo.pki import generate_demo_pki, write_pki
from app.errors import PinIncorrect
from app.messages import describe, vi_texts
from app.services.demo_tokens import (
    DEMO_P12_PASSWORD,
    DEMO_TOKEN_PIN,
    PKI_DIR,
    provision_demo_tokens,
)
from app.services.signing import Pkcs12DemoToken, SignOptions, sign_pdf, signer_source
from app.services.tokens import (
    PKCS12_DEMO_MODULE,
    TokenHub,
    choose_modules,
    list_tokens,
    load_demo_token_config,
)
from app.signing.tokens import ScriptedPrompter
from app.signing.tokens.softhsm import DEMO_AGENCY_TOKEN_LABEL, DEMO_LEADER_TOKEN_LABEL
from app.signing.tokens.texts import VI_ERROR_TEXTS
from tests.integration.conftest import PIN_VAR, require_softhsm, run_app
from tests.pades.conftest import pyhanko_states
from tests.signing.conftest import tiny_pdf

LABELS = {"leader": DEMO_LEADER_TOKEN_LABEL, "agency": DEMO_AGENCY_TOKEN_LABEL}


@pytest.mark.softhsm
def test_demo_init_provisions_tokens_that_token_list_shows(tmp_path: Path) -> None:
    require_softhsm()
    data = tmp_path / "demo"
    init = run_app("--data-dir", str(data), "demo", "init")
    assert init.returncode == 0, init.stderr
    assert DEMO_LEADER_TOKEN_LABEL in init.stdout and "KHÔNG PHẢI TOKEN THẬT" in init.stdout
    config = load_demo_token_config(data)
    # "softhsm" also means the in-process check passed: provisioned, logged in, signed.
    assert config is not None and config.kind == "softhsm" and config.pin == DEMO_TOKEN_PIN
    assert config.softhsm_conf == data / "demo-token" / "softhsm2.conf"

    # No --module and no SOFTHSM2_CONF: the demo workspace supplies both.
    listed = run_app("--data-dir", str(data), "token", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert len(report) == 1 and report[0]["demo"] and report[0]["error"] is None
    tokens = {t["label"]: t for t in report[0]["tokens"]}
    assert set(tokens) == set(LABELS.values())
    for token in config.tokens:
        entry = tokens[LABELS[token.role]]
        assert entry["serial"] == token.serial and entry["note"]
        signing = [c for c in entry["certificates"] if c["usable_for_signing"]]
        assert [c["cka_id"] for c in signing] == [token.cka_id.hex()]
        assert not signing[0]["expired"] and not signing[0]["expiring_soon"]

    draft = data / "demo-images" / "draft.pdf"
    draft.write_bytes(tiny_pdf())
    signed = run_app(
        "--data-dir", str(data), "sign", str(draft), "-o", str(data / "signed.pdf"),
        "--token-label", DEMO_LEADER_TOKEN_LABEL, "--cert-id", "de00000001",
        "--pin-env", PIN_VAR, "--box", "300,500,500,580",
        env={PIN_VAR: DEMO_TOKEN_PIN},
    )  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    assert "Đã ký" in signed.stdout and "KHÔNG PHẢI TOKEN THẬT" not in signed.stdout


def test_pkcs12_stand_in_without_softhsm(tmp_path: Path) -> None:
    pki = generate_demo_pki()
    write_pki(pki, tmp_path / PKI_DIR, DEMO_P12_PASSWORD)
    config = provision_demo_tokens(tmp_path, pki, softhsm=False)
    assert config.kind == "pkcs12" and load_demo_token_config(tmp_path) == config

    modules = choose_modules(demo=config)
    assert [m.path for m in modules] == [PKCS12_DEMO_MODULE] and modules[0].demo
    with TokenHub() as hub:
        listed = list_tokens(hub, modules, demo=config)[0]
        assert {t.label for t in listed.tokens} == set(LABELS.values())
        assert all(t.demo and t.certificates[0].usable_for_signing for t in listed.tokens)
        source = signer_source(
            hub, [PKCS12_DEMO_MODULE], cert_id=bytes.fromhex("de00000001"),
            label=DEMO_LEADER_TOKEN_LABEL, demo=config,
        )  # fmt: skip
        assert isinstance(source, Pkcs12DemoToken)
        pdf = tmp_path / "draft.pdf"
        pdf.write_bytes(tiny_pdf())
        with pytest.raises(PinIncorrect):
            sign_pdf(source, ScriptedPrompter(["000000"]), pdf, tmp_path / "x.pdf", SignOptions())
        options = SignOptions(box=(300, 500, 500, 580))
        out = sign_pdf(source, ScriptedPrompter([config.pin]), pdf, tmp_path / "o.pdf", options)
    assert out.ok and not out.real_token
    status = next(iter(pyhanko_states(out.output, _asn1(pki.root.cert_der)).values()))
    assert status.intact and status.valid and status.trusted


def _asn1(der: bytes) -> object:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(der)


def test_token_error_codes_are_in_the_one_table() -> None:
    from app.errors import TokenError

    table = vi_texts()
    for code, sentence in VI_ERROR_TEXTS.items():
        assert table[code] == sentence

        class Coded(TokenError):
            pass

        Coded.code = code
        assert describe(Coded("detail")).startswith(sentence)
