"""Spell checking: which words are looked at, what the shipped French and English lists accept,
what they suggest, and the personal dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from redaction.domain.lexicon import Lexicon, fold
from redaction.domain.spelling import PersonalDictionary, SpellChecker, words_in_line, words_in_text

NEWSROOM_FR = """Après trois ans de travaux, la criée de Douarnenez a rouvert ses portes lundi matin.
Les pêcheurs, qui s’étaient habitués à débarquer leurs prises à Audierne, reviennent peu à peu.
« C’est peut-être le début d’une nouvelle époque », confie l’un d’eux, qu’on croise sur le quai.
Aujourd’hui, les mareyeurs s’inquiètent pourtant : les quotas européens diminuent, et les jeunes
hésitent à s’engager. Ils étaient naguère plusieurs centaines ; ils ne sont plus qu’une soixantaine.
Quelques-uns ont choisi de vendre directement aux restaurateurs. A-t-il eu raison ? Jusqu’à présent,
personne n’a su répondre. Lorsqu’il pleut, les étals restent vides. Nous étions allées voir les
poissonnières ; elles vendraient volontiers davantage, en vingt-cinq minutes, l'après-midi."""


@pytest.fixture(scope="module")
def french() -> SpellChecker:
    checker = SpellChecker("fr")
    checker.load()
    return checker


@pytest.fixture(scope="module")
def english() -> SpellChecker:
    checker = SpellChecker("en")
    checker.load()
    return checker


def texts(line: str) -> list[str]:
    return [w.text for w in words_in_line(line)]


def test_code_addresses_and_markup_are_not_words_to_check() -> None:
    line = "Voir `fautte` et https://exemple.fr/fautte, ecrire a.b@fautte.fr, [lien](fautte.html) <b class=fautte>ok</b>"
    assert texts(line) == ["Voir", "et", "ecrire", "lien", "ok"]


def test_numbers_acronyms_single_letters_and_words_with_digits_are_skipped() -> None:
    assert texts("La SNCF et l'ONU, 2024, covid19, A4, x, H2O, mot") == ["La", "et", "l'ONU", "mot"]


def test_a_fenced_block_is_skipped_in_a_whole_text() -> None:
    text = "Fautte\n```\nfautte dans le code\n```\nFin"
    assert [(w.text, w.start) for w in words_in_text(text)] == [("Fautte", 0), ("Fin", 35)]


def test_words_know_whether_they_start_a_sentence() -> None:
    starts = {
        w.text: w.sentence_start for w in words_in_line("## Titre. Puis Brest, et « Quimper ». - Liste")
    }
    assert starts == {
        "Titre": True,
        "Puis": True,
        "Brest": False,
        "et": False,
        "Quimper": False,
        "Liste": True,
    }


def test_real_french_newsroom_text_has_no_false_alarm(french: SpellChecker) -> None:
    flagged = [w.text for w in words_in_text(NEWSROOM_FR) if french.is_misspelled(w.text, w.sentence_start)]
    assert flagged == []


@pytest.mark.parametrize(
    "word",
    ["pecheurs", "criee", "debarquer", "aujourdhui", "réjion", "subvensions", "inquiettudes", "poissonieres"],
)
def test_french_mistakes_are_caught(french: SpellChecker, word: str) -> None:
    assert french.is_misspelled(word) is True


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("pecheurs", "pêcheurs"),
        ("criee", "criée"),
        ("aujourdhui", "aujourd'hui"),
        ("réjion", "région"),
        ("inquiettudes", "inquiétudes"),
        ("poissonieres", "poissonnières"),
        ("l’ecole", "l’école"),  # the elision and its apostrophe are kept
        ("Ecole", "École"),  # and the capital
    ],
)
def test_french_suggestions(french: SpellChecker, word: str, expected: str) -> None:
    assert expected in french.suggest(word)[:3]


def test_ligatures_and_typographic_apostrophes(french: SpellChecker) -> None:
    assert french.is_misspelled("œuvre") is False
    assert french.is_misspelled("chef-d’œuvre") is False
    assert french.is_misspelled("aujourd’hui") is False


def test_a_capitalised_unknown_word_is_a_name_in_mid_sentence_only(french: SpellChecker) -> None:
    assert french.is_misspelled("Kerbriant", sentence_start=False) is False
    assert french.is_misspelled("Kerbriant", sentence_start=True) is True


def test_english(english: SpellChecker) -> None:
    words = "the harbour reopened fishermen weren't colour organised editor's newsroom mother-in-law"
    assert [w for w in words.split() if english.is_misspelled(w)] == []
    assert [w for w in ["teh", "recieve", "goverment", "occured"] if not english.is_misspelled(w)] == []
    assert english.suggest("recieve")[0] == "receive"


def test_nothing_is_flagged_before_the_list_is_loaded() -> None:
    checker = SpellChecker("fr")
    assert checker.is_misspelled("fautte") is None
    assert checker.suggest("fautte") == []


def small_checker(tmp_path: Path) -> SpellChecker:
    lexicon = Lexicon({"bonjour": 10, "monde": 5, "le": 100})
    return SpellChecker("fr", PersonalDictionary(tmp_path / "words.txt"), lexicon)


def test_adding_a_word_is_remembered_in_the_file(tmp_path: Path) -> None:
    checker = small_checker(tmp_path)
    assert checker.is_misspelled("Kerbriant") is True
    checker.add("Kerbriant")
    assert checker.is_misspelled("Kerbriant") is False
    assert "Kerbriant" in PersonalDictionary(tmp_path / "words.txt")  # a new session sees it
    assert checker.is_misspelled("kerbriant") is True  # a capitalised entry is a name


def test_a_lower_case_entry_matches_any_case_and_ignore_is_for_the_session(tmp_path: Path) -> None:
    checker = small_checker(tmp_path)
    checker.add("clickbait")
    assert checker.is_misspelled("Clickbait") is False
    checker.ignore("bonjourr")
    assert checker.is_misspelled("bonjourr") is False
    assert "bonjourr" not in PersonalDictionary(tmp_path / "words.txt")


def test_the_personal_dictionary_is_shared_by_languages(tmp_path: Path) -> None:
    personal = PersonalDictionary(tmp_path / "words.txt")
    fr = SpellChecker("fr", personal, Lexicon({"le": 1}))
    en = SpellChecker("en", personal, Lexicon({"the": 1}))
    fr.add("Kerbriant")
    assert en.is_misspelled("Kerbriant") is False


def test_fold_undoes_accents_and_ligatures() -> None:
    assert fold("Œuvre Élève d’été") == "oeuvre eleve d'ete"
