"""The domain's labels go through Qt's translation system: app/ui/i18n/domain_labels.py lists
every label the UI shows from app/domain, the English catalogue has each one, and without a
translator the labels stay the domain's Vietnamese words."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.domain.kinds import DocumentKind
from app.domain.queues import QUEUES, STATE_LABELS, URGENCY_LABELS
from app.domain.roles import ACTION_LABELS, ROLE_LABELS
from app.domain.secrecy import SECRECY_LABELS
from app.domain.types import Urgency
from app.paths import resources_dir
from app.ui.i18n.domain_labels import CONTEXT, LABELS, domain_label, kind_label, urgency_label


def shown_domain_labels() -> set[str]:
    """Every label of app/domain that a widget shows."""
    return {
        *(spec.label for spec in QUEUES),
        *STATE_LABELS.values(),
        *URGENCY_LABELS,
        *SECRECY_LABELS.values(),
        *ROLE_LABELS.values(),
        *ACTION_LABELS.values(),
        *(kind.label for kind in DocumentKind),
    }


def test_every_domain_label_is_marked_for_translation() -> None:
    domain = shown_domain_labels()
    missing = sorted(domain - LABELS)
    # Add each to domain_labels.py, run `python -m app.ui.i18n.build` and translate it.
    assert [f'QT_TRANSLATE_NOOP("{CONTEXT}", "{text}"),' for text in missing] == []
    assert sorted(LABELS - domain) == []  # nothing left over from a renamed label


def test_english_catalogue_holds_every_domain_label() -> None:
    root = ET.parse(resources_dir() / "translations" / "vbdt_en.ts").getroot()
    catalogued = {
        message.findtext("source") or ""
        for context in root.iter("context")
        if context.findtext("name") == CONTEXT
        for message in context.iter("message")
    }
    assert sorted(LABELS - catalogued) == []


def test_without_translator_the_labels_are_the_domain_words() -> None:
    assert domain_label("Văn bản đến") == "Văn bản đến"
    assert urgency_label(Urgency.URGENT) == "Khẩn"
    assert urgency_label(len(URGENCY_LABELS)) == ""
    assert urgency_label(-1, unknown="-1") == "-1"
    assert kind_label(DocumentKind.TO_TRINH) == "Tờ trình"
