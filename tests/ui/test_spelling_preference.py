"""Spell checking follows the article's language, in the languages Preferences allow."""

from __future__ import annotations

from redaction.storage.database import Database
from redaction.ui import settings


def test_articles_are_checked_only_in_the_chosen_languages(seeded_db: Database, make_window) -> None:
    settings.put(settings.SPELL_LANGUAGES, ("fr",))
    window = make_window(seeded_db)
    window.open_article(1)  # French
    assert window.editor.highlighter.language == "fr"
    window.open_article(3)  # English
    assert window.editor.highlighter.language == ""  # not checked: English is not asked for
    settings.put(settings.SPELL_LANGUAGES, ("fr", "en"))
    window.open_article(1)
    window.open_article(3)
    assert window.editor.highlighter.language == "en"
