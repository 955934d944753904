"""Two languages: the window in French and in English, Qt's own strings, plural forms, locale
formatting, and translations that build themselves from the .ts when no .qm is there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from redaction import qmfile
from redaction.storage.database import Database
from redaction.ui import i18n, settings

ROOT = Path(__file__).parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """Translators are application-wide: leave none behind for the next test."""
    default = QLocale()
    yield tmp_path / "cache"
    i18n.install_translators(qapp, QLocale(QLocale.Language.English), cache=tmp_path / "cache")
    i18n.remove_translators(qapp)
    QLocale.setDefault(default)


def start_in(qapp: QApplication, language: str, cache: Path) -> None:
    settings.put(settings.UI_LANGUAGE, language)
    i18n.install_translators(qapp, cache=cache)


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_window_starts_in_french(qapp, back_to_english, seeded_db: Database, make_window, qtbot) -> None:
    start_in(qapp, "fr", back_to_english)
    window = make_window(seeded_db)
    assert menu_titles(window) == [
        "&Fichier",
        "É&dition",
        "F&ormat",
        "A&rticle",
        "&Commentaires",
        "Affic&hage",
        "&Aide",
    ]
    file_menu = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert file_menu[:2] == ["&Nouvel article", "&Enregistrer"]
    assert {"Restaurer une &sauvegarde…", "&Préférences…"} <= set(file_menu)
    assert file_menu[-1] == "&Quitter"
    assert window.articles_dock.windowTitle() == "Articles"
    assert window.comments_dock.windowTitle() == "Commentaires"
    qtbot.waitUntil(lambda: window.articles.count_label.text() == "3 articles")
    # Qt's own strings come from qtbase_fr, numbers follow the French locale.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Annuler"
    assert QLocale().toString(12345) == "12\u202f345"


def test_window_starts_in_english_with_real_plurals(
    qapp, back_to_english, seeded_db, make_window, qtbot
) -> None:
    start_in(qapp, "en", back_to_english)
    window = make_window(seeded_db)
    assert menu_titles(window) == ["&File", "&Edit", "F&ormat", "&Article", "&Comments", "&View", "&Help"]
    qtbot.waitUntil(lambda: window.articles.count_label.text() == "3 articles")
    window.articles.filter_edit.setText("Brest")
    window.articles.apply_filter()
    qtbot.waitUntil(lambda: window.articles.count_label.text() == "1 article")  # not "1 article(s)"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Cancel"


def test_the_system_language_is_followed_when_nothing_is_chosen() -> None:
    assert i18n.interface_language(QLocale("fr_CA")) == "fr"
    assert i18n.interface_language(QLocale("en_GB")) == "en"
    assert i18n.interface_language(QLocale("de_DE")) == "en"  # no German: English, not a mixture


def test_french_plural_forms_follow_french_rules(qapp, back_to_english) -> None:
    start_in(qapp, "fr", back_to_english)
    tr = QApplication.translate
    assert tr("ArticleListPanel", "%n article(s)", "", 0) == "0 article"  # French: 0 is singular
    assert tr("ArticleListPanel", "%n article(s)", "", 1) == "1 article"
    assert tr("ArticleListPanel", "%n article(s)", "", 2) == "2 articles"


def test_the_python_compiler_writes_what_lrelease_writes(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed here")
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        expected = tmp_path / f"{ts.stem}.lrelease.qm"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(expected)], check=True)
        ours = qmfile.compile_file(ts, tmp_path / f"{ts.stem}.qm")
        assert ours.read_bytes() == expected.read_bytes(), ts.name


def test_a_missing_or_stale_qm_is_compiled_into_the_cache(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TRANSLATIONS / "redaction_fr.ts", folder)
    monkeypatch.setattr(i18n, "translations_folder", lambda: folder)
    cache = tmp_path / "cache"

    first = i18n.app_translation("fr", cache)  # no .qm shipped: built from the .ts
    assert first is not None and first.parent == cache and first.read_bytes().startswith(qmfile.MAGIC)

    shipped = folder / "redaction_fr.qm"  # a fresh .qm beside the .ts (build.sh, wheel) wins
    qmfile.compile_file(folder / "redaction_fr.ts", shipped)
    assert i18n.app_translation("fr", cache) == shipped

    # The .ts edited after both .qm files were built: compiled again.
    before = (folder / "redaction_fr.ts").stat().st_mtime - 100
    for built in (shipped, first):
        os.utime(built, (before, before))
    rebuilt = i18n.app_translation("fr", cache)
    assert rebuilt == first and rebuilt.stat().st_mtime > before + 50


@pytest.mark.translations
def test_every_string_is_extracted_and_translated() -> None:
    """Fails when someone adds a UI string and nobody translated it. Fix: run
    ``python packaging/i18n.py update``, translate the new entries, commit the .ts files."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
