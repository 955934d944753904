"""Who hears how the background backup copies end (:func:`redaction.services.backup.protect_bulk`).

Apart from :mod:`redaction.services.backup` so that the window can listen from its first moment
without loading the backup machinery (and its storage layer) before it paints.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redaction.storage.backups import BackupError, BackupInfo

BackupListener = Callable[["BackupInfo | BackupError"], object]
_listeners: list[BackupListener] = []


def add_backup_listener(listener: BackupListener) -> None:
    """Tell ``listener`` how each background copy ended (called in the copying thread)."""
    _listeners.append(listener)


def remove_backup_listener(listener: BackupListener) -> None:
    with contextlib.suppress(ValueError):
        _listeners.remove(listener)


def tell_listeners(outcome: BackupInfo | BackupError) -> None:
    for listener in list(_listeners):
        listener(outcome)
