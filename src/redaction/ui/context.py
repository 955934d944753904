"""One application context, handed to every window, panel and dialog (Anki's ``mw.col``/``aqt``
gui_hooks, Frescobaldi's app module, without globals).

It holds what every part of the window shares: the open :class:`Database`, who is at the desk
(:attr:`AppContext.actor`, from config.toml), the one :class:`ActionRegistry`, the
:class:`ChangeBus`, the moderation controller (decisions and their undo stack, shared by the desk
and the comments panel), the reports of background backups, and the preferences
(:mod:`redaction.ui.settings`). Parts talk to each other through it (signals, the bus, the
registry), never through each other's private attributes.

The context lives as long as its database: the application (:mod:`redaction.ui.shell`) makes a
new one when it opens another database file or restores a backup, and keeps it across a window
rebuilt in another language (:meth:`retranslate`).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from redaction.storage.database import Database
from redaction.ui import settings as settings_module
from redaction.ui.actions import ActionRegistry
from redaction.ui.bus import POLL_MS, ChangeBus
from redaction.ui.operations import BackgroundBackups

if TYPE_CHECKING:
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

    def __init__(self, db: Database, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db = db
        self.settings: ModuleType = settings_module
        self.actions = ActionRegistry(self)
        self.bus = ChangeBus(db, self, poll_ms)
        self.backups = BackgroundBackups(self)
        self._actor = settings_module.user_name()
        self._moderation: ModerationController | None = None

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
