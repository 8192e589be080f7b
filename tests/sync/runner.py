"""``python -m tests.sync.runner [--data-dir D] [--db-url U] sync ...``: ``python -m app`` for the
crash matrix's children, with the ``sync`` command added should ``app/cli.py`` not wire it, and
dispatched like ``app.cli.main``.
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
