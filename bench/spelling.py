"""Highlighting and spell checking cost on a book-length article (50,000 words by default).

Prints: the word-list load time per language and the longest the UI thread was kept waiting
while a list loaded in the background; the time ``setPlainText`` takes with the highlighter on
and the total and longest slice of the gradual formatting that follows; then, per keystroke
typed into the middle of the document (real key events through ``QTest``), the median, 95th
percentile and maximum of (a) the highlighter alone (``highlightBlock``, spelling included) and
(b) the whole key press (Qt's edit, layout and highlighting). The budget is 16 ms median.

    QT_QPA_PLATFORM=offscreen python bench/spelling.py [--words 50000] [--keys 300] [--language fr]
"""

from __future__ import annotations

import argparse
import builtins
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from redaction.ui.editor.dictionaries import SpellingService
from redaction.ui.editor.highlighter import MarkdownHighlighter

PARAGRAPHS = [
    "Après trois ans de travaux, la criée de Douarnenez a rouvert ses portes lundi matin. Les "
    "pêcheurs, qui s’étaient habitués à débarquer leurs prises à Audierne, reviennent peu à peu.",
    "« C’est peut-être le début d’une nouvelle époque », confie l’un d’eux, qu’on croise sur le "
    "quai. Le maire avait promis que les bateaux retrouveraient leur port d’attache avant l’été.",
    "Aujourd’hui, les mareyeurs s’inquiètent pourtant\u00a0: les quotas **européens** diminuent, et "
    "les jeunes hésitent à s’engager. Ils ne sont plus qu’une soixantaine\u202f!",
    "- Quelques-uns ont choisi de vendre [directement](https://exemple.fr/vente?id=3) aux "
    "restaurateurs, d’autres se sont regroupés en *coopérative* pour négocier les prix.",
    "La région a débloqué des subventions, mais les démarches administratives découragent "
    "nombre d’entre eux, écrit `config.yml` la presse localle sur redaction@exemple.fr.",
]


def build_text(words: int) -> str:
    blocks: list[str] = []
    count = 0
    section = 0
    while count < words:
        if len(blocks) % 12 == 0:
            section += 1
            blocks.append(f"## Partie {section}")
        if len(blocks) % 40 == 5:
            blocks.append("```python\ndef prix(kilos):\n    return kilos * 3.5\n```")
        paragraph = PARAGRAPHS[len(blocks) % len(PARAGRAPHS)]
        blocks.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(blocks)


class TimedHighlighter(MarkdownHighlighter):
    def __init__(self, *args: object, **kwargs: object) -> None:
        self.block_times: list[float] = []
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def highlightBlock(self, text: str) -> None:
        started = time.perf_counter()
        super().highlightBlock(text)
        self.block_times.append(time.perf_counter() - started)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def measure_stall(app: QApplication, service: SpellingService, language: str) -> float:
    """Load ``language`` in the background while a 1 ms timer runs; the longest gap between ticks."""
    ticks: list[float] = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    service.checker(language)
    deadline = time.perf_counter() + 30
    while not service.checker(language).is_loaded and time.perf_counter() < deadline:  # type: ignore[union-attr]
        app.processEvents()
    timer.stop()
    return max(b - a for a, b in itertools.pairwise(ticks)) if len(ticks) > 1 else 0.0


def machine_speed() -> float:
    """Milliseconds for a fixed pure-Python loop (as bench/moderation.py)."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--language", default="fr", choices=["fr", "en"])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout (the prose on stderr)")
    args = parser.parse_args()
    figures: dict[str, float] = {"machine_speed_before_ms": round(machine_speed())}

    def print(*parts: object) -> None:
        builtins.print(*parts, file=sys.stderr if args.json else sys.stdout)

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        service = SpellingService(Path(folder) / "words.txt", load_delay_ms=0)
        stall = measure_stall(app, service, args.language)
        service.wait_loaded(args.language)
        figures["word_list_load_ms"] = round(service.load_seconds[args.language] * 1000, 1)
        figures["ui_stall_while_loading_ms"] = round(stall * 1000, 1)
        print(
            f"word list {args.language}: loaded in {service.load_seconds[args.language]:.3f} s in a thread; "
            f"longest UI-thread wait meanwhile {ms(stall)}"
        )

        editor = QPlainTextEdit()
        editor.resize(900, 700)
        editor.show()
        highlighter = TimedHighlighter(editor.document(), editor.palette(), service, args.language)
        text = build_text(args.words)
        started = time.perf_counter()
        editor.setPlainText(text)
        loaded = time.perf_counter() - started
        highlighter.block_times.clear()
        slices: list[float] = []
        started = time.perf_counter()
        while highlighter.is_busy():
            slice_start = time.perf_counter()
            highlighter._work()
            slices.append(time.perf_counter() - slice_start)
        gradual = time.perf_counter() - started
        blocks = editor.document().blockCount()
        print(f"document: {len(text.split())} words, {len(text)} characters, {blocks} blocks")
        print(
            f"setPlainText with highlighter: {ms(loaded)}; gradual formatting {ms(gradual)} in "
            f"{len(slices)} slices, longest {ms(max(slices))}"
        )
        per_block = sorted(highlighter.block_times)
        print(
            f"highlightBlock over the document: median {ms(statistics.median(per_block))}, "
            f"max {ms(per_block[-1])}"
        )

        cursor = editor.textCursor()
        middle = editor.document().findBlockByNumber(blocks // 2)
        while not middle.text() or middle.text().startswith(("#", "`")):
            middle = middle.next()
        cursor.setPosition(middle.position() + len(middle.text()) // 2)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        app.processEvents()
        typed = "les pecheurs reviennent au port et la criee revit "
        keys: list[float] = []
        highlight: list[float] = []
        for index in range(args.keys):
            ch = typed[index % len(typed)]
            highlighter.block_times.clear()
            started = time.perf_counter()
            QTest.keyClick(editor, ch if ch != " " else Qt.Key.Key_Space)
            keys.append(time.perf_counter() - started)
            highlight.append(sum(highlighter.block_times))
        editor.moveCursor(QTextCursor.MoveOperation.End)

        def summary(values: list[float]) -> str:
            values = sorted(values)
            p95 = values[int(len(values) * 0.95) - 1]
            return f"median {ms(statistics.median(values))}, p95 {ms(p95)}, max {ms(values[-1])}"

        print(f"per keystroke ({args.keys} keys), highlight + spell: {summary(highlight)}")
        print(f"per keystroke ({args.keys} keys), whole key press:   {summary(keys)}")
        editor.close()
    figures.update(
        set_plain_text_ms=round(loaded * 1000, 1),
        gradual_formatting_ms=round(gradual * 1000, 1),
        longest_slice_ms=round(max(slices) * 1000, 2),
        highlight_per_key_median_ms=round(statistics.median(highlight) * 1000, 3),
        key_median_ms=round(statistics.median(keys) * 1000, 2),
        key_max_ms=round(max(keys) * 1000, 2),
        machine_speed_after_ms=round(machine_speed()),
    )
    if args.json:
        builtins.print(json.dumps(figures))


if __name__ == "__main__":
    main()
