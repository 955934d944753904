"""Spell checking of Markdown prose in French and English.

:func:`words_in_line` finds the words worth checking in one line (the highlighter's unit) and
:func:`words_in_text` in a whole text: code spans and fenced blocks, URLs, e-mail addresses, link
targets and HTML (see :mod:`redaction.domain.markup_spans`) are skipped, and so are numbers,
words with digits, ALL-CAPS acronyms and single letters.

:class:`SpellChecker` answers for one language. Its word list loads on demand (``load()``, which
a UI runs off its thread); until then :meth:`SpellChecker.is_misspelled` answers ``None``
("don't know"). French elisions (*l’*, *d’*, *qu’*, *jusqu’*…) are checked as their parts, a
hyphenated word is right if it is listed or all its parts are (*peut-être*, *vingt-cinq*,
*a-t-il*), and English accepts British spellings of listed American ones (*colour*,
*organise*). A capitalised word in mid-sentence is taken for a proper noun and not flagged,
since no shipped list knows the people and places of a local paper; at the start of a sentence
it is checked. Results are cached per word (LRU).

The :class:`PersonalDictionary` is one plain UTF-8 file, a word a line, shared by both
languages: what a journalist adds is almost always a name, and names don't change with the
article's language.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redaction.domain.lexicon import Lexicon, normalise
from redaction.domain.markup_spans import Span, iter_lines, line_spans

_WORD = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")
_SENTENCE_END = frozenset(".!?…:")
_MARKUP = " \t#>*_+-=|~[(«\"“‘'`\u00a0\u202f"
_ELISIONS = frozenset(
    ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu")
)
_BRITISH = (
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    sentence_start: bool = False


def words_in_line(line: str, spans: list[Span] | None = None) -> list[Word]:
    """The words of one line (not fenced code) to check, with their offsets in the line."""
    protected = line_spans(line) if spans is None else spans
    found: list[Word] = []
    for match in _WORD.finditer(line):
        start, end = match.span()
        if protected and any(s.start < end and start < s.end for s in protected):
            continue
        text = match.group()
        if not _worth_checking(text):
            continue
        found.append(Word(start, end, text, _starts_sentence(line, start)))
    return found


def words_in_text(text: str) -> Iterator[Word]:
    """:func:`words_in_line` over a whole Markdown text, offsets in the text, fenced code skipped."""
    for offset, line, in_code in iter_lines(text):
        if in_code:
            continue
        for word in words_in_line(line):
            yield Word(offset + word.start, offset + word.end, word.text, word.sentence_start)


def _worth_checking(text: str) -> bool:
    if len(text) < 2 or any(ch.isdigit() for ch in text):
        return False
    return not (text.isupper() and len(text.replace("-", "")) > 1)


def _starts_sentence(line: str, start: int) -> bool:
    before = line[:start].rstrip(_MARKUP)
    return not before or before[-1] in _SENTENCE_END


class PersonalDictionary:
    """Words the user added; a lower-case entry matches any case, a capitalised one only itself."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.version = 0
        self._words: set[str] = set()
        if path is not None and path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            self._words = {line.strip() for line in lines if line.strip()}

    def __contains__(self, word: str) -> bool:
        word = word.replace("’", "'")
        return word in self._words or word.lower() in self._words

    def __len__(self) -> int:
        return len(self._words)

    def words(self) -> list[str]:
        return sorted(self._words)

    def add(self, word: str) -> None:
        word = word.strip().replace("’", "'")
        if not word or word in self._words:
            return
        self._words.add(word)
        self.version += 1
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as file:
                file.write(word + "\n")


class SpellChecker:
    """One language's checker. Thread-safe to :meth:`load` from a worker; query from one thread."""

    def __init__(
        self, language: str, personal: PersonalDictionary | None = None, lexicon: Lexicon | None = None
    ) -> None:
        self.language = language
        self.personal = personal if personal is not None else PersonalDictionary()
        self._lexicon = lexicon
        self._ignored: set[str] = set()
        self._lock = threading.Lock()
        self._seen_version = self.personal.version
        self._known = lru_cache(maxsize=50_000)(self._lookup)

    @property
    def is_loaded(self) -> bool:
        return self._lexicon is not None

    def load(self, suggestions: bool = True) -> None:
        """Read the word list (about half a second): call it off the UI thread.

        With ``suggestions`` the index :meth:`suggest` needs is built too (another half second);
        otherwise the first suggestion builds it.
        """
        with self._lock:
            if self._lexicon is None:
                self._lexicon = Lexicon.load(self.language)
        if suggestions:
            self._lexicon.prepare_suggestions()

    def prepare_suggestions(self) -> None:
        if self._lexicon is not None:
            self._lexicon.prepare_suggestions()

    def is_misspelled(self, word: str, sentence_start: bool = True) -> bool | None:
        """True when ``word`` is unknown; None while the list is not loaded yet."""
        if self._lexicon is None:
            return None
        if self._seen_version != self.personal.version:
            self._seen_version = self.personal.version
            self._known.cache_clear()
        if self._known(word):
            return False
        return not (not sentence_start and word[:1].isupper() and word[1:].islower())

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the application quits."""
        self._ignored.add(word)
        self._known.cache_clear()

    def add(self, word: str) -> None:
        self.personal.add(word)

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        if self._lexicon is None:
            return []
        key = normalise(word)
        prefix = ""
        head, apostrophe, tail = key.partition("'")
        if apostrophe and head in _ELISIONS and tail:
            prefix = word[: len(head) + 1]
            key = tail
        found = self._lexicon.suggest(key, limit)
        if word[:1].isupper() and not prefix:
            found = [w[:1].upper() + w[1:] for w in found]
        apostrophe_char = "’" if "’" in word else "'"
        return [prefix + w.replace("'", apostrophe_char) for w in found]

    def _lookup(self, word: str) -> bool:
        if word in self._ignored or word in self.personal:
            return True
        return self._is_word(normalise(word))

    def _is_word(self, key: str) -> bool:
        lexicon = self._lexicon
        assert lexicon is not None
        if key in lexicon:
            return True
        head, apostrophe, tail = key.partition("'")
        if apostrophe and head in _ELISIONS and (not tail or self._is_word(tail)):
            return True
        if "-" in key:
            parts = [p for p in key.split("-") if p]
            if parts and all(len(p) == 1 or self._is_word(p) for p in parts):
                return True
        if self.language == "en":
            if key.endswith(("'s", "s'")) and self._is_word(key[:-2] if key.endswith("'s") else key[:-1]):
                return True  # possessives: the editor's, the editors'
            return any(rule.search(key) and rule.sub(repl, key) in lexicon for rule, repl in _BRITISH)
        return False
