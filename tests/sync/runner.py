"""``python -m tests.sync.runner [--data-dir D] [--db-url U] sync ...``: the CLI with ``sync``.

``app/cli.py`` gains the ``sync`` command through two wiring lines (docs/sync.md); until they
land, this runner adds it to the same parser and dispatches like ``app.cli.main``, so the
subprocess tests run the command ``python -m app sync`` will run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import cli
from app.errors import AppError
from app.messages import describe


def build_parser() -> argparse.ArgumentParser:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "sync" not in sub.choices:
        from app.cli_sync import add_sync_commands

        add_sync_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cli._start_logging(args)
    try:
        return int(args.handler(args))
    except AppError as exc:
        print(f"vbdt: {describe(exc)}", file=sys.stderr)
        return cli.EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
