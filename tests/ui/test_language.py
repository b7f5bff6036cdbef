"""The console offers its language in Settings ▸ Language; the choice applies at next start."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from shiboken6 import isValid

from desk.domain.enums import Status
from desk.drafts import DraftStore
from desk.i18n import set_backend
from desk.services.people import CurrentUser
from desk.ui.app import use_language
from desk.ui.i18n import choose_language, chosen_language, translate
from desk.ui.main_window import MainWindow
from desk.ui.worker import DbRunner


@pytest.fixture
def window(qtbot, runner: DbRunner, me: CurrentUser, drafts: DraftStore,
           ui_settings: QSettings) -> Iterator[MainWindow]:
    w = MainWindow(runner, me, settings=ui_settings, drafts=drafts)
    w.show()
    yield w
    if isValid(w):
        w._close_approved = True
        w.close()
        shiboken6.delete(w)


@pytest.fixture
def restore_language(qapp) -> Iterator[list]:
    before = QLocale()
    installed: list = []
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)
    set_backend(None)


def _config() -> dict:
    return json.loads(Path(os.environ["DESK_CONFIG"]).read_text("utf-8"))


def test_settings_menu_offers_each_language_in_its_own_words(window):
    texts = [a.text() for a in window.language_menu.actions() if not a.isSeparator()]
    assert texts == ["System language", "English", "简体中文", "Applies when Desk next starts"]
    assert window.language_actions[None].isChecked()  # nothing chosen yet: the system's


def test_choosing_chinese_is_kept_and_said_to_apply_at_next_start(qtbot, window):
    window.language_actions["zh_CN"].trigger()
    assert chosen_language() == "zh_CN"
    assert _config()["language"] == "zh_CN"
    assert window.statusBar().currentMessage() == "Desk will start in 简体中文 next time."
    assert translate("&Save") == "&Save"  # this run keeps its language


def test_next_start_uses_the_chosen_language(qtbot, restore_language, make_form, world):
    choose_language("zh_CN")
    restore_language.extend(use_language(QCoreApplication.instance()))
    assert QLocale().name() == "zh_CN"  # dates and name order follow too
    assert Status.IN_PROGRESS.label == "处理中"
    form = make_form(kind="incident")
    assert form.save_button.text() == "保存(&S)"


def test_english_chosen_on_any_system(qtbot, restore_language):
    choose_language("en")
    restore_language.extend(use_language(QCoreApplication.instance()))
    assert QLocale().language() == QLocale.Language.English
    assert Status.IN_PROGRESS.label == "In progress"


def test_system_language_forgets_the_choice(qtbot, window):
    choose_language("zh_CN")
    window.language_actions[None].trigger()
    assert chosen_language() is None
    assert "language" not in _config()
    assert window.statusBar().currentMessage() == (
        "Desk will follow the system's language from its next start.")


def test_a_choice_that_cannot_be_saved_says_why_and_keeps_the_old_one(
        qtbot, window, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("DESK_CONFIG", str(blocker / "desk.json"))
    window.language_actions["zh_CN"].trigger()
    assert window.statusBar().currentMessage().startswith("The language could not be saved: ")
    assert window.language_actions[None].isChecked()
    assert chosen_language() is None
