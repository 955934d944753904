"""The moderation rules over the whole pending queue of a SQLite database, set-wise.

Same verdicts and reasons as passing each comment through :meth:`CompiledRules.decide`
(tests/services/moderation/test_rules_property.py checks it against a plain reading of
docs/moderation-rules.md), but Python only looks at what SQL cannot judge:

- one scan of the pending comments (split in parts of ~10,000 read on two connections at once), each
  part returned as ONE JSON array built by SQLite: rows returned one by one take and give back
  the GIL per row, and two scans in threads then spend more time passing it than working. Per
  comment it gives the light columns and what needs a closer look, in bits: an earlier twin
  (rule 1, an index seek), an earlier comment from the same IP or email that may be less than
  the flood delay before (rule 2: one seek in the time index tells most comments have no comment
  at all in the seconds before them; only the others seek the latest one by IP and by email,
  compared as text with a second to spare and checked exactly afterwards), flags telling of
  markup, links or index-blind characters (or never derived), an IP that may hold a word or be
  blocked (an IP of digits and dots only when a word is made of digits and dots, or a blocked
  IP, prefix or network may start with the same number);
- the comments with no bit set (most of them) are grouped by author (name, email, website) and
  judged once per author; the others one by one;
- names, emails, websites and IPs are judged once per distinct value, not once per comment;
- texts are read only when they may matter: those the full-text index finds a rule word in
  (whole-word mode; every spelling with œ and æ is asked for), those with a ``<`` or ``://``
  (links), and those whose characters the index cannot judge like the rules do
  (``domain.untrusted.INDEX_BLIND``) or that were never derived (``text_flags`` NULL);
- previously approved authors are looked up once per distinct author, each part's new ones while
  the next parts are read.

Substring matching and words the index cannot tokenize (such as "++") read every text.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from itertools import chain, pairwise
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
from redaction.domain.untrusted import DANGEROUS, INDEX_BLIND, LINK_HINT
from redaction.services.moderation.rules_facts import (
    ApprovedAuthors,
    dbapi,
    distinct_emails,
    mixed_email_floods,
)
from redaction.services.moderation.values import READER_KINDS
from redaction.storage.database import Database, database_file

Progress = Callable[[int, int], None]
Judged = tuple[Verdict, Sequence[Sequence[Any]]]  # a verdict, and the comments it falls on:
# each a row beginning with the comment's id, its article's id and its reason now

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
# Times are stored as text of one fixed format, so text order is time order. The bound is cut to
# the second: a second to spare keeps this a superset, checked exactly in Python afterwards. Most
# comments have no comment at all in the seconds before them, which one seek in the time index
# tells without reading a row; only the others look for the latest one from the same IP or email.
_BOUND = "coalesce(datetime(p.created_at, :bound), '')"
_FLOOD_HINT = (
    "CASE WHEN EXISTS (SELECT 1 FROM comment AS c INDEXED BY ix_comment_created"
    f" WHERE c.created_at >= {_BOUND} AND (c.created_at, c.id) < (p.created_at, p.id))"
    f" THEN max(coalesce({_PREVIOUS_IP}, ''), coalesce({_PREVIOUS_EMAIL}, '')) >= {_BOUND}"
    " ELSE 0 END"
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
# The time of the step-th pending comment after a given time, in the index's order: the bounds
# of the scan's parts, each found by stepping through the index from the last one (a window
# function numbering every pending comment took 15 times longer, before the scan could start).
_NEXT_BOUND = (
    "SELECT created_at FROM comment INDEXED BY ix_comment_status_created WHERE status = 'pending'"
    " AND created_at > ? ORDER BY created_at LIMIT 1 OFFSET ?"
)
_PENDING_TOTAL = text(
    f"SELECT coalesce(sum(n), 0) FROM comment_count WHERE status = 'pending' AND kind IN ({_READERS})"
)
SPLIT_FROM = 20_000  # pending comments from which the scan is read in parts, in threads
# Parts of at most ~10,000 comments: Python reads each part's JSON holding the GIL (10 ms for
# 10,000 comments), and the window's thread must not wait for it much longer than a frame.
_PART_SIZE = 10_000
_WORKERS = 2
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


# The scan's row: light columns, then what needs a closer look (bits), then the texts if needed.
_ID, _ARTICLE, _REASON, _NAME, _EMAIL, _URL, _IP, _FLAGS, _ATTENTION, _BODY, _SEARCH = range(11)
_TWIN = 1  # an earlier twin exists (rule 1)
_FLOOD = 2  # an earlier comment from the same IP or email may be less than the delay before (rule 2)
_TEXT = 4  # flags never derived, or telling of dangerous markup, links or index-blind characters
_ADDRESS = 8  # the IP may hold a word or be blocked
_PLAIN = frozenset("0123456789.")


def _address_hint(compiled: CompiledRules) -> str:
    """SQL telling which IPs the rules may say something about (a word in one, or a blocked IP):
    a superset, judged exactly in Python. An IP of digits and dots, the usual one, only when a
    word is made of digits and dots too, or when a blocked IP, prefix or network may begin with
    the same number before its first dot."""
    blocked = compiled.rules.blocked_ips
    if not compiled.has_words and not blocked:
        return "0"
    if any(set(word) <= _PLAIN for word in compiled.folded_words()):
        return "p.author_ip != ''"
    firsts: set[int] = set()
    for ip in blocked:
        if "/" in ip:
            network = ipaddress.ip_network(ip)
            if network.version == 4:
                first = int(network.network_address) >> 24
                firsts.update(range(first, first + (1 << max(0, 8 - network.prefixlen))))
        elif "." in ip and set(ip) <= _PLAIN:  # an IPv4 address, or a prefix such as "192.168."
            head = ip[: ip.index(".")]
            firsts.add(int(head) if head else 0)
    other = "p.author_ip GLOB '*[^0-9.]*'"
    if not firsts:
        return other
    listed = ", ".join(str(n) for n in sorted(firsts))
    return f"({other} OR CAST(substr(p.author_ip, 1, instr(p.author_ip, '.') - 1) AS INTEGER) IN ({listed}))"


def _scan_sql(compiled: CompiledRules, all_texts: bool) -> str:
    """The scan of a range of the pending comments, as ONE JSON array of rows: SQLite builds it
    without the GIL, where returning rows one by one would take and give back the GIL for each
    (and two scans in threads would spend more time passing it around than working)."""
    rules = compiled.rules
    attention = [
        f"({_DUPLICATE if rules.hold_duplicates else '0'})",
        f"2 * ({_FLOOD_HINT if rules.flood_seconds else '0'})",
        f"4 * (p.text_flags IS NULL OR p.text_flags & {DANGEROUS | LINK_HINT | INDEX_BLIND} != 0)",
        f"8 * ({_address_hint(compiled)})",
    ]
    texts = ", p.body, p.search_text" if all_texts else ""
    return (
        # one flat array, the rows one after the other: Python makes a tuple of each, which the
        # garbage collector stops tracking, where a list per row made its full passes twice as long.
        # Each row's brackets are trimmed off: it begins with its id and ends with a number, a
        # JSON string or null, never with another bracket (substr(r, 2, length(r) - 2) walked
        # every row's characters twice: a quarter of the scan, 401 -> 298 ms over 100,000)
        "SELECT '[' || coalesce(group_concat(ltrim(rtrim(r, ']'), '[')), '') || ']' FROM ("
        "SELECT json_array(p.id, p.article_id, p.reason, p.author_name, p.author_email,"
        f" p.author_url, p.author_ip, p.text_flags, {' + '.join(attention)}{texts}) AS r"
        f" FROM comment AS p INDEXED BY ix_comment_status_created WHERE {_PENDING}"
        " AND p.created_at >= :low AND p.created_at < :high)"
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

    def said(self) -> set[int]:
        """The comments whose text has something to say."""
        return self.words.keys() | self.early.keys()


def _ranges(session: Session, total: int) -> list[tuple[str, str]]:
    """created_at ranges holding about the same number of pending comments each, at most about
    :data:`_PART_SIZE` (one range below :data:`SPLIT_FROM`)."""
    if total < SPLIT_FROM:
        return [("", "~")]
    parts = max(_WORKERS, -(-total // _PART_SIZE))
    step = max(1, -(-total // parts))
    raw = dbapi(session)
    bounds = [""]
    while (found := raw.execute(_NEXT_BOUND, (bounds[-1], step - 1)).fetchone()) is not None:
        bounds.append(found[0])  # strictly later than the one before: the loop ends
    bounds.append("~")
    return list(pairwise(bounds))


def _rows(session: Session, sql: str, params: dict[str, str], width: int) -> list[tuple[Any, ...]]:
    """The scan's rows (tuples of ``width``) from its JSON, read through the DB-API connection."""
    (found,) = dbapi(session).execute(sql, params).fetchone()
    values = iter(json.loads(found))
    return list(zip(*[values] * width, strict=True))


