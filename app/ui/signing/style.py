"""Colours of the signing screens' banners and badges, in one place (amber warns, red stops).

Colours carry meaning together with words, never alone: every badge also says what it means.
"""

BANNER_INFO = (
    "QLabel { background: #e8f1fb; color: #0b3d6e; border: 1px solid #9cc3ea; "
    "border-radius: 4px; padding: 8px; }"
)
BANNER_WARNING = (
    "QLabel { background: #fff4d6; color: #5c3d00; border: 1px solid #e0a800; "
    "border-radius: 4px; padding: 8px; }"
)
BANNER_ERROR = (
    "QLabel { background: #fde8e8; color: #7a1010; border: 1px solid #d9534f; "
    "border-radius: 4px; padding: 8px; }"
)
BANNER_OK = (
    "QLabel { background: #e6f4ea; color: #1e4620; border: 1px solid #7fbf86; "
    "border-radius: 4px; padding: 8px; }"
)
BADGE_DEMO = (
    "QLabel { background: #e0a800; color: #2b1d00; border-radius: 3px; "
    "padding: 2px 6px; font-weight: bold; }"
)

# Table and list colours (QColor names).
WARNING_BACKGROUND = "#fff4d6"
ERROR_BACKGROUND = "#fde8e8"
OK_BACKGROUND = "#e6f4ea"
PENDING_BACKGROUND = "#e8f1fb"

# The signature box on the preview and the thumbnails.
BOX_BORDER = "#1f5fbf"
BOX_FILL = "#401f5fbf"  # ARGB: translucent
BOX_WARNING_BORDER = "#c77700"
