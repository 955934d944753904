"""The layers below the window never import Qt (DESIGN.md: layers, one direction only)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import importlib, pkgutil, sys
import redaction
for package in ("domain", "render", "storage", "services"):
    module = importlib.import_module(f"redaction.{package}")
    for info in pkgutil.walk_packages(module.__path__, f"redaction.{package}."):
        if ".migrations" not in info.name:  # Alembic scripts run only inside Alembic
            importlib.import_module(info.name)
importlib.import_module("redaction.cli")
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "redaction.ui")))
print(qt)
"""


def test_services_storage_render_domain_and_cli_import_without_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
