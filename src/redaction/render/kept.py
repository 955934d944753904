"""The preview's HTML of the article last open, kept between sessions: a cache, never a source.

A start shows the article that was open when the window last closed. With the HTML its segments
were rendered to, saved at close and read back at the next start, the window paints that preview
without Python-Markdown, which is imported behind the first paint instead. An entry is keyed by
its Markdown and the definitions it was rendered with (exactly as :class:`BlockRenderer`
remembers it), and the whole file by the renderer that made it (:func:`renderer_stamp`): a file
from another version of redaction or of Python-Markdown, a damaged or unreadable one, is ignored
and replaced at the next close. So it can make a start slower, never show other HTML than a
render would.
"""

from __future__ import annotations

import json
import sys
from importlib.util import find_spec
from pathlib import Path

from redaction import __version__
from redaction.paths import cache_dir, write_cache_file

FORMAT = 1
MAX_CHARS = 100_000  # the most Markdown kept: the opening of a long read and all its headings
MAX_FILE_BYTES = 4_000_000  # far above what MAX_CHARS makes: a bigger file is not read at all
FILE_NAME = "preview.json"


def cache_file() -> Path:
    """Where it is kept: the per-user cache folder (``$XDG_CACHE_HOME/redaction`` on Linux)."""
    return cache_dir() / FILE_NAME


def _signature(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{path.name}:-"
    return f"{path.name}:{info.st_mtime_ns}:{info.st_size}"


def renderer_stamp() -> str:
    """What the HTML depends on besides the Markdown: this build of redaction's renderer and the
    installed Python-Markdown (their files' sizes and times; in a frozen app, the executable's)."""
    parts = [f"redaction {__version__}"]
    if getattr(sys, "frozen", False):
        parts.append(_signature(Path(sys.executable)))
    else:
        here = Path(__file__).resolve().parent
        parts += [_signature(path) for path in sorted(here.glob("*.py"))]
        spec = find_spec("markdown")
        if spec is not None and spec.origin:
            package = Path(spec.origin).parent
            parts += [_signature(package / name) for name in ("__init__.py", "__meta__.py", "core.py")]
    return "|".join(parts)


def load(path: Path, stamp: str | None = None) -> dict[tuple[str, str], str]:
    """The entries kept in ``path``; none if it is missing, unreadable, damaged, too big to be
    one of ours or stamped by another renderer."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return {}
        data = json.loads(raw)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    if data.get("renderer") != (stamp if stamp is not None else renderer_stamp()):
        return {}
    entries = data.get("entries")
    if not isinstance(entries, list):
        return {}
    kept: dict[tuple[str, str], str] = {}
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 3 and all(isinstance(x, str) for x in entry)):
            return {}
        kept[(entry[0], entry[1])] = entry[2]
    return kept


def save(path: Path, entries: dict[tuple[str, str], str], stamp: str | None = None) -> bool:
    """Keep ``entries`` in ``path`` (replacing it whole, never half-written); False when it could
    not be written (a full disk, a read-only folder): the next start then renders, as it would
    without the file."""
    data = {
        "format": FORMAT,
        "renderer": stamp if stamp is not None else renderer_stamp(),
        "entries": [[segment, context, html] for (segment, context), html in entries.items()],
    }
    return write_cache_file(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
