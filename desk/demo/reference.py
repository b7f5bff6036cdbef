"""The demo's people and structure: groups with a team lead and members, agents, field
technicians and administrators, organizations, requesters (contacts) and the category tree.

Everything is looked up by its natural key first (user name, group name, organization name,
category name under its parent, contact e-mail) and only what is missing is inserted, so a
second demo run reuses the first run's people and never trips a unique constraint. The
roster depends only on the locale, not on the seed: every run staffs the same desk.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import ModuleType
from typing import Any

from sqlalchemy import Connection, insert, select

from desk.demo import vocab as vocab_mod
from desk.demo.life import GroupRef
from desk.domain.enums import Role
from desk.domain.priority import DEFAULT_MATRIX
from desk.ids import uuid7_at
from desk.models import (
    Category,
    Contact,
    Group,
    GroupMember,
    Organization,
    PriorityCell,
    User,
)

# Members per group besides its team lead (field technicians in Field Services).
GROUP_SIZES = {"service_desk": 12, "network": 5, "servers": 5, "database": 3,
               "applications": 6, "field": 7, "security": 3, "iam": 4, "workplace": 5}
# The CAB: the change manager (its lead) and the leads of the groups that implement changes.
CAB_FROM = ("network", "servers", "database", "applications", "security")
ADMINS = 3
CONTACTS_MIN, CONTACTS_MAX, TICKETS_PER_CONTACT = 150, 20_000, 40
_CHUNK = 2000  # rows per IN (...) lookup


@dataclass
class Reference:
    groups: dict[str, GroupRef]
    categories: dict[tuple[str, str], str]
    contacts: tuple[tuple[str, str, str | None], ...]
    matrix: dict[tuple[int, int], int]
    users_new: int = 0
    users_total: int = 0
    groups_new: int = 0
    organizations_new: int = 0
    contacts_new: int = 0
    categories_new: int = 0


class _Ids:
    """Reproducible UUIDv7 keys for rows created at a given time."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def at(self, when: datetime) -> uuid.UUID:
        return uuid7_at(int(when.timestamp() * 1000), self.rng.getrandbits(74))


