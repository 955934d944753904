"""Editing a body segment by segment ends where rendering it afresh would."""

from __future__ import annotations

import random

from redaction.render.blocks import BlockRenderer, render_body
from redaction.render.incremental import IncrementalBody
from tests.render.test_blocks import DOCUMENTS

PIECES = [
    *DOCUMENTS.values(),
    "```",
    "- item",
    "> quote",
    "[r1]: https://changed.example",
    "## Contexte",
    "<div>",
    "</div>",
    "\n",
    "\n\n",
    "    indented",
    "Terme\n:   def",
    "*[HTML]: autre",
]


SHARED = BlockRenderer()  # cached segment HTML keeps the fresh renders cheap


def check(body: IncrementalBody) -> None:
    fresh = IncrementalBody(SHARED)
    fresh.reset(body.text)
    assert body.segments == fresh.segments
    assert body.starts == fresh.starts
    assert body.htmls == fresh.htmls
    assert body.html() == render_body(body.text)


def test_random_edits_always_match_a_fresh_render() -> None:
    rng = random.Random(7)
    body = IncrementalBody(SHARED)
    text = "\n\n".join(DOCUMENTS.values())
    body.reset(text)
    for _ in range(300):
        position = rng.randrange(len(text) + 1)
        action = rng.random()
        if action < 0.45:
            insert = (
                rng.choice(PIECES)
                if rng.random() < 0.3
                else rng.choice(["a", " ", "\n", "#", "*", "-", "`", ">"])
            )
            text = text[:position] + insert + text[position:]
        elif action < 0.9:
            end = min(len(text), position + rng.randrange(1, 40))
            text = text[:position] + text[end:]
        else:
            end = min(len(text), position + rng.randrange(1, 10))
            text = text[:position] + rng.choice(PIECES) + text[end:]
        patch = body.update(text)
        assert patch is not None or body.text == text
        check(body)


def test_typing_in_one_paragraph_replaces_one_segment() -> None:
    paragraphs = [f"Paragraphe {i} du texte." for i in range(200)]
    body = IncrementalBody()
    body.reset("\n\n".join(paragraphs))
    paragraphs[120] = "Paragraphe 120 du texte, complété."
    patch = body.update("\n\n".join(paragraphs))
    # the segment before is re-cut too (it could absorb the edited block) but, unchanged, is
    # left out of the patch
    assert patch.start == 120 and patch.removed == 1 and len(patch.added) == 1
    assert "complété" in patch.added[0] and not patch.changed


def test_a_new_duplicate_heading_renames_the_later_ones() -> None:
    body = IncrementalBody()
    body.reset("## Contexte\n\na\n\nb\n\n## Contexte\n\nc")
    assert 'id="contexte_1"' in body.htmls[3]
    patch = body.update("## Contexte\n\na\n\n## Contexte\n\n## Contexte\n\nc")
    assert 'id="contexte_2"' in "".join(body.htmls)
    assert body.html() == render_body(body.text)
    assert patch is not None


def test_a_page_laid_in_part_way_stays_right_through_random_edits() -> None:
    """The preview lays a long body in a few segments at a time and patches what it has laid in
    meanwhile: segments it has not asked for are rendered only when it does."""
    rng = random.Random(11)
    text = "\n\n".join([*DOCUMENTS.values()] * 3)
    body = IncrementalBody(SHARED)
    body.reset(text)
    shown: list[str] = []  # the segments laid in, as the preview holds them
    for _ in range(300):
        for _ in range(rng.randrange(3)):
            if len(shown) < len(body.segments):
                shown.append(body.segment_html(len(shown)))
        position = rng.randrange(len(text) + 1)
        if rng.random() < 0.5:
            text = text[:position] + rng.choice([*PIECES, "a", " ", "\n", "#"]) + text[position:]
        else:
            text = text[:position] + text[min(len(text), position + rng.randrange(1, 40)) :]
        patch = body.update(text)
        if patch is not None and patch.start < len(shown):
            if patch.start + patch.removed > len(shown):
                del shown[patch.start :]  # reaches past what is laid in: laid in again later
            else:
                shown[patch.start : patch.start + patch.removed] = [h.strip("\n") for h in patch.added]
                for index, html in patch.changed.items():
                    if index < len(shown):
                        shown[index] = html.strip("\n")
        fresh = IncrementalBody(SHARED)
        fresh.reset(text)
        assert shown == [h.strip("\n") for h in fresh.htmls[: len(shown)]]
        assert body.segments == fresh.segments
    assert body.html() == render_body(text)


def test_only_segments_that_may_hold_a_heading_are_rendered_on_opening() -> None:
    body = IncrementalBody(BlockRenderer())
    body.reset("## Un\n\nTexte.\n\nSuite.\n\n> # Deux\n\nFin.")
    assert [html is not None for html in body._htmls] == [True, False, False, True, False]
    assert body.segment_html(1) == "<p>Texte.</p>"
