"""Autosave buffers and periodic revisions: the text on screen survives a crash.

The editor writes what is on screen to the ``autosave`` table every couple of seconds while
someone types. That never touches the article itself, so an autosave can never replace good text
with empty or truncated text, and it never moves the version counter (conflict detection stays
about real saves). An explicit save clears the buffer (see ``services.articles.save_article``).
On opening an article, a buffer that differs from the stored text is offered back as recovered
text. Every few minutes of editing, the text on screen is also kept as a revision.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from redaction.domain.dates import utcnow
from redaction.domain.textstats import count_words
from redaction.services.articles.editing import revision_of
from redaction.services.articles.values import ArticleFields, Recovered, autosave_fields, autosave_text
from redaction.storage.database import Database
from redaction.storage.models import Autosave
from redaction.storage.patience import patient


@patient
def write_autosave(
    db: Database, article_id: int, fields: ArticleFields, base_version: int, actor: str
) -> None:
    """Keep ``fields`` as the article's unsaved text (replacing the previous buffer).

    Delete-then-insert in one transaction rather than read-then-update: a save clearing the
    buffer at the same moment can then never leave this write updating a row that is gone.
    """
    with db.session() as session:
        session.execute(delete(Autosave).where(Autosave.article_id == article_id))
        session.add(
            Autosave(
                article_id=article_id,
                base_version=base_version,
                saved_at=utcnow(),
                author_name=actor,
                fields=autosave_text(fields),
            )
        )


def read_autosave(db: Database, article_id: int) -> Recovered | None:
    with db.session() as session:
        row = session.get(Autosave, article_id)
        if row is None:
            return None
        return Recovered(autosave_fields(row.fields), row.base_version, row.saved_at, row.author_name)


@patient
def clear_autosave(db: Database, article_id: int) -> None:
    with db.session() as session:
        session.execute(delete(Autosave).where(Autosave.article_id == article_id))


def articles_with_autosave(db: Database) -> list[int]:
    with db.session() as session:
        return list(session.execute(select(Autosave.article_id)).scalars())


@patient
def keep_revision(
    db: Database,
    article_id: int,
    fields: ArticleFields,
    base_version: int,
    actor: str,
    reason: str = "autosave",
) -> None:
    """Snapshot the text on screen as a revision, without saving it over the article."""
    fields = fields.normalized()
    with db.session() as session:
        session.add(
            revision_of(article_id, fields, base_version, actor, reason, utcnow(), count_words(fields.body))
        )
