"""The newsroom's house rules, kept in the database so that everyone on it shares them."""

from __future__ import annotations

from redaction.domain.house_rules import HouseRules
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Setting
from redaction.storage.patience import patient

SETTING_KEY = "house_rules"


def load_house_rules(db: Database) -> HouseRules:
    with db.session() as session:
        stored = session.get(Setting, SETTING_KEY)
        return HouseRules.from_json(stored.value if stored else None)


@patient
def save_house_rules(db: Database, rules: HouseRules) -> None:
    with db.session() as session:
        stored = session.get(Setting, SETTING_KEY)
        if stored is None:
            session.add(Setting(key=SETTING_KEY, value=rules.to_json()))
        else:
            stored.value = rules.to_json()
        record(session, Changes.of(settings={"house_rules"}))
