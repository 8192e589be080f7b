"""The benchmark suites; importing this package registers them in run order.

A new suite is a module here with ``@suite("name", title=..., targets=...)`` functions taking a
``Config`` and returning ``list[Result]``; add its import below (planned: verification, sync,
GUI start/search, reports).
"""

from bench import sync_bench  # noqa: F401 - registers the "sync" suite
from bench.suites import gui, reports, search, signing, verification  # noqa: F401

__all__ = ["gui", "reports", "search", "signing", "verification"]
