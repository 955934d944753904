"""French words are longer than English ones: columns sized for a status show every status in full."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from redaction.storage.database import Database
from redaction.ui import i18n, labels, settings
from redaction.ui.moderation.queue_model import COLUMNS


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    default = QLocale()
    settings.put(settings.UI_LANGUAGE, "fr")
    i18n.install_translators(qapp, cache=tmp_path / "cache")
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(default)


def test_comment_status_column_holds_the_longest_french_status(
    french, seeded_db: Database, make_window
) -> None:
    window = make_window(seeded_db)
    view = window.comments.view
    window.comments.queue.set_queue(None)  # the All queue: the only one with a status column
    assert labels.comment_status("spam") == "Indésirable"
    widest = max(
        view.fontMetrics().horizontalAdvance(labels.comment_status(s))
        for s in ("pending", "approved", "spam", "trash")
    )
    assert view.columnWidth(COLUMNS.index("status")) >= widest + 8  # the cell's text margins
    assert not view.isColumnHidden(COLUMNS.index("status"))


def test_after_switching_to_french_the_panels_keep_their_content_readable(
    qtbot, ui_language, seeded_db: Database, make_window
) -> None:
    """The English session's layout, restored in French: no panel squeezed below its content
    (tabs, columns, the house rules it showed)."""
    from PySide6.QtCore import QSize

    from tests.ui.keys import press
    from tests.ui.screens import layout_problems, settle

    screen = QSize(1280, 800)
    ui_language("en")
    english = make_window(seeded_db)
    english.resize(screen)
    english.open_article(1)
    english.editor.body_edit.setFocus()
    press(qtbot, english.editor.body_edit, "Ctrl+Shift+K")  # the house rules panel, open
    assert english.writing.rules_dock.isVisible()
    english.close()

    ui_language("fr")
    french = make_window(seeded_db)
    french.resize(screen)
    settle()
    qtbot.waitUntil(lambda: french.editor.detail is not None)
    settle()
    assert french.articles_dock.width() >= french.articles.minimumSizeHint().width()
    tabs = french.comments.tabs
    assert [tabs.tabText(i).split(" (")[0] for i in range(tabs.count())][:3] == [
        "En attente",
        "Approuvé",
        "Indésirable",
    ]
    rules = french.writing.rules_view
    assert french.writing.rules_dock.isVisible() and rules.count() > 0  # restored, and not empty
    assert layout_problems(french, screen) == []
