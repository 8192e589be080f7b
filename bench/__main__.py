"""``python -m bench [NAMES...] [--quick] [--out docs/performance.md]``: run benchmark suites.

Runs the named suites (all by default) in registration order, prints a table per suite and
rewrites the suites' blocks in the output document. Exit status: 0, or 1 when a suite raised
(and, with ``--strict``, when a target was missed).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

from bench import machine, report
from bench.load import GATE, LoadMonitor
from bench.registry import REPO_DIR, Config, SuiteSkipped, load_all


def _command(argv: list[str]) -> str:
    python = Path(sys.executable)
    try:
        shown = str(python.relative_to(REPO_DIR))
    except ValueError:
        shown = "python"
    return " ".join([shown, "-m", "bench", *map(shlex.quote, argv)])


def raise_priority() -> str:
    """Nice -10 for this process and its children when allowed (root); "" otherwise."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, -10)
    except (OSError, AttributeError):
        return ""
    return "nice -10"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="suites to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller inputs")
    parser.add_argument(
        "--out",
        default="docs/performance.md",
        help="document to rewrite (relative to the repository); '-' writes nothing",
    )
    parser.add_argument("--repeat", type=int, help="timed runs per single-document metric")
    parser.add_argument("--warmup", type=int, help="untimed runs before timing")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="suite option, e.g. big_mib=200 or skip_big=1",
    )
    parser.add_argument(
        "--no-priority",
        action="store_true",
        help="do not raise the benchmark's CPU priority (by default it asks for nice -10, "
        "which only root gets, to be disturbed less by other work on the machine)",
    )
    parser.add_argument(
        "--max-wait",
        type=float,
        help="seconds the run may spend in all waiting for other processes to calm down "
        "(default 180, quick 45; 0: never wait)",
    )
    parser.add_argument("--list", action="store_true", help="list the suites and exit")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse(argv)
    suites = load_all()
    if args.list:
        for suite in suites.values():
            print(f"{suite.name:12s} {suite.title}")
        return 0
    unknown = [n for n in args.names if n not in suites]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(suites)}")
        return 2
    bad = [item for item in args.set if "=" not in item]
    if bad:
        print(f"--set wants KEY=VALUE, got: {', '.join(bad)}")
        return 2
    options = dict(item.split("=", 1) for item in args.set)
    cfg = Config(
        quick=args.quick,
        repeat=args.repeat or (10 if args.quick else 30),
        warmup=args.warmup if args.warmup is not None else (2 if args.quick else 3),
        options=options,
    )
    os.chdir(REPO_DIR)
    GATE.budget = args.max_wait if args.max_wait is not None else (45.0 if args.quick else 180.0)
    priority = "" if args.no_priority else raise_priority()
    info = machine.describe()
    date = datetime.now().astimezone().isoformat(sep=" ", timespec="minutes")
    command = _command(argv)
    mode = f"{'quick' if cfg.quick else 'full'} run, {cfg.repeat} timed runs per metric"
    if priority:
        mode += f", {priority}"
    print(f"bench: {command} ({mode}) on {info['CPU']}, {info['Cores']} cores, {info['RAM']}")

    runs: list[report.SuiteRun] = []
    failed = False
    for name in args.names or list(suites):
        suite = suites[name]
        print(f"\n[{name}] {suite.title}", flush=True)
        start = time.perf_counter()
        monitor = LoadMonitor()
        waited_before = GATE.waited
        try:
            with monitor:
                results = suite.fn(cfg)
            load = monitor.load.describe() if monitor.load else ""
            waited = GATE.waited - waited_before
            if waited >= 1:
                load += f"; waited {waited:.0f} s in all for quieter moments"
            runs.append(report.SuiteRun(suite, results, load=load))
        except SuiteSkipped as exc:
            print(f"  SKIPPED: {exc}")
            runs.append(report.SuiteRun(suite, [], skipped=str(exc)))
        except Exception:  # noqa: BLE001 - report and go on with the other suites
            traceback.print_exc()
            print(f"  ERROR: suite {name} failed; its block in {args.out} is left as it was")
            failed = True
            continue
        print(f"  ({time.perf_counter() - start:.0f} s)")

    for run in runs:
        print(report.console_table(run))
    missed = [r for run in runs for r in run.results if r.ok is False]
    if args.out != "-" and runs:
        blocks = {
            run.suite.name: report.markdown_block(
                run, machine=info, date=date, command=command, mode=mode
            )
            for run in runs
        }
        skipped = {run.suite.name for run in runs if run.skipped}
        out = REPO_DIR / args.out
        report.rewrite(out, blocks, skipped)
        print(f"\nwrote {out.relative_to(REPO_DIR) if out.is_relative_to(REPO_DIR) else out}")
    if missed:
        print(f"\n{len(missed)} target(s) missed: " + "; ".join(r.metric.strip() for r in missed))
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
