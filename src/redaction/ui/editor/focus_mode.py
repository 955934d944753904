"""Focus mode (F11): only the text, in a centred column, as ghostwriter and iA Writer do it.

Entering hides the docks, toolbars and menu bar, the form and the preview, and goes full screen;
the status bar stays, with the word count. Every shortcut keeps working (the window's actions are
attached to the window itself, not to the hidden menu bar), F11 or Esc leaves, and what the
window looked like before comes back exactly. Focus mode is a moment, never a layout: the window
leaves it before its layout is saved, so the next start shows the panels.

:class:`WritingColumn` does the writing part, and can be used alone: the text in a column of a
chosen width (in characters of the editor's font) centred in the editor, optional typewriter
scrolling (the line being typed stays in the middle of the screen) and optional dimming of every
paragraph but the current one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPlainTextEdit, QTextEdit, QToolBar

from redaction.ui import settings
from redaction.ui.actions import A, ActionRegistry

DIM_LAYER = "focus_dim"


class WritingColumn(QObject):
    """A centred column, typewriter scrolling and dimming for one plain-text editor."""

    def __init__(self, edit: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.columns = 0  # characters; 0: the whole width
        self.typewriter = False
        self.dim = False
        edit.installEventFilter(self)
        edit.cursorPositionChanged.connect(self._cursor_moved)

    def configure(self, columns: int, typewriter: bool, dim: bool) -> None:
        self.columns, self.typewriter, self.dim = columns, typewriter, dim
        self.edit.setCenterOnScroll(typewriter)
        self._fit()
        self._cursor_moved()

    def stop(self) -> None:
        self.configure(0, False, False)

    def _fit(self) -> None:
        if not self.columns:
            self.edit.setViewportMargins(0, 0, 0, 0)
            return
        metrics = self.edit.fontMetrics()
        wanted = metrics.horizontalAdvance("n") * self.columns + 2 * int(
            self.edit.document().documentMargin()
        )
        spare = max(0, self.edit.width() - wanted - self.edit.verticalScrollBar().sizeHint().width())
        self.edit.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)

    def _cursor_moved(self) -> None:
        if self.typewriter:
            self.edit.centerCursor()
        self._dim_others()

    def _dim_others(self) -> None:
        set_layer = getattr(self.edit, "set_selection_layer", None)
        if set_layer is None:
            return
        if not self.dim:
            set_layer(DIM_LAYER, [])
            return
        block = self.edit.textCursor().block()
        color = QColor(self.edit.palette().text().color())
        color.setAlphaF(0.35)
        fmt = QTextCharFormat()
        fmt.setForeground(color)
        doc = self.edit.document()
        selections = []
        for start, end in (
            (0, block.position()),
            (block.position() + block.length(), doc.characterCount() - 1),
        ):
            if end > start:
                cursor = QTextCursor(doc)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor  # type: ignore[misc]
                selection.format = fmt  # type: ignore[misc]
                selections.append(selection)
        set_layer(DIM_LAYER, selections)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.Resize and self.columns:
            self._fit()
        return super().eventFilter(watched, event)


class FocusMode(QObject):
    """F11 in a main window that has an ``editor`` (an EditorPanel)."""

    def __init__(self, window: QMainWindow, editor: object, registry: ActionRegistry) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.registry = registry
        self.active = False
        self._before: tuple[object, bool, bool] | None = None
        self.column = WritingColumn(editor.body_edit, self)  # type: ignore[attr-defined]
        action = registry[A.VIEW_FOCUS]
        action.toggled.connect(lambda on: self.enter() if on else self.leave())
        for name, option in (
            (A.VIEW_TYPEWRITER, settings.FOCUS_TYPEWRITER),
            (A.VIEW_DIM, settings.FOCUS_DIM),
        ):
            toggle = registry[name]
            toggle.setChecked(settings.get(option))
            toggle.toggled.connect(lambda on, o=option: self._option_toggled(o, on))

    def _option_toggled(self, option: settings.Option[bool], on: bool) -> None:
        settings.put(option, on)
        if self.active:
            self._configure()

    def preferences_changed(self, keys: frozenset[str]) -> None:
        """Preferences set another column width: a writer in focus mode sees it at once."""
        if self.active and settings.FOCUS_COLUMN.key in keys:
            self._configure()

    def _configure(self) -> None:
        self.column.configure(
            settings.get(settings.FOCUS_COLUMN),
            self.registry[A.VIEW_TYPEWRITER].isChecked(),
            self.registry[A.VIEW_DIM].isChecked(),
        )

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        self.active = True
        self._before = (window.saveState(), window.isFullScreen(), window.isMaximized())
        for dock in window.findChildren(QDockWidget):
            dock.hide()
        for toolbar in window.findChildren(QToolBar):
            toolbar.hide()
        window.menuBar().hide()
        self.editor.set_focus_mode(True)  # type: ignore[attr-defined]
        # Esc is not a shortcut here: a shortcut would be ambiguous with the find bar's own Esc
        # (and Qt then fires neither). An Esc that no widget wanted reaches the window and leaves.
        window.installEventFilter(self)
        window.showFullScreen()
        self._configure()
        self.editor.body_edit.setFocus()  # type: ignore[attr-defined]
        self._sync_action(True)

    def leave(self) -> None:
        if not self.active or self._before is None:
            return
        state, was_full_screen, was_maximized = self._before
        self._before = None
        window = self.window
        window.removeEventFilter(self)
        self.column.stop()
        self.editor.set_focus_mode(False)  # type: ignore[attr-defined]
        window.menuBar().show()
        if not was_full_screen:
            window.showMaximized() if was_maximized else window.showNormal()
        window.restoreState(state)  # type: ignore[arg-type]
        self.active = False
        self._sync_action(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):
            self.leave()
            return True
        return super().eventFilter(watched, event)

    def _sync_action(self, on: bool) -> None:
        action = self.registry[A.VIEW_FOCUS]
        if action.isChecked() != on:
            blocked = action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(blocked)
