"""Connecting the newsroom's WordPress site, and opening a client on the connected one.

:func:`connect_site` checks everything at once, before anything is written, and says in one line
what is wrong: the address cannot be reached, it is not WordPress, the REST API is switched off,
the application password is refused, or the user may not publish or moderate. On success the
site (address, user name, what the site says of itself: name, timezone, the user's
capabilities) is written to the database and the password is kept as
:mod:`redaction.services.site.credentials` says — never in the database.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import delete, func, select

from redaction.domain.dates import utcnow
from redaction.domain.plural import counted
from redaction.services.exchange.wxr_read import site_key
from redaction.services.site import credentials, errors
from redaction.services.site.http import SiteClient
from redaction.services.site.values import WAITING
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import OutboxItem, Site, SiteComment, SiteMedia, SitePost

# What redaction does on the site, and the WordPress capability each needs.
REQUIRED = {"publish_posts": "publish posts", "moderate_comments": "moderate comments"}
USEFUL = {"upload_files": "upload images", "manage_categories": "create categories for new rubrics"}
_INDEX_FIELDS = "name,description,url,home,gmt_offset,timezone_string,namespaces,authentication"


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """The connected site, as the window shows it."""

    url: str
    api_root: str
    user_name: str
    name: str
    description: str
    timezone: str
    capabilities: tuple[str, ...]
    connected_at: datetime
    pulled_up_to: int
    last_sync_at: datetime | None

    @property
    def key(self) -> str:
        return site_key(self.url)


@dataclass(frozen=True, slots=True)
class Connected:
    """What :func:`connect_site` did: the site, where the password is kept, and notes."""

    site: SiteInfo
    password_kept: str
    notes: tuple[str, ...] = ()


def normalize_url(url: str) -> str:
    """``courrier.example/`` → ``https://courrier.example``; other schemes are refused."""
    text = url.strip()
    if not text:
        raise errors.NotWordPressError("the site's address is empty")
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        text = "https://" + text
    if not re.match(r"^https?://[^/\s]+", text, re.IGNORECASE):
        raise errors.NotWordPressError(f"{url!r} is not a web address (http:// or https://)")
    return text.rstrip("/")


def _find_api(url: str) -> tuple[str, dict[str, Any]]:
    """The REST root of the site at ``url`` and its index; SiteError saying why not."""
    tried: list[str] = []
    for root in (f"{url}/wp-json/", f"{url}/?rest_route=/"):
        with SiteClient(root, label=url) as client:
            try:
                index = client.get("", {"_fields": _INDEX_FIELDS}).data
            except (errors.SiteNotFoundError, errors.SiteBadResponseError, errors.SiteRejectedError) as exc:
                tried.append(str(exc))
                continue
            except errors.SiteRedirectError as exc:
                if isinstance(exc, errors.SiteLoginRedirectError):
                    raise errors.RestDisabledError(
                        f"the site {url} sends its REST API to the login page: it is limited to "
                        "logged-in browsers (a security plugin); allow application passwords"
                    ) from None
                raise
        if not isinstance(index, dict) or "namespaces" not in index:
            tried.append(f"{root} is not a WordPress REST index")
            continue
        if "wp/v2" not in index.get("namespaces", []):
            raise errors.RestDisabledError(
                f"the site {url} has a REST API without WordPress's wp/v2 routes (switched off by a plugin)"
            )
        return root, index
    if _looks_like_wordpress(url):
        raise errors.RestDisabledError(
            f"the site {url} is WordPress but its REST API does not answer (switched off or blocked)"
        )
    raise errors.NotWordPressError(
        f"{url} answers, but it is not a WordPress site (no REST API, no WordPress page)"
    )


def _looks_like_wordpress(url: str) -> bool:
    try:
        with httpx.Client(timeout=10.0, follow_redirects=True) as client:
            page = client.get(url + "/").text[:200_000]
    except httpx.HTTPError:
        return False
    return bool(re.search(r"wp-content/|wp-includes/|<meta[^>]+generator[^>]+WordPress", page, re.IGNORECASE))


