"""The article editor: metadata form, Markdown body and live preview side by side.

The panel holds the text being edited and knows whether it differs from what was loaded;
saving is the main window's job (one unit of work per user action). The body's text is kept in
step with the editor edit by edit (:mod:`redaction.ui.editor.body_text`), never read back whole
at a keystroke. A text longer than any article (:mod:`redaction.domain.limits`) opens in
long-text mode: no syntax colours nor spelling underlines, a preview of its beginning, and a
line above the text that says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.dates import to_local
from redaction.domain.limits import is_long_text
from redaction.domain.workflow import ArticleStatus, Language, can_move
from redaction.render.page import PageInfo
from redaction.services.articles.values import ArticleDetail, ArticleFields, Recovered, split_tags
from redaction.ui import labels, settings
from redaction.ui.editor.body_edit import MarkdownEdit
from redaction.ui.editor.body_text import TrackedText
from redaction.ui.editor.dictionaries import SpellingService
from redaction.ui.editor.find_replace import FindReplaceBar
from redaction.ui.editor.highlighter import MarkdownHighlighter
from redaction.ui.editor.outline import OutlineView
from redaction.ui.editor.preview import PreviewPane
from redaction.ui.editor.recovery import RecoveryBanner
from redaction.ui.editor.scroll_sync import ScrollSync
from redaction.ui.editor.spell_menu import SpellingContextMenu
from redaction.ui.editor.typing_helpers import AutoTypography, LineTypography
from redaction.ui.plain_text import document_text

BODY_MIN_CHARS = 24


class EditorPanel(QWidget):
    text_changed = Signal()
    dirty_changed = Signal(bool)
    recovery_discarded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ArticleDetail | None = None
        self._loading = False
        self._dirty = False

        self.title_edit = QLineEdit(objectName="title_edit")
        self.title_edit.setPlaceholderText(self.tr("Headline"))
        title_font = self.title_edit.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_edit.setFont(title_font)
        self.rubric_combo = QComboBox(objectName="rubric_combo", editable=True)
        self.rubric_combo.lineEdit().setPlaceholderText(self.tr("Rubric"))
        self.author_combo = QComboBox(objectName="author_combo", editable=True)
        self.author_combo.lineEdit().setPlaceholderText(self.tr("Author"))
        self.language_combo = QComboBox(objectName="language_combo")
        for lang in Language:
            self.language_combo.addItem(labels.language(lang.value), lang.value)
        self.status_combo = QComboBox(objectName="status_combo")
        for status in ArticleStatus:
            self.status_combo.addItem(labels.article_status(status.value), status.value)
        self.tags_edit = QLineEdit(objectName="tags_edit")
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.standfirst_edit = QPlainTextEdit(objectName="standfirst_edit")
        self.standfirst_edit.setPlaceholderText(self.tr("Standfirst: the paragraph under the headline"))
        self.standfirst_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.standfirst_edit.setTabChangesFocus(True)

        self.body_edit = MarkdownEdit()  # formatting commands, list continuation, guarded paste
        self.body_edit.setObjectName("body_edit")
        self.body_edit.setPlaceholderText(self.tr("Write the article in Markdown. ## starts a sub-heading."))
        body_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        body_font.setPointSizeF(max(body_font.pointSizeF(), 11.0))
        self.body_edit.setFont(body_font)
        self.body_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Narrower than this, a Markdown line wraps every few words; the preview has its own floor.
        self.body_edit.setMinimumWidth(QFontMetrics(body_font).averageCharWidth() * BODY_MIN_CHARS)
        self.preview = PreviewPane()
        self.scroll_sync = ScrollSync(self.body_edit, self.preview)
        self.find_bar = FindReplaceBar(self.body_edit)
        self.outline = OutlineView(self.body_edit)  # shown in a panel of the window (View ▸ Outline)

        def language() -> str:
            return self.language_combo.currentData() or "fr"

        self.spelling = SpellingService(parent=self)
        self.highlighter = MarkdownHighlighter(
            self.body_edit.document(), self.body_edit.palette(), self.spelling, self.spell_language()
        )
        self.spelling_menu = SpellingContextMenu(self.body_edit, self.highlighter)
        self.auto_typography = AutoTypography(self.body_edit, language, self.highlighter)
        self.title_typography = LineTypography(self.title_edit, language)  # "Brest : le port"
        self.standfirst_typography = AutoTypography(self.standfirst_edit, language)
        # Not followed while loading (the loaded text is taken whole) nor while re-formatting.
        self.body_text = TrackedText(
            self.body_edit.document(), lambda: self._loading or self.highlighter.reformatting
        )
        self.long_text_notice = QLabel(objectName="long_text_notice")
        self.long_text_notice.setWordWrap(True)
        self.long_text_notice.hide()
        self.language_combo.currentIndexChanged.connect(
            lambda: self.highlighter.set_language(self.spell_language())
        )

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        def add(row: int, column: int, text: str, widget: QWidget, span: int = 1) -> None:
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addWidget(caption, row, column)
            form.addWidget(widget, row, column + 1, 1, span)

        add(0, 0, self.tr("&Title"), self.title_edit, 3)
        add(1, 0, self.tr("&Rubric"), self.rubric_combo)
        add(1, 2, self.tr("A&uthor"), self.author_combo)
        add(2, 0, self.tr("&Language"), self.language_combo)
        add(2, 2, self.tr("&Status"), self.status_combo)
        add(3, 0, self.tr("Ta&gs"), self.tags_edit, 3)
        add(4, 0, self.tr("Stan&dfirst"), self.standfirst_edit, 3)

        self._form_widgets = [
            w for w in (form.itemAt(i).widget() for i in range(form.count())) if w is not None
        ]
        self._preview_wanted = True
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="editor_splitter")
        self.splitter.addWidget(self.body_edit)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([500, 500])
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the text and the page alike
        self.splitter.setStretchFactor(1, 1)

        self.recovery_banner = RecoveryBanner()
        self.recovery_banner.discarded.connect(self.recovery_discarded)
        editing = QWidget()
        layout = QVBoxLayout(editing)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.recovery_banner)
        layout.addWidget(self.long_text_notice)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        # Under the text and the page together: the bar's minimum width then adds nothing to the
        # window's (under the text alone, it would force the editor wider than the page needs).
        layout.addWidget(self.find_bar)

        self.placeholder = QLabel(self.tr("Select an article in the list, or press %1 to write a new one."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("editor_placeholder")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(editing)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        for signal in (
            self.title_edit.textChanged,
            self.rubric_combo.editTextChanged,
            self.author_combo.editTextChanged,
            self.tags_edit.textChanged,
            self.standfirst_edit.textChanged,
            self.language_combo.currentIndexChanged,
            self.status_combo.currentIndexChanged,
        ):
            signal.connect(self._meta_changed)
        self.body_edit.textChanged.connect(self._body_changed)

    def set_new_shortcut_hint(self, shortcut: str) -> None:
        self.placeholder.setText(self.placeholder.text().replace("%1", shortcut))

    def set_choices(self, rubrics: list[str], people: list[str]) -> None:
        for combo, values in ((self.rubric_combo, rubrics), (self.author_combo, people)):
            text = combo.currentText()
            was_loading, self._loading = self._loading, True
            combo.clear()
            combo.addItems(values)
            combo.setEditText(text)
            self._loading = was_loading

    # -- loading and reading -----------------------------------------------------------------
    def load(self, detail: ArticleDetail | None, recovered: Recovered | None = None) -> None:
        """Show ``detail``; with ``recovered``, show that unsaved text instead (it stays unsaved,
        over the version it was written against, so saving it detects any later save)."""
        self._loading = True
        self.recovery_banner.show_recovered(recovered, detail.fields if detail else None)
        if detail is not None and recovered is not None and recovered.base_version != detail.version:
            detail = replace(detail, version=recovered.base_version)
        try:
            self.detail = detail
            if detail is None:
                self.stack.setCurrentIndex(0)
                self.preview.clear_page()
                return
            f = recovered.fields if recovered is not None else detail.fields
            self.title_edit.setText(f.title)
            self.title_edit.setCursorPosition(0)  # a long headline shows its start, not its end
            self.rubric_combo.setEditText(f.rubric)
            self.author_combo.setEditText(f.author)
            self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(f.language)))
            self._limit_statuses(f.status)
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(f.status)))
            self.tags_edit.setText(", ".join(f.tags))
            self.standfirst_edit.setPlainText(f.standfirst)
            self._set_body(f.body)
            self.outline.refresh()  # a new text: its headings at once, not after a typing pause
            self.stack.setCurrentIndex(1)
        finally:
            self._loading = False
        self._set_dirty(recovered is not None)
        self.highlighter.set_language(self.spell_language())  # Preferences may have changed
        self.preview.show_page(self.page_info(), self.body_text.text)

    def _set_body(self, body: str) -> None:
        """Put a newly opened body in the editor. A long text goes in without the highlighter,
        which would format its millions of lines one by one; a normal one goes into an empty
        document the highlighter is attached to, so that it is formatted gradually."""
        long = is_long_text(body)
        if long or not self.highlighter.active:
            self.body_edit.document().clear()  # what follows costs nothing on an empty document
        # A long text needs the scroll bar: shown before the text goes in, it does not narrow
        # the editor afterwards, which would lay out every one of the text's lines again.
        self.body_edit.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if long else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if long:
            self.highlighter.set_active(False)
            self.long_text_notice.setText(
                self.tr(
                    "This text is {0} characters long, ten times the longest article: syntax colours "
                    "and spell checking are off, and the preview shows its beginning."
                ).format(labels.number(len(body)))
            )
        elif not self.highlighter.active:
            self.highlighter.set_active(True)  # over an empty document (cleared first, below)
        self.long_text_notice.setVisible(long)
        self.body_edit.setPlainText(body)
        self.body_edit.document().clearUndoRedoStacks()
        self.body_text.loaded(body)

    def mark_saved(self, detail: ArticleDetail) -> None:
        """The text on screen is now stored as ``detail`` (keeps cursor and undo history)."""
        self.detail = detail
        self.recovery_banner.hide()
        self._loading = True
        self._limit_statuses(detail.fields.status)
        self._loading = False
        self._set_dirty(self.fields().normalized() != detail.fields)

    def _limit_statuses(self, saved: str) -> None:
        """Offer only the moves the workflow allows from the saved status."""
        model = self.status_combo.model()
        assert isinstance(model, QStandardItemModel)
        current = ArticleStatus(saved)
        for row in range(model.rowCount()):
            item = model.item(row)
            item.setEnabled(can_move(current, ArticleStatus(item.data(Qt.ItemDataRole.UserRole))))

    def fields(self) -> ArticleFields:
        return ArticleFields(
            title=self.title_edit.text(),
            rubric=self.rubric_combo.currentText(),
            standfirst=document_text(self.standfirst_edit.document()),
            tags=split_tags(self.tags_edit.text()),
            author=self.author_combo.currentText(),
            language=self.language_combo.currentData() or "fr",
            status=self.status_combo.currentData() or "draft",
            body=self.body_text.text,
        )

    def page_date(self) -> date:
        if self.detail is None:
            return date.today()
        moment = self.detail.published_at or self.detail.created_at
        return to_local(moment).date()

    def replace_fields(self, fields: ArticleFields) -> None:
        """Put ``fields`` on screen as an edit (undoable in the body), e.g. a restored revision."""
        self.title_edit.setText(fields.title)
        self.rubric_combo.setEditText(fields.rubric)
        self.author_combo.setEditText(fields.author)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(fields.language)))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(fields.status)))
        self.tags_edit.setText(", ".join(fields.tags))
        self.standfirst_edit.setPlainText(fields.standfirst)
        if self.body_text.text != fields.body:
            cursor = self.body_edit.textCursor()
            cursor.select(cursor.SelectionType.Document)
            cursor.insertText(fields.body)

    def set_focus_mode(self, on: bool) -> None:
        """Only the body: the form and the preview step aside."""
        for widget in self._form_widgets:
            widget.setVisible(not on)
        self.preview.setVisible(not on and self._preview_wanted)

    def set_preview_wanted(self, wanted: bool) -> None:
        self._preview_wanted = wanted
        self.preview.setVisible(wanted)

    def is_dirty(self) -> bool:
        return self._dirty

    def set_status(self, status: str) -> None:
        index = self.status_combo.findData(status)
        if index >= 0:
            self.status_combo.setCurrentIndex(index)

    def spell_language(self) -> str:
        """The article's language when Preferences ask for spell checking in it, else "" (off)."""
        language = self.language_combo.currentData() or "fr"
        return language if language in settings.get(settings.SPELL_LANGUAGES) else ""

    def page_info(self) -> PageInfo:
        """What the page header and footer show, from the fields on screen."""
        return PageInfo(
            title=self.title_edit.text().strip(),
            rubric=self.rubric_combo.currentText().strip(),
            standfirst=document_text(self.standfirst_edit.document()),
            author=self.author_combo.currentText().strip(),
            language=self.language_combo.currentData() or "fr",
            day=self.page_date(),
            tags=split_tags(self.tags_edit.text()),
        )

    # -- change tracking ---------------------------------------------------------------------
    def _meta_changed(self) -> None:
        if self._loading or self.detail is None:
            return
        self._set_dirty(self.fields().normalized() != self.detail.fields)
        self.preview.update_info(self.page_info())
        self.text_changed.emit()

    def _body_changed(self) -> None:
        if self._loading or self.detail is None:
            return
        if self.highlighter.reformatting:
            return  # textChanged from re-formatting a block (spelling, syntax), not an edit
        body = self.body_text.text
        # The preview follows every keystroke: only the touched segments are re-rendered.
        self.preview.update_body(body)
        self._set_dirty(body != self.detail.fields.body or self.fields().normalized() != self.detail.fields)
        self.text_changed.emit()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def body_font(self) -> QFont:
        return self.body_edit.font()
