"""One comment in full: its article, why it is in this queue, who wrote it, the comment it
answers (with decisions in place), the text, and a box to reply as the newsroom.

Untrusted text stays text: labels are in PlainText format, the body is a read-only plain-text
view, names and the body show bidi and zero-width characters as visible codes, a link is shown
by the domain it really goes to, and nothing remote is ever fetched. A huge comment is put on
screen in display lines of at most :data:`DISPLAY_LINE` characters (Qt lays out one paragraph
at a time, so a megabyte without a line break would freeze it) and only its first
:data:`FIRST_CHARS` characters at first; "Show all" adds the rest a chunk per event-loop turn.
"""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redaction.domain import untrusted
from redaction.domain.dates import long_date, short_datetime
from redaction.domain.untrusted import link_domain, one_line, reveal_invisible, visible_name
from redaction.services.moderation.values import DELETED_ON_SITE, NEWSROOM_REASON, CommentDetail
from redaction.ui import labels
from redaction.ui.moderation.reasons import shown_reason
from redaction.ui.moderation.text import display_lines, reveal_fast
from redaction.ui.plain_text import edit_text

FIRST_CHARS = 20_000
CHUNK_CHARS = 100_000
DISPLAY_LINE = 2_000
PARENT_CHARS = 600


def _plain_label(name: str, wrap: bool = True) -> QLabel:
    label = QLabel(objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CommentDetailView(QWidget):
    """Shows a :class:`CommentDetail`; asks the desk to act through signals."""

    parent_decided = Signal(int, str)  # comment id, status
    reply_submitted = Signal(int, str)  # parent comment id, text
    dossier_requested = Signal(str, str)  # email, name
    article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CommentDetail | None = None
        self._shown_text = ""
        self._total_chars = 0
        self._loaded = 0

        self.article_label = _plain_label("detail_article")
        font = self.article_label.font()
        font.setBold(True)
        self.article_label.setFont(font)
        self.article_button = QToolButton(objectName="detail_article_only")
        self.article_button.setText(self.tr("Only this article"))
        self.article_button.clicked.connect(self._article_clicked)
        self.why_label = _plain_label("detail_why")
        self.why_label.setStyleSheet("color: palette(mid);")
        self.author_label = _plain_label("detail_author")
        self.meta_label = _plain_label("detail_meta")
        self.dossier_button = QToolButton(objectName="detail_dossier")
        self.dossier_button.setText(self.tr("Dossier…"))
        self.dossier_button.clicked.connect(self._dossier_clicked)

        self.parent_frame = QFrame(objectName="detail_parent")
        self.parent_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.parent_meta = _plain_label("detail_parent_meta")
        self.parent_text = _plain_label("detail_parent_text")
        self.parent_buttons: dict[str, QPushButton] = {}
        parent_row = QHBoxLayout()
        parent_row.addWidget(self.parent_meta, 1)
        for status, text in (
            ("approved", self.tr("Approve")),
            ("spam", self.tr("Spam")),
            ("trash", self.tr("Trash")),
        ):
            button = QPushButton(text, objectName=f"detail_parent_{status}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=status: self._decide_parent(s))
            self.parent_buttons[status] = button
            parent_row.addWidget(button)
        parent_layout = QVBoxLayout(self.parent_frame)
        parent_layout.setContentsMargins(6, 4, 6, 4)
        parent_layout.addLayout(parent_row)
        parent_layout.addWidget(self.parent_text)

        self.warning_label = _plain_label("detail_markup_warning")
        self.warning_label.setStyleSheet("color: #b00020;")
        self.warning_label.hide()

        self.body_view = QPlainTextEdit(objectName="detail_body")
        self.body_view.setReadOnly(True)
        self.body_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.body_view.setPlaceholderText(self.tr("Select a comment to read it in full."))
        self.hidden_label = _plain_label("detail_hidden")
        self.show_all_button = QPushButton(self.tr("Show All"), objectName="detail_show_all")
        self.show_all_button.clicked.connect(self.show_all)
        hidden_row = QHBoxLayout()
        hidden_row.addWidget(self.hidden_label, 1)
        hidden_row.addWidget(self.show_all_button)
        self._chunk_timer = QTimer(self, interval=0)
        self._chunk_timer.timeout.connect(self._load_chunk)

        self.reply_frame = QFrame(objectName="detail_reply")
        self.reply_edit = QPlainTextEdit(objectName="detail_reply_edit")
        self.reply_edit.setPlaceholderText(
            self.tr("Your reply, published under this comment and signed with your name")
        )
        self.reply_edit.setTabChangesFocus(True)
        self.reply_edit.setMaximumHeight(110)
        self.reply_send = QPushButton(self.tr("Publish Reply"), objectName="detail_reply_send")
        self.reply_send.clicked.connect(self._send_reply)
        self.reply_cancel = QPushButton(self.tr("Cancel"), objectName="detail_reply_cancel")
        self.reply_cancel.clicked.connect(self.close_reply)
        self.reply_hint = _plain_label("detail_reply_hint")
        reply_buttons = QHBoxLayout()
        reply_buttons.addWidget(self.reply_hint, 1)
        reply_buttons.addWidget(self.reply_cancel)
        reply_buttons.addWidget(self.reply_send)
        reply_layout = QVBoxLayout(self.reply_frame)
        reply_layout.setContentsMargins(0, 0, 0, 0)
        reply_layout.addWidget(self.reply_edit)
        reply_layout.addLayout(reply_buttons)
        self.reply_frame.hide()
        send = QShortcut(QKeySequence("Ctrl+Return"), self.reply_edit, self._send_reply)
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.reply_edit, self.close_reply)
        cancel.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.addWidget(self.article_label, 1)
        top.addWidget(self.article_button)
        author_row = QHBoxLayout()
        author_row.addWidget(self.author_label, 1)
        author_row.addWidget(self.dossier_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.why_label)
        layout.addLayout(author_row)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.parent_frame)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.body_view, 1)
        layout.addLayout(hidden_row)
        layout.addWidget(self.reply_frame)
        layout.addLayout(self.buttons)
        self.show_detail(None)

    # -- showing ------------------------------------------------------------------------------
    def show_detail(self, detail: CommentDetail | None) -> None:
        self.detail = detail
        self._chunk_timer.stop()
        has = detail is not None
        for widget in (self.article_button, self.dossier_button):
            widget.setEnabled(has)
        if detail is None:
            for label in (self.article_label, self.why_label, self.author_label, self.meta_label):
                label.setText("")
            self.parent_frame.hide()
            self.warning_label.hide()
            self._set_body("")
            self.close_reply()
            return
        row = detail.row
        self.article_label.setText(reveal_invisible(one_line(row.article_title, 200)))
        self.why_label.setText(self.why_text(detail))
        self.author_label.setText(visible_name(row.author_name) or self.tr("(anonymous)"))
        self.meta_label.setText(self._meta_text(detail))
        self._show_parent(detail)
        self._show_markup_warning(detail.body)
        self._set_body(detail.body)
        if self.reply_frame.isVisible():
            self.close_reply()

    def why_text(self, detail: CommentDetail) -> str:
        """Why the comment is where it is: the last decision, or the reason the rules gave."""
        row, last = detail.row, detail.last_decision
        if row.reason == NEWSROOM_REASON:
            return self.tr("Reply from the newsroom")
        if row.reason.startswith(DELETED_ON_SITE):  # kept here, gone from the site
            day = row.reason[len(DELETED_ON_SITE) :]
            with contextlib.suppress(ValueError):
                day = long_date(date.fromisoformat(day), labels.ui_language())
            return self.tr("Deleted on the site on %1 (kept here)").replace("%1", day)
        if last is not None and last.to_status == row.status:
            when = short_datetime(last.at, labels.ui_language())
            text = (
                self.tr("Moved to %1 by %2, %3")
                .replace("%1", labels.comment_status(row.status).lower())
                .replace("%2", visible_name(last.actor) or "?")
                .replace("%3", when)
            )
            reason = shown_reason(last.reason or row.reason)
            return f"{text} — {reveal_invisible(one_line(reason, 200))}" if reason else text
        if row.reason:
            return self.tr("Held by the rules: %1").replace(
                "%1", reveal_invisible(one_line(shown_reason(row.reason), 200))
            )
        if row.status == "pending":
            return self.tr("New comment, waiting for a decision")
        return self.tr("Arrived as %1").replace("%1", labels.comment_status(row.status).lower())

    def _meta_text(self, detail: CommentDetail) -> str:
        row = detail.row
        parts = []
        if row.kind == "pingback":
            parts.append(self.tr("Pingback"))
        elif row.kind == "trackback":
            parts.append(self.tr("Trackback"))
        if row.author_email:
            parts.append(reveal_invisible(row.author_email))
        if row.author_url:
            domain = link_domain(row.author_url)
            parts.append(
                self.tr("site: %1").replace("%1", domain)
                if domain
                else self.tr("link: %1").replace("%1", reveal_invisible(one_line(row.author_url, 80)))
            )
        if row.author_ip:
            parts.append(self.tr("IP %1").replace("%1", reveal_invisible(row.author_ip)))
        parts.append(short_datetime(row.created_at, labels.ui_language()))
        parts.append(labels.comment_status(row.status))
        if detail.replies:
            parts.append(self.tr("%n reply(ies)", "", detail.replies))
        return " · ".join(parts)

    def _show_markup_warning(self, body: str) -> None:
        """One line naming what the text hides from a reader (it is shown here as text)."""
        flags = untrusted.markup_flags(body)
        names = [
            text
            for flag, text in (
                (untrusted.SCRIPT, self.tr("a script")),
                (untrusted.STYLE, self.tr("a style sheet")),
                (untrusted.EMBED, self.tr("an embedded frame or object")),
                (untrusted.HANDLER, self.tr("an event handler")),
                (untrusted.SCRIPT_URL, self.tr("a javascript: or data: address")),
                (untrusted.HIDDEN_CHARS, self.tr("invisible or direction characters")),
                (untrusted.STRIPPED, self.tr("markup the site removes")),
            )
            if flags & flag
        ]
        self.warning_label.setVisible(bool(names))
        if names:
            self.warning_label.setText(
                self.tr("⚠ This comment contains %1: shown as text, never run.").replace(
                    "%1", ", ".join(names)
                )
            )

    def _show_parent(self, detail: CommentDetail) -> None:
        parent = detail.parent
        self.parent_frame.setVisible(parent is not None)
        if parent is None:
            return
        self.parent_meta.setText(
            self.tr("In reply to %1 · %2 · %3")
            .replace("%1", visible_name(parent.author_name) or self.tr("(anonymous)"))
            .replace("%2", short_datetime(parent.created_at, labels.ui_language()))
            .replace("%3", labels.comment_status(parent.status))
        )
        self.parent_text.setText(reveal_invisible(one_line(parent.excerpt, PARENT_CHARS)))
        for status, button in self.parent_buttons.items():
            button.setEnabled(parent.status != status)

    def _set_body(self, body: str) -> None:
        self._total_chars = len(body)
        self._shown_text = display_lines(reveal_fast(body), DISPLAY_LINE) if body else ""
        self._loaded = min(len(self._shown_text), FIRST_CHARS)
        self.body_view.setPlainText(self._shown_text[: self._loaded])
        self._update_hidden()

    def _update_hidden(self) -> None:
        hidden = len(self._shown_text) - self._loaded
        self.hidden_label.setVisible(hidden > 0)
        self.show_all_button.setVisible(hidden > 0 and not self._chunk_timer.isActive())
        if hidden > 0:
            self.hidden_label.setText(
                self.tr("%1 more characters not shown yet (the comment has %2).")
                .replace("%1", QLocale().toString(hidden))
                .replace("%2", QLocale().toString(self._total_chars))
            )

    def show_all(self) -> None:
        """Add the rest of the text, one chunk per turn of the event loop."""
        if self._loaded < len(self._shown_text):
            self._chunk_timer.start()
            self._update_hidden()

    def is_loading(self) -> bool:
        return self._chunk_timer.isActive()

    def _load_chunk(self) -> None:
        end = min(len(self._shown_text), self._loaded + CHUNK_CHARS)
        cursor = QTextCursor(self.body_view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self._shown_text[self._loaded : end])
        self._loaded = end
        if self._loaded >= len(self._shown_text):
            self._chunk_timer.stop()
        self._update_hidden()

    # -- acting -------------------------------------------------------------------------------
    def open_reply(self) -> None:
        if self.detail is None:
            return
        self.reply_frame.show()
        pending = self.detail.row.status == "pending"
        self.reply_hint.setText(
            self.tr("Publishing also approves this comment.") if pending else self.tr("Ctrl+Enter to publish")
        )
        self.reply_send.setText(self.tr("Approve and Reply") if pending else self.tr("Publish Reply"))
        self.reply_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_reply(self) -> None:
        self.reply_edit.clear()
        had_focus = self.reply_edit.hasFocus()
        self.reply_frame.hide()
        if had_focus:
            self.focusNextChild()

    def _send_reply(self) -> None:
        text = edit_text(self.reply_edit).strip()
        if self.detail is not None and text:
            self.reply_submitted.emit(self.detail.row.id, text)

    def _decide_parent(self, status: str) -> None:
        if self.detail is not None and self.detail.parent is not None:
            self.parent_decided.emit(self.detail.parent.id, status)

    def _dossier_clicked(self) -> None:
        if self.detail is not None:
            self.dossier_requested.emit(self.detail.row.author_email, self.detail.row.author_name)

    def _article_clicked(self) -> None:
        if self.detail is not None:
            self.article_requested.emit(self.detail.row.article_id)

    def set_compact(self) -> None:
        """For a narrow panel scoped to one article: no article line (it is the one open), a
        shorter text area."""
        self.article_label.hide()
        self.article_button.hide()
        self.body_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
