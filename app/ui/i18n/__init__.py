"""Interface languages: Vietnamese is the source language (no translator needed for our texts,
plus ``qtbase_vi`` for Qt's own buttons: OK → Đồng ý …); English loads ``vbdt_en``.

The ``.qm`` files live in ``resources/translations`` (built by ``python -m app.ui.i18n.build``);
domain labels (queue, state, kind names …) are translated through ``domain_labels``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from app.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
_FILES = {"vi": ("qtbase_vi",), "en": ("vbdt_en",)}


def install_translators(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Install the translators for ``language`` (unknown codes fall back to Vietnamese).

    Keep the returned list alive as long as the translations are wanted.
    """
    app = app or QCoreApplication.instance()
    code = language if language in LANGUAGES else "vi"
    installed = []
    folder = resources_dir() / "translations"
    for name in _FILES[code]:
        translator = QTranslator(app)
        if not translator.load(name, str(folder)):
            log.warning("translation %s not found in %s", name, folder)
            continue
        if app is not None:
            app.installTranslator(translator)
        installed.append(translator)
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    app = QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)
