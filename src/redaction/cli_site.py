"""The site's commands: ``site connect|status``, ``publish``, ``unpublish``, ``sync``, ``moderate``.

They call the same services as the window (:mod:`redaction.services.site`,
:func:`redaction.services.moderation.queue.decide`) and follow :mod:`redaction.cli`'s
conventions: exit 0 on success, 2 for bad input, 1 when the site cannot be used — with one line
on stderr naming the site and the reason. A local change (a publication, a decision) is kept
even when the site cannot be reached: it waits in the outbox, and the message says so.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from redaction.domain.plural import counted
from redaction.services.errors import RefusedError

if TYPE_CHECKING:
    from redaction.services.site.context import SyncResult
    from redaction.storage.database import Database

STATUSES = ("approve", "spam", "trash", "pending")


class SiteCommandError(Exception):
    """A site command that did not (entirely) succeed; the message is the whole line."""


def add_parsers(
    sub: argparse._SubParsersAction, common: Callable[[argparse.ArgumentParser, bool], None]
) -> None:
    site = sub.add_parser("site", help="connect the newsroom's WordPress site, or show it")
    site_sub = site.add_subparsers(
        dest="site_command", metavar="SITE_COMMAND", required=True, parser_class=type(site)
    )
    connect = site_sub.add_parser(
        "connect",
        help="check and remember the WordPress site (REST API, application password)",
        description="Connect the WordPress site at URL as USER with an application password (WordPress: "
        "Users > Profile > Application Passwords). The password comes from $REDACTION_SITE_PASSWORD, "
        "else the system keyring, else it is asked for; it is kept in the system keyring when there "
        "is one, never in the database.",
    )
    connect.add_argument("url", metavar="URL")
    connect.add_argument("--user", required=True, metavar="USER")
    common(connect, True)
    status = site_sub.add_parser("status", help="the connected site and what waits for it")
    common(status, True)
    common(site, True)

    pub = sub.add_parser("publish", help="publish articles on the site (prints their public address)")
    pub.add_argument("ids", nargs="+", type=int, metavar="ID")
    pub.add_argument("--at", metavar="DATETIME", help="publication date (ISO 8601); in the future: scheduled")
    common(pub, True)
    unpub = sub.add_parser("unpublish", help="take articles off the site (back to draft, here and there)")
    unpub.add_argument("ids", nargs="+", type=int, metavar="ID")
    common(unpub, True)

    sync = sub.add_parser("sync", help="send what waits for the site, then receive new comments")
    sync.add_argument("--full", action="store_true", help="also compare every comment's status with the site")
    common(sync, True)

    mod = sub.add_parser("moderate", help="approve, spam, trash or send back to pending, as at the desk")
    mod.add_argument("decision", choices=STATUSES)
    mod.add_argument("ids", nargs="+", type=int, metavar="COMMENT_ID")
    common(mod, True)


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "command line"


def _password(url: str, user: str) -> str:
    from redaction.services.site import credentials
    from redaction.services.site.connect import normalize_url

    found = credentials.find_password(normalize_url(url), user)
    if found:
        return found
    if not sys.stdin or not sys.stdin.isatty():
        raise RefusedError(
            f"no application password for {user}: set ${credentials.ENV_VAR}, or run the command in a terminal to type it"
        )
    return getpass.getpass(f"Application password for {user} on {url}: ").strip()


def cmd_site(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from redaction.services.site.connect import connect_site, site_info
    from redaction.services.site.outbox import outbox_count
    from redaction.services.site.values import CONFLICT, FAILED, WAITING

    db = open_db(args)
    try:
        if args.site_command == "connect":
            done = connect_site(db, args.url, args.user, _password(args.url, args.user))
            site = done.site
            print(
                f"connected to “{site.name or site.url}” ({site.url}) as {site.user_name}; timezone {site.timezone}"
            )
            print(f"password: {done.password_kept}")
            for note in done.notes:
                print(f"note: {note}")
            return 0
        info = site_info(db)
        if info is None:
            print("no site is connected (redaction site connect URL --user USER)")
            return 0
        last = info.last_sync_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.last_sync_at else "never"
        print(f"{info.name or info.url} ({info.url}) as {info.user_name}; last sync: {last}")
        print(
            f"{counted(outbox_count(db, (WAITING,)), 'change')} waiting, {outbox_count(db, (CONFLICT,))} in conflict, "
            f"{outbox_count(db, (FAILED,))} refused by the site"
        )
        return 0
    finally:
        db.close()


def _parse_at(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise RefusedError(f"--at {text!r} is not a date and time (e.g. 2025-04-19T08:30)") from None
    return moment if moment.tzinfo else moment.astimezone()  # a time without zone is local time


def _push_after(db: Database, what: str) -> SyncResult:
    from redaction.services.site.errors import SiteError
    from redaction.services.site.outbox import outbox_count
    from redaction.services.site.sync import push_outbox

    try:
        return push_outbox(db)
    except SiteError as exc:
        waiting = outbox_count(db)
        raise SiteCommandError(
            f"{what} here, not yet on the site: {exc}; {counted(waiting, 'change')} waiting in the outbox "
            "('redaction sync' sends them)"
        ) from exc


def cmd_publish(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from redaction.services.site.publish import publish_articles, unpublish_articles

    unpublishing = args.command == "unpublish"
    at = None if unpublishing else _parse_at(args.at)
    db = open_db(args)
    try:
        if unpublishing:
            queued = unpublish_articles(db, args.ids, _actor())
        else:
            queued = publish_articles(db, args.ids, _actor(), at)
        result = _push_after(db, "unpublished" if unpublishing else "published")
        for q in queued:
            if unpublishing:
                print(f"unpublished {q.article_id} “{q.title}”: a draft on the site")
            elif q.article_id in result.links:
                when = (
                    f"scheduled for {q.scheduled.astimezone():%Y-%m-%d %H:%M}" if q.scheduled else "published"
                )
                print(f"{when} {q.article_id} “{q.title}”: {result.links[q.article_id]}")
        return _settle(result)
    finally:
        db.close()


def _settle(result: SyncResult) -> int:
    """Conflicts and refusals are printed; the exit status says something is left to do."""
    held = (
        [c.message for c in result.post_conflicts]
        + [c.message for c in result.comment_conflicts]
        + result.failed
    )
    for line in held:
        print(f"  {line}")
    if held:
        raise SiteCommandError(
            f"{counted(len(held), 'change')} held back or refused by the site (listed above)"
        )
    return 0


def cmd_sync(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from redaction.services.site.errors import SiteError
    from redaction.services.site.outbox import outbox_count
    from redaction.services.site.sync import sync

    db = open_db(args)
    try:
        try:
            result = sync(db, full=args.full)
        except SiteError as exc:
            if isinstance(exc, RefusedError):
                raise
            raise SiteCommandError(
                f"{exc}; {counted(outbox_count(db), 'change')} kept in the outbox"
            ) from exc
        lines = result.lines()
        held = (
            {c.message for c in result.post_conflicts}
            | {c.message for c in result.comment_conflicts}
            | set(result.failed)
        )
        for line in lines:
            if line not in held:
                print(line)
        return _settle(result)
    finally:
        db.close()


def cmd_moderate(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from sqlalchemy import select

    from redaction.services.moderation.queue import decide
    from redaction.services.site.outbox import outbox_count
    from redaction.storage.models import Comment

    status = {"approve": "approved"}.get(args.decision, args.decision)
    db = open_db(args)
    try:
        with db.session() as session:
            found = set(session.execute(select(Comment.id).where(Comment.id.in_(args.ids))).scalars())
        unknown = [i for i in args.ids if i not in found]
        if unknown:
            raise RefusedError(f"there is no comment {', '.join(map(str, unknown))}")
        before = outbox_count(db)
        decisions = decide(db, list(dict.fromkeys(args.ids)), status, _actor())
        queued = outbox_count(db) - before
        unchanged = len(set(args.ids)) - len(decisions)
        print(
            f"{status} {len(decisions)} comment{'s' if len(decisions) != 1 else ''}"
            + (f" ({unchanged} already {status})" if unchanged else "")
            + (
                f"; {counted(queued, 'decision')} waiting for the site ('redaction sync' sends them)"
                if queued > 0
                else ""
            )
        )
        return 0
    finally:
        db.close()


COMMANDS = {
    "site": cmd_site,
    "publish": cmd_publish,
    "unpublish": cmd_publish,
    "sync": cmd_sync,
    "moderate": cmd_moderate,
}
