"""Regular expressions and dataclass methods compiled once (redaction.start_cache): a second
start compiles none of them and gets the same patterns and classes, and no cache file, however
damaged, changes what a pattern matches or what a class does.

Each start is a fresh Python: this one has compiled the patterns already."""

from __future__ import annotations

import os
import re
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import pytest

from redaction import start_cache
from tests.compiled_cache import damages, fresh_start, warm_starts

# A start as the window's: patterns and a dataclass made between begin() and end(), then used.
START = r"""
import dataclasses, json, re, sys
from pathlib import Path
from redaction import start_cache
original = re._compiler.compile
cache = start_cache.begin(Path(sys.argv[1]))
byline = re.compile(r"(?:par\s+)?(?P<name>[\w.' -]+?),\s+(?P<role>envoyée? spéciale?|correspondante?)\b", re.IGNORECASE)
control = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]+")
verbose = re.compile(r'''
    (?<![\w@])        # not inside a word or an address
    @(?P<handle>\w{2,15})
''', re.VERBOSE)

@dataclasses.dataclass(frozen=True, order=True)
class Rubric:
    name: str
    rank: int = 0
    tags: tuple[str, ...] = ()

compiled = cache.compiled
start_cache.end()
assert re._compiler.compile is original, "re left patched"
assert "exec" not in vars(dataclasses), "dataclasses left patched"
try:
    Rubric("Portrait").name = "Économie"
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(json.dumps({
    "compiled": compiled,
    "byline": byline.search("Par Anne Le Gall, ENVOYÉE SPÉCIALE à Brest").groupdict(),
    "byline_flags": byline.flags,
    "groups": [byline.groups, sorted(byline.groupindex.items())],
    "control": [chunk.hex() for chunk in control.findall(b"a\x01\x02b\x1fc\n")],
    "handles": verbose.findall("@redaction, mail@example.org et @Le_Télégramme"),
    "rubric": repr(Rubric("Portrait", 2, ("people",))),
    "order": Rubric("Culture") < Rubric("Portrait") and Rubric("A", 1) == Rubric("A", 1),
    "hash": hash(Rubric("A")) == hash(Rubric("A")),
    "frozen": frozen,
    "init_annotations": {k: str(v) for k, v in Rubric.__init__.__annotations__.items()},
}))
"""

EXPECTED = {
    "byline": {"name": "Anne Le Gall", "role": "ENVOYÉE SPÉCIALE"},
    "control": ["0102", "1f"],
    "handles": ["redaction", "Le_Télégramme"],
    "rubric": "Rubric(name='Portrait', rank=2, tags=('people',))",
    "order": True,
    "hash": True,
    "frozen": True,
}


def _behaviour(started: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in started.items() if key != "compiled"}


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object], dict[str, object]]:
    """A first start, then a second one on the cache it left."""
    return warm_starts(START, tmp_path_factory.mktemp("cache") / start_cache.FILE_NAME)


def test_the_second_start_compiles_nothing_and_gets_the_same_patterns_and_classes(warm: tuple) -> None:
    cache, first, second = warm
    assert first["compiled"] >= 3 + 3  # three patterns, and the class's methods (init, repr, eq, …)
    assert {key: first[key] for key in EXPECTED} == EXPECTED
    assert first["init_annotations"] == {
        "name": "<class 'str'>",
        "rank": "<class 'int'>",
        "tags": "tuple[str, ...]",
        "return": "None",
    }
    assert cache.is_file() and cache.stat().st_mode & 0o077 == 0
    assert second["compiled"] == 0
    assert _behaviour(second) == _behaviour(first)


def test_a_start_that_compiles_nothing_new_leaves_the_file_alone(warm: tuple, tmp_path: Path) -> None:
    cache = tmp_path / start_cache.FILE_NAME
    cache.write_bytes(warm[0].read_bytes())
    written = cache.stat().st_mtime_ns
    os.utime(cache, ns=(written - 10**9, written - 10**9))
    fresh_start(START, cache)
    assert cache.stat().st_mtime_ns == written - 10**9


@pytest.mark.parametrize("damage", damages(start_cache.MAX_FILE_BYTES))
def test_a_damaged_or_foreign_cache_is_compiled_over(warm: tuple, tmp_path: Path, damage) -> None:
    cache = tmp_path / start_cache.FILE_NAME
    cache.write_bytes(damage(warm[0].read_bytes()))
    started = fresh_start(START, cache)
    assert started["compiled"] == warm[1]["compiled"]
    assert _behaviour(started) == _behaviour(warm[1])
    assert fresh_start(START, cache)["compiled"] == 0  # rewritten whole


def test_programs_the_regular_expression_engine_refuses_are_compiled_again(
    warm: tuple, tmp_path: Path
) -> None:
    kept = start_cache.read_marshalled(warm[0], start_cache.MAX_FILE_BYTES)
    assert isinstance(kept, dict) and kept["patterns"]
    for key, program in kept["patterns"].items():
        pattern, flags, _code, *rest = program
        kept["patterns"][key] = (pattern, flags, [255, 0, 1], *rest)
    kept["functions"] = {source: "not code" for source in kept["functions"]}
    cache = tmp_path / start_cache.FILE_NAME
    assert start_cache.write_marshalled(cache, kept)
    started = fresh_start(START, cache)
    assert started["compiled"] == warm[1]["compiled"]
    assert _behaviour(started) == _behaviour(warm[1])


def test_another_python_never_reuses_the_entries(warm: tuple, tmp_path: Path) -> None:
    kept = start_cache.read_marshalled(warm[0], start_cache.MAX_FILE_BYTES)
    assert isinstance(kept, dict)
    kept["python"] = (MAGIC_NUMBER, "3.11.0 (an older build)", 0, 0)
    cache = tmp_path / start_cache.FILE_NAME
    assert start_cache.write_marshalled(cache, kept)
    assert fresh_start(START, cache)["compiled"] == warm[1]["compiled"]


def test_an_unwritable_cache_folder_only_costs_the_compiling(warm: tuple, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    started = fresh_start(START, blocked / start_cache.FILE_NAME)
    assert started["compiled"] == warm[1]["compiled"]
    assert _behaviour(started) == _behaviour(warm[1])


def test_once_the_file_is_full_only_what_the_last_start_used_is_kept(tmp_path: Path, monkeypatch) -> None:
    """Patterns of older versions (or of typed searches) do not pile up from start to start."""
    monkeypatch.setattr(start_cache, "MAX_ENTRIES", 6)
    path = tmp_path / start_cache.FILE_NAME
    unique = os.urandom(6).hex()

    def a_start(names: list[str]) -> None:
        re.purge()  # as a fresh Python: nothing compiled yet
        cache = start_cache.StartCache(path)
        cache.install()
        try:
            for name in names:
                assert re.compile(f"{name}-{unique}").match(f"{name}-{unique}")
        finally:
            cache.uninstall()

    a_start(["brest", "quimper", "morlaix", "lannion", "vannes"])
    a_start(["lorient", "rennes", "brest"])
    assert {pattern for pattern, _flags in start_cache.StartCache(path).patterns} == {
        f"{name}-{unique}" for name in ["lorient", "rennes", "brest"]
    }
