"""Running a signature on the token executor: one file through ``sign_pdf``, a batch through
``sign_folder`` (resumable, cancellable between files), progress handed to the GUI by a signal.

A selected batch is staged as hard links (copies where links are impossible) in a folder of its
own, because ``sign_folder`` signs a folder; the outputs go to one output folder per batch, so
"resume" re-runs the same call and the services skip what is already signed. Sources are only
read. ``session.busy`` keeps the hot-plug poll off the token while a job runs.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.services.signing import (
    BatchOutcome,
    SignerSource,
    SignOptions,
    SignOutcome,
    sign_folder,
    sign_pdf,
)
from app.ui.signing.session import TokenChoice, TokenSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchPlan:
    """The staged inputs of a batch, its output folder, and which file each staged name is."""

    in_dir: Path
    out_dir: Path
    originals: dict[str, Path]


def _unique(name: str, taken: set[str]) -> str:
    stem, suffix = os.path.splitext(name)
    candidate, n = stem + ".pdf" if suffix.lower() != ".pdf" else name, 2
    while candidate.lower() in taken:
        candidate, n = f"{stem} ({n}).pdf", n + 1
    return candidate


def stage_batch(paths: Sequence[Path], staging: Path, out_dir: Path) -> BatchPlan:
    """Link (or copy) the chosen files into ``staging`` under unique names."""
    staging.mkdir(parents=True, exist_ok=True)
    originals: dict[str, Path] = {}
    for path in paths:
        name = _unique(path.name, {n.lower() for n in originals})
        target = staging / name
        if not target.exists():
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
        originals[name] = path
    return BatchPlan(staging, out_dir, originals)


def remove_staging(plan: BatchPlan | None) -> None:
    if plan is not None:
        shutil.rmtree(plan.in_dir, ignore_errors=True)


class SignJob(QObject):
    """Starts signing jobs; ``progress(row, outcome)``, ``finished(result)``, ``failed(exc)``."""

    progress = Signal(int, object)
    finished = Signal(object)  # a SignOutcome (one file) or a BatchOutcome
    failed = Signal(object)

    def __init__(self, session: TokenSession, prompter: Any, runner: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.prompter, self.runner = session, prompter, runner
        self.cancel_event = threading.Event()
        self.plan: BatchPlan | None = None
        self.running = False

    def sign_one(self, choice: TokenChoice, pdf: Path, output: Path, options: SignOptions) -> None:
        session, prompter = self.session, self.prompter

        def job() -> SignOutcome:
            return sign_pdf(session.source(choice), prompter, pdf, output, options)

        self._start(job)

    def sign_with(
        self, choice: TokenChoice, sign: Callable[[SignerSource, Any], SignOutcome]
    ) -> None:
        """One file through the caller's use case (the document workflow's ``issuing.sign``),
        given where the signature comes from and the PIN prompter."""
        session, prompter = self.session, self.prompter
        self._start(lambda: sign(session.source(choice), prompter))

    def sign_batch(
        self,
        choice: TokenChoice,
        paths: Sequence[Path],
        staging: Path,
        out_dir: Path,
        options: SignOptions,
    ) -> None:
        """Sign ``paths`` (first run) or resume the staged batch (same folders, skip done)."""
        session, prompter = self.session, self.prompter
        rows = {path: index for index, path in enumerate(paths)}
        cancel = self.cancel_event = threading.Event()
        plan = self.plan

        def job() -> BatchOutcome:
            nonlocal plan
            if plan is None:
                plan = self.plan = stage_batch(paths, staging, out_dir)
            staged = plan

            def report(item: SignOutcome) -> None:
                original = staged.originals.get(item.source.name, item.source)
                self._emit_progress(rows.get(original, -1), replace(item, source=original))

            outcome = sign_folder(
                session.source(choice),
                prompter,
                staged.in_dir,
                staged.out_dir,
                options,
                progress=report,
                cancel=cancel,
            )
            items = tuple(
                replace(i, source=staged.originals.get(i.source.name, i.source))
                for i in outcome.items
            )
            return replace(outcome, items=items)

        self._start(job)

    def cancel(self) -> None:
        """Stop between files (the services check the event before each one)."""
        self.cancel_event.set()

    def _emit_progress(self, row: int, outcome: SignOutcome) -> None:
        try:
            self.progress.emit(row, outcome)
        except RuntimeError:  # the window is gone; the batch still ends cleanly
            log.info("progress for a closed signing window dropped")

    def _start(self, job: Any) -> None:
        self.running = True
        self.session.busy = True
        self.runner.run(job, on_success=self._done, on_error=self._error, kind="token", owner=self)

    def _done(self, result: object) -> None:
        self.running = self.session.busy = False
        self.finished.emit(result)

    def _error(self, exc: BaseException) -> None:
        self.running = self.session.busy = False
        self.failed.emit(exc)
