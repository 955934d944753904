"""Opening a huge article (issue 11.10): 8,000,000 words, 50 MB, in the real window.

A demo newsroom gets one more article: French prose of ``--words`` words (about 6 bytes a word,
typographic apostrophes and no-break spaces included, so Python holds it at 2 bytes a
character, as it would a real French text), with sub-headings, lists and quotes. Untimed: the
article is stored through the services (as an import would), in a database of its own. Then, in
a fresh process, the window opens on that newsroom (on a brief, the newest), and we measure, as
medians over ``--runs`` processes:

- ``open_ms``: selecting the article in the list until the window has painted it: the text is
  in the editor, usable (target ≤ 2,000);
- ``key_ms``: a key typed at the start of the text until it is painted, and it is in the text;
- ``preview_ms``: until the preview has laid in what it shows (the beginning: long-text mode);
- ``rss_idle_mb`` (the window before opening), ``rss_open_mb`` (after the key, the preview
  laid in and a second idle) and ``memory_ratio``: (open − idle) / the text's size in UTF-8
  (target ≤ 10).

The reference loop is timed before and after (``machine_speed_before_ms``/``_after_ms``).

    python bench/huge_article.py [--json] [--words 8000000] [--runs 3] [--python [LABEL=]PYTHON ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, machine_speed, rss_mb, start_app  # noqa: E402

TARGETS = {"open_ms": 2000, "memory_ratio": 10}
WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "de",
    "du",
    "et",
    "à",
    "en",
    "que",
    "qui",
    "dans",
    "sur",
    "pour",
    "par",
    "avec",
    "au",
    "aux",
    "ce",
    "cette",
    "son",
    "sa",
    "ses",
    "il",
    "elle",
    "ils",
    "on",
    "nous",
    "plus",
    "pas",
    "mais",
    "ou",
    "où",
    "ville",
    "port",
    "maire",
    "conseil",
    "travaux",
    "école",
    "rue",
    "quartier",
    "habitants",
    "Quimper",
    "Brest",
    "Lorient",
    "marché",
    "pêche",
    "bateau",
    "saison",
    "budget",
    "élus",
    "association",
    "festival",
    "musique",
    "été",
    "hiver",
    "mer",
    "côte",
    "projet",
    "année",
    "mois",
    "jour",
    "gens",
    "l’été",
    "l’école",
    "d’un",
    "d’une",
    "qu’il",
    "qu’elle",
    "aujourd’hui",
]
TITLE = "Le compte rendu intégral"


def french_text(words: int, seed: int = 3) -> str:
    """Paragraphs of 25–45 words with the typography a French text has (’, « », U+202F)."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = index = 0
    while count < words:
        if index % 12 == 0:
            parts.append(f"## Partie {index // 12 + 1}")
        elif index % 17 == 0:
            parts.append("\n".join(f"- {rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(3)))
            count += 6
        elif index % 23 == 0:
            parts.append("> «\u202f" + " ".join(rng.choice(WORDS) for _ in range(20)) + "\u202f»")
            count += 20
        else:
            n = rng.randint(25, 45)
            sentence = " ".join(rng.choice(WORDS) for _ in range(n))
            parts.append(sentence + ("\u202f!" if index % 5 == 0 else "."))
            count += n
        index += 1
    return "\n\n".join(parts)


# -- the child: one opening in one process ----------------------------------------------------------
def _child(db_path: str, article: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def measure(desk: object) -> None:
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtGui import QTextCursor
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from bench.common import time_until_painted

        app = QApplication.instance()
        window = desk.window  # type: ignore[attr-defined]

        def idle(seconds: float) -> None:
            loop = QEventLoop()
            QTimer.singleShot(int(seconds * 1000), loop.quit)
            loop.exec()

        idle(1.0)  # the newest article (an ordinary one) opened, the spelling lists loading
        while any(t.name.startswith("dictionary-") for t in threading.enumerate()):
            idle(0.1)
        rss_idle = rss_mb()
        editor = window.editor
        open_ms, _cpu = time_until_painted(
            lambda: window.articles.select_article(article), [editor.body_edit.viewport()], timeout_s=600
        )
        started = time.perf_counter()
        editor.body_edit.setFocus()
        editor.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
        key_ms, _cpu = time_until_painted(
            lambda: QTest.keyClick(editor.body_edit, Qt.Key.Key_X), [editor.body_edit.viewport()]
        )
        typed = editor.fields().body.startswith("x")
        while not editor.preview.complete:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        preview_ms = open_ms + (time.perf_counter() - started) * 1000
        idle(1.0)
        figures = {
            "open_ms": round(open_ms),
            "key_ms": round(key_ms, 1),
            "key_landed": typed,
            "preview_ms": round(preview_ms),
            "rss_idle_mb": round(rss_idle, 1),
            "rss_open_mb": round(rss_mb(), 1),
        }
        print("figures " + json.dumps(figures), flush=True)
        os._exit(0)

    start_app(db_path, measure)


def _prepare(python: str, folder: Path, words: int) -> tuple[Path, int, int]:
    """A demo newsroom plus the huge article, then a brief one, the newest, which the window
    opens at start; (database, the huge article's id, its size in UTF-8)."""
    db = folder / "huge.db"
    env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    subprocess.run(
        [python, "-m", "redaction", "demo", "--db", str(db)], env=env, check=True, capture_output=True
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]);"
        "from bench.huge_article import french_text, TITLE;"
        "from redaction.services.articles.editing import ArticleFields, create_article, list_articles;"
        "from redaction.storage.database import Database;"
        "db = Database.open(sys.argv[1]); body = french_text(int(sys.argv[2]));"
        "huge = create_article(db, ArticleFields(title=TITLE, body=body), 'bench').id;"
        "create_article(db, ArticleFields(title='Brève', body='Une brève.'), 'bench');"
        "print(huge, len(body.encode())); db.close()"
    )
    out = subprocess.run(
        [python, "-c", code, str(db), str(words), str(ROOT)], check=True, capture_output=True, text=True
    )
    huge, size = (int(x) for x in out.stdout.split()[-2:])
    return db, huge, size


def measure_once(python: str, db: Path, huge: int, home: Path) -> dict[str, float]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPYCACHEPREFIX=str(ROOT / "bench" / "data" / "pycache"),
    )
    args = [python, str(Path(__file__).resolve()), "--child", str(db), str(huge)]
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=1800, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("figures "):
            return json.loads(line.removeprefix("figures "))
    raise SystemExit(f"{python} printed no figures:\n{proc.stdout}\n{proc.stderr[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--words", type=int, default=8_000_000)
    parser.add_argument("--runs", type=int, default=3, help="processes (default 3)")
    parser.add_argument("--python", action="append", metavar="[LABEL=]PYTHON")
    parser.add_argument("--child", nargs=2, metavar=("DB", "ARTICLE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return 0
    pythons = {}
    for given in args.python or [f"after={sys.executable}"]:
        label, _, python = given.rpartition("=")
        pythons[label or "python"] = python
    speed_before = machine_speed()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="redaction-huge-") as tmp:
        home = Path(tmp)
        db, huge, size = _prepare(next(iter(pythons.values())), home, args.words)
        samples: dict[str, list[dict[str, float]]] = {label: [] for label in pythons}
        for _ in range(args.runs):
            for label, python in pythons.items():
                samples[label].append(measure_once(python, db, huge, home))
                print(f"{label}: {samples[label][-1]}", file=sys.stderr, flush=True)
    for label, runs in samples.items():
        figures: dict[str, object] = {
            key: statistics.median(float(run[key]) for run in runs)
            for key in ("open_ms", "key_ms", "preview_ms", "rss_idle_mb", "rss_open_mb")
        }
        figures["key_landed"] = all(run["key_landed"] for run in runs)
        figures["memory_ratio"] = round(
            (float(figures["rss_open_mb"]) - float(figures["rss_idle_mb"])) * 1024 * 1024 / size, 2
        )
        results[label] = figures
    report = {
        "meta": machine(),
        "machine_speed_before_ms": round(speed_before),
        "machine_speed_after_ms": round(machine_speed()),
        "words": args.words,
        "text_mb": round(size / 1e6, 1),
        "targets": TARGETS,
        **({"results": results} if len(results) > 1 else next(iter(results.values()))),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"{args.words:,} words, {size / 1e6:.1f} MB; reference loop {report['machine_speed_before_ms']} ms "
        f"before, {report['machine_speed_after_ms']} ms after"
    )
    for label, figures in results.items():
        print(f"{label}: " + ", ".join(f"{key} {value}" for key, value in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
