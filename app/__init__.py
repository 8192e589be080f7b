"""VBĐT Desktop: electronic official documents for Vietnamese state agencies.

The core packages (domain, models, storage, signing, sync, reports, services, demo) are Qt-free;
only ``app.ui`` imports PySide6. ``app.cli`` is a second front end over the same services.
"""

__version__ = "0.1.0"
APP_NAME = "VBĐT Desktop"
# Used for platformdirs folders: ASCII only, so paths stay portable on every Windows code page.
APP_DIR_NAME = "vbdt-desktop"
