"""The frozen app, as users get it: build it with packaging/build.sh, then run the executable.

These are the CI check for the PyInstaller build and take a few minutes. Locally:

    pytest -m "not frozen"             # skip them
    REDACTION_SKIP_FROZEN=1 pytest     # same, by environment
    REDACTION_FROZEN_APP=dist/redaction pytest -m frozen   # test an existing build, no rebuild
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.conftest import ROOT

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("REDACTION_SKIP_FROZEN") == "1", reason="REDACTION_SKIP_FROZEN=1"),
]

BUILD_TIMEOUT_S = 1800
SIZE_LIMIT_MB = 150


def _bash() -> str:
    """Git's bash on Windows (System32\\bash.exe is WSL, which cannot see this Python)."""
    if sys.platform == "win32":
        git_bash = Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Git" / "bin" / "bash.exe"
        if git_bash.is_file():
            return str(git_bash)
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is needed to run packaging/build.sh")
    return bash


@pytest.fixture(scope="module")
def app_dir() -> Path:
    existing = os.environ.get("REDACTION_FROZEN_APP")
    if existing:
        folder = Path(existing).resolve()
        assert folder.is_dir(), f"REDACTION_FROZEN_APP={existing} is not a folder"
        return folder
    result = subprocess.run(
        [_bash(), str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"build.sh failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return ROOT / "dist" / "redaction"


@pytest.fixture(scope="module")
def executable(app_dir: Path) -> Path:
    # On Windows the GUI executable has no console; its console twin runs the same code.
    name = "redaction-cli.exe" if sys.platform == "win32" else "redaction"
    path = app_dir / name
    assert path.is_file(), f"{path} is missing"
    return path


def run(executable: Path, *args: str, tmp: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the frozen app with its settings and data kept inside ``tmp``."""
    environment = dict(os.environ)
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        environment[key] = str(tmp / key.lower())
    environment.pop("REDACTION_DB", None)
    environment.update(env)
    return subprocess.run(
        [str(executable), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=environment,
        cwd=tmp,
        check=False,
    )


def test_version_matches_pyproject(executable: Path, tmp_path: Path, project: dict[str, Any]) -> None:
    result = run(executable, "--version", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"redaction {project['version']}"


def test_self_test_passes_every_check(executable: Path, tmp_path: Path) -> None:
    """The other half of the contract lives in ``redaction --self-test``: exit 0, one "ok" line a
    check (database and migrations, render, export, import), nothing failed."""
    result = run(executable, "--self-test", tmp=tmp_path)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    # The start cache the runtime hook begins is the window's: a command keeps nothing of it.
    assert not (tmp_path / "xdg_cache_home" / "redaction" / "start-compiled.marshal").exists()
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    ok = [line for line in lines if line.lower().startswith("ok")]
    assert len(ok) >= 3, result.stdout
    assert any("migration" in line for line in ok), "the Alembic scripts did not run from the bundle"
    assert "fail" not in result.stdout.lower() + result.stderr.lower()


def test_window_opens_and_paints_offscreen(executable: Path, tmp_path: Path) -> None:
    def start() -> None:
        result = run(
            executable,
            "--db",
            str(tmp_path / "newsroom.db"),
            tmp=tmp_path,
            QT_QPA_PLATFORM="offscreen",
            REDACTION_EXIT_AFTER_PAINT="1",
        )
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
        assert any(line.startswith("painted ") for line in result.stdout.splitlines()), result.stdout

    start()
    # What the start compiled is kept (redaction.start_cache), PySide6's patterns with it: the
    # runtime hook began the cache before PyInstaller's PySide6 hook imported Qt.
    compiled = tmp_path / "xdg_cache_home" / "redaction" / "start-compiled.marshal"
    kept = compiled.read_bytes()
    assert rb"typing\.Optional" in kept and b"__create_fn__" in kept
    start()
    assert compiled.read_bytes() == kept  # the second start compiled none of them afresh


def test_shiboken_support_modules_ship_compiled(app_dir: Path) -> None:
    # Without them shiboken compiles its signature loader, zipped in libshiboken as sources, at
    # every start (packaging/shiboken_files.py); the window test above shows they load.
    (files_dir,) = app_dir.rglob("shiboken6/files.dir")
    assert (files_dir / "shibokensupport" / "signature" / "loader.pyc").is_file()
    assert not list(files_dir.rglob("*.py"))


def test_the_first_screens_modules_ship_beside_the_archive(app_dir: Path) -> None:
    # Read as they are at every start instead of inflated from the archive
    # (packaging/first_screen.py); the window test above shows they load from there.
    internal = app_dir / "_internal" if (app_dir / "_internal").is_dir() else app_dir
    for module in (
        "redaction/ui/app.pyc",
        "redaction/ui/main_window.pyc",
        "redaction/services/first_screen.pyc",
    ):
        assert (internal / module).is_file(), module
    assert not (internal / "redaction" / "storage" / "database.pyc").exists()  # opened behind the window


def test_french_qt_translation_is_bundled(app_dir: Path) -> None:
    # Qt's own strings (Yes/No/Cancel in dialogs) stay English without it.
    assert list(app_dir.rglob("qtbase_fr.qm"))
    assert not list(app_dir.rglob("qtbase_de.qm"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the size target is for the Linux folder")
def test_unpacked_folder_stays_under_the_size_target(app_dir: Path) -> None:
    total = sum(p.stat().st_size for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink())
    assert total / 2**20 <= SIZE_LIMIT_MB, f"dist/redaction is {total / 2**20:.0f} MB"
