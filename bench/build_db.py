"""Build a big, realistic redaction database for the benchmarks (default 100,000 articles, 1,000,000
comments) in well under two minutes.

The file is created through :meth:`Database.open`, so the schema is the one the migrations make;
rows then go in with raw ``executemany`` in big transactions. The comment full-text triggers are
dropped during the load, the index is rebuilt in one pass and the triggers are recreated from the
migration's own statements. ``build()`` reuses a file that already holds the requested counts.

    .venv/bin/python bench/build_db.py [--articles N] [--comments N] [--seed S] [--out PATH] [--force]
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import random
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from redaction.domain.slugs import slugify
from redaction.domain.textstats import count_words
from redaction.domain.untrusted import derive
from redaction.services.demo import comments as fragments
from redaction.storage.database import Database

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_PATH = DATA_DIR / "big.db"
# Fixed so that the same seed gives the same file whatever the day it is built on.
END = datetime(2026, 11, 1, tzinfo=UTC)
SPAN_SECONDS = 2 * 365 * 24 * 3600
START = END - timedelta(seconds=SPAN_SECONDS)
CHUNK = 50_000
FTS_MIGRATION = "redaction.storage.migrations.versions.0011_comment_search_text"
RARE_PLACE = "Kerguelen"  # in about 1 title in 5,000: the benchmark's "rare word"

RUBRICS = (
    "Portrait", "Économie", "Culture", "Sport", "Politique", "Faits divers", "Société",
    "Environnement", "Éducation", "Santé", "Agriculture", "Mer", "Tourisme", "Justice",
    "Transports", "Sciences", "Loisirs", "Patrimoine", "International", "Opinions",
)  # fmt: skip
FIRST = (
    "Anne", "Bernard", "Gwenaëlle", "Yann", "Maïwenn", "Hervé", "Sophie", "Loïc", "Nolwenn", "Patrick",
    "Élodie", "Ronan", "Fatima", "Jean-Yves", "Chantal", "Mathis", "Léa", "Kofi", "Claire", "Erwan",
)  # fmt: skip
LAST = (
    "Le Bras", "Tanguy", "Riou", "Kerbrat", "Martin", "Guégan", "Nicolas", "Le Goff", "Morin", "Cariou",
    "Bouvier", "Ndiaye", "Le Roux", "Pichon", "Jaouen", "Le Floch", "Quéré", "Salaün", "Baron", "Hamon",
)  # fmt: skip
PLACES = (
    "Lorient", "Vannes", "Quimper", "Brest", "Lanester", "Concarneau", "Pontivy", "Auray", "Hennebont",
    "Quimperlé", "Ploemeur", "Larmor-Plage", "Guidel", "Carnac", "Douarnenez", "Morlaix", "Rennes",
    "Redon", "Ploërmel", "Locminé", "Belle-Île", "Groix", "Quiberon", "Plouay", "Baud", "Étel",
)  # fmt: skip
SUBJECTS_FR = (
    "le conseil municipal", "les pêcheurs", "la médiathèque", "le festival", "les commerçants",
    "la communauté de communes", "le lycée", "les agriculteurs", "le club de football", "la préfecture",
    "les habitants", "le port de pêche", "l’hôpital", "les bénévoles", "le chantier naval", "la mairie",
    "les étudiants", "le marché", "l’association des riverains", "les ostréiculteurs", "le bagad",
)  # fmt: skip
VERBS_FR = (
    "vote", "lance", "prépare", "dénonce", "inaugure", "reporte", "relance", "défend", "célèbre",
    "rénove", "ferme", "annonce", "refuse", "soutient", "découvre", "attend",
)  # fmt: skip
OBJECTS_FR = (
    "un nouveau budget", "la saison estivale", "le projet d’éolien en mer", "une piste cyclable",
    "la fête de la musique", "un plan contre la sécheresse", "la rentrée", "des logements sociaux",
    "le pardon", "la criée", "un fest-noz géant", "la réforme des retraites", "le nouveau parking",
    "la navette vers l’île", "un tournoi international", "la fermeture de la maternité",
)  # fmt: skip
SUBJECTS_EN = (
    "The harbour",
    "Local fishermen",
    "The festival",
    "The town council",
    "Volunteers",
    "The museum",
)
VERBS_EN = ("launches", "prepares", "celebrates", "rejects", "opens", "postpones", "defends")
OBJECTS_EN = ("a new budget", "the summer season", "an offshore wind farm", "a cycle path", "its centenary")
WORDS_FR = (
    "le", "la", "les", "des", "un", "une", "et", "de", "du", "à", "en", "pour", "avec", "sur", "dans",
    "ville", "port", "mer", "projet", "habitants", "élus", "budget", "saison", "travaux", "quartier",
    "association", "maire", "école", "marché", "bateau", "pêche", "emploi", "culture", "fête", "public",
    "réunion", "conseil", "commune", "année", "semaine", "samedi", "dimanche", "soir", "matin", "rue",
    "centre", "plage", "île", "vent", "pluie", "soleil", "musique", "concert", "match", "équipe",
    "entreprise", "chantier", "logement", "famille", "enfants", "jeunes", "retraités", "visiteurs",
    "selon", "depuis", "encore", "toujours", "déjà", "bientôt", "environ", "près", "plus", "moins",
    "annonce", "explique", "rappelle", "souligne", "précise", "estime", "espère", "regrette",
)  # fmt: skip
WORDS_EN = (
    "the", "a", "and", "of", "to", "in", "for", "with", "on", "town", "harbour", "sea", "project",
    "residents", "council", "budget", "season", "works", "school", "market", "boat", "fishing", "jobs",
    "culture", "festival", "public", "meeting", "week", "Saturday", "evening", "street", "beach",
    "island", "wind", "rain", "music", "team", "families", "visitors", "says", "explains", "hopes",
)  # fmt: skip
TAGS = ("municipales", "météo", "éolien", "pêche", "festival", "rentrée", "football", "voile", "budget")
ARTICLE_STATUSES = (("published", 70), ("archived", 12), ("draft", 8), ("in_review", 6), ("ready", 4))
COMMENT_STATUSES = (("approved", 70), ("pending", 12), ("spam", 12), ("trash", 6))
REPLY_SHARE = 0.2
ZIPF_EXPONENT = 0.8  # top article ~ 2 % of all comments, the median one a handful


def _ts(moment: datetime) -> str:
    """SQLAlchemy's storage format for SQLite DATETIME (naive UTC, microseconds always written)."""
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"


