"""House rules an article must pass before it may be marked ready.

:func:`check_article` returns every :class:`Problem` with where it is (the field and a character
offset in it, so the editor can put the cursor there) and a code the UI translates; ``message``
is the English wording for logs and the command line.

* required fields: title, rubric and standfirst by default;
* headline length: at most ``headline_max`` characters (90 by default), counted as the reader
  sees them (spaces collapsed);
* banned phrases: whole words, ignoring case and accents, straight or curly apostrophes and the
  kind or number of spaces, in the title, the standfirst and the body;
* missing images: an image of the body that cannot be shown (:mod:`image_refs`: a path such
  as ``images/marche.jpg``, or an ``image:`` the database does not hold, when the caller passes
  ``known_images``). Always checked: a page with a hole in it is never ready.

:class:`HouseRules` is stored as JSON (``to_json``/``from_json``); unknown keys are ignored and
missing ones take their defaults, so an older or newer setting still loads.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from redaction.domain.image_refs import missing_images

MISSING = "missing"
HEADLINE_TOO_LONG = "headline_too_long"
BANNED_PHRASE = "banned_phrase"
MISSING_IMAGE = "missing_image"
FIELDS = ("title", "rubric", "standfirst", "body")
DEFAULT_BANNED = (
    "suite à",
    "au jour d'aujourd'hui",
    "voire même",
    "force est de constater",
    "au final",
    "pallier à",
    "en termes de",
    "faire sens",
    "il n'en demeure pas moins",
    "dans le but de",
)


class ArticleText(Protocol):
    title: str
    rubric: str
    standfirst: str
    body: str


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    offset: int
    code: str
    detail: str = ""
    length: int = 0

    @property
    def message(self) -> str:
        if self.code == MISSING:
            return f"The {self.field} is missing."
        if self.code == HEADLINE_TOO_LONG:
            return f"The headline is {self.detail} characters long; the limit is {self.offset}."
        if self.code == MISSING_IMAGE:
            return f"Image not found: “{self.detail}”."
        return f"Banned phrase in the {self.field}: “{self.detail}”."


@dataclass(frozen=True, slots=True)
class HouseRules:
    required: tuple[str, ...] = ("title", "rubric", "standfirst")
    headline_max: int = 90
    banned_phrases: tuple[str, ...] = DEFAULT_BANNED

    def to_json(self) -> str:
        return json.dumps(
            {
                "required": list(self.required),
                "headline_max": self.headline_max,
                "banned_phrases": list(self.banned_phrases),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> HouseRules:
        """The rules stored as ``text``; the defaults for anything absent or malformed."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        default = cls()
        required = data.get("required", default.required)
        banned = data.get("banned_phrases", default.banned_phrases)
        limit = data.get("headline_max", default.headline_max)
        return cls(
            required=tuple(f for f in required if f in FIELDS)
            if isinstance(required, list)
            else default.required,
            headline_max=limit if isinstance(limit, int) and limit > 0 else default.headline_max,
            banned_phrases=_strings(banned) if isinstance(banned, list) else default.banned_phrases,
        )


def _strings(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(v.strip() for v in values if isinstance(v, str) and v.strip())


def check_article(
    article: ArticleText,
    rules: HouseRules | None = None,
    known_images: Callable[[str], bool] | None = None,
) -> list[Problem]:
    """Every house-rule problem of ``article``, in reading order (title, rubric, standfirst, body).
    ``known_images`` tells which ``image:`` targets the database holds (see image_refs)."""
    rules = rules or HouseRules()
    problems: list[Problem] = []
    for name in FIELDS:
        if name in rules.required and not getattr(article, name).strip():
            problems.append(Problem(name, 0, MISSING))
    visible = re.sub(r"\s+", " ", article.title.strip())
    if len(visible) > rules.headline_max:
        problems.append(Problem("title", rules.headline_max, HEADLINE_TOO_LONG, str(len(visible))))
    pattern = banned_pattern(rules.banned_phrases)
    if pattern is not None:
        for name in ("title", "standfirst", "body"):
            for start, end, phrase in find_phrases(pattern, getattr(article, name)):
                problems.append(Problem(name, start, BANNED_PHRASE, phrase, end - start))
    for ref in missing_images(article.body, known_images):
        problems.append(Problem("body", ref.start, MISSING_IMAGE, ref.alt or ref.target, ref.end - ref.start))
    order = {name: index for index, name in enumerate(FIELDS)}
    return sorted(problems, key=lambda p: (order[p.field], p.offset))


def _fold_char(ch: str) -> str:
    if ch in "’ʼ‘`´":
        return "'"
    if ch.isspace():
        return " "
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Same length as ``text`` (offsets stay valid): lower case, no accents, one kind of space."""
    return text.translate({ord(ch): _fold_char(ch) for ch in set(text)})


def banned_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for phrase in phrases:
        folded = fold(phrase.strip())
        if folded:
            words = [re.escape(w) for w in folded.split(" ") if w]
            parts.append(r"[ ]+".join(words).replace("'", "' *"))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)  # the longest phrase wins at one place
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def find_phrases(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """(start, end, text as written) of each banned phrase in ``text``."""
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in pattern.finditer(fold(text))]
