"""The zh_CN catalogue: widgets (self.tr contexts) and core labels (desk.i18n) translate."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale

from desk.domain.enums import EventField, Status
from desk.i18n import set_backend
from desk.queues.columns import CORE_COLUMNS
from desk.services.dto import EventView
from desk.sla.calendar import CalendarError
from desk.sla.holiday_import import import_holidays
from desk.slaops import admin
from desk.ui.app import TRANSLATIONS, install_translators
from desk.ui.main_window import MainWindow
from desk.ui.ticket.common import field_label
from desk.ui.ticket.history import HistoryTable


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    installed = install_translators(qapp, QLocale("zh_CN"))
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    set_backend(None)


def test_compiled_catalogue_is_shipped():
    assert (TRANSLATIONS / "desk_zh_CN.ts").is_file()
    assert (TRANSLATIONS / "desk_zh_CN.qm").stat().st_size > 1000


def test_form_and_core_labels_in_chinese(qtbot, chinese, make_form, world, runner):
    assert Status.IN_PROGRESS.label == "处理中"  # core text through Qt's translator
    form = make_form(kind="incident")
    assert form.save_button.text() == "保存(&S)"
    assert form.tab_title() == "新事件"
    assert form.priority_label.text() == "P5 计划"
    form.save()
    assert form.field_error("title") == "必须填写标题"


def test_english_without_catalogue(qtbot, make_form, world, runner):
    form = make_form(kind="incident")
    assert form.save_button.text() == "&Save"
    assert Status.IN_PROGRESS.label == "In progress"


def _history_what(qtbot, field: str) -> str:
    table = HistoryTable()
    qtbot.addWidget(table)
    table.set_events([EventView(uuid.uuid4(), datetime(2026, 3, 2, 9, tzinfo=UTC), None, field,
                                None, "new")], {})
    return table.item(0, 2).text()


def test_created_column_and_history_event_read_differently_in_chinese(qtbot, chinese):
    created = next(c for c in CORE_COLUMNS if c.key == "created")
    assert created.label() == "创建时间"  # a column of dates
    assert _history_what(qtbot, EventField.CREATED) == "创建"  # something that happened
    assert field_label("created") == "创建"  # the audit trail's row for it


def test_created_stays_created_in_english(qtbot):
    assert next(c for c in CORE_COLUMNS if c.key == "created").label() == "Created"
    assert _history_what(qtbot, EventField.CREATED) == "Created"


def test_calendar_messages_are_whole_sentences_after_the_field(chinese):
    with pytest.raises(CalendarError) as err:
        admin.parse_years("next year")
    assert str(err.value) == "years: next year 不是年份，也不是形如 2026-2027 的范围"
    with pytest.raises(CalendarError) as err:
        admin.propose_holidays("", [2026])
    assert str(err.value) == "country: 请选择国家或地区"
    with pytest.raises(CalendarError) as err:
        import_holidays("US", [2026], subdiv="ZZ")
    assert str(err.value) == "subdiv: “ZZ”不是 US 的行政区划"


def test_status_bar_sentences_in_chinese(qtbot, chinese, runner, me, drafts, ui_settings, db):
    window = MainWindow(runner, me, settings=ui_settings, drafts=drafts)
    try:
        # Let the queue pane finish its start-up reads before the window goes.
        with qtbot.waitSignal(window.pane.countsUpdated, timeout=10_000):
            pass
        where = "文件" if db.target.is_sqlite else "服务器"
        assert window.db_label.text() == f"{where}：{db.target.display()}"
        assert window.user_label.text() == f"当前用户：{me.display_name}（服务台坐席）"
    finally:
        # Before the runner stops: the queue pane's timers must not call a stopped runner.
        window._close_approved = True
        window.close()
        shiboken6.delete(window)
