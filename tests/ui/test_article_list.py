"""The article list answers at once: one load per sort, and a word's count arrives after the rows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.storage.database import Database
from redaction.ui.articles import panel as panel_module
from redaction.ui.articles.model import COLUMNS


def row_titles(window) -> list[str]:
    model = window.articles.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_sorting_by_a_column_loads_the_list_once(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    loads: list[int] = []
    window.articles.model.modelReset.connect(lambda: loads.append(1))
    window.articles.view.sortByColumn(COLUMNS.index("title"), Qt.SortOrder.AscendingOrder)
    assert row_titles(window) == sorted(row_titles(window))
    assert len(loads) == 1  # Qt asks the model to sort twice; the second time it is already sorted
    window.articles.view.horizontalHeader().setSortIndicator(
        COLUMNS.index("title"), Qt.SortOrder.DescendingOrder
    )
    assert row_titles(window) == sorted(row_titles(window), reverse=True)
    assert len(loads) == 2


def test_rows_of_a_typed_word_come_first_and_its_count_follows(
    qtbot, seeded_db: Database, make_window
) -> None:
    window = make_window(seeded_db)
    panel = window.articles
    panel.filter_edit.setText("zzyzx")
    panel.apply_filter()
    panel.filter_edit.setText("douarnenez")
    panel.apply_filter()
    assert row_titles(window) == ["La criée de Douarnenez"]  # the rows, without waiting for the count
    qtbot.waitUntil(lambda: panel.count_label.text().startswith("1 "))
    qtbot.wait(50)  # the count for "zzyzx" (zero) must not arrive after it and overwrite it
    assert panel.count_label.text().startswith("1 ")
    panel.filter_edit.clear()
    panel.apply_filter()
    assert panel.count_label.text().startswith("3 ")  # no word: an index answers at once


def test_an_article_far_down_the_list_is_not_searched_for_page_by_page(
    qtbot, seeded_db: Database, make_window, monkeypatch
) -> None:
    window = make_window(seeded_db)
    model = window.articles.model
    model._page_size = 1
    model.reload()
    oldest = 1  # created first: last in the default newest-first order
    monkeypatch.setattr(panel_module, "MAX_ROWS_TO_FIND", 2)
    assert not window.articles.select_article(oldest)
    assert model.rowCount() == 1  # no page loaded in vain
    monkeypatch.setattr(panel_module, "MAX_ROWS_TO_FIND", 3)
    assert window.articles.select_article(oldest)
    assert model.rowCount() == 3 and window.articles.current_article_id() == oldest
