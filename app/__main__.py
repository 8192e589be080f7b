"""``python -m app``: the command-line front end (and ``gui`` for the desktop window)."""

from app.cli import main

raise SystemExit(main())
