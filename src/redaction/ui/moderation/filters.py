"""The desk's filter bar: which articles, reader comments or links (pingbacks and trackbacks),
words of the comment, author or email, and dates.

Typing is debounced: the queue is asked again :data:`TYPING_DELAY_MS` after the last key, so a
search runs once per word typed, not once per letter. ``filter_changed`` is emitted then.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from redaction.domain.dates import utcnow
from redaction.services.moderation.values import QueueFilter

TYPING_DELAY_MS = 250
ALL_ARTICLES = -1
DATE_PRESETS = ("any", "day", "week", "month", "older", "range")


def _day_start(day: QDate) -> datetime:
    local = datetime.combine(day.toPython(), time.min).astimezone()
    return local.astimezone(UTC)


class FilterBar(QWidget):
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope_combo = QComboBox(objectName="desk_scope")
        self.scope_combo.addItem(self.tr("All articles"), ALL_ARTICLES)
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_combo.setMinimumContentsLength(16)
        self.kind_combo = QComboBox(objectName="desk_kinds")
        self.kind_combo.addItem(self.tr("Reader comments"), False)
        self.kind_combo.addItem(self.tr("Pingbacks and trackbacks"), True)
        self.kind_combo.setToolTip(self.tr("Links from other sites are kept apart from what readers wrote"))
        self.search_edit = QLineEdit(objectName="desk_search")
        self.search_edit.setPlaceholderText(self.tr("Search comments (/)"))
        self.search_edit.setClearButtonEnabled(True)
        self.author_edit = QLineEdit(objectName="desk_author")
        self.author_edit.setPlaceholderText(self.tr("Author or email"))
        self.author_edit.setClearButtonEnabled(True)
        self.date_combo = QComboBox(objectName="desk_dates")
        for key, text in zip(
            DATE_PRESETS,
            (
                self.tr("Any date"),
                self.tr("Last 24 hours"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Older than 30 days"),
                self.tr("Between…"),
            ),
            strict=True,
        ):
            self.date_combo.addItem(text, key)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-7), objectName="desk_from")
        self.to_edit = QDateEdit(today, objectName="desk_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.hide()
            edit.dateChanged.connect(self._changed_now)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope_combo)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.search_edit, 3)
        layout.addWidget(self.author_edit, 2)
        layout.addWidget(self.date_combo)
        layout.addWidget(self.from_edit)
        layout.addWidget(self.to_edit)

        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.filter_changed.emit)
        self.search_edit.textChanged.connect(self._timer.start)
        self.author_edit.textChanged.connect(self._timer.start)
        self.scope_combo.currentIndexChanged.connect(self._changed_now)
        self.kind_combo.currentIndexChanged.connect(self._changed_now)
        self.date_combo.currentIndexChanged.connect(self._date_preset_changed)

    # -- scope --------------------------------------------------------------------------------
    def set_current_article(self, article_id: int | None, title: str) -> None:
        """Offer the main window's article as a scope; a desk scoped to the previous article
        follows to the new one."""
        self.add_article(article_id, title, select=self.scope_combo.currentIndex() == 1)

    def add_article(self, article_id: int | None, title: str, select: bool = True) -> None:
        blocked = self.scope_combo.blockSignals(True)
        before = self.scope_combo.currentData()
        while self.scope_combo.count() > 1:
            self.scope_combo.removeItem(1)
        if article_id is not None:
            label = " ".join(title.split()) or self.tr("(untitled)")
            self.scope_combo.addItem(self.tr("Article: %1").replace("%1", label[:80]), article_id)
        self.scope_combo.setCurrentIndex(1 if select and article_id is not None else 0)
        self.scope_combo.blockSignals(blocked)
        if self.scope_combo.currentData() != before:
            self._changed_now()

    def article_id(self) -> int | None:
        data = self.scope_combo.currentData()
        return None if data in (None, ALL_ARTICLES) else int(data)

    def toggle_scope(self) -> None:
        if self.scope_combo.count() > 1:
            self.scope_combo.setCurrentIndex(1 - min(self.scope_combo.currentIndex(), 1))

    # -- the filter ---------------------------------------------------------------------------
    def queue_filter(self, status: str | None) -> QueueFilter:
        since, until = self._dates()
        return QueueFilter(
            status=status,
            article_id=self.article_id(),
            author=self.author_edit.text().strip(),
            since=since,
            until=until,
            text=self.search_edit.text().strip(),
            links=bool(self.kind_combo.currentData()),
        )

    def _dates(self) -> tuple[datetime | None, datetime | None]:
        preset = self.date_combo.currentData()
        now = utcnow()
        if preset == "day":
            return now - timedelta(days=1), None
        if preset == "week":
            return now - timedelta(days=7), None
        if preset == "month":
            return now - timedelta(days=30), None
        if preset == "older":
            return None, now - timedelta(days=30)
        if preset == "range":
            start, end = sorted((self.from_edit.date(), self.to_edit.date()), key=lambda d: d.toJulianDay())
            return _day_start(start), _day_start(end.addDays(1))
        return None, None

    def is_filtering(self) -> bool:
        return self.queue_filter(None).narrowed()

    def clear(self) -> None:
        for widget in (self.search_edit, self.author_edit, self.date_combo):
            widget.blockSignals(True)
        self.search_edit.clear()
        self.author_edit.clear()
        self.date_combo.setCurrentIndex(0)
        for widget in (self.search_edit, self.author_edit, self.date_combo):
            widget.blockSignals(False)
        self._date_preset_changed()

    def _date_preset_changed(self) -> None:
        custom = self.date_combo.currentData() == "range"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self._changed_now()

    def apply_now(self) -> None:
        """Search at once (Enter) instead of waiting for the typing pause."""
        if self._timer.isActive():
            self._changed_now()

    def _changed_now(self) -> None:
        self._timer.stop()
        self.filter_changed.emit()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()
