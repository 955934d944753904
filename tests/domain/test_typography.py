"""French and English typography: what a copy editor would fix, and what must never be touched."""

from __future__ import annotations

import pytest

from redaction.domain.typography import NBSP, NNBSP, apply_typography, typed


def show(text: str) -> str:
    """Make the invisible spaces visible in assertion messages: _ is U+00A0, ^ is U+202F."""
    return text.replace(NBSP, "_").replace(NNBSP, "^")


def fr(text: str) -> str:
    return show(apply_typography(text, "fr"))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Quoi ? Vraiment ! Oui ; non.", "Quoi^? Vraiment^! Oui^; non."),
        ("Quoi? Vraiment! Oui; non.", "Quoi^? Vraiment^! Oui^; non."),
        ("Il a dit : non.", "Il a dit_: non."),
        ("Il a dit: non.", "Il a dit_: non."),
        ("Quoi ?!", "Quoi^?!"),  # one space before the group, none inside it
        ("Quoi  ?", "Quoi^?"),  # runs of spaces collapse
        (f"Quoi{NBSP}?", "Quoi^?"),  # a word space before ? becomes the narrow one
        (f"dit{NNBSP}:", "dit_:"),
        ("« Bonjour »", "«_Bonjour_»"),
        ("«Bonjour»", "«_Bonjour_»"),
        ('Il a dit "bonjour" hier.', "Il a dit «_bonjour_» hier."),
        ('"Oui", dit-il.', "«_Oui_», dit-il."),
        ('Elle a crié "au feu !"', "Elle a crié «_au feu^!_»"),
        ("l'école d'été, aujourd'hui", "l’école d’été, aujourd’hui"),
        ("Et puis... rien.", "Et puis… rien."),
        ("[...] la suite", "[…] la suite"),
        ("« Oui » !", "«_Oui_»^!"),
        ("**Attention**!", "**Attention**^!"),
    ],
)
def test_french_rules(before: str, after: str) -> None:
    assert fr(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "Rendez-vous à 10:30, score 3:1.",
        "Voir https://exemple.fr/page?id=3&x=1 pour le détail.",
        "Voir www.exemple.fr/a?b pour le détail.",
        "Écrire à redaction@exemple.fr pour le détail.",
        "Un [lien](https://exemple.fr/a?b=1 'titre : ici') pour le détail.",
        "Le code `a ? b : c` et ``x`y ; z`` restent.",
        '<span title="a : b">texte</span>',
        "&amp; &nbsp; &#8217; restent",
        "![photo](portrait.jpg)",
        "Source ![photo](portrait.jpg)",
        "[ref]: https://exemple.fr/a?b=1",
        "<https://exemple.fr/a?b>",
        "| a | b |\n| :--- | ---: |",
        "mailto:redaction@exemple.fr?subject=x",
        "<!-- note : à revoir ! -->",
    ],
)
def test_french_never_touches_code_addresses_or_markup(text: str) -> None:
    assert apply_typography(text, "fr") == text


def test_fenced_code_is_left_alone_but_the_prose_around_it_is_fixed() -> None:
    text = "Avant ?\n```python\nx = 'a' ; y ? z : w\nprint(\"...\")\n```\nAprès ?\n~~~\na ? b\n~~~"
    assert (
        fr(text) == "Avant^?\n```python\nx = 'a' ; y ? z : w\nprint(\"...\")\n```\nAprès^?\n~~~\na ? b\n~~~"
    )


def test_an_unclosed_fence_protects_to_the_end() -> None:
    assert fr("Texte ?\n```\na ? b") == "Texte^?\n```\na ? b"


def test_prose_next_to_code_and_links_is_fixed() -> None:
    assert (
        fr("Lancez `make` ! Lisez [ceci](https://x.fr) : bien.")
        == "Lancez `make`^! Lisez [ceci](https://x.fr)_: bien."
    )
    assert fr("« `code` » ?") == "«_`code`_»^?"
    assert fr("Voir https://x.fr ?") == "Voir https://x.fr^?"  # the ? after an address is prose
    assert fr("Un lien : https://x.fr.") == "Un lien_: https://x.fr."
    assert fr("Note[^1] : voir.\n\n[^1]: La source : ici.") == "Note[^1]_: voir.\n\n[^1]: La source_: ici."


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('"Hello," she said.', "“Hello,” she said."),
        ("It's the editor's 'best' piece.", "It’s the editor’s ‘best’ piece."),
        ("Back in the '90s...", "Back in the ’90s…"),
        ("Really ? Yes : no.", "Really ? Yes : no."),  # English gets no spaces before marks
        ('Run `echo "hi"` now.', 'Run `echo "hi"` now.'),
    ],
)
def test_english_rules(before: str, after: str) -> None:
    assert apply_typography(before, "en") == after


