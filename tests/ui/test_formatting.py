"""One date format, one duration format, names in the user's order, symbols every font has."""

from __future__ import annotations

import io
import tokenize
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from desk.services import people
from desk.ui.dialogs import UserPickDialog
from desk.ui.i18n import (
    format_duration,
    format_remaining,
    local_date,
    local_time,
    name_list,
    sorted_by_name,
    wall_time,
)
from desk.ui.queue.delegates import format_value
from tests.factories import make_ticket

UI = Path(__file__).resolve().parents[2] / "desk" / "ui"
AT = datetime(2026, 12, 3, 16, 29, 5)


@pytest.fixture
def in_locale() -> Iterator[Callable[[str], None]]:
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize(("name", "shown", "day"), [
    ("C", "2026-12-03 16:29", "2026-12-03"),  # the C locale's "3 12 2026" reads badly
    ("zh_CN", "2026/12/3 16:29", "2026/12/3"),
    ("en_GB", "03/12/2026 16:29", "03/12/2026"),
    ("de_DE", "03.12.2026 16:29", "03.12.2026"),  # four-digit years, not the locale's "26"
    ("en_US", "12/3/2026 4:29\u202fPM", "12/3/2026"),
])
def test_dates_follow_the_locale_with_four_digit_years(in_locale, name, shown, day):
    in_locale(name)
    assert wall_time(AT) == shown
    assert local_date(date(2026, 12, 3)) == day


def test_seconds_are_added_to_the_same_format(in_locale):
    in_locale("zh_CN")
    assert wall_time(AT, seconds=True) == "2026/12/3 16:29:05"


def test_local_time_is_the_machine_zone_and_empty_for_none(in_locale):
    in_locale("C")
    at = datetime(2026, 12, 3, 8, 29, tzinfo=UTC)
    assert local_time(at) == at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local_time(None) == ""


def test_queue_cells_and_ticket_header_share_one_format(qtbot, in_locale, make_form, world):
    in_locale("zh_CN")
    view = make_ticket(world.db, world.team)
    assert format_value("datetime", view.opened_at) == local_time(view.opened_at)
    form = make_form(ticket_id=view.id)
    qtbot.waitUntil(lambda: form.header.meta_label.text().startswith("Opened"), timeout=10_000)
    assert f"Opened {local_time(view.opened_at)}" in form.header.meta_label.text()
    assert local_time(view.opened_at).startswith(f"{view.opened_at.astimezone().year}/")


def test_one_duration_style_in_queue_and_sla_views():
    assert format_remaining(3900) == "1h 05m"
    assert format_remaining(-3930) == "\u22121h 06m"  # 30 s past a minute is a whole minute
    assert format_value("duration", 3900) == "1h 05m"  # was "1 h 05 min" in the queue
    assert format_duration(3 * 86400 + 4 * 3600) == "3d 4h"
    assert format_duration(20) == "20s"


def test_chinese_names_sort_by_pinyin(in_locale):
    in_locale("zh_CN")
    names = ["张伟", "李娜", "陈静"]
    assert sorted_by_name(names, str) == ["陈静", "李娜", "张伟"]  # chen, li, zhang
    assert sorted(names) != ["陈静", "李娜", "张伟"]  # code point order differs


def test_names_sort_with_accents_beside_their_letters(in_locale):
    in_locale("en_US")
    assert sorted_by_name(["Zoe", "Émile", "adam", "Bob"], str) == ["adam", "Bob", "Émile",
                                                                     "Zoe"]


def test_sign_in_lists_chinese_users_by_pinyin(qtbot, in_locale, db):
    in_locale("zh_CN")
    for username, display in (("zhang", "张伟"), ("li", "李娜"), ("chen", "陈静")):
        people.create_user(db, username, display)
    dialog = UserPickDialog(people.list_users(db), "desk.sqlite3")
    qtbot.addWidget(dialog)
    shown = [dialog.list.item(i).text().split()[0] for i in range(dialog.list.count())]
    assert shown == ["陈静", "李娜", "张伟"]


def test_assignee_picker_lists_group_members_by_pinyin(qtbot, in_locale, make_form, world):
    in_locale("zh_CN")
    for username, display in (("zhang", "张伟"), ("li", "李娜"), ("chen", "陈静")):
        user, _changes = people.create_user(world.db, username, display)
        people.add_member(world.db, world.team.group.id, user.id)
    view = make_ticket(world.db, world.team)
    form = make_form(ticket_id=view.id)
    names = [form.fields.assignee.itemText(i) for i in range(1, form.fields.assignee.count())]
    chinese = [n for n in names if n in ("张伟", "李娜", "陈静")]
    assert chinese == ["陈静", "李娜", "张伟"]


def _ui_string_symbols() -> dict[str, str]:
    """Non-ASCII characters in the string literals of desk/ui, except CJK text and letters
    (which the CJK and Latin fonts carry): symbol -> a file that shows it."""
    found: dict[str, str] = {}
    for path in sorted(UI.rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
        for tok in tokens:
            if tok.type != tokenize.STRING and tok.type != getattr(tokenize, "FSTRING_MIDDLE",
                                                                    -1):
                continue
            for ch in tok.string:
                if ord(ch) < 128 or unicodedata.category(ch).startswith("L"):
                    continue
                if unicodedata.name(ch, "").startswith(("CJK", "FULLWIDTH", "IDEOGRAPHIC")):
                    continue
                found.setdefault(ch, f"{path.relative_to(UI)}:{tok.start[0]}")
    return found


def test_every_symbol_in_ui_text_has_a_glyph_in_the_default_font(qapp):
    metrics = QFontMetrics(QApplication.font())
    symbols = _ui_string_symbols()
    assert "\u2014" in symbols  # the scan sees the UI's text (its em dashes)
    missing = {f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}": where
               for ch, where in symbols.items() if not metrics.inFontUcs4(ord(ch))}
    assert missing == {}


@pytest.mark.parametrize(("name", "words", "shown"), [
    ("en_GB", ["Banking", "CRM", "Payroll"], "Banking, CRM and Payroll"),
    ("zh_CN", ["网上银行", "客户关系", "薪资"], "网上银行、客户关系和薪资"),
])
def test_lists_of_names_are_joined_as_the_language_joins_them(in_locale, name, words, shown):
    in_locale(name)
    assert name_list(words) == shown
