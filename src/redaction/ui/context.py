"""One application context, handed to every window, panel and dialog (Anki's ``mw.col``/``aqt``
gui_hooks, Frescobaldi's app module, without globals).

It holds what every part of the window shares: the open :class:`Database`, who is at the desk
(:attr:`AppContext.actor`, from config.toml), the one :class:`ActionRegistry`, the
:class:`ChangeBus`, the moderation controller (decisions and their undo stack, shared by the desk
and the comments panel), the reports of background backups, and the preferences
(:mod:`redaction.ui.settings`). Parts talk to each other through it (signals, the bus, the
registry), never through each other's private attributes.

A start that paints before the database is open hands the context an
:class:`~redaction.services.opening.OpeningDatabase`: the change bus is attached, and ``db``
becomes the opened :class:`Database`, when the opening is done (``database_opened``); a failed
opening is told by ``opening_failed``.

The context lives as long as its database: the application (:mod:`redaction.ui.shell`) makes a
new one when it opens another database file or restores a backup, and keeps it across a window
rebuilt in another language (:meth:`retranslate`).
"""

from __future__ import annotations

import contextlib
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from redaction.services.opening import OpeningDatabase
from redaction.ui import settings as settings_module
from redaction.ui.actions import ActionRegistry
from redaction.ui.bus import POLL_MS, ChangeBus
from redaction.ui.operations import BackgroundBackups

if TYPE_CHECKING:
    from redaction.storage.database import Database
    from redaction.ui.moderation.controller import ModerationController


class AppContext(QObject):
    actor_changed = Signal(str)
    preferences_changed = Signal(object)  # frozenset of the option keys Preferences just changed
    # Requests to the application (:mod:`redaction.ui.shell`), which replaces the window: queued
    # there, since they come from inside a dialog of the window about to be closed.
    rebuild_requested = Signal()  # the interface language changed
    restore_requested = Signal(str)  # a backup file to put in place of the database
    open_requested = Signal(str)  # another database (a file path or URL) to work on
    # A sync the person asked for (F9) brought comments: queues on screen show them. A
    # background sync only moves counts (through the bus): it never reshuffles a queue.
    arrivals_shown = Signal()
    database_opened = Signal()  # the database behind the first screen is open
    opening_failed = Signal(str)  # … or could not be opened: why
    _opening_ended = Signal()  # from the opening thread

    def __init__(
        self, db: Database | OpeningDatabase, parent: QObject | None = None, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self.db: Database = db  # type: ignore[assignment]  # an OpeningDatabase stands for one
        self.settings: ModuleType = settings_module
        self.actions = ActionRegistry(self)
        opening = isinstance(db, OpeningDatabase)
        self.bus = ChangeBus(None if opening else db, self, poll_ms)
        self.backups = BackgroundBackups(self)
        self._actor = settings_module.user_name()
        self._moderation: ModerationController | None = None
        if isinstance(db, OpeningDatabase):
            self._opening: OpeningDatabase | None = db
            self._opening_ended.connect(self._opened, Qt.ConnectionType.QueuedConnection)
            db.add_done_listener(self._tell_opening_ended)
            if not db.opening:  # ended before the listener was added
                self._tell_opening_ended()
        else:
            self._opening = None

    @property
    def opening(self) -> bool:
        """True until the database behind the first screen is open and attached (the first
        screen is on display), or could not be opened."""
        return self._opening is not None

    def _tell_opening_ended(self) -> None:
        with contextlib.suppress(RuntimeError):  # the context is gone: the application closed
            self._opening_ended.emit()

    def _opened(self) -> None:
        opening, self._opening = self._opening, None
        if opening is None:  # told twice
            return
        screen, opening.first_screen = opening.first_screen, None
        try:
            db = opening.wait()
        except Exception as exc:  # a StorageError says what to do; anything else, at least what
            self.opening_failed.emit(str(exc))
            return
        finally:
            if screen is not None:
                screen.close()
        self.db = db
        self.bus.attach(db, since=screen.feed_position if screen is not None else None)
        self.database_opened.emit()

    @property
    def actor(self) -> str:
        """Who signs saves and decisions: the name in Preferences, else the system login."""
        return self._actor

    def refresh_actor(self) -> None:
        """Read the name again (Preferences changed it); tells ``actor_changed`` if it moved."""
        actor = settings_module.user_name()
        if actor != self._actor:
            self._actor = actor
            self.actor_changed.emit(actor)

    @property
    def moderation(self) -> ModerationController:
        """Decisions and their undo stack, made when first needed (the desk and the panel)."""
        if self._moderation is None:
            from redaction.ui.moderation.controller import ModerationController

            self._moderation = ModerationController(self)
        return self._moderation

    def retranslate(self) -> None:
        """After the interface language changed: action texts in the new language."""
        self.actions.retranslate()

    def close(self) -> None:
        self.bus.close()
        self.backups.close()