def _sentence(rng: random.Random, words: Sequence[str]) -> str:
    text = " ".join(rng.choices(words, k=rng.randint(8, 20)))
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, words: Sequence[str], n: int) -> list[tuple[str, int]]:
    out = []
    for _ in range(n):
        text = " ".join(_sentence(rng, words) for _ in range(rng.randint(3, 6)))
        out.append((text, count_words(text)))
    return out


def _title(rng: random.Random, language: str) -> str:
    place = RARE_PLACE if rng.random() < 2e-4 else rng.choice(PLACES)
    if language == "en":
        return f"{place}: {rng.choice(SUBJECTS_EN)} {rng.choice(VERBS_EN)} {rng.choice(OBJECTS_EN)}"
    subject = rng.choice(SUBJECTS_FR)
    return f"{place} : {subject[0].upper()}{subject[1:]} {rng.choice(VERBS_FR)} {rng.choice(OBJECTS_FR)}"


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]], k: int) -> list[str]:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table], k=k)


def _people(rng: random.Random) -> list[tuple[int, str, str]]:
    names = [f"{f} {last}" for f, last in itertools.product(FIRST, LAST)]
    rng.shuffle(names)
    return [
        (i + 1, name, "editor" if rng.random() < 0.2 else "journalist") for i, name in enumerate(names[:200])
    ]


def _articles(rng: random.Random, n: int, people: int) -> list[tuple[object, ...]]:
    pools = {"fr": _paragraphs(rng, WORDS_FR, 400), "en": _paragraphs(rng, WORDS_EN, 150)}
    standfirsts = {
        lang: [_sentence(rng, w) for _ in range(3000)] for lang, w in (("fr", WORDS_FR), ("en", WORDS_EN))
    }
    headings = [f"## {place}" for place in PLACES]
    author_weights = [1 / (i + 1) ** 0.7 for i in range(people)]  # a few prolific writers
    created = sorted(rng.randrange(SPAN_SECONDS) for _ in range(n))
    statuses = _weighted(rng, ARTICLE_STATUSES, n)
    authors = rng.choices(range(1, people + 1), weights=author_weights, k=n)
    slugs: dict[str, str] = {}
    random_ = rng.random
    rows = []
    for i in range(n):
        language = "en" if random_() < 0.15 else "fr"
        title = _title(rng, language)
        slug = slugs.get(title) or slugs.setdefault(title, slugify(title))
        pool = pools[language]
        chosen = [pool[int(random_() * len(pool))] for _ in range(3 + int(random_() * 5))]
        heading = headings[int(random_() * len(headings))]
        body = "\n\n".join([*(p for p, _ in chosen[:2]), heading, *(p for p, _ in chosen[2:])])
        word_count = sum(c for _, c in chosen) + 1
        created_at = START + timedelta(seconds=created[i] + random_())
        status = statuses[i]
        published_at = None
        updated_at = created_at + timedelta(seconds=3600 + random_() * 14 * 86400)
        if status in ("published", "archived"):
            published_at = created_at + timedelta(seconds=600 + random_() * 3 * 86400)
            updated_at = max(updated_at, published_at)
        updated_at = min(updated_at, END)
        published_at = min(published_at, updated_at) if published_at else None
        tags = ", ".join(rng.sample(TAGS, int(random_() * 4))) if random_() < 0.7 else ""
        rows.append(
            (
                i + 1,
                _uuid(rng),
                title,
                slug,
                None if random_() < 0.01 else 1 + int(random_() * len(RUBRICS)),
                None if random_() < 0.01 else authors[i],
                tags,
                standfirsts[language][int(random_() * 3000)],
                body,
                language,
                status,
                word_count,
                0,
                _ts(created_at),
                _ts(updated_at),
                _ts(published_at) if published_at else None,
                1 + int(random_() * 5),
            )
        )
    return rows


