"""The codec's errors: ``PackageInvalid`` from the shared tree, and its one refinement.

Every refusal of the reader and the writer is one of these, with ``element`` (the path of the
offending element, e.g. ``edXMLHeader/MessageHeader/Subject``) and, for limits, ``limit`` (the
``Limits`` field that was exceeded). Nothing else leaves the codec for bad input.
"""

from __future__ import annotations

from typing import Any

from app.errors import PackageInvalid


class PackageLimitExceeded(PackageInvalid):
    """A size or count limit was hit: the input may be well-formed but is refused.

    Keeps the ``package_invalid`` code so the front ends show the same sentence; callers that
    care (the transport's TOO_LARGE) test the type.
    """


def invalid(element: str, message: str, **params: Any) -> PackageInvalid:
    """A refusal whose message starts with the element path, so a log line alone is enough."""
    return PackageInvalid(f"{element}: {message}", element=element, **params)


def over_limit(element: str, limit: str, value: int, allowed: int) -> PackageLimitExceeded:
    return PackageLimitExceeded(
        f"{element}: {value} exceeds the limit {limit}={allowed}",
        element=element,
        limit=limit,
        value=value,
        allowed=allowed,
    )


__all__ = ["PackageInvalid", "PackageLimitExceeded", "invalid", "over_limit"]
