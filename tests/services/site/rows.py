"""The site row that ``redaction site connect`` leaves in a database (no request is made)."""

from __future__ import annotations

from typing import Any

from redaction.domain.dates import utcnow
from redaction.storage.database import Database
from redaction.storage.models import Site

SITE = "https://journal.example"


def connected_site(**fields: Any) -> Site:
    """The connected site's row; ``fields`` change what a test needs otherwise."""
    values: dict[str, Any] = {
        "id": 1,
        "url": SITE,
        "api_root": SITE + "/wp-json/",
        "user_name": "claire",
        "name": "Le Journal",
        "description": "",
        "timezone": "Europe/Paris",
        "capabilities": "[]",
        "connected_at": utcnow(),
        "pulled_up_to": 0,
        "site_totals": "{}",
        "ignored": "[]",
    }
    values.update(fields)
    return Site(**values)


def connect(db: Database) -> None:
    """The database as ``redaction site connect`` leaves it."""
    with db.session() as s:
        s.add(connected_site())
