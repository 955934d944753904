"""The start that paints before the database layers are loaded: the first screen is read with
sqlite3, the database opens on a thread of its own from the first paint on. What a person sees
and does in that moment must be what they would with the database open."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from redaction import config, start_cache
from redaction.render import blocks, kept
from redaction.services.articles import editing as article_service
from redaction.services.articles.values import PAGE_SIZE as ARTICLES_PAGE_SIZE
from redaction.services.articles.values import ArticleFields, ArticleQuery
from redaction.services.first_screen import FirstScreen
from redaction.services.opening import OpeningDatabase
from redaction.storage.database import Database
from redaction.storage.models import SitePost
from redaction.ui import app, i18n, qt_support, settings
from redaction.ui.context import AppContext
from redaction.ui.main_window import MainWindow
from tests.services.site.rows import connect
from tests.ui.keys import type_at_end
from tests.ui.test_main_window import row_titles


def _first_article(db: Database) -> int:
    return next(
        a.id
        for a in article_service.list_articles(db, ArticleQuery(text="Douarnenez"))
        if a.title == "La criée de Douarnenez"
    )


@pytest.fixture
def paint_first(qtbot, request: pytest.FixtureRequest, seeded_db: Database, db_path: Path):
    """A window built from the first screen, its database not opened yet (the start opens it
    at the first paint; here the test says when)."""
    settings.set_window_value("last_article", _first_article(seeded_db))  # the article with comments

    def factory() -> tuple[MainWindow, OpeningDatabase]:
        screen = FirstScreen.open(db_path)
        assert screen is not None
        opening = OpeningDatabase(str(db_path), screen)
        ctx = AppContext(opening)
        request.addfinalizer(opening.close)
        request.addfinalizer(ctx.close)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        request.addfinalizer(window.close)  # first: closing may still need the database
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        qtbot.waitUntil(lambda: window.editor.detail is not None)
        return window, opening

    return factory


def test_the_first_screen_is_the_one_the_open_database_shows(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]], seeded_db: Database
) -> None:
    window, opening = paint_first()
    assert opening.opening  # nothing below came from the database layers
    services_titles = [a.title for a in article_service.list_articles(seeded_db, ArticleQuery())]
    assert row_titles(window) == services_titles
    assert window.editor.title_edit.text() == "La criée de Douarnenez"
    assert window.editor.body_edit.toPlainText() == "## Le port\n\nDes bateaux."
    queue = window.comments.model
    shown = {queue.index(r, 2).data() for r in range(queue.rowCount())}
    assert shown == {"Très bon article", "<script>alert('x')</script>"}  # the pending ones, as text
    assert window.comments.tabs.tabText(0).endswith("(2)")
    assert window.db_label.text() == str(Path(opening.location))

    opening.start()
    qtbot.waitUntil(lambda: not window.ctx.opening, timeout=20_000)
    assert isinstance(window.ctx.db, Database)
    assert row_titles(window) == services_titles  # nothing moved when the database took over


def test_the_page_shown_at_close_is_shown_again_at_the_next_start_without_rendering(
    qtbot,
    paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]],
    isolated_kept_page: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _opening = paint_first()
    qtbot.waitUntil(lambda: window.editor.preview.complete)
    page = window.editor.preview.toPlainText()
    assert "Le port" in page and "Des bateaux." in page
    assert window.close()
    assert isolated_kept_page.is_file()

    asked: list[str] = []
    monkeypatch.setattr(blocks, "convert_whole", lambda text: asked.append(text) or "")
    again, _opening = paint_first()
    qtbot.waitUntil(lambda: again.editor.preview.complete)
    assert again.editor.preview.toPlainText() == page
    assert asked == []  # the page came from the kept HTML: Python-Markdown was not needed


def test_what_is_typed_before_the_database_is_open_is_saved_with_ctrl_s(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]], seeded_db: Database
) -> None:
    window, opening = paint_first()
    body = window.editor.body_edit
    body.setFocus()
    type_at_end(qtbot, body, " Ils rentrent au port a l'aube.")
    assert opening.opening
    qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # waits for the opening
    assert not window.isWindowModified()
    saved = article_service.get_article(seeded_db, _first_article(seeded_db))
    # What is on screen, the editor's typographic apostrophe included.
    assert saved.fields.body == "## Le port\n\nDes bateaux. Ils rentrent au port a l\u2019aube."


def test_what_another_program_saves_while_the_database_opens_appears(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]], seeded_db: Database
) -> None:
    window, opening = paint_first()
    # Committed after the first screen was read, before the window's database is open.
    article_service.create_article(seeded_db, ArticleFields(title="Tempête sur Ouessant", rubric="Mer"))
    assert "Tempête sur Ouessant" not in row_titles(window)
    opening.start()
    qtbot.waitUntil(lambda: "Tempête sur Ouessant" in row_titles(window), timeout=20_000)
    assert window.articles.count_label.text().startswith("4")


def test_a_database_that_cannot_be_opened_after_the_paint_is_explained(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]], seeded_db: Database, db_path: Path
) -> None:
    window, opening = paint_first()
    seeded_db.close()  # the fixture's own connection: its checkpoints would change the file too
    db_path.chmod(0o444)  # marked read-only after the first screen was read
    try:
        before = hashlib.sha256(db_path.read_bytes()).hexdigest()
        with qtbot.waitSignal(window.ctx.opening_failed, timeout=20_000) as failed:
            opening.start()
        assert "read-only" in failed.args[0]
        assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    finally:
        db_path.chmod(0o644)


def test_a_database_locked_by_another_program_is_explained_after_the_paint_and_left_unchanged(
    qtbot, seeded_db: Database, db_path: Path, monkeypatch
) -> None:
    """The first screen reads beside another program's write lock; opening for writing cannot:
    the start says so, in a dialog and on stderr, and ends with status 2."""
    config.put(USER_NAME="Anne Le Goff")
    monkeypatch.delenv(app.EXIT_AFTER_PAINT_ENV, raising=False)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    real_exec = QApplication.exec

    def event_loop(qt_app: QApplication) -> int:
        QTimer.singleShot(30_000, lambda: qt_app.exit(99))  # never hangs the suite
        return real_exec()

    monkeypatch.setattr(QApplication, "exec", event_loop)
    seeded_db.close()
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    locker.execute("UPDATE article SET title = title")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    try:
        assert app.run_gui(str(db_path)) == 2
    finally:
        locker.rollback()
        locker.close()
        i18n.remove_translators(QApplication.instance())
        for widget in QApplication.topLevelWidgets():
            widget.deleteLater()
    assert shown and "not changed" in shown[0] and "lock" in shown[0].lower()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def _start_measured(tmp_path: Path, path: Path) -> tuple[list[str], list[str]]:
    """Start the app as a person does, in a process of its own, until it has painted and opened
    its database, then close its window: (stdout lines, stderr lines: the start's own trace and
    Python's record of every import, in time order)."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REDACTION_EXIT_AFTER_PAINT="1",
        REDACTION_TRACE_STARTUP="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "redaction", "--db", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines(), done.stderr.splitlines()


def _import_line(lines: list[str], module: str) -> int:
    """Where ``module`` was imported, at any depth (``-X importtime``'s lines)."""
    return next(
        i
        for i, line in enumerate(lines)
        if line.startswith("import time:") and line.split("|")[-1].strip() == module
    )


def _a_newsroom(tmp_path: Path) -> Path:
    path = tmp_path / "newsroom.db"
    db = Database.open(path)
    article_service.create_article(
        db,
        ArticleFields(title="Le phare du Créac'h", body="## Feux\n\nUn éclat, *toutes les cinq secondes*."),
    )
    db.close()
    return path


def test_the_window_paints_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    out, lines = _start_measured(tmp_path, _a_newsroom(tmp_path))
    painted = [int(line.split()[1]) for line in out if line.startswith("painted ")]
    ready = [int(line.split()[1]) for line in out if line.startswith("ready ")]
    assert len(painted) == 1 and len(ready) == 1 and painted[0] <= ready[0]
    first_paint = next(i for i, line in enumerate(lines) if line.endswith(" first paint"))
    opened = next(i for i, line in enumerate(lines) if line.endswith(" database opened"))
    assert first_paint < _import_line(lines, "sqlalchemy") < opened


def test_the_next_start_paints_the_page_kept_at_close_before_python_markdown_is_imported(
    tmp_path: Path,
) -> None:
    path = _a_newsroom(tmp_path)
    _out, first = _start_measured(tmp_path, path)  # nothing kept yet: the page is rendered
    assert _import_line(first, "markdown") < next(
        i for i, line in enumerate(first) if line.endswith(" first paint")
    )
    assert (tmp_path / "cache" / "redaction" / kept.FILE_NAME).is_file()  # kept as the window closed
    # … and PySide6's support modules, compiled once (redaction.ui.qt_support)
    assert qt_support.load(tmp_path / "cache" / "redaction" / qt_support.FILE_NAME)
    # … and the regular expressions and dataclass methods made before the paint (start_cache)
    compiled = tmp_path / "cache" / "redaction" / start_cache.FILE_NAME
    assert len(start_cache.StartCache(compiled).patterns) > 50
    kept_compiled = compiled.read_bytes()
    _out, second = _start_measured(tmp_path, path)
    first_paint = next(i for i, line in enumerate(second) if line.endswith(" first paint"))
    assert first_paint < _import_line(second, "markdown")
    assert compiled.read_bytes() == kept_compiled  # the second start compiled none of them afresh


def test_the_last_article_far_down_the_list_opens_at_once_and_is_lit_once_the_database_is_open(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]], seeded_db: Database
) -> None:
    with seeded_db.session() as s:  # newer than the three: the last article is beyond the first page
        for n in range(ARTICLES_PAGE_SIZE + 5):
            article_service.create_article_in(s, ArticleFields(title=f"Dépêche {n}"))
    last = _first_article(seeded_db)
    window, opening = paint_first()
    assert window.editor.detail is not None and window.editor.detail.id == last
    assert window.editor.title_edit.text() == "La criée de Douarnenez"
    assert opening.opening and window.articles.current_article_id() is None  # no other row lit
    opening.start()
    qtbot.waitUntil(lambda: window.articles.current_article_id() == last, timeout=20_000)
    assert window.editor.detail.id == last


def test_with_a_connected_site_the_article_s_public_address_is_on_the_first_screen(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]], seeded_db: Database
) -> None:
    connect(seeded_db)  # as `redaction site connect` leaves it
    with seeded_db.session() as s:
        s.add(
            SitePost(
                article_id=_first_article(seeded_db),
                post_id=41,
                link="https://journal.example/la-criee/",
                status="publish",
            )
        )
    window, opening = paint_first()
    assert opening.opening
    button = window.site.link_button
    assert button.link is not None and button.toolTip() == "https://journal.example/la-criee/"


def test_the_house_rules_panel_left_open_is_checked_once_the_database_is_open(
    qtbot, paint_first: Callable[[], tuple[MainWindow, OpeningDatabase]]
) -> None:
    window, opening = paint_first()
    window.writing.rules_dock.show()  # as a layout restored with the panel open
    assert opening.opening  # the rules are in the database: the first screen does not wait for them
    opening.start()
    view = window.writing.rules_view
    qtbot.waitUntil(lambda: view.count() > 0, timeout=20_000)
    assert not window.ctx.opening
