"""The calendar editor: round trip with make-up days, errors at the field, preview first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desk.services import tickets
from desk.sla.policy import find_calendar
from desk.slaops import admin
from desk.ui.sla.calendar_editor import CalendarEditor
from desk.ui.worker import DbRunner

from .conftest import MON


def open_editor(qtbot, keep, runner: DbRunner) -> CalendarEditor:
    editor = CalendarEditor(runner)
    keep(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.list.count() > 0, timeout=10_000)
    return editor


def type_into(edit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def select(editor: CalendarEditor, name: str) -> None:
    items = editor.list.findItems(name, Qt.MatchFlag.MatchExactly)
    editor.list.setCurrentItem(items[0])


def test_calendar_with_make_up_days_round_trips(qtbot, sla, sla_runner, keep, tmp_path):
    editor = open_editor(qtbot, keep, sla_runner)
    assert sorted(editor.list.item(i).text() for i in range(editor.list.count())) == [
        "24×7", "Standard business hours"]
    editor.new_calendar()
    type_into(editor.name, "Shanghai office")
    editor.tz.setCurrentText("Asia/Shanghai")
    for day in ("mon", "tue", "wed", "thu", "fri"):
        type_into(editor.day_edits[day], "9:00-12:00, 13:00 – 18:00")
    assert editor.day_totals["mon"].text() == "8h 00m"
    editor.add_holiday(date(2026, 2, 17))
    editor.add_workday(date(2026, 2, 14))  # a Saturday worked before the Spring Festival
    assert editor.workday_rows() == [("2026-02-14", "09:00–12:00, 13:00–18:00")]
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    stored = find_calendar(sla.db, "Shanghai office").definition
    assert stored["tz"] == "Asia/Shanghai"
    assert stored["hours"]["mon"] == [["09:00", "12:00"], ["13:00", "18:00"]]
    assert stored["hours"]["sat"] == []
    assert stored["holidays"] == ["2026-02-17"]
    assert stored["workdays"] == {"2026-02-14": [["09:00", "12:00"], ["13:00", "18:00"]]}
    qtbot.waitUntil(lambda: editor.current is not None
                    and editor.current.name == "Shanghai office", timeout=10_000)
    assert not editor.is_dirty()

    # Out to a file and into a fresh editor: the same calendar.
    path = tmp_path / "shanghai.json"
    assert editor.export_file(path)
    assert admin.read_calendar_file(path) == stored
    other = open_editor(qtbot, keep, sla_runner)
    other.new_calendar()
    assert other.import_file(path)
    assert other.name.text() == "shanghai"
    assert other.definition() == stored
    assert other.workday_rows() == [("2026-02-14", "09:00–12:00, 13:00–18:00")]
    select(other, "Shanghai office")  # unsaved import: stays put and says why
    assert "Save or revert" in other.status.text()
    assert other.name.text() == "shanghai"


def test_overlapping_segments_are_refused_at_the_weekday(qtbot, sla, sla_runner, keep):
    before = find_calendar(sla.db, "Standard business hours")
    editor = open_editor(qtbot, keep, sla_runner)
    select(editor, "Standard business hours")
    type_into(editor.day_edits["tue"], "09:00–12:00, 11:30–17:00")
    editor.save()
    message = editor.field_error("hours.tue")
    assert message == ("11:30–17:00 overlaps 09:00–12:00; segments of one day may not overlap")
    assert editor.field_error("hours.mon") == ""
    assert editor.day_edits["tue"].text() == "09:00–12:00, 11:30–17:00"  # nothing lost
    assert editor.preview is None
    type_into(editor.day_edits["tue"], "09:00–12:00, noon")
    editor.save()
    assert "write each segment as 09:00–12:00" in editor.field_error("hours.tue")
    type_into(editor.day_edits["tue"], "09:00–25:00")
    editor.save()
    assert "25:00" in editor.field_error("hours.tue")
    assert find_calendar(sla.db, "Standard business hours") == before


def test_preview_lists_moved_tickets_and_nothing_changes_until_apply(qtbot, sla, sla_runner, keep):
    t = sla.create(MON, impact=3, urgency=1)  # P3: first response due 2 business hours later
    sla.create(MON, impact=1, urgency=1)  # P1 runs on 24×7: not on this calendar
    due_before = {c.target: c.due_at for c in admin.panel_data(sla.db, t.id).clocks}
    editor = open_editor(qtbot, keep, sla_runner)
    select(editor, "Standard business hours")
    type_into(editor.day_edits["mon"], "10:00–17:00")
    editor.save()
    qtbot.waitUntil(lambda: editor.preview is not None, timeout=10_000)
    preview = editor.preview
    rows = preview.move_texts()
    assert {r[0] for r in rows} == {t.number}
    fr = next(r for r in rows if r[1] == "First response")
    assert fr[4] == "1h 00m later"
    # Still the old calendar and the old due instants.
    assert find_calendar(sla.db, "Standard business hours").definition["hours"]["mon"] == [
        ["09:00", "17:00"]]
    assert {c.target: c.due_at for c in admin.panel_data(sla.db, t.id).clocks} == due_before

    with qtbot.waitSignal(editor.saved, timeout=10_000):
        preview.apply_button.click()
    assert preview.applied
    after = {c.target: c.due_at for c in admin.panel_data(sla.db, t.id).clocks}
    assert (after["first_response"] - due_before["first_response"]).total_seconds() == 3600
    assert "recomputed" in editor.status.text()
    assert tickets.get_ticket(sla.db, t.id).status == "new"


def test_cancelled_preview_changes_nothing(qtbot, sla, sla_runner, keep):
    sla.create(MON, impact=3, urgency=1)
    editor = open_editor(qtbot, keep, sla_runner)
    select(editor, "Standard business hours")
    type_into(editor.day_edits["mon"], "10:00–17:00")
    editor.save()
    qtbot.waitUntil(lambda: editor.preview is not None, timeout=10_000)
    editor.preview.cancel_button.click()
    qtbot.waitUntil(lambda: sla_runner.pending == 0)
    assert find_calendar(sla.db, "Standard business hours").definition["hours"]["mon"] == [
        ["09:00", "17:00"]]
    assert editor.is_dirty()  # the edit is still in the editor
