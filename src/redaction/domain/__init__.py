"""Pure-Python newsroom rules: no Qt, no database."""
