"""The page kept between sessions (redaction.render.kept): the next start shows it without
rendering, and it can never show other HTML than a render would."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from redaction.render import blocks, kept
from redaction.render.blocks import BlockRenderer, render_body
from redaction.render.incremental import IncrementalBody
from tests.render.test_blocks import DOCUMENTS

BODY = "\n\n".join(v for k, v in DOCUMENTS.items() if k != "reference links")
STAMP = "redaction test|markdown test"


def _page(text: str) -> IncrementalBody:
    body = IncrementalBody(BlockRenderer())
    body.reset(text)
    body.render_all()  # as the preview leaves it once laid in
    return body


def _reopened(path: Path, text: str, monkeypatch: pytest.MonkeyPatch, render: bool) -> tuple[str, list[str]]:
    """``text`` opened afresh from the page kept in ``path``: (its HTML, the Markdown that
    Python-Markdown was asked to convert; with ``render`` False it answers nothing)."""
    real = blocks.convert_whole
    asked: list[str] = []
    monkeypatch.setattr(blocks, "convert_whole", lambda md: asked.append(md) or (real(md) if render else ""))
    body = IncrementalBody(BlockRenderer())
    body.renderer.remember(kept.load(path, STAMP))
    body.reset(text)
    return body.html(), asked


def test_a_kept_page_is_shown_again_byte_for_byte_without_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / kept.FILE_NAME
    expected = render_body(BODY)
    assert kept.save(path, _page(BODY).remembered(kept.MAX_CHARS), STAMP)
    assert _reopened(path, BODY, monkeypatch, render=False) == (expected, [])


def test_a_body_edited_elsewhere_since_is_rendered_where_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / kept.FILE_NAME
    kept.save(path, _page(BODY).remembered(kept.MAX_CHARS), STAMP)
    edited = BODY.replace("Un paragraphe.", "Un paragraphe réécrit ailleurs.")
    expected = render_body(edited)
    html, asked = _reopened(path, edited, monkeypatch, render=True)
    assert html == expected
    assert len(asked) == 1 and "réécrit ailleurs" in asked[0]  # only the changed segment


def test_a_body_with_footnotes_is_kept_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Un fait[^1].\n\n## Plus loin\n\nAutre chose.\n\n[^1]: La source."
    path = tmp_path / kept.FILE_NAME
    body = IncrementalBody(BlockRenderer())
    body.reset(text)
    expected = body.html()
    assert "La source" in expected
    kept.save(path, body.remembered(kept.MAX_CHARS), STAMP)
    assert _reopened(path, text, monkeypatch, render=False) == (expected, [])


def test_a_long_read_keeps_its_opening_and_every_heading_within_the_limit() -> None:
    parts = [f"## Partie {i}\n\n" + "mot " * 200 for i in range(400)]
    body = IncrementalBody(BlockRenderer())
    body.reset("\n\n".join(parts))  # headings rendered at once; the rest waits for the preview
    for index in range(6):
        body.segment_html(index)  # the preview's first screen
    entries = body.remembered(20_000)
    kept_segments = {segment for segment, _context in entries}
    assert sum(map(len, kept_segments)) <= 20_000
    assert all(f"## Partie {i}" in kept_segments for i in range(400))  # what opening renders at once
    assert body.segments[1] in kept_segments  # and the first paragraph the page shows


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe binary",
        b'{"format": 1, "renderer": "redaction test|markdown test", "entries": [["a", "b"]]}',
        b'{"format": 1, "renderer": "redaction test|markdown test", "entries": {"a": 1}}',
        b'{"format": 99, "renderer": "redaction test|markdown test", "entries": []}',
        b"[1, 2, 3]",
        b'{"format": 1, "renderer": "redaction test|markdown test", "entries": [["a", "b", "c"]',
    ],
    ids=["empty", "binary", "short entry", "entries not a list", "other format", "a list", "cut"],
)
def test_a_damaged_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / kept.FILE_NAME
    path.write_bytes(content)
    assert kept.load(path, STAMP) == {}


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / kept.FILE_NAME
    entries = {
        (f"Paragraphe {i}", ""): "<p>" + "x" * 1000 + "</p>\n" for i in range(kept.MAX_FILE_BYTES // 1000)
    }
    kept.save(path, entries, STAMP)
    assert path.stat().st_size > kept.MAX_FILE_BYTES
    assert kept.load(path, STAMP) == {}


def test_a_file_from_another_renderer_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / kept.FILE_NAME
    kept.save(path, {("Texte", ""): "<p>Autre rendu</p>\n"}, "redaction 0.0.1|markdown 2.0")
    assert kept.load(path, STAMP) == {}
    assert kept.load(path, "redaction 0.0.1|markdown 2.0") == {("Texte", ""): "<p>Autre rendu</p>\n"}


def test_the_stamp_follows_the_renderer_s_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = kept.renderer_stamp()
    assert before == kept.renderer_stamp()
    source = Path(blocks.__file__)
    info = source.stat()
    try:
        os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        assert kept.renderer_stamp() != before  # a changed renderer ignores the old file
    finally:
        os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_keeps_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "cache" / kept.FILE_NAME
    kept.save(path, {("Texte", ""): "<p>Texte</p>\n"}, STAMP)
    path.parent.chmod(0o500)
    try:
        assert not kept.save(path, {("Autre", ""): "<p>Autre</p>\n"}, STAMP)
    finally:
        path.parent.chmod(0o700)
    assert kept.load(path, STAMP) == {("Texte", ""): "<p>Texte</p>\n"}


def test_a_full_disk_keeps_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / kept.FILE_NAME
    kept.save(path, {("Texte", ""): "<p>Texte</p>\n"}, STAMP)

    real_fdopen = os.fdopen

    class FullDisk:  # the file opens; writing to it fails as on a full disk
        def __init__(self, file: Any) -> None:
            self.file = file

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *_exc: object) -> None:
            self.file.close()

        def write(self, _data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, *args, **kwargs: FullDisk(real_fdopen(fd, *args, **kwargs)))
    assert not kept.save(path, {("Autre", ""): "<p>Autre</p>\n"}, STAMP)
    assert kept.load(path, STAMP) == {("Texte", ""): "<p>Texte</p>\n"}
    assert [p.name for p in tmp_path.iterdir()] == [kept.FILE_NAME]  # no half-written file left
