"""Find queries: literal or regex, case, whole words, group replacements, clear errors."""

from __future__ import annotations

import pytest

from redaction.domain.find import Query, QueryError, find_all

TEXT = "Le port. Un Port, des ports; le port-musée."


def starts(query: Query, text: str = TEXT) -> list[int]:
    pattern = query.compile()
    assert pattern is not None
    return [m.start() for m in find_all(pattern, text)]


def test_literal_search_ignores_case_unless_asked() -> None:
    assert len(starts(Query("port"))) == 4
    assert len(starts(Query("port", case_sensitive=True))) == 3
    assert starts(Query("a.b"), "axb a.b") == [4]  # literal: the dot is a dot


def test_whole_words_stop_at_punctuation_and_hyphens_but_not_inside_words() -> None:
    assert len(starts(Query("port", whole_words=True))) == 3  # not "ports"
    assert starts(Query("(a)", whole_words=True), "x (a) y") == [2]
    assert starts(Query("été", whole_words=True), "été, l'été, étés") == [0, 7]


def test_invalid_regex_is_an_error_with_its_position() -> None:
    with pytest.raises(QueryError, match="missing \\), unterminated subpattern at position 0"):
        Query("(port", regex=True).compile()
    assert Query("").compile() is None


def test_empty_matches_are_never_reported() -> None:
    assert starts(Query("x*", regex=True), "abxxc") == [2]


def test_regex_replacement_uses_groups_and_literal_mode_does_not() -> None:
    regex = Query(r"(\w+)@(\w+)", regex=True)
    pattern = regex.compile()
    assert pattern is not None
    text = "anne@ouest et yann@brest"
    matches = find_all(pattern, text)
    assert [regex.replacement(m, r"\2 (\1)") for m in matches] == ["ouest (anne)", "brest (yann)"]
    literal = Query("@")
    pattern = literal.compile()
    assert pattern is not None
    assert [literal.replacement(m, r"\1") for m in find_all(pattern, text)] == [r"\1", r"\1"]
    with pytest.raises(QueryError, match="invalid group reference 3"):
        regex.replacement(matches[0], r"\3")
