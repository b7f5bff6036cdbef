"""A second record type runs on the same queue engine: its own table, columns, criteria and
terms — here the contacts, as knowledge articles or change approvals would come."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import ColumnElement, Table, update

from desk.db.session import Database
from desk.models import Contact, Organization
from desk.queues import columns as cols
from desk.queues.columns import JoinSpec, QueueColumn
from desk.queues.records import RecordType, register_record_type
from desk.queues.service import count, fetch_rows
from desk.queues.spec import RELEVANCE, Filter, SortSpec, ViewSpec
from desk.queues.sql import Cursor
from desk.queues.terms import FilterTerm, find_term, register_term
from desk.services import people
from desk.services.people import CurrentUser
from desk.timeutil import utcnow
from tests.factories import Team, make_ticket

CONTACTS: Table = Contact.__table__  # type: ignore[assignment]
JOINS = {"organization": JoinSpec(Organization.__table__, "organization_id")}  # type: ignore[arg-type]


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    name: str
    email: str | None
    organization: str | None
    extra: Mapping[str, Any]
    sort_key: tuple[Any, ...]


def make_row(r: Any, extra_keys: Sequence[str], sort_key: tuple[Any, ...]) -> ContactRow:
    first_extra = 1 + len(CORE)
    return ContactRow(*r[:first_extra],
                      {k: r[first_extra + i] for i, k in enumerate(extra_keys)}, sort_key)


def criteria(f: Filter, me: CurrentUser) -> list[ColumnElement[bool]]:
    return [CONTACTS.c.organization_id.in_(list(f.organization_ids))] if f.organization_ids else []


def _column(key: str, select: Any, sort: Any = None) -> QueueColumn:
    return QueueColumn(key, lambda: key, "text", select,
                       sort or (lambda ctx: [select(ctx)]), attr=key)


CORE = (
    _column("name", lambda ctx: CONTACTS.c.name),
    _column("email", lambda ctx: CONTACTS.c.email),
    _column("organization", lambda ctx: ctx.table("organization").c.name),
)
CONTACT = RecordType("contact", CONTACTS, JOINS, CORE, (), make_row, criteria)
HAS_EMAIL = FilterTerm("has_email",
                       lambda value: CONTACTS.c.email.is_not(None) if value else None)


@pytest.fixture
def contacts(db: Database) -> dict[str, uuid.UUID]:
    register_record_type(CONTACT)
    register_term(HAS_EMAIL, "contact")
    acme, _ = people.create_organization(db, "Acme")
    made = {}
    for name, email, org in (("Carol", "carol@example.com", acme.id), ("alice", None, None),
                             ("Bob", "bob@example.com", None), ("Dave", None, acme.id)):
        made[name] = people.create_contact(db, name, email, organization_id=org)[0].id
    with db.write() as s:
        s.execute(update(Contact).where(Contact.id == made["Dave"]).values(deleted_at=utcnow()))
    made["Acme"] = acme.id
    return made


def view(flt: Filter | None = None, sort: SortSpec | None = None) -> ViewSpec:
    return ViewSpec("contacts", "Contacts", flt or Filter(), sort or SortSpec("email", False),
                    record="contact")


def test_a_second_record_type_lists_its_own_rows(db: Database, me: CurrentUser,
                                                 contacts: dict[str, uuid.UUID]) -> None:
    rows = fetch_rows(db, view(sort=SortSpec("organization", True)), me, None, 0, 10)
    assert all(isinstance(r, ContactRow) for r in rows)
    assert {r.name: r.organization for r in rows} == {"Carol": "Acme", "alice": None,
                                                      "Bob": None}
    assert count(db, view(), me) == 3  # the deleted contact is not listed
    # Its own criteria (organization) and its own registered term (has an email).
    acme = view(Filter(organization_ids=(contacts["Acme"],)))
    assert [r.name for r in fetch_rows(db, acme, me, None, 0, 10)] == ["Carol"]
    with_email = view(Filter(terms=(("has_email", True),)))
    assert sorted(r.name for r in fetch_rows(db, with_email, me, None, 0, 10)) == ["Bob", "Carol"]
    # Its columns and terms are its own: the ticket queues do not get them.
    assert cols.all_columns("contact") == CORE
    assert "email" not in {c.key for c in cols.all_columns()}
    assert find_term("has_email") is None


def test_a_second_record_type_pages_by_keyset(db: Database, me: CurrentUser,
                                              contacts: dict[str, uuid.UUID]) -> None:
    spec = view(sort=SortSpec("name", False))
    everything = fetch_rows(db, spec, me, None, 0, 10)
    pages = fetch_rows(db, spec, me, None, 0, 1)
    while len(pages) < len(everything):
        pages += fetch_rows(db, spec, me, None, len(pages), 1, cursor=Cursor(pages[-1].sort_key))
    assert [r.id for r in pages] == [r.id for r in everything]


def test_the_record_type_is_saved_with_the_view() -> None:
    spec = view(Filter(terms=(("has_email", True),)))
    assert '"record": "contact"' in spec.to_json()
    again = ViewSpec.from_json(spec.key, spec.name, spec.to_json())
    assert again == spec
    # A ticket view is written as before record types.
    assert "record" not in ViewSpec("t", "t").to_json()
    assert ViewSpec.from_json("t", "t", ViewSpec("t", "t").to_json()).record == "ticket"


def test_kept_selects_are_kept_per_record_type(db: Database, me: CurrentUser, team: Team,
                                               contacts: dict[str, uuid.UUID]) -> None:
    """A ticket view and a contact view with the same filter and sort are two selects."""
    ticket = make_ticket(db, team)
    same = (Filter(), SortSpec(RELEVANCE, False))  # no text: most recently updated first
    tickets_first = fetch_rows(db, ViewSpec("t", "t", *same), me, None, 0, 10)
    contacts_then = fetch_rows(db, ViewSpec("c", "c", *same, record="contact"), me, None, 0, 10)
    assert [r.id for r in tickets_first] == [ticket.id]
    assert {r.name for r in contacts_then} == {"Carol", "alice", "Bob"}
