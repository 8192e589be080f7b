"""Why the extra rules exist: pyhanko 0.38 on its own accepts these attack files.

If pyhanko starts catching one of them, this test fails: good news; keep our rule (defence in
depth) and update docs/verification.md.
"""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from tests.verify import factory
from tests.verify.attacks import ATTACKS
from tests.verify.conftest import Kit

MISSED = [
    "isa_objects_and_old_startxref",
    "hidden_object_in_update",
    "shadow_hide",
    "shadow_replace",
    "empty_signature_field_over_text",
]


@pytest.mark.parametrize("name", MISSED)
def test_pyhanko_alone_calls_it_fine(kit: Kit, name: str) -> None:
    data = kit.cached(f"attack:{name}", lambda: ATTACKS[name].build(kit))
    reader = PdfFileReader(io.BytesIO(data))
    root = factory.asn1_cert(kit.pki.root)
    for sig in reader.embedded_regular_signatures:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))
        assert status.intact and status.valid and status.trusted and status.docmdp_ok
        assert status.modification_level in (ModificationLevel.NONE, ModificationLevel.FORM_FILLING)
