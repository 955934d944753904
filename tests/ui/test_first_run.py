"""The first start: each choice of the welcome dialog ends with a working database, remembered
for the next start, and the name and role given are kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from redaction.config import choose_database, default_database_path
from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields, ArticleQuery
from redaction.storage.database import Database
from redaction.ui import settings
from redaction.ui.first_run import FirstRunDialog, startup_target


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user data folder, in tmp."""
    monkeypatch.setattr("platformdirs.user_data_path", _user_data_path(tmp_path / "data"))
    return tmp_path / "data"


def _user_data_path(root: Path):
    def user_data_path(
        appname: str | None = None, appauthor: object = None, *args: object, **kw: object
    ) -> Path:
        return root / (appname or "")

    return user_data_path


def article_titles(db: Database) -> list[str]:
    with db.session() as s:
        return [a.title for a in article_service.list_articles_in(s, ArticleQuery())]


def make_dialog(qtbot, name: str = "Anne Le Goff", role: str = "editor") -> FirstRunDialog:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(name)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))
    return dialog


def test_first_run_only_when_nothing_is_there_and_nothing_given(tmp_path: Path) -> None:
    default = str(default_database_path())
    assert startup_target(choose_database(None)) == (None, "")  # nothing yet: ask
    given = str(tmp_path / "given.db")
    assert startup_target(choose_database(given)) == (given, "")  # --db
    Path(default).parent.mkdir(parents=True)
    Database.open(default).close()
    assert startup_target(choose_database(None)) == (default, "")  # an existing user: straight in


def test_empty_database_is_created_at_the_default_place(qtbot, data_home: Path) -> None:
    dialog = make_dialog(qtbot)
    dialog.empty_button.click()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    db = dialog.database
    assert db is not None
    try:
        assert Path(db.location) == default_database_path()
        assert article_titles(db) == []
        article_service.create_article(db, ArticleFields(title="Premier papier"), "Anne Le Goff")
        assert article_titles(db) == ["Premier papier"]
    finally:
        db.close()
    assert settings.get(settings.USER_NAME) == "Anne Le Goff"
    assert settings.get(settings.USER_ROLE) == "editor"
    assert startup_target(choose_database(None)) == (str(default_database_path()), "")


def test_existing_database_is_opened_and_remembered(qtbot, tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "shared" / "redaction-ouest.db"
    shared.parent.mkdir()
    existing = Database.open(shared)
    article_service.create_article(existing, ArticleFields(title="Le papier d'un collègue"), "Yann")
    existing.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(shared), ""))

    dialog = make_dialog(qtbot, role="journalist")
    dialog.open_button.click()
    assert dialog.database is not None
    try:
        assert article_titles(dialog.database) == ["Le papier d'un collègue"]
    finally:
        dialog.database.close()
    assert settings.get(settings.USER_ROLE) == "journalist"
    # The next start opens it directly, with no dialog.
    assert startup_target(choose_database(None)) == (str(shared), "")
    assert not default_database_path().exists()


def test_demo_content_goes_to_its_own_file(qtbot) -> None:
    dialog = make_dialog(qtbot)
    dialog.demo_button.click()
    db = dialog.database
    assert db is not None
    try:
        assert Path(db.location).name == "demo.db"
        assert len(article_titles(db)) >= 10
    finally:
        db.close()
    assert not default_database_path().exists()  # real work is not mixed with the demo
    # Chosen again later (e.g. after the settings were lost), the demo opens as it is.
    again = make_dialog(qtbot)
    again.demo_button.click()
    assert again.database is not None
    again.database.close()


def test_a_file_that_is_not_a_database_is_explained_and_the_dialog_stays(
    qtbot, tmp_path, monkeypatch
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("mes notes, pas une base\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(notes), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    dialog = make_dialog(qtbot)
    dialog.show()
    dialog.open_button.click()
    assert dialog.database is None and dialog.isVisible()
    assert "not a redaction database" in shown[0] and "The file was not changed" in shown[0]
    assert notes.read_text() == "mes notes, pas une base\n"
    assert settings.get(settings.DATABASE) == ""


def test_a_remembered_database_that_went_missing_is_said_so(qtbot, tmp_path: Path) -> None:
    gone = tmp_path / "usb" / "redaction.db"
    settings.put(settings.DATABASE, str(gone))
    target, missing = startup_target(choose_database(None))
    assert (target, missing) == (None, str(gone))
    dialog = FirstRunDialog(missing)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "missing_label")
    assert label is not None and str(gone) in label.text()
