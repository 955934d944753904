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
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
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
