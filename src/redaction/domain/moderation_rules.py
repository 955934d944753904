"""Moderation rules that explain themselves: what happens to a NEW pending comment, and why.

The semantics follow WordPress's discussion settings. Rules are tried in this order and the
first one that matches decides (see docs/moderation-rules.md):

1. duplicate: an earlier comment (not trashed) on the same article, under the same parent,
   with the same author name, email and text → held;
2. flood: another comment from the same email (ignoring case) or IP less than
   ``flood_seconds`` (15) earlier → held;
3. dangerous markup: a script, style or iframe element, an event handler, a ``javascript:``
   address, or invisible and bidi control characters in the text as the site stored it
   (``domain.untrusted``) → held, or spam (``dangerous_markup``; "off" turns it off);
4. links: ``max_links`` (2) or more links in the text, counting ``<a href>`` elements and bare
   http(s) URLs (a link whose text is its URL counts once; 0 turns the rule off) → held;
5. moderation words, found in the name, email, website, IP or text (the text as a reader sees
   it: tags removed, entities decoded) → held;
6. blocked words (same fields), blocked emails, email domains (and their subdomains) or IPs
   (an address, a CIDR network like ``10.0.0.0/8`` or a prefix ending in ``.`` or ``:``) → trash;
7. author previously approved: an approved comment with the same name and email (a comment
   without an email never qualifies) → approved;
8. otherwise the comment stays pending, with no reason.

"Held" means the comment stays pending, but with a reason the moderator can read
(``held: 3 links ≥ 2``). Beyond WordPress, words match whole words, ignoring case and accents
("press" does not hit "WordPress"; "élu" matches "ELU"), unless the rule set asks for
substring matching. A word is found within one field: the first moderation word (fields in
the order above, then leftmost, then longest) holds, else the first blocked word trashes.
This module is pure: the facts that need the database (is it a duplicate,
a flood, is the author known) come through a :class:`Context`.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any, Protocol

from redaction.domain.untrusted import DANGEROUS, markup_flags, searchable_text
from redaction.domain.wordmatch import WordList, fold, prepare


class Outcome(StrEnum):
    """What the rules do to a pending comment."""

    HELD = "held"
    TRASH = "trash"
    APPROVED = "approved"
    PENDING = "pending"
    SPAM = "spam"

    @property
    def status(self) -> str:
        """The comment status this outcome leaves the comment in."""
        return {"held": "pending", "trash": "trash", "approved": "approved", "spam": "spam"}.get(
            self.value, "pending"
        )


class MatchMode(StrEnum):
    WHOLE_WORD = "whole_word"
    SUBSTRING = "substring"


class MarkupAction(StrEnum):
    """What the dangerous-markup rule does: nothing, hold the comment, or mark it spam."""

    OFF = "off"
    HELD = "held"
    SPAM = "spam"


def _clean_words(words: Iterable[str]) -> tuple[str, ...]:
    cleaned = (" ".join(str(w).split()) for w in words)
    return tuple(dict.fromkeys(w for w in cleaned if w))


def _clean_email(value: str) -> str:
    email = value.strip().lower()
    if email.count("@") != 1 or email.startswith("@") or email.endswith("@") or " " in email:
        raise ValueError(f"{value!r} is not an email address")
    return email


def _clean_domain(value: str) -> str:
    domain = value.strip().lower().removeprefix("@").strip(".")
    if not domain or "@" in domain or " " in domain:
        raise ValueError(f"{value!r} is not an email domain (write it as example.com)")
    return domain


def _clean_ip(value: str) -> str:
    text = value.strip().lower()
    if text.endswith((".", ":")) and re.fullmatch(r"[0-9a-f.:]+", text):
        return text  # a prefix, as WordPress lets people write "192.168."
    try:
        return (
            str(ipaddress.ip_network(text, strict=False)) if "/" in text else str(ipaddress.ip_address(text))
        )
    except ValueError:
        raise ValueError(
            f"{value!r} is not an IP address, a network (10.0.0.0/8) or a prefix (192.168.)"
        ) from None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The newsroom's moderation rules; :meth:`normalized` checks and tidies them."""

    max_links: int = 2
    moderation_words: tuple[str, ...] = ()
    blocked_words: tuple[str, ...] = ()
    blocked_emails: tuple[str, ...] = ()
    blocked_domains: tuple[str, ...] = ()
    blocked_ips: tuple[str, ...] = ()
    match_mode: str = MatchMode.WHOLE_WORD.value
    hold_duplicates: bool = True
    flood_seconds: int = 15
    approve_known_authors: bool = True
    dangerous_markup: str = MarkupAction.HELD.value

    def normalized(self) -> RuleSet:
        """Blank entries dropped, duplicates removed, emails and IPs checked; ValueError if wrong."""
        if isinstance(self.max_links, bool) or not isinstance(self.max_links, int) or self.max_links < 0:
            raise ValueError(f"max_links must be a whole number ≥ 0, not {self.max_links!r}")
        if (
            isinstance(self.flood_seconds, bool)
            or not isinstance(self.flood_seconds, int)
            or self.flood_seconds < 0
        ):
            raise ValueError(f"flood_seconds must be a whole number ≥ 0, not {self.flood_seconds!r}")
        try:
            mode = MatchMode(self.match_mode).value
        except ValueError:
            raise ValueError(f"match_mode must be whole_word or substring, not {self.match_mode!r}") from None
        try:
            markup = MarkupAction(self.dangerous_markup).value
        except ValueError:
            raise ValueError(
                f"dangerous_markup must be off, held or spam, not {self.dangerous_markup!r}"
            ) from None
        return replace(
            self,
            dangerous_markup=markup,
            moderation_words=_clean_words(self.moderation_words),
            blocked_words=_clean_words(self.blocked_words),
            blocked_emails=tuple(dict.fromkeys(_clean_email(e) for e in self.blocked_emails if e.strip())),
            blocked_domains=tuple(dict.fromkeys(_clean_domain(d) for d in self.blocked_domains if d.strip())),
            blocked_ips=tuple(dict.fromkeys(_clean_ip(i) for i in self.blocked_ips if i.strip())),
            match_mode=mode,
        )

    def with_blocked_email(self, email: str) -> RuleSet:
        """The same rules, also trashing comments from ``email``."""
        return replace(self, blocked_emails=(*self.blocked_emails, _clean_email(email))).normalized()

    def to_dict(self) -> dict[str, Any]:
        return {
            key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuleSet:
        """Read what :meth:`to_dict` wrote; unknown keys (from a newer version) are ignored."""
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        for key, value in known.items():
            if isinstance(getattr(cls(), key), tuple):
                if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                    raise ValueError(f"{key} must be a list of texts")
                known[key] = tuple(value)
        return cls(**known).normalized()


@dataclass(frozen=True, slots=True)
class IncomingComment:
    """What the rules look at in a comment (``id`` lets the context answer about it)."""

    id: int
    author_name: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    body: str = ""  # as the site stored it
    search_text: str | None = None  # what a reader sees of it; None: the body itself
    text_flags: int | None = None  # domain.untrusted.derive's flags; None: not derived yet


def reader_text(comment: IncomingComment) -> str:
    """The text the word rules read: the stored searchable text, else derived from the body."""
    if comment.search_text is not None:
        return comment.search_text
    if comment.text_flags is None:
        return searchable_text(comment.body)
    return comment.body


def comment_flags(comment: IncomingComment) -> int:
    """The stored flags, else those of the body."""
    return markup_flags(comment.body) if comment.text_flags is None else comment.text_flags


class Context(Protocol):
    """Facts about a comment that only the database knows."""

    def is_duplicate(self, comment_id: int) -> bool: ...

    def is_flood(self, comment_id: int) -> bool: ...

    def previously_approved(self, name: str, email: str) -> bool: ...


def author_key(name: str, email: str) -> tuple[str, str]:
    """How "the same author" is compared: name as written (trimmed), email in lower case."""
    return (name.strip(), email.strip().lower())


@dataclass(frozen=True, slots=True)
class KnownFacts:
    """A :class:`Context` from precomputed sets (what the services build with set-based SQL)."""

    duplicates: frozenset[int] = frozenset()
    floods: frozenset[int] = frozenset()
    approved_authors: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def is_duplicate(self, comment_id: int) -> bool:
        return comment_id in self.duplicates

    def is_flood(self, comment_id: int) -> bool:
        return comment_id in self.floods

    def previously_approved(self, name: str, email: str) -> bool:
        return bool(email.strip()) and author_key(name, email) in self.approved_authors


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    reason: str = ""

    @property
    def status(self) -> str:
        return self.outcome.status


PENDING = Verdict(Outcome.PENDING)
DUPLICATE = Verdict(Outcome.HELD, "held: duplicate of an earlier comment")
APPROVED_AUTHOR = Verdict(Outcome.APPROVED, "approved: author previously approved")
MARKUP_HELD = Verdict(Outcome.HELD, "held: dangerous markup")
MARKUP_SPAM = Verdict(Outcome.SPAM, "spam: dangerous markup")
_ANCHOR = re.compile(r"<a\b[^>]*?\bhref\b[^>]*>(?:(?:(?!<a\b).)*?</a\s*>)?", re.IGNORECASE | re.DOTALL)
_URL = re.compile(r"https?://", re.IGNORECASE)


def count_links(body: str) -> int:
    """``<a href>`` elements (their text included) plus bare http(s) URLs elsewhere in ``body``."""
    if "<" not in body and "://" not in body:
        return 0
    if "<" in body:
        anchors = len(_ANCHOR.findall(body))
        if anchors:
            body = _ANCHOR.sub(" ", body)
        return anchors + len(_URL.findall(body))
    return len(_URL.findall(body))


def _parse_ip(text: str) -> tuple[int, int] | None:
    """(version, number) of an IP address, through the C parser (ipaddress is 10x slower)."""
    family, version = (socket.AF_INET6, 6) if ":" in text else (socket.AF_INET, 4)
    try:
        return version, int.from_bytes(socket.inet_pton(family, text), "big")
    except OSError:
        return None


def _quoted(text: str) -> str:
    return f"“{text}”"


class CompiledRules:
    """A :class:`RuleSet` with its matchers built once, to decide about many comments quickly."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules = rules.normalized()
        whole = rules.match_mode == MatchMode.WHOLE_WORD
        self._moderation = WordList(rules.moderation_words, whole_words=whole)
        self._blocked = WordList(rules.blocked_words, whole_words=whole)
        # Both lists in one pattern: most comments contain neither, and then one search suffices.
        self._words = WordList((*rules.moderation_words, *rules.blocked_words), whole_words=whole)
        self._emails = frozenset(rules.blocked_emails)
        self._domains = frozenset(rules.blocked_domains)
        self._ip_exact = frozenset(
            ip for ip in rules.blocked_ips if not ip.endswith((".", ":")) and "/" not in ip
        )
        self._ip_prefixes = tuple(ip for ip in rules.blocked_ips if ip.endswith((".", ":")))
        self.flood = Verdict(
            Outcome.HELD,
            f"held: flood, another comment from the same email or IP less than {rules.flood_seconds} s before",
        )
        self._ip_networks = tuple(
            (network.version, int(network.network_address), int(network.netmask), ip)
            for ip in rules.blocked_ips
            if "/" in ip
            for network in (ipaddress.ip_network(ip),)
        )

    @property
    def has_words(self) -> bool:
        return bool(self._words)

    def folded_words(self) -> list[str]:
        """Every moderation and blocked word, folded (lower case, no accents, ligatures spelt out)."""
        return [fold(w) for w in (*self.rules.moderation_words, *self.rules.blocked_words) if fold(w)]

    def _blocked_email(self, email: str) -> str | None:
        email = email.strip().lower()
        if not email:
            return None
        if email in self._emails:
            return f"trash: blocked email {_quoted(email)}"
        if self._domains:
            labels = email.rpartition("@")[2].split(".")
            for start in range(len(labels)):
                domain = ".".join(labels[start:])
                if domain in self._domains:
                    return f"trash: blocked email domain {_quoted(domain)}"
        return None

    def _blocked_ip(self, ip: str) -> str | None:
        ip = ip.strip().lower()
        if not ip:
            return None
        if ip in self._ip_exact:
            return f"trash: blocked IP {_quoted(ip)}"
        for prefix in self._ip_prefixes:
            if ip.startswith(prefix):
                return f"trash: blocked IP {_quoted(prefix)}"
        if self._ip_networks:
            parsed = _parse_ip(ip)
            if parsed is None:
                return None
            version, number = parsed
            for net_version, network, mask, written in self._ip_networks:
                if version == net_version and number & mask == network:
                    return f"trash: blocked IP {_quoted(written)}"
        return None

    def decide(self, comment: IncomingComment, context: Context) -> Verdict:
        """The first rule that matches ``comment``, in the documented order.

        ``comment`` may be any object with IncomingComment's attributes (a database row).
        """
        content = self.judge_content(comment)
        return self.finish(comment.id, comment.author_name, comment.author_email, content, context)

    def field_words(self, text: str) -> tuple[str | None, str | None]:
        """The first moderation word and the first blocked word (folded) in one field."""
        if not text or not self._words:
            return None, None
        prepared = prepare(text)
        found = self._words.search(prepared)
        if found is None:
            return None, None
        if found in self._moderation:
            return found, None
        return self._moderation.search(prepared), found

    def words_verdict(self, found: Iterable[tuple[str | None, str | None]]) -> Verdict | None:
        """Rules 5 and 6 (words) from :meth:`field_words` of each field, in the documented order."""
        blocked = None
        for moderation_word, blocked_word in found:
            if moderation_word is not None:
                return Verdict(
                    Outcome.HELD,
                    f"held: moderation word {_quoted(self._moderation.spelling(moderation_word))}",
                )
            if blocked is None:
                blocked = blocked_word
        if blocked is not None:
            return Verdict(Outcome.TRASH, f"trash: blocked word {_quoted(self._blocked.spelling(blocked))}")
        return None

    def address_verdict(self, email: str, ip: str) -> Verdict | None:
        """Rule 6's blocked emails, domains and IPs."""
        reason = self._blocked_email(email) or self._blocked_ip(ip)
        return None if reason is None else Verdict(Outcome.TRASH, reason)

    def markup_verdict(self, flags: int) -> Verdict | None:
        """Rule 3, from the comment's flags (``domain.untrusted``)."""
        action = self.rules.dangerous_markup
        if action == MarkupAction.OFF or not flags & DANGEROUS:
            return None
        if action == MarkupAction.SPAM:
            return MARKUP_SPAM
        return MARKUP_HELD

    def links_verdict(self, body: str) -> Verdict | None:
        """Rule 4, from the body as the site stored it."""
        limit = self.rules.max_links
        if not limit:
            return None
        links = count_links(body)
        if links < limit:
            return None
        return Verdict(Outcome.HELD, f"held: {links} link{'s' if links != 1 else ''} ≥ {limit}")

    def judge_content(self, comment: IncomingComment) -> Verdict | None:
        """Rules 3 to 6 (markup, links, moderation and blocked words, blocked emails and IPs): the
        ones that need nothing but the comment, so they can run before the context is known."""
        verdict = self.markup_verdict(comment_flags(comment)) or self.links_verdict(comment.body)
        if verdict is not None:
            return verdict
        if self._words:
            fields = (comment.author_name, comment.author_email, comment.author_url, comment.author_ip)
            found = [self.field_words(f) for f in fields]
            found.append(self.field_words(reader_text(comment)))
            verdict = self.words_verdict(found)
            if verdict is not None:
                return verdict
        return self.address_verdict(comment.author_email, comment.author_ip)

    def finish(
        self, comment_id: int, author_name: str, author_email: str, content: Verdict | None, context: Context
    ) -> Verdict:
        """The verdict about a comment, given what :meth:`judge_content` said about it."""
        rules = self.rules
        if rules.hold_duplicates and context.is_duplicate(comment_id):
            return DUPLICATE
        if rules.flood_seconds and context.is_flood(comment_id):
            return self.flood
        if content is not None:
            return content
        if rules.approve_known_authors and context.previously_approved(author_name, author_email):
            return APPROVED_AUTHOR
        return PENDING


@lru_cache(maxsize=8)
def compile_rules(rules: RuleSet) -> CompiledRules:
    """Compiled matchers for ``rules``, cached (a big word list takes a moment to compile)."""
    return CompiledRules(rules)


def decide(rules: RuleSet, comment: IncomingComment, context: Context) -> Verdict:
    """What ``rules`` do to the new pending ``comment``: outcome and a reason a person can read."""
    return compile_rules(rules).decide(comment, context)
