"""The filter builder's date criteria as an agent uses them: "Created" and "Updated" as any
time, the last N days, or between two calendar days — local days, stored as UTC bounds.

The tests run in a time zone far from UTC (UTC+8, no daylight saving time), so a day
boundary taken in UTC instead of local time shows up as the wrong tickets in the queue.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desk.db.session import Database
from desk.queues import saved
from desk.queues.spec import ViewSpec
from desk.services import tickets
from desk.services.people import CurrentUser
from desk.timeutil import utcnow
from desk.ui.queue.filter_dialog import DateRange, FilterDialog
from desk.ui.worker import DbRunner
from tests.factories import Team
from tests.ui.queue.conftest import OFFSCREEN_ONLY, idle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)

RECENT, ALL = 3, 5
LOCAL = "Asia/Shanghai"
Button = QDialogButtonBox.StandardButton


@pytest.fixture(autouse=True)
def far_east() -> Iterator[ZoneInfo]:
    """The machine's local time zone is UTC+8 for the test (Qt's date edits and Python's
    ``astimezone()`` both follow TZ)."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (POSIX)")
    old = os.environ.get("TZ")
    os.environ["TZ"] = LOCAL
    time.tzset()
    try:
        yield ZoneInfo(LOCAL)
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


def local_midnight(day: date) -> datetime:
    """Where a local calendar day starts, in UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(LOCAL)).astimezone(UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def ticket(db: Database, team: Team, title: str, created: datetime,
           updated: datetime | None = None) -> tickets.TicketView:
    view, _ = tickets.create_ticket(db, team.agent.id, tickets.NewTicket(
        kind="incident", title=title, group_id=team.group.id), at=created)
    if updated is not None:
        view, _ = tickets.update_ticket(db, team.agent.id, view.id, view.row_version,
                                        {"description": "worked on it"}, at=updated)
    return view


def open_filter_dialog(qtbot, pane, click: Callable[[], None]) -> FilterDialog:
    """Open the filter builder and wait until its choices have loaded (OK is enabled)."""
    before = {d for d in pane.findChildren(FilterDialog) if d.isVisible()}
    click()
    qtbot.waitUntil(lambda: len({d for d in pane.findChildren(FilterDialog)
                                 if d.isVisible()} - before) == 1, timeout=10_000)
    (dialog,) = {d for d in pane.findChildren(FilterDialog) if d.isVisible()} - before
    qtbot.waitUntil(lambda: dialog.buttons.button(Button.Ok).isEnabled(), timeout=10_000)
    return dialog


def new_view_dialog(qtbot, pane) -> FilterDialog:
    return open_filter_dialog(
        qtbot, pane, lambda: qtbot.mouseClick(pane.new_view_button, Qt.MouseButton.LeftButton))


def between(qtbot, rng: DateRange, start: QDate, end: QDate) -> None:
    """Pick "Between" and two days, as in the dialog's date range row."""
    rng.mode.setCurrentIndex(DateRange.BETWEEN)
    assert rng.start.isVisible() and rng.end.isVisible() and not rng.days.isVisible()
    rng.start.setDate(start)
    rng.end.setDate(end)


def save(qtbot, pane, dialog: FilterDialog, name: str | None = None) -> ViewSpec:
    """Type the name (if given), press OK, wait for the queue to show the saved view."""
    if name is not None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, name)
    want = dialog.name()
    with qtbot.waitSignal(pane.viewsLoaded, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(Button.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: pane.current_view().name == want and pane.model.count_known
                    and not pane.model.loading and pane.runner.pending == 0, timeout=10_000)
    return pane.current_view()


def titles(pane) -> set[str]:
    return {pane.model.row_at(r).title for r in range(pane.model.rowCount())}


def stored(db: Database, me: CurrentUser, name: str):
    (spec,) = [s for s in saved.list_views(db, me.id) if s.name == name]
    return spec.filter


@pytest.fixture
def march(db: Database, team: Team) -> None:
    """Tickets on both sides of local midnight at each end of 5–15 March 2024 (UTC+8)."""
    ticket(db, team, "4 Mar 23:00 local", utc(2024, 3, 4, 15))
    ticket(db, team, "5 Mar 01:00 local", utc(2024, 3, 4, 17))
    ticket(db, team, "15 Mar 23:30 local", utc(2024, 3, 15, 15, 30))
    ticket(db, team, "16 Mar 00:30 local", utc(2024, 3, 15, 16, 30))


INSIDE = {"5 Mar 01:00 local", "15 Mar 23:30 local"}


# ---------------------------------------------------------------- created / updated


def test_created_between_two_local_days(qtbot, make_pane: Callable, db: Database,
                                        me: CurrentUser, march: None) -> None:
    pane = make_pane(ALL)
    assert len(titles(pane)) == 4
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 5), QDate(2024, 3, 15))
    spec = save(qtbot, pane, dialog, "Early March")

    flt = stored(db, me, "Early March")
    assert flt.created_from == local_midnight(date(2024, 3, 5)) == utc(2024, 3, 4, 16)
    assert flt.created_to == local_midnight(date(2024, 3, 16)) == utc(2024, 3, 15, 16)
    assert flt.created_within_days is None
    assert (flt.updated_from, flt.updated_to, flt.updated_within_days) == (None, None, None)
    # The queue shows the tickets created on those local days, and the sidebar counts them.
    assert titles(pane) == INSIDE
    qtbot.waitUntil(lambda: pane.view_count(spec.key) == 2, timeout=10_000)


