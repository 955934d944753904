"""The catalogue of every command: its name (:class:`ActionName`), text, default shortcut and tip.

Texts are translated when :func:`specs` is called, so call it after the translator is installed;
they are written out as ``translate("Actions", "...")`` because lupdate extracts only literal
calls of ``translate``/``tr``, never strings passed through a helper.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

translate = QCoreApplication.translate


class ActionName(StrEnum):
    """Every command's name, ``<menu>_<verb>``: the key of its shortcut override in QSettings."""

    FILE_NEW = "file_new"
    FILE_SAVE = "file_save"
    FILE_RESTORE_BACKUP = "file_restore_backup"
    FILE_PREFERENCES = "file_preferences"
    FILE_QUIT = "file_quit"
    EDIT_FIND_ARTICLE = "edit_find_article"
    ARTICLE_NEXT = "article_next"
    ARTICLE_PREVIOUS = "article_previous"
    ARTICLE_SUBMIT = "article_submit"
    ARTICLE_READY = "article_ready"
    ARTICLE_PUBLISH = "article_publish"
    COMMENT_APPROVE = "comment_approve"
    COMMENT_SPAM = "comment_spam"
    COMMENT_TRASH = "comment_trash"
    COMMENT_PENDING = "comment_pending"
    COMMENT_FOCUS = "comment_focus"
    MODERATION_DESK = "moderation_desk"
    COMMENT_APPROVE_MARKED = "comment_approve_marked"
    COMMENT_SPAM_MARKED = "comment_spam_marked"
    COMMENT_TRASH_MARKED = "comment_trash_marked"
    COMMENT_PENDING_MARKED = "comment_pending_marked"
    COMMENT_UNDO = "comment_undo"
    COMMENT_REPLY = "comment_reply"
    COMMENT_DOSSIER = "comment_dossier"
    QUEUE_NEXT = "queue_next"
    QUEUE_PREVIOUS = "queue_previous"
    QUEUE_MARK = "queue_mark"
    QUEUE_MARK_ALL = "queue_mark_all"
    QUEUE_CLEAR_MARKS = "queue_clear_marks"
    QUEUE_SEARCH = "queue_search"
    QUEUE_PENDING = "queue_pending"
    QUEUE_APPROVED = "queue_approved"
    QUEUE_SPAM = "queue_spam"
    QUEUE_TRASH = "queue_trash"
    QUEUE_ALL = "queue_all"
    QUEUE_SCOPE = "queue_scope"
    QUEUE_REFRESH = "queue_refresh"
    MODERATION_LOG = "moderation_log"
    MODERATION_DASHBOARD = "moderation_dashboard"
    MODERATION_RULES = "moderation_rules"
    HELP_DESK_KEYS = "help_desk_keys"
    ARTICLE_HISTORY = "article_history"
    ARTICLE_TARGET = "article_target"
    ARTICLE_RULES = "article_rules"
    ARTICLE_CHECK = "article_check"
    EDIT_FIND = "edit_find"
    EDIT_REPLACE = "edit_replace"
    EDIT_FIND_NEXT = "edit_find_next"
    EDIT_FIND_PREVIOUS = "edit_find_previous"
    EDIT_TYPOGRAPHY = "edit_typography"
    EDIT_INSERT_IMAGE = "edit_insert_image"
    VIEW_FOCUS = "view_focus"
    VIEW_TYPEWRITER = "view_typewriter"
    VIEW_DIM = "view_dim"
    VIEW_OUTLINE = "view_outline"
    VIEW_ARTICLES = "view_articles"
    VIEW_COMMENTS = "view_comments"
    VIEW_PREVIEW = "view_preview"
    FILE_OPEN_DATABASE = "file_open_database"
    FILE_IMPORT = "file_import"
    FILE_EXPORT = "file_export"
    EDIT_UNDO = "edit_undo"
    EDIT_REDO = "edit_redo"
    EDIT_CUT = "edit_cut"
    EDIT_COPY = "edit_copy"
    EDIT_PASTE = "edit_paste"
    EDIT_SELECT_ALL = "edit_select_all"
    FORMAT_BOLD = "format_bold"
    FORMAT_ITALIC = "format_italic"
    FORMAT_LINK = "format_link"
    FORMAT_HEADING1 = "format_heading1"
    FORMAT_HEADING2 = "format_heading2"
    FORMAT_HEADING3 = "format_heading3"
    FORMAT_PARAGRAPH = "format_paragraph"
    FORMAT_QUOTE = "format_quote"
    FORMAT_BULLETS = "format_bullets"
    FORMAT_NUMBERS = "format_numbers"
    VIEW_TOOLBAR = "view_toolbar"
    HELP_SHORTCUTS = "help_shortcuts"
    HELP_ABOUT = "help_about"
    FILE_SITE = "file_site"
    SITE_SYNC = "site_sync"
    ARTICLE_UNPUBLISH = "article_unpublish"
    ARTICLE_PUBLISH_AT = "article_publish_at"


