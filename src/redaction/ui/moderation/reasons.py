"""Why a comment moved, in the interface's language.

Reasons are stored as the services write them, in English ("held: moderation word “arnaque”",
"undo of decision 12"), so that the log reads the same on every desk and the command line can
print them. This module recognises each kind the services write and says it in the interface's
language; what it does not recognise (a reason typed by a person, one from a newer version) is
shown as stored. Words, addresses and names inside a reason are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

translate = QCoreApplication.translate


class Reasons(QObject):
    """The translation context of counted reasons (lupdate sees plurals only in ``tr``)."""


# Each literal translate() stays visible to lupdate; %1 is the value found in the stored text.
_FIXED: dict[str, Callable[[], str]] = {
    "held: duplicate of an earlier comment": lambda: translate(
        "Reasons", "held: duplicate of an earlier comment"
    ),
    "approved: author previously approved": lambda: translate(
        "Reasons", "approved: author previously approved"
    ),
    "held: dangerous markup": lambda: translate("Reasons", "held: dangerous markup"),
    "spam: dangerous markup": lambda: translate("Reasons", "spam: dangerous markup"),
    "undo": lambda: translate("Reasons", "undo"),
    "dossier: approve all pending": lambda: translate("Reasons", "dossier: approve all pending"),
    "dossier: trash all": lambda: translate("Reasons", "dossier: trash all"),
    "approved with a reply": lambda: translate("Reasons", "approved with a reply"),
    "reply from the newsroom": lambda: translate("Reasons", "reply from the newsroom"),
    "moderated on the site": lambda: translate("Reasons", "moderated on the site"),
    "kept over the site's decision": lambda: translate("Reasons", "kept over the site's decision"),
}

_QUOTED: list[tuple[re.Pattern[str], Callable[[], str]]] = [
    (
        re.compile(r"^held: moderation word “(.*)”$", re.S),
        lambda: translate("Reasons", "held: moderation word “%1”"),
    ),
    (
        re.compile(r"^trash: blocked word “(.*)”$", re.S),
        lambda: translate("Reasons", "trash: blocked word “%1”"),
    ),
    (
        re.compile(r"^trash: blocked email domain “(.*)”$", re.S),
        lambda: translate("Reasons", "trash: blocked email domain “%1”"),
    ),
    (
        re.compile(r"^trash: blocked email “(.*)”$", re.S),
        lambda: translate("Reasons", "trash: blocked email “%1”"),
    ),
    (re.compile(r"^trash: blocked IP “(.*)”$", re.S), lambda: translate("Reasons", "trash: blocked IP “%1”")),
    (re.compile(r"^undo of decision (\d+)$"), lambda: translate("Reasons", "undo of decision %1")),
]

_FLOOD = re.compile(r"^held: flood, another comment from the same email or IP less than (\d+) s before$")
_LINKS = re.compile(r"^held: (\d+) links? ≥ (\d+)$")
_DELETED = re.compile(r"^deleted on the site on (\d{4}-\d\d-\d\d)$")


def shown_reason(reason: str) -> str:
    """``reason`` as the person at the desk reads it (translated when it is one of ours)."""
    fixed = _FIXED.get(reason)
    if fixed is not None:
        return fixed()
    for pattern, text in _QUOTED:
        found = pattern.match(reason)
        if found:
            return text().replace("%1", found.group(1))
    flood = _FLOOD.match(reason)
    if flood is not None:
        seconds = int(flood.group(1))
        return Reasons.tr(
            "held: flood, another comment from the same email or IP less than %n second(s) before",
            "",
            seconds,
        )
    links = _LINKS.match(reason)
    if links is not None:
        count = int(links.group(1))
        return Reasons.tr("held: %n link(s), the limit is %1", "", count).replace("%1", links.group(2))
    deleted = _DELETED.match(reason)
    if deleted is not None:
        day = QDate.fromString(deleted.group(1), "yyyy-MM-dd")
        return translate("Reasons", "deleted on the site on %1").replace(
            "%1", QLocale().toString(day, QLocale.FormatType.ShortFormat)
        )
    return reason
