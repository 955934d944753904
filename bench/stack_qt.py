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

# The same window and measure as the other floors (bench/ is on the path).
from bare_qt import floor_window, show_until_painted


def read_through_orm(db: Path) -> tuple[list[str], str]:
    """SQLAlchemy with its ORM imported, one class mapped, an engine made, and through them the
    titles of the article list's first page and the newest article's body (paint_first.py
    does the same after its paint). No ``from __future__ import annotations`` in this file: the
    ORM reads these annotations."""
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

    engine = create_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        titles = session.execute(select(Article.title).order_by(Article.updated_at.desc()).limit(200)).all()
        newest = session.scalars(select(Article).order_by(Article.updated_at.desc()).limit(1)).first()
        return [title for (title,) in titles], newest.body if newest is not None else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a redaction database (SQLite)")
    args = parser.parse_args(argv)

    import markdown
    from markdown.extensions.extra import ExtraExtension
    from markdown.extensions.toc import TocExtension

    titles, body = read_through_orm(args.db)
    # Extensions as instances, as the app gives them: a name is looked up in every installed
    # package's entry points first.
    html = markdown.markdown(body, extensions=[ExtraExtension(), TocExtension()])

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    window = floor_window("stack", titles, body, html, str(args.db))

    return show_until_painted(app, window)


if __name__ == "__main__":
    sys.exit(main())
