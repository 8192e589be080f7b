"""The PySide6 front end: windows, panels, Qt item models and the background-task helper.

The only package that imports Qt. Widgets never query the database or start threads themselves:
they hand service calls to ``app.ui.tasks`` and receive row snapshots back on the GUI thread.
"""

from app.ui.none_guard import keep_none_alive

# Before any Qt call in this process (the app, the tests, the screenshot scripts): see none_guard.
keep_none_alive()