A = ActionName  # short, for the long lists of names in menus and panels


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey = ""
    tip: str = ""
    checkable: bool = False
    widget_scope: bool = False  # only while the owning panel has focus (single-key shortcuts)
    short_text: str = ""  # on buttons, where the menu text is too long
    editor_key: bool = False  # claimed by the body editor while it has focus (see MarkdownEdit)


def specs() -> list[ActionSpec]:
    """The catalogue. Translated at call time."""
    std = QKeySequence.StandardKey
    return [
        ActionSpec(
            A.FILE_NEW,
            translate("Actions", "&New Article"),
            std.New,
            translate("Actions", "Create a new draft article"),
        ),
        ActionSpec(
            A.FILE_SAVE,
            translate("Actions", "&Save"),
            std.Save,
            translate("Actions", "Save the article and keep a revision"),
        ),
        ActionSpec(
            A.FILE_RESTORE_BACKUP,
            translate("Actions", "Restore from &Backup…"),
            tip=translate("Actions", "Back up the database, or go back to an earlier backup"),
        ),
        ActionSpec(
            A.FILE_PREFERENCES,
            translate("Actions", "&Preferences…"),
            "Ctrl+,",
            translate("Actions", "Your name and role, languages, theme and shortcuts"),
        ),
        ActionSpec(
            A.FILE_QUIT,
            translate("Actions", "&Quit"),
            std.Quit,
            translate("Actions", "Save and quit"),
        ),
        ActionSpec(
            A.EDIT_FIND_ARTICLE,
            translate("Actions", "&Filter Articles"),
            "Ctrl+L",
            translate("Actions", "Type to filter the article list"),
        ),
        ActionSpec(
            A.ARTICLE_NEXT,
            translate("Actions", "&Next Article"),
            "Ctrl+PgDown",
            translate("Actions", "Open the next article in the list"),
        ),
        ActionSpec(
            A.ARTICLE_PREVIOUS,
            translate("Actions", "&Previous Article"),
            "Ctrl+PgUp",
            translate("Actions", "Open the previous article"),
        ),
        ActionSpec(
            A.ARTICLE_SUBMIT,
            translate("Actions", "Send to &Review"),
            "Ctrl+Shift+R",
            translate("Actions", "Move the article to review"),
        ),
        ActionSpec(
            A.ARTICLE_READY,
            translate("Actions", "Mark &Ready"),
            "Ctrl+Shift+Y",
            translate("Actions", "Mark the article ready to publish"),
        ),
        ActionSpec(
            A.ARTICLE_PUBLISH,
            translate("Actions", "&Publish"),
            "Ctrl+Shift+P",
            translate("Actions", "Publish the article"),
        ),
        ActionSpec(
            A.COMMENT_APPROVE,
            translate("Actions", "&Approve"),
            "A",
            translate("Actions", "Approve the selected comments"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_SPAM,
            translate("Actions", "Mark as &Spam"),
            "S",
            translate("Actions", "Mark the selected comments as spam"),
            short_text=translate("Actions", "Spam"),  # on the panel's buttons
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_TRASH,
            translate("Actions", "&Trash"),
            "D",
            translate("Actions", "Move the selected comments to the trash"),
            short_text=translate("Actions", "Trash"),  # on the panel's buttons
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_PENDING,
            translate("Actions", "Back to &Pending"),
            "U",
            translate("Actions", "Send the selected comments back to pending"),
            short_text=translate("Actions", "Pending"),  # on the panel's buttons
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_FOCUS,
            translate("Actions", "&Go to Comments"),
            "Ctrl+M",
            translate("Actions", "Move the keyboard to the comment queue"),
        ),
        ActionSpec(
            A.MODERATION_DESK,
            translate("Actions", "&Moderation Desk"),
            "Ctrl+Shift+M",
            translate("Actions", "Open the moderation desk: every comment queue across articles"),
        ),
        ActionSpec(
            A.COMMENT_APPROVE_MARKED,
            translate("Actions", "Approve &Marked"),
            "Shift+A",
            translate("Actions", "Approve the marked (or selected) comments"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_SPAM_MARKED,
            translate("Actions", "Spam Mar&ked"),
            "Shift+S",
            translate("Actions", "Mark the marked (or selected) comments as spam"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_TRASH_MARKED,
            translate("Actions", "Tras&h Marked"),
            "Shift+D",
            translate("Actions", "Move the marked (or selected) comments to the trash"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_PENDING_MARKED,
            translate("Actions", "Marked Back to P&ending"),
            "Shift+U",
            translate("Actions", "Send the marked (or selected) comments back to pending"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_UNDO,
            translate("Actions", "&Undo Decision"),
            "Z",
            translate("Actions", "Undo the last decision (several levels, bulk decisions included)"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_REPLY,
            translate("Actions", "&Reply as the Newsroom…"),
            "R",
            translate("Actions", "Publish a reply under this comment, signed with your name"),
            widget_scope=True,
        ),
        ActionSpec(
            A.COMMENT_DOSSIER,
            translate("Actions", "Commenter &Dossier…"),
            "O",
            translate("Actions", "Everything this reader wrote, across articles"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_NEXT,
            translate("Actions", "&Next Comment"),
            "J",
            translate("Actions", "Go to the next comment"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_PREVIOUS,
            translate("Actions", "&Previous Comment"),
            "K",
            translate("Actions", "Go to the previous comment"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_MARK,
            translate("Actions", "&Mark / Unmark"),
            "X",
            translate("Actions", "Mark or unmark this comment for a decision on the marked ones"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_MARK_ALL,
            translate("Actions", "Mark &All Matching"),
            "Shift+X",
            translate("Actions", "Mark every comment of this queue and filter, loaded or not"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_CLEAR_MARKS,
            translate("Actions", "&Clear Marks"),
            "Ctrl+Shift+X",
            translate("Actions", "Unmark every comment"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_SEARCH,
            translate("Actions", "&Search Comments"),
            "/",
            translate("Actions", "Type words of the comments to find"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_PENDING,
            translate("Actions", "Pending &Queue"),
            "1",
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_APPROVED,
            translate("Actions", "&Approved Queue"),
            "2",
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_SPAM,
            translate("Actions", "&Spam Queue"),
            "3",
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_TRASH,
            translate("Actions", "&Trash Queue"),
            "4",
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_ALL,
            translate("Actions", "A&ll Comments"),
            "5",
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_SCOPE,
            translate("Actions", "All Articles / &This Article"),
            "Ctrl+Shift+T",
            translate("Actions", "Switch between every article and the article open in the main window"),
            widget_scope=True,
        ),
        ActionSpec(
            A.QUEUE_REFRESH,
            translate("Actions", "&Refresh"),
            "F5",
            translate("Actions", "Read the queue and its counts again"),
            widget_scope=True,
        ),
        ActionSpec(
            A.MODERATION_LOG,
            translate("Actions", "Decision &Log"),
            "Ctrl+Shift+L",
            translate("Actions", "Every moderation decision, who took it and when; undo from there"),
        ),
        ActionSpec(
            A.MODERATION_DASHBOARD,
            translate("Actions", "&Dashboard"),
            "Ctrl+Shift+B",
            translate("Actions", "Comments per day, backlog, time to decision, most-commented articles"),
        ),
        ActionSpec(
            A.MODERATION_RULES,
            translate("Actions", "&Rules…"),
            "Ctrl+Shift+E",
            translate("Actions", "Edit the moderation rules and try them on the pending queue"),
        ),
        ActionSpec(
            A.HELP_DESK_KEYS,
            translate("Actions", "&Keyboard Shortcuts"),
            "?",
            translate("Actions", "Show every shortcut of the desk"),
            widget_scope=True,
        ),
        ActionSpec(
            A.ARTICLE_HISTORY,
            translate("Actions", "Revision &History…"),
            "Ctrl+Shift+H",
            translate("Actions", "Compare and restore earlier versions of the article"),
        ),
        ActionSpec(
            A.ARTICLE_TARGET,
            translate("Actions", "Length &Target…"),
            tip=translate("Actions", "How long the article should be, in signs or words"),
        ),
        ActionSpec(
            A.ARTICLE_RULES,
            translate("Actions", "Edit House &Rules…"),
            tip=translate(
                "Actions", "Required fields, headline length and banned phrases, for the whole newsroom"
            ),
        ),
        ActionSpec(
            A.ARTICLE_CHECK,
            translate("Actions", "Check &House Rules"),
            "Ctrl+Shift+K",
            translate("Actions", "List what must be fixed before the article can be ready"),
        ),
        ActionSpec(
            A.EDIT_FIND,
            translate("Actions", "&Find…"),
            std.Find,
            translate("Actions", "Find in the article text"),
        ),
        ActionSpec(
            A.EDIT_REPLACE,
            translate("Actions", "Find and &Replace…"),
            "Ctrl+H",
            translate("Actions", "Replace in the article text"),
        ),
        ActionSpec(A.EDIT_FIND_NEXT, translate("Actions", "Find &Next"), std.FindNext),
        ActionSpec(A.EDIT_FIND_PREVIOUS, translate("Actions", "Find Pre&vious"), std.FindPrevious),
        ActionSpec(
            A.EDIT_TYPOGRAPHY,
            translate("Actions", "Apply &Typography"),
            "Ctrl+Alt+T",
            translate("Actions", "No-break spaces, typographic quotes and apostrophes, ellipses"),
        ),
        ActionSpec(
            A.EDIT_INSERT_IMAGE,
            translate("Actions", "Insert &Image…"),
            "Ctrl+Shift+I",
            translate("Actions", "Insert a picture from a file"),
        ),
        ActionSpec(
            A.VIEW_FOCUS,
            translate("Actions", "&Focus Mode"),
            "F11",
            translate("Actions", "Hide everything but the text"),
            checkable=True,
        ),
        ActionSpec(
            A.VIEW_TYPEWRITER,
            translate("Actions", "&Typewriter Scrolling"),
            tip=translate("Actions", "In focus mode, keep the line being typed in the middle of the screen"),
            checkable=True,
        ),
        ActionSpec(
            A.VIEW_DIM,
            translate("Actions", "&Dim Other Paragraphs"),
            tip=translate("Actions", "In focus mode, fade every paragraph but the one being written"),
            checkable=True,
        ),
        ActionSpec(
            A.VIEW_OUTLINE,
            translate("Actions", "&Outline"),
            "Ctrl+Shift+O",
            translate("Actions", "Show the article's headings beside the editor"),
            checkable=True,
        ),
        ActionSpec(
            A.VIEW_ARTICLES,
            translate("Actions", "&Article List"),
            "Ctrl+Shift+1",
            checkable=True,
        ),
        ActionSpec(
            A.VIEW_COMMENTS,
            translate("Actions", "&Comments"),
            "Ctrl+Shift+3",
            checkable=True,
        ),
        ActionSpec(A.VIEW_PREVIEW, translate("Actions", "&Preview"), "Ctrl+Shift+2", checkable=True),
        ActionSpec(
            A.FILE_OPEN_DATABASE,
            translate("Actions", "&Open Database…"),
            std.Open,
            translate("Actions", "Work on another newsroom database file"),
        ),
        ActionSpec(
            A.FILE_IMPORT,
            translate("Actions", "&Import…"),
            "Ctrl+Shift+J",
            translate("Actions", "Import Markdown files, a WordPress export or a comment CSV file"),
        ),
        ActionSpec(
            A.FILE_EXPORT,
            translate("Actions", "&Export…"),
            "Ctrl+Shift+S",
            translate("Actions", "Export articles as Markdown or HTML files"),
        ),
        ActionSpec(A.EDIT_UNDO, translate("Actions", "&Undo"), std.Undo),
        ActionSpec(A.EDIT_REDO, translate("Actions", "&Redo"), std.Redo),
        ActionSpec(A.EDIT_CUT, translate("Actions", "Cu&t"), std.Cut),
        ActionSpec(A.EDIT_COPY, translate("Actions", "&Copy"), std.Copy),
        ActionSpec(A.EDIT_PASTE, translate("Actions", "&Paste"), std.Paste),
        ActionSpec(A.EDIT_SELECT_ALL, translate("Actions", "Select &All"), std.SelectAll),
        ActionSpec(A.FORMAT_BOLD, translate("Actions", "&Bold"), "Ctrl+B", editor_key=True),
        ActionSpec(A.FORMAT_ITALIC, translate("Actions", "&Italic"), "Ctrl+I", editor_key=True),
        ActionSpec(A.FORMAT_LINK, translate("Actions", "&Link"), "Ctrl+K", editor_key=True),
        ActionSpec(A.FORMAT_HEADING1, translate("Actions", "Heading &1"), "Ctrl+1", editor_key=True),
        ActionSpec(A.FORMAT_HEADING2, translate("Actions", "Heading &2"), "Ctrl+2", editor_key=True),
        ActionSpec(A.FORMAT_HEADING3, translate("Actions", "Heading &3"), "Ctrl+3", editor_key=True),
        ActionSpec(A.FORMAT_PARAGRAPH, translate("Actions", "&Paragraph"), "Ctrl+0", editor_key=True),
        ActionSpec(A.FORMAT_QUOTE, translate("Actions", "&Quote"), "Ctrl+Shift+Q", editor_key=True),
        ActionSpec(A.FORMAT_BULLETS, translate("Actions", "Bulleted &List"), "Ctrl+Shift+D", editor_key=True),
        ActionSpec(A.FORMAT_NUMBERS, translate("Actions", "&Numbered List"), "Ctrl+Shift+N", editor_key=True),
        ActionSpec(
            A.VIEW_TOOLBAR,
            translate("Actions", "&Toolbar"),
            tip=translate("Actions", "Show or hide the toolbar"),
            checkable=True,
        ),
        ActionSpec(A.HELP_SHORTCUTS, translate("Actions", "&Keyboard Shortcuts"), "F1"),
        ActionSpec(A.HELP_ABOUT, translate("Actions", "&About redaction")),
        ActionSpec(
            A.FILE_SITE,
            translate("Actions", "Si&te…"),
            tip=translate("Actions", "Connect the newsroom's WordPress site, or see the connected one"),
        ),
        ActionSpec(
            A.SITE_SYNC,
            translate("Actions", "S&ync with Site"),
            "F9",
            translate("Actions", "Send what waits for the site, then receive new comments"),
            short_text=translate("Actions", "Sync"),  # on the toolbar
        ),
        ActionSpec(
            A.ARTICLE_UNPUBLISH,
            translate("Actions", "&Unpublish from Site"),
            tip=translate("Actions", "Take the article off the site (back to draft, here and there)"),
        ),
        ActionSpec(
            A.ARTICLE_PUBLISH_AT,
            translate("Actions", "Publish at a &Date…"),
            tip=translate("Actions", "Publish on the site at a date and time (a future date schedules it)"),
        ),
    ]
