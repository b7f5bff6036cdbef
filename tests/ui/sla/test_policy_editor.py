"""The policy editor: a saved policy applies to the open tickets it matches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.services import people, tickets
from desk.sla.policy import list_policies
from desk.slaops import admin
from desk.ui.sla.policy_editor import PolicyEditor
from desk.ui.worker import DbRunner

from .conftest import MON


def open_editor(qtbot, keep, runner: DbRunner) -> PolicyEditor:
    editor = PolicyEditor(runner)
    keep(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.list.count() > 0 and editor.current is not None,
                    timeout=10_000)
    return editor


def tick(widget, value) -> None:
    for i in range(widget.count()):
        if widget.item(i).data(Qt.ItemDataRole.UserRole) == value:
            widget.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{value!r} not offered")


def test_new_policy_applies_to_matching_open_tickets(qtbot, sla, sla_runner, keep):
    acme, _ = people.create_organization(sla.db, "Acme Ltd")
    theirs = sla.create(MON, impact=3, urgency=1, organization_id=acme.id)
    other = sla.create(MON, impact=3, urgency=1)
    editor = open_editor(qtbot, keep, sla_runner)
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == [
        "10 · P1 Critical", "20 · P2 High", "30 · P3 Moderate", "40 · P4 Low",
        "50 · P5 Planning"]
    editor.new_policy()
    editor.name.setText("Acme contract")
    editor.name.textEdited.emit("Acme contract")
    editor.position.setValue(5)
    tick(editor.kinds, "incident")
    tick(editor.organizations, acme.id)
    resolution = editor.target_editors["resolution"]
    resolution.hours.setValue(2)
    resolution.minutes.setValue(30)
    resolution.calendar.setCurrentIndex(resolution.calendar.findText("24×7"))
    resolution.pauses.set_value(frozenset({"pending_customer"}))
    resolution.warning.setValue(50)
    resolution.breach_actions.raise_priority.setChecked(True)
    assert editor.is_dirty()
    editor.save()
    qtbot.waitUntil(lambda: editor.preview is not None, timeout=10_000)
    rows = editor.preview.move_texts()
    assert {r[0] for r in rows} == {theirs.number}  # only the Acme incident moves
    assert not any(p.name == "Acme contract" for p in list_policies(sla.db))  # not yet

    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.preview.apply_button.click()
    saved = next(p for p in list_policies(sla.db) if p.name == "Acme contract")
    assert saved.position == 5 and saved.kinds == ("incident",)
    assert saved.organization_ids == (acme.id,)
    spec = saved.target("resolution")
    assert spec.seconds == 9000 and spec.warning_percent == 50
    assert spec.pauses == frozenset({"pending_customer"})
    assert [a.kind for a in spec.breach_actions] == ["notify_lead", "raise_priority"]
    assert saved.target("first_response") is None

    clocks = {c.target: c for c in admin.panel_data(sla.db, theirs.id).clocks}
    assert set(clocks) == {"resolution"}
    assert clocks["resolution"].policy_name == "Acme contract"
    assert clocks["resolution"].target_seconds == 9000
    assert admin.panel_data(sla.db, other.id).clocks[0].policy_name == "P3 Moderate"
    # New tickets of Acme get it too.
    fresh = sla.create(MON, impact=2, urgency=2, organization_id=acme.id)
    assert admin.panel_data(sla.db, fresh.id).clocks[0].policy_name == "Acme contract"
    qtbot.waitUntil(lambda: editor.current is not None
                    and editor.current.name == "Acme contract", timeout=10_000)
    assert editor.list.item(0).text() == "5 · Acme contract"
    assert not editor.is_dirty()
    assert tickets.get_ticket(sla.db, theirs.id).status == "new"


def test_policy_mistakes_are_shown_at_the_field(qtbot, sla, sla_runner, keep):
    editor = open_editor(qtbot, keep, sla_runner)
    editor.new_policy()
    editor.save()
    assert editor.field_error("name") == "A policy needs a name"
    editor.name.setText("P2 High")
    editor.save()
    assert editor.field_error("name") == "Another policy is called P2 High"
    editor.name.setText("Nights")
    resolution = editor.target_editors["resolution"]
    resolution.hours.setValue(0)
    resolution.minutes.setValue(0)
    editor.save()
    assert editor.field_error("seconds", "resolution") == "The duration must be more than zero"
    resolution.setChecked(False)
    editor.save()
    assert editor.field_error(None) == "Tick at least one target below."
    assert editor.preview is None
    assert len(list_policies(sla.db)) == 5
