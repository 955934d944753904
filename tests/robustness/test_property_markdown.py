"""Markdown export → import → export is stable, for any article hypothesis makes up: the file
read back gives the same fields, dates and uuid, and exporting those writes the same bytes.
Through the same functions as ``redaction export --format md`` and ``redaction import``
(the database in between stores fields as they are; its round trip is tested elsewhere)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from redaction.domain.workflow import ArticleStatus, Language
from redaction.services.articles.values import ArticleDetail, ArticleFields
from redaction.services.exchange.export import markdown_document
from redaction.services.exchange.markdown_import import decode, read_markdown_text

PATH = Path("article.md")
MARKDOWN = st.sampled_from(
    [
        "\n",
        "\n\n",
        "---",
        "\n---\n",
        "...",
        "## Titre",
        "# ",
        "- ",
        "> ",
        "```\n",
        "    code",
        "*",
        "_",
        "|",
        ":",
        "'",
        '"',
        "«\u00a0",
        "\u202f?",
        "\t",
        "<div>",
        "[^1]",
        "[^1]: note",
        "![img](images/a.png)",
        "#",
        "%",
        "@",
        "\u2028",
        "\r",
        "\x85",
        "\ufeff",
        " ",
        "é",
        "Œ",
        "😀",
    ]
)
# No NUL: no importer lets one in (a NUL is how a binary file is told from text), and the
# Markdown import refuses it for that reason, so it is no text an article can hold from a file.
CHARS = st.characters(codec="utf-8", exclude_characters="\x00")
TEXT = st.lists(st.one_of(MARKDOWN, st.text(CHARS, max_size=12)), max_size=25).map("".join)
LINE = st.text(CHARS, max_size=40)
MOMENTS = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=moment.microsecond // 1000 * 1000))


@st.composite
def articles(draw: st.DrawFn) -> ArticleDetail:
    fields = ArticleFields(
        title=draw(LINE.filter(lambda t: t.strip())),
        rubric=draw(LINE),
        standfirst=draw(TEXT),
        tags=tuple(draw(st.lists(LINE.filter(lambda t: "," not in t), max_size=5))),
        author=draw(LINE),
        language=draw(st.sampled_from([lang.value for lang in Language])),
        status=draw(st.sampled_from([s.value for s in ArticleStatus])),
        body=draw(TEXT),
    ).normalized()
    created = draw(MOMENTS)
    published = draw(st.none() | MOMENTS) if fields.status == ArticleStatus.PUBLISHED else None
    return ArticleDetail(
        id=1,
        uuid=str(draw(st.uuids())),
        slug="article",
        fields=fields,
        created_at=created,
        updated_at=created + timedelta(hours=1),
        published_at=published,
        version=1,
        word_count=0,
        pending_comments=0,
    )


def reimported(detail: ArticleDetail) -> ArticleDetail:
    data = markdown_document(detail).encode("utf-8")  # as the export writes it
    article = read_markdown_text(PATH, decode(PATH, data))
    published = article.published_at
    if published is None and article.fields.status == ArticleStatus.PUBLISHED:
        published = article.created_at  # as storing the import does
    assert article.uuid is not None and article.created_at is not None
    return replace(
        detail,
        uuid=article.uuid,
        fields=article.fields,
        created_at=article.created_at,
        published_at=published,
    )


@settings(max_examples=300, deadline=None)
@given(articles())
def test_export_import_export_is_stable(detail: ArticleDetail) -> None:
    again = reimported(detail)
    assert again.fields == detail.fields
    assert (again.uuid, again.created_at) == (detail.uuid, detail.created_at)
    implied = detail.created_at if detail.fields.status == ArticleStatus.PUBLISHED else None
    assert again.published_at == (detail.published_at or implied)
    assert markdown_document(again) == markdown_document(detail)  # the same bytes exported again
