"""Every menu and toolbar, built in one place from the action registry.

The layouts are data (:data:`MAIN_MENUS`, :data:`DESK_MENUS`): a menu is a title and a list of
action names, ``None`` for a separator. Building a window's menus also attaches its window-wide
actions to the window itself, so that their shortcuts work whatever is hidden (focus mode hides
the menu bar and the toolbar; a shortcut that lived only there would die with them). Actions
scoped to a panel (A, S, D… in a comment queue) are attached by that panel, never window-wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from redaction.ui.actions import A, ActionName, ActionRegistry

translate = QCoreApplication.translate

Layout = Sequence[tuple[str, Sequence[ActionName | None]]]


def _main_menus() -> Layout:
    return [
        (
            translate("Menus", "&File"),
            [
                A.FILE_NEW,
                A.FILE_SAVE,
                None,
                A.FILE_OPEN_DATABASE,
                A.FILE_IMPORT,
                A.FILE_EXPORT,
                None,
                A.FILE_SITE,
                A.SITE_SYNC,
                None,
                A.FILE_RESTORE_BACKUP,
                A.FILE_PREFERENCES,
                None,
                A.FILE_QUIT,
            ],
        ),
        (
            translate("Menus", "&Edit"),
            [
                A.EDIT_UNDO,
                A.EDIT_REDO,
                None,
                A.EDIT_CUT,
                A.EDIT_COPY,
                A.EDIT_PASTE,
                A.EDIT_SELECT_ALL,
                None,
                A.EDIT_FIND,
                A.EDIT_REPLACE,
                A.EDIT_FIND_NEXT,
                A.EDIT_FIND_PREVIOUS,
                None,
                A.EDIT_TYPOGRAPHY,
                A.EDIT_INSERT_IMAGE,
            ],
        ),
        (
            translate("Menus", "F&ormat"),
            [
                A.FORMAT_BOLD,
                A.FORMAT_ITALIC,
                A.FORMAT_LINK,
                None,
                A.FORMAT_HEADING1,
                A.FORMAT_HEADING2,
                A.FORMAT_HEADING3,
                A.FORMAT_PARAGRAPH,
                None,
                A.FORMAT_QUOTE,
                A.FORMAT_BULLETS,
                A.FORMAT_NUMBERS,
            ],
        ),
        (
            translate("Menus", "&Article"),
            [
                A.EDIT_FIND_ARTICLE,
                A.ARTICLE_NEXT,
                A.ARTICLE_PREVIOUS,
                None,
                A.ARTICLE_SUBMIT,
                A.ARTICLE_READY,
                A.ARTICLE_PUBLISH,
                A.ARTICLE_PUBLISH_AT,
                A.ARTICLE_UNPUBLISH,
                None,
                A.ARTICLE_HISTORY,
                A.ARTICLE_TARGET,
                A.ARTICLE_CHECK,
                A.ARTICLE_RULES,
            ],
        ),
        (
            translate("Menus", "&Comments"),
            [
                A.COMMENT_FOCUS,
                A.MODERATION_DESK,
                None,
                A.COMMENT_APPROVE,
                A.COMMENT_SPAM,
                A.COMMENT_TRASH,
                A.COMMENT_PENDING,
                None,
                A.COMMENT_UNDO,
            ],
        ),
        (
            translate("Menus", "&View"),
            [
                A.VIEW_ARTICLES,
                A.VIEW_PREVIEW,
                A.VIEW_COMMENTS,
                A.VIEW_OUTLINE,
                A.VIEW_TOOLBAR,
                None,
                A.VIEW_FOCUS,
                A.VIEW_TYPEWRITER,
                A.VIEW_DIM,
            ],
        ),
        (translate("Menus", "&Help"), [A.HELP_SHORTCUTS, A.HELP_ABOUT]),
    ]


MAIN_TOOLBAR: Sequence[ActionName | None] = (
    A.FILE_NEW,
    A.FILE_SAVE,
    None,
    A.ARTICLE_SUBMIT,
    A.ARTICLE_READY,
    A.ARTICLE_PUBLISH,
    None,
    A.SITE_SYNC,
)


def _desk_menus() -> Layout:
    return [
        (
            translate("Menus", "&Queue"),
            [
                A.QUEUE_PENDING,
                A.QUEUE_APPROVED,
                A.QUEUE_SPAM,
                A.QUEUE_TRASH,
                A.QUEUE_ALL,
                None,
                A.QUEUE_NEXT,
                A.QUEUE_PREVIOUS,
                A.QUEUE_SEARCH,
                A.QUEUE_SCOPE,
                A.QUEUE_REFRESH,
                A.SITE_SYNC,
                None,
                A.QUEUE_MARK,
                A.QUEUE_MARK_ALL,
                A.QUEUE_CLEAR_MARKS,
            ],
        ),
        (
            translate("Menus", "&Comment"),
            [
                A.COMMENT_APPROVE,
                A.COMMENT_SPAM,
                A.COMMENT_TRASH,
                A.COMMENT_PENDING,
                None,
                A.COMMENT_APPROVE_MARKED,
                A.COMMENT_SPAM_MARKED,
                A.COMMENT_TRASH_MARKED,
                A.COMMENT_PENDING_MARKED,
                None,
                A.COMMENT_UNDO,
                A.COMMENT_REPLY,
                A.COMMENT_DOSSIER,
            ],
        ),
        (
            translate("Menus", "&Moderation"),
            [A.MODERATION_LOG, A.MODERATION_DASHBOARD, A.MODERATION_RULES],
        ),
        (translate("Menus", "&Help"), [A.HELP_DESK_KEYS]),
    ]


def _fill(menu: QMenu | QToolBar, registry: ActionRegistry, names: Sequence[ActionName | None]) -> None:
    for name in names:
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(registry[name])


def _build(window: QMainWindow, registry: ActionRegistry, layout: Layout) -> dict[str, QMenu]:
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    window_wide: list[ActionName] = []
    for title, names in layout:
        menu = bar.addMenu(title)
        _fill(menu, registry, names)
        menus[title] = menu
        for name in names:
            if name is not None and registry[name].shortcutContext() == Qt.ShortcutContext.WindowShortcut:
                window_wide.append(name)
    registry.attach(window, window_wide)
    return menus


def build_main_menus(window: QMainWindow, registry: ActionRegistry) -> QToolBar:
    """The main window's menu bar and toolbar; returns the toolbar."""
    _build(window, registry, _main_menus())
    toolbar = window.addToolBar(translate("Menus", "Main"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    _fill(toolbar, registry, MAIN_TOOLBAR)
    return toolbar


def build_desk_menus(window: QMainWindow, registry: ActionRegistry) -> None:
    _build(window, registry, _desk_menus())


def main_menu_names() -> list[ActionName]:
    """Every action the main window's menus offer (for the shortcut help and tests)."""
    return [name for _title, names in _main_menus() for name in names if name is not None]


def shortcut_groups() -> list[tuple[str, list[ActionName]]]:
    """Every action by the menu that offers it, for the shortcut help: the main window's menus,
    then the desk's (titled "Moderation Desk ▸ …"); an action in two menus is in its first."""
    seen: set[ActionName] = set()
    groups: list[tuple[str, list[ActionName]]] = []
    desk = translate("Menus", "Moderation Desk")
    for prefix, layout in (("", _main_menus()), (desk, _desk_menus())):
        for title, names in layout:
            plain = title.replace("&", "")
            fresh = [name for name in names if name is not None and name not in seen]
            seen.update(fresh)
            if fresh:
                groups.append((f"{prefix} ▸ {plain}" if prefix else plain, fresh))
    return groups
