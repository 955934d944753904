"""PySide6 imported with shiboken's support modules compiled once (redaction.ui.qt_support):
a second start compiles none of them, and no cache file, however damaged, stops Qt from loading.

Each start is a fresh Python (this one has PySide6 imported already)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redaction.ui import qt_support
from tests.compiled_cache import damages, fresh_start, warm_starts

# A start as the window's: shiboken's compile() calls counted, then Qt used for real.
START = """
import builtins, json, sys
from pathlib import Path
compiled = []
real = builtins.compile
def counting(source, filename, mode, *args, **kwargs):
    if isinstance(filename, str) and filename.startswith("shibokensupport/"):
        compiled.append(filename)
    return real(source, filename, mode, *args, **kwargs)
builtins.compile = counting
from redaction.ui.qt_support import import_qt
import_qt(Path(sys.argv[1]))
assert builtins.compile is counting, "compile() left patched"
from PySide6.QtCore import QLocale
try:
    QLocale().toString(object())  # explained by the support modules: their parser, their mapping
except TypeError as exc:
    explained = "Supported signatures" in str(exc) and "QDate" in str(exc)
print(json.dumps({"compiled": compiled, "locale": QLocale("fr_FR").name(), "explained": explained}))
"""


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object], dict[str, object]]:
    """A first start, then a second one on the cache it left."""
    return warm_starts(START, tmp_path_factory.mktemp("cache") / qt_support.FILE_NAME)


def test_the_second_start_compiles_none_of_shibokens_modules(warm: tuple) -> None:
    cache, first, second = warm
    assert len(first["compiled"]) >= 10  # the loader, its parser, mapping, layout, …
    assert cache.is_file() and cache.stat().st_mode & 0o077 == 0
    assert second["compiled"] == []
    assert second["locale"] == "fr_FR" and second["explained"]
    assert set(qt_support.load(cache)) == set(first["compiled"])


@pytest.mark.parametrize("damage", damages(qt_support.MAX_FILE_BYTES))
def test_a_damaged_or_foreign_cache_is_compiled_over(warm: tuple, tmp_path: Path, damage) -> None:
    cache = tmp_path / qt_support.FILE_NAME
    cache.write_bytes(damage(warm[0].read_bytes()))
    started = fresh_start(START, cache)
    assert sorted(started["compiled"]) == sorted(warm[1]["compiled"])
    assert started["locale"] == "fr_FR" and started["explained"]
    assert set(qt_support.load(cache)) == set(warm[1]["compiled"])  # rewritten whole


def test_a_module_whose_source_changed_is_compiled_again(warm: tuple, tmp_path: Path) -> None:
    """Another PySide6 installed since: its modules never run the old code."""
    kept = qt_support.load(warm[0])
    changed = sorted(kept)[0]
    source, code = kept[changed]
    kept[changed] = (source + b"\n# an older shiboken\n", code)
    cache = tmp_path / qt_support.FILE_NAME
    assert qt_support.save(cache, kept)
    assert fresh_start(START, cache)["compiled"] == [changed]
    assert qt_support.load(cache)[changed][0] == source


def test_an_unwritable_cache_folder_only_costs_the_compiling(warm: tuple, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    started = fresh_start(START, blocked / qt_support.FILE_NAME)
    assert sorted(started["compiled"]) == sorted(warm[1]["compiled"])
    assert started["locale"] == "fr_FR"
