"""The rules' fast path (rules_fast, the whole queue on SQLite) and the comment-by-comment path
give, on random queues and rule sets, exactly the verdicts and reasons of a plain reading of
docs/moderation-rules.md written here, one comment and one rule at a time."""

from __future__ import annotations

import ipaddress
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from redaction.domain.moderation_rules import RuleSet, count_links
from redaction.domain.untrusted import DANGEROUS, markup_flags, searchable_text
from redaction.services.moderation import rules_fast
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.services.moderation.incoming import insert_comments
from redaction.services.moderation.rules import dry_run
from redaction.storage.database import Database
from redaction.storage.models import Article

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

# -- the reference, from the documentation ----------------------------------------------------


def fold(text: str) -> str:
    """Any case, any accents: lower case, accents removed, œ æ ß spelt out."""
    for ligature, plain in (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"), ("ß", "ss")):
        text = text.replace(ligature, plain)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def first_word(text: str, words: tuple[str, ...], whole: bool) -> str | None:
    """The list's word found first in ``text`` (leftmost, then longest), as the list spells it."""
    folded_text = fold(text)
    best: tuple[int, int, str] | None = None
    for word in words:
        pattern = r"\s+".join(re.escape(part) for part in fold(word).split())
        if whole:
            pattern = rf"(?<!\w){pattern}(?!\w)"
        for match in re.finditer(pattern, folded_text):
            found = (match.start(), -(match.end() - match.start()), word)
            if best is None or found[:2] < best[:2]:
                best = found
    return None if best is None else best[2]


@dataclass
class Row:
    id: int
    article_id: int
    name: str
    email: str
    url: str
    ip: str
    body: str
    created_at: datetime
    status: str
    kind: str = "comment"


def blocked_address(rules: RuleSet, email: str, ip: str) -> str | None:
    email = email.strip().lower()
    if email and email in rules.blocked_emails:
        return f"trash: blocked email “{email}”"
    if email:
        domain = email.rpartition("@")[2]
        labels = domain.split(".")
        for start in range(len(labels)):
            if ".".join(labels[start:]) in rules.blocked_domains:
                return f"trash: blocked email domain “{'.'.join(labels[start:])}”"
    ip = ip.strip().lower()
    for blocked in rules.blocked_ips:
        if ip and ip == blocked:
            return f"trash: blocked IP “{blocked}”"
    for blocked in rules.blocked_ips:
        if ip and blocked.endswith((".", ":")) and ip.startswith(blocked):
            return f"trash: blocked IP “{blocked}”"
    for blocked in rules.blocked_ips:
        if "/" in blocked:
            try:
                if ipaddress.ip_address(ip) in ipaddress.ip_network(blocked):
                    return f"trash: blocked IP “{blocked}”"
            except ValueError:
                pass
    return None


def reference(rows: list[Row], rules: RuleSet) -> dict[int, tuple[str, str]]:
    """Pending reader comment id → (status, reason) the documented rules give."""
    rules = rules.normalized()
    whole = rules.match_mode == "whole_word"
    verdicts: dict[int, tuple[str, str]] = {}
    for p in rows:
        if p.status != "pending" or p.kind != "comment":
            continue
        earlier = [c for c in rows if (c.created_at, c.id) < (p.created_at, p.id)]
        fields = (p.name, p.email, p.url, p.ip, searchable_text(p.body))
        moderation = [first_word(f, rules.moderation_words, whole) for f in fields]
        blocked = [first_word(f, rules.blocked_words, whole) for f in fields]
        known = p.email.strip() and any(
            c.status == "approved"
            and c.kind == "comment"
            and (c.name.strip(), c.email.strip().lower()) == (p.name.strip(), p.email.strip().lower())
            for c in rows
        )
        links = count_links(p.body)
        if rules.hold_duplicates and any(
            (c.article_id, c.name, c.email, c.body) == (p.article_id, p.name, p.email, p.body)
            and c.status != "trash"
            and c.kind == "comment"
            for c in earlier
        ):
            verdicts[p.id] = ("pending", "held: duplicate of an earlier comment")
        elif rules.flood_seconds and any(
            p.created_at - c.created_at < timedelta(seconds=rules.flood_seconds)
            and ((p.ip and c.ip == p.ip) or (p.email and c.email.lower() == p.email.lower()))
            for c in earlier
        ):
            verdicts[p.id] = (
                "pending",
                "held: flood, another comment from the same email or IP less than "
                f"{rules.flood_seconds} s before",
            )
        elif rules.dangerous_markup != "off" and markup_flags(p.body) & DANGEROUS:
            action = rules.dangerous_markup
            verdicts[p.id] = (
                ("spam", "spam: dangerous markup")
                if action == "spam"
                else (
                    "pending",
                    "held: dangerous markup",
                )
            )
        elif rules.max_links and links >= rules.max_links:
            verdicts[p.id] = ("pending", f"held: {links} link{'s' if links != 1 else ''} ≥ {rules.max_links}")
        elif any(moderation):
            verdicts[p.id] = ("pending", f"held: moderation word “{next(w for w in moderation if w)}”")
        elif any(blocked):
            verdicts[p.id] = ("trash", f"trash: blocked word “{next(w for w in blocked if w)}”")
        elif (address := blocked_address(rules, p.email, p.ip)) is not None:
            verdicts[p.id] = ("trash", address)
        elif rules.approve_known_authors and known:
            verdicts[p.id] = ("approved", "approved: author previously approved")
        else:
            verdicts[p.id] = ("pending", "")
    return verdicts


# -- random queues and rule sets ------------------------------------------------------------------

WORDS = ("élu", "Elu", "ÉLU", "élus", "maire", "cœur", "coeur", "press", "WordPress", "casino",
         "casino en ligne", "Ligne", "spam", "e-mail", "l'élu", "crypto", "naïve", "naive", "42", "1.2")  # fmt: skip
PIECES = (*WORDS, " ", "  ", "\n", ", ", ". ", "’", "_", "-", "!", "0", "42", "é", "Œ", "\u00a0",
          "http://press.example/élu", "https://casino.example", '<a href="http://a.example">lien</a>',
          '<a href="javascript:alert(1)">clique ici</a>', "<script>casino</script>", "<b>maire</b>",
          "&eacute;lu", "&amp;", '<img src=x onerror="élu">', "\u202e", "ca\u200bsino", "<p>", "🚀", "🤔",
          "x<y", "ß", "Straße")  # fmt: skip
NAMES = ("Anne", "anne", " Anne ", "Élu Martin", "Jean", "", "casino")
EMAILS = ("anne@x.fr", "ANNE@x.fr", "bot@spam.example", "", "j@sub.spam.example", "jean@press.fr")
URLS = ("", "http://casino.example", "https://press.example/élu", "https://anne.example")
IPS = (
    "",
    "10.1.2.3",
    "192.168.1.1",
    "203.0.113.9",
    "2001:db8::1",
    " 10.1.2.3",
    "010.1.2.3",
    "1.2.3.42",
    "9.9.9.9",
)
STATUSES = ("pending", "pending", "pending", "approved", "trash", "spam")

texts = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
comments = st.lists(
    st.tuples(
        st.integers(1, 2),
        st.sampled_from(NAMES),
        st.sampled_from(EMAILS),
        st.sampled_from(URLS),
        st.sampled_from(IPS),
        st.one_of(texts, st.just("")),
        st.integers(0, 60),
        st.sampled_from(STATUSES),
        st.booleans(),  # copy the previous comment (a duplicate, or a flood)
        st.booleans(),  # derived when it arrived (else text_flags NULL, read from the body)
    ),
    min_size=1,
    max_size=25,
)
rule_sets = st.builds(
    RuleSet,
    max_links=st.integers(0, 3),
    moderation_words=st.lists(st.sampled_from(WORDS), max_size=3).map(tuple),
    blocked_words=st.lists(st.sampled_from(WORDS), max_size=3).map(tuple),
    blocked_emails=st.lists(st.sampled_from(("anne@x.fr", "jean@press.fr")), max_size=1).map(tuple),
    blocked_domains=st.lists(st.sampled_from(("spam.example", "x.fr")), max_size=1).map(tuple),
    blocked_ips=st.lists(
        st.sampled_from(("10.0.0.0/8", "192.168.", "203.0.113.9", "8.0.0.0/7", "2001:db8::/32", "1.2.3.42")),
        max_size=2,
    ).map(tuple),
    match_mode=st.sampled_from(("whole_word", "whole_word", "substring")),
    hold_duplicates=st.booleans(),
    flood_seconds=st.sampled_from((0, 15, 15)),
    approve_known_authors=st.booleans(),
    dangerous_markup=st.sampled_from(("off", "held", "spam")),
)


def fill(db: Database, drawn: list[tuple]) -> list[Row]:
    rows: list[Row] = []
    with db.session() as session:
        session.execute(insert(Article), [{"title": "A", "slug": "a"}, {"title": "B", "slug": "b"}])
        for article, name, email, url, ip, body, offset, status, copy, derived in drawn:
            if copy and rows:
                last = rows[-1]
                article, name, email, ip, body = last.article_id, last.name, last.email, last.ip, last.body
            new = NewComment(
                article_id=article,
                body=body,
                author_name=name,
                author_email=email,
                author_url=url,
                author_ip=ip,
                created_at=START + timedelta(seconds=offset),
                status=status,
            )
            (comment_id,) = insert_comments(session, [new]) if derived else add_comments_in(session, [new])
            rows.append(Row(comment_id, article, name, email, url, ip, body, new.created_at, status))  # type: ignore[arg-type]
    return rows


def changes(verdicts: dict[int, tuple[str, str]]) -> dict[int, tuple[str, str]]:
    """What a run changes, as RuleRun.changes tells it: comments moved or given a reason."""
    return {i: v for i, v in verdicts.items() if v != ("pending", "")}


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rules") / "empty.db"
    Database.open(path).close()
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=comments, rules=rule_sets)
def test_the_fast_dry_run_gives_the_documented_verdicts(
    empty_db: Path, tmp_path: Path, drawn: list[tuple], rules: RuleSet
) -> None:
    path = tmp_path / "queue.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty_db, path)
    db = Database.open(path)
    try:
        rows = fill(db, drawn)
        expected = reference(rows, rules)
        for fast, split_from in ((True, rules_fast.SPLIT_FROM), (True, 1), (False, rules_fast.SPLIT_FROM)):
            # split_from 1: the fast path reads the queue in parts, on connections of their own
            with patch.object(rules_fast, "SPLIT_FROM", split_from):
                run = dry_run(db, rules, fast=fast)
            got = {c.comment_id: (c.to_status, c.reason) for c in run.changes}
            assert got == changes(expected), f"fast={fast}, split_from={split_from}"
            assert run.total == len(expected)
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
