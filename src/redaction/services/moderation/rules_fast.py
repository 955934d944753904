"""The moderation rules over the whole pending queue of a SQLite database, set-wise.

Same verdicts and reasons as passing each comment through :meth:`CompiledRules.decide`
(tests/services/moderation/test_rules_property.py checks it against a plain reading of
docs/moderation-rules.md), but Python only looks at what SQL cannot judge:

- one scan of the pending comments (split in two halves read on two connections at once: SQLite
  works without the GIL) returns the light columns, whether an earlier twin exists (rule 1, an
  index seek) and whether an earlier comment from the same IP or email may be less than the
  flood delay before (rule 2, two index seeks, compared as text with a second to spare; the few
  hits are checked exactly afterwards);
- names, emails, websites and IPs are judged once per distinct value, not once per comment;
- texts are read only when they may matter: those the full-text index finds a rule word in
  (whole-word mode; every spelling with œ and æ is asked for), those with a ``<`` or ``://``
  (links), and those whose characters the index cannot judge like the rules do
  (``domain.untrusted.INDEX_BLIND``) or that were never derived (``text_flags`` NULL);
- previously approved authors are looked up once per distinct author.

Substring matching and words the index cannot tokenize (such as "++") read every text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from redaction.domain.moderation_rules import (
    APPROVED_AUTHOR,
    DUPLICATE,
    PENDING,
    CompiledRules,
    IncomingComment,
    MatchMode,
    Verdict,
    author_key,
    comment_flags,
    reader_text,
)
from redaction.domain.untrusted import INDEX_BLIND, LINK_HINT
from redaction.services.moderation.comments import READER_KINDS
from redaction.services.moderation.rules_facts import approved_among, mixed_email_floods
from redaction.storage.database import Database, database_file

Progress = Callable[[int, int], None]
Judged = tuple[int, int, str, Verdict]  # comment id, article id, reason now, verdict

_READERS = ", ".join(f"'{k}'" for k in READER_KINDS)
_PENDING = f"p.status = 'pending' AND p.kind IN ({_READERS})"
_DUPLICATE = (
    "EXISTS (SELECT 1 FROM comment AS c INDEXED BY ix_comment_article_author"
    " WHERE c.article_id = p.article_id AND c.author_email = p.author_email"
    " AND c.author_name = p.author_name AND c.id != p.id AND c.parent_id IS p.parent_id"
    f" AND c.body = p.body AND c.status != 'trash' AND c.kind IN ({_READERS})"
    " AND (c.created_at, c.id) < (p.created_at, p.id))"
)


def _previous(column: str, index: str) -> str:
    """The time of the latest earlier comment with the same ``column`` (NULL if none)."""
    return (
        f"(SELECT c.created_at FROM comment AS c INDEXED BY {index} WHERE p.{column} != ''"
        f" AND c.{column} = p.{column} AND c.created_at <= p.created_at"
        " AND (c.created_at, c.id) < (p.created_at, p.id) ORDER BY c.created_at DESC, c.id DESC LIMIT 1)"
    )


_PREVIOUS_IP = _previous("author_ip", "ix_comment_ip")
_PREVIOUS_EMAIL = _previous("author_email", "ix_comment_email")
# Times are stored as text of one fixed format, so text order is time order. The bound has only
# milliseconds: a second to spare keeps this a superset, checked exactly in Python afterwards.
_FLOOD_HINT = (
    f"max(coalesce({_PREVIOUS_IP}, ''), coalesce({_PREVIOUS_EMAIL}, ''))"
    " > strftime('%Y-%m-%d %H:%M:%f', p.created_at, :bound)"
)
_EXACT_FLOOD = text(
    f"SELECT p.id, p.created_at, {_PREVIOUS_IP}, {_PREVIOUS_EMAIL} FROM comment AS p"
    " WHERE p.id IN (SELECT value FROM json_each(:ids))"
)
_TEXTS = text(
    "SELECT id, body, search_text, text_flags FROM comment WHERE id IN (SELECT value FROM json_each(:ids))"
)
# The index's matches first (one MATCH), then their rows by id: a join let SQLite walk the
# pending comments and ask the index about each one.
_FTS_CANDIDATES = text(
    "SELECT p.id, p.body, p.search_text, p.text_flags FROM comment AS p"
    f" WHERE p.id IN (SELECT rowid FROM comment_fts WHERE comment_fts MATCH :match) AND {_PENDING}"
)
_MEDIAN = text(
    "SELECT created_at FROM comment INDEXED BY ix_comment_status_created WHERE status = 'pending'"
    " ORDER BY created_at LIMIT 1 OFFSET :half"
)
_PENDING_TOTAL = text(
    f"SELECT coalesce(sum(n), 0) FROM comment_count WHERE status = 'pending' AND kind IN ({_READERS})"
)
_LIGATURES = {"oe": "œ", "ae": "æ"}
_MAX_SPELLINGS = 16
_WORD_CHAR = re.compile(r"[^\W_]")
_NOTHING: tuple[str | None, str | None] = (None, None)


def _spellings(word: str) -> list[str] | None:
    """``word`` (folded) and its spellings with œ and æ, which the index keeps as they are while
    the rules read them as "oe" and "ae"; None when there would be too many to ask for."""
    found = [""]
    i = 0
    while i < len(word):
        ligature = _LIGATURES.get(word[i : i + 2])
        if ligature is None:  # the pairs cannot overlap: both end with "e", which starts neither
            found = [f + word[i] for f in found]
            i += 1
        else:
            found = [f + s for f in found for s in (word[i : i + 2], ligature)]
            i += 2
        if len(found) > _MAX_SPELLINGS:
            return None
    return found


def match_expression(compiled: CompiledRules) -> str | None:
    """An FTS5 query finding every text in which a rule word may be (whole-word mode), or None
    when the index cannot answer for these words (then every text is read). Each spelling is
    one quoted phrase, which the index cuts into words with its own tokenizer."""
    if compiled.rules.match_mode != MatchMode.WHOLE_WORD:
        return None
    phrases: list[str] = []
    for word in compiled.folded_words():
        spellings = _spellings(word)
        if spellings is None or not _WORD_CHAR.search(word):
            return None  # too many spellings, or nothing the index could find it by ("++")
        phrases += ['"' + s.replace('"', '""') + '"' for s in spellings]
    return "body : (" + " OR ".join(dict.fromkeys(phrases)) + ")" if phrases else None


def _scan_sql(compiled: CompiledRules, all_texts: bool) -> Any:
    rules = compiled.rules
    duplicate = _DUPLICATE if rules.hold_duplicates else "0"
    flood = _FLOOD_HINT if rules.flood_seconds else "0"
    texts = ", p.body, p.search_text" if all_texts else ""
    return text(
        "SELECT p.id, p.article_id, p.reason, p.author_name, p.author_email, p.author_url, p.author_ip,"
        f" p.text_flags, {duplicate}, {flood}{texts}"
        f" FROM comment AS p INDEXED BY ix_comment_status_created WHERE {_PENDING}"
        " AND p.created_at >= :low AND p.created_at < :high"
    )


def _exact_floods(session: Session, ids: list[int], seconds: int) -> set[int]:
    """Of the comments the scan flagged, those really less than ``seconds`` after another."""
    found: set[int] = set()
    limit = timedelta(seconds=seconds)
    for start in range(0, len(ids), 5000):
        chunk = json.dumps(ids[start : start + 5000])
        for comment_id, created, by_ip, by_email in session.execute(_EXACT_FLOOD, {"ids": chunk}):
            moment = datetime.fromisoformat(created)
            if any(p is not None and moment - datetime.fromisoformat(p) < limit for p in (by_ip, by_email)):
                found.add(comment_id)
    return found


class _Texts:
    """What the rules that read a comment's text say: markup and links (rules 3 and 4, which
    come before the words) and the words in the text."""

    def __init__(self, compiled: CompiledRules) -> None:
        self.compiled = compiled
        self.read_ids: set[int] = set()
        self.words: dict[int, tuple[str | None, str | None]] = {}
        self.early: dict[int, Verdict] = {}

    def read(self, rows: Iterable[Sequence[Any]], words: bool) -> None:
        """``rows`` of (id, body, search_text, text_flags); ``words``: look for the words too."""
        compiled = self.compiled
        for comment_id, body, search_text, flags in rows:
            self.read_ids.add(comment_id)
            comment = IncomingComment(comment_id, body=body, search_text=search_text, text_flags=flags)
            verdict = compiled.markup_verdict(comment_flags(comment)) or compiled.links_verdict(body)
            if verdict is not None:
                self.early[comment_id] = verdict
            elif words:
                found = compiled.field_words(reader_text(comment))
                if found != _NOTHING:
                    self.words[comment_id] = found


def _split(session: Session, total: int) -> list[tuple[str, str]]:
    """created_at ranges holding about half of the pending comments each (one below 20,000)."""
    if total < 20_000:
        return [("", "~")]
    middle = session.execute(_MEDIAN, {"half": total // 2}).scalar()
    return [("", "~")] if middle is None else [("", middle), (middle, "~")]


def _scan_all(
    session: Session, db: Database | None, sql: Any, bound: str, total: int, meanwhile: Callable[[], None]
) -> list[Sequence[Any]]:
    """The scan's rows: its halves read on connections of their own when the database is a file,
    while ``meanwhile`` runs on this one."""
    ranges = _split(session, total)
    if db is None or database_file(db) is None or len(ranges) < 2:
        meanwhile()
        return list(session.execute(sql, {"low": "", "high": "~", "bound": bound}).all())

    def scan(low: str, high: str) -> Sequence[Any]:
        with db.session() as other:
            return other.execute(sql, {"low": low, "high": high, "bound": bound}).all()

    with ThreadPoolExecutor(max_workers=len(ranges), thread_name_prefix="rules-scan") as pool:
        futures = [pool.submit(scan, low, high) for low, high in ranges]
        meanwhile()
        return [row for future in futures for row in future.result()]


def judge_queue(
    session: Session, db: Database | None, compiled: CompiledRules, progress: Progress | None
) -> Iterator[Judged]:
    """Every pending reader comment with the rules' verdict, in no particular order."""
    rules = compiled.rules
    total = int(session.execute(_PENDING_TOTAL).scalar_one())
    if progress is not None:
        progress(0, total)
    match = match_expression(compiled) if compiled.has_words else None
    all_texts = compiled.has_words and match is None
    texts = _Texts(compiled)
    mixed: set[int] = set()

    def meanwhile() -> None:
        nonlocal mixed
        if match is not None:  # the texts the index finds a word in, read while the scan runs
            texts.read(session.execute(_FTS_CANDIDATES, {"match": match}), words=True)
        if rules.flood_seconds:
            mixed = mixed_email_floods(session, rules.flood_seconds)

    bound = f"-{rules.flood_seconds + 1} seconds"
    rows = _scan_all(session, db, _scan_sql(compiled, all_texts), bound, total, meanwhile)
    if progress is not None:
        progress(len(rows) * 9 // 10, total)

    # What the scan leaves open: exact floods, the other texts to read, known authors.
    floods = mixed
    if rules.flood_seconds:
        floods |= _exact_floods(session, [r[0] for r in rows if r[9]], rules.flood_seconds)
    if all_texts:
        texts.read(((r[0], r[10], r[11], r[7]) for r in rows), words=True)
    else:
        # Links to count (a "<" or "://"), characters the index cannot judge, never derived.
        unread = [
            r[0]
            for r in rows
            if (r[7] is None or r[7] & (LINK_HINT | INDEX_BLIND)) and r[0] not in texts.read_ids
        ]
        blind = {r[0] for r in rows if r[7] is None or r[7] & INDEX_BLIND} if compiled.has_words else set()
        for start in range(0, len(unread), 5000):
            fetched = session.execute(_TEXTS, {"ids": json.dumps(unread[start : start + 5000])}).all()
            texts.read([f for f in fetched if f[0] in blind], words=True)
            texts.read([f for f in fetched if f[0] not in blind], words=False)
    known: set[tuple[str, str]] = set()
    if rules.approve_known_authors:
        known = approved_among(session, {(r[3], r[4]) for r in rows if r[4].strip()})

    # The verdicts, cheap per comment: everything is a set or dictionary lookup by now. Each
    # distinct name, email, website and IP is judged once (an IP often differs per comment while
    # the name and email repeat, so the four are cached apart, not as one author).
    field_words: dict[str, tuple[str | None, str | None]] = {}
    email_verdicts: dict[str, Verdict | None] = {}
    ip_verdicts: dict[str, Verdict | None] = {}
    known_authors: dict[tuple[str, str], bool] = {}
    words, early, flood = texts.words, texts.early, compiled.flood
    approve = rules.approve_known_authors

    def words_in(value: str) -> tuple[str | None, str | None]:
        found = field_words.get(value)
        if found is None:
            found = field_words[value] = compiled.field_words(value)
        return found

    for row in rows:
        comment_id, article_id, reason, name, email, url, ip, flags = row[:8]
        if row[8]:
            yield comment_id, article_id, reason, DUPLICATE
            continue
        if comment_id in floods:
            yield comment_id, article_id, reason, flood
            continue
        verdict = early.get(comment_id)
        if verdict is None and flags and comment_id not in texts.read_ids:
            verdict = compiled.markup_verdict(flags)
        if verdict is None:
            fields = [words_in(name), words_in(email), words_in(url), words_in(ip)]
            body = words.get(comment_id)
            if body is not None or fields.count(_NOTHING) < 4:
                verdict = compiled.words_verdict([*fields, body or _NOTHING])
            if verdict is None:
                if email in email_verdicts:
                    verdict = email_verdicts[email]
                else:
                    verdict = email_verdicts[email] = compiled.address_verdict(email, "")
            if verdict is None:
                if ip in ip_verdicts:
                    verdict = ip_verdicts[ip]
                else:
                    verdict = ip_verdicts[ip] = compiled.address_verdict("", ip)
            if verdict is None and approve and email.strip():
                pair = (name, email)
                known_author = known_authors.get(pair)
                if known_author is None:
                    known_author = known_authors[pair] = author_key(name, email) in known
                if known_author:
                    verdict = APPROVED_AUTHOR
            verdict = verdict or PENDING
        yield comment_id, article_id, reason, verdict
    if progress is not None:
        progress(total, total)