def contact_count(tickets: int) -> int:
    return max(CONTACTS_MIN, min(CONTACTS_MAX, tickets // TICKETS_PER_CONTACT))


def ensure_reference(conn: Connection, locale: str, now: datetime, tickets: int) -> Reference:
    """Find or create everything tickets refer to; returns what the generator needs."""
    v = vocab_mod.load(locale)
    since = now - timedelta(days=120)  # the desk existed before its oldest demo ticket
    ref = Reference({}, {}, (), _matrix(conn))
    _staff(conn, v, locale, since, ref)
    orgs = _organizations(conn, v, locale, since, ref)
    _categories(conn, v, locale, since, ref)
    _contacts(conn, v, locale, since, orgs, contact_count(tickets), ref)
    return ref


def _matrix(conn: Connection) -> dict[tuple[int, int], int]:
    cells = {(r.impact, r.urgency): r.priority for r in conn.execute(
        select(PriorityCell.impact, PriorityCell.urgency, PriorityCell.priority))}
    return cells if len(cells) == len(DEFAULT_MATRIX) else dict(DEFAULT_MATRIX)


def _in_chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


def _stamp(ids: _Ids, when: datetime) -> dict[str, Any]:
    return {"id": ids.at(when), "row_version": 1, "created_at": when, "updated_at": when}


def _staff(conn: Connection, v: ModuleType, locale: str, since: datetime,
           ref: Reference) -> None:
    rng = random.Random(f"desk-demo-staff:{locale}")
    ids = _Ids(rng)
    taken: set[str] = set()

    def person(role: str) -> dict[str, Any]:
        display, _greeting, stem = vocab_mod.person(v, rng.random(), rng.random())
        username, k = stem, 1
        while username in taken:
            k += 1
            username = f"{stem}{k}"
        taken.add(username)
        when = since + timedelta(minutes=len(taken))
        return {**_stamp(ids, when), "username": username, "display_name": display,
                "email": f"{username}@{v.IT_DOMAIN}", "role": role, "active": True}

    roster: dict[str, list[dict[str, Any]]] = {}
    for key in v.GROUPS:
        if key == "cab":
            continue
        role = Role.FIELD_TECHNICIAN if key == "field" else Role.AGENT
        roster[key] = [person(Role.TEAM_LEAD)] + [person(role) for _ in range(GROUP_SIZES[key])]
    roster["cab"] = [person(Role.TEAM_LEAD)] + [roster[k][0] for k in CAB_FROM]
    # A few people work two queues.
    roster["iam"] += roster["service_desk"][1:3]
    roster["workplace"] += roster["field"][1:3]
    admins = [person(Role.ADMIN) for _ in range(ADMINS)]

    everyone = {u["username"]: u for u in [*admins, *(u for us in roster.values() for u in us)]}
    existing = {}
    for part in _in_chunks(sorted(everyone)):
        existing.update({r.username: r.id for r in conn.execute(
            select(User.username, User.id).where(User.username.in_(part)))})
    missing = [u for name, u in everyone.items() if name not in existing]
    if missing:
        conn.execute(insert(User), missing)
    user_id = {name: existing.get(name, u["id"]) for name, u in everyone.items()}
    ref.users_new, ref.users_total = len(missing), len(everyone)

    names = {key: v.GROUPS[key][0] for key in v.GROUPS}
    found = {r.name: (r.id, r.team_lead_id) for r in conn.execute(
        select(Group.name, Group.id, Group.team_lead_id).where(Group.name.in_(names.values())))}
    new_groups = []
    group_id: dict[str, uuid.UUID] = {}
    lead_id: dict[str, uuid.UUID | None] = {}
    for key, name in names.items():
        lead = user_id[roster[key][0]["username"]]
        if name in found:
            group_id[key], lead_id[key] = found[name][0], found[name][1]
            continue
        row = {**_stamp(ids, since), "name": name, "description": v.GROUPS[key][1],
               "team_lead_id": lead}
        new_groups.append(row)
        group_id[key], lead_id[key] = row["id"], lead
    if new_groups:
        conn.execute(insert(Group), new_groups)
    ref.groups_new = len(new_groups)

    have = {(r.group_id, r.user_id) for r in conn.execute(
        select(GroupMember.group_id, GroupMember.user_id)
        .where(GroupMember.group_id.in_(list(group_id.values()))))}
    members = []
    for key, people in roster.items():
        for u in people:
            pair = (group_id[key], user_id[u["username"]])
            if pair not in have:
                have.add(pair)
                members.append({**_stamp(ids, since), "group_id": pair[0], "user_id": pair[1]})
    if members:
        conn.execute(insert(GroupMember), members)

    # Assignable people are the group's current, active members — ours and anyone else's.
    rows = conn.execute(
        select(GroupMember.group_id, User.username, User.id)
        .join(User, User.id == GroupMember.user_id)
        .where(GroupMember.group_id.in_(list(group_id.values())),
               GroupMember.deleted_at.is_(None), User.deleted_at.is_(None),
               User.active.is_(True))).all()
    by_group: dict[uuid.UUID, list[tuple[str, str]]] = {}
    # Sorted here, not in SQL: PostgreSQL's collation may order "a.b" names differently from
    # SQLite's, and the same seed must give the same assignees on both.
    for gid, _name, uid in sorted(rows, key=lambda r: (r[0].hex, r[1])):
        by_group.setdefault(gid, []).append((uid.hex, str(uid)))
    for key, gid in group_id.items():
        people = tuple(by_group.get(gid, ()))
        lead = lead_id[key]
        lead_member = (lead.hex, str(lead)) if lead is not None else None
        ref.groups[key] = GroupRef(key, gid.hex, str(gid), names[key],
                                   lead_member if lead_member in people else None, people)


def _organizations(conn: Connection, v: ModuleType, locale: str, since: datetime,
                   ref: Reference) -> list[tuple[str, str, int]]:
    """(id hex, e-mail domain, weight) per organization."""
    ids = _Ids(random.Random(f"desk-demo-orgs:{locale}"))
    names = [name for name, _, _ in v.ORGANIZATIONS]
    found = {r.name: r.id for r in conn.execute(
        select(Organization.name, Organization.id).where(Organization.name.in_(names)))}
    new = []
    out = []
    for name, domain, weight in v.ORGANIZATIONS:
        row_id = found.get(name)
        if row_id is None:
            row = {**_stamp(ids, since), "name": name}
            new.append(row)
            row_id = row["id"]
        out.append((row_id.hex, domain, weight))
    if new:
        conn.execute(insert(Organization), new)
    ref.organizations_new = len(new)
    return out


def _categories(conn: Connection, v: ModuleType, locale: str, since: datetime,
                ref: Reference) -> None:
    ids = _Ids(random.Random(f"desk-demo-categories:{locale}"))
    found = {(r.parent_id, r.name): r.id for r in conn.execute(
        select(Category.parent_id, Category.name, Category.id))}
    new = []

    def node(parent: uuid.UUID | None, name: str) -> uuid.UUID:
        row_id = found.get((parent, name))
        if row_id is None:
            row = {**_stamp(ids, since), "name": name, "parent_id": parent}
            new.append(row)
            found[(parent, name)] = row_id = row["id"]
        return row_id

    parents = []
    for key, (name, subs) in v.CATEGORIES.items():
        parents.append((key, node(None, name), subs))
    if new:  # parents first: the children's foreign keys point at them
        conn.execute(insert(Category), new)
    ref.categories_new = len(new)
    new.clear()
    for key, parent_id, subs in parents:
        for sub_key, sub_name in subs:
            ref.categories[(key, sub_key)] = node(parent_id, sub_name).hex
    if new:
        conn.execute(insert(Category), new)
    ref.categories_new += len(new)


def _contacts(conn: Connection, v: ModuleType, locale: str, since: datetime,
              orgs: list[tuple[str, str, int]], count: int, ref: Reference) -> None:
    """The first ``count`` requesters of one fixed sequence (a bigger run extends it)."""
    rng = random.Random(f"desk-demo-contacts:{locale}")
    ids = _Ids(rng)
    weights = [w for _, _, w in orgs]
    emails: set[str] = set()
    people = []
    for i in range(count):
        org_hex, domain, _ = orgs[rng.choices(range(len(orgs)), weights)[0]]
        display, greeting, stem = vocab_mod.person(v, rng.random(), rng.random())
        email, k = f"{stem}@{domain}", 1
        while email in emails:
            k += 1
            email = f"{stem}{k}@{domain}"
        emails.add(email)
        phone = (f"+86 10 5555 {rng.randrange(10_000):04d}" if locale == "zh_CN"
                 else f"+1 555 01{rng.randrange(100):02d} {rng.randrange(10_000):04d}")
        when = since + timedelta(seconds=i)
        people.append(({**_stamp(ids, when), "name": display, "email": email, "phone": phone,
                        "organization_id": uuid.UUID(org_hex)}, greeting))
    found: dict[str, uuid.UUID] = {}
    all_emails = [p["email"] for p, _ in people]
    for part in _in_chunks(all_emails):
        found.update({r.email: r.id for r in conn.execute(
            select(Contact.email, Contact.id).where(Contact.email.in_(part),
                                                    Contact.deleted_at.is_(None)))})
    new = [p for p, _ in people if p["email"] not in found]
    for part in _in_chunks(new):
        conn.execute(insert(Contact), list(part))
    ref.contacts_new = len(new)
    ref.contacts = tuple(
        (found.get(p["email"], p["id"]).hex, greeting, p["organization_id"].hex)
        for p, greeting in people)