def test_a_range_entered_backwards_means_the_same_days(
        qtbot, make_pane: Callable, db: Database, me: CurrentUser, march: None) -> None:
    """The dialog does not refuse "to" before "from": it takes the two days in order."""
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 15), QDate(2024, 3, 5))
    save(qtbot, pane, dialog, "Backwards")

    flt = stored(db, me, "Backwards")
    assert (flt.created_from, flt.created_to) == (utc(2024, 3, 4, 16), utc(2024, 3, 15, 16))
    assert titles(pane) == INSIDE


def test_one_day_range_is_that_whole_local_day(qtbot, make_pane: Callable, db: Database,
                                               me: CurrentUser, march: None) -> None:
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 16), QDate(2024, 3, 16))
    save(qtbot, pane, dialog, "The 16th")
    flt = stored(db, me, "The 16th")
    assert flt.created_to - flt.created_from == timedelta(days=1)
    assert titles(pane) == {"16 Mar 00:30 local"}


def test_updated_and_created_ranges_combine(qtbot, make_pane: Callable, db: Database,
                                            team: Team, me: CurrentUser) -> None:
    june = local_midnight(date(2024, 6, 1))
    ticket(db, team, "spring, worked in June", utc(2024, 3, 10), june + timedelta(days=9))
    ticket(db, team, "new in June", june + timedelta(days=4))
    ticket(db, team, "spring, worked in July", utc(2024, 4, 1), june + timedelta(days=31))
    ticket(db, team, "spring, worked on 1 June 00:30 local", utc(2024, 4, 2),
           june + timedelta(minutes=30))
    ticket(db, team, "spring, worked on 31 May 23:30 local", utc(2024, 4, 3),
           june - timedelta(minutes=30))
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.updated, QDate(2024, 6, 1), QDate(2024, 6, 30))
    save(qtbot, pane, dialog, "Worked in June")
    flt = stored(db, me, "Worked in June")
    assert (flt.updated_from, flt.updated_to) == (june, local_midnight(date(2024, 7, 1)))
    assert (flt.created_from, flt.created_to) == (None, None)
    assert titles(pane) == {"spring, worked in June", "new in June",
                            "spring, worked on 1 June 00:30 local"}

    # Both criteria must hold: created in spring AND updated in June.
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 1), QDate(2024, 5, 31))
    between(qtbot, dialog.updated, QDate(2024, 6, 1), QDate(2024, 6, 30))
    save(qtbot, pane, dialog, "Spring tickets worked in June")
    flt = stored(db, me, "Spring tickets worked in June")
    assert (flt.created_from, flt.created_to) == (local_midnight(date(2024, 3, 1)), june)
    assert titles(pane) == {"spring, worked in June", "spring, worked on 1 June 00:30 local"}


def test_created_in_the_last_n_days(qtbot, make_pane: Callable, db: Database, team: Team,
                                    me: CurrentUser) -> None:
    now = utcnow()
    ticket(db, team, "two days old", now - timedelta(days=2))
    ticket(db, team, "three weeks old", now - timedelta(days=21))
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    dialog.created.mode.setCurrentIndex(DateRange.LAST)
    assert dialog.created.days.isVisible() and not dialog.created.start.isVisible()
    dialog.created.days.clear()
    qtbot.keyClicks(dialog.created.days, "10")
    save(qtbot, pane, dialog, "Last ten days")
    flt = stored(db, me, "Last ten days")
    assert (flt.created_within_days, flt.created_from, flt.created_to) == (10, None, None)
    assert titles(pane) == {"two days old"}


