"""Catch-up work that waits for the network: what an office could not finish while offline.

- Signatures made offline (``Signature.pending_ltv``) get their timestamp and revocation data
  (B-LT/B-LTA) from ``LtvCompleter``: the result is a NEW file in the store and a new
  DocumentFile that supersedes the old one (its signature rows are copied to it), never an edit.
- Signatures whose revocation status was unknown at arrival (``needs_recheck`` in their stored
  verdict) are verified again through ``Reverifier`` and their verdicts updated.
- The trust / revocation cache is refreshed through ``TrustRefresher``.
The crypto is injected (``app.sync`` may not import ``app.signing``); the database side is here.
Must not: change a document's state, or re-sign anything.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.types import Verdict
from app.models import DocumentFile, Signature
from app.models.audit import append_event
from app.sync.engine.context import ACTOR, EngineContext
from app.sync.engine.ports import (
    CatchUpImpossible,
    CatchUpLater,
    LtvCompleter,
    Recheck,
    Reverifier,
    TrustRefresher,
)

log = logging.getLogger(__name__)


@dataclass
class CatchUpReport:
    ltv_completed: int = 0
    ltv_waiting: int = 0
    ltv_impossible: int = 0
    rechecked: int = 0
    trust_refreshed: int = 0
    problems: list[str] = field(default_factory=list)


def _on_current_files() -> tuple[Any, Any]:
    """Join and filter: signatures on files that have not been superseded."""
    return DocumentFile.id == Signature.file_id, DocumentFile.superseded_by_id.is_(None)


# The verification engine's reasons for "revocation not checked yet": re-verify once online.
RECHECK_CODES = frozenset(
    {"revocation_offline", "revocation_offline_since", "revocation_unreachable"}
)


def needs_recheck(detail: str) -> bool:
    """From a stored ``verdict_detail``: a verdict JSON with ``needs_recheck``, or the list of
    reasons the receive service stores, one of them an offline-revocation reason."""
    try:
        data = json.loads(detail) if detail else None
    except ValueError:
        return False
    if isinstance(data, dict):
        return bool(data.get("needs_recheck"))
    if isinstance(data, list):
        return any(isinstance(r, dict) and r.get("code") in RECHECK_CODES for r in data)
    return False


class CatchUp:
    def __init__(
        self,
        ctx: EngineContext,
        *,
        ltv: LtvCompleter | None = None,
        reverifier: Reverifier | None = None,
        trust: TrustRefresher | None = None,
    ) -> None:
        self.ctx = ctx
        self.ltv, self.reverifier, self.trust = ltv, reverifier, trust

    def run(self) -> CatchUpReport:
        report = CatchUpReport()
        for name, job in (("trust", self._trust), ("ltv", self._ltv), ("recheck", self._recheck)):
            try:
                job(report)
            except CatchUpLater as exc:
                report.problems.append(f"{name}: {exc}")
            except Exception as exc:  # one job's bug must not stop the others or the sync
                log.exception("catch-up job %s failed", name)
                report.problems.append(f"{name}: {type(exc).__name__}: {exc}")
        return report

    # --- trust ---------------------------------------------------------------------------------
    def _trust(self, report: CatchUpReport) -> None:
        if self.trust is not None:
            report.trust_refreshed += self.trust.refresh()

    # --- B-LT / B-LTA completion ---------------------------------------------------------------
    def pending_files(self) -> list[int]:
        with self.ctx.db.read() as session:
            on, current = _on_current_files()
            stmt = (
                sa.select(Signature.file_id)
                .join(DocumentFile, on)
                .where(current, Signature.pending_ltv.is_(True))
            )
            return sorted(set(session.scalars(stmt)))

    def _ltv(self, report: CatchUpReport) -> None:
        if self.ltv is None:
            return
        staging = self.ctx.data_dir / "staging"
        staging.mkdir(parents=True, exist_ok=True)
        for file_id in self.pending_files():
            with self.ctx.db.read() as session:
                source = session.get(DocumentFile, file_id)
                if source is None:
                    continue
                sha = source.sha256
            target = staging / f"ltv-{uuid.uuid4().hex}.pdf"
            try:
                self.ltv.complete(self.ctx.files.path_for(sha), target)
                stored = self.ctx.files.put_file(target)
            except CatchUpLater:
                report.ltv_waiting += 1
                raise  # the TSA / OCSP is out of reach: the other files would fail the same way
            except CatchUpImpossible as exc:
                self._give_up(file_id, str(exc))
                report.ltv_impossible += 1
                report.problems.append(f"ltv file {file_id}: {exc}")
                continue
            finally:
                target.unlink(missing_ok=True)
            if self._supersede(file_id, sha, stored.sha256, stored.size):
                report.ltv_completed += 1

    def _supersede(self, file_id: int, old_sha: str, new_sha: str, size: int) -> bool:
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            old = session.get(DocumentFile, file_id, with_for_update=True)
            if old is None or old.superseded_by_id is not None or old.sha256 != old_sha:
                return False  # replaced meanwhile (e.g. issued again): nothing to do here
            new = DocumentFile(
                document_id=old.document_id, role=old.role, name=old.name,
                media_type=old.media_type, sha256=new_sha, size=size, pages=old.pages,
                created_at=now,
            )  # fmt: skip
            session.add(new)
            session.flush()
            old.superseded_by_id = new.id
            for sig in _signatures(session, file_id):
                sig.pending_ltv = False
                session.add(_copy(sig, new.id))
            append_event(
                session, "signature.ltv_completed", actor=ACTOR, entity_type="document",
                entity_id=old.document_id, data={"from": old_sha, "to": new_sha}, at=now,
            )  # fmt: skip
            return True

    def _give_up(self, file_id: int, reason: str) -> None:
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            old = session.get(DocumentFile, file_id)
            for sig in _signatures(session, file_id):
                sig.pending_ltv = False
            append_event(
                session, "signature.ltv_impossible", actor=ACTOR, entity_type="document",
                entity_id=old.document_id if old else "", data={"file": file_id, "reason": reason},
                at=now,
            )  # fmt: skip
        log.warning("signatures of file %s can never reach B-LT: %s", file_id, reason)

    # --- re-verification -----------------------------------------------------------------------
    def recheck_files(self) -> list[int]:
        with self.ctx.db.read() as session:
            on, current = _on_current_files()
            rows = session.execute(
                sa.select(Signature.file_id, Signature.verdict_detail)
                .join(DocumentFile, on)
                .where(
                    current,
                    sa.or_(
                        Signature.verdict_detail.like("%revocation_%"),
                        Signature.verdict_detail.like("%needs_recheck%"),
                    ),
                )
            ).all()
        return sorted({file_id for file_id, detail in rows if needs_recheck(detail)})

    def _recheck(self, report: CatchUpReport) -> None:
        if self.reverifier is None:
            return
        for file_id in self.recheck_files():
            with self.ctx.db.read() as session:
                row = session.get(DocumentFile, file_id)
                if row is None:
                    continue
                sha = row.sha256
                first = session.scalar(
                    sa.select(sa.func.min(Signature.verified_at)).where(
                        Signature.file_id == file_id
                    )
                )
            results = self.reverifier.reverify(self.ctx.files.path_for(sha), first)
            report.rechecked += self._store_verdicts(file_id, {r.field_name: r for r in results})

    def _store_verdicts(self, file_id: int, results: dict[str, Recheck]) -> int:
        now = self.ctx.clock()
        changed = 0
        with self.ctx.db.write() as session:
            for sig in _signatures(session, file_id):
                result = results.get(sig.field_name)
                if result is None:
                    continue
                verdict = Verdict(result.verdict)
                before = sig.verdict
                sig.verdict, sig.verdict_detail = verdict, result.detail
                sig.verified_at = now
                changed += 1
                append_event(
                    session, "signature.reverified", actor=ACTOR, entity_type="document",
                    entity_id=sig.document_id,
                    data={"field": sig.field_name, "from": before.value if before else None,
                          "to": verdict.value},
                    at=now,
                )  # fmt: skip
        return changed


def _signatures(session: Session, file_id: int) -> list[Signature]:
    return list(session.scalars(sa.select(Signature).where(Signature.file_id == file_id)))


def _copy(sig: Signature, file_id: int) -> Signature:
    return Signature(
        document_id=sig.document_id, file_id=file_id, field_name=sig.field_name, role=sig.role,
        signer_name=sig.signer_name, signer_subject=sig.signer_subject,
        cert_sha256=sig.cert_sha256, signed_at=sig.signed_at, verdict=sig.verdict,
        verdict_detail=sig.verdict_detail, verified_at=sig.verified_at, pending_ltv=False,
    )  # fmt: skip
