"""WordPress exports (WXR 1.0 to 1.2, ``.xml``) become articles and their comments.

Reading (no database): the file is parsed with defusedxml, which refuses any DTD, so entity
bombs and external entities never expand and no file but the one named is read; bad bytes for
the declared encoding, truncated or malformed XML are refused in one line naming file and line.
Both ``http://`` and ``https://`` namespace spellings are accepted, values in CDATA or not, and
empty elements written ``<x/>``.

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

import io
import re
import uuid as uuid_module
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redaction.domain.html_to_markdown import html_to_markdown, html_to_text
from redaction.domain.workflow import ArticleStatus, CommentStatus, Language
from redaction.services.articles import ArticleFields, create_article_in
from redaction.services.comments import NewComment
from redaction.services.database import Database
from redaction.services.importing import ImportRefusedError, ImportResult, register
from redaction.services.incoming import counted, existing_sources, receive
from redaction.storage.models import Article

IMPORT_ACTOR = "import"
UNTITLED = "(no title)"
Progress = Callable[[int, int], None]

_NAMESPACES = (
    (re.compile(r"https?://wordpress\.org/export/\d+\.\d+/excerpt/?"), "excerpt"),
    (re.compile(r"https?://wordpress\.org/export/\d+\.\d+/?"), "wp"),
    (re.compile(r"https?://purl\.org/rss/1\.0/modules/content/?"), "content"),
    (re.compile(r"https?://purl\.org/dc/elements/1\.1/?"), "dc"),
)
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
POST_STATUS = {
    "publish": ArticleStatus.PUBLISHED,
    "future": ArticleStatus.READY,
    "draft": ArticleStatus.DRAFT,
    "auto-draft": ArticleStatus.DRAFT,
    "pending": ArticleStatus.IN_REVIEW,
    "private": ArticleStatus.ARCHIVED,
    "trash": ArticleStatus.ARCHIVED,
}
COMMENT_STATUS = {
    "1": CommentStatus.APPROVED,
    "approve": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
    "post-trashed": CommentStatus.TRASH,
}
COMMENT_KINDS = {"": "comment", "comment": "comment", "pingback": "pingback", "trackback": "trackback"}


@dataclass(frozen=True, slots=True)
class WxrComment:
    wp_id: str
    parent_wp_id: str
    author_name: str
    author_email: str
    author_url: str
    author_ip: str
    created_at: datetime | None
    body: str
    status: str
    kind: str


@dataclass(frozen=True, slots=True)
class WxrPost:
    wp_id: str
    uuid: str
    slug: str
    fields: ArticleFields
    created_at: datetime | None
    published_at: datetime | None
    comments: tuple[WxrComment, ...]


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


def site_key(url: str) -> str:
    """The site as comment source ids name it: ``courrier.example/blog`` for
    ``https://Courrier.example/blog/``. Without the scheme, so that the export of a site that
    moved from http to https still recognises the comments imported before the move."""
    return re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE).lower().rstrip("/")


def _parse_time(value: str) -> datetime | None:
    """A WordPress ``YYYY-MM-DD HH:MM:SS`` taken as UTC; None when empty or all zeros."""
    value = value.strip()
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None


def _parse_rfc822(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _language(value: str) -> str:
    code = value.strip().lower()[:2]
    return code if code in (Language.FR.value, Language.EN.value) else Language.FR.value


class _Reader:
    """One pass over the XML events, item by item."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: dict[str, str] = {}
        self.site = ""
        self.channel_link = ""
        self.language = Language.FR.value
        self.authors: dict[str, str] = {}
        self.is_wxr = False
        self.posts: list[WxrPost] = []
        self.guids: set[str] = set()
        self.skipped_items: Counter[str] = Counter()
        self.skipped_comments = 0
        self.skipped_comment_types: Counter[str] = Counter()

    def key(self, tag: str) -> str:
        """``wp:post_id`` for ``{http://wordpress.org/export/1.2/}post_id``, whatever the version."""
        known = self.keys.get(tag)
        if known is not None:
            return known
        key = tag
        if tag.startswith("{"):
            namespace, _, local = tag[1:].partition("}")
            key = f"?:{local}"
            for pattern, prefix in _NAMESPACES:
                if pattern.fullmatch(namespace):
                    key = f"{prefix}:{local}"
                    break
        self.keys[tag] = key
        return key

    def values(self, element: Element) -> dict[str, str]:
        """Child key → text (first occurrence; empty elements give "")."""
        found: dict[str, str] = {}
        for child in element:
            found.setdefault(self.key(child.tag), (child.text or "").strip())
        return found

    def read(self, data: bytes) -> None:
        depth_in_item = 0
        for event, element in iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True):
            key = self.key(element.tag)
            if event == "start":
                if key == "item":
                    depth_in_item += 1
                continue
            if key == "item":
                depth_in_item -= 1
                self.item(element)
                element.clear()
            elif depth_in_item == 0:
                self.channel_value(key, element)

    def channel_value(self, key: str, element: Element) -> None:
        text = (element.text or "").strip()
        if key.startswith("wp:"):
            self.is_wxr = True
        if key == "wp:base_blog_url" and text:
            self.site = text
        elif key == "link" and not self.channel_link:
            self.channel_link = text
        elif key == "language" and text:
            self.language = _language(text)
        elif key == "wp:author":
            values = self.values(element)
            login = values.get("wp:author_login", "")
            if login:
                self.authors[login] = values.get("wp:author_display_name") or login

    def item(self, element: Element) -> None:
        values = self.values(element)
        post_type = values.get("wp:post_type", "")
        comments = [child for child in element if self.key(child.tag) == "wp:comment"]
        if post_type != "post":
            self.skipped_items[post_type or "(no type)"] += 1
            self.skipped_comments += len(comments)
            return
        self.is_wxr = True
        rubric = ""
        tags: list[str] = []
        for child in element:
            if self.key(child.tag) != "category" or not (child.text or "").strip():
                continue
            domain = child.get("domain", "category")
            if domain == "category" and not rubric:
                rubric = child.text.strip()  # type: ignore[union-attr]  # checked above
            elif domain in ("post_tag", "tag"):
                tags.append(child.text.strip())  # type: ignore[union-attr]
        status = POST_STATUS.get(values.get("wp:status", ""), ArticleStatus.DRAFT)
        created_at = (
            _parse_time(values.get("wp:post_date_gmt", ""))
            or _parse_rfc822(values.get("pubDate", ""))
            or _parse_time(values.get("wp:post_date", ""))
        )
        post_id = values.get("wp:post_id", "")
        guid = values.get("guid", "") or f"{self.site or self.channel_link}?p={post_id}"
        if guid in self.guids:  # copied posts share a guid; the post id tells them apart
            guid = f"{guid}#{post_id}"
        self.guids.add(guid)
        creator = values.get("dc:creator", "")
        fields = ArticleFields(
            title=" ".join(values.get("title", "").split()) or UNTITLED,
            rubric=rubric,
            standfirst=" ".join(html_to_text(values.get("excerpt:encoded", "")).split()),
            tags=tuple(tags),
            author=self.authors.get(creator, creator),
            language=self.language,
            status=status.value,
            body=html_to_markdown(values.get("content:encoded", "")),
        ).normalized()
        self.posts.append(
            WxrPost(
                wp_id=post_id,
                uuid=str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, guid)),
                slug=values.get("wp:post_name", ""),
                fields=fields,
                created_at=created_at,
                published_at=created_at if status == ArticleStatus.PUBLISHED else None,
                comments=tuple(c for c in (self.comment(e) for e in comments) if c is not None),
            )
        )

    def comment(self, element: Element) -> WxrComment | None:
        values = self.values(element)
        wp_type = values.get("wp:comment_type", "")
        kind = COMMENT_KINDS.get(wp_type)
        if kind is None:
            self.skipped_comment_types[wp_type] += 1
            return None
        parent = values.get("wp:comment_parent", "")
        return WxrComment(
            wp_id=values.get("wp:comment_id", ""),
            parent_wp_id="" if parent in ("", "0") else parent,
            author_name=values.get("wp:comment_author", ""),
            author_email=values.get("wp:comment_author_email", ""),
            author_url=values.get("wp:comment_author_url", ""),
            author_ip=values.get("wp:comment_author_IP", ""),
            created_at=_parse_time(values.get("wp:comment_date_gmt", ""))
            or _parse_time(values.get("wp:comment_date", "")),
            body=html_to_text(values.get("wp:comment_content", "")),
            status=COMMENT_STATUS.get(
                values.get("wp:comment_approved", "").lower(), CommentStatus.PENDING
            ).value,
            kind=kind,
        )


