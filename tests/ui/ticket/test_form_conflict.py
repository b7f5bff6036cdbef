"""Two agents, one ticket: optimistic locking, the conflict dialog, changes made elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desk.db.session import open_database
from desk.services import tickets
from desk.ui.ticket.conflict import MINE, THEIRS
from tests.factories import make_ticket
from tests.ui.conftest import idle
from tests.ui.ticket.test_form_create_edit import choose


def test_conflict_choose_per_field(qtbot, make_form, world, runner, db_url):
    view = make_ticket(world.db, world.team, title="Mail bounces", description="Since 9:00")
    form = make_form(view.id)
    # I edit the title, the description and the urgency ...
    form.title.setText("Mail bounces for all of Acme")
    form.title.textEdited.emit(form.title.text())
    form.description.setPlainText("Since 9:00, every external address")
    choose(form.fields.urgency, 1)
    # ... while another agent, on another connection, saves title, description and impact.
    other = open_database(db_url)
    try:
        tickets.update_ticket(other, world.team.lead.id, view.id, view.row_version,
                              {"title": "Mail bounces (MX record)", "impact": 1,
                               "description": "MX record points to the old relay"})
    finally:
        other.dispose()

    form.save()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and
                    form.conflict_dialog.isVisible(), timeout=10_000)
    dialog = form.conflict_dialog
    rows = {r.field: r for r in dialog.rows}
    assert set(rows) == {"title", "description", "impact"}  # what THEY changed
    assert rows["title"].i_changed and rows["description"].i_changed
    assert not rows["impact"].i_changed
    assert rows["title"].mine == "Mail bounces for all of Acme"
    assert rows["title"].theirs == "Mail bounces (MX record)"
    assert rows["impact"].theirs == "1 - High"
    # Defaults: mine where both changed, theirs where only they did.
    assert dialog.choices() == {"title": MINE, "description": MINE, "impact": THEIRS}
    dialog.choose("title", THEIRS)
    with qtbot.waitSignal(form.saved, timeout=10_000):
        dialog.save_button.click()

    stored = tickets.get_ticket(world.db, view.id)
    assert stored.title == "Mail bounces (MX record)"  # theirs, as chosen
    assert stored.description == "Since 9:00, every external address"  # mine, as chosen
    assert stored.impact == 1  # theirs (I did not touch it)
    assert stored.urgency == 1  # mine (they did not touch it)
    assert stored.priority == 1
    assert form.title.text() == "Mail bounces (MX record)"
    idle(qtbot, runner)
    assert not form.has_unsaved()


def test_conflict_cancel_keeps_every_edit(qtbot, make_form, world, runner, db_url):
    view = make_ticket(world.db, world.team, title="Screen flickers")
    form = make_form(view.id)
    form.description.setPlainText("A long description the agent typed")
    other = open_database(db_url)
    try:
        tickets.update_ticket(other, world.team.lead.id, view.id, view.row_version,
                              {"description": "Theirs"})
    finally:
        other.dispose()
    form.save()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None
                    and form.conflict_dialog.isVisible(), timeout=10_000)
    form.conflict_dialog.reject()
    qtbot.waitUntil(lambda: form.conflict_dialog is None)
    assert form.description.toPlainText() == "A long description the agent typed"
    assert form.has_unsaved()
    assert form.banner.isVisibleTo(form)
    assert tickets.get_ticket(world.db, view.id).description == "Theirs"


def test_change_elsewhere_reloads_clean_form(qtbot, make_form, world, runner, me):
    view = make_ticket(world.db, world.team, title="Old title")
    form = make_form(view.id)
    with qtbot.waitSignal(runner.changed, timeout=10_000):
        runner.write(tickets.update_ticket, me.id, view.id, view.row_version,
                     {"title": "New title from the queue"})
    qtbot.waitUntil(lambda: form.title.text() == "New title from the queue", timeout=10_000)
    assert not form.has_unsaved()
    assert not form.banner.isVisibleTo(form)


def test_change_elsewhere_with_unsaved_edits_shows_notice(qtbot, make_form, world, runner,
                                                          me):
    view = make_ticket(world.db, world.team, title="Old title")
    form = make_form(view.id)
    form.description.setPlainText("My unsaved analysis")
    with qtbot.waitSignal(runner.changed, timeout=10_000):
        runner.write(tickets.update_ticket, me.id, view.id, view.row_version,
                     {"title": "Bulk-edited title"})
    qtbot.waitUntil(lambda: form.banner.isVisibleTo(form), timeout=10_000)
    assert "changed elsewhere" in form.banner.text.text()
    assert form.description.toPlainText() == "My unsaved analysis"
    assert form.title.text() == "Old title"
    # Saving goes through the conflict dialog; taking theirs for the title keeps my text.
    form.save()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None
                    and form.conflict_dialog.isVisible(), timeout=10_000)
    assert form.conflict_dialog.choices() == {"title": THEIRS}
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.conflict_dialog.accept()
    stored = tickets.get_ticket(world.db, view.id)
    assert (stored.title, stored.description) == ("Bulk-edited title", "My unsaved analysis")
    assert form.conflict_dialog is None or form.conflict_dialog.result() == QDialog.Accepted
