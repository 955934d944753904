"""Importing files, whatever their format: a registry of importers keyed by file suffix.

An importer is a function ``(path) -> ImportBatch`` that reads and checks one file without
touching the database, raising :class:`ImportRefusedError` (file, line, reason) for bad input.
The batch's ``store(session)`` then writes it inside the caller's unit of work. Every file is
read and checked first; then all batches are stored in ONE transaction, so an import brings in
all of its files or none of them. To add a format, register its suffixes::

    @register(".xml")
    def read_wordpress(path: Path) -> ImportBatch: ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from redaction.domain.images import format_size
from redaction.domain.limits import LONG_TEXT_CHARS, is_long_text
from redaction.services.errors import RefusedError
from redaction.storage.database import Database
from redaction.storage.patience import patient


class ImportRefusedError(RefusedError):
    """A file that cannot be imported; names the file and, when known, the line."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        where = f"{path}, line {line}" if line is not None else f"{path}"
        super().__init__(f"cannot import {where}: {reason}")
        self.path = Path(path)
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ImportResult:
    articles: int = 0
    comments: int = 0
    notes: tuple[str, ...] = ()  # details for the person who imported (skipped items, rules, …)
    warnings: tuple[str, ...] = ()  # imported, but worth a look (an article longer than any)

    def __add__(self, other: ImportResult) -> ImportResult:
        return ImportResult(
            self.articles + other.articles,
            self.comments + other.comments,
            self.notes + other.notes,
            self.warnings + other.warnings,
        )


def long_text_warning(source: Path, title: str, body: str) -> str | None:
    """What to say about an imported article longer than any a newsroom publishes (see
    :mod:`redaction.domain.limits`): it is imported whole all the same, nothing is cut."""
    if not is_long_text(body):
        return None
    return (
        f"{source.name}: “{title}” is {len(body):,} characters long, more than the {LONG_TEXT_CHARS:,} "
        "no article needs (ten times the longest long read); it was imported whole, and the editor "
        "opens it in long-text mode (no syntax colours or spell checking, a preview of its beginning)"
    )


class ImportBatch(Protocol):
    """What one file holds, checked and ready to be written."""

    @property
    def source(self) -> Path: ...

    def store(self, session: Session) -> ImportResult: ...


Importer = Callable[[Path], ImportBatch]
Progress = Callable[[int, int], None]

IMPORTERS: dict[str, Importer] = {}


def register(*suffixes: str) -> Callable[[Importer], Importer]:
    """Decorator: ``importer`` handles files ending in ``suffixes`` (".md", case-insensitive)."""

    def decorate(importer: Importer) -> Importer:
        for suffix in suffixes:
            IMPORTERS[suffix.lower()] = importer
        return importer

    return decorate


def _load_builtin_importers() -> None:
    # Imported for its @register side effect; kept here so callers need only this module.
    from redaction.services.exchange import csv_import, markdown_import, wxr_import  # noqa: F401


def supported_suffixes() -> list[str]:
    _load_builtin_importers()
    return sorted(IMPORTERS)


def importer_for(path: Path) -> Importer:
    _load_builtin_importers()
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        raise ImportRefusedError(path, "unsupported file type")
    return importer


MAX_IMPORT_BYTES = 2 * 1024**3  # one import is read into memory; a bigger export is split first
_HEAD_BYTES = 64 * 1024


def read_import_file(path: Path, kind: str) -> bytes:
    """The bytes of ``path``, refused early when they cannot be a file of ``kind`` ("CSV text"):
    too big to import, or binary (a NUL byte among the first 64 KB, found before reading the
    rest: a 1 GB file of zeros is refused at once). UTF-16 text, which holds NUL bytes, must
    start with its byte-order mark."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportRefusedError(
                path,
                f"it is {format_size(size)}, more than the {format_size(MAX_IMPORT_BYTES)} one import "
                "takes (split it into smaller files)",
            )
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
            nul = -1 if head.startswith((b"\xff\xfe", b"\xfe\xff")) else head.find(b"\x00")
            if nul >= 0:
                raise ImportRefusedError(
                    path,
                    f"it is a binary file, not {kind} (NUL byte at offset {nul})",
                    head.count(b"\n", 0, nul) + 1,
                )
            return head + fh.read()
    except OSError as exc:
        raise ImportRefusedError(path, exc.strerror or str(exc)) from None


def read_files(paths: Iterable[Path], progress: Progress | None = None) -> list[ImportBatch]:
    """Read and check every file; the first bad one raises ImportRefusedError."""
    paths = list(paths)
    importers = [importer_for(path) for path in paths]  # refuse unknown types before reading any
    batches: list[ImportBatch] = []
    for done, (path, importer) in enumerate(zip(paths, importers, strict=True)):
        if not path.exists():
            raise ImportRefusedError(path, "no such file")
        if path.is_dir():
            raise ImportRefusedError(path, "it is a folder, not a file")
        batches.append(importer(path))
        if progress is not None:
            progress(done + 1, len(paths))
    return batches


def store_batches(db: Database, batches: Sequence[ImportBatch]) -> ImportResult:
    """Write every batch in one transaction: on any error nothing at all is kept.

    A database that already holds articles is backed up first (an import is a bulk change a
    newsroom may want to undo as a whole); an empty one has nothing to lose.
    """
    if batches and _has_articles(db):
        from redaction.services.backup import backup_before

        backup_before(db, "import")
    return _store(db, batches)


@patient
def _store(db: Database, batches: Sequence[ImportBatch]) -> ImportResult:
    total = ImportResult()
    with db.session() as session:
        for batch in batches:
            total += batch.store(session)
    return total


def _has_articles(db: Database) -> bool:
    from sqlalchemy import select

    from redaction.storage.models import Article

    with db.session() as session:
        return session.execute(select(Article.id).limit(1)).first() is not None


def import_files(db: Database, paths: Iterable[Path], progress: Progress | None = None) -> ImportResult:
    """Read, check, then store ``paths`` all-or-nothing (the window and the CLI both use this)."""
    return store_batches(db, read_files(paths, progress))