def _readers(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    out = []
    for _ in range(n):
        name = fragments.person(rng, "en" if rng.random() < 0.15 else "fr")
        if rng.random() < 0.5:
            name = f"{name} {rng.randrange(100)}"  # more distinct readers than the fragment lists give
        url = f"https://{slugify(name)}.example.org/" if rng.random() < 0.1 else ""
        out.append((name, fragments.email_for(rng, name), url))
    return out


def _comment_pools(rng: random.Random) -> dict[tuple[str, str], list[str]]:
    """Distinct bodies per (queue, language), drawn from once per comment: far cheaper than
    composing a million texts, and still thousands of different ones for full-text search."""
    pools: dict[tuple[str, str], list[str]] = {}
    for language, size in (("fr", 40_000), ("en", 8_000)):
        words = WORDS_FR if language == "fr" else WORDS_EN
        readers = []
        for _ in range(size):
            text = fragments.reader_comment(rng, language)
            if rng.random() < 0.6:  # vary the vocabulary so full-text search has something to do
                text += " " + _sentence(rng, words)
            readers.append(text)
        pools["reader", language] = readers
        spam = []
        for _ in range(size // 8):
            link = f"https://{rng.choice(fragments.SPAM_HOSTS)}/{rng.randrange(10**6)}"
            spam.append(
                rng.choice(fragments.SPAM_TEMPLATES).format(link=link, link2=f"{link}/b", link3=f"{link}/c")
            )
        pools["spam", language] = spam
    return pools


def _comment_rows(
    rng: random.Random, n: int, targets: list[tuple[int, str, float]]
) -> Iterator[tuple[object, ...]]:
    """Comments in creation order (ids follow time, as on a real site), replies after their parent."""
    end = END.timestamp() - 1
    weights = list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(targets))))
    order = list(range(len(targets)))
    rng.shuffle(order)  # popularity does not follow the article id
    picks = rng.choices(order, cum_weights=weights, k=n)
    expo = rng.expovariate
    # Most comments come in the first days after publication; a few much later.
    stamps = sorted((min(end, targets[t][2] + expo(1 / (2 * 86400))), t) for t in picks)
    del picks
    readers = _readers(rng, 5000)
    ips = [
        f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
        for _ in range(20000)
    ]
    statuses = _weighted(rng, COMMENT_STATUSES, n)
    pools = _comment_pools(rng)
    trash = list(fragments.TRASH_BODIES)
    epoch = datetime(1970, 1, 1)
    random_ = rng.random
    recent: dict[int, list[int]] = {}
    for i, (stamp, t) in enumerate(stamps):
        comment_id = i + 1
        article_id, language, _published = targets[t]
        earlier = recent.setdefault(article_id, [])
        parent = earlier[int(random_() * len(earlier))] if earlier and random_() < REPLY_SHARE else None
        earlier.append(comment_id)
        if len(earlier) > 30:
            del earlier[0]
        status = statuses[i]
        if status == "spam":
            pool = pools["spam", language]
        elif status == "trash" and random_() < 0.5:
            pool = trash
        else:
            pool = pools["reader", language]
        name, email, url = readers[int(random_() * 5000)]
        yield (
            comment_id,
            _uuid(rng),
            article_id,
            parent,
            name,
            email,
            url,
            ips[int(random_() * 20000)],
            pool[int(random_() * len(pool))],
            (epoch + timedelta(seconds=stamp)).isoformat(" ", "microseconds"),
            status,
            "pingback" if random_() < 0.005 else "comment",
        )


