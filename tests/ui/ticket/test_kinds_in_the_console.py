"""The kind specs drive the console: the "New" menu, the form's fields and their labels."""

from __future__ import annotations

import subprocess
import sys

import pytest
import shiboken6

from desk.domain.enums import Kind
from desk.domain.kinds import FIELDS, KINDS
from desk.ui.main_window import MainWindow


@pytest.mark.parametrize("module", ["desk.ui.sla.panel", "desk.ui.ticket.form",
                                    "desk.ui.ticket.common", "desk.ui.widgets"])
def test_each_module_imports_alone(module):
    """The SLA panel and the form no longer import each other in a circle."""
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_new_menu_lists_the_kinds_and_opens_the_chosen_one(qtbot, runner, me, drafts,
                                                           ui_settings, world):
    window = MainWindow(runner, me, settings=ui_settings, drafts=drafts)
    try:
        # Let the queue pane finish its start-up reads before the window goes.
        with qtbot.waitSignal(window.pane.countsUpdated, timeout=10_000):
            pass
        assert [a.text() for a in window.new_actions] == [
            "&Incident", "&Service request", "&Problem", "&Change"]
        assert len(KINDS) == len(window.new_actions)
        window.new_actions[3].trigger()
        form = window.current_form()
        qtbot.waitUntil(lambda: form.ready, timeout=10_000)
        assert form.kind is Kind.CHANGE
        assert form.tab_title() == "New change"
    finally:
        window._close_approved = True
        window.close()
        shiboken6.delete(window)


@pytest.mark.parametrize("kind", list(Kind))
def test_form_shows_the_fields_of_its_kind_with_the_spec_labels(qtbot, make_form, world,
                                                                 kind):
    form = make_form(kind=kind)
    spec = KINDS[kind]
    for field in FIELDS:
        label, box = form.fields.rows[field.name]
        # Hidden by the kind, not by a closed section (the resolution frame).
        assert box.isHidden() != spec.shows(field.name), field.name
        if spec.shows(field.name) and label.text():
            assert label.text() == field.mnemonic_text
    codes = [form.fields.resolution_code.itemData(i)
             for i in range(1, form.fields.resolution_code.count())]
    assert codes == [c.value for c in spec.resolution_codes]
