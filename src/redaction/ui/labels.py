"""Translated display names of stored values (statuses, languages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def article_status(value: str) -> str:
    names = {
        "draft": _t("Draft"),
        "in_review": _t("In review"),
        "ready": _t("Ready"),
        "published": _t("Published"),
        "archived": _t("Archived"),
    }
    return names.get(value, value)


def comment_status(value: str) -> str:
    names = {"pending": _t("Pending"), "approved": _t("Approved"), "spam": _t("Spam"), "trash": _t("Trash")}
    return names.get(value, value)


def language(value: str) -> str:
    return {"fr": _t("French"), "en": _t("English")}.get(value, value)


def ui_language() -> str:
    """"fr" when the interface is French, else "en" (for dates written the reader's way)."""
    from PySide6.QtCore import QLocale

    return "fr" if QLocale().language() == QLocale.Language.French else "en"
