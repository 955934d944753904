"""The decision log and the dashboard read well in both languages: the time and the whole
decision in full, the rules' reasons translated, a long wait said as a person says it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from redaction.services.moderation.queue import decide
from redaction.storage.database import Database
from redaction.ui.context import AppContext
from redaction.ui.moderation.dashboard import duration_text
from redaction.ui.moderation.log_model import COLUMNS
from redaction.ui.moderation.log_view import DecisionLogDialog
from redaction.ui.moderation.reasons import shown_reason


@pytest.mark.parametrize(
    ("code", "reason", "move"),
    [
        ("en", "trash: blocked word “arnaque”", "Pending → Trash"),
        ("fr", "corbeille\u00a0: mot bloqué «\u00a0arnaque\u00a0»", "En attente → Corbeille"),
    ],
)
def test_the_log_shows_the_time_the_whole_decision_and_a_translated_reason(
    qtbot, desk_db: Database, ui_language, code: str, reason: str, move: str
) -> None:
    ui_language(code)
    decide(desk_db, [1], "trash", "rules", reason="trash: blocked word “arnaque”")
    ctx = AppContext(desk_db)
    dialog = DecisionLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    model, view = dialog.model, dialog.view
    shown = model.index(0, COLUMNS.index("reason")).data()
    assert shown.split() == reason.split()  # on one line: spaces of any kind
    assert model.index(0, COLUMNS.index("move")).data() == move
    metrics = view.fontMetrics()
    for key in ("at", "move"):
        text = model.index(0, COLUMNS.index(key)).data()
        assert view.columnWidth(COLUMNS.index(key)) >= metrics.horizontalAdvance(text) + 8, key  # not elided
    ctx.close()


def test_every_reason_the_rules_write_is_translated(ui_language) -> None:
    ui_language("fr")
    stored = [
        "held: duplicate of an earlier comment",
        "approved: author previously approved",
        "held: dangerous markup",
        "spam: dangerous markup",
        "held: flood, another comment from the same email or IP less than 60 s before",
        "held: moderation word “arnaque”",
        "trash: blocked word “arnaque”",
        "trash: blocked email “x@spam.test”",
        "trash: blocked email domain “spam.test”",
        "trash: blocked IP “10.0.0.”",
        "held: 1 link ≥ 1",
        "held: 3 links ≥ 2",
        "undo",
        "undo of decision 12",
        "moderated on the site",
        "deleted on the site on 2025-04-19",
    ]
    for reason in stored:
        shown = shown_reason(reason)
        assert shown != reason, reason
    assert shown_reason("held: 3 links ≥ 2") == "retenu\u00a0: 3\u00a0liens, la limite est 2"
    assert shown_reason("held: moderation word “arnaque”").endswith("«\u00a0arnaque\u00a0»")
    assert shown_reason("a reason typed by hand") == "a reason typed by hand"


@pytest.mark.parametrize(
    ("code", "delta", "text"),
    [
        ("en", timedelta(days=386, hours=7), "1 year 3 weeks"),
        ("en", timedelta(days=2, hours=1), "2 days 1 hour"),
        ("en", timedelta(minutes=1), "1 minute"),
        ("fr", timedelta(days=386, hours=7), "1\u00a0an et 3\u00a0semaines"),
        ("fr", timedelta(days=60), "2\u00a0mois"),
        ("fr", timedelta(hours=5, minutes=12), "5\u00a0heures et 12\u00a0minutes"),
    ],
)
def test_a_long_wait_reads_as_a_person_says_it(ui_language, code: str, delta: timedelta, text: str) -> None:
    ui_language(code)
    assert duration_text(delta) == text
