"""Every window and dialog of redaction, built on the demo newsroom, for the screenshot run
(tests/ui/test_screenshots.py): what a reader would notice is checked on each, and each is
saved as a PNG for a person to look at.

What "a reader would notice" means here, widget by widget:

* a tab whose text does not fit (Qt elides it: "Indési…");
* a one-line label cut short (Qt clips a label narrower than its text);
* a wrapped label given less height than its lines need, a label showing a literal "&";
* a list whose columns are wider than it (it scrolls sideways);
* a widget squeezed below its minimum size (the window cannot hold its layout);
* a window that needs more room than the screen has.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QSizePolicy,
    QTabBar,
    QWidget,
)

SCREENSHOTS_ENV = "REDACTION_SCREENSHOTS"


def screenshots_folder() -> Path:
    """Where the PNGs go: $REDACTION_SCREENSHOTS, else build/screenshots/ in the checkout."""
    chosen = os.environ.get(SCREENSHOTS_ENV)
    return Path(chosen) if chosen else Path(__file__).parents[2] / "build" / "screenshots"


def _visible_descendants(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        if widget.isVisibleTo(top) and widget.isVisible() and widget.window() is top:
            yield widget


def _name(widget: QWidget) -> str:
    label = widget.objectName() or type(widget).__name__
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName() and not parent.isWindow():
        parent = parent.parentWidget()
    where = parent.objectName() if parent is not None and parent.objectName() else ""
    return f"{label} in {where}" if where else label


def _effective_minimum_width(widget: QWidget) -> int:
    """The narrowest a layout may make ``widget`` (Qt's qSmartMinSize, width only)."""
    if widget.minimumWidth() > 0:
        return widget.minimumWidth()
    if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
        return 0
    return widget.minimumSizeHint().width()


def layout_problems(top: QWidget, screen: QSize) -> list[str]:
    """What a reader would notice in ``top`` as it is on screen now (empty: nothing)."""
    found: list[str] = []
    title = top.objectName() or top.windowTitle().replace("[*]", "")
    hint = top.minimumSizeHint()
    if hint.width() > screen.width() or hint.height() > screen.height():
        found.append(
            f"{title}: needs {hint.width()}×{hint.height()}, the screen is {screen.width()}×{screen.height()}"
        )
    for widget in _visible_descendants(top):
        if isinstance(widget, QTabBar):
            metrics = widget.fontMetrics()
            for index in range(widget.count()):
                text = widget.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")
                rect = widget.tabRect(index)
                if rect.width() < metrics.horizontalAdvance(text) + 4:
                    found.append(f"{title}: tab “{text}” of {_name(widget)} is cut ({rect.width()} px)")
        elif isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                found.append(
                    f"{title}: wrapped label “{widget.text()[:40]}” of {_name(widget)} is cut "
                    f"({widget.height()} < {needed} px high)"
                )
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap():
            needed = widget.minimumSizeHint().width()
            if (
                widget.width() < needed
                and widget.sizePolicy().horizontalPolicy() != QSizePolicy.Policy.Ignored
            ):
                found.append(
                    f"{title}: label “{widget.text()[:40]}” of {_name(widget)} is cut ({widget.width()} < {needed} px)"
                )
        if (
            isinstance(widget, QLabel)
            and widget.buddy() is None
            and widget.textFormat() != Qt.TextFormat.RichText
            and re.search(r"(?<!&)&[^&\s]", widget.text())
        ):
            found.append(f"{title}: label “{widget.text()}” of {_name(widget)} shows its “&” (no buddy)")
        if isinstance(widget, QAbstractItemView) and widget.horizontalScrollBar().isVisible():
            found.append(f"{title}: the columns of {_name(widget)} are wider than it (scrolls sideways)")
        if isinstance(widget.parentWidget(), QAbstractScrollArea):
            continue  # a viewport or a scroll bar: the area scrolls instead
        minimum = _effective_minimum_width(widget)
        if widget.width() + 1 < minimum:
            found.append(
                f"{title}: {_name(widget)} is {widget.width()} px wide, narrower than its {minimum} px"
            )
    return found


@dataclass
class Screen:
    name: str
    build: Callable[[], QWidget]


def show_like_a_window_manager(widget: QWidget, screen: QSize, size: QSize | None = None) -> None:
    """Show ``widget`` at ``size`` (else its own), never larger than the screen, laid out."""
    if size is not None:
        widget.resize(size)
    else:
        widget.adjustSize() if widget.size().isEmpty() else None
    widget.resize(min(widget.width(), screen.width()), min(widget.height(), screen.height()))
    widget.show()
    settle()


def settle() -> None:
    """Let every pending layout request run: a window lays itself out level by level."""
    for _ in range(4):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


def file_dialog(parent: QWidget, title: str, filters: str) -> QFileDialog:
    """The file chooser as Import shows it (Qt's own dialog: there is no desktop's offscreen)."""
    dialog = QFileDialog(parent, title, str(Path.home()), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setObjectName("file_dialog")
    return dialog


def is_dialog(widget: QWidget) -> bool:
    return isinstance(widget, QDialog)
