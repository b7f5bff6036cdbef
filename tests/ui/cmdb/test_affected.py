"""The ticket form's affected-CIs panel: picking, services, other tickets, major incidents."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desk.cmdb import services as sv
from desk.domain.enums import Kind
from desk.services import people, tickets
from desk.timeutil import utcnow
from desk.ui.cmdb.affected import AffectedCisPanel
from tests.factories import make_team

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def incident(db, team, title, minutes_ago):
    view, _ = tickets.create_ticket(db, team.agent.id, tickets.NewTicket(
        kind=Kind.INCIDENT, title=title, group_id=team.group.id),
        at=utcnow() - timedelta(minutes=minutes_ago))
    return view


@pytest.fixture
def team(db):
    return make_team(db)


@pytest.fixture
def panel(qtbot, db, team, cmdb_runner):
    me = people.current_user(db, team.agent.username)
    w = AffectedCisPanel(cmdb_runner, me)
    qtbot.addWidget(w)
    w.resize(420, 640)
    w.show()
    return w


def test_pick_cis_as_you_type_and_see_services_and_other_tickets(qtbot, db, cmdb, team,
                                                                 panel):
    mine = incident(db, team, "Banking slow", 5)
    other = incident(db, team, "CRM errors", 10)
    sv.link_ci(db, None, other.id, cmdb.ids["vm-2"])
    panel.set_ticket(None)
    assert not panel.search.isEnabled()  # a ticket not saved yet has no CIs

    with qtbot.waitSignal(panel.stateLoaded):
        panel.set_ticket(mine.id)
    assert panel.linked.count() == 0
    with qtbot.waitSignal(panel.searchDone, timeout=10_000):
        qtbot.keyClicks(panel.search, "VM-")
    assert [panel.result_list.item(i).text() for i in range(panel.result_list.count())] == [
        "vm-1 — Virtual machine", "vm-2 — Virtual machine"]
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.stateLoaded):
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert [panel.linked.item(i).text() for i in range(panel.linked.count())] == [
        "vm-2 — Virtual machine"]
    assert panel.search.text() == "" and not panel.result_list.isVisible()
    assert panel.services.text() == "Affected business services: Banking"
    assert panel.others.count() == 1
    assert panel.others.item(0).text().startswith(other.number)
    with qtbot.waitSignal(panel.openTicketRequested) as opened:
        panel.others.itemActivated.emit(panel.others.item(0))
    assert opened.args == [other.id]
    assert [c.name for c in sv.ticket_cis(db, mine.id)] == ["vm-2"]

    # Already linked CIs are not offered again; no match says so.
    with qtbot.waitSignal(panel.searchDone, timeout=10_000):
        qtbot.keyClicks(panel.search, "vm-2")
    assert panel.result_list.item(0).text() == "No CI matches “vm-2”"

    panel.linked.setCurrentRow(0)
    assert panel.remove.isEnabled()
    with qtbot.waitSignal(panel.stateLoaded):
        qtbot.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
    assert panel.linked.count() == 0 and sv.ticket_cis(db, mine.id) == []
    assert not panel.banner.isVisible()


def test_major_incident_suggestion_links_incidents_under_a_parent(qtbot, db, cmdb, team,
                                                                  panel):
    crm = cmdb.ids["crm"]
    first = incident(db, team, "CRM down", 40)
    second = incident(db, team, "CRM slow", 25)
    third = incident(db, team, "CRM login fails", 3)
    for t in (first, second):
        sv.link_ci(db, None, t.id, crm)
    with qtbot.waitSignal(panel.stateLoaded):
        panel.set_ticket(third.id)
    assert not panel.banner.isVisible()
    with qtbot.waitSignal(panel.searchDone, timeout=10_000):
        qtbot.keyClicks(panel.search, "crm")
    with qtbot.waitSignal(panel.stateLoaded):
        panel.result_list.itemClicked.emit(panel.result_list.item(0))
    assert panel.banner.isVisible()
    assert "3 open incidents on crm within 60 minutes" in panel.banner_text.text()
    assert panel.parent_choice.currentData() == third.id  # this ticket, by default
    panel.parent_choice.setCurrentIndex(0)
    assert panel.parent_choice.currentData() == first.id
    with qtbot.waitSignal(panel.stateLoaded, timeout=10_000):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is a major incident" in panel.message.text())
    assert f"{first.number} is a major incident" in panel.message.text()
    assert tickets.get_ticket(db, first.id).major_incident
    assert tickets.get_ticket(db, second.id).parent_id == first.id
    assert tickets.get_ticket(db, third.id).parent_id == first.id
    qtbot.waitUntil(lambda: not panel.banner.isVisible())
