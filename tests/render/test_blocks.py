"""The block renderer gives exactly what Python-Markdown gives for the whole document."""

from __future__ import annotations

import pytest

from redaction.render.blocks import BlockRenderer, split_segments
from redaction.render.markdown import convert_whole

DOCUMENTS = {
    "headings and paragraphs": "# Titre\n\nUn paragraphe.\n\n## Sous-titre\n\nAutre *texte* et **gras**.\n\n### Trois\nsuite",
    "loose and tight lists": "- un\n- deux\n\n- trois\n\n  suite de trois\n\n1. a\n2. b\n\n\n3. c\n\nFin.",
    "nested list": "- a\n    - b\n        - c\n\n- d\n\nTexte",
    "table": "Avant\n\n| Col A | Col B |\n|---|:--:|\n| 1 | 2 |\n| 3 | 4 |\n\nAprès",
    "fenced code with blank lines": "Texte\n\n```python\ndef f():\n\n    return 1\n\n\nprint(f())\n```\n\nAprès le code",
    "tilde fence": "~~~\na\n\nb\n~~~\n\nc",
    "indented code": "Para\n\n    code line 1\n\n    code line 2\n\nFin",
    "quotes": "> Citation\n> suite\n\n> Deuxième paragraphe de la citation\n\nNormal\n\n> autre",
    "images and links": '![Un port](image:abc "titre")\n\nVoir [le site](https://example.org) et <https://exemple.fr>.',
    "raw html": '<div class="encadre">\n\n<p>Dedans</p>\n\n</div>\n\nDehors\n\n<hr>\n\nFin',
    "reference links": 'Voir [ici][r1] et [là][R2].\n\n## Plus loin\n\nEncore [ici][r1].\n\n[r1]: https://a.example\n[R2]: https://b.example "B"',
    "abbreviations": "Le HTML et le CSS.\n\nPlus de HTML.\n\n*[HTML]: Hyper Text Markup Language",
    "duplicate headings": "## Contexte\n\na\n\n## Contexte\n\nb\n\n## Contexte\n\n## Contexte_1\n\nc",
    "definition list": "Terme\n:   Définition\n\n:   Deuxième définition\n\nAutre terme\n:   Déf",
    "hard breaks and hr": "Ligne un  \nLigne deux\n\n---\n\n***\n\nFin",
    "setext": "Titre\n=====\n\nSous\n-----\n\ntexte",
    "blank lines everywhere": "\n\n\nA\n\n\n\nB\n\n\n",
    "html entities and escapes": "AT&T &amp; 4 < 5 \\*pas italique\\* `code <b>`",
    "attr list": "## Titre {#mon-id}\n\nPara {: .classe }",
    # CommonMark's rules (render/commonmark.py): a list under its lead-in line, then more of it
    "list under a paragraph line": "Parmi les étals :\n- deux poissonniers ;\n\n- un boucher.",
    "numbered list under a paragraph line": "Trois étapes :\n1. trier ;\n2. peser.\n\n3. ranger.",
    "hashtags are text": "#MeToo a changé la donne.\n\n#5 bolt\n\n## Vrai titre ##",
    "a year is no list under a line": "En mai\n2024. Une année de travaux.\n\n- liste à part",
    "a quote under a paragraph line": "Il a dit :\n> Non.\n\n> Jamais.",
    "raw html under a paragraph line": "Avant\n<div>\n\nDedans\n\n</div>\n\nAprès",
    "a term a blank line above its definition": "Terme\n: déf\n\nAutre terme\n\n: autre déf",
    "a bogus definition is text": "[r]: https://a.example suite du texte\n\nVoir [r].",
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_segments_render_exactly_like_the_whole_document(name: str) -> None:
    text = DOCUMENTS[name]
    assert BlockRenderer().render(text).html == convert_whole(text)


def test_all_constructs_together_match_the_whole_document() -> None:
    text = "\n\n".join(DOCUMENTS.values())
    assert BlockRenderer().render(text).html == convert_whole(text)


def test_footnotes_are_rendered_whole_and_exactly() -> None:
    text = "Un fait[^1].\n\n## Suite\n\nUn autre[^n].\n\n[^1]: Source un.\n[^n]: Source deux."
    rendered = BlockRenderer().render(text)
    assert rendered.whole
    assert rendered.html == convert_whole(text)
    assert 'class="footnote"' in rendered.html


def test_splitting_keeps_fences_and_lists_together() -> None:
    text = "A\n\n```\nx\n\ny\n```\n\n- 1\n\n- 2\n\nB"
    assert split_segments(text) == ["A", "```\nx\n\ny\n```", "- 1\n\n- 2", "B"]


def test_editing_one_paragraph_renders_only_that_segment() -> None:
    renderer = BlockRenderer()
    paragraphs = [f"Paragraphe {i} avec du texte." for i in range(50)]
    first = renderer.render("\n\n".join(paragraphs))
    paragraphs[25] = "Paragraphe modifié."
    calls: list[str] = []
    original = renderer._segment_html

    def spy(segment: str, context: str) -> str:
        if (segment, context) not in renderer._cache:
            calls.append(segment)
        return original(segment, context)

    renderer._segment_html = spy  # type: ignore[method-assign]
    second = renderer.render("\n\n".join(paragraphs))
    assert calls == ["Paragraphe modifié."]
    changed = [i for i, (a, b) in enumerate(zip(first.htmls, second.htmls, strict=True)) if a != b]
    assert changed == [25]


def test_every_pair_of_constructs_side_by_side_matches_the_whole_document() -> None:
    # What follows a block decides whether Python-Markdown merges them (lists, quotes,
    # definition lists, code): try every construct after every other.
    renderer = BlockRenderer()
    mismatches = []
    for first_name, first in DOCUMENTS.items():
        for second_name, second in DOCUMENTS.items():
            text = f"{first}\n\n{second}"
            if renderer.render(text).html != convert_whole(text):
                mismatches.append((first_name, second_name))
    assert mismatches == []
