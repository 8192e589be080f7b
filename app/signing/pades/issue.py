"""The issue step (phát hành) as one unit: number and date into the draft's fields, the agency
seal signature, and the attachment signature on every separate attachment file.

Numbering is the domain's job: the caller passes the number it reserved and may pass
``before_commit``, called once every output is written and re-validated but before any replaces
its input (commit the register row there; if it raises, nothing is replaced). The fill and the
agency signature go into one incremental update, which pyhanko's diff analysis classifies as form
filling for the leader's signature; the engine re-checks that before anything is committed.
Must not: choose numbers, or touch the database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.signing.pades.engine import Signed, result_of, run, sign_working_copy
from app.signing.pades.errors import ExistingSignatureBroken
from app.signing.pades.fill import issue_values
from app.signing.pades.inputs import open_for_update
from app.signing.pades.model import Level, Placement, Role, SignRequest, SignResult
from app.signing.pades.output import Stage, sha256_of
from app.signing.pades.verify import signature_states


@dataclass(frozen=True)
class Attachment:
    """A separate attachment file to sign with the attachment stamp."""

    source: Path
    output: Path
    password: str | None = None


@dataclass(frozen=True)
class IssueRequest:
    """``number`` as the register gives it ("05"), ``symbol`` the part after the slash."""

    source: Path
    output: Path
    number: str
    symbol: str
    issued_on: date
    place: str = ""
    seal_image: Path | bytes | None = None
    attachments: tuple[Attachment, ...] = ()
    level: Level = Level.B_T
    timestamper: Any = None
    validation_context: Any = None
    chain: tuple[Any, ...] = ()
    password: str | None = None
    placement: Placement = field(default_factory=Placement)

    @property
    def number_symbol(self) -> str:
        return f"{self.number}/{self.symbol}" if self.symbol else self.number


@dataclass(frozen=True)
class IssueResult:
    main: SignResult
    attachments: tuple[SignResult, ...]
    number_symbol: str
    filled: Mapping[str, str]

    @property
    def pending(self) -> bool:
        return self.main.pending or any(a.pending for a in self.attachments)


def issue_document(
    request: IssueRequest,
    signer: Any,
    *,
    before_commit: Callable[[IssueResult], None] | None = None,
) -> IssueResult:
    """Fill number and date, seal the main file, stamp the attachments; all or nothing."""
    main_req = SignRequest(
        source=request.source,
        output=request.output,
        role=Role.AGENCY,
        level=request.level,
        placement=request.placement,
        image=request.seal_image,
        timestamper=request.timestamper,
        validation_context=request.validation_context,
        chain=request.chain,
        password=request.password,
    )
    att_reqs = [
        SignRequest(
            source=a.source,
            output=a.output,
            role=Role.ATTACHMENT,
            level=request.level,
            main_number=request.number_symbol,
            timestamper=request.timestamper,
            validation_context=request.validation_context,
            chain=request.chain,
            password=a.password,
        )
        for a in request.attachments
    ]
    with Stage() as stage:
        main_handle = stage.copy_of(request.source, request.output)
        att_handles = [stage.copy_of(r.source, r.output) for r in att_reqs]

        async def work() -> tuple[dict[str, str], Signed, list[Signed]]:
            name = request.source.name
            opened = open_for_update(main_handle, name=name, password=request.password)
            states = await signature_states(opened.writer.prev, diff=False)
            if not any(s.intact and s.valid for s in states.values()):
                raise ExistingSignatureBroken(
                    f"{name}: no valid leader signature: a document is issued after it is signed",
                    file=name,
                )
            values = issue_values(
                opened.writer,
                number=request.number,
                symbol=request.symbol,
                issued_on=request.issued_on,
                place=request.place,
            )
            main_handle.seek(0)
            filled_req = _with_fill(main_req, values)
            main = await sign_working_copy(main_handle, filled_req, signer, name=name)
            atts = [
                await sign_working_copy(h, r, signer, name=r.source.name)
                for h, r in zip(att_handles, att_reqs, strict=True)
            ]
            return values, main, atts

        values, main, atts = run(work(), request.validation_context)
        result = IssueResult(
            main=result_of(main_req, signer, main, sha256_of(main_handle)),
            attachments=tuple(
                result_of(r, signer, s, sha256_of(h))
                for r, s, h in zip(att_reqs, atts, att_handles, strict=True)
            ),
            number_symbol=request.number_symbol,
            filled=values,
        )
        if before_commit is not None:
            before_commit(result)
        stage.commit()
    return result


def _with_fill(request: SignRequest, values: dict[str, str]) -> SignRequest:
    from dataclasses import replace

    return replace(request, fill=values)
