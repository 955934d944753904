"""The floor for a launch: a bare PySide6 ``QMainWindow`` painted, nothing else imported.

Run by ``bench/launch_time.py`` in the same conditions as the app (offscreen, same Python); it
prints ``painted <ms since process start>`` after the window's first paint and quits, as the
app does with ``REDACTION_EXIT_AFTER_PAINT``. The ratio of the app's figure to this one is
comparable from one machine to another.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

_IMPORTED_AT = time.perf_counter()


def seconds_since_process_start() -> float:
    """As redaction.ui.app does (kept here so that nothing of redaction is imported)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED_AT


def show_until_painted(app: Any, window: Any) -> int:
    """Show ``window``, print ``painted <ms since process start>`` after its first paint and
    quit ``app`` (shared with ``bench/stack_qt.py``)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
                self.done = True
                QTimer.singleShot(
                    0, lambda: (print(f"painted {seconds_since_process_start() * 1000:.0f}"), app.quit())
                )
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


def floor_window(title: str, titles: list[str], body: str, html: str, status: str) -> Any:
    """The floors' window (``stack_qt.py``, ``paint_first.py``), as the app's first screen has
    it: the article list in a dock, an editor and a browser side by side, a menu, a status bar.
    Its Qt modules are imported here, not by the bare window."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QDockWidget,
        QMainWindow,
        QPlainTextEdit,
        QSplitter,
        QTableView,
        QTextBrowser,
    )

    window = QMainWindow()
    window.setWindowTitle(title)
    window.resize(1440, 900)
    model = QStandardItemModel(len(titles), 1, window)
    for row, text in enumerate(titles):
        model.setItem(row, 0, QStandardItem(text))
    table = QTableView()
    table.setModel(model)
    dock = QDockWidget("Articles", window)
    dock.setWidget(table)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    editor = QPlainTextEdit()
    editor.setPlainText(body)
    browser = QTextBrowser()
    browser.setHtml(html)
    splitter = QSplitter()
    splitter.addWidget(editor)
    splitter.addWidget(browser)
    window.setCentralWidget(splitter)
    window.menuBar().addMenu("File")
    window.statusBar().showMessage(status)
    return window


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1440, 900)
    return show_until_painted(app, window)


if __name__ == "__main__":
    sys.exit(main())
