"""Slugs are what readers see in article URLs."""

from __future__ import annotations

import pytest

from redaction.domain.slugs import fold_accents, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Économie à Noël", "economie-a-noel"),
        ("L’œuvre de Sérusier : « Le Talisman »", "l-oeuvre-de-serusier-le-talisman"),
        ("Le FC Lorient s’impose 2-1", "le-fc-lorient-s-impose-2-1"),
        ("  --Déjà vu!!  ", "deja-vu"),
        ("Straße", "strasse"),
    ],
)
def test_slugify_folds_accents_and_joins_words_with_hyphens(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slug_is_never_empty() -> None:
    assert slugify("") == "article"
    assert slugify("« ! »") == "article"


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    slug = slugify("Une très longue phrase " * 10, max_length=40)
    assert len(slug) <= 40
    assert not slug.endswith("-")
    assert slug.startswith("une-tres-longue-phrase")
    assert slugify("une-phrase-tres-longue-a-couper", max_length=14) == "une-phrase"


def test_fold_accents_keeps_the_letters() -> None:
    assert fold_accents("Économie à Noël") == "Economie a Noel"
    assert fold_accents("cœur") == "coeur"
