"""The queue pane's bulk dialogs as an agent uses them: select tickets, pick the action, fill in
the small dialog, press OK (or Cancel) — then look at the database and at the queue."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desk.db.session import Database
from desk.domain import lifecycle
from desk.domain.enums import Kind, ResolutionCode, Status
from desk.domain.priority import level_label, priority_label
from desk.errors import ValidationError
from desk.services import people, tickets
from desk.ui.worker import DbRunner
from tests.factories import Team, make_ticket
from tests.ui.queue.conftest import OFFSCREEN_ONLY, idle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)

ALL = 5  # "All tickets", newest update first
Button = QDialogButtonBox.StandardButton


# ---------------------------------------------------------------- helpers


def select_tickets(pane, ids: list[uuid.UUID]) -> None:
    """Select the rows of these tickets, as a Ctrl+click on each would."""
    selection = QItemSelection()
    last = pane.model.columnCount() - 1
    for ticket_id in ids:
        row = pane.model.row_of(ticket_id)
        assert row is not None, "the ticket is not in the queue"
        selection.select(pane.model.index(row, 0), pane.model.index(row, last))
    pane.table.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(pane.selected_ticket_ids()) == sorted(ids)


def open_dialogs(pane) -> list[QDialog]:
    return [d for d in pane.findChildren(QDialog)
            if d.isVisible() and not isinstance(d, QMessageBox)]


def open_bulk_dialog(qtbot, pane, action) -> QDialog:
    """Trigger ``action`` as the menu or its shortcut would; return the dialog it opens
    (the assignee and group dialogs first read their choices on the worker)."""
    assert action.isEnabled()
    before = set(open_dialogs(pane))
    action.trigger()
    qtbot.waitUntil(lambda: len(set(open_dialogs(pane)) - before) == 1, timeout=10_000)
    (dialog,) = set(open_dialogs(pane)) - before
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    return dialog


def fields(dialog: QDialog) -> list[QWidget]:
    """The dialog's input widgets, top to bottom (the rows of its form)."""
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    out = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if item is not None and item.widget() is not None \
                and not isinstance(item.widget(), QDialogButtonBox):
            out.append(item.widget())
    return out


def choose(combo: QWidget, text: str) -> None:
    """Pick the entry showing ``text``, as a user reading the list would."""
    assert isinstance(combo, QComboBox)
    i = combo.findText(text)
    assert i >= 0, f"{text!r} is not offered: {[combo.itemText(j) for j in range(combo.count())]}"
    combo.setCurrentIndex(i)


def press(qtbot, dialog: QDialog, button: Button) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def press_ok_and_wait(qtbot, pane, runner: DbRunner, dialog: QDialog):
    """OK, then wait for the result and for the queue to show the change."""
    with qtbot.waitSignal(pane.bulkFinished, timeout=10_000) as blocker:
        press(qtbot, dialog, Button.Ok)
    assert not dialog.isVisible()
    idle(qtbot, runner)
    return blocker.args[0]


def change_status(qtbot, pane, runner: DbRunner, target: Status, code: ResolutionCode):
    """The bulk status dialog on the selection: ``target`` with ``code``, OK, the result."""
    dialog = open_bulk_dialog(qtbot, pane, pane.status_action)
    status, code_box = fields(dialog)
    choose(status, target.label)
    choose(code_box, code.label)
    return press_ok_and_wait(qtbot, pane, runner, dialog)


def cell(pane, ticket_id: uuid.UUID, column: str) -> str:
    """The text the queue shows for one ticket in one column."""
    row = pane.model.row_of(ticket_id)
    assert row is not None
    return pane.model.index(row, pane.model.column_index(column)).data()


def set_status(db: Database, team: Team, ticket_id: uuid.UUID, *path: Status,
               code: str | None = None) -> None:
    for status in path:
        t = tickets.get_ticket(db, ticket_id)
        changes: dict[str, object] = {"status": status}
        if code is not None:
            changes["resolution_code"] = code
        tickets.update_ticket(db, team.agent.id, ticket_id, t.row_version, changes)


def refusal(kind: Kind, current: Status, target: Status, code: str | None) -> str:
    """The reason the domain gives for refusing ``current -> target``."""
    with pytest.raises(ValidationError) as err:
        lifecycle.check_transition(kind, current, target, code)
    return str(err.value)


# ---------------------------------------------------------------- each dialog


