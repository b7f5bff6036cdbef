"""Built-in views, the filter criteria and their JSON form, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import update

from desk.db.session import Database
from desk.domain.enums import Channel, Kind, Status
from desk.models import Ticket
from desk.queues.builtin import builtin_views
from desk.queues.service import count, fetch_rows
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.services import people, tickets
from desk.services.people import CurrentUser
from desk.timeutil import utcnow
from tests.factories import Team, make_ticket


def numbers(db: Database, spec: ViewSpec, me: CurrentUser) -> set[str]:
    rows = fetch_rows(db, spec, me, None, 0, 1000)
    assert count(db, spec, me) == len(rows)
    return {r.number for r in rows}


def by_key(key: str) -> ViewSpec:
    return next(v for v in builtin_views() if v.key == key)


@pytest.fixture
def desk_state(db: Database, team: Team) -> dict[str, str]:
    """One ticket per situation the built-in views tell apart."""
    other_group, _ = people.create_group(db, "Network")
    people.add_member(db, other_group.id, team.other.id)
    old = utcnow() - timedelta(days=30)

    mine = make_ticket(db, team, title="mine", assignee_id=team.agent.id)
    unassigned = make_ticket(db, team, title="unassigned")
    tickets.update_ticket(db, team.agent.id, unassigned.id, unassigned.row_version,
                          {"status": Status.IN_PROGRESS})
    elsewhere = tickets.create_ticket(db, team.other.id, tickets.NewTicket(
        kind=Kind.INCIDENT, title="other group", group_id=other_group.id))[0]
    resolved = make_ticket(db, team, title="resolved", assignee_id=team.agent.id)
    tickets.update_ticket(db, team.agent.id, resolved.id, resolved.row_version,
                          {"status": Status.RESOLVED, "resolution_code": "solved"})
    major = tickets.create_ticket(db, team.other.id, tickets.NewTicket(
        kind=Kind.INCIDENT, title="major", group_id=other_group.id, major_incident=True,
        impact=1, urgency=1))[0]
    stale = tickets.create_ticket(db, team.lead.id, tickets.NewTicket(
        kind=Kind.SERVICE_REQUEST, title="stale request", group_id=team.group.id,
        assignee_id=team.lead.id, channel=Channel.PORTAL), at=old)[0]
    gone = make_ticket(db, team, title="deleted", assignee_id=team.agent.id)
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == gone.id).values(deleted_at=utcnow()))
    return {"mine": mine.number, "unassigned": unassigned.number,
            "elsewhere": elsewhere.number, "resolved": resolved.number, "major": major.number,
            "stale": stale.number}


def test_builtin_views_select_their_tickets(db: Database, me: CurrentUser,
                                            desk_state: dict[str, str]) -> None:
    n = desk_state
    assert numbers(db, by_key("builtin:my_open"), me) == {n["mine"]}
    assert numbers(db, by_key("builtin:unassigned"), me) == {n["unassigned"]}
    assert numbers(db, by_key("builtin:group_open"), me) == {n["mine"], n["unassigned"],
                                                              n["stale"]}
    assert numbers(db, by_key("builtin:recent"), me) == {
        n["mine"], n["unassigned"], n["elsewhere"], n["resolved"], n["major"]}
    assert numbers(db, by_key("builtin:major"), me) == {n["major"]}
    assert numbers(db, by_key("builtin:all"), me) == set(n.values())


def test_my_groups_views_are_empty_for_someone_without_groups(
        db: Database, team: Team, desk_state: dict[str, str]) -> None:
    people.create_user(db, "loner", "Lone Ranger")
    me = people.current_user(db, "loner")
    assert me is not None and me.group_ids == ()
    assert numbers(db, by_key("builtin:group_open"), me) == set()
    assert numbers(db, by_key("builtin:unassigned"), me) == set()


def test_filter_criteria(db: Database, team: Team, me: CurrentUser,
                         desk_state: dict[str, str]) -> None:
    n = desk_state

    def only(**kw: object) -> set[str]:
        return numbers(db, ViewSpec("t", "t", Filter(**kw)), me)  # type: ignore[arg-type]

    assert only(kinds=(Kind.SERVICE_REQUEST,)) == {n["stale"]}
    assert only(statuses=(Status.RESOLVED,)) == {n["resolved"]}
    assert only(priorities=(1,)) == {n["major"]}
    assert only(channels=(Channel.PORTAL,)) == {n["stale"]}
    assert only(assignee_ids=(team.lead.id,)) == {n["stale"]}
    assert only(assigned_to_me=True, unassigned=True, open_only=True) == {
        n["mine"], n["unassigned"], n["elsewhere"], n["major"]}
    assert only(major_incident=False, open_only=True, my_groups=True) == {
        n["mine"], n["unassigned"], n["stale"]}
    assert only(updated_to=utcnow() - timedelta(days=1)) == {n["stale"]}
    assert only(created_from=utcnow() - timedelta(days=1), kinds=(Kind.SERVICE_REQUEST,)) \
        == set()
    assert only(created_within_days=60, kinds=(Kind.SERVICE_REQUEST,)) == {n["stale"]}
    assert only(group_ids=(uuid.uuid4(),)) == set()


def test_sort_by_priority_puts_critical_first(db: Database, me: CurrentUser,
                                              desk_state: dict[str, str]) -> None:
    rows = fetch_rows(db, by_key("builtin:all"), me, SortSpec("priority", False), 0, 100)
    assert rows[0].number == desk_state["major"]
    assert [r.priority for r in rows] == sorted(r.priority for r in rows)
    rows = fetch_rows(db, by_key("builtin:all"), me, SortSpec("priority", True), 0, 100)
    assert rows[-1].number == desk_state["major"]


def test_rows_carry_joined_names(db: Database, team: Team, me: CurrentUser) -> None:
    t = make_ticket(db, team, title="with names", assignee_id=team.agent.id)
    row = fetch_rows(db, by_key("builtin:my_open"), me, None, 0, 10)[0]
    assert (row.id, row.title, row.group, row.assignee) == (
        t.id, "with names", team.group.name, team.agent.display_name)
    assert row.created_at.tzinfo is not None and row.updated_at.tzinfo is not None


_ids = st.lists(st.uuids(), max_size=3).map(tuple)
_aware = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                      timezones=st.just(UTC))


@given(st.builds(
    Filter, kinds=st.lists(st.sampled_from(list(Kind))).map(tuple),
    open_only=st.booleans(), priorities=st.lists(st.integers(1, 5)).map(tuple),
    my_groups=st.booleans(), group_ids=_ids, assignee_ids=_ids, requester_ids=_ids,
    major_incident=st.none() | st.booleans(), created_from=st.none() | _aware,
    updated_to=st.none() | _aware, updated_within_days=st.none() | st.integers(0, 3650),
    text=st.text(max_size=200)))
def test_filter_json_round_trip(flt: Filter) -> None:
    spec = ViewSpec("k", "name", flt, SortSpec("title", False))
    back = ViewSpec.from_json("k", "name", spec.to_json())
    assert back == spec


def test_filter_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError):
        Filter(created_from=datetime(2025, 1, 1))


def test_a_view_relative_to_today_moves_with_the_clock(db: Database, team: Team,
                                                      me: CurrentUser, monkeypatch) -> None:
    """Showing a view again reuses its built query; "updated in the last day" is still
    worked out as of each read: the ticket leaves that view as days pass."""
    ticket = make_ticket(db, team, title="Fresh")
    spec = ViewSpec("test", "Last day", Filter(updated_within_days=1))
    plain = ViewSpec("test2", "All", Filter())
    assert ticket.number in numbers(db, spec, me)
    assert ticket.number in numbers(db, plain, me)
    later = utcnow() + timedelta(days=2)
    monkeypatch.setattr("desk.queues.service.utcnow", lambda: later)
    assert numbers(db, spec, me) == set()
    assert ticket.number in numbers(db, plain, me)
