"""Escalations fire once per ticket, target and level — even with two consoles racing."""

from __future__ import annotations

import threading
from dataclasses import replace

from sqlalchemy import func, select

from desk.db.session import open_database
from desk.models.sla import SlaEscalation
from desk.services import people, tickets
from desk.sla.policy import Action, ActionKind, list_policies
from desk.slaops.escalation import notifications, run_escalations
from desk.slaops.service import apply_policy_change

from .conftest import MON, Desk, H, M


def test_warning_then_breach_fire_once_each(desk: Desk) -> None:
    t = desk.create(MON, impact=1, urgency=1)  # P1: response due in 15 min, warning at 75 %
    assert run_escalations(desk.db, MON + 5 * M).value == []
    fired = run_escalations(desk.db, MON + 12 * M).value
    assert [(f.number, f.target, f.level) for f in fired] == [
        (t.number, "first_response", "warning")]
    assert run_escalations(desk.db, MON + 13 * M).value == []
    fired = run_escalations(desk.db, MON + 16 * M).value
    assert [(f.target, f.level) for f in fired] == [("first_response", "breach")]
    assert fired[0].outcome == "Notified the team lead"

    shown = notifications(desk.db, [desk.team.group.id])
    assert [(n.number, n.target, n.level) for n in shown] == [
        (t.number, "first_response", "breach"), (t.number, "first_response", "warning")]
    assert shown[0].recipient_id == desk.team.lead.id
    assert "breached" in shown[0].text
    assert notifications(desk.db, []) == []


def test_stopped_clocks_do_not_escalate(desk: Desk) -> None:
    t = desk.create(MON, impact=1, urgency=1)
    desk.move(t.id, MON + 5 * M, status="in_progress")
    fired = run_escalations(desk.db, MON + 20 * M).value
    assert all(f.target != "first_response" for f in fired)


def test_breach_actions_reassign_and_raise_priority_through_the_ticket_service(
        desk: Desk) -> None:
    escalation_group, _ = people.create_group(desk.db, "Second line")
    p3 = next(p for p in list_policies(desk.db) if p.name == "P3 Moderate")
    fr = p3.target("first_response")
    actions = (Action(ActionKind.RAISE_PRIORITY),
               Action(ActionKind.REASSIGN, escalation_group.id))
    apply_policy_change(desk.db, replace(p3, targets=(
        replace(fr, breach_actions=actions, warning_actions=()), p3.target("resolution"))),
        now=MON)
    t = desk.create(MON, impact=3, urgency=1)  # P3: 2 business hours
    fired = run_escalations(desk.db, MON + 3 * H).value
    mine = [f for f in fired if f.ticket_id == t.id]
    assert [f.level for f in mine] == ["warning", "breach"]
    after = tickets.get_ticket(desk.db, t.id)
    assert after.group_id == escalation_group.id
    assert after.impact == 2 and after.priority == 2  # urgency 1 already: impact raised
    fields = [e.field for e in tickets.list_events(desk.db, t.id)]
    assert "group" in fields and fields.count("priority") == 2
    audit = {a.field for a in tickets.list_audit(desk.db, t.id)}
    assert {"group_id", "impact", "priority"} <= audit
    assert "Raised the priority" in mine[1].outcome


def test_two_consoles_racing_fire_each_escalation_exactly_once(desk: Desk) -> None:
    many = [desk.create(MON + i * M, impact=1, urgency=1) for i in range(6)]
    url = desk.db.target.url.render_as_string(hide_password=False)
    consoles = [open_database(url), open_database(url)]
    results: list[list] = [[], []]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def console(i: int) -> None:
        try:
            start.wait()
            for _ in range(3):
                results[i] += run_escalations(consoles[i], MON + 5 * H).value
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=console, args=(i,)) for i in (0, 1)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for c in consoles:
        c.dispose()
    assert errors == []
    fired = [(f.ticket_id, f.target, f.level) for r in results for f in r]
    # Each P1 ticket: warning and breach of first response and of resolution.
    assert len(fired) == len(set(fired)) == len(many) * 4
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SlaEscalation)) == len(many) * 4
