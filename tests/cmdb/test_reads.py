"""The CMDB screens' reads: each one core call reading one snapshot."""

from __future__ import annotations

from datetime import timedelta

from desk.cmdb import services as sv
from desk.cmdb.affected import affected_cis
from desk.domain.enums import Kind
from desk.services import people, tickets
from desk.timeutil import utcnow
from tests.cmdb.helpers import ci, rel
from tests.factories import make_team
from tests.reads import save_while_reading


def incident(db, team, title, minutes_ago=5):
    view, _ = tickets.create_ticket(db, team.agent.id, tickets.NewTicket(
        kind=Kind.INCIDENT, title=title, group_id=team.group.id),
        at=utcnow() - timedelta(minutes=minutes_ago))
    return view


def test_ci_detail_names_only_the_people_in_its_history(db):
    team = make_team(db)
    people.create_user(db, "bystander", "Bea Bystander")
    app = ci(db, "crm", "application")
    vm = ci(db, "vm-1", "virtual_machine")
    rel(db, app, "runs_on", vm)
    sv.update_ci(db, team.lead.id, app.id, app.row_version, {"criticality": 1})
    t = incident(db, team, "CRM down")
    sv.link_ci(db, team.agent.id, t.id, app.id)
    d = sv.ci_detail(db, app.id)
    assert d.ci.name == "crm" and d.ci.criticality == 1
    assert [(r.other_name, r.outgoing) for r in d.relations] == [("vm-1", True)]
    assert [x.number for x in d.tickets] == [t.number]
    assert d.actors == {team.lead.id: "Lena Lead"}
    assert d.actors[d.history[0].actor_id] == "Lena Lead"


def test_affected_cis_shows_services_other_tickets_and_a_burst(db):
    team = make_team(db)
    bank = ci(db, "Banking", "business_service")
    app = ci(db, "bank-app", "application")
    rel(db, bank, "depends_on", app)
    mine, a, b = (incident(db, team, f"slow {i}", i) for i in range(3))
    for t in (mine, a, b):
        sv.link_ci(db, team.agent.id, t.id, app.id)
    st = affected_cis(db, mine.id)
    assert [c.name for c in st.linked] == ["bank-app"]
    assert [s.name for s in st.services] == ["Banking"]
    assert sorted(t.number for t, names in st.others) == sorted([a.number, b.number])
    assert all(names == ["bank-app"] for _t, names in st.others)
    assert st.suggestion is not None and len(st.suggestion.incidents) == 3


def test_affected_cis_is_one_snapshot_when_incidents_arrive_meanwhile(db):
    team = make_team(db)
    app = ci(db, "bank-app", "application")
    mine = incident(db, team, "slow")
    sv.link_ci(db, team.agent.id, mine.id, app.id)
    late = [incident(db, team, f"also slow {i}") for i in range(2)]

    def save() -> None:
        for t in late:
            sv.link_ci(db, team.agent.id, t.id, app.id)

    # The other tickets are read first, the burst after the two links commit.
    with save_while_reading(db, "tickets", save, nth=2):
        st = affected_cis(db, mine.id)
    assert st.others == [] and st.suggestion is None
    st = affected_cis(db, mine.id)
    assert len(st.others) == 2 and st.suggestion is not None