def test_assign_to_dialog_assigns_the_selected_tickets(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    b = make_ticket(db, team, title="b")
    untouched = make_ticket(db, team, title="not selected")
    pane = make_pane(ALL)
    select_tickets(pane, [a.id, b.id])

    dialog = open_bulk_dialog(qtbot, pane, pane.assign_action)
    (assignee,) = fields(dialog)
    # Every active user is offered, by display name.
    offered = {assignee.itemText(i) for i in range(assignee.count())}
    assert {team.lead.display_name, team.agent.display_name,
            team.other.display_name} <= offered
    choose(assignee, team.lead.display_name)
    result = press_ok_and_wait(qtbot, pane, qrunner, dialog)

    assert sorted(result.updated) == sorted([a.id, b.id])
    assert result.skipped == ()
    assert tickets.get_ticket(db, a.id).assignee_id == team.lead.id
    assert tickets.get_ticket(db, b.id).assignee_id == team.lead.id
    assert tickets.get_ticket(db, untouched.id).assignee_id is None
    qtbot.waitUntil(lambda: cell(pane, a.id, "assignee") == team.lead.display_name,
                    timeout=10_000)
    assert cell(pane, b.id, "assignee") == team.lead.display_name
    assert cell(pane, untouched.id, "assignee") == ""
    assert pane.report_box is None  # nothing was skipped: no warning to dismiss


def test_change_group_dialog_moves_tickets_and_drops_foreign_assignees(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    network, _ = people.create_group(db, "Network")
    people.add_member(db, network.id, team.other.id)
    assigned = make_ticket(db, team, title="assigned", assignee_id=team.agent.id)
    free = make_ticket(db, team, title="unassigned")
    pane = make_pane(ALL)
    select_tickets(pane, [assigned.id, free.id])

    dialog = open_bulk_dialog(qtbot, pane, pane.group_action)
    (group,) = fields(dialog)
    choose(group, "Network")
    result = press_ok_and_wait(qtbot, pane, qrunner, dialog)

    assert sorted(result.updated) == sorted([assigned.id, free.id])
    for t in (assigned, free):
        assert tickets.get_ticket(db, t.id).group_id == network.id
    # The agent is not a member of Network: the ticket lost its assignee with the move.
    assert tickets.get_ticket(db, assigned.id).assignee_id is None
    qtbot.waitUntil(lambda: cell(pane, assigned.id, "group") == "Network", timeout=10_000)
    assert cell(pane, free.id, "group") == "Network"
    assert cell(pane, assigned.id, "assignee") == ""


def test_change_priority_dialog_sets_impact_urgency_and_priority(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")  # impact 3 × urgency 3: P5
    b = make_ticket(db, team, title="b")
    untouched = make_ticket(db, team, title="not selected")
    pane = make_pane(ALL)
    select_tickets(pane, [a.id, b.id])

    dialog = open_bulk_dialog(qtbot, pane, pane.priority_action)
    impact, urgency = fields(dialog)
    choose(impact, level_label(1))
    choose(urgency, level_label(2))
    press_ok_and_wait(qtbot, pane, qrunner, dialog)

    for t in (a, b):
        now = tickets.get_ticket(db, t.id)
        assert (now.impact, now.urgency, now.priority) == (1, 2, 2)  # the default matrix
    assert tickets.get_ticket(db, untouched.id).priority == 5
    qtbot.waitUntil(lambda: cell(pane, a.id, "priority") == priority_label(2), timeout=10_000)
    assert cell(pane, b.id, "priority") == priority_label(2)
    assert cell(pane, untouched.id, "priority") == priority_label(5)


def test_add_note_dialog_adds_an_internal_note_to_each(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    b = make_ticket(db, team, title="b")
    untouched = make_ticket(db, team, title="not selected")  # newest: on top until the note
    pane = make_pane(ALL)
    assert pane.model.row_at(0).id == untouched.id
    select_tickets(pane, [a.id, b.id])

    dialog = open_bulk_dialog(qtbot, pane, pane.note_action)
    (body,) = fields(dialog)
    assert isinstance(body, QPlainTextEdit)
    qtbot.keyClicks(body, "Called the vendor back")
    press_ok_and_wait(qtbot, pane, qrunner, dialog)

    for t in (a, b):
        notes = tickets.list_worklog(db, t.id)
        assert [(n.visibility, n.body) for n in notes] == [("internal",
                                                            "Called the vendor back")]
    assert tickets.list_worklog(db, untouched.id) == []
    # The note is activity: in "All tickets" (newest update first) both move to the top,
    # and they stay selected.
    qtbot.waitUntil(lambda: {getattr(pane.model.row_at(r), "id", None) for r in (0, 1)}
                    == {a.id, b.id}, timeout=10_000)
    assert pane.model.row_at(2).id == untouched.id
    assert sorted(pane.selected_ticket_ids()) == sorted([a.id, b.id])


def test_an_empty_note_writes_nothing(qtbot, make_pane: Callable, qrunner: DbRunner,
                                      db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    pane = make_pane(ALL)
    select_tickets(pane, [a.id])
    dialog = open_bulk_dialog(qtbot, pane, pane.note_action)
    (body,) = fields(dialog)
    qtbot.keyClicks(body, "   ")
    with qtbot.assertNotEmitted(pane.bulkFinished):
        press(qtbot, dialog, Button.Ok)
        assert qrunner.pending == 0  # no write was even asked for
    assert not dialog.isVisible()
    assert tickets.list_worklog(db, a.id) == []


def test_change_status_dialog_resolves_with_the_chosen_code(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    b = make_ticket(db, team, kind=Kind.SERVICE_REQUEST, title="b")
    set_status(db, team, b.id, Status.IN_PROGRESS)
    pane = make_pane(ALL)
    select_tickets(pane, [a.id, b.id])

    result = change_status(qtbot, pane, qrunner, Status.RESOLVED, ResolutionCode.WORKAROUND)

    assert sorted(result.updated) == sorted([a.id, b.id])
    for t in (a, b):
        now = tickets.get_ticket(db, t.id)
        assert (now.status, now.resolution_code) == ("resolved", "workaround")
        assert now.resolved_at is not None
    qtbot.waitUntil(lambda: cell(pane, a.id, "status") == Status.RESOLVED.label,
                    timeout=10_000)
    assert cell(pane, b.id, "status") == Status.RESOLVED.label


def test_a_status_change_some_tickets_refuse_reports_them(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    """Resolve four tickets: a new incident and a request in progress may be resolved; a new
    change may not (changes close from Review) and a cancelled incident is final."""
    incident = make_ticket(db, team, title="incident")
    request = make_ticket(db, team, kind=Kind.SERVICE_REQUEST, title="request")
    set_status(db, team, request.id, Status.IN_PROGRESS)
    change = make_ticket(db, team, kind=Kind.CHANGE, title="change")
    cancelled = make_ticket(db, team, title="cancelled")
    set_status(db, team, cancelled.id, Status.CANCELLED)
    before = {t.id: tickets.get_ticket(db, t.id) for t in (change, cancelled)}
    pane = make_pane(ALL)
    select_tickets(pane, [incident.id, request.id, change.id, cancelled.id])

    result = change_status(qtbot, pane, qrunner, Status.RESOLVED, ResolutionCode.SOLVED)

    # The valid ones changed ...
    assert sorted(result.updated) == sorted([incident.id, request.id])
    for t in (incident, request):
        now = tickets.get_ticket(db, t.id)
        assert (now.status, now.resolution_code) == ("resolved", "solved")
    # ... the others did not, not even their row version.
    for t in (change, cancelled):
        assert tickets.get_ticket(db, t.id) == before[t.id]

    # The agent is told which were skipped and why, in the domain's own words.
    expected = {
        f"{change.number}: "
        + refusal(Kind.CHANGE, Status.NEW, Status.RESOLVED, "solved"),
        f"{cancelled.number}: "
        + refusal(Kind.INCIDENT, Status.CANCELLED, Status.RESOLVED, "solved"),
    }
    box = pane.report_box
    assert box is not None and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Warning
    assert "2" in box.text()
    assert set(box.detailedText().splitlines()) == expected
    assert set(box.informativeText().splitlines()) == expected  # shown without a click
    # The queue shows the new status of the valid ones and the old one of the others.
    qtbot.waitUntil(lambda: cell(pane, incident.id, "status") == Status.RESOLVED.label,
                    timeout=10_000)
    assert cell(pane, request.id, "status") == Status.RESOLVED.label
    assert cell(pane, change.id, "status") == Status.NEW.label
    assert cell(pane, cancelled.id, "status") == Status.CANCELLED.label
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def test_closing_changes_in_review_uses_the_chosen_resolution_code(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    changes = [make_ticket(db, team, kind=Kind.CHANGE, title=f"change {i}") for i in (1, 2)]
    for c in changes:
        set_status(db, team, c.id, Status.ASSESS, Status.AUTHORIZE, Status.SCHEDULED,
                   Status.IMPLEMENT, Status.REVIEW)
    pane = make_pane(ALL)
    select_tickets(pane, [c.id for c in changes])

    result = change_status(qtbot, pane, qrunner, Status.CLOSED, ResolutionCode.SUCCESSFUL)
    if pane.report_box is not None:
        pane.report_box.close()

    assert result.skipped == ()
    for c in changes:
        now = tickets.get_ticket(db, c.id)
        assert (now.status, now.resolution_code) == ("closed", "successful")


def test_the_bulk_confirmation_stays_on_screen(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    b = make_ticket(db, team, title="b")
    make_ticket(db, team, title="not selected")
    pane = make_pane(ALL)
    count_text = pane.status.text()
    select_tickets(pane, [a.id, b.id])
    confirmations: list[str] = []
    pane.bulkFinished.connect(lambda _result: confirmations.append(pane.status.text()))

    dialog = open_bulk_dialog(qtbot, pane, pane.priority_action)
    press_ok_and_wait(qtbot, pane, qrunner, dialog)
    qtbot.waitUntil(lambda: cell(pane, a.id, "priority") == priority_label(1), timeout=10_000)

    (confirmation,) = confirmations
    assert confirmation != count_text and "2" in confirmation  # what _bulk_done wrote
    assert pane.status.text() == confirmation  # ... and what the agent can read now


# ---------------------------------------------------------------- cancel, no selection


def _touch(qtbot, widget: QWidget) -> None:
    """Change a dialog field the way a user would before changing their mind."""
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.count() - 1)
    else:
        qtbot.keyClicks(widget, "Never mind")


@pytest.mark.parametrize("action_name", ["assign_action", "group_action", "status_action",
                                         "priority_action", "note_action"])
def test_cancel_changes_nothing(qtbot, make_pane: Callable, qrunner: DbRunner, db: Database,
                                team: Team, action_name: str) -> None:
    people.add_member(db, team.group.id, team.other.id)  # every choice would be valid
    a = make_ticket(db, team, title="a")
    b = make_ticket(db, team, title="b")
    before = {t.id: tickets.get_ticket(db, t.id) for t in (a, b)}
    pane = make_pane(ALL)
    status_before = pane.status.text()
    select_tickets(pane, [a.id, b.id])

    dialog = open_bulk_dialog(qtbot, pane, getattr(pane, action_name))
    for widget in fields(dialog):
        _touch(qtbot, widget)
    with qtbot.assertNotEmitted(pane.bulkFinished):
        press(qtbot, dialog, Button.Cancel)
        assert qrunner.pending == 0  # nothing was sent to the database
    assert not dialog.isVisible()
    idle(qtbot, qrunner)
    for t in (a, b):
        assert tickets.get_ticket(db, t.id) == before[t.id]
        assert tickets.list_worklog(db, t.id) == []
    assert pane.report_box is None
    assert pane.status.text() == status_before
    assert sorted(pane.selected_ticket_ids()) == sorted([a.id, b.id])


def test_bulk_actions_need_a_selection(qtbot, make_pane: Callable, qrunner: DbRunner,
                                       db: Database, team: Team) -> None:
    make_ticket(db, team, title="a")
    pane = make_pane(ALL)
    pane.table.clearSelection()
    actions = [pane.assign_action, pane.group_action, pane.status_action,
               pane.priority_action, pane.note_action]
    for action in actions:
        assert not action.isEnabled()
        action.trigger()  # a disabled action does nothing, also from a shortcut
    idle(qtbot, qrunner)
    assert open_dialogs(pane) == []
    select_tickets(pane, [pane.model.row_at(0).id])
    assert all(a.isEnabled() for a in actions)


SHORTCUTS = [("assign_action", Qt.Key.Key_A), ("group_action", Qt.Key.Key_G),
             ("status_action", Qt.Key.Key_S), ("priority_action", Qt.Key.Key_P),
             ("note_action", Qt.Key.Key_N)]


def test_shortcuts_open_the_dialogs_and_escape_closes_them(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    before = tickets.get_ticket(db, a.id)
    pane = make_pane(ALL)
    select_tickets(pane, [a.id])
    # What the first field of each dialog offers first tells the dialogs apart.
    first_choice = {"assign_action": team.agent.display_name,  # users by name
                    "group_action": team.group.name,
                    "status_action": Status.NEW.label,
                    "priority_action": level_label(1)}
    for name, key in SHORTCUTS:
        # Shortcuts work in the active window, with the focus in the pane.
        with qtbot.waitActive(pane, timeout=10_000):
            pane.activateWindow()
        pane.table.setFocus()
        shown = set(open_dialogs(pane))
        qtbot.keyClick(pane.table, key, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda shown=shown: len(set(open_dialogs(pane)) - shown) == 1,
                        timeout=10_000)
        (dialog,) = set(open_dialogs(pane)) - shown
        first = fields(dialog)[0]
        if name == "note_action":
            assert isinstance(first, QPlainTextEdit)
        else:
            assert first_choice[name] in [first.itemText(i) for i in range(first.count())]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert qrunner.pending == 0
    assert tickets.get_ticket(db, a.id) == before
