"""Properties of the pure text functions, over text hypothesis makes up: French and English
typography is idempotent and never changes a letter or a digit; slugs are stable, well formed,
and the export's file names made from them never collide."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redaction.domain.slugs import slugify
from redaction.domain.typography import apply_typography
from redaction.services.exchange.export import unique_name

# Prose with what typography looks at: quotes, marks, spaces of every kind, code, links, URLs.
PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u202f",
        '"',
        "'",
        "«",
        "»",
        "“",
        "”",
        ":",
        ";",
        "!",
        "?",
        "...",
        "…",
        "`",
        "```\n",
        "[lien](https://exemple.fr/a?b=c)",
        "http://x.fr/é",
        "a@b.fr",
        "<b>",
        "&amp;",
        "10:30",
        "3:1",
        "l'été",
        "aujourd'hui",
        "« Bonjour »",
        "(",
        ")",
        "—",
        "-",
        "*",
        "#",
        ">",
        "1.",
        "’90s",
    ]
)
PROSE = st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=8)), max_size=40).map("".join)


def letters(text: str) -> list[str]:
    return [c for c in text if c.isalnum()]


@settings(max_examples=400, deadline=None)
@given(PROSE, st.sampled_from(["fr", "en"]))
def test_typography_is_idempotent_and_keeps_every_letter(text: str, language: str) -> None:
    once = apply_typography(text, language)
    assert apply_typography(once, language) == once
    assert letters(once) == letters(text)


TITLES = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "M"]), max_size=120
)


@settings(max_examples=400, deadline=None)
@given(TITLES)
def test_a_slug_is_stable_well_formed_and_its_own_slug(title: str) -> None:
    slug = slugify(title)
    assert slug == slugify(title)
    assert slugify(slug) == slug
    assert 0 < len(slug) <= 80
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    assert slug == slug.lower()


@settings(max_examples=200, deadline=None)
@given(st.lists(TITLES, max_size=30))
def test_export_names_never_collide_even_for_equal_or_case_different_titles(titles: list[str]) -> None:
    taken: set[str] = set()
    names = [unique_name(slugify(t), ".md", taken) for t in titles + [t.upper() for t in titles]]
    assert len({n.lower() for n in names}) == len(names)
    again: set[str] = set()
    assert [unique_name(slugify(t), ".md", again) for t in titles + [t.upper() for t in titles]] == names
