"""The ``redaction`` command: the window by default, and demo, import, export, list, --self-test
(and the WordPress site's commands, in :mod:`redaction.cli_site`).

Exit status: 0 success, 2 bad usage or bad input (including a --db that is not a usable
database: it is left untouched), 1 anything else. Errors are one line on stderr starting with
"redaction: error: "; ``--debug`` adds the traceback. ``--db`` (a path or a SQLAlchemy URL) and
``--debug`` are accepted before or after the subcommand. Qt is imported only to open the window.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from redaction import __version__, start_cache
from redaction.cli_site import SiteCommandError
from redaction.cli_site import add_parsers as add_site_parsers
from redaction.services.errors import RefusedError
from redaction.services.site.errors import SiteError
from redaction.storage.errors import StorageError

if TYPE_CHECKING:
    from redaction.storage.database import Database

PROG = "redaction"
EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(RefusedError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line instead of argparse's usage dump, pointing at --help."""
        self.exit(EXIT_BAD_INPUT, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    # On subcommands the defaults are suppressed, so they never overwrite a value given before.
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file or SQLAlchemy URL (default: $REDACTION_DB, then the per-user database)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="show tracebacks and debugging output",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="A desktop editorial workstation for a newsroom.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation without a display, then exit"
    )
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo", help="fill a new database with sample articles and comments")
    _common(demo, suppress=True)

    imp = sub.add_parser(
        "import",
        help="import articles (Markdown, WordPress export) and comments (WordPress, CSV)",
        description="Import files, all of them or none. Markdown files (.md, .markdown) "
        "start with a YAML header between '---' lines: title (required), rubric, date (YYYY-MM-DD "
        "or ISO datetime), status, language (fr, en), tags (list or 'a, b'), standfirst, author, "
        "uuid, published. A uuid already in the database is refused, never overwritten: remove "
        "the uuid line to import the file as a new article. WordPress exports (.xml) bring posts "
        "and their comments; CSV files (.csv) bring comments on existing articles (columns in "
        "docs/import-formats.md). Importing the same export or CSV again adds nothing. New "
        "pending comments pass through the moderation rules.",
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _common(imp, suppress=True)

    exp = sub.add_parser("export", help="write one file per article to a folder")
    exp.add_argument("--format", required=True, choices=("md", "html"))
    exp.add_argument("--out", required=True, type=Path, metavar="DIR")
    exp.add_argument("--status", help="only articles with this status")
    _common(exp, suppress=True)

    lst = sub.add_parser("list", help="list articles or comments (a table, or --json)")
    lst.add_argument("what", choices=("articles", "comments"))
    lst.add_argument("--status", help="only rows with this status")
    lst.add_argument("--article", type=int, metavar="ID", help="only the comments of this article")
    lst.add_argument("--json", action="store_true", help="print one JSON array")
    lst.add_argument(
        "--all-kinds", action="store_true", help="comments: pingbacks and trackbacks too, not only readers'"
    )
    _common(lst, suppress=True)
    add_site_parsers(sub, _common)  # site, publish, unpublish, sync, moderate: redaction.cli_site
    return parser


def _open(args: argparse.Namespace) -> Database:
    # Imported here so that --version and --help do not pay for SQLAlchemy and Alembic.
    from sqlalchemy.exc import ArgumentError

    from redaction.config import choose_database
    from redaction.storage.database import Database

    choice = choose_database(args.db)
    target = choice.target
    if choice.missing:
        raise UsageError(
            f"the database chosen at first run, {target}, cannot be found (is its disk connected?); "
            "give another with --db"
        )
    if choice.source == "default":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        return Database.open(target)
    except (ArgumentError, ModuleNotFoundError) as exc:
        # An unknown URL scheme, or a server database whose driver is not installed.
        detail = f"the driver {exc.name!r} is not installed" if isinstance(exc, ModuleNotFoundError) else exc
        raise UsageError(f"cannot open the database {_shown(target)}: {detail}") from exc


def _shown(target: str) -> str:
    """``target`` fit for a message: a URL's password is never printed."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True) if "://" in target else target
    except Exception:
        return target.split("@")[-1]


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from redaction.ui.app import run_gui
    except ImportError as exc:
        raise RuntimeError(f"the window cannot start: {exc}") from exc
    return run_gui(args.db, debug=args.debug)


def cmd_self_test(args: argparse.Namespace) -> int:
    from redaction.services.selftest import run_self_test

    # A windowed frozen build may have no stdout at all; the exit status still tells.
    with open(os.devnull, "w") if sys.stdout is None else nullcontext(sys.stdout) as out:
        run_self_test(out)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from redaction.services.demo.fill import fill_demo

    db = _open(args)
    try:
        result = fill_demo(db)
    finally:
        db.close()
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(result.comments_by_status.items()))
    print(f"demo: {result.articles} articles and {result.comments} comments ({statuses}) in {db.location}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from redaction.services.exchange.importing import read_files, store_batches

    batches = read_files(args.files)  # every file checked before the database is touched
    db = _open(args)
    try:
        result = store_batches(db, batches)
    finally:
        db.close()
    what = f"{result.articles} article{'s' if result.articles != 1 else ''}"
    if result.comments:
        what += f" and {result.comments} comment{'s' if result.comments != 1 else ''}"
    print(printable(f"imported {what} into {db.location}"))
    for note in result.notes:
        print(printable(f"  {note}"))
    for warning in result.warnings:
        print(printable(f"{PROG}: warning: {warning}"), file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from redaction.services.exchange.export import export_articles

    db = _open(args)
    try:
        result = export_articles(db, args.out, args.format, args.status)
    finally:
        db.close()
    print(f"exported {result.count} article{'s' if result.count != 1 else ''} to {result.folder}")
    for warning in result.warnings:  # exported all the same: the status stays 0
        print(f"redaction: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from redaction.domain.workflow import ArticleStatus, CommentStatus
    from redaction.services.articles.editing import summary_of_in
    from redaction.services.exchange import listing

    articles = args.what == "articles"
    if articles and args.article is not None:
        raise UsageError("--article applies to 'list comments' only")
    if articles and args.all_kinds:
        raise UsageError("--all-kinds applies to 'list comments' only")
    if args.status:
        try:
            (ArticleStatus if articles else CommentStatus).parse(args.status)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    db = _open(args)
    try:
        with db.session() as session:
            if args.article is not None and summary_of_in(session, args.article) is None:
                raise UsageError(f"there is no article {args.article}")
            if articles:
                rows = listing.iter_article_rows_in(session, args.status)
                if args.json:
                    listing.write_json(map(listing.article_object, rows), sys.stdout)
                else:
                    listing.article_table(rows, sys.stdout)
            else:
                kinds = None if args.all_kinds else listing.READER_KINDS
                comments = listing.iter_comment_rows_in(session, args.status, args.article, kinds)
                if args.json:
                    listing.write_json(map(listing.comment_object, comments), sys.stdout)
                else:
                    listing.comment_table(comments, sys.stdout)
    finally:
        db.close()
    return EXIT_OK


COMMANDS = {"demo": cmd_demo, "import": cmd_import, "export": cmd_export, "list": cmd_list}


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters written as ``\\x1b``: a file named with a terminal
    escape sequence (or a carriage return hiding what comes before it) must not act on the
    terminal it is printed to."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _site_command(args: argparse.Namespace) -> int:
    from redaction.cli_site import COMMANDS as SITE_COMMANDS

    return SITE_COMMANDS[args.command](args, _open)


def _fail(message: str, status: int, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    if sys.stderr is not None:  # absent in a windowed frozen build
        line = printable(re.sub(r"[ \t\n]+", " ", message).strip())  # one line
        sys.stderr.write(f"{PROG}: error: {line or 'unknown error'}\n")
    return status


def window_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's own command lines (nothing, ``--db PATH`` or ``--db=PATH``, ``--debug``),
    read as the parser reads them but without building it and its twenty subcommands (~8 ms of
    every start); None for anything else, which the parser reads (and explains when wrong)."""
    db: str | None = None
    debug = False
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--debug" and not debug:
            debug = True
        elif word == "--db" and db is None and rest and rest[0] and not rest[0].startswith("-"):
            db = rest.pop(0)
        elif word.startswith("--db=") and db is None and len(word) > len("--db="):
            db = word[len("--db=") :]
        else:
            return None
    return argparse.Namespace(db=db, debug=debug, self_test=False, command=None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = window_only(arguments)
    if args is None:
        try:
            args = build_parser().parse_args(arguments)
        except SystemExit as exc:  # --help, --version and usage errors
            return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if args.self_test or args.command:
        # The frozen app's runtime hook began it for the window's start: not this command's.
        start_cache.end(keep=False)
    if args.self_test and args.command:
        return _fail("--self-test cannot be combined with a command", EXIT_BAD_INPUT, False)
    try:
        if args.self_test:
            return cmd_self_test(args)
        if args.command is None:
            return cmd_gui(args)
        return COMMANDS.get(args.command, _site_command)(args)
    except (RefusedError, StorageError) as exc:
        # A plain StorageError is an unexpected driver error, not the person's input.
        bad_input = type(exc) is not StorageError
        return _fail(str(exc), EXIT_BAD_INPUT if bad_input else EXIT_FAILURE, args.debug)
    except KeyboardInterrupt:
        return _fail("interrupted", 130, args.debug)
    except (SiteError, SiteCommandError) as exc:
        return _fail(str(exc), EXIT_FAILURE, args.debug)  # names the site and the reason: no hint
    except BrokenPipeError:
        # The reader of our output went away (| head): not worth a message. Point stdout at
        # devnull so that the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except Exception as exc:
        hint = "" if args.debug else " (run again with --debug for details)"
        return _fail(f"{str(exc) or type(exc).__name__}{hint}", EXIT_FAILURE, args.debug)
