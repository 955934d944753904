"""Translators: the app's own and Qt's ``qtbase_``, for the language chosen in Preferences or the
system's; the locale for dates and numbers follows the same choice (``QLocale.setDefault``).

English is the source language: its translator only holds plural forms. The app's ``.qm`` is
taken from ``resources/translations/redaction_<lang>.qm`` when it is at least as new
as its ``.ts`` (built by packaging/build.sh or by the wheel build hook; a frozen build ships
only the ``.qm``). Otherwise (a source checkout, an editable install, a ``.ts`` just updated)
the ``.ts`` is compiled into the user's cache folder by :mod:`redaction.qmfile`, so
``pip install -e .`` then ``redaction`` shows French on a French desktop with no build step.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from redaction.ui import settings

SOURCE_LANGUAGE = "en"
NATIVE_NAMES = {"fr": "Français", "en": "English"}  # shown in their own language, never translated
LANGUAGES = tuple(NATIVE_NAMES)

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def translations_folder() -> Path | None:
    try:
        from redaction.paths import resource

        return resource("translations")
    except FileNotFoundError:
        return None


def cache_folder() -> Path:
    from redaction.paths import cache_dir

    return cache_dir() / "translations"


def chosen_locale() -> QLocale:
    """The Preferences override if set (keeping the system's region when the language is the
    same: fr_CA stays fr_CA), else the system locale."""
    override = settings.get(settings.UI_LANGUAGE)
    system = QLocale.system()
    if not override or QLocale(override).language() == system.language():
        return system
    return QLocale(override)


def interface_language(locale: QLocale) -> str:
    """The first of the locale's UI languages that redaction speaks ("fr", "en")."""
    for tag in locale.uiLanguages():
        base = tag.replace("_", "-").split("-")[0].lower()
        if base == SOURCE_LANGUAGE or (base in LANGUAGES and _has_translation(base)):
            return base
    return SOURCE_LANGUAGE


def current_language() -> str:
    """The language of the interface now ("fr" or "en")."""
    return _current


def _has_translation(language: str) -> bool:
    folder = translations_folder()
    return folder is not None and any(
        (folder / f"redaction_{language}{suffix}").is_file() for suffix in (".qm", ".ts")
    )


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def app_translation(language: str, cache: Path | None = None) -> Path | None:
    """The .qm to load for ``language``, compiling the .ts first if needed; None if there is none."""
    folder = translations_folder()
    if folder is None:
        return None
    ts, shipped = folder / f"redaction_{language}.ts", folder / f"redaction_{language}.qm"
    if _fresh(shipped, ts) or not ts.is_file():
        return shipped if shipped.is_file() else None
    import hashlib  # only here: a start with the shipped .qm does without it

    # One cached file per checkout, so two source trees never overwrite each other's build.
    key = hashlib.sha1(str(ts.resolve()).encode()).hexdigest()[:10]
    cached = (cache or cache_folder()) / f"redaction_{language}-{key}.qm"
    if _fresh(cached, ts):
        return cached
    from redaction.qmfile import QmError, compile_file

    try:
        return compile_file(ts, cached)
    except (QmError, OSError) as exc:
        log.warning("cannot compile %s (%s); the interface stays in English", ts, exc)
        return shipped if shipped.is_file() else None


def remove_translators(app: QCoreApplication) -> None:
    """Take out the translators :func:`install_translators` put in (the interface back to the
    source English)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, cache: Path | None = None
) -> QLocale:
    """(Re)install the translators for ``locale`` (default: :func:`chosen_locale`) and make it
    the default locale; returns it. Widgets built afterwards come up in that language."""
    global _current
    locale = locale or chosen_locale()
    remove_translators(app)
    QLocale.setDefault(locale)
    _current = interface_language(locale)
    if _current != SOURCE_LANGUAGE:
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    # English has one too: it only holds plural forms ("1 comment", "2 comments").
    qm = app_translation(_current, cache)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    elif _current != SOURCE_LANGUAGE:
        log.warning("no translation for %s; the interface stays in English", _current)
    return locale
