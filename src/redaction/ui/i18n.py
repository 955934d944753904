"""Translators: the app's own (.qm built from resources/translations/*.ts) and Qt's qtbase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from redaction.ui import settings

_installed: list[QTranslator] = []


def chosen_locale() -> QLocale:
    """The Preferences override if set, else the system locale."""
    override = settings.get(settings.UI_LANGUAGE)
    return QLocale(override) if override else QLocale.system()


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> QLocale:
    """(Re)install translators for ``locale``; returns the locale in force."""
    locale = locale or chosen_locale()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale)
    if locale.language() == QLocale.Language.English:
        return locale
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    try:
        from redaction.paths import resource

        folder = str(resource("translations"))
    except FileNotFoundError:
        return locale
    ours = QTranslator(app)
    if ours.load(locale, "redaction", "_", folder):
        app.installTranslator(ours)
        _installed.append(ours)
    return locale
