"""Worklog, history, audit and attachments of an open ticket."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from desk.domain.enums import Status, WorklogVisibility
from desk.services import tickets
from desk.services.settings import set_setting
from tests.factories import make_ticket
from tests.ui.conftest import idle
from tests.ui.ticket.test_form_create_edit import choose


def test_worklog_reply_and_note(qtbot, make_form, world, runner):
    view = make_ticket(world.db, world.team)
    form = make_form(view.id)
    assert form.tabs.timeline.entries == []
    form.composer.submit()  # empty: refused beside the text box
    assert form.composer.box.error.text() == "Write something first"

    form.composer.note.setChecked(True)
    qtbot.keyClicks(form.composer.edit, "Checked the spooler")
    qtbot.keyClick(form.composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(form.tabs.timeline.entries) == 1, timeout=10_000)
    assert form.composer.text() == ""

    form.composer.reply.setChecked(True)
    qtbot.keyClicks(form.composer.edit, "We are on it")
    form.composer.add_button.click()
    qtbot.waitUntil(lambda: len(form.tabs.timeline.entries) == 2, timeout=10_000)

    stored = tickets.list_worklog(world.db, view.id)
    assert [(w.visibility, w.body) for w in stored] == [
        (WorklogVisibility.INTERNAL, "Checked the spooler"),
        (WorklogVisibility.PUBLIC, "We are on it")]
    assert tickets.get_ticket(world.db, view.id).first_response_at is not None
    assert "Worklog (2)" in form.tabs.tabText(form.tabs.indexOf(form.tabs.worklog_tab))
    # The worklog moved the ticket's version; the form follows, so a later save does not
    # meet a conflict with itself.
    idle(qtbot, runner)
    assert not form.has_unsaved()
    choose(form.fields.status, Status.IN_PROGRESS.value)
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    assert form.conflict_dialog is None


def test_history_and_audit_show_names(qtbot, make_form, world, runner, me):
    view = make_ticket(world.db, world.team)
    tickets.update_ticket(world.db, world.team.lead.id, view.id, view.row_version,
                          {"assignee_id": world.team.agent.id, "status": Status.IN_PROGRESS})
    form = make_form(view.id)
    history = [[form.tabs.history.item(r, c).text() for c in range(5)]
               for r in range(form.tabs.history.rowCount())]
    assert any(row[1:] == ["Lena Lead", "Assignee", "—", "Arne Agent"] for row in history)
    assert any(row[2:] == ["Status", "New", "In progress"] for row in history)
    audit = [[form.tabs.audit.item(r, c).text() for c in range(5)]
             for r in range(form.tabs.audit.rowCount())]
    assert any(row[2:] == ["Assignee", "—", "Arne Agent"] for row in audit)


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_attachments_add_open_save(qtbot, make_form, world, runner, tmp_path: Path):
    view = make_ticket(world.db, world.team)
    form = make_form(view.id)
    source = tmp_path / "error log.txt"
    source.write_bytes(b"line 1\nline 2\n")
    form.tabs.setCurrentWidget(form.tabs.attachments)
    form.tabs.attachments.add_files([str(source)])
    qtbot.waitUntil(lambda: form.tabs.attachments.table.rowCount() == 1, timeout=10_000)
    assert form.tabs.attachments.table.item(0, 0).text() == "error log.txt"
    assert form.tabs.attachments.table.item(0, 2).text() == "Arne Agent"

    form.tabs.attachments.table.selectRow(0)
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        with qtbot.waitSignal(form.tabs.attachments.opened, timeout=10_000) as sig:
            form.tabs.attachments.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(sig.args[0]).read_bytes() == b"line 1\nline 2\n"
    assert opened.urls and opened.urls[0].toLocalFile() == sig.args[0]

    dest = tmp_path / "copy.txt"
    with qtbot.waitSignal(form.tabs.attachments.exported, timeout=10_000):
        form.tabs.attachments.save_to(form.tabs.attachments.selected(), str(dest))
    assert dest.read_bytes() == b"line 1\nline 2\n"


def test_attachment_over_limit_is_refused_clearly(qtbot, make_form, world, runner,
                                                  tmp_path: Path):
    set_setting(world.db, "attachment_max_bytes", 10)
    view = make_ticket(world.db, world.team)
    form = make_form(view.id)
    big = tmp_path / "dump.bin"
    big.write_bytes(b"x" * 2048)
    form.tabs.attachments.add_files([str(big)])
    qtbot.waitUntil(lambda: form.tabs.attachments.box.error.isVisibleTo(form.tabs.attachments),
                    timeout=10_000)
    assert form.tabs.attachments.box.error.text() == \
        "dump.bin is 2.0 KB — larger than the limit of 10 bytes"
    idle(qtbot, runner)
    assert form.tabs.attachments.table.rowCount() == 0
    assert tickets.list_attachments(world.db, view.id) == []
