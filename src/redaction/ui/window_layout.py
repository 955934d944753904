"""The main window's layout, kept from one session to the next: its geometry, where the docks
are and how wide, the editor's columns, and the article that was open (Qt's settings: window
state is kept apart from preferences, see :mod:`redaction.ui.settings`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from redaction.ui import settings

if TYPE_CHECKING:
    from redaction.ui.main_window import MainWindow


def restore(window: MainWindow) -> None:
    """Put the window back as it was left, or give it the default layout."""
    geometry = settings.window_value("geometry")
    state = settings.window_value("state")
    if state is None or not window.restoreState(state):
        # Docks take their widths once the window has its size; before that they are ignored.
        QTimer.singleShot(0, window, lambda: _default_dock_sizes(window))
    # Geometry after state, with the layout recomputed: hidden docks lower the minimum size.
    window.layout().activate()
    if geometry is None or not window.restoreGeometry(geometry):
        screen = window.screen().availableGeometry()
        window.resize(min(1440, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.92)))
    splitter = settings.window_value("editor_columns")
    if splitter is not None:
        window.editor.splitter.restoreState(splitter)


def _default_dock_sizes(window: MainWindow) -> None:
    window.resizeDocks(
        [window.articles_dock], [min(600, int(window.width() * 0.4))], Qt.Orientation.Horizontal
    )
    window.resizeDocks(
        [window.articles_dock, window.comments_dock],
        [window.height() // 2, window.height() // 2],
        Qt.Orientation.Vertical,
    )


def save(window: MainWindow) -> None:
    """Keep the layout and the open article for the next start (the window is closing)."""
    window.writing.focus.leave()  # focus mode is a moment, never the layout of the next start
    settings.set_window_value("geometry", window.saveGeometry())
    settings.set_window_value("state", window.saveState())
    settings.set_window_value("editor_columns", window.editor.splitter.saveState())
    settings.set_window_value("last_article", window.current_article_id())
