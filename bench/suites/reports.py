"""Report benchmarks: printing the outgoing register (``app.services.reports.print_register``).

The workspaces are filled by ``tests/reports/measure_register.fill_workspace`` (N issued
documents, two recipients, a sending date and two signatures each) once and cached in
``bench/.cache/register-ws-N``; each print runs in a fresh child process that calls
``measure_register.print_once`` after its imports, so the peak RSS (VmHWM) is the printing's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench import pdfs
from bench.registry import REPO_DIR, Config, Result, SuiteSkipped, suite

MB = 1_000_000
BIG, SMALL = 20_000, 2_000
TIME_LIMIT_S = 20.0
FLAT_LIMIT = 1.5  # peak RSS at 20,000 entries / at 2,000: "flat" means well under 10×

TARGETS = """\
Targets (issue: registers): the 2025 outgoing register with 20,000 entries printed to PDF
(`print_register`, database to file, in a child process) in ≤ 20 s, with flat memory: the
child's peak RSS at 20,000 entries ≤ 1.5× its peak at 2,000 entries (the anchor; 10× the rows),
and the growth per 1,000 rows is reported. Filling the database is not timed."""

CHILD = """\
import json, sys, time
from pathlib import Path
from bench.child import peak_mib
from app.services.reports import print_register  # noqa: F401 - imports before the baseline
from tests.reports.measure_register import print_once
folder = Path(sys.argv[1])
baseline = peak_mib()
result = print_once(folder, folder / "register.pdf")
result["vmhwm_mib"] = peak_mib()
result["baseline_mib"] = baseline
sys.stdout.write("\\n" + json.dumps(result) + "\\n")
"""


def workspace(cfg: Config, count: int) -> Path:
    folder = cfg.cache_dir / f"register-ws-{count}"
    if (folder / ".complete").exists():
        from bench.suites.search import upgraded

        return upgraded(folder)
    shutil.rmtree(folder, ignore_errors=True)
    cfg.log(f"filling a register of {count:,} entries (once; cached in {folder})")
    code = (
        "import sys; from pathlib import Path; "
        "from tests.reports.measure_register import fill_workspace; "
        "fill_workspace(Path(sys.argv[1]), int(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), str(count)], cwd=REPO_DIR, check=True)
    (folder / ".complete").write_text("ok\n", encoding="utf-8")
    return folder


def print_child(folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"register print failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@suite("reports", title="Reports (register of 20,000 entries)", targets=TARGETS)
def reports(cfg: Config) -> list[Result]:
    try:
        import tests.reports.measure_register  # noqa: F401
    except ImportError as exc:
        raise SuiteSkipped(f"tests/reports/measure_register.py not importable: {exc}") from exc
    pdfs.ensure_cache_dir(cfg.cache_dir)
    big_ws, small_ws = workspace(cfg, BIG), workspace(cfg, SMALL)
    runs = cfg.n(3, 1)
    big: list[dict[str, Any]] = []
    small: list[dict[str, Any]] = []
    cfg.log(f"printing {SMALL:,} and {BIG:,} entries: {runs} child process(es) each")
    for _ in range(runs):
        small.append(print_child(small_ws))
        big.append(print_child(big_ws))

    def med(runs: list[dict[str, Any]], key: str) -> float:
        values = sorted(float(r[key]) for r in runs)
        return values[len(values) // 2]

    big_s, small_s = med(big, "seconds"), med(small, "seconds")
    big_rss = max(r["vmhwm_mib"] for r in big) * (1 << 20) / MB
    small_rss = max(r["vmhwm_mib"] for r in small) * (1 << 20) / MB
    big_base = max(r["baseline_mib"] for r in big) * (1 << 20) / MB
    small_base = max(r["baseline_mib"] for r in small) * (1 << 20) / MB
    growth = (big_rss - small_rss) / ((BIG - SMALL) / 1000)
    rss_ratio = big_rss / small_rss
    return [
        Result(
            metric=f"Register of {BIG:,} entries to PDF",
            ours=big_s,
            anchor=small_s,
            ratio=big_s / small_s,
            target=f"≤ {TIME_LIMIT_S:g} s",
            ok=big_s <= TIME_LIMIT_S,
            unit="s",
            notes=(
                f"judged on the absolute time; ratio = time / time at {SMALL:,} entries "
                f"(10× the rows); {big[0]['pages']} pages, {big[0]['pdf_mib']} MiB PDF, CPU "
                f"{med(big, 'cpu_seconds'):.1f} s; median of {runs} child run(s): "
                f"{', '.join(str(r['seconds']) for r in big)} s"
            ),
            anchor_name=f"the same at {SMALL:,} entries",
        ),
        Result(
            metric=f"  peak RSS at {BIG:,} entries (flat memory)",
            ours=big_rss,
            anchor=small_rss,
            ratio=rss_ratio,
            target=f"≤ {FLAT_LIMIT:g}×",
            ok=rss_ratio <= FLAT_LIMIT,
            unit="MB",
            notes=(
                f"growth {growth:.2f} MB per 1,000 rows; peak before printing (interpreter and "
                f"imports) {big_base:.0f} MB / {small_base:.0f} MB, so the printing itself "
                f"added {big_rss - big_base:.0f} MB at {BIG:,} and {small_rss - small_base:.0f} "
                f"MB at {SMALL:,}; {small[0]['pages']} pages at {SMALL:,}"
            ),
            anchor_name=f"peak RSS at {SMALL:,} entries",
        ),
    ]
