"""The demo CMDB, and the major-incident suggestion and linking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desk.cmdb import graph
from desk.cmdb import services as sv
from desk.cmdb.csvio import export_cmdb
from desk.cmdb.demo import add_demo_cmdb
from desk.cmdb.major import link_major_incident, suggest_major_incident
from desk.cmdb.settings import set_major_incident_rule
from desk.db.session import open_database
from desk.domain.enums import Kind
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
    for i in range(12):
        incident(db, team, f"Outage {i}", i * 10)
    add_demo_cmdb(db, seed=7, locale="en")
    classes = {c.name: c.count for c in sv.list_classes(db, with_counts=True)}
    assert 3000 < sum(classes.values()) < 4000
    assert classes["business_service"] == 40 and classes["location"] == 10
    dc = sv.search_cis(db, "Frankfurt DC")[0]
    down = graph.impact(db, [dc.id])
    assert len(down.affected) > 300 and len(down.services) > 5
    bursts = [sv.ticket_cis(db, t.id) for t in (tickets.find_by_number(db, f"INC000000{i}")
                                                 for i in (1, 2, 3))]
    assert bursts[0] and bursts[0] == bursts[1] == bursts[2]  # a burst shares one CI
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
