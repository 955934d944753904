"""`redaction export` names on stderr the images it could not export, and still succeeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Run

Runner = Callable[..., Run]


def test_export_warns_about_missing_images_on_stderr_and_succeeds(
    run: Runner, tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "marche.md"
    source.write_text("---\ntitle: Le marché\n---\n\n![Les étals](images/marche.jpg)\n", encoding="utf-8")
    assert run("import", source, "--db", db_path).status == 0
    result = run("export", "--format", "html", "--out", tmp_path / "site", "--db", db_path)
    assert result.status == 0
    assert result.out == f"exported 1 article to {tmp_path / 'site'}\n"
    assert result.err == "redaction: warning: le-marche.html: image not found: images/marche.jpg\n"
