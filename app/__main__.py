"""``python -m app``: the command-line front end (and ``gui`` for the desktop window).

This file is also the frozen bundle's entry script (build.spec). The verifier's isolated worker
and the sync pool start children with ``spawn``: in a bundle a child is the bundle's own
executable, and ``multiprocessing.freeze_support()`` is what turns it into a worker instead of
another run of the whole app (which would take the worker's arguments for its own, or, started
as a double-clicked GUI, open windows and children of its own). It must run first, before
anything heavy is imported, and only in the real ``__main__``.
"""

import multiprocessing
import sys


def _argv() -> list[str]:
    args = sys.argv[1:]
    # A double-clicked bundle has no arguments: open the window rather than print a usage error.
    if getattr(sys, "frozen", False) and not args:
        return ["gui"]
    return args


if __name__ == "__main__":
    multiprocessing.freeze_support()
    from app.cli import main

    raise SystemExit(main(_argv()))
