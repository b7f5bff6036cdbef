"""CMDB settings kept in the shared ``settings`` table (every console applies the same rules).

- ``cmdb.propagating_types``: which relationship types carry an outage from target to source.
- ``cmdb.major_incident_rule``: how many open incidents on one CI within how many minutes
  make the ticket form suggest a major incident.
- ``cmdb.graph_token``: changes on every CMDB write, so an in-memory graph knows it is stale
  (see ``desk.cmdb.graph``); a fresh random token cannot be lost by two concurrent writers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cmdb.vocab import DEFAULT_PROPAGATING, RelType
from desk.db.session import Database, changes_of
from desk.errors import ValidationError
from desk.i18n import _
from desk.ids import uuid7
from desk.models import Setting
from desk.services.changes import Changes

PROPAGATING_KEY = "cmdb.propagating_types"
MAJOR_RULE_KEY = "cmdb.major_incident_rule"
GRAPH_TOKEN_KEY = "cmdb.graph_token"


@dataclass(frozen=True)
class MajorIncidentRule:
    count: int = 3
    minutes: int = 60


def _get(s: Session, key: str) -> Any:
    return s.scalar(select(Setting.value).where(Setting.key == key))


def _put(s: Session, key: str, value: Any) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def propagating_types_in(s: Session) -> frozenset[RelType]:
    value = _get(s, PROPAGATING_KEY)
    if value is None:
        return DEFAULT_PROPAGATING
    return frozenset(RelType(v) for v in value if v in RelType._value2member_map_)


def propagating_types(db: Database) -> frozenset[RelType]:
    with db.read() as s:
        return propagating_types_in(s)


def set_propagating_types(db: Database, types: Iterable[str]) -> Changes:
    chosen = []
    for t in types:
        try:
            chosen.append(RelType(t))
        except ValueError:
            raise ValidationError(_("Unknown relationship type {type}").format(type=t),
                                  field="propagating_types") from None
    with db.write() as s:
        _put(s, PROPAGATING_KEY, sorted(set(chosen)))
        touch_graph(s)
    return changes_of(s)


def major_incident_rule(db: Database) -> MajorIncidentRule:
    with db.read() as s:
        value = _get(s, MAJOR_RULE_KEY)
    if not isinstance(value, dict):
        return MajorIncidentRule()
    return MajorIncidentRule(int(value.get("count", 3)), int(value.get("minutes", 60)))


def set_major_incident_rule(db: Database, count: int, minutes: int) -> Changes:
    if count < 2:
        raise ValidationError(_("A major incident needs at least 2 incidents"), field="count")
    if minutes < 1:
        raise ValidationError(_("The window must be at least 1 minute"), field="minutes")
    with db.write() as s:
        _put(s, MAJOR_RULE_KEY, {"count": int(count), "minutes": int(minutes)})
    return changes_of(s)


def graph_token_in(s: Session) -> str:
    return str(_get(s, GRAPH_TOKEN_KEY) or "")


def touch_graph(s: Session) -> None:
    """Call in every transaction that changes CIs or relationships."""
    _put(s, GRAPH_TOKEN_KEY, uuid7().hex)
