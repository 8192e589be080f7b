"""Panels the main window composes: each owns its widgets and talks through signals."""
