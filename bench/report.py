"""Print results, and rewrite the generated parts of docs/performance.md.

Each suite owns one block of the document, between ``<!-- bench:begin NAME -->`` and
``<!-- bench:end NAME -->``: a run rewrites only the blocks of the suites it ran, so hand-written
analysis outside the blocks and the blocks of other suites stay as they are. A suite without a
block gets one appended. A skipped suite replaces nothing that was measured before.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.registry import Result, Suite

HEADER = """\
# Performance / Hiệu năng

Benchmarks live in `bench/` (never in the test suite: nothing there asserts a time). Run
`./scripts/bench [SUITES...] [--quick]` (or `.venv/bin/python -m bench ...`); `--list` shows the
suites, `--out -` writes nothing, `--set parts=invisible,big` runs some parts of the signing
suite, `--set big_mib=200` changes the big file. Each metric is measured against an **anchor**
doing the same job in the same run on the same machine (for signing: on the same logged-in
SoftHSM token), so the ratio means something on any machine. The blocks between
`bench:begin`/`bench:end` markers are rewritten by the runner (one per suite; a suite that is
skipped leaves its old block alone); the rest of this file is written by people.

Generated inputs go to `bench/.cache/` (the big PDFs, the pyhanko CLI used as an anchor). The
directory ignores itself (the runner writes a `.gitignore` of `*` into it): never commit it.
"""


@dataclass(frozen=True)
class SuiteRun:
    suite: Suite
    results: Sequence[Result]
    skipped: str = ""  # why, when the suite could not run
    load: str = ""  # how busy the machine was with other work meanwhile


def fmt(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit in ("ms", "ms/file"):
        return f"{value:.1f} {unit}"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3g} {unit}".strip()


def fmt_ratio(result: Result) -> str:
    return "—" if result.ratio is None else f"{result.ratio:.2f}×"


def verdict(result: Result) -> str:
    if result.ok is None and math.isnan(result.ours):
        return "skipped"
    return result.verdict


def console_table(run: SuiteRun) -> str:
    lines = [f"\n== {run.suite.name}: {run.suite.title}"]
    if run.load:
        lines.append(f"({run.load})")
    if run.skipped:
        lines.append(f"SKIPPED: {run.skipped}")
        return "\n".join(lines)
    rows = [("metric", "ours", "anchor", "ratio", "target", "result")]
    for r in run.results:
        rows.append(
            (
                r.metric,
                fmt(r.ours, r.unit),
                fmt(r.anchor, r.unit),
                fmt_ratio(r),
                r.target,
                verdict(r),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _metric(text: str) -> str:
    """Indented metrics (what-ifs, breakdowns under the row above) get an arrow in Markdown,
    which would swallow the indentation."""
    return f"↳ {text.strip()}" if text.startswith(" ") else text


def markdown_block(
    run: SuiteRun, *, machine: dict[str, str], date: str, command: str, mode: str
) -> str:
    suite = run.suite
    out = [
        f"<!-- bench:begin {suite.name} -->",
        f"## `{suite.name}`: {suite.title}",
        "",
        f"Measured {date} with `{command}` ({mode})" + (f"; {run.load}." if run.load else "."),
        "",
    ]
    if suite.targets:
        out += [suite.targets, ""]
    if run.skipped:
        out += [f"**Skipped:** {run.skipped}", ""]
    else:
        out += [
            "| Metric | Ours (median) | Anchor (median) | Ratio | Target | Result |",
            "|---|---:|---:|---:|---|---|",
        ]
        for r in run.results:
            result = verdict(r)
            shown = f"**{result}**" if result == "FAIL" else result
            out.append(
                f"| {_cell(_metric(r.metric))} | {fmt(r.ours, r.unit)} | {fmt(r.anchor, r.unit)} | "
                f"{fmt_ratio(r)} | {_cell(r.target)} | {shown} |"
            )
        out += ["", "Notes:", ""]
        for r in run.results:
            anchor = f" Anchor: {r.anchor_name}." if r.anchor_name else ""
            out.append(f"- **{r.metric.strip()}**.{anchor} {r.notes}".rstrip())
        out.append("")
    out += ["Machine:", "", "| | |", "|---|---|"]
    out += [f"| {key} | {_cell(value)} |" for key, value in machine.items()]
    out += ["", f"<!-- bench:end {suite.name} -->"]
    return "\n".join(out)


def _block_re(name: str) -> re.Pattern[str]:
    begin = re.escape(f"<!-- bench:begin {name} -->")
    end = re.escape(f"<!-- bench:end {name} -->")
    return re.compile(f"{begin}.*?{end}", re.DOTALL)


def rewrite(path: Path, blocks: dict[str, str], skipped: set[str]) -> None:
    """Replace (or append) each suite's block; keep old numbers of suites that were skipped."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    for name, block in blocks.items():
        pattern = _block_re(name)
        match = pattern.search(text)
        if match is not None:
            if name in skipped:
                continue  # keep what was measured before on a machine that could run it
            text = text[: match.start()] + block + text[match.end() :]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
