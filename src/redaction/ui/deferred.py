"""Modules of the layers under the window that are imported when first used, not when the window's
modules are.

The window paints its first screen before SQLAlchemy, the models and the services are loaded (a
third of a second of the start; see :mod:`redaction.ui.app`), so its modules name a service
module as ``article_service = deferred("redaction.services.articles.editing")`` rather than with
an import statement. The module is imported the first time one of its attributes is read: by
then the start's loader has normally imported it on its own thread, and if it is still at it,
the import waits for it (Python's import lock) instead of doing the work twice.

The values those modules hand over (``ArticleFields``, ``QueueFilter``, ``Changes``…) live in
modules without SQLAlchemy (``*.values``, ``storage.changeset``) and are imported as usual.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class DeferredModule:
    """Stands for the module ``name`` until one of its attributes is read."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "imported" if self._module is not None else "not imported yet"
        return f"<deferred module {self._name!r}, {state}>"


def deferred(name: str) -> Any:
    """The module ``name``, imported when one of its attributes is first read."""
    return DeferredModule(name)
