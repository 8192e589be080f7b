"""Guard against PySide6 6.12.0's lost references to None on Python 3.11.

Measured here: every call of a void Qt method from Python drops one reference to ``None``;
after about 5,000 ``QLabel.setText`` calls CPython 3.11 aborts with "none_dealloc" (a clerk's
session makes that many calls in minutes). PySide6 6.11.3 does not do it, but QtPdf for 6.11
only ships inside pyside6-addons (WebEngine and all); Python 3.12 made ``None`` immortal, but
Debian 12 and the office PCs run 3.11. So, on 3.11 only, ``None`` is given 2**40 references up
front: it is a static object that is never freed, so this changes nothing else.
Remove when PySide6 is fixed or the app moves to Python >= 3.12.
"""

from __future__ import annotations

import sys

_done = False


def keep_none_alive() -> None:
    global _done
    if sys.version_info >= (3, 12) or _done:
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40  # ob_refcnt, CPython's first field
    _done = True
