"""Scripts that take the user guide's screenshots from the real application (not tests)."""
