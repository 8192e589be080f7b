"""Dialogs: sign-in, the workflow action forms, the new-draft form, settings."""
