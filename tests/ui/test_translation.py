"""The zh_CN catalogue: widgets (self.tr contexts) and core labels (desk.i18n) translate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desk.domain.enums import Status
from desk.i18n import set_backend
from desk.ui.app import TRANSLATIONS, install_translators


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
