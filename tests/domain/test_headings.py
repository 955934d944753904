"""The outline's headings: levels, titles without markup, fenced code ignored, section lookup."""

from __future__ import annotations

from redaction.domain.headings import Heading, heading_at, headings

BODY = """Chapeau sans titre.

# Le port
## La **criée** ##
Du texte avec un # au milieu.
```python
# pas un titre
~~~
## toujours du code
```
### Les [bateaux](https://example.com)
####### trop de dièses
#
~~~~
# code aussi
~~~~
#Collé
"""


def test_headings_with_levels_lines_and_plain_titles() -> None:
    assert headings(BODY) == [
        Heading(1, "Le port", 2),
        Heading(2, "La criée", 3),
        Heading(3, "Les bateaux", 10),
    ]  # "#Collé" is a paragraph (a hashtag), as the preview shows it


def test_a_fence_needs_the_same_fence_to_close_as_the_renderer_says() -> None:
    assert headings("# Un\n```\n# Deux\n") == [Heading(1, "Un", 0), Heading(1, "Deux", 2)]
    assert headings("~~~~\n# Un\n~~~~~\n# Deux\n") == [Heading(1, "Un", 1), Heading(1, "Deux", 3)]
    assert headings("``` du texte\n# Un\n```\n") == [Heading(1, "Un", 1)]  # not a fence opening


def test_heading_at_finds_the_section_of_a_line() -> None:
    items = headings(BODY)
    assert heading_at(items, 0) == -1
    assert heading_at(items, 2) == 0
    assert heading_at(items, 9) == 1
    assert heading_at(items, 99) == 2
    assert heading_at([], 5) == -1


def test_a_long_body_gives_every_heading_on_its_line() -> None:
    # How fast: bench/huge_article.py and bench/preview_latency.py (no timing in tests).
    body = ("## Section\n\n" + "Un paragraphe de texte ordinaire.\n" * 50) * 2000  # ~3.5 MB
    found = headings(body)
    assert len(found) == 2000
    assert [h.line for h in found[:2]] == [0, 52] and found[-1].line == 1999 * 52
