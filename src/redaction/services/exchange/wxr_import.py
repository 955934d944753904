"""WordPress exports (WXR 1.0 to 1.2, ``.xml``) become articles and their comments.

Reading (no database) is :mod:`redaction.services.exchange.wxr_read`: hostile, truncated or badly
encoded files are refused there in one line naming the file and the line.

Items of type ``post`` become articles: title, HTML content as Markdown (blank-line paragraphs
included, see :mod:`redaction.domain.html_to_markdown`), first category as rubric, tags,
excerpt as standfirst, author display name, date (``post_date_gmt``, else ``pubDate``, else
``post_date`` taken as UTC) and status: publish → published, future → ready, draft and
auto-draft → draft, pending → in_review, private and trash → archived (kept, never public).
The article uuid is a uuid5 of the item's guid (plus its post id when an earlier post of the
file has the same guid, as copied posts do), so a second import finds the same article.
Pages, attachments, menu items and other types are skipped with their comments, and counted.

Comments keep their WordPress status (1 → approved, 0 → pending, spam, trash), kind
(pingback and trackback are not reader comments; other types are skipped and counted),
author, email, website, IP and GMT date; replies are threaded through ``comment_parent`` even
when the parent comes later, and a reply whose parent is missing becomes a top-level comment
(counted as orphaned). Each comment's ``source_id`` is ``wxr:<site>:<post id>:<comment id>``
(site: ``wp:base_blog_url``, else the channel link, without its scheme: see :func:`site_key`),
so importing a file twice, or a later export of the same site, adds nothing new twice.
New pending reader comments pass through the moderation rules. Storing is all in the caller's
one transaction, with progress reported as (done, total) over articles and comments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redaction.services.articles.editing import create_article_in
from redaction.services.exchange.importing import (
    ImportRefusedError,
    ImportResult,
    long_text_warning,
    read_import_file,
    register,
)
from redaction.services.exchange.wxr_read import WxrComment, WxrPost, read_export, site_key
from redaction.services.moderation.comments import NewComment
from redaction.services.moderation.incoming import counted, existing_sources, receive
from redaction.storage.database import Database
from redaction.storage.models import Article

IMPORT_ACTOR = "import"
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class WxrSummary:
    """What an import did, for the person who ran it."""

    articles_created: int = 0
    articles_existing: int = 0
    reader_comments: int = 0
    replies: int = 0
    pingbacks: int = 0
    trackbacks: int = 0
    comments_existing: int = 0
    orphaned_replies: int = 0
    skipped_items: dict[str, int] = field(default_factory=dict)
    skipped_comments: int = 0
    skipped_comment_types: dict[str, int] = field(default_factory=dict)
    held: int = 0
    trashed: int = 0
    approved: int = 0
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary in a few lines of plain English."""
        lines = [
            f"articles: {self.articles_created} new, {self.articles_existing} already here",
            f"comments: {counted(self.reader_comments, 'new reader comment')} "
            f"({counted(self.replies, 'reply', 'replies')}), {counted(self.pingbacks, 'pingback')}, "
            f"{counted(self.trackbacks, 'trackback')}; {self.comments_existing} already here",
            f"moderation rules: {self.held} held, {self.trashed} trashed, {self.approved} approved",
        ]
        if self.orphaned_replies:
            lines.append(
                f"replies whose parent is missing, kept as top-level comments: {self.orphaned_replies}"
            )
        if self.skipped_items:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped_items.items()))
            lines.append(f"skipped items: {kinds} (with {counted(self.skipped_comments, 'comment')})")
        if self.skipped_comment_types:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped_comment_types.items()))
            lines.append(f"skipped comments of other types: {kinds}")
        return lines


