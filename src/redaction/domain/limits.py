"""How long an article can reasonably be, and what the tools do past it (no Qt here).

A newsroom's longest pieces, long reads and special reports, run to 20,000–30,000 words, about
200,000 characters; a whole book is 500,000 to 1,000,000. :data:`LONG_TEXT_CHARS` is ten times
the longest piece a newsroom publishes: no article needs more. Past it, an import says so (the
text is still imported, whole), and the editor works in long-text mode: no syntax colours or
spelling underlines (Python would format millions of lines one by one), counts computed behind
the typing, and a preview of the beginning only (a laid-out page costs ~50 bytes a character).
"""

from __future__ import annotations

LONG_TEXT_CHARS = 2_000_000


def is_long_text(text: str) -> bool:
    return len(text) > LONG_TEXT_CHARS