def _scan(
    session: Session, db: Database | None, sql: str, params: dict[str, str], total: int, width: int
) -> Iterator[Callable[[], list[tuple[Any, ...]]]]:
    """The scan in parts, each read on a connection of its own when the database is a file
    (SQLite works without the GIL); each part is ready when called, the first ones first."""
    ranges = _ranges(session, total)
    if db is None or database_file(db) is None or len(ranges) < 2:
        yield lambda: _rows(session, sql, {**params, "low": "", "high": "~"}, width)
        return

    def part(low: str, high: str) -> list[tuple[Any, ...]]:
        with db.session() as other:
            return _rows(other, sql, {**params, "low": low, "high": high}, width)

    with ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="rules-scan") as pool:
        futures = [pool.submit(part, low, high) for low, high in ranges]
        try:
            for future in futures:
                yield future.result
        finally:
            for future in futures:
                future.cancel()


def judge_queue(
    session: Session, db: Database | None, compiled: CompiledRules, progress: Progress | None
) -> Iterator[Judged]:
    """Every pending reader comment, grouped under the rules' verdict, in no particular order."""
    rules = compiled.rules
    total = int(session.execute(_PENDING_TOTAL).scalar_one())
    if progress is not None:
        progress(0, total)
    match = match_expression(compiled) if compiled.has_words else None
    all_texts = compiled.has_words and match is None
    texts = _Texts(compiled)
    params = {"bound": f"-{rules.flood_seconds + 1} seconds"}
    parts = _scan(
        session, db, _scan_sql(compiled, all_texts), params, total, _SEARCH + 1 if all_texts else _BODY
    )
    first = next(parts)  # the scan starts; meanwhile this connection reads what it can
    if match is not None:  # the texts the index finds a word in
        texts.read(session.execute(_FTS_CANDIDATES, {"match": match}), words=True)
    emails = distinct_emails(session) if rules.flood_seconds or rules.approve_known_authors else []
    floods = mixed_email_floods(session, rules.flood_seconds, emails) if rules.flood_seconds else set()
    approved = ApprovedAuthors(session, emails) if rules.approve_known_authors else None
    known = approved.found if approved is not None else set()

    # Each distinct name, email, website and IP is judged once (an IP often differs per comment
    # while the name and email repeat, so the four are cached apart, not as one author).
    field_words: dict[str, tuple[str | None, str | None]] = {}
    email_verdicts: dict[str, Verdict | None] = {}
    ip_verdicts: dict[str, Verdict | None] = {}
    approve = rules.approve_known_authors

    def words_in(value: str) -> tuple[str | None, str | None]:
        found = field_words.get(value)
        if found is None:
            found = field_words[value] = compiled.field_words(value)
        return found

    def last_rules(
        name: str, email: str, url: str, ip: str | None, text_words: tuple[str | None, str | None]
    ) -> Verdict:
        """Rules 5 to 8: words, blocked addresses, known authors (``ip`` None: nothing in it)."""
        found = [words_in(name), words_in(email), words_in(url)]
        if ip is not None:
            found.append(words_in(ip))
        found.append(text_words)
        verdict = compiled.words_verdict(found) if found.count(_NOTHING) < len(found) else None
        if verdict is None:
            if email not in email_verdicts:
                email_verdicts[email] = compiled.address_verdict(email, "")
            verdict = email_verdicts[email]
        if verdict is None and ip is not None:
            if ip not in ip_verdicts:
                ip_verdicts[ip] = compiled.address_verdict("", ip)
            verdict = ip_verdicts[ip]
        if verdict is None and approve and email.strip() and author_key(name, email) in known:
            verdict = APPROVED_AUTHOR
        return verdict or PENDING

    # The comments nothing points at (the most) are judged once per author (name, email,
    # website) as each part of the scan comes in, while the next parts are read; the others are
    # judged one by one once the scan is over.
    grouped: dict[Verdict, list[Any]] = {}
    by_author: dict[tuple[str, str, str], list[Any]] = {}  # an author's verdict's comments
    closer: list[Any] = []
    seen = 0
    for ready in chain((first,), parts):
        rows = ready()
        seen += len(rows)
        if all_texts:
            texts.read(((r[_ID], r[_BODY], r[_SEARCH], r[_FLAGS]) for r in rows), words=True)
        if approved is not None:  # every author of the part, whether judged now or later
            approved.ask({(r[_NAME], r[_EMAIL]) for r in rows})
        said = texts.said() | floods  # floods so far: those between spellings of an email
        for row in rows:
            if row[_ATTENTION] or row[_ID] in said:
                closer.append(row)
            else:
                key = (row[_NAME], row[_EMAIL], row[_URL])
                same = by_author.get(key)
                if same is None:
                    judged = last_rules(*key, None, _NOTHING)
                    same = by_author[key] = grouped.setdefault(judged, [])
                same.append(row)
        if progress is not None:
            progress(seen * 9 // 10, total)

    # What the scan leaves open: exact floods, the other texts to read.
    if rules.flood_seconds:
        floods |= _exact_floods(
            session, [r[_ID] for r in closer if r[_ATTENTION] & _FLOOD], rules.flood_seconds
        )
    if not all_texts:
        # Links to count (a "<" or "://"), characters the index cannot judge, never derived.
        unread = [
            r[_ID]
            for r in closer
            if (r[_FLAGS] is None or r[_FLAGS] & (LINK_HINT | INDEX_BLIND)) and r[_ID] not in texts.read_ids
        ]
        blind = (
            {r[_ID] for r in closer if r[_FLAGS] is None or r[_FLAGS] & INDEX_BLIND}
            if compiled.has_words
            else set()
        )
        for start in range(0, len(unread), 5000):
            fetched = session.execute(_TEXTS, {"ids": json.dumps(unread[start : start + 5000])}).all()
            texts.read([f for f in fetched if f[0] in blind], words=True)
            texts.read([f for f in fetched if f[0] not in blind], words=False)

    # The verdicts of the others, cheap per comment: everything is a set or dictionary lookup.
    for row in closer:
        comment_id = row[_ID]
        verdict: Verdict | None
        if row[_ATTENTION] & _TWIN:
            verdict = DUPLICATE
        elif comment_id in floods:
            verdict = compiled.flood
        else:
            verdict = texts.early.get(comment_id)
            if verdict is None and row[_FLAGS] and comment_id not in texts.read_ids:
                verdict = compiled.markup_verdict(row[_FLAGS])
            if verdict is None:
                text_words = texts.words.get(comment_id, _NOTHING)
                verdict = last_rules(row[_NAME], row[_EMAIL], row[_URL], row[_IP], text_words)
        grouped.setdefault(verdict, []).append(row)
    yield from grouped.items()
    if progress is not None:
        progress(total, total)
