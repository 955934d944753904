"""packaging/install.sh, run on a stand-in for the unpacked archive with HOME in a temp folder:
what a user without root gets in their menu, on their PATH and in their icon theme."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import APP_ID, PACKAGING, RESOURCES

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="install.sh is for Linux desktops"
)


def fake_unpacked_archive(where: Path, version: str) -> Path:
    """The layout build.sh archives: redaction/{redaction, install.sh, _internal/resources/}."""
    app = where / "redaction"
    shutil.copytree(RESOURCES, app / "_internal" / "resources")
    launcher = app / "redaction"
    launcher.write_text(f"#!/bin/sh\necho redaction {version}\n")
    launcher.chmod(0o755)
    shutil.copy(PACKAGING / "install.sh", app / "install.sh")
    return app


def run_install(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "PREFIX"}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")
    return subprocess.run(
        ["bash", str(app / "install.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_install_upgrade_and_uninstall_without_root(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    local = home / ".local"
    first = fake_unpacked_archive(tmp_path / "v1", "1.0")

    result = run_install(first, home)
    assert result.returncode == 0, result.stderr
    assert "redaction installed" in result.stdout
    assert "not on your PATH" in result.stdout  # ~/.local/bin was left out of PATH above

    command = local / "bin" / "redaction"
    assert command.is_symlink()
    assert subprocess.run([command], capture_output=True, text=True, check=True).stdout == "redaction 1.0\n"

    desktop = (local / "share/applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    installed = local / "opt" / "redaction" / "redaction"
    assert f"\nExec={installed}\n" in desktop  # absolute: menus do not always have ~/.local/bin on PATH
    assert "Name[fr]=Rédaction" in desktop
    for size in (16, 48, 256, 512):
        icon = local / "share/icons/hicolor" / f"{size}x{size}" / "apps" / "redaction.png"
        assert icon.read_bytes() == (RESOURCES / "icons" / f"redaction-{size}.png").read_bytes()
    assert (local / "share/icons/hicolor/scalable/apps/redaction.svg").is_file()
    assert (local / "share/metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    # Upgrading from a newer archive replaces the program; leaves no staging folders behind.
    second = fake_unpacked_archive(tmp_path / "v2", "2.0")
    assert run_install(second, home).returncode == 0
    assert subprocess.run([command], capture_output=True, text=True, check=True).stdout == "redaction 2.0\n"
    assert sorted(p.name for p in (local / "opt").iterdir()) == ["redaction"]

    # Uninstalling removes what install.sh put there and nothing else.
    other = local / "share/applications/other.desktop"
    other.write_text("[Desktop Entry]\n")
    result = run_install(second, home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not command.exists() and not command.is_symlink()
    assert not (local / "opt" / "redaction").exists()
    assert not (local / "share/applications" / f"{APP_ID}.desktop").exists()
    assert not list((local / "share/icons").rglob("redaction.*"))
    assert other.is_file()


def test_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    app = fake_unpacked_archive(tmp_path, "1.0")
    (app / "redaction").unlink()
    result = run_install(app, tmp_path)
    assert result.returncode != 0
    assert "run install.sh from the unpacked redaction folder" in result.stderr
    assert not (tmp_path / ".local" / "bin").exists()
