"""House rules before "ready": required fields, headline length, banned phrases with locations."""

from __future__ import annotations

from dataclasses import dataclass

from redaction.domain.house_rules import (
    BANNED_PHRASE,
    HEADLINE_TOO_LONG,
    MISSING,
    HouseRules,
    check_article,
)


@dataclass
class Article:
    title: str = "La criée rouvre"
    rubric: str = "Économie"
    standfirst: str = "Les bateaux reviennent."
    body: str = "Le port revit."


def test_a_clean_article_passes() -> None:
    assert check_article(Article()) == []


def test_missing_fields_are_reported_in_form_order() -> None:
    problems = check_article(Article(title=" ", rubric="", standfirst="\n"))
    assert [(p.field, p.code) for p in problems] == [
        ("title", MISSING),
        ("rubric", MISSING),
        ("standfirst", MISSING),
    ]
    assert problems[0].message == "The title is missing."


def test_the_headline_limit_is_configurable_and_points_past_the_limit() -> None:
    title = "x" * 91
    [problem] = check_article(Article(title=title))
    assert (problem.field, problem.code, problem.offset, problem.detail) == (
        "title",
        HEADLINE_TOO_LONG,
        90,
        "91",
    )
    assert check_article(Article(title="x" * 90)) == []
    assert check_article(Article(title=title), HouseRules(headline_max=100)) == []
    assert check_article(Article(title="x  " * 30)) == []  # spaces collapse: 89 visible characters


def test_banned_phrases_ignore_case_accents_apostrophes_and_spaces() -> None:
    body = "Intro.\n\nSUITE A la réunion, au jour d’aujourd’hui, voire\u00a0même\nplus. Pallier à ça."
    problems = check_article(Article(body=body))
    found = [(p.detail, p.offset) for p in problems]
    assert found == [
        ("SUITE A", body.index("SUITE")),
        ("au jour d’aujourd’hui", body.index("au jour")),
        ("voire\u00a0même", body.index("voire")),
        ("Pallier à", body.index("Pallier")),
    ]
    assert all(p.code == BANNED_PHRASE and p.field == "body" for p in problems)
    assert problems[0].length == len("SUITE A")


def test_banned_phrases_are_whole_words_only() -> None:
    assert check_article(Article(body="La poursuite à pied, au finalement.")) == []


def test_title_and_standfirst_are_searched_too() -> None:
    problems = check_article(Article(title="Suite à l'incendie", standfirst="Force est de constater"))
    assert [(p.field, p.offset) for p in problems] == [("title", 0), ("standfirst", 0)]


def test_rules_round_trip_through_json_and_survive_bad_settings() -> None:
    rules = HouseRules(required=("title",), headline_max=70, banned_phrases=("à l'heure d'aujourd'hui",))
    assert HouseRules.from_json(rules.to_json()) == rules
    assert "à l'heure" in rules.to_json()  # readable in the Setting table
    assert HouseRules.from_json(None) == HouseRules()
    assert HouseRules.from_json("not json") == HouseRules()
    assert HouseRules.from_json(
        '{"headline_max": -3, "required": ["title", "nope"], "extra": 1}'
    ) == HouseRules(required=("title",))


def test_no_banned_list_means_no_phrase_check() -> None:
    assert check_article(Article(body="Suite à cela."), HouseRules(banned_phrases=())) == []


def test_an_image_that_cannot_be_shown_keeps_the_article_from_ready() -> None:
    from redaction.domain.house_rules import MISSING_IMAGE

    body = (
        "Intro.\n\n![Les étals](images/marche.jpg)\n\n![Le phare](https://example.org/phare.jpg)\n\n"
        "![Photo](image:0123456789abcdef)\n\n`![pas une image](x.png)`\n\n```\n![non plus](y.png)\n```"
    )
    problems = check_article(Article(body=body))
    assert [(p.code, p.detail, p.offset) for p in problems] == [
        (MISSING_IMAGE, "Les étals", body.index("![Les étals]"))
    ]
    assert problems[0].length == len("![Les étals](images/marche.jpg)")
    assert problems[0].message == "Image not found: “Les étals”."
    # told which stored images exist, the unknown one is reported too
    known = check_article(Article(body=body), known_images=lambda target: False)
    assert [p.detail for p in known] == ["Les étals", "Photo"]
