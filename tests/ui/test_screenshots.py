"""Every window and dialog, in English and in French, on a 1600×1000 and a 1280×800 screen:
saved as PNGs (a test-run artefact in $REDACTION_SCREENSHOTS or build/screenshots/) and checked
for what a reader would notice (tests/ui/screens.py): cut tabs and labels, squeezed widgets, a
window bigger than the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from redaction.services.articles import editing as article_service
from redaction.services.articles.house_rules import load_house_rules
from redaction.services.demo.fill import fill_demo
from redaction.storage.database import Database
from redaction.ui.context import AppContext
from redaction.ui.main_window import MainWindow
from tests.ui.keys import press
from tests.ui.screens import (
    file_dialog,
    layout_problems,
    save,
    screenshots_folder,
    settle,
    show_like_a_window_manager,
)

pytestmark = pytest.mark.screenshots

SIZES = [QSize(1600, 1000), QSize(1280, 800)]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.db")
    fill_demo(db)
    # A second revision, so that the history has something to compare.
    detail = article_service.get_article(db, 1)
    fields = replace(detail.fields, body=detail.fields.body + "\n\nUn dernier paragraphe ajouté.")
    article_service.save_article(db, 1, fields, detail.version, "Anne Le Goff")
    yield db
    db.close()


def commented_article(db: Database) -> int:
    """The demo article with the most pending comments (the comments panel then has rows)."""
    rows = article_service.list_articles(
        db, article_service.ArticleQuery(sort="pending_comments", descending=True), limit=1
    )
    return rows[0].id


def screens(ctx: AppContext, window: MainWindow) -> list[tuple[str, Callable[[], QWidget]]]:
    """(name, build) of every dialog, each built over ``window`` as the window opens it."""
    from redaction.ui.backup_dialog import BackupDialog
    from redaction.ui.editor.history import HistoryDialog
    from redaction.ui.editor.house_rules_dialog import HouseRulesDialog
    from redaction.ui.editor.merge_dialog import MergeDialog
    from redaction.ui.editor.target import TargetDialog
    from redaction.ui.exchange_dialogs import ExportDialog
    from redaction.ui.first_run import FirstRunDialog
    from redaction.ui.moderation.dashboard import DashboardDialog
    from redaction.ui.moderation.dossier import DossierDialog
    from redaction.ui.moderation.log_view import DecisionLogDialog
    from redaction.ui.moderation.rules_dialog import RulesDialog
    from redaction.ui.name_dialog import NameDialog
    from redaction.ui.operations import LockWaitDialog
    from redaction.ui.preferences import PreferencesDialog
    from redaction.ui.shortcuts_dialog import ShortcutsDialog
    from redaction.ui.site.conflicts import ConflictsDialog
    from redaction.ui.site.outbox_dialog import OutboxDialog
    from redaction.ui.site.site_dialog import SiteDialog

    db = ctx.db
    detail = article_service.get_article(db, 1)
    mine = replace(detail.fields, title=detail.fields.title + " (relu)")
    theirs = replace(detail.fields, body=detail.fields.body.replace("\n\n", "\n\nAjout. ", 1))
    tr = QApplication.translate
    site = window.site
    return [
        ("preferences", lambda: PreferencesDialog(ctx.actions, window)),
        ("first-run", lambda: FirstRunDialog("/media/usb/redaction.db", window)),
        ("name", lambda: NameDialog(window)),
        ("backups", lambda: BackupDialog(db, window)),
        (
            "import",
            lambda: file_dialog(
                window,
                tr("ExchangeDialogs", "Import into the Newsroom"),
                tr("ExchangeDialogs", "WordPress exports (*.xml)"),
            ),
        ),
        ("export", lambda: ExportDialog(window)),
        ("history", lambda: HistoryDialog(article_service.list_revisions(db, 1), detail.fields, window)),
        ("merge", lambda: MergeDialog(detail.fields, mine, theirs, "Yann Kerouac", window)),
        ("house-rules", lambda: HouseRulesDialog(load_house_rules(db), window)),
        ("target", lambda: TargetDialog(4500, "signs", window)),
        ("shortcuts", lambda: ShortcutsDialog(ctx.actions, window)),
        ("rules", lambda: RulesDialog(ctx, window)),
        ("dashboard", lambda: DashboardDialog(ctx, window)),
        ("log", lambda: DecisionLogDialog(ctx, window)),
        ("dossier", lambda: DossierDialog(ctx, "kevin@example.com", "Kevin", window)),
        # The site's windows, as File ▸ Site… and the status bar open them (no site connected).
        ("site", lambda: SiteDialog(ctx, site, window)),
        ("outbox", lambda: OutboxDialog(ctx, site, window)),
        ("conflicts", lambda: ConflictsDialog(ctx, site, window)),
        # Ctrl+S while another program writes to the database (ui.operations.write_waiting).
        (
            "lock-wait",
            lambda: LockWaitDialog(
                tr(
                    "MainWindow",
                    "Another program is writing to the database (an import, perhaps). "
                    "The article will be saved as soon as it has finished; "
                    "your text stays in the editor meanwhile.",
                ),
                window,
            ),
        ),
    ]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_window_reads_well(qtbot, ui_language, demo_db: Database, code: str, size: QSize) -> None:
    from redaction.ui.main_window import MainWindow

    ui_language(code)
    folder = screenshots_folder() / f"{code}-{size.width()}x{size.height()}"
    ctx = AppContext(demo_db)
    problems: list[str] = []
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        show_like_a_window_manager(window, size, size)
        window.open_article(commented_article(demo_db))
        qtbot.waitUntil(lambda: window.editor.preview.complete)
        settle()
        problems += layout_problems(window, size)
        save(window, folder, "main-window")

        # The writer at work: outline, find and replace, house rules open at once.
        window.editor.body_edit.setFocus()
        press(qtbot, window.editor.body_edit, "Ctrl+Shift+O")  # the outline
        press(qtbot, window.editor.outline, "Ctrl+H")  # find and replace
        press(qtbot, window.editor.find_bar.find_edit, "Ctrl+Shift+K")  # the house rules
        settle()
        problems += layout_problems(window, size)
        save(window, folder, "main-window-writing")

        desk = window.open_desk()
        show_like_a_window_manager(desk, size, QSize(int(size.width() * 0.9), int(size.height() * 0.9)))
        problems += layout_problems(desk, size)
        save(desk, folder, "desk")

        for name, build in screens(ctx, window):
            dialog = build()
            qtbot.addWidget(dialog)
            show_like_a_window_manager(dialog, size)
            if name == "dashboard":
                qtbot.waitUntil(lambda d=dialog: d.figures is not None, timeout=10_000)
            problems += layout_problems(dialog, size)
            save(dialog, folder, name)
            dialog.close()
        window.close()
    finally:
        ctx.close()
    assert not problems, "\n".join(problems)
