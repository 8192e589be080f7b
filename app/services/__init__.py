"""Use cases over the core: open a workspace, register, issue, sign, verify, sync, report, demo.

Plain synchronous Python with typed results and typed errors from ``app.errors``; the GUI runs these
on worker threads and the CLI calls them directly. No Qt here, and no user-facing wording beyond the
error messages themselves.
"""
