"""The queue engine's registries: filter terms and columns that features above the engine
add, and the kept selects that follow them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import literal

from desk.db.session import Database
from desk.queues import columns as cols
from desk.queues import registry
from desk.queues.service import count, fetch_rows
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.queues.terms import FilterTerm, register_term, unregister_term
from desk.services.people import CurrentUser
from tests.factories import Team, make_ticket

TITLE_IS = FilterTerm("title_is", lambda value: cols.TICKETS.c.title == value if value else None)


@pytest.fixture
def title_term() -> Iterator[FilterTerm]:
    register_term(TITLE_IS)
    yield TITLE_IS
    unregister_term(TITLE_IS.key)


def view(flt: Filter) -> ViewSpec:
    return ViewSpec("test", "test", flt, SortSpec("number", False))


def test_a_registered_term_narrows_the_view(db: Database, team: Team, me: CurrentUser,
                                            title_term: FilterTerm) -> None:
    printer = make_ticket(db, team, title="Printer jam")
    make_ticket(db, team, title="Mail is down")
    spec = view(Filter(terms=(("title_is", "Printer jam"),)))
    assert [r.number for r in fetch_rows(db, spec, me, None, 0, 10)] == [printer.number]
    assert count(db, spec, me) == 1
    # A value the term maps to no condition does not narrow.
    assert count(db, view(Filter(terms=(("title_is", ""),))), me) == 2


def test_kept_selects_follow_term_registration(db: Database, team: Team,
                                               me: CurrentUser) -> None:
    """A view carrying a term no feature registered (a newer Desk's) is not narrowed by it;
    once the term is registered, the same view's kept select is built again with it."""
    make_ticket(db, team, title="Printer jam")
    make_ticket(db, team, title="Mail is down")
    spec = view(Filter(terms=(("title_is", "Printer jam"),)))
    assert len(fetch_rows(db, spec, me, None, 0, 10)) == 2
    register_term(TITLE_IS)
    try:
        assert len(fetch_rows(db, spec, me, None, 0, 10)) == 1
    finally:
        unregister_term(TITLE_IS.key)
    assert len(fetch_rows(db, spec, me, None, 0, 10)) == 2


def test_a_version_source_rebuilds_kept_selects(db: Database, team: Team, me: CurrentUser,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A registered column whose SQL is built from a feature's state (as the SLA columns
    name the calendars' positions) shows the new state once the feature's version moves."""
    monkeypatch.setattr(registry, "_sources", registry._sources)  # restored afterwards
    state = {"bonus": 1, "generation": 0}
    bonus = cols.QueueColumn("bonus", lambda: "Bonus", "number",
                             lambda ctx: literal(state["bonus"]),
                             lambda ctx: [cols.TICKETS.c.number], attr=None)
    cols.register_column(bonus)
    registry.add_version_source(lambda: state["generation"])
    try:
        make_ticket(db, team)
        spec = view(Filter())
        assert fetch_rows(db, spec, me, None, 0, 10)[0].extra["bonus"] == 1
        state["bonus"], state["generation"] = 2, 1
        assert fetch_rows(db, spec, me, None, 0, 10)[0].extra["bonus"] == 2
    finally:
        cols.unregister_column("bonus")


def test_terms_round_trip_through_json() -> None:
    """Terms sit beside the fields under their own keys, whatever their order; a term this
    process never registered survives a round trip (a newer Desk's criterion)."""
    written = {"open_only": True, "sla_at_risk": True, "mood": ["calm", "busy"],
               "nested": {"ignored": 1}}
    flt = Filter.from_dict(written)
    assert flt == Filter(open_only=True, terms=(("mood", ("calm", "busy")),
                                                ("sla_at_risk", True)))
    assert flt.term("sla_at_risk") is True and flt.term("missing") is None
    assert flt.to_dict() == {"open_only": True, "sla_at_risk": True, "mood": ["calm", "busy"]}
    assert Filter.from_dict(flt.to_dict()) == flt
    assert hash(flt) == hash(Filter.from_dict(flt.to_dict()))
