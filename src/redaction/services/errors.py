"""Errors that mean "the person gave us something we will not use" (the CLI exits with 2)."""

from __future__ import annotations


class RefusedError(Exception):
    """Bad input, refused before anything was written; ``str(error)`` is one sentence for a person."""
