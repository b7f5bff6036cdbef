"""The demo CMDB, and the major-incident suggestion and linking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from desk.cmdb import graph
from desk.cmdb import services as sv
from desk.cmdb.csvio import export_cmdb
from desk.cmdb.demo import add_demo_cmdb
from desk.cmdb.major import link_major_incident, suggest_major_incident
from desk.cmdb.settings import set_major_incident_rule, set_outage_directions
from desk.db.session import open_database
from desk.demo.generate import generate_demo
from desk.demo.names import CI_NAME
from desk.domain.enums import Kind
from desk.models import Ticket
from desk.services import tickets
from tests.cmdb.helpers import ci
from tests.factories import make_team

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def incident(db, team, title, minutes):
    view, _ = tickets.create_ticket(db, team.agent.id, tickets.NewTicket(
        kind=Kind.INCIDENT, title=title, group_id=team.group.id),
        at=T0 + timedelta(minutes=minutes))
    return view


def test_demo_cmdb_is_realistic_linked_reproducible_and_runs_twice(db, tmp_path):
    team = make_team(db)
    named = incident(db, team, "Switch office4-sw-1 down at Warsaw plant", 0)
    tickets.update_ticket(db, None, named.id, named.row_version, {
        "description": "Monitoring reports office4-sw-1 unreachable; vm-00012 and "
                       "vm-00012 too, and vm-99999 (no such VM)."})
    plain = incident(db, team, "Printer jam", 10)
    add_demo_cmdb(db, seed=7, locale="en")
    classes = {c.name: c.count for c in sv.list_classes(db, with_counts=True)}
    assert 3000 < sum(classes.values()) < 4000
    # Four data centres, and an office for every site the demo tickets mention.
    assert classes["business_service"] == 40 and classes["location"] == 4 + 10
    dc = sv.search_cis(db, "Frankfurt DC")[0]
    down = graph.impact(db, [dc.id])
    assert len(down.affected) > 300 and len(down.services) > 5
    # A ticket is linked to the CIs its text names (once each), and only to those.
    assert sorted(c.name for c in sv.ticket_cis(db, named.id)) == ["office4-sw-1", "vm-00012"]
    assert sv.ticket_cis(db, plain.id) == []
    switch = sv.search_cis(db, "office4-sw-1")[0]
    assert sv.get_ci(db, switch.id).location == "Warsaw plant"
    add_demo_cmdb(db, seed=7, locale="en")  # the second run adds nothing and does not fail
    assert {c.name: c.count for c in sv.list_classes(db, with_counts=True)} == classes

    export_cmdb(db, tmp_path / "a.csv", tmp_path / "a-rels.csv")
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        make_team(other)
        add_demo_cmdb(other, seed=7, locale="en")
        export_cmdb(other, tmp_path / "b.csv", tmp_path / "b-rels.csv")
    finally:
        other.dispose()
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a-rels.csv").read_bytes() == (tmp_path / "b-rels.csv").read_bytes()


def test_a_core_switch_outage_reaches_what_hangs_off_it(sqlite_db):
    """dc1-core-1 feeds six rack switches and four office switches: its impact lists them,
    the hosts, VMs and applications behind them and the offices' workstations; an
    administrator who says "connects to" carries no outage gets nothing."""
    db = sqlite_db
    add_demo_cmdb(db, seed=1, locale="en")
    core = sv.search_cis(db, "dc1-core-1")[0]
    result = graph.impact(db, [core.id])
    first = {c.name for c in result.affected if c.distance == 1}
    assert first == {f"dc1-tor-{i:02d}" for i in range(1, 7)} | {
        f"office{o}-sw-1" for o in range(1, 5)}
    classes = {c.class_name for c in result.affected}
    assert {"server", "virtual_machine", "application", "workstation",
            "business_service"} <= classes
    assert any(c.name.startswith("dc1-esx-") and c.distance == 2 for c in result.affected)
    assert not any(c.name.startswith("dc2-") for c in result.affected)
    assert {"Wi-Fi", "Printing"} <= {c.name for c in result.services}
    set_outage_directions(db, {"connects_to": "none"})
    assert graph.impact(db, [core.id]).affected == ()


def test_demo_major_incidents_are_linked_to_the_ci_that_is_down(sqlite_db):
    db = sqlite_db
    generate_demo(db, tickets=3000, seed=2, now=datetime(2026, 3, 2, 12, 0, tzinfo=UTC),
                  extras=False)
    add_demo_cmdb(db, seed=2, locale="en")
    with db.read() as s:
        majors = list(s.execute(select(Ticket.id, Ticket.title, Ticket.description)
                                .where(Ticket.major_incident.is_(True))))
    assert majors
    outages = []
    for ticket_id, title, description in majors:
        named = set(CI_NAME.findall(f"{title} {description}"))
        cis = sv.ticket_cis(db, ticket_id)
        assert {c.name for c in cis} == named, title
        if cis:
            outages.append(graph.impact(db, [c.id for c in cis]).affected)
    # The impact view of a major incident shows what its outage takes down.
    assert any(outages)
    # A site named in a ticket is the location of the switch it names.
    with db.read() as s:
        titles = list(s.scalars(select(Ticket.title)
                                .where(Ticket.title.like("Switch % down at %"))))
    assert titles
    for title in titles:
        name, site = title.removeprefix("Switch ").split(" down at ")
        assert sv.get_ci(db, sv.search_cis(db, name)[0].id).location == site


def test_demo_cmdb_in_chinese(sqlite_db):
    add_demo_cmdb(sqlite_db, seed=1, locale="zh_CN")
    assert sv.search_cis(sqlite_db, "网上银行")[0].class_name == "business_service"


def test_major_incident_suggested_and_linked_through_the_ticket_service(db):
    team = make_team(db)
    crm = ci(db, "crm")
    first = incident(db, team, "CRM down", 0)
    second = incident(db, team, "CRM slow", 20)
    late = incident(db, team, "CRM error", 200)
    third = incident(db, team, "CRM login fails", 50)
    for t in (first, second, late):
        sv.link_ci(db, team.agent.id, t.id, crm.id)
    assert suggest_major_incident(db, first.id) is None  # two within the hour so far
    sv.link_ci(db, team.agent.id, third.id, crm.id)
    hint = suggest_major_incident(db, third.id)
    assert hint is not None and hint.ci_name == "crm" and hint.count == 3
    assert [t.number for t in hint.incidents] == [first.number, second.number, third.number]
    assert hint.parent_id == third.id  # the ticket on screen, when none is major yet

    result = link_major_incident(db, team.lead.id, first.id,
                                 [t.id for t in hint.incidents]).value
    assert result.parent_number == first.number
    assert set(result.linked) == {second.number, third.number} and result.skipped == ()
    assert tickets.get_ticket(db, first.id).major_incident
    assert tickets.get_ticket(db, third.id).parent_id == first.id
    audit = {a.field for a in tickets.list_audit(db, second.id)}
    assert "parent_id" in audit
    assert suggest_major_incident(db, third.id) is None  # already linked

    set_major_incident_rule(db, count=4, minutes=300)
    hint = suggest_major_incident(db, late.id)
    assert hint is not None and hint.parent_id == first.id  # the existing major incident
    assert len(hint.incidents) == 4


def test_no_suggestion_for_incidents_already_under_a_major_incident(db):
    """The major incident's children on a CI it is not linked to itself (or opened before the
    window) are handled: no suggestion to link them under one of themselves."""
    team = make_team(db)
    switch = ci(db, "sw-lyo-acc-01")
    major = incident(db, team, "Lyon plant network down", 0)
    children = [incident(db, team, f"No network in hall {n}", 200 + 10 * n) for n in range(4)]
    link_major_incident(db, team.lead.id, major.id, [c.id for c in children])
    for c in children:
        sv.link_ci(db, team.agent.id, c.id, switch.id)
    assert suggest_major_incident(db, children[2].id) is None
