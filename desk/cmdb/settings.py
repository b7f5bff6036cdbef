"""CMDB settings, registered in the desk's settings registry (``desk.services.settings``) and
kept in the shared ``settings`` table, so every console applies the same rules.

- ``cmdb.outage.<type>``: which way an outage travels along each relationship type
  (``OutageDirection``); the defaults follow the domain rules (``DEFAULT_OUTAGE``).
- ``cmdb.major_incident_count`` / ``cmdb.major_incident_minutes``: how many open incidents on
  one CI within how many minutes make the ticket form suggest a major incident.
- ``cmdb.graph_token`` (not an option a user sets): changes on every CMDB write, so an
  in-memory graph knows it is stale (see ``desk.cmdb.graph``); a fresh random token cannot be
  lost by two concurrent writers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cmdb.vocab import DEFAULT_OUTAGE, OutageDirection, RelType
from desk.db.session import Database
from desk.errors import ValidationError
from desk.i18n import N_, _
from desk.ids import uuid7
from desk.models import Setting
from desk.services.changes import Changes
from desk.services.settings import Option, register, save_settings, settings_in

MAJOR_COUNT_KEY = "cmdb.major_incident_count"
MAJOR_MINUTES_KEY = "cmdb.major_incident_minutes"
GRAPH_TOKEN_KEY = "cmdb.graph_token"
# Before directions, a list of the types that carried an outage from target to source.
LEGACY_PROPAGATING_KEY = "cmdb.propagating_types"

_OUTAGE_SECTION = N_("Relationship types: which way an outage travels")
_TYPE_TITLES = {
    RelType.DEPENDS_ON: N_("A depends on B"),
    RelType.RUNS_ON: N_("A runs on B"),
    RelType.CONTAINED_IN: N_("A is contained in B"),
    RelType.CONNECTS_TO: N_("A connects to B (B is A's uplink)"),
    RelType.BACKED_UP_BY: N_("A is backed up by B"),
}


def outage_key(rel_type: RelType) -> str:
    return f"cmdb.outage.{rel_type.value}"


OUTAGE_KEYS: dict[RelType, str] = {t: outage_key(t) for t in RelType}

register(
    *(Option(OUTAGE_KEYS[t], OutageDirection, DEFAULT_OUTAGE[t], _TYPE_TITLES[t],
             _OUTAGE_SECTION) for t in RelType),
    Option(MAJOR_COUNT_KEY, int, 3, N_("Suggest a major incident at this many open incidents "
                                       "on one CI"), N_("Major incidents"), minimum=2,
           maximum=1000),
    Option(MAJOR_MINUTES_KEY, int, 60, N_("… opened within (minutes)"), N_("Major incidents"),
           minimum=1, maximum=7 * 24 * 60),
)


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


def outage_directions_in(s: Session) -> dict[RelType, OutageDirection]:
    """Each relationship type's direction of impact. On a database whose administrator chose
    the propagating types before directions existed, a type not set since keeps that choice."""
    stored = set(s.scalars(select(Setting.key).where(Setting.key.in_(OUTAGE_KEYS.values()))))
    legacy = _get(s, LEGACY_PROPAGATING_KEY) if len(stored) < len(OUTAGE_KEYS) else None
    values = settings_in(s, OUTAGE_KEYS.values())
    directions = {}
    for t, key in OUTAGE_KEYS.items():
        if key not in stored and isinstance(legacy, list):
            directions[t] = (OutageDirection.TO_SOURCE if t.value in legacy
                             else OutageDirection.NONE)
        else:
            directions[t] = values[key]
    return directions


def outage_directions(db: Database) -> dict[RelType, OutageDirection]:
    with db.read() as s:
        return outage_directions_in(s)


def set_outage_directions(db: Database, directions: Mapping[str, str]) -> Changes:
    """Set the direction of some types (``{"connects_to": "to_source"}``); checked first."""
    values: dict[str, Any] = {}
    for t, d in directions.items():
        try:
            values[OUTAGE_KEYS[RelType(t)]] = d
        except ValueError:
            raise ValidationError(_("Unknown relationship type {type}").format(type=t),
                                  field="type") from None
    return save_settings(db, values)


def propagating_types(db: Database) -> frozenset[RelType]:
    """The types that carry an outage in some direction."""
    return frozenset(t for t, d in outage_directions(db).items() if d != OutageDirection.NONE)


def set_propagating_types(db: Database, types: Iterable[str]) -> Changes:
    """Only ``types`` carry an outage: each its built-in direction (target to source for a
    type whose built-in is none); the other types carry none."""
    chosen = set()
    for t in types:
        try:
            chosen.add(RelType(t))
        except ValueError:
            raise ValidationError(_("Unknown relationship type {type}").format(type=t),
                                  field="propagating_types") from None
    directions = {}
    for t in RelType:
        if t not in chosen:
            directions[t.value] = OutageDirection.NONE
        elif DEFAULT_OUTAGE[t] == OutageDirection.NONE:
            directions[t.value] = OutageDirection.TO_SOURCE
        else:
            directions[t.value] = DEFAULT_OUTAGE[t]
    return set_outage_directions(db, directions)


def major_incident_rule(db: Database) -> MajorIncidentRule:
    with db.read() as s:
        return major_incident_rule_in(s)


def major_incident_rule_in(s: Session) -> MajorIncidentRule:
    values = settings_in(s, (MAJOR_COUNT_KEY, MAJOR_MINUTES_KEY))
    return MajorIncidentRule(values[MAJOR_COUNT_KEY], values[MAJOR_MINUTES_KEY])


def set_major_incident_rule(db: Database, count: int, minutes: int) -> Changes:
    return save_settings(db, {MAJOR_COUNT_KEY: count, MAJOR_MINUTES_KEY: minutes})


def graph_token_in(s: Session) -> str:
    return str(_get(s, GRAPH_TOKEN_KEY) or "")


def touch_graph(s: Session) -> None:
    """Call in every transaction that changes CIs or relationships."""
    _put(s, GRAPH_TOKEN_KEY, uuid7().hex)
