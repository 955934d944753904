"""Hatch build hook: compile resources/translations/*.ts into .qm files when a wheel is built.

``pip install .`` and ``pip install -e .`` both run it, so an installed redaction finds its
``.qm`` files without a separate step. The ``.qm`` files are written beside the ``.ts`` (they
are git-ignored) and reach the wheel through the ``resources`` force-include in
pyproject.toml; an editable install reads them there. The compiler is ``src/redaction/qmfile.py``,
loaded by path: the isolated build environment has neither PySide6 (so no ``lrelease``) nor
redaction's dependencies. A failure here never fails the install: the app compiles a missing or
stale ``.qm`` itself at start-up (``redaction.ui.i18n``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        try:
            spec = importlib.util.spec_from_file_location(
                "_redaction_qmfile", root / "src/redaction/qmfile.py"
            )
            assert spec is not None and spec.loader is not None
            qmfile = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = qmfile  # dataclasses look their module up while being created
            spec.loader.exec_module(qmfile)
            for ts in sorted((root / "resources" / "translations").glob("*.ts")):
                qmfile.compile_file(ts, ts.with_suffix(".qm"))
        except Exception as exc:  # a missing .qm is rebuilt at start-up; never block an install
            self.app.display_warning(f"redaction: translations not compiled ({exc}); the app will do it")
