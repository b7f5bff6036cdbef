"""The ticket form's SLA panel: targets, due instants, and the explained timeline."""

from __future__ import annotations

from desk.drafts import database_key
from desk.services import tickets
from desk.ui.sla.panel import SlaPanel
from desk.ui.ticket.form import TicketForm

from .conftest import MON, H, M


def test_panel_shows_targets_and_a_pending_pause_with_its_reason(qtbot, sla, sla_runner, keep):
    t = sla.create(MON, impact=3, urgency=1)  # P3: 2 h response, 3 business days resolution
    sla.move(t.id, MON + 30 * M, status="in_progress")  # first response met
    sla.move(t.id, MON + H, status="pending_customer")
    panel = SlaPanel(sla_runner, sla.user())
    keep(panel)
    panel.resize(900, 500)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_ticket(t.id)
    rows = {r[0]: r for r in panel.row_texts()}
    assert set(rows) == {"First response", "Resolution"}
    assert rows["First response"][1] == "Met"
    assert rows["First response"][2] == "took 30m of 2h 00m"
    assert rows["Resolution"][1] == "paused — pending customer"
    assert rows["Resolution"][2] == "23h 00m"  # 24 business hours less the hour it ran
    assert "P3 Moderate" in rows["Resolution"][5]
    assert "Standard business hours" in rows["Resolution"][5]
    # The paused clock is chosen; its timeline says why it does not count.
    assert panel.target_combo.currentData() == "resolution"
    spans = panel.span_texts()
    assert spans[0] == "Running: business hours"
    assert spans[-1] == "Paused: status Pending: customer"
    assert panel.spans_table.item(panel.spans_table.rowCount() - 1, 1).text() == "now"
    assert panel.spans_table.item(0, 3).text() == "1h 00m"

    # The first response's timeline: ran 30 minutes, then stopped as met.
    panel.target_combo.setCurrentIndex(panel.target_combo.findData("first_response"))
    assert panel.span_texts() == ["Running: business hours", "Stopped: target met"]


def test_running_clock_shows_due_in_local_and_calendar_time(qtbot, sla, sla_runner, keep):
    from desk.sla.policy import find_calendar
    from desk.slaops.service import apply_calendar_change

    cal = find_calendar(sla.db, "Standard business hours")
    definition = dict(cal.definition, tz="Asia/Shanghai")
    apply_calendar_change(sla.db, cal.id, definition, now=MON)
    t = sla.create(MON, impact=3, urgency=1)
    panel = SlaPanel(sla_runner, sla.user())
    keep(panel)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_ticket(t.id)
    rows = {r[0]: r for r in panel.row_texts()}
    fr = panel.clock("first_response")
    assert fr is not None and fr.due_at is not None
    # 09:00 UTC Monday is 17:00 in Shanghai, the end of its day: due Tuesday 11:00 there.
    assert rows["First response"][4] == "2026-03-03 11:00 Asia/Shanghai"
    assert rows["First response"][1] == "Breached (running)"


def test_form_has_an_sla_tab_that_follows_changes(qtbot, sla, sla_runner, keep, tmp_path):
    from desk.drafts import DraftStore

    t = sla.create(MON, impact=3, urgency=1)
    form = TicketForm(sla_runner, sla.user(), DraftStore(tmp_path / "d"),
                      database_key(sla.db.target), ticket_id=t.id)
    keep(form)
    form.resize(1000, 800)
    form.show()
    qtbot.waitUntil(lambda: form.ready and form.sla.data is not None, timeout=10_000)
    assert form.tabs.tabText(form.tabs.indexOf(form.sla)) == "SLA"
    form.tabs.setCurrentWidget(form.sla)
    assert form.sla.clock("resolution").state == "running"
    current = tickets.get_ticket(sla.db, t.id)
    with qtbot.waitSignal(form.sla.loaded, timeout=10_000):
        sla_runner.write(tickets.update_ticket, sla.team.agent.id, t.id, current.row_version,
                         {"status": "pending_customer"})
    assert form.sla.clock("resolution").state == "paused"
    # Opened in March, paused in November: long past its target.
    assert form.sla.row_texts()[1][1] == "paused — pending customer · breached"
