"""Translated display names of stored values (statuses, languages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics

# Written out as translate("Labels", "...") at each use: lupdate cannot see through a helper.
translate = QCoreApplication.translate


def article_status(value: str) -> str:
    names = {
        "draft": translate("Labels", "Draft"),
        "in_review": translate("Labels", "In review"),
        "ready": translate("Labels", "Ready"),
        "published": translate("Labels", "Published"),
        "archived": translate("Labels", "Archived"),
    }
    return names.get(value, value)


def comment_status(value: str) -> str:
    names = {
        "pending": translate("Labels", "Pending"),
        "approved": translate("Labels", "Approved"),
        "spam": translate("Labels", "Spam"),
        "trash": translate("Labels", "Trash"),
    }
    return names.get(value, value)


def comment_status_width(metrics: QFontMetrics) -> int:
    """The width of the widest comment status in the interface language, for a column that
    must show every status in full ("Indésirable" is wider than "Approved")."""
    return max(metrics.horizontalAdvance(comment_status(s)) for s in ("pending", "approved", "spam", "trash"))


def language(value: str) -> str:
    return {"fr": translate("Labels", "French"), "en": translate("Labels", "English")}.get(value, value)


def ui_language() -> str:
    """ "fr" when the interface is French, else "en" (for dates written the reader's way)."""
    from PySide6.QtCore import QLocale

    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def number(n: int) -> str:
    """``n`` written the interface language's way ("12 345" in French)."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(n)
