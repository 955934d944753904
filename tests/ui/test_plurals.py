"""Counts read as a person writes them, in English and in French: "1 comment moved", never
"1 comment(s)". Every message with a count is checked, so a new one without its plural forms
fails here."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

TS = Path(__file__).parents[2] / "resources" / "translations" / "redaction_fr.ts"


def counted_messages() -> list[tuple[str, str]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
        if message.get("numerus") == "yes"
    ]


@pytest.fixture
def language(ui_language):
    return ui_language


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_count_has_its_singular_and_plural(language, code: str) -> None:
    language(code)
    messages = counted_messages()
    assert len(messages) > 10
    for context, source in messages:
        for n in (1, 2):
            text = QApplication.translate(context, source, "", n)
            assert "(s)" not in text and "(x)" not in text, (context, source, n, text)


def test_one_comment_moved_in_both_languages(language) -> None:
    source = "%n comment(s) moved to %1."
    language("en")
    assert QApplication.translate("ModerationController", source, "", 1) == "1 comment moved to %1."
    language("fr")
    assert QApplication.translate("ModerationController", source, "", 1) == "1 commentaire déplacé vers %1."
    assert QApplication.translate("ModerationController", source, "", 3) == "3 commentaires déplacés vers %1."
