"""``python -m tests.services.cli_runner ARGS``: ``python -m app ARGS`` with the ``doc`` commands.

Until ``app.cli`` registers ``add_doc_commands`` itself, this adds them to its parser and runs the
same error handling as ``app.cli.main``; once registered, it changes nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app import cli
from app.cli_doc import add_doc_commands
from app.errors import AppError, UserCancelled
from app.messages import describe


def build_parser() -> argparse.ArgumentParser:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and "doc" not in action.choices:
            add_doc_commands(action)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cli._start_logging(args)
    try:
        return int(args.handler(args))
    except UserCancelled:
        return cli.EXIT_FAIL
    except AppError as exc:
        print(f"vbdt: {describe(exc)}", file=sys.stderr)
        return cli.EXIT_FAIL
    except Exception as exc:
        logging.getLogger("app.cli").exception("unexpected error")
        print(f"vbdt: {describe(exc)} (chi tiết trong tệp nhật ký)", file=sys.stderr)
        return cli.EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
