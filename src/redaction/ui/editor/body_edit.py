"""MarkdownEdit: the article body editor, a QPlainTextEdit that knows Markdown.

Formatting commands (bold, italic, link, headings, quote, lists) with their own shortcuts,
lists continued on Enter, each command one undo step. Pastes and drops go through
:mod:`redaction.ui.editor.paste`: too big or binary text is refused with ``paste_refused``
(a sentence for the status bar; nothing is inserted), images go to the image store set with
:meth:`set_image_sink` and come back as ``![alt](image:…)``. Extra selections are kept in named
layers so that find, spelling and others do not erase each other's highlights.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QMimeData, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QTextEdit, QWidget

from redaction.domain import markdown_edit as md
from redaction.services.errors import RefusedError
from redaction.storage.errors import StorageError
from redaction.ui.action_catalogue import specs
from redaction.ui.actions import ActionRegistry
from redaction.ui.editor.paste import PASTE_LIMIT, read_payload
from redaction.ui.editor.utf16 import Utf16Index, qt_length

if TYPE_CHECKING:
    from redaction.services.articles.images import ImageStore, StoredImage

Command = Callable[[str, int, int], md.Edit | None]
IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp"


class MarkdownEdit(QPlainTextEdit):
    paste_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None, image_sink: ImageStore | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_edit")
        self._image_sink = image_sink
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self.paste_limit = PASTE_LIMIT
        self._image_dir = ""
        # The formatting commands by action name; their texts and keys are the registry's
        # (bind_commands), so the Format menu, F1 and Preferences all show what works here.
        self.commands: dict[str, Callable[[], None]] = {
            "format_bold": self.toggle_bold,
            "format_italic": self.toggle_italic,
            "format_link": self.insert_link,
            "format_heading1": lambda: self.set_heading(1),
            "format_heading2": lambda: self.set_heading(2),
            "format_heading3": lambda: self.set_heading(3),
            "format_paragraph": lambda: self.set_heading(0),
            "format_quote": self.toggle_quote,
            "format_bullets": self.toggle_bullets,
            "format_numbers": self.toggle_numbers,
        }
        self._keys: dict[int, Callable[[], None]] = {}
        for spec in specs():  # the default keys, until bind_commands brings the registry's
            if spec.name in self.commands and isinstance(spec.shortcut, str):
                self.set_command_key(spec.name, QKeySequence(spec.shortcut))

    # -- formatting commands -----------------------------------------------------------------
    def toggle_bold(self) -> None:
        self.run_command(lambda t, s, e: md.toggle_inline(t, s, e, "**"))

    def toggle_italic(self) -> None:
        self.run_command(lambda t, s, e: md.toggle_inline(t, s, e, "*"))

    def insert_link(self) -> None:
        clipboard = QGuiApplication.clipboard().text()
        self.run_command(lambda t, s, e: md.make_link(t, s, e, clipboard))

    def set_heading(self, level: int) -> None:
        self.run_command(lambda t, s, e: md.set_heading(t, s, e, level))

    def toggle_quote(self) -> None:
        self.run_command(md.toggle_quote)

    def toggle_bullets(self) -> None:
        self.run_command(md.toggle_bullets)

    def toggle_numbers(self) -> None:
        self.run_command(md.toggle_numbers)

    def set_command_key(self, name: str, key: QKeySequence) -> None:
        """Bind one command to ``key`` (the registry's, user overrides included); empty unbinds."""
        slot = self.commands[name]
        self._keys = {combo: s for combo, s in self._keys.items() if s is not slot}
        if not key.isEmpty():
            self._keys[key[0].toCombined()] = slot

    def bind_commands(self, registry: ActionRegistry) -> None:
        """Take the keys of the registry's format actions, now and whenever they change; the
        actions (menus, F1) run the commands here. The keys themselves are handled by this
        editor (see :meth:`event`), before window shortcuts or Qt's own Ctrl+K can take them."""

        def rebind(name: str) -> None:
            if name in self.commands:
                self.set_command_key(name, registry[name].shortcut())

        for name, slot in self.commands.items():
            registry.handle(name, self, slot)
            rebind(name)
        registry.attach(self, list(self.commands))
        registry.shortcuts_changed.connect(rebind)

    def run_command(self, command: Command) -> bool:
        """Apply ``command`` to the lines the selection touches, as one undo step."""
        doc = self.document()
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first, last = doc.findBlock(start), doc.findBlock(end)
        if end > start and end == last.position() and last != first:
            last = last.previous()  # a selection ending at a line start leaves that line alone
        top, bottom = first.position(), last.position() + last.length() - 1
        region = QTextCursor(doc)
        region.setPosition(top)
        region.setPosition(bottom, QTextCursor.MoveMode.KeepAnchor)
        old = region.selectedText().replace("\u2029", "\n")
        index = Utf16Index(old)
        edit = command(old, index.to_py(start - top), index.to_py(min(end, bottom) - top))
        if edit is None:
            return False
        prefix = 0
        limit = min(len(old), len(edit.text))
        while prefix < limit and old[prefix] == edit.text[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == edit.text[-1 - suffix]:
            suffix += 1
        cursor.beginEditBlock()
        region.setPosition(top + index.to_qt(prefix))
        region.setPosition(top + index.to_qt(len(old) - suffix), QTextCursor.MoveMode.KeepAnchor)
        region.insertText(edit.text[prefix : len(edit.text) - suffix])
        cursor.endEditBlock()
        new_index = Utf16Index(edit.text)
        cursor.setPosition(top + new_index.to_qt(edit.start))
        cursor.setPosition(top + new_index.to_qt(edit.end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    # -- keys ------------------------------------------------------------------------------
    @staticmethod
    def _combined(event: QKeyEvent) -> int:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return QKeyCombination(modifiers, Qt.Key(event.key())).toCombined()

    def event(self, event: QEvent) -> bool:
        # Claim our keys before window-wide shortcuts (or Qt's own Ctrl+K) can take them.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._combined(event) in self._keys
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        slot = self._keys.get(self._combined(event))
        if slot is not None:
            slot()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")  # never Qt's invisible line separator
                return
            if mods == Qt.KeyboardModifier.NoModifier and not self.textCursor().hasSelection():
                col = self.textCursor().positionInBlock()
                if self.run_command(lambda t, s, e: md.continue_block(t, Utf16Index(t).to_py(col))):
                    self.ensureCursorVisible()
                    return
        super().keyPressEvent(event)

    # -- paste and drop --------------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasUrls() or source.hasImage() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        payload = read_payload(source, self.paste_limit)
        if payload.refused:
            self.paste_refused.emit(payload.refused)
        elif payload.files:
            self.insert_image_files(payload.files)
        elif payload.image:
            self._insert_images([lambda sink: sink.add_bytes(payload.image, self.tr("pasted image.png"))])
        elif payload.text:
            self.textCursor().insertText(payload.text)
            self.ensureCursorVisible()

    # -- images ----------------------------------------------------------------------------
    def set_image_sink(self, sink: ImageStore | None) -> None:
        self._image_sink = sink

    def insert_image_files(self, paths: Iterable[Path]) -> int:
        return self._insert_images([lambda sink, p=Path(p): sink.add_file(p) for p in paths])

    def choose_image_files(self) -> int:
        """Ask for image files (the Insert Image action) and insert them at the cursor."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Insert Image"), self._image_dir, self.tr("Images (%1)").replace("%1", IMAGE_FILTER)
        )
        if paths:
            self._image_dir = str(Path(paths[0]).parent)
        return self.insert_image_files(Path(p) for p in paths)

    def _insert_images(self, adders: list[Callable[[ImageStore], StoredImage]]) -> int:
        if self._image_sink is None:
            self.paste_refused.emit(self.tr("Images can be added only to an open article."))
            return 0
        stored: list[StoredImage] = []
        refusals: list[str] = []
        for add in adders:
            try:
                stored.append(add(self._image_sink))
            except (RefusedError, StorageError) as exc:
                refusals.append(str(exc))  # the others still go in; this one is named
        if refusals:
            self.paste_refused.emit("; ".join(refusals))
        if not stored:
            return 0
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        line = cursor.block().text()
        col = Utf16Index(line).to_py(cursor.positionInBlock())
        text = "\n\n".join(image.markdown() for image in stored)
        after = "\n\n" if line[col:].strip() else ""  # a photo is a paragraph of its own
        cursor.insertText(("\n\n" if line[:col].strip() else "") + text + after)
        cursor.endEditBlock()
        end = cursor.position() - qt_length(after)
        cursor.setPosition(end)
        if len(stored) == 1:  # select the description, ready to be typed over
            start = end - qt_length(text)
            cursor.setPosition(start + 2)
            cursor.setPosition(start + qt_length(text[: text.rindex("](")]), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return len(stored)

    # -- highlight layers ------------------------------------------------------------------
    def set_selection_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace the extra selections of one layer ("find", "spelling", …), keep the others."""
        self._layers[name] = selections
        self.setExtraSelections([s for layer in self._layers.values() for s in layer])