def _existing_counts(path: Path) -> tuple[int, int] | None:
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            articles = conn.execute("SELECT count(*) FROM article").fetchone()[0]
            comments = conn.execute("SELECT count(*) FROM comment").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return articles, comments


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(
    path: str | Path = DEFAULT_PATH,
    articles: int = 100_000,
    comments: int = 1_000_000,
    seed: int = 1,
    force: bool = False,
    verbose: bool = True,
) -> Path:
    """The database at ``path`` with ``articles`` articles and ``comments`` comments, built if needed."""
    path = Path(path)
    if not force and _existing_counts(path) == (articles, comments):
        if verbose:
            print(f"reusing {path} ({articles:,} articles, {comments:,} comments)")
        return path
    started, cpu_started = time.perf_counter(), time.process_time()
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    _remove(building)
    rng = random.Random(seed)

    def step(label: str) -> None:
        if verbose:
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            print(f"  {wall:6.1f} s (cpu {cpu:5.1f} s)  {label}", flush=True)

    db = Database.open(building)  # runs the real migrations
    step("schema migrated")
    fts = importlib.import_module(FTS_MIGRATION)
    triggers = [s for s in fts.FTS_STATEMENTS if s.startswith("CREATE TRIGGER")]
    try:
        with db.engine.connect() as conn:
            for pragma in ("synchronous=OFF", "journal_mode=OFF", "cache_size=-1000000", "temp_store=MEMORY"):
                conn.exec_driver_sql(f"PRAGMA {pragma}")
            for name in ("comment_fts_ai", "comment_fts_ad", "comment_fts_au"):
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
            # Secondary indexes are built faster in one sort after the load than row by row;
            # they are recreated from their own stored definitions, so they stay exactly as made.
            indexes = list(
                conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    "AND tbl_name IN ('article', 'comment')"
                )
            )
            for name, _sql in indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            conn.exec_driver_sql(
                "INSERT INTO rubric (id, name) VALUES (?, ?)", [(i + 1, r) for i, r in enumerate(RUBRICS)]
            )
            people = _people(rng)
            conn.exec_driver_sql("INSERT INTO person (id, name, role) VALUES (?, ?, ?)", people)
            article_rows = _articles(rng, articles, len(people))
            step(f"{articles:,} articles generated")
            conn.exec_driver_sql(
                "INSERT INTO article (id, uuid, title, slug, rubric_id, author_id, tags, standfirst, body, "
                "language, status, word_count, pending_comments, created_at, updated_at, published_at, "
                "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                article_rows,
            )
            conn.commit()
            step("articles inserted")
            targets = [
                (row[0], row[9], datetime.fromisoformat(str(row[15])).replace(tzinfo=UTC).timestamp())
                for row in article_rows
                if row[15] is not None
            ]
            del article_rows
            rows = _comment_rows(rng, comments, targets) if targets else iter(())
            while chunk := list(itertools.islice(rows, CHUNK)):
                # Raw rows must carry what the app derives from a comment's text (0011).
                derived = [(row, derive(row[8])) for row in chunk]
                conn.exec_driver_sql(
                    "INSERT INTO comment (id, uuid, article_id, parent_id, author_name, author_email, "
                    "author_url, author_ip, body, created_at, status, kind, search_text, text_flags) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(*row, d.search_text, d.flags) for row, d in derived],
                )
            conn.commit()
            step(f"{comments:,} comments inserted")
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
            conn.commit()
            step(f"{len(indexes)} indexes recreated")
            conn.exec_driver_sql(
                "UPDATE article SET pending_comments = (SELECT count(*) FROM comment "
                "WHERE comment.article_id = article.id AND comment.status = 'pending' "
                "AND comment.kind = 'comment')"
            )
            conn.commit()
            step("pending counters computed")
            conn.exec_driver_sql("INSERT INTO comment_fts(comment_fts) VALUES ('rebuild')")
            for statement in triggers:
                conn.exec_driver_sql(statement)
            conn.commit()
            step("full-text index rebuilt, triggers restored")
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            step("analysed")
    finally:
        db.close()
    _remove(path)
    building.rename(path)
    if verbose:
        size = path.stat().st_size / 1e6
        print(f"built {path} in {time.perf_counter() - started:.1f} s ({size:,.0f} MB)")
    return path


def _check_triggers(path: Path) -> None:
    """The restored triggers are exactly the migration's (guards against drift)."""
    fts = importlib.import_module(FTS_MIGRATION)
    expected = sorted(s for s in fts.FTS_STATEMENTS if s.startswith("CREATE TRIGGER"))
    conn = sqlite3.connect(path)
    try:
        found = sorted(
            r[0]
            for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'comment_fts%'"
            )
        )
    finally:
        conn.close()
    if found != expected:
        raise SystemExit(f"triggers differ from migration 0011: {found}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="rebuild even if the file has those counts")
    args = parser.parse_args(argv)
    path = build(args.out, args.articles, args.comments, args.seed, force=args.force)
    _check_triggers(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
