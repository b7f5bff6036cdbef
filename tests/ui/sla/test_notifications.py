"""SLA notifications: once per ticket, target and level; the banner opens the ticket; what
was due at sign-in is one summary; a breach supersedes its warning; the rest scroll."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from shiboken6 import isValid

from desk.drafts import DraftStore, database_key
from desk.ui.main_window import MainWindow
from desk.ui.sla.notify import NotificationBanner, NotificationCenter
from desk.ui.worker import DbRunner

from .conftest import MON, H, M, SlaDesk


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def make_center(keep, sla: SlaDesk, runner: DbRunner, settings: QSettings, clock: list,
                who: str = "agent") -> NotificationCenter:
    host = keep(QWidget())
    banner = NotificationBanner(host)
    QVBoxLayout(host).addWidget(banner)
    host.resize(700, 60)
    host.show()
    center = NotificationCenter(runner, sla.user(who), settings, database_key(sla.db.target),
                                banner, now=lambda: clock[0], use_tray=False, parent=banner)
    return center


def run_round(qtbot, center: NotificationCenter):
    with qtbot.waitSignal(center.tickDone, timeout=10_000) as blocker:
        center.tick()
    return blocker.args[0]


def test_warning_shows_once_per_ticket_and_target(qtbot, sla, sla_runner, keep, settings):
    t = sla.create(MON, impact=1, urgency=1, title="Core switch down")  # P1 24×7: 15 min
    quiet = sla.create(MON, impact=3, urgency=3, title="Nothing urgent")
    clock = [MON + 5 * M]
    center = make_center(keep, sla, sla_runner, settings, clock)
    shown: list = []
    center.shown.connect(shown.append)
    run_round(qtbot, center)
    assert shown == [] and not center.banner.isVisible()

    clock[0] = MON + 12 * M  # past 75 % of the first response's 15 minutes
    run_round(qtbot, center)
    assert [(n.number, n.target, n.level) for n in shown[0]] == [
        (t.number, "first_response", "warning")]
    assert center.banner.isVisible()
    assert center.banner.text.text() == (
        f"{t.number}: First response target at warning — Core switch down")

    clock[0] = MON + 13 * M  # the same warning again: nothing new
    run_round(qtbot, center)
    assert len(shown) == 1
    assert len(center.banner.pending) == 1
    assert quiet.number not in center.banner.text.text()

    # A console started later on the same database does not show it again.
    again = make_center(keep, sla, sla_runner, settings, clock)
    later: list = []
    again.shown.connect(later.append)
    run_round(qtbot, again)
    assert later == [] and not again.banner.isVisible()

    # The breach is news of its own.
    clock[0] = MON + 16 * M
    run_round(qtbot, center)
    assert [(n.target, n.level) for n in shown[-1]] == [("first_response", "breach")]
    assert "breached" in center.banner.text.text()
    # The breach supersedes the warning of the same target: nothing more to look at.
    assert [(n.target, n.level) for n in center.banner.pending] == [
        ("first_response", "breach")]
    assert not center.banner.more_button.isVisible()


def test_other_groups_are_not_notified(qtbot, sla, sla_runner, keep, settings):
    sla.create(MON, impact=1, urgency=1)
    clock = [MON + 12 * M]
    center = make_center(keep, sla, sla_runner, settings, clock, who="other")  # no group
    shown: list = []
    center.shown.connect(shown.append)
    result = run_round(qtbot, center)
    assert [f.level for f in result.fired] == ["warning"]  # escalated all the same
    assert shown == [] and not center.banner.isVisible()


def test_clicking_the_banner_opens_the_ticket(qtbot, sla, sla_runner, tmp_path, settings):
    t = sla.create(MON, impact=1, urgency=1, title="Core switch down")
    window = MainWindow(sla_runner, sla.user(), settings=settings,
                        drafts=DraftStore(tmp_path / "drafts"))
    try:
        window.show()
        window.notifications.timer.stop()
        window.notifications.now = lambda: MON + 5 * M  # signed in before anything was due
        with qtbot.waitSignal(window.notifications.tickDone, timeout=10_000):
            window.notifications.tick()
        window.notifications.now = lambda: MON + 5 * H  # warning and breach, both targets
        with qtbot.waitSignal(window.notifications.shown, timeout=10_000):
            window.notifications.tick()
        banner = window.sla_banner
        # Each breach supersedes its warning: the two breaches remain.
        assert banner.isVisible() and len(banner.pending) == 2
        qtbot.mouseClick(banner.text, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        qtbot.waitUntil(lambda: str(t.id) in window.forms, timeout=10_000)
        assert window.tabs.currentWidget() is window.forms[str(t.id)]
        assert len(banner.pending) == 1  # the other stays until opened or dismissed
        banner.dismiss()
        assert not banner.isVisible()
    finally:
        qtbot.waitUntil(lambda: sla_runner.pending == 0, timeout=10_000)
        if isValid(window):
            window._close_approved = True
            window.close()
            shiboken6.delete(window)


def close_window(qtbot, window: MainWindow, runner: DbRunner) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    if isValid(window):
        window._close_approved = True
        window.close()
        shiboken6.delete(window)


def test_what_was_due_at_sign_in_is_one_summary_that_opens_the_queue(
        qtbot, sla, sla_runner, tmp_path, settings):
    for i in range(30):
        sla.create(MON, impact=1, urgency=1, title=f"Switch {i} down")  # P1: both breach
    window = MainWindow(sla_runner, sla.user(), settings=settings,
                        drafts=DraftStore(tmp_path / "drafts"))
    try:
        window.show()
        center = window.notifications
        center.timer.stop()
        center.now = lambda: MON + 5 * H
        shown: list = []
        center.shown.connect(shown.append)
        with qtbot.waitSignal(center.summarized, timeout=10_000) as blocker:
            center.tick()
        # 30 tickets × 2 targets breached; their 60 warnings are superseded.
        assert len(blocker.args[0]) == 60
        assert shown == []
        banner = window.sla_banner
        assert banner.isVisible() and banner.summary_row.isVisible()
        assert not banner.current_row.isVisible()
        assert banner.summary.text() == ("SLA targets of your groups already due when you "
                                         "signed in — breached: 60, at warning: 0")
        assert banner.height() < window.height() // 4
        qtbot.mouseClick(banner.queue_button, Qt.MouseButton.LeftButton)
        assert window.pane.current_view().key == "builtin:breached"
        assert not banner.isVisible()
    finally:
        close_window(qtbot, window, sla_runner)


def test_many_new_notices_are_a_scrollable_list_in_the_banner(
        qtbot, sla, sla_runner, tmp_path, settings):
    made = [sla.create(MON, impact=1, urgency=1, title=f"Router {i} down") for i in range(25)]
    window = MainWindow(sla_runner, sla.user(), settings=settings,
                        drafts=DraftStore(tmp_path / "drafts"))
    try:
        window.resize(1200, 800)
        window.show()
        center = window.notifications
        center.timer.stop()
        center.now = lambda: MON + 5 * M  # sign-in: nothing due yet
        with qtbot.waitSignal(center.tickDone, timeout=10_000):
            center.tick()
        center.now = lambda: MON + 12 * M  # 25 first-response warnings, one by one
        with qtbot.waitSignal(center.shown, timeout=10_000):
            center.tick()
        banner = window.sla_banner
        assert not banner.summary_row.isVisible()
        assert banner.more_button.text() == "24 more"
        assert not banner.more_list.isVisible()
        qtbot.mouseClick(banner.more_button, Qt.MouseButton.LeftButton)
        assert banner.more_list.isVisible() and banner.more_list.count() == 24
        # Eight rows on screen, the rest behind the scroll bar; the window stays usable.
        qtbot.waitUntil(lambda: banner.more_list.verticalScrollBar().maximum() > 0)
        assert banner.height() < window.height() // 2
        item = banner.more_list.item(23)
        note = item.data(Qt.ItemDataRole.UserRole)
        assert note.ticket_id in {t.id for t in made}
        banner.more_list.scrollToItem(item)
        rect = banner.more_list.visualItemRect(item)
        opened: list = []
        banner.openTicketRequested.connect(opened.append)
        qtbot.mouseDClick(banner.more_list.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
        qtbot.mouseClick(banner.more_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        qtbot.waitUntil(lambda: str(note.ticket_id) in window.forms, timeout=10_000)
        assert opened == [note.ticket_id]  # once, however often it was clicked
        assert banner.more_button.text() == "23 more"
        assert note not in banner.pending
    finally:
        close_window(qtbot, window, sla_runner)


def test_a_summary_of_warnings_only_opens_breaching_soon(qtbot, sla, sla_runner, keep,
                                                        settings):
    for i in range(3):
        sla.create(MON, impact=1, urgency=1, title=f"Link {i} flapping")
    clock = [MON + 12 * M]  # first responses at warning when the agent signs in
    center = make_center(keep, sla, sla_runner, settings, clock)
    opened: list = []
    center.openQueueRequested.connect(opened.append)
    with qtbot.waitSignal(center.summarized, timeout=10_000):
        center.tick()
    assert center.banner.summary.text() == ("SLA targets of your groups already due when "
                                            "you signed in — breached: 0, at warning: 3")
    center.banner.queue_button.click()
    assert opened == ["builtin:breaching"]
    # They breach later, while the agent works: that is news, one by one.
    clock[0] = MON + 16 * M
    with qtbot.waitSignal(center.shown, timeout=10_000) as blocker:
        center.tick()
    assert {(n.target, n.level) for n in blocker.args[0]} == {("first_response", "breach")}
    assert len(center.banner.pending) == 3
