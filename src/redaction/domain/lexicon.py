"""The word lists behind spell checking: loading them and suggesting corrections.

The lists are the French and English word-frequency dictionaries shipped inside the
``pyspellchecker`` wheel (``spellchecker/resources/<lang>.json.gz``), so a packaged app carries
them and never depends on a system dictionary. We only read its data: its own suggestion code
tries every edit at distance two and takes about a second per word in French, too slow for a
context menu. :meth:`Lexicon.suggest` instead looks up the word with its accents removed
(the commonest French slip: *pecheurs* for *pêcheurs*) and every single edit of that folded
form, then ranks by frequency; distance two is a fallback for short words only.

Loading parses the file a few thousand lines at a time rather than with one ``json.loads`` call:
a single C call over the whole list holds the GIL for ~0.3 s and would freeze the window while
a background thread loads; between chunks the UI thread gets its turn every few milliseconds.
"""

from __future__ import annotations

import codecs
import json
import threading
import unicodedata
import zlib
from collections.abc import Iterator, Mapping

LANGUAGES = ("fr", "en")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz'-"
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'"}


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base != ch and base.isascii():
            table[code] = base
    for ch, folded in _LIGATURES.items():
        table[ord(ch)] = folded
    return table


_FOLD = _fold_table()


def fold(word: str) -> str:
    """Lower case, accents and ligatures undone, typographic apostrophe made straight."""
    return word.lower().translate(_FOLD)


def normalise(word: str) -> str:
    """The form the lists use: lower case, straight apostrophe, ligatures spelled out."""
    word = word.lower()
    if word.isascii():
        return word
    return word.replace("’", "'").replace("ʼ", "'").replace("œ", "oe").replace("æ", "ae")


def read_frequencies(language: str) -> dict[str, int]:
    """The shipped list for ``language``: lower-case word -> frequency."""
    if language not in LANGUAGES:
        raise ValueError(f"no dictionary for language {language!r}")
    from importlib import resources  # here: the lists load behind the window, not before it

    # One part per joinpath: a frozen Python 3.11 gives a MultiplexedPath taking only one.
    data = resources.files("spellchecker").joinpath("resources").joinpath(f"{language}.json.gz").read_bytes()
    frequencies: dict[str, int] = {}
    for chunk in _chunks(_lines(data)):
        for word, count in chunk.items():
            if isinstance(count, int):
                frequencies[word if word.isascii() else normalise(word)] = count
    return frequencies


def _lines(gzipped: bytes, piece: int = 1 << 17) -> Iterator[str]:
    """The decompressed text line by line, inflated and decoded a small piece at a time."""
    inflater = zlib.decompressobj(wbits=31)
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = gzipped
    rest = ""
    while pending or not inflater.eof:
        out = inflater.decompress(pending, piece)
        pending = inflater.unconsumed_tail
        if not out and not pending:
            break
        lines = (rest + decoder.decode(out)).split("\n")
        rest = lines.pop()
        yield from lines
    yield rest + decoder.decode(b"", final=True)


def _chunks(lines: Iterator[str], size: int = 2000) -> Iterator[dict[str, object]]:
    """The JSON object (one '"word": count,' entry a line) parsed a few thousand lines at a time."""
    batch: list[str] = []
    for line in lines:
        if line.startswith('"'):
            batch.append(line)
            if len(batch) >= size:
                yield _parse(batch)
                batch = []
    if batch:
        yield _parse(batch)


def _parse(batch: list[str]) -> dict[str, object]:
    return json.loads("{" + "\n".join(batch).rstrip().rstrip(",") + "}")


class Lexicon:
    """One language's words with their frequencies, and an index of their accent-free forms."""

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.frequencies = dict(frequencies)
        # Accent-free form -> the listed words that have accents and fold to it. A word that is
        # its own folded form is not stored (it is found in ``frequencies``): half the memory.
        self._by_folded: dict[str, tuple[str, ...]] | None = None
        self._lock = threading.Lock()

    def prepare_suggestions(self) -> None:
        """Build the accent-free index :meth:`suggest` needs (done once; a loader thread calls it)."""
        with self._lock:
            if self._by_folded is not None:
                return
            index: dict[str, list[str]] = {}
            for word in self.frequencies:
                folded = word.translate(_FOLD)
                if folded != word:
                    index.setdefault(folded, []).append(word)
            # Tuples, not lists: the garbage collector stops looking at a tuple of strings after
            # one pass, while ~140,000 lists stayed in every full collection (50 ms at a keystroke).
            self._by_folded = {folded: tuple(words) for folded, words in index.items()}

    def _folding_to(self, folded: str) -> tuple[str, ...]:
        """Every listed word whose accent-free form is ``folded``."""
        assert self._by_folded is not None
        accented = self._by_folded.get(folded, ())
        return (folded, *accented) if folded in self.frequencies else accented

    @classmethod
    def load(cls, language: str) -> Lexicon:
        return cls(read_frequencies(language))

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Likely intended words for a misspelled (already normalised) ``word``, best first."""
        self.prepare_suggestions()
        folded = fold(word)
        found: set[str] = set(self._folding_to(folded))
        accent_only = set(found)
        first_edits = list(_edits(folded))
        for edit in first_edits:
            found.update(self._folding_to(edit))
        if not found and len(folded) <= 8:
            for edit in first_edits:
                for second in _edits(edit):
                    found.update(self._folding_to(second))
        found.discard(word)
        ranked = sorted(found, key=lambda w: (w not in accent_only, -self.frequencies.get(w, 0), w))
        ranked += self._splits(word)
        return ranked[:limit]

    def _splits(self, word: str) -> list[str]:
        """ "alot" -> "a lot": both halves are words (one-letter halves only if common)."""
        pairs = []
        for cut in range(1, len(word)):
            left, right = word[:cut], word[cut:]
            if left in self.frequencies and right in self.frequencies and min(len(left), len(right)) > 1:
                pairs.append((self.frequencies[left] + self.frequencies[right], f"{left} {right}"))
        return [text for _, text in sorted(pairs, reverse=True)[:2]]


def _edits(word: str) -> Iterator[str]:
    """Every string one delete, transposition, replacement or insertion away from ``word``."""
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            yield left + right[1:]
            if len(right) > 1:
                yield left + right[1] + right[0] + right[2:]
            for letter in _ALPHABET:
                if letter != right[0]:
                    yield left + letter + right[1:]
        for letter in _ALPHABET:
            yield left + letter + right
