"""The preview patches only what changed and always ends showing what a fresh render shows."""

from __future__ import annotations

import random
from datetime import date

from redaction.render.page import PageInfo, article_page
from redaction.ui.editor.preview import PreviewPane
from tests.render.test_blocks import DOCUMENTS

INFO = PageInfo("Titre", "Portrait", "Chapô", "Anne", "fr", date(2025, 4, 19), ("port",))


def fresh_text(qtbot, text: str) -> str:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_page(INFO, text)
    qtbot.waitUntil(lambda: pane.complete)
    return pane.toPlainText()


def test_edits_end_with_the_same_page_as_a_fresh_render(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    text = "\n\n".join(v for k, v in DOCUMENTS.items() if k != "reference links")
    pane.show_page(INFO, text)
    qtbot.waitUntil(lambda: pane.complete)
    rng = random.Random(3)
    pieces = [
        "a",
        "\n\n",
        "## Nouveau",
        "| x | y |\n|---|---|\n| 1 | 2 |",
        "- liste",
        "> cit",
        "```\ncode\n```",
        "\n",
    ]
    for step in range(60):
        position = rng.randrange(len(text) + 1)
        if rng.random() < 0.6:
            text = text[:position] + rng.choice(pieces) + text[position:]
        else:
            text = text[:position] + text[position + rng.randrange(1, 30) :]
        pane.update_body(text)
        if step % 10 == 9:
            assert pane.toPlainText() == fresh_text(qtbot, text)
    assert pane.rendered_html == article_page(INFO, text)


def test_typing_replaces_only_the_touched_part(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    paragraphs = [f"Paragraphe numéro {i}." for i in range(300)]
    pane.show_page(INFO, "\n\n".join(paragraphs))
    qtbot.waitUntil(lambda: pane.complete)
    first_block = pane.document().findBlockByNumber(5)
    paragraphs[200] = "Paragraphe numéro 200, réécrit."
    pane.update_body("\n\n".join(paragraphs))
    assert "réécrit" in pane.toPlainText()
    assert pane.document().findBlockByNumber(5) == first_block  # earlier blocks untouched


def test_a_long_body_appears_top_first_and_completes(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    body = "\n\n".join(f"## Partie {i}\n\n" + "mot " * 60 for i in range(1500))
    pane.show_page(INFO, body)
    assert "Partie 0" in pane.toPlainText()
    assert not pane.complete  # the rest is laid in while the window stays responsive
    qtbot.waitUntil(lambda: pane.complete, timeout=60_000)
    assert "Partie 1499" in pane.toPlainText()


def test_header_fields_update_in_place(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_page(INFO, "Texte.")
    qtbot.waitUntil(lambda: pane.complete)
    pane.update_info(
        PageInfo("Nouveau titre", "Économie", "Chapô", "Anne", "fr", date(2025, 4, 19), ("port", "mer"))
    )
    text = pane.toPlainText()
    assert "Nouveau titre" in text and "Économie" in text and "mer" in text and "Texte." in text


def test_footnotes_render_whole_after_a_pause(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_page(INFO, "Un fait.")
    qtbot.waitUntil(lambda: pane.complete)
    pane.update_body("Un fait[^1].\n\n[^1]: La source.")
    qtbot.waitUntil(lambda: "La source" in pane.toPlainText())
    assert pane.rendered_html == article_page(INFO, "Un fait[^1].\n\n[^1]: La source.")


def test_remote_resources_are_never_fetched(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    from PySide6.QtCore import QUrl

    assert pane.loadResource(2, QUrl("https://tracker.example/pixel.png")) is None
    assert pane.loadResource(2, QUrl("file:///etc/passwd")) is None


def test_editor_and_preview_scroll_together_both_ways(qtbot) -> None:
    from redaction.ui.editor.panel import EditorPanel
    from tests.ui.test_preview_helpers import load_panel

    panel = EditorPanel()
    qtbot.addWidget(panel)
    body = "\n\n".join(f"## Partie {i}\n\n" + "mot " * 80 for i in range(60))
    load_panel(qtbot, panel, body)
    editor, preview = panel.body_edit, panel.preview
    target = editor.document().find("Partie 40")
    editor.verticalScrollBar().setValue(target.block().firstLineNumber())
    top = preview.cursorForPosition(preview.viewport().rect().topLeft()).block().text()
    assert top.startswith("Partie 40") or "Partie 40" in preview.toPlainText()[:0] or top.startswith("mot")
    shown = preview.toPlainText()
    first_visible = preview.cursorForPosition(preview.viewport().rect().topLeft()).position()
    assert (
        "Partie 40" in shown[first_visible : first_visible + 200]
        or "Partie 39" in shown[first_visible : first_visible + 800]
    )

    heading = preview.document().find("Partie 10")
    preview.verticalScrollBar().setValue(
        int(preview.document().documentLayout().blockBoundingRect(heading.block()).top())
    )
    editor_top = editor.cursorForPosition(editor.viewport().rect().topLeft()).block().text()
    assert editor_top == "## Partie 10"
