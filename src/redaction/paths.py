"""Where shipped files live: beside the package in a wheel, at the repository root in a checkout,
and under the unpack folder in a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parents[1] / "resources"]
    for candidate in candidates:
        if (candidate / "preview.css").is_file():
            return candidate
    raise FileNotFoundError("redaction's resources folder is missing; reinstall redaction")


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def cache_dir() -> Path:
    """The per-user cache folder (``$XDG_CACHE_HOME/redaction`` on Linux): files redaction can
    rebuild at any time (compiled translations, the preview's kept page, compiled modules)."""
    from platformdirs import user_cache_path

    return user_cache_path("redaction", appauthor=False)


def write_cache_file(path: Path, data: bytes) -> bool:
    """Replace the cache file ``path`` with ``data`` whole (never half-written: a temporary file
    renamed into place), readable by the user only, its folder made if needed; False when it
    could not be written (a full disk, a read-only folder): a cache is only ever a shortcut."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
