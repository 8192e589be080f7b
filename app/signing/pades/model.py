"""The vocabulary of the PAdES engine: levels, roles, placements, requests and results.

Plain frozen dataclasses and enums so the services layer and the CLI can build requests and store
results without touching pyhanko. Nothing here does I/O or signs anything.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

# (x1, y1, x2, y2) in PDF points, origin bottom left of the page.
Box = tuple[float, float, float, float]


class Level(enum.StrEnum):
    """PAdES baseline levels (ETSI EN 319 142-1)."""

    B_B = "B-B"
    B_T = "B-T"
    B_LT = "B-LT"
    B_LTA = "B-LTA"

    @property
    def wants_timestamp(self) -> bool:
        return self is not Level.B_B

    @property
    def wants_validation_data(self) -> bool:
        return self in (Level.B_LT, Level.B_LTA)


class Role(enum.StrEnum):
    """Who signs and therefore what the signature looks like (Decree 30/2020 Annex I)."""

    LEADER = "leader"
    AGENCY = "agency"
    ATTACHMENT = "attachment"
    COPY = "copy"


class CopyForm(enum.StrEnum):
    """The three forms of an electronic copy; the value is what the stamp prints."""

    SAO_Y = "SAO Y"
    SAO_LUC = "SAO LỤC"
    TRICH_SAO = "TRÍCH SAO"


@dataclass(frozen=True)
class Placement:
    """Where a visible signature goes. Empty = automatic (placeholder field, then marker text).

    ``page`` is 0-based. With ``box`` the signature goes exactly there; ``field_name`` names an
    existing empty signature field; ``marker`` is text on the page (e.g. the signer's name line)
    above which a leader's signature is put. ``invisible`` makes a signature with no appearance.
    """

    page: int | None = None
    box: Box | None = None
    field_name: str | None = None
    marker: str | None = None
    invisible: bool = False


@dataclass(frozen=True)
class ResolvedPlacement:
    """The outcome of placement: an existing field to fill, or a new field at ``box``."""

    field_name: str
    page: int
    box: Box | None  # None: an invisible signature
    existing_field: bool
    how: str  # "box", "moved-field", "field", "derived", "marker", "top-right", "invisible"


@dataclass(frozen=True)
class SignRequest:
    """One signature to add to one PDF.

    ``image``: the leader's signature PNG or the agency's seal PNG (a path or the PNG bytes).
    ``signer_name`` / ``signer_position`` default to the certificate's CN and title.
    ``main_number``: the main document's number and symbol, for an attachment's stamp.
    ``copy_form`` / ``copy_agency``: for an electronic copy's stamp.
    ``timestamper`` is a pyhanko TimeStamper (B-T and up); ``validation_context`` a pyhanko
    ValidationContext that may fetch revocation data (B-LT and up), hard-fail mode.
    ``chain``: CA certificates to embed so a verifier that knows only the root can validate
    (asn1crypto or ``cryptography`` certificates).
    ``fill``: text fields to fill (with a Vietnamese appearance) in an update before signing.
    """

    source: Path
    output: Path
    role: Role = Role.LEADER
    level: Level = Level.B_T
    placement: Placement = field(default_factory=Placement)
    image: Path | bytes | None = None
    signer_name: str | None = None
    signer_position: str | None = None
    main_number: str | None = None
    copy_form: CopyForm | None = None
    copy_agency: str | None = None
    timestamper: Any = None
    validation_context: Any = None
    chain: tuple[Any, ...] = ()
    fill: Mapping[str, str] = field(default_factory=dict)
    password: str | None = None
    reason: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class SignResult:
    """What was written. ``pending`` means: call :func:`complete_ltv` when online."""

    output: Path
    field_name: str
    role: Role
    level_requested: Level
    level: Level
    signing_time: datetime
    signer: str
    page: int | None
    box: Box | None
    sha256: str
    pending_timestamp: bool = False
    pending_validation: bool = False
    pending_reason: str = ""

    @property
    def pending(self) -> bool:
        return self.pending_timestamp or self.pending_validation


@dataclass(frozen=True)
class LtvResult:
    """The outcome of :func:`complete_ltv`."""

    output: Path
    level: Level
    document_timestamps_added: int
    signatures_covered: int
    sha256: str
