"""The house-rules list: one line per problem, activating one tells where to go."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.domain.house_rules import Problem, check_article
from redaction.ui.editor.house_rules_view import HouseRulesView


class Article:
    title = "Suite à l'incendie"
    rubric = ""
    standfirst = "Le quartier se relève."
    body = "Au final, tout le monde est là."


def test_problems_are_listed_and_activation_reports_field_and_offset(qtbot) -> None:
    view = HouseRulesView()
    qtbot.addWidget(view)
    view.show_problems(check_article(Article()))
    texts = [view.item(row).text() for row in range(view.count())]
    assert texts == ["Avoid “Suite à” (headline).", "The rubric is missing.", "Avoid “Au final” (body)."]
    view.show()
    with qtbot.waitSignal(view.problem_activated) as signal:
        rect = view.visualItemRect(view.item(2))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["body", 0]


def test_an_article_without_problems_says_so_and_emits_nothing(qtbot) -> None:
    view = HouseRulesView()
    qtbot.addWidget(view)
    view.show_problems([])
    assert view.count() == 1
    with qtbot.assertNotEmitted(view.problem_activated):
        view.itemActivated.emit(view.item(0))


def test_headline_message_names_the_limit(qtbot) -> None:
    view = HouseRulesView()
    qtbot.addWidget(view)
    view.show_problems([Problem("title", 90, "headline_too_long", "97")])
    assert view.item(0).text() == "The headline is 97 characters long; the limit is 90."
