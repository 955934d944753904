"""UI fixtures: settings kept in a temporary folder, a database with a few articles and comments."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from redaction.services.articles.editing import create_article_in
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.storage.database import Database


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: object) -> Iterator[None]:
    QCoreApplication.setOrganizationName("redaction-tests")
    QCoreApplication.setApplicationName("redaction-tests")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def seeded_db(db: Database) -> Database:
    """Three articles; the first has two pending comments, one approved."""
    with db.session() as s:
        first = create_article_in(
            s,
            ArticleFields(
                title="La criée de Douarnenez",
                rubric="Économie",
                author="Anne Le Goff",
                standfirst="Le port retrouve ses bateaux.",
                body="## Le port\n\nDes bateaux.",
            ),
        )
        create_article_in(
            s, ArticleFields(title="Portrait d'une luthière", rubric="Portrait", status="in_review")
        )
        create_article_in(
            s, ArticleFields(title="Match nul à Brest", rubric="Sport", language="en", status="ready")
        )
        add_comments_in(
            s,
            [
                NewComment(first.id, "Très bon article", author_name="Yann", author_email="yann@example.fr"),
                NewComment(
                    first.id, "<script>alert('x')</script>", author_name="Mallory", author_email="m@evil.test"
                ),
                NewComment(first.id, "Merci", author_name="Léa", status="approved"),
            ],
        )
    return db


@pytest.fixture
def make_window(qtbot: object, request: pytest.FixtureRequest) -> Callable[[Database], object]:
    from redaction.ui.context import AppContext
    from redaction.ui.main_window import MainWindow

    def factory(database: Database) -> MainWindow:
        ctx = AppContext(database)
        request.addfinalizer(ctx.close)
        window = MainWindow(ctx)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        with qtbot.waitExposed(window):  # type: ignore[attr-defined]
            window.show()
        with qtbot.waitActive(window):  # type: ignore[attr-defined]  # shortcuts need the active window
            window.activateWindow()
        return window

    return factory


@pytest.fixture
def ui_language(qapp: object, tmp_path: Path) -> Iterator[Callable[[str], None]]:
    """Switch the interface language ("en", "fr") as Preferences do, for widgets built after;
    translators and the default locale are application-wide, so they are put back after."""
    from PySide6.QtCore import QLocale

    from redaction.ui import i18n, settings

    default = QLocale()

    def start(code: str) -> None:
        settings.put(settings.UI_LANGUAGE, code)
        i18n.install_translators(qapp, cache=tmp_path / "translations")  # type: ignore[arg-type]

    yield start
    i18n.remove_translators(qapp)  # type: ignore[arg-type]
    QLocale.setDefault(default)
