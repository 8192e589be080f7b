"""The seams the engine is built on: what it asks of the services and of the signing layer.

``app.sync`` sits below ``app.services`` and beside ``app.signing`` (the layers contract in
pyproject.toml), so the engine cannot import the receive service or pyhanko. It takes them as
these small protocols instead; ``app.cli_sync.build_engine`` plugs in the real ones, tests may
plug in others. Only types here: no behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Arrival:
    """Where a package came from, as the platform listed it and the engine checked it."""

    server_doc_id: str
    message_type: str  # edoc | status, as listed
    sender_code: str  # the platform's ``from`` (the authenticated sending system)
    sha256: str  # of the edXML bytes, verified after download
    size: int
    listed_at: datetime | None


@dataclass(frozen=True)
class ReceiveOutcome:
    """What the receive service made of one package.

    ``kind``: ``document`` (a new incoming document), ``duplicate`` (the same DocumentId and
    content arrived before: ``document_id`` is that one), ``status`` (a status package applied,
    or noted in ``notes`` when nothing could be applied) or ``rejected`` (``reason`` says why;
    the service queued the 02 itself, the engine acks "fail" with that reason).
    ``notes``: worth a log line, e.g. "no digital signature to verify".
    """

    kind: str
    document_id: int | None = None
    reason: str = ""
    notes: tuple[str, ...] = ()


class PackageReceiver(Protocol):
    """The receive service, in two steps around the engine's write transaction.

    ``prepare`` runs outside any transaction (it is slow): parse the downloaded package with the
    codec (``PackageInvalid`` for one it refuses), store its files by hash, verify signatures.
    ``commit`` runs inside the engine's write transaction and records the result: the incoming
    document, its files and Signature rows and the 01 for the sender (or the recognised
    duplicate, or the Delivery update / quarantine of a status package), without committing; the
    engine commits it together with its inbox row and cursor, then acks. Raising from either
    step takes nothing in; the package is tried again on a later run.
    """

    def prepare(self, raw: Path, arrival: Arrival, now: datetime) -> object: ...

    def commit(
        self, session: Session, prepared: object, arrival: Arrival, now: datetime
    ) -> ReceiveOutcome: ...


class LtvCompleter(Protocol):
    """Adds what a signature made offline lacks (timestamp, OCSP/CRL) to a copy of the file."""

    def complete(self, source: Path, target: Path) -> None:
        """Write the B-LT/B-LTA version to ``target``; raise ``CatchUpLater`` while the network
        services are out of reach, ``CatchUpImpossible`` when it can never succeed."""
        ...


@dataclass(frozen=True)
class Recheck:
    """A signature's verdict after re-verification (``detail``: JSON for ``verdict_detail``)."""

    field_name: str
    verdict: str
    detail: str
    needs_recheck: bool


class Reverifier(Protocol):
    """Verifies a stored file again, now that revocation data may be reachable."""

    def reverify(self, source: Path, first_verified: datetime | None) -> list[Recheck]:
        """Every signature of the file; ``first_verified`` (when this app first verified these
        very bytes) is a proof of existence, so a revocation after it does not condemn them.
        Raise ``CatchUpLater`` when revocation data is still out of reach."""
        ...


class TrustRefresher(Protocol):
    """Refreshes the trust / revocation cache (CRLs, OCSP answers) while online."""

    def refresh(self) -> int:
        """Returns how many entries were refreshed; raises ``CatchUpLater`` when offline."""
        ...


class CatchUpLater(Exception):
    """Not now (a service is unreachable): the job keeps the item and tries on a later run."""


class CatchUpImpossible(Exception):
    """Never (e.g. the certificate was revoked): the item is taken off the catch-up list."""
