"""Which ``image:`` references of a body the database holds: what house rules and the export
pass to :func:`redaction.domain.image_refs.missing_images` as ``known``.

Only the hashes are read (never the image bytes), one indexed lookup per distinct reference.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.domain.image_refs import image_refs, is_stored, parse_image_url
from redaction.storage.database import Database
from redaction.storage.models import Image


def known_images(db: Database, body: str) -> Callable[[str], bool]:
    """For the ``image:`` targets of ``body``: does the database hold the image?"""
    if not any(is_stored(ref.target) for ref in image_refs(body)):
        return lambda target: False
    with db.session() as session:
        return known_images_in(session, body)


def known_images_in(session: Session, body: str) -> Callable[[str], bool]:
    found: set[str] = set()
    for ref in image_refs(body):
        prefix = parse_image_url(ref.target)
        if prefix is not None and ref.target not in found and _stored(session, prefix):
            found.add(ref.target)
    return found.__contains__


def _stored(session: Session, prefix: str) -> bool:
    stmt = select(Image.id).where(Image.sha256 >= prefix, Image.sha256 < prefix + "g").limit(1)
    return session.execute(stmt).first() is not None
