"""Keystroke-to-preview latency through the real editor and preview widgets.

For bodies of 800, 5,000, 50,000 and 200,000 words, types a sentence into the middle of the body
with QTest key events and times each keystroke from the key press until the event loop has
painted the result (the preview is scrolled to the edit, so the time includes re-rendering,
patching, layout and paint of what the user sees; the editor's own paint is included too). Then
(up to 50,000 words) the same keystrokes with a naive preview that re-renders the whole page
(Python-Markdown + setHtml) on every change, as ReText does after its delay.

Targets: p95 ≤ 16 ms and max ≤ 33 ms at 50,000 words, median ≤ 16 ms at 200,000 (issue 13.3).
Each size also gives ``open_ms`` (``EditorPanel.load`` returned: the text is in the editor) and
``preview_ms`` (the page is laid in whole). The process's heap is frozen once the modules are
loaded, as the app does after its first paint (``gc.freeze``). A fixed reference loop is timed
before and after (``machine_speed_before_ms``/``_after_ms``): the machine is shared.

    python bench/preview_latency.py [--json] [--keys N] [--sizes 800,5000,50000,200000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from redaction.render.markdown import convert_whole
from redaction.render.page import article_page
from redaction.services.articles.values import ArticleDetail, ArticleFields
from redaction.ui.editor.panel import EditorPanel

WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "port",
    "maire",
    "ville",
    "projet",
    "conseil",
    "municipal",
    "travaux",
    "école",
    "rue",
    "quartier",
    "habitants",
    "Quimper",
    "Brest",
    "Bretagne",
    "marché",
    "pêche",
    "bateau",
    "saison",
    "touristes",
    "budget",
    "élus",
    "association",
    "festival",
    "musique",
]
SENTENCE = "Le conseil municipal a vote le budget. "


def body_of(words: int, seed: int = 1) -> str:
    """A realistic article body: sub-headings every dozen paragraphs, some lists and quotes."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    index = 0
    while count < words:
        if index % 12 == 0:
            parts.append(f"## Partie {index // 12 + 1}")
        elif index % 17 == 0:
            parts.append("\n".join(f"- {rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(3)))
            count += 6
        elif index % 23 == 0:
            parts.append("> « " + " ".join(rng.choice(WORDS) for _ in range(20)) + " »")
            count += 20
        else:
            n = rng.randint(25, 45)
            parts.append(" ".join(rng.choice(WORDS) for _ in range(n)) + ".")
            count += n
        index += 1
    return "\n\n".join(parts)


OPENED: dict[str, float] = {}  # the last make_panel's open_ms and preview_ms


def make_panel(body: str) -> EditorPanel:
    panel = EditorPanel()
    panel.resize(1300, 900)
    panel.show()
    now = datetime.now(UTC)
    fields = ArticleFields(
        title="Le budget voté", rubric="Économie", standfirst="Chapô.", author="Anne", body=body
    )
    detail = ArticleDetail(1, "u", "s", fields, now, now, None, 1, 0, 0)
    start = time.perf_counter()
    panel.load(detail)
    OPENED["open_ms"] = round((time.perf_counter() - start) * 1000, 1)
    app = QApplication.instance()
    while not panel.preview.complete:
        app.processEvents()
    OPENED["preview_ms"] = round((time.perf_counter() - start) * 1000, 1)
    return panel


def place_cursor_mid(panel: EditorPanel) -> None:
    edit = panel.body_edit
    doc = edit.document()
    block = doc.findBlockByNumber(doc.blockCount() // 2)
    while block.isValid() and not block.text().strip():
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    edit.centerCursor()
    edit.setFocus()


def scroll_preview_to_edit(panel: EditorPanel) -> None:
    preview = panel.preview
    offset = panel.body_edit.textCursor().position()
    segment = max(0, __import__("bisect").bisect_right(preview.body.starts, offset) - 1)
    position = preview.chunk_position(segment)
    if position is not None:
        cursor = QTextCursor(preview.document())
        cursor.setPosition(position)
        preview.setTextCursor(cursor)
        preview.ensureCursorVisible()


def time_keys(panel: EditorPanel, keys: int) -> list[float]:
    app = QApplication.instance()
    place_cursor_mid(panel)
    scroll_preview_to_edit(panel)
    app.processEvents()
    times = []
    for i in range(keys):
        char = SENTENCE[i % len(SENTENCE)]
        start = time.perf_counter()
        if char == " ":
            QTest.keyClick(panel.body_edit, Qt.Key.Key_Space)
        else:
            QTest.keyClicks(panel.body_edit, char)
        app.processEvents()  # paints the updated regions of the editor and the preview
        times.append((time.perf_counter() - start) * 1000)
    return times


def make_naive(panel: EditorPanel) -> None:
    """Swap in the naive preview: whole page through Python-Markdown and setHtml each change."""
    panel.body_edit.textChanged.disconnect()
    info = panel.page_info()

    def rerender() -> None:
        html = article_page(info, "", body_html=convert_whole(panel.body_edit.toPlainText()))
        scroll = panel.preview.verticalScrollBar().value()
        panel.preview.setHtml(html)
        panel.preview.verticalScrollBar().setValue(scroll)

    panel.body_edit.textChanged.connect(rerender)


def dispose(panel: EditorPanel) -> None:
    """Really delete a panel: deleteLater() alone is not run by processEvents(), and a panel left
    alive keeps its timers (gradual highlighting) running into the next measurement."""
    panel.close()
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(ordered[-1], 2),
        "n": len(ordered),
    }


def machine_speed() -> float:
    """Milliseconds for a fixed pure-Python loop (as bench/moderation.py)."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


TARGETS = {"50000": {"p95_ms": 16, "max_ms": 33}, "200000": {"median_ms": 16}}
NAIVE_UP_TO = 50_000  # the naive preview takes seconds a key beyond


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keys", type=int, default=120, help="keystrokes per size (incremental)")
    parser.add_argument("--naive-keys", type=int, default=12, help="keystrokes per size (naive)")
    parser.add_argument("--sizes", default="800,5000,50000,200000", help="body sizes in words")
    parser.add_argument(
        "--no-freeze", action="store_true", help="leave the heap unfrozen (an app that does not freeze it)"
    )
    args = parser.parse_args(argv)
    speed_before = machine_speed()
    QApplication.instance() or QApplication(sys.argv[:1])
    if not args.no_freeze:
        gc.freeze()  # as the app does after its first paint: modules are not the collector's business
    sizes = [int(size) for size in args.sizes.split(",")]
    result: dict[str, object] = {}
    naive: dict[str, object] = {}
    for words in sizes:
        body = body_of(words)
        panel = make_panel(body)
        time_keys(panel, 10)  # warm-up, not counted
        result[str(words)] = {**summary(time_keys(panel, args.keys)), **OPENED}
        dispose(panel)
        if words > NAIVE_UP_TO:
            continue
        panel = make_panel(body)
        make_naive(panel)
        time_keys(panel, 2)  # warm-up
        naive[str(words)] = summary(time_keys(panel, args.naive_keys))
        dispose(panel)
    result["naive"] = naive
    result["targets"] = TARGETS
    result["machine_speed_before_ms"] = round(speed_before)
    result["machine_speed_after_ms"] = round(machine_speed())
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"reference loop {result['machine_speed_before_ms']} ms before, "
            f"{result['machine_speed_after_ms']} ms after"
        )
        print(
            f"{'words':>8}  {'incremental median':>19} {'p95':>8} {'max':>8} {'open':>8} {'preview':>8}"
            f"   {'naive median':>13} {'p95':>8}"
        )
        for words in sizes:
            inc = result[str(words)]
            nav = naive.get(str(words))
            naive_text = f"   {nav['median_ms']:>10.2f} ms {nav['p95_ms']:>5.2f} ms" if nav else ""
            print(
                f"{words:>8}  {inc['median_ms']:>16.2f} ms {inc['p95_ms']:>5.2f} ms {inc['max_ms']:>5.2f} ms"
                f" {inc['open_ms']:>8.0f} {inc['preview_ms']:>8.0f}{naive_text}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
