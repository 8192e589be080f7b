"""The PySide6 front end: windows, panels, Qt item models and the background-task helper.

The only package that imports Qt. Widgets never query the database or start threads themselves:
they hand service calls to ``app.ui.tasks`` and receive row snapshots back on the GUI thread.
"""
