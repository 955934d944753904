"""Word and character counts shown under the editor."""

from __future__ import annotations

from redaction.domain.textstats import count_words, strip_markdown, text_stats


def test_markdown_punctuation_is_not_counted_as_words() -> None:
    assert count_words("## Le titre\n\n- un\n- deux\n\n> **Citation** *ici*") == 6
    assert count_words("[un lien](https://example.org/a-b-c)") == 2


def test_french_elisions_and_hyphens_count_as_one_word() -> None:
    # L’été | c’est | aujourd’hui | à | Pont-Aven
    assert count_words("L’été, c’est aujourd’hui à Pont-Aven.") == 5


def test_empty_text() -> None:
    stats = text_stats("")
    assert (stats.words, stats.characters, stats.paragraphs, stats.reading_minutes) == (0, 0, 0, 0)


def test_stats_of_a_short_article() -> None:
    stats = text_stats("## Titre\n\nPremier paragraphe.\n\nSecond paragraphe ici.")
    assert stats.words == 6
    assert stats.paragraphs == 3
    assert stats.reading_minutes == 1
    assert stats.characters_no_spaces == len("TitrePremierparagraphe.Secondparagrapheici.")
    assert strip_markdown("**gras**") == "gras"
