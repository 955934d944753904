"""Every command of the window in one registry, named ``<menu>_<verb>``.

Menus, toolbars and the shortcut help all read from here; shortcuts have defaults and user
overrides kept in QSettings under ``shortcuts/<name>`` (Frescobaldi's actioncollection, Picard's
actions). Texts are translated when the registry is built, so build it after the translator; they
are written out as ``translate("Actions", "...")`` because lupdate extracts only literal calls
of ``translate``/``tr``, never strings passed through a helper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from redaction.ui import settings

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey = ""
    tip: str = ""
    checkable: bool = False
    widget_scope: bool = False  # only while the owning panel has focus (single-key shortcuts)
    short_text: str = ""  # on buttons, where the menu text is too long


def specs() -> list[ActionSpec]:
    """The catalogue. Translated at call time."""
    std = QKeySequence.StandardKey
    return [
        ActionSpec(
            "file_new",
            translate("Actions", "&New Article"),
            std.New,
            translate("Actions", "Create a new draft article"),
        ),
        ActionSpec(
            "file_save",
            translate("Actions", "&Save"),
            std.Save,
            translate("Actions", "Save the article and keep a revision"),
        ),
        ActionSpec(
            "file_restore_backup",
            translate("Actions", "Restore from &Backup…"),
            tip=translate("Actions", "Back up the database, or go back to an earlier backup"),
        ),
        ActionSpec(
            "file_preferences",
            translate("Actions", "&Preferences…"),
            "Ctrl+,",
            translate("Actions", "Your name and role, languages, theme and shortcuts"),
        ),
        ActionSpec(
            "file_quit",
            translate("Actions", "&Quit"),
            std.Quit,
            translate("Actions", "Save and quit"),
        ),
        ActionSpec(
            "edit_find_article",
            translate("Actions", "&Filter Articles"),
            "Ctrl+L",
            translate("Actions", "Type to filter the article list"),
        ),
        ActionSpec(
            "article_next",
            translate("Actions", "&Next Article"),
            "Ctrl+PgDown",
            translate("Actions", "Open the next article in the list"),
        ),
        ActionSpec(
            "article_previous",
            translate("Actions", "&Previous Article"),
            "Ctrl+PgUp",
            translate("Actions", "Open the previous article"),
        ),
        ActionSpec(
            "article_submit",
            translate("Actions", "Send to &Review"),
            "Ctrl+Shift+R",
            translate("Actions", "Move the article to review"),
        ),
        ActionSpec(
            "article_ready",
            translate("Actions", "Mark &Ready"),
            "Ctrl+Shift+Y",
            translate("Actions", "Mark the article ready to publish"),
        ),
        ActionSpec(
            "article_publish",
            translate("Actions", "&Publish"),
            "Ctrl+Shift+P",
            translate("Actions", "Publish the article"),
        ),
        ActionSpec(
            "comment_approve",
            translate("Actions", "&Approve"),
            "A",
            translate("Actions", "Approve the selected comments"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_spam",
            translate("Actions", "Mark as &Spam"),
            "S",
            translate("Actions", "Mark the selected comments as spam"),
            short_text=translate("Actions", "Spam"),  # on the panel's buttons
            widget_scope=True,
        ),
        ActionSpec(
            "comment_trash",
            translate("Actions", "&Trash"),
            "D",
            translate("Actions", "Move the selected comments to the trash"),
            short_text=translate("Actions", "Trash"),  # on the panel's buttons
            widget_scope=True,
        ),
        ActionSpec(
            "comment_pending",
            translate("Actions", "Back to &Pending"),
            "U",
            translate("Actions", "Send the selected comments back to pending"),
            short_text=translate("Actions", "Pending"),  # on the panel's buttons
            widget_scope=True,
        ),
        ActionSpec(
            "comment_focus",
            translate("Actions", "&Go to Comments"),
            "Ctrl+M",
            translate("Actions", "Move the keyboard to the comment queue"),
        ),
        ActionSpec(
            "moderation_desk",
            translate("Actions", "&Moderation Desk"),
            "Ctrl+Shift+M",
            translate("Actions", "Open the moderation desk: every comment queue across articles"),
        ),
        ActionSpec(
            "comment_approve_marked",
            translate("Actions", "Approve &Marked"),
            "Shift+A",
            translate("Actions", "Approve the marked (or selected) comments"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_spam_marked",
            translate("Actions", "Spam Mar&ked"),
            "Shift+S",
            translate("Actions", "Mark the marked (or selected) comments as spam"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_trash_marked",
            translate("Actions", "Tras&h Marked"),
            "Shift+D",
            translate("Actions", "Move the marked (or selected) comments to the trash"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_pending_marked",
            translate("Actions", "Marked Back to P&ending"),
            "Shift+U",
            translate("Actions", "Send the marked (or selected) comments back to pending"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_undo",
            translate("Actions", "&Undo Decision"),
            "Z",
            translate("Actions", "Undo the last decision (several levels, bulk decisions included)"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_reply",
            translate("Actions", "&Reply as the Newsroom…"),
            "R",
            translate("Actions", "Publish a reply under this comment, signed with your name"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_dossier",
            translate("Actions", "Commenter &Dossier…"),
            "O",
            translate("Actions", "Everything this reader wrote, across articles"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_next",
            translate("Actions", "&Next Comment"),
            "J",
            translate("Actions", "Go to the next comment"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_previous",
            translate("Actions", "&Previous Comment"),
            "K",
            translate("Actions", "Go to the previous comment"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_mark",
            translate("Actions", "&Mark / Unmark"),
            "X",
            translate("Actions", "Mark or unmark this comment for a decision on the marked ones"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_mark_all",
            translate("Actions", "Mark &All Matching"),
            "Shift+X",
            translate("Actions", "Mark every comment of this queue and filter, loaded or not"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_clear_marks",
            translate("Actions", "&Clear Marks"),
            "Ctrl+Shift+X",
            translate("Actions", "Unmark every comment"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_search",
            translate("Actions", "&Search Comments"),
            "/",
            translate("Actions", "Type words of the comments to find"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_pending",
            translate("Actions", "Pending &Queue"),
            "1",
            widget_scope=True,
        ),
        ActionSpec(
            "queue_approved",
            translate("Actions", "&Approved Queue"),
            "2",
            widget_scope=True,
        ),
        ActionSpec(
            "queue_spam",
            translate("Actions", "&Spam Queue"),
            "3",
            widget_scope=True,
        ),
        ActionSpec(
            "queue_trash",
            translate("Actions", "&Trash Queue"),
            "4",
            widget_scope=True,
        ),
        ActionSpec(
            "queue_all",
            translate("Actions", "A&ll Comments"),
            "5",
            widget_scope=True,
        ),
        ActionSpec(
            "queue_scope",
            translate("Actions", "All Articles / &This Article"),
            "Ctrl+Shift+T",
            translate("Actions", "Switch between every article and the article open in the main window"),
            widget_scope=True,
        ),
        ActionSpec(
            "queue_refresh",
            translate("Actions", "&Refresh"),
            "F5",
            translate("Actions", "Read the queue and its counts again"),
            widget_scope=True,
        ),
        ActionSpec(
            "moderation_log",
            translate("Actions", "Decision &Log"),
            "Ctrl+Shift+L",
            translate("Actions", "Every moderation decision, who took it and when; undo from there"),
        ),
        ActionSpec(
            "moderation_dashboard",
            translate("Actions", "&Dashboard"),
            "Ctrl+Shift+B",
            translate("Actions", "Comments per day, backlog, time to decision, most-commented articles"),
        ),
        ActionSpec(
            "moderation_rules",
            translate("Actions", "&Rules…"),
            "Ctrl+Shift+E",
            translate("Actions", "Edit the moderation rules and try them on the pending queue"),
        ),
        ActionSpec(
            "help_desk_keys",
            translate("Actions", "&Keyboard Shortcuts"),
            "?",
            translate("Actions", "Show every shortcut of the desk"),
            widget_scope=True,
        ),
        ActionSpec(
            "article_history",
            translate("Actions", "Revision &History…"),
            "Ctrl+Shift+H",
            translate("Actions", "Compare and restore earlier versions of the article"),
        ),
        ActionSpec(
            "article_target",
            translate("Actions", "Length &Target…"),
            tip=translate("Actions", "How long the article should be, in signs or words"),
        ),
        ActionSpec(
            "article_rules",
            translate("Actions", "Edit House &Rules…"),
            tip=translate(
                "Actions", "Required fields, headline length and banned phrases, for the whole newsroom"
            ),
        ),
        ActionSpec(
            "article_check",
            translate("Actions", "Check &House Rules"),
            "Ctrl+Shift+K",
            translate("Actions", "List what must be fixed before the article can be ready"),
        ),
        ActionSpec(
            "edit_find",
            translate("Actions", "&Find…"),
            std.Find,
            translate("Actions", "Find in the article text"),
        ),
        ActionSpec(
            "edit_replace",
            translate("Actions", "Find and &Replace…"),
            "Ctrl+H",
            translate("Actions", "Replace in the article text"),
        ),
        ActionSpec("edit_find_next", translate("Actions", "Find &Next"), std.FindNext),
        ActionSpec("edit_find_previous", translate("Actions", "Find Pre&vious"), std.FindPrevious),
        ActionSpec(
            "edit_typography",
            translate("Actions", "Apply &Typography"),
            "Ctrl+Alt+T",
            translate("Actions", "No-break spaces, typographic quotes and apostrophes, ellipses"),
        ),
        ActionSpec(
            "edit_insert_image",
            translate("Actions", "Insert &Image…"),
            "Ctrl+Shift+I",
            translate("Actions", "Insert a picture from a file"),
        ),
        ActionSpec(
            "view_focus",
            translate("Actions", "&Focus Mode"),
            "F11",
            translate("Actions", "Hide everything but the text"),
            checkable=True,
        ),
        ActionSpec(
            "view_outline",
            translate("Actions", "&Outline"),
            "Ctrl+Shift+O",
            translate("Actions", "Show the article's headings beside the editor"),
            checkable=True,
        ),
        ActionSpec(
            "view_articles",
            translate("Actions", "&Article List"),
            "Ctrl+Shift+1",
            checkable=True,
        ),
        ActionSpec(
            "view_comments",
            translate("Actions", "&Comments"),
            "Ctrl+Shift+3",
            checkable=True,
        ),
        ActionSpec("view_preview", translate("Actions", "&Preview"), "Ctrl+Shift+2", checkable=True),
        ActionSpec("help_shortcuts", translate("Actions", "&Keyboard Shortcuts"), "F1"),
        ActionSpec("help_about", translate("Actions", "&About redaction")),
    ]


def _sequence(shortcut: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)
    return [QKeySequence(shortcut)] if shortcut else []


class ActionRegistry(QObject):
    """Owns the QActions; look them up by name."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._specs: dict[str, ActionSpec] = {}
        store = settings.settings()
        for spec in specs():
            action = QAction(spec.text, parent)
            action.setObjectName(spec.name)
            action.setCheckable(spec.checkable)
            if spec.short_text:
                action.setIconText(spec.short_text)
            if spec.tip:
                action.setStatusTip(spec.tip)
            if spec.widget_scope:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._actions[spec.name] = action
            self._specs[spec.name] = spec
            key = f"shortcuts/{spec.name}"
            # An override of "" means "no shortcut", which is not the same as no override.
            override = store.value(key) if store.contains(key) else None
            if isinstance(override, list):  # "Ctrl+," hand-written in the INI file reads as a list
                override = ",".join(override)
            self._apply(spec.name, _sequence(str(override)) if override is not None else None)

    def default_shortcuts(self, name: str) -> list[QKeySequence]:
        return _sequence(self._specs[name].shortcut)

    def set_shortcut(self, name: str, keys: QKeySequence | None) -> None:
        """Override ``name``'s shortcut now and for later sessions (an empty sequence removes
        it); None goes back to the default."""
        key = f"shortcuts/{name}"
        store = settings.settings()
        if keys is None:
            store.remove(key)
            self._apply(name, None)
        else:
            text = keys.toString(QKeySequence.SequenceFormat.PortableText)
            store.setValue(key, text)
            self._apply(name, _sequence(text))

    def _apply(self, name: str, keys: list[QKeySequence] | None) -> None:
        spec, action = self._specs[name], self._actions[name]
        keys = self.default_shortcuts(name) if keys is None else keys
        action.setShortcuts(keys)
        if spec.tip:
            shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
            action.setToolTip(f"{spec.tip} ({shown})" if shown else spec.tip)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def connect(self, name: str, slot: Callable[..., object]) -> None:
        self._actions[name].triggered.connect(slot)

    def items(self) -> list[tuple[ActionSpec, QAction]]:
        return [(self._specs[n], a) for n, a in self._actions.items()]