def _check_encoding(path: Path, data: bytes) -> None:
    """Refuse bytes that are not in the encoding the file declares (UTF-8 when it says none)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with its byte-order mark: the XML parser reads it
    declared = _DECLARED_ENCODING.match(data[:200])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if encoding.replace("_", "-") not in ("utf-8", "utf8"):
        return  # the XML parser decodes other declared encodings itself
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        says = "says it is UTF-8" if declared else "declares no encoding, so it must be UTF-8,"
        raise ImportRefusedError(
            path,
            f"the file {says} but byte 0x{data[exc.start]:02X} is not UTF-8 "
            "(was it saved as Latin-1 or Windows-1252? fix the encoding line or the file)",
            data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _refusal(path: Path, exc: Exception) -> ImportRefusedError:
    if isinstance(exc, DTDForbidden | EntitiesForbidden | ExternalReferenceForbidden):
        return ImportRefusedError(
            path,
            "it declares a DTD or entities (<!DOCTYPE …>), which WordPress exports never do; "
            "refused for safety (entity expansion, external files)",
        )
    if isinstance(exc, ParseError):
        line, column = getattr(exc, "position", (None, None))
        message = str(exc).split(":")[0]
        if message in ("no element found", "unclosed token"):
            return ImportRefusedError(path, "the file ends too early (truncated?)", line)
        return ImportRefusedError(path, f"it is not well-formed XML ({message}, column {column})", line)
    return ImportRefusedError(path, f"it cannot be read as XML ({exc})")


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
        return ImportResult(articles=summary.articles_created, comments=comments, notes=notes)

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


def _read(path: Path, data: bytes) -> _Reader:
    _check_encoding(path, data)
    reader = _Reader(path)
    try:
        reader.read(data)
    except (DefusedXmlException, ParseError, ValueError, LookupError) as exc:
        raise _refusal(path, exc) from None
    return reader


def read_wordpress(path: Path) -> WordPressExport:
    """Read and check one WordPress export (no database needed)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefusedError(path, exc.strerror or str(exc)) from None
    reader = _read(path, data)
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
