"""The site's sentences in the interface language, shared by the site's widgets.

The services speak English in one line (their errors name the site and the reason); the window
puts a translated headline before that line, and says in its own words what a sync did, what
waits, where the password is kept and what the user may do on the site. Written out as
``Site.tr("…")`` calls: lupdate only extracts literal strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from redaction.domain.dates import short_datetime
from redaction.ui import labels

if TYPE_CHECKING:
    from datetime import datetime

    from redaction.services.site.context import SyncResult
    from redaction.services.site.values import OutboxCounts


class Site(QObject):
    """The translation context of these sentences (``Site.tr``: lupdate extracts plurals from a
    class's ``tr``, not from an aliased ``translate``)."""


def error_headline(error: BaseException) -> str:
    """What kind of trouble, in a few words (the service's line says the rest)."""
    from redaction.services.site import errors

    headlines: list[tuple[type[BaseException], str]] = [
        (errors.SiteUnreachableError, Site.tr("The site cannot be reached.")),
        (errors.SiteServerError, Site.tr("The site failed to answer.")),
        (errors.SiteRateLimitedError, Site.tr("The site asks to wait before trying again.")),
        (errors.SiteBadResponseError, Site.tr("The site sent an answer that cannot be used.")),
        (errors.SiteRedirectError, Site.tr("The site sends the request elsewhere.")),
        (errors.NotWordPressError, Site.tr("This is not a WordPress site.")),
        (errors.RestDisabledError, Site.tr("The site's REST API is switched off.")),
        (errors.BadCredentialsError, Site.tr("The site refused the user name or the password.")),
        (errors.NotAllowedError, Site.tr("This is not allowed.")),
        (errors.NoPasswordError, Site.tr("The application password is missing.")),
        (errors.NotConnectedError, Site.tr("No site is connected.")),
    ]
    for kind, text in headlines:
        if isinstance(error, kind):
            return text
    return Site.tr("The site could not be used.")


def waiting_text(counts: OutboxCounts) -> str:
    """ "2 changes waiting for the site · 1 to settle · 1 refused" ("" when nothing is open)."""
    # Plain names as the count: lupdate does not extract a plural whose count is an attribute.
    waiting, conflicts, failed = counts.waiting, counts.conflicts, counts.failed
    parts = []
    if waiting:
        parts.append(Site.tr("%n change(s) waiting for the site", "", waiting))
    if conflicts:
        parts.append(Site.tr("%n to settle", "", conflicts))
    if failed:
        parts.append(Site.tr("%n refused by the site", "", failed))
    return " · ".join(parts)


def when(moment: datetime | None) -> str:
    return short_datetime(moment, labels.ui_language()) if moment else Site.tr("never")


def sync_summary(result: SyncResult, site_name: str) -> str:
    """One line for the status bar: what the sync sent and received, what waits."""
    sent, pulled, moderated, deleted = (
        result.sent,
        result.pulled,
        result.changed_on_site,
        result.deleted_on_site,
    )
    conflicts = len(result.post_conflicts) + len(result.comment_conflicts)
    refused, waiting = len(result.failed), result.waiting
    parts = []
    if sent:
        parts.append(Site.tr("%n change(s) sent", "", sent))
    if pulled:
        parts.append(Site.tr("%n new comment(s)", "", pulled))
    if moderated:
        parts.append(Site.tr("%n comment(s) moderated on the site", "", moderated))
    if deleted:
        parts.append(Site.tr("%n comment(s) deleted on the site", "", deleted))
    if conflicts:
        parts.append(Site.tr("%n conflict(s) to settle", "", conflicts))
    if refused:
        parts.append(Site.tr("%n change(s) refused by the site", "", refused))
    if waiting:
        parts.append(Site.tr("%n change(s) still waiting", "", waiting))
    if result.cancelled:
        parts.append(Site.tr("stopped before the end"))
    done = "; ".join(parts) if parts else Site.tr("nothing new")
    return Site.tr("Synced with %1: %2.").replace("%1", site_name).replace("%2", done)


def failure_text(error: BaseException, waiting: int) -> str:
    """The status bar after a sync that could not reach or use the site."""
    text = Site.tr("Sync failed: %1").replace("%1", str(error))
    if waiting:
        text += " — " + Site.tr("%n change(s) kept for the next sync.", "", waiting)
    return text


def password_place(source: str) -> str:
    """Where the password is, from :func:`redaction.services.site.credentials.password_source`."""
    return {
        "environment": Site.tr("The password comes from $REDACTION_SITE_PASSWORD; it is stored nowhere."),
        "keyring": Site.tr("The password is kept in the system keyring."),
        "session": Site.tr("The password is kept for this session only, never written to disk."),
    }.get(source, Site.tr("No password in this session: type it below to sync."))


def capability_text(capabilities: tuple[str, ...]) -> str:
    """What redaction may do on the site as this user, and what it may not."""
    names = {
        "publish_posts": Site.tr("publish posts"),
        "moderate_comments": Site.tr("moderate comments"),
        "upload_files": Site.tr("upload images"),
        "manage_categories": Site.tr("create categories"),
    }
    can = [text for cap, text in names.items() if cap in capabilities]
    cannot = [text for cap, text in names.items() if cap not in capabilities]
    line = Site.tr("May %1").replace("%1", ", ".join(can)) if can else ""
    if cannot:
        line += ("; " if line else "") + Site.tr("may not %1").replace("%1", ", ".join(cannot))
    return line


def kind_text(kind: str) -> str:
    return {
        "publish": Site.tr("Publish"),
        "unpublish": Site.tr("Unpublish"),
        "moderate": Site.tr("Decision"),
        "reply": Site.tr("Reply"),
    }.get(kind, kind)


def state_text(state: str) -> str:
    return {
        "waiting": Site.tr("Waiting"),
        "conflict": Site.tr("To settle"),
        "failed": Site.tr("Refused"),
    }.get(state, state)
