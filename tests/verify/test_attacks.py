"""Every generated attack lands on INVALID or CANNOT_VERIFY, decided by the named rule."""

from __future__ import annotations

import pytest

from app.domain.types import Verdict
from app.signing.verify import RevocationPolicy, verify_pdf
from tests.verify.attacks import ATTACKS
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_caught_by_its_rule(kit: Kit, name: str) -> None:
    attack = ATTACKS[name]
    data = kit.cached(f"attack:{name}", lambda: attack.build(kit))
    verdict = verify_pdf(data, trust=kit.trust, revocation=OFFLINE)
    assert verdict.overall in (Verdict.INVALID, Verdict.CANNOT_VERIFY)
    assert (verdict.overall, verdict.decided_by) == (attack.verdict, attack.rule), verdict.to_json()