@pytest.mark.parametrize(
    "text",
    [
        'Il a dit : "Quoi ? Vraiment !" puis... l\'autre : « non ».',
        "Un texte ; avec `code ?` et https://x.fr?a=1 : fin !",
        "« Déjà « imbriqué » » ?",
        "Quatre points.... restent",
        "Texte\n\n```\n'a' ? b\n```\n",
        "",
    ],
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_applying_twice_changes_nothing(text: str, language: str) -> None:
    once = apply_typography(text, language)
    assert apply_typography(once, language) == once


def after_typing(paragraph: str, language: str = "fr", in_code: bool = False) -> str | None:
    fix = typed(paragraph, len(paragraph), language, in_code)
    if fix is None:
        return None
    return show(paragraph[: fix.start] + fix.text + paragraph[fix.end :])


@pytest.mark.parametrize(
    ("paragraph", "result"),
    [
        ("Quoi?", "Quoi^?"),
        ("Quoi ?", "Quoi^?"),
        ("Note:", "Note_:"),
        ("Note :", "Note_:"),
        ("l'", "l’"),
        ('Il dit "', "Il dit «_"),
        (f'Il dit «{NBSP}oui"', "Il dit «_oui_»"),
        (f'Il dit «{NBSP}oui "', "Il dit «_oui_»"),
        ("Il dit «", "Il dit «_"),
        ("oui »", "oui_»"),
        ("Et puis...", "Et puis…"),
        (f"«{NBSP} ", "«_"),  # the space typed after « is swallowed, not doubled
        (f"Voir{NNBSP}![", "Voir !["),  # an image after all: undo the exclamation's space
    ],
)
def test_as_you_type_french(paragraph: str, result: str) -> None:
    assert after_typing(paragraph) == result


@pytest.mark.parametrize(
    "paragraph",
    [
        "À 10:",  # a time being typed
        "Voir http:",
        "Voir https://exemple.fr/page?",
        "Voir www.exemple.fr/page?",
        "Le code `a ?",
        "Un [lien](https://exemple.fr?",
        "Quoi ?!",
        "?",
        "   !",
        "| a :",
        "[ref]:",
        "Texte",
        "Voir....",
    ],
)
def test_as_you_type_leaves_alone(paragraph: str) -> None:
    assert after_typing(paragraph) is None


def test_as_you_type_inside_a_fenced_block_does_nothing() -> None:
    assert after_typing("x = 'a' ?", in_code=True) is None


@pytest.mark.parametrize(
    ("paragraph", "result"),
    [
        ('He said "', "He said “"),
        ('He said “hi"', "He said “hi”"),
        ("don'", "don’"),
        ("'", "‘"),
        ("Why?", None),
    ],
)
def test_as_you_type_english(paragraph: str, result: str | None) -> None:
    assert after_typing(paragraph, "en") == result


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Rendez-vous à 8 h.", "Rendez-vous à 8_h."),
        ("à 8 h 30 précises", "à 8_h_30 précises"),
        ("12 km à pied, 3,5 % de hausse, 20 € le kilo", "12_km à pied, 3,5_% de hausse, 20_€ le kilo"),
        ("il fait 15 °C", "il fait 15_°C"),
        ("les 3 000 manifestants", "les 3^000 manifestants"),
        ("1 000 m de dénivelé", "1^000_m de dénivelé"),
        # words, not units; a year next to a number; already protected
        ("les années 80 s’achèvent", "les années 80 s’achèvent"),
        ("à 8 heures, 3 mousquetaires", "à 8 heures, 3 mousquetaires"),
        ("en 2024 200 personnes", "en 2024 200 personnes"),
        ("le 14 juillet", "le 14 juillet"),
    ],
)
def test_french_numbers_stay_with_their_units(before: str, after: str) -> None:
    assert fr(before) == after
    assert apply_typography(apply_typography(before, "fr"), "fr") == apply_typography(before, "fr")


def test_english_numbers_are_left_as_typed() -> None:
    assert apply_typography("at 8 h, 12 km", "en") == "at 8 h, 12 km"


@pytest.mark.parametrize(
    ("paragraph", "result"),
    [
        ("à 8 h ", "à 8_h "),
        ("à 8 h.", "à 8_h."),
        ("à 8 h,", "à 8_h,"),
        ("(12 km)", "(12_km)"),
        ("20 € ", "20_€ "),
        ("8 heures ", None),
        ("2024 ", None),
    ],
)
def test_as_you_type_a_unit_joins_its_number(paragraph: str, result: str | None) -> None:
    assert after_typing(paragraph) == result
