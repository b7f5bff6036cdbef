"""What the filter builder offers: groups, users, organizations, categories (with their path)
and the names of contacts a filter already refers to."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from desk.db.session import Database
from desk.models import Category, Contact, Group, Organization, User


@dataclass(frozen=True)
class Choice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class FilterChoices:
    groups: tuple[Choice, ...]
    users: tuple[Choice, ...]
    organizations: tuple[Choice, ...]
    categories: tuple[Choice, ...]  # name is the path: "Hardware › Printer"
    contacts: tuple[Choice, ...]  # only those asked for (a filter's requesters)


def filter_choices(db: Database, contact_ids: Sequence[uuid.UUID] = ()) -> FilterChoices:
    with db.read() as s:
        groups = tuple(Choice(i, n) for i, n in s.execute(
            select(Group.id, Group.name).where(Group.deleted_at.is_(None)).order_by(Group.name)))
        users = tuple(Choice(i, n) for i, n in s.execute(
            select(User.id, User.display_name).where(User.deleted_at.is_(None))
            .order_by(User.display_name)))
        orgs = tuple(Choice(i, n) for i, n in s.execute(
            select(Organization.id, Organization.name).where(Organization.deleted_at.is_(None))
            .order_by(Organization.name)))
        cats = {i: (n, p) for i, n, p in s.execute(
            select(Category.id, Category.name, Category.parent_id)
            .where(Category.deleted_at.is_(None)))}
        contacts = tuple(Choice(i, n) for i, n in s.execute(
            select(Contact.id, Contact.name).where(Contact.id.in_(list(contact_ids))))) \
            if contact_ids else ()

    def path(cid: uuid.UUID) -> str:
        parts, seen = [], set()
        while cid in cats and cid not in seen:
            seen.add(cid)
            name, parent = cats[cid]
            parts.append(name)
            if parent is None:
                break
            cid = parent
        return " › ".join(reversed(parts))

    categories = tuple(sorted((Choice(i, path(i)) for i in cats), key=lambda c: c.name))
    return FilterChoices(groups, users, orgs, categories, contacts)
