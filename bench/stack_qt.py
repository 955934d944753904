"""The floor for a launch on redaction's stack: the least a window showing an article can do.

Run by ``bench/launch_time.py`` beside ``bench/bare_qt.py`` (``stack_qt_ms``), in the same
conditions as the app (offscreen, same Python, the same database). It imports what any
program on this stack loads before its first screen of data, and nothing of redaction:
SQLAlchemy with its ORM (one mapped class), Python-Markdown, PySide6's widgets; then it opens
the database given with ``--db``, reads the article list and the newest article with one ORM
query each, and paints a ``QMainWindow`` with a table of the titles, a plain-text editor with
the body and a text browser with the body rendered. It prints ``painted <ms since process
start>`` after the first paint and quits, as the app does with ``REDACTION_EXIT_AFTER_PAINT``.

The issue's reference ("a window with table, editor, browser and SQLAlchemy") made a
measurement of every run: what the app spends above it is redaction's own start (its models,
services, panels and their queries), what it spends below cannot be had with SQLAlchemy and
Markdown imported before the first paint.
"""

import argparse
import sys
from pathlib import Path

from bare_qt import show_until_painted  # the same measure as the bare window (bench/ is on the path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a redaction database (SQLite)")
    args = parser.parse_args(argv)

    import markdown
    from markdown.extensions.extra import ExtraExtension
    from markdown.extensions.toc import TocExtension
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

    class Base(DeclarativeBase):
        pass

    class Article(Base):
        __tablename__ = "article"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str]
        body: Mapped[str]
        updated_at: Mapped[str]

    engine = create_engine(f"sqlite:///{args.db}")
    with Session(engine) as session:
        titles = session.execute(select(Article.title).order_by(Article.updated_at.desc()).limit(200)).all()
        newest = session.scalars(select(Article).order_by(Article.updated_at.desc()).limit(1)).first()
        body = newest.body if newest is not None else ""
    # Extensions as instances, as the app gives them: a name is looked up in every installed
    # package's entry points first.
    html = markdown.markdown(body, extensions=[ExtraExtension(), TocExtension()])

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QMainWindow,
        QPlainTextEdit,
        QSplitter,
        QTableView,
        QTextBrowser,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("stack")
    window.resize(1440, 900)
    model = QStandardItemModel(len(titles), 1, window)
    for row, (title,) in enumerate(titles):
        model.setItem(row, 0, QStandardItem(title))
    table = QTableView()
    table.setModel(model)
    dock = QDockWidget("Articles", window)
    dock.setWidget(table)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    editor = QPlainTextEdit()
    editor.setPlainText(body)
    browser = QTextBrowser()
    browser.setHtml(html)
    splitter = QSplitter()
    splitter.addWidget(editor)
    splitter.addWidget(browser)
    window.setCentralWidget(splitter)
    window.menuBar().addMenu("File")
    window.statusBar().showMessage(str(args.db))

    return show_until_painted(app, window)


if __name__ == "__main__":
    sys.exit(main())