@dataclass(frozen=True, slots=True)
class WordPressExport:
    """One checked WXR file, ready to be stored (an ImportBatch)."""

    source: Path
    site: str
    posts: tuple[WxrPost, ...]
    skipped_items: dict[str, int]
    skipped_comments: int
    skipped_comment_types: dict[str, int]

    @property
    def total(self) -> int:
        """Units of progress: one per article and one per comment."""
        return len(self.posts) + sum(len(p.comments) for p in self.posts)

    def store(self, session: Session, progress: Progress | None = None) -> ImportResult:
        summary = self.store_summary(session, progress)
        comments = summary.reader_comments + summary.pingbacks + summary.trackbacks
        notes = tuple(f"{self.source.name}: {line}" for line in summary.lines())
        return ImportResult(
            articles=summary.articles_created,
            comments=comments,
            notes=notes,
            warnings=tuple(summary.warnings),
        )

    def store_summary(self, session: Session, progress: Progress | None = None) -> WxrSummary:
        """Write the export inside the caller's unit of work and tell what was done."""
        summary = WxrSummary(
            skipped_items=dict(self.skipped_items),
            skipped_comments=self.skipped_comments,
            skipped_comment_types=dict(self.skipped_comment_types),
        )
        done, total = 0, self.total
        article_ids: dict[str, int] = {}
        for post in self.posts:
            article_ids[post.wp_id] = self._article(session, post, summary)
            done += 1
            if progress is not None:
                progress(done, total)

        def step(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, total)

        self._comments(session, article_ids, summary, step)
        if progress is not None:
            progress(total, total)
        return summary

    def _article(self, session: Session, post: WxrPost, summary: WxrSummary) -> int:
        existing = session.execute(select(Article.id).where(Article.uuid == post.uuid)).scalar_one_or_none()
        if existing is not None:
            summary.articles_existing += 1
            return existing
        article = create_article_in(
            session,
            post.fields,
            actor=IMPORT_ACTOR,
            created_at=post.created_at,
            published_at=post.published_at,
            uuid=post.uuid,
        )
        if post.slug:
            # The site's own slug, so that comments exported by slug find their article; a plain
            # UPDATE, as the slug is not an edit worth a new version.
            session.execute(
                update(Article)
                .where(Article.id == article.id)
                .values(slug=post.slug[:200])
                .execution_options(synchronize_session=False)
            )
        summary.articles_created += 1
        warning = long_text_warning(self.source, post.fields.title, post.fields.body)
        if warning:
            summary.warnings.append(warning)
        return article.id

    def _source(self, post: WxrPost, comment: WxrComment) -> str:
        return f"wxr:{self.site}:{post.wp_id}:{comment.wp_id}"

    def _comments(
        self, session: Session, article_ids: dict[str, int], summary: WxrSummary, step: Callable[[int], None]
    ) -> None:
        everything = [(post, c, self._source(post, c)) for post in self.posts for c in post.comments]
        known = existing_sources(session, [source for _, _, source in everything])
        new: list[NewComment] = []
        index: dict[str, int] = {}  # source id → position in ``new``
        waiting: list[tuple[int, str]] = []  # (position, parent source id)
        for post, comment, source in everything:
            if source in known or source in index:
                summary.comments_existing += 1
                continue
            parent_source = (
                f"wxr:{self.site}:{post.wp_id}:{comment.parent_wp_id}" if comment.parent_wp_id else ""
            )
            index[source] = len(new)
            if parent_source:
                waiting.append((len(new), parent_source))
            new.append(
                NewComment(
                    article_id=article_ids[post.wp_id],
                    body=comment.body,
                    author_name=comment.author_name[:200],
                    author_email=comment.author_email[:320],
                    author_url=comment.author_url[:2000],
                    author_ip=comment.author_ip[:64],
                    created_at=comment.created_at,
                    status=comment.status,
                    kind=comment.kind,
                    source_id=source,
                )
            )
        replies: dict[int, int] = {}
        threaded: set[int] = set()
        for position, parent_source in waiting:
            if parent_source in index:
                replies[position] = index[parent_source]
                threaded.add(position)
            elif parent_source in known:
                new[position] = replace(new[position], parent_id=known[parent_source])
                threaded.add(position)
            else:
                summary.orphaned_replies += 1
        arrived = receive(session, new, replies, progress=step)
        for position, arrived_comment in enumerate(new):
            if arrived_comment.kind == "pingback":
                summary.pingbacks += 1
            elif arrived_comment.kind == "trackback":
                summary.trackbacks += 1
            else:
                summary.reader_comments += 1
                summary.replies += position in threaded
        summary.held += arrived.rules.held
        summary.trashed += arrived.rules.trashed
        summary.approved += arrived.rules.approved


def read_wordpress(path: Path) -> WordPressExport:
    """Read and check one WordPress export (no database needed)."""
    reader = read_export(path, read_import_file(path, "XML"))
    if not reader.is_wxr:
        raise ImportRefusedError(path, "it is not a WordPress export (WXR): no WordPress fields in it")
    return WordPressExport(
        source=path,
        site=site_key(reader.site or reader.channel_link),
        posts=tuple(reader.posts),
        skipped_items=dict(reader.skipped_items),
        skipped_comments=reader.skipped_comments,
        skipped_comment_types=dict(reader.skipped_comment_types),
    )


register(".xml", ".wxr")(read_wordpress)  # not as a decorator, which would hide the precise type


def import_wordpress(db: Database, path: Path, progress: Progress | None = None) -> WxrSummary:
    """Read ``path`` and store it in ONE transaction: all of it, or nothing on any error."""
    export = read_wordpress(path)
    with db.session() as session:
        return export.store_summary(session, progress)
