"""The moderation dashboard: comments per day by status (stacked bars, last 30 or 90 days), the
backlog (pending count, age of the oldest pending comment), the median time from a comment's
arrival to its first decision, and the most-commented articles of the period.

The figures are computed on a worker thread (a few aggregate queries over the period), so
opening the dashboard on a million comments never freezes the desk.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.durations import readable_parts
from redaction.domain.untrusted import one_line, reveal_invisible
from redaction.services.moderation.stats import DashboardFigures, dashboard_figures
from redaction.ui import labels
from redaction.ui.context import AppContext
from redaction.ui.operations import Operation

STATUS_COLOURS = {"approved": "#4a9d5b", "pending": "#e0a526", "spam": "#c9473f", "trash": "#8d8d8d"}
STACK_ORDER = ("approved", "pending", "spam", "trash")


class DurationTexts(QObject):
    """The translation context of counted durations (lupdate sees plurals only in ``tr``)."""


def _unit_text(unit: str, n: int) -> str:
    return {
        "year": lambda: DurationTexts.tr("%n year(s)", "", n),
        "month": lambda: DurationTexts.tr("%n month(s)", "", n),
        "week": lambda: DurationTexts.tr("%n week(s)", "", n),
        "day": lambda: DurationTexts.tr("%n day(s)", "", n),
        "hour": lambda: DurationTexts.tr("%n hour(s)", "", n),
        "minute": lambda: DurationTexts.tr("%n minute(s)", "", n),
    }[unit]()


def duration_text(delta: timedelta | None) -> str:
    """ "1 year 3 weeks", "2 days 3 hours", "40 minutes", "less than a minute" (translated,
    with plurals; see :func:`redaction.domain.durations.readable_parts`)."""
    if delta is None:
        return "—"
    parts = [_unit_text(unit, n) for unit, n in readable_parts(delta)]
    if not parts:
        return QCoreApplication.translate("Dashboard", "less than a minute")
    if len(parts) == 1:
        return parts[0]
    # "1 year 3 weeks"; a language may join them its own way ("1 an et 3 semaines").
    return QCoreApplication.translate("Dashboard", "%1 %2").replace("%1", parts[0]).replace("%2", parts[1])


def _tile(title: str, name: str) -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame(objectName=f"{name}_tile")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    heading = QLabel(title)
    heading.setEnabled(False)
    value = QLabel(objectName=name)
    value.setTextFormat(Qt.TextFormat.PlainText)
    font = value.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    value.setFont(font)
    note = QLabel(objectName=f"{name}_note")
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setEnabled(False)
    layout = QVBoxLayout(frame)
    layout.addWidget(heading)
    layout.addWidget(value)
    layout.addWidget(note)
    return frame, value, note


class DashboardDialog(QDialog):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moderation_dashboard")
        self.setWindowTitle(self.tr("Moderation Dashboard"))
        self.db = ctx.db
        self.figures: DashboardFigures | None = None
        self.operation: Operation | None = None
        self._generation = 0

        self.period_combo = QComboBox(objectName="dashboard_period")
        self.period_combo.addItem(self.tr("Last 30 days"), 30)
        self.period_combo.addItem(self.tr("Last 90 days"), 90)
        self.period_combo.currentIndexChanged.connect(self.load)
        self.state_label = QLabel(objectName="dashboard_state")
        top = QHBoxLayout()
        top.addWidget(self.period_combo)
        top.addWidget(self.state_label, 1)

        tiles = QHBoxLayout()
        backlog, self.pending_value, self.pending_note = _tile(
            self.tr("Waiting for a decision"), "dashboard_pending"
        )
        wait, self.wait_value, self.wait_note = _tile(self.tr("Median time to decision"), "dashboard_wait")
        period, self.period_value, self.period_note = _tile(
            self.tr("Comments in the period"), "dashboard_total"
        )
        for frame in (backlog, wait, period):
            tiles.addWidget(frame)

        self.chart = QChart()
        self.chart.setTitle(self.tr("Comments per day, by status"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart, objectName="dashboard_chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)

        self.top_table = QTableWidget(0, 2, objectName="dashboard_top")
        self.top_table.setHorizontalHeaderLabels([self.tr("Most-commented articles"), self.tr("Comments")])
        self.top_table.verticalHeader().hide()
        self.top_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.top_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.top_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.top_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(splitter, 1)
        self.resize(1000, 720)
        self.load()

    def days(self) -> int:
        return int(self.period_combo.currentData())

    def load(self) -> None:
        self._generation += 1
        generation, days = self._generation, self.days()
        self.state_label.setText(self.tr("Counting…"))
        self.operation = (
            Operation(lambda _progress: dashboard_figures(self.db, days))
            .deliver_to(
                self,
                finished=lambda f: self._show(f) if generation == self._generation else None,
                failed=self.state_label.setText,
            )
            .start()
        )

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        loc = QLocale()
        self.state_label.setText("")
        self.pending_value.setText(loc.toString(figures.pending))
        self.pending_note.setText(
            self.tr("oldest waiting for %1").replace(
                "%1", duration_text(figures.now - figures.oldest_pending)
            )
            if figures.oldest_pending
            else self.tr("nothing waiting")
        )
        self.wait_value.setText(duration_text(figures.median_wait))
        self.wait_note.setText(self.tr("over %n decided comment(s)", "", figures.decided))
        total = sum(sum(d.counts.values()) for d in figures.days)
        self.period_value.setText(loc.toString(total))
        self.period_note.setText(
            self.tr("%1 a day on average").replace(
                "%1", loc.toString(total / max(len(figures.days), 1), "f", 1)
            )
        )
        self._draw_chart(figures)
        self.top_table.setRowCount(len(figures.top_articles))
        for row, article in enumerate(figures.top_articles):
            self.top_table.setItem(row, 0, QTableWidgetItem(reveal_invisible(one_line(article.title, 120))))
            count = QTableWidgetItem(loc.toString(article.comments))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.top_table.setItem(row, 1, count)
        self.loaded.emit()

    def _draw_chart(self, figures: DashboardFigures) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QStackedBarSeries()
        series.setBarWidth(0.85)
        for status in STACK_ORDER:
            bar_set = QBarSet(labels.comment_status(status))
            bar_set.setColor(QColor(STATUS_COLOURS[status]))
            bar_set.setBorderColor(QColor(STATUS_COLOURS[status]))
            bar_set.append([float(d.counts.get(status, 0)) for d in figures.days])
            series.append(bar_set)
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([d.day.strftime("%d/%m") for d in figures.days])
        x_axis.setLabelsAngle(-90)
        font = x_axis.labelsFont()
        font.setPointSizeF(max(6.0, font.pointSizeF() * (0.85 if len(figures.days) <= 31 else 0.6)))
        x_axis.setLabelsFont(font)
        x_axis.setGridLineVisible(False)
        y_axis = QValueAxis()
        peak = max((sum(d.counts.values()) for d in figures.days), default=0)
        y_axis.setRange(0, max(peak * 1.1, 5))
        y_axis.setLabelFormat("%d")
        y_axis.applyNiceNumbers()
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
