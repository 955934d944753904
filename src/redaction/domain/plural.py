"""English counts for the command line and error messages: "1 change", "3 changes", never
"change(s)". (The window's texts go through Qt's translations, whose plural forms do this in
every language.)"""

from __future__ import annotations


def counted(n: int, singular: str, plural: str = "") -> str:
    """ "1 comment", "0 comments", "2 replies" (with ``plural`` for the irregular ones)."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