def test_any_time_sets_no_bounds(qtbot, make_pane: Callable, db: Database,
                                 me: CurrentUser, march: None) -> None:
    """Setting dates and then going back to "Any time" leaves no trace in the view."""
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 5), QDate(2024, 3, 15))
    dialog.created.mode.setCurrentIndex(DateRange.ANY)
    assert not dialog.created.start.isVisible() and not dialog.created.days.isVisible()
    save(qtbot, pane, dialog, "Whenever")
    flt = stored(db, me, "Whenever")
    assert (flt.created_from, flt.created_to, flt.created_within_days) == (None, None, None)
    assert len(titles(pane)) == 4


# ---------------------------------------------------------------- editing, validation


def test_editing_a_view_shows_its_days_and_keeps_them(
        qtbot, make_pane: Callable, db: Database, team: Team, me: CurrentUser,
        march: None) -> None:
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 5), QDate(2024, 3, 15))
    spec = save(qtbot, pane, dialog, "Early March")
    first = stored(db, me, "Early March")

    # Reopened, the dialog shows the same local days; OK without a change keeps them.
    dialog = open_filter_dialog(qtbot, pane, lambda: pane.edit_view(spec))
    assert dialog.created.mode.currentIndex() == DateRange.BETWEEN
    assert dialog.created.start.date() == QDate(2024, 3, 5)
    assert dialog.created.end.date() == QDate(2024, 3, 15)
    assert dialog.updated.mode.currentIndex() == DateRange.ANY
    qtbot.mouseClick(dialog.buttons.button(Button.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # The save changed no row, so there is no change broadcast and no reload of the views.
    qtbot.waitUntil(lambda: pane.runner.pending == 0)
    assert stored(db, me, "Early March") == first
    assert pane.current_view().name == "Early March"

    # Moving the end day takes effect in the queue.
    ticket(db, team, "18 Mar", utc(2024, 3, 18, 4))
    dialog = open_filter_dialog(qtbot, pane, lambda: pane.edit_view(pane.current_view()))
    dialog.created.end.setDate(QDate(2024, 3, 20))
    save(qtbot, pane, dialog)
    assert stored(db, me, "Early March").created_to == local_midnight(date(2024, 3, 21))
    assert titles(pane) == INSIDE | {"16 Mar 00:30 local", "18 Mar"}


def test_saving_recently_updated_as_a_new_view_keeps_its_days(
        qtbot, make_pane: Callable, db: Database, me: CurrentUser) -> None:
    pane = make_pane(RECENT)
    recent = pane.current_view()
    assert recent.filter.updated_within_days is not None
    dialog = open_filter_dialog(qtbot, pane, lambda: pane.edit_view(recent, True))
    assert dialog.updated.mode.currentIndex() == DateRange.LAST
    assert dialog.updated.days.value() == recent.filter.updated_within_days
    save(qtbot, pane, dialog, "My recent")
    assert stored(db, me, "My recent").updated_within_days == \
        recent.filter.updated_within_days


def test_a_view_needs_a_name(qtbot, make_pane: Callable, qrunner: DbRunner, db: Database,
                             me: CurrentUser, march: None) -> None:
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 5), QDate(2024, 3, 15))
    qtbot.keyClicks(dialog.name_edit, "   ")
    qtbot.mouseClick(dialog.buttons.button(Button.Ok), Qt.MouseButton.LeftButton)
    # Refused: the dialog stays open with the reason, the name field to fill in, and
    # nothing was saved.
    assert dialog.isVisible()
    assert dialog.error.isVisible() and dialog.error.text()
    assert dialog.focusWidget() is dialog.name_edit
    assert qrunner.pending == 0
    idle(qtbot, qrunner)
    assert saved.list_views(db, me.id) == []
    assert pane.current_view().key == "builtin:all"
    # The dates are still there: naming the view is enough.
    save(qtbot, pane, dialog, "Named at last")
    assert stored(db, me, "Named at last").created_from == utc(2024, 3, 4, 16)
    assert titles(pane) == INSIDE


def test_cancel_saves_nothing(qtbot, make_pane: Callable, qrunner: DbRunner, db: Database,
                              me: CurrentUser, march: None) -> None:
    pane = make_pane(ALL)
    dialog = new_view_dialog(qtbot, pane)
    between(qtbot, dialog.created, QDate(2024, 3, 5), QDate(2024, 3, 15))
    qtbot.keyClicks(dialog.name_edit, "Not wanted")
    qtbot.mouseClick(dialog.buttons.button(Button.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert qrunner.pending == 0
    assert saved.list_views(db, me.id) == []
    assert pane.current_view().key == "builtin:all"
    assert len(titles(pane)) == 4