def check_site(url: str, user: str, password: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(REST root, site index, the user as the site sees them), or the SiteError saying what is
    wrong. Writes nothing."""
    url = normalize_url(url)
    if not user.strip():
        raise errors.BadCredentialsError("a user name is needed to connect the site")
    if not password:
        raise errors.NoPasswordError(f"an application password is needed to connect {url} as {user}")
    root, index = _find_api(url)
    if "application-passwords" not in (index.get("authentication") or {}):
        raise errors.NotAllowedError(
            f"the site {url} does not accept application passwords (it needs WordPress 5.6 or "
            "later served over HTTPS, and no plugin switching them off)"
        )
    with SiteClient(root, user.strip(), password, label=url) as client:
        me = client.get("wp/v2/users/me", {"context": "edit", "_fields": "id,name,roles,capabilities"}).data
    caps = me.get("capabilities") or {}
    missing = [what for cap, what in REQUIRED.items() if not caps.get(cap)]
    if missing:
        roles = ", ".join(me.get("roles") or ()) or "no role"
        raise errors.NotAllowedError(
            f"the user {user} ({roles}) cannot {' or '.join(missing)} on {url}: give them the "
            "editor or administrator role"
        )
    return root, index, me


def connect_site(
    db: Database, url: str, user: str, password: str, *, keep_password: bool = True
) -> Connected:
    """Check the site and the credentials, then remember the site (and the password, outside the
    database). Raises a SiteError (one line) and writes nothing when something is wrong."""
    url = normalize_url(url)
    root, index, me = check_site(url, user, password)
    home = str(index.get("home") or url).rstrip("/")
    caps = sorted(cap for cap, allowed in (me.get("capabilities") or {}).items() if allowed)
    notes = tuple(f"the user cannot {what}" for cap, what in USEFUL.items() if cap not in caps)
    with db.session() as session:
        current = session.get(Site, 1)
        same_site = current is not None and site_key(current.url) == site_key(home)
        if current is not None and not same_site:
            waiting = session.execute(
                select(func.count()).select_from(OutboxItem).where(OutboxItem.state == WAITING)
            ).scalar_one()
            if waiting:
                raise errors.NotAllowedError(
                    f"{counted(waiting, 'change')} waiting for {current.url}: run 'redaction sync' before "
                    f"connecting another site"
                )
            # Post, comment and media ids belong to the old site.
            for table in (SitePost, SiteComment, SiteMedia):
                session.execute(delete(table))
        if current is None:
            current = Site(id=1, pulled_up_to=0, site_totals="{}", ignored="[]")
            session.add(current)
        elif not same_site:
            current.pulled_up_to = 0
            current.last_sync_at = current.last_full_check_at = None
            current.site_totals, current.ignored = "{}", "[]"
        current.url = home
        current.api_root = root.replace(url, home, 1) if root.startswith(url) else root
        current.user_name = user.strip()
        current.name = str(index.get("name") or "")
        current.description = str(index.get("description") or "")
        current.timezone = str(index.get("timezone_string") or f"UTC{float(index.get('gmt_offset') or 0):+g}")
        current.capabilities = json.dumps(caps)
        current.connected_at = utcnow()
        session.flush()
        info = _info(current)
        record(session, Changes.of(settings={"site"}, outbox=True))
    kept = credentials.store_password(home, user.strip(), password) if keep_password else "not kept"
    return Connected(info, kept, notes)


def _info(site: Site) -> SiteInfo:
    return SiteInfo(
        url=site.url,
        api_root=site.api_root,
        user_name=site.user_name,
        name=site.name,
        description=site.description,
        timezone=site.timezone,
        capabilities=tuple(json.loads(site.capabilities or "[]")),
        connected_at=site.connected_at,
        pulled_up_to=site.pulled_up_to,
        last_sync_at=site.last_sync_at,
    )


def site_info(db: Database) -> SiteInfo | None:
    """The connected site, or None."""
    with db.session() as session:
        site = session.get(Site, 1)
        return _info(site) if site is not None else None


def require_site(db: Database) -> SiteInfo:
    info = site_info(db)
    if info is None:
        raise errors.NotConnectedError(
            "no site is connected: run 'redaction site connect URL --user USER' first"
        )
    return info


def open_client(site: SiteInfo, password: str | None = None) -> SiteClient:
    """A client for the connected site with the password from wherever it is kept."""
    password = password or credentials.find_password(site.url, site.user_name)
    if not password:
        raise errors.NoPasswordError(
            f"no application password for {site.user_name} on {site.url}: set "
            f"${credentials.ENV_VAR}, or connect again to type it"
        )
    return SiteClient(site.api_root, site.user_name, password, label=site.url)


def disconnect_site(db: Database) -> None:
    """Forget the site (and its password). Refused while changes still wait for it."""
    info = require_site(db)
    with db.session() as session:
        waiting = session.execute(
            select(func.count()).select_from(OutboxItem).where(OutboxItem.state == WAITING)
        ).scalar_one()
        if waiting:
            raise errors.NotAllowedError(
                f"{counted(waiting, 'change')} waiting for {info.url}: sync them first"
            )
        for table in (SitePost, SiteComment, SiteMedia, Site):
            session.execute(delete(table))
        record(session, Changes.of(settings={"site"}, outbox=True))
    credentials.forget_password(info.url, info.user_name)
