"""Ticket numbers as typed: with or without the prefix, padded or not."""

from __future__ import annotations

from desk.db.session import Database
from desk.services.numbers import candidate_numbers, find_by_number
from tests.factories import make_team, make_ticket


def test_candidate_numbers() -> None:
    assert candidate_numbers("inc11899") == ["INC0011899"]
    assert candidate_numbers(" INC-0011899 ") == ["INC0011899"]
    assert candidate_numbers("11899") == ["INC0011899", "REQ0011899", "PRB0011899",
                                          "CHG0011899"]
    assert candidate_numbers("0011899") == candidate_numbers("11899")
    for text in ("", "printer 12", "INC", "11899x", "ABC11899"):
        assert candidate_numbers(text) == []


def test_a_bare_number_finds_every_kind_it_can_mean(db: Database) -> None:
    team = make_team(db)
    inc1 = make_ticket(db, team, title="Mail is down")
    inc2 = make_ticket(db, team, title="Printer jam")
    req1 = make_ticket(db, team, kind="service_request", title="New laptop")
    assert (inc1.number, inc2.number, req1.number) == ("INC0000001", "INC0000002",
                                                      "REQ0000001")
    # Unambiguous: only an incident has number 2.
    assert [(r.id, r.number, r.title) for r in find_by_number(db, "2")] == [
        (inc2.id, "INC0000002", "Printer jam")]
    # Ambiguous: the candidates, in number order.
    assert [r.number for r in find_by_number(db, "0000001")] == ["INC0000001", "REQ0000001"]
    # With its prefix a number means one ticket, in any case.
    assert [r.id for r in find_by_number(db, "req1")] == [req1.id]
    assert find_by_number(db, "3") == []
    assert find_by_number(db, "printer") == []

