"""What the CMDB views say: one item in the singular, field labels as people write them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desk.cmdb import services as sv
from desk.ui.cmdb.browser import CmdbBrowser
from desk.ui.cmdb.detail import CiDetailPane


def test_count_says_one_configuration_item_in_the_singular(qtbot, db, cmdb_runner):
    sv.create_ci(db, None, sv.CiInput("srv-1", "server"))
    browser = CmdbBrowser(cmdb_runner)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitUntil(lambda: browser.count.text() == "1 configuration item")
    cmdb_runner.write(sv.create_ci, None, sv.CiInput("srv-2", "server"))
    qtbot.waitUntil(lambda: browser.count.text() == "2 configuration items")


def test_detail_labels_built_in_fields_as_words(qtbot, db, cmdb_runner):
    ci, _changes = sv.create_ci(db, None, sv.CiInput(
        "srv-1", "server", attributes={"ip_address": "10.0.0.7", "memory_gb": 64}))
    pane = CiDetailPane(cmdb_runner)
    qtbot.addWidget(pane)
    pane.show_ci(ci.id)
    qtbot.waitUntil(lambda: pane.detail is not None)
    labels = [w.text() for w in pane.fields_box.findChildren(QLabel)]
    assert "IP address:" in labels and "Memory (GB):" in labels
    assert "Ip address:" not in labels
