from __future__ import annotations

from desk.domain.enums import Kind
from tests.factories import make_team, make_ticket


def test_create_ticket_numbers_per_kind(db):
    team = make_team(db)
    a = make_ticket(db, team)
    b = make_ticket(db, team)
    c = make_ticket(db, team, kind=Kind.CHANGE, title="Upgrade firewall")
    assert (a.number, b.number, c.number) == ("INC0000001", "INC0000002", "CHG0000001")
