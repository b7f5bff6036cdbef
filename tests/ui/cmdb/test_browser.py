"""The CMDB browser and the relationship graph, with real widgets on real databases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from desk.cmdb import services as sv
from desk.ui.cmdb import cimodel
from desk.ui.cmdb.browser import CmdbBrowser
from desk.ui.cmdb.cimodel import CiListModel
from desk.ui.cmdb.graphview import CiGraphPanel

# The offscreen platform cannot manage top-level windows; harmless, never seen on a display.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_list_model_pages_lazily_and_sorts_in_the_database(qtbot, qtmodeltester, db,
                                                          cmdb_runner, monkeypatch):
    for i in range(45):
        sv.create_ci(db, None, sv.CiInput(f"node-{i:02d}", "server"))
    monkeypatch.setattr(cimodel, "PAGE", 20)
    model = CiListModel(cmdb_runner)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(sv.CiFilter())
    assert (model.rowCount(), model.total) == (20, 45)

    def scrolled_to_end() -> bool:
        model.fetchMore()  # what the view does near the end; a no-op while a page is loading
        return model.rowCount() == 45

    qtbot.waitUntil(scrolled_to_end)
    assert not model.canFetchMore()
    assert [model.rows[i].name for i in (0, 44)] == ["node-00", "node-44"]
    with qtbot.waitSignal(model.loaded):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "node-44" and model.rowCount() == 20
    qtmodeltester.check(model)


def test_list_model_keeps_its_place_when_a_ci_is_added_above_while_scrolling(
        qtbot, qtmodeltester, db, cmdb_runner, monkeypatch):
    for i in range(45):
        sv.create_ci(db, None, sv.CiInput(f"node-{i:02d}", "server"))
    monkeypatch.setattr(cimodel, "PAGE", 20)
    model = CiListModel(cmdb_runner)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(sv.CiFilter())
    # Someone else adds a CI sorting above the loaded rows (no broadcast reaches this model).
    sv.create_ci(db, None, sv.CiInput("node-00a", "server"))
    with qtbot.waitSignal(model.loaded):
        model.fetchMore()
    names = [r.name for r in model.rows]
    assert names[19:21] == ["node-19", "node-20"]  # read on from the last row: no repeat
    assert len(set(names)) == len(names) == 40


def test_browser_navigates_classes_filters_and_shows_details(qtbot, db, cmdb, cmdb_runner):
    browser = CmdbBrowser(cmdb_runner)
    qtbot.addWidget(browser)
    browser.resize(1300, 700)
    browser.show()
    qtbot.waitUntil(lambda: browser.model.total == 19 and browser.tree.topLevelItemCount() > 1)
    assert browser.tree.topLevelItem(0).text(0) == "All CIs (19)"
    assert "Server (13)" in [browser.tree.topLevelItem(i).text(0)
                             for i in range(browser.tree.topLevelItemCount())]
    browser.select_class("application")
    qtbot.waitUntil(lambda: browser.model.total == 2)
    assert sorted(r.name for r in browser.model.rows) == ["bank-app", "crm"]
    browser.select_class(None)
    qtbot.keyClicks(browser.search, "srv-00")
    qtbot.waitUntil(lambda: browser.model.total == 10)
    browser.search.clear()
    qtbot.waitUntil(lambda: browser.model.total == 19)

    row = next(i for i, r in enumerate(browser.model.rows) if r.name == "bank-app")
    browser.table.selectRow(row)
    detail = browser.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.ci.name == "bank-app")
    assert detail.title.text() == "bank-app"
    rels = {(detail.relations.topLevelItem(i).text(0), detail.relations.topLevelItem(i).text(1))
            for i in range(detail.relations.topLevelItemCount())}
    assert rels == {("→ runs on", "vm-1"), ("→ runs on", "vm-2"), ("← is needed by", "Banking")}
    assert detail.history.topLevelItem(0).text(2) == "relationship.runs_on"

    # Activating a related CI opens it; the impact tab lists what it takes down.
    item = next(detail.relations.topLevelItem(i)
                for i in range(detail.relations.topLevelItemCount())
                if detail.relations.topLevelItem(i).text(1) == "vm-2")
    detail.relations.itemActivated.emit(item, 0)
    qtbot.waitUntil(lambda: detail.detail.ci.name == "vm-2")
    detail.tabs.setCurrentIndex(detail.tabs.count() - 1)
    qtbot.waitUntil(lambda: detail.impact is not None)
    names = [detail.impact_tree.topLevelItem(i).text(1)
             for i in range(detail.impact_tree.topLevelItemCount())]
    assert names == ["bank-app", "crm", "Banking"]
    assert "Business services: Banking" in detail.impact_summary.text()

    # Another console's change shows up through the one change broadcast.
    with qtbot.waitSignal(browser.model.loaded):
        cmdb_runner.write(sv.create_ci, None, sv.CiInput("new-box", "server"))
    qtbot.waitUntil(lambda: browser.model.total == 20)
    qtbot.waitUntil(lambda: browser.tree.topLevelItem(0).text(0) == "All CIs (20)")


def test_graph_view_builds_recentres_zooms_and_exports(qtbot, db, cmdb, cmdb_runner,
                                                       tmp_path):
    panel = CiGraphPanel(cmdb_runner)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    view = panel.view
    with qtbot.waitSignal(view.built):
        panel.show_ci(cmdb.ids["bank-app"])
    # Opens at 1 hop: the direct neighbours only.
    assert set(view.nodes) == {cmdb.ids[n] for n in ("bank-app", "Banking", "vm-1", "vm-2")}
    assert "4 CIs within 1 hop" in panel.status.text()
    with qtbot.waitSignal(view.built):
        panel.hops.setValue(2)
    assert set(view.nodes) == {cmdb.ids[n] for n in ("bank-app", "Banking", "vm-1", "vm-2",
                                                      "esx-1", "crm")}
    x = {name: view.nodes[cmdb.ids[name]].pos().x() for name in ("Banking", "bank-app",
                                                                 "vm-1", "esx-1")}
    assert x["Banking"] < x["bank-app"] < x["vm-1"] < x["esx-1"]  # layered by dependency
    assert "6 CIs within 2 hops" in panel.status.text()

    # A click on a node re-centres the graph on it.
    target = view.nodes[cmdb.ids["esx-1"]]
    view.centerOn(target)
    pos = view.mapFromScene(target.sceneBoundingRect().center())
    with qtbot.waitSignal(view.built), qtbot.waitSignal(panel.centreChanged) as moved:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos))
    assert moved.args == [cmdb.ids["esx-1"]]
    assert view.centre == cmdb.ids["esx-1"] and cmdb.ids["DC1"] in view.nodes
    assert cmdb.ids["Banking"] not in view.nodes  # three hops away now

    before = view.transform().m11()
    view.zoom(2.0)
    assert view.transform().m11() == before * 2.0
    with qtbot.waitSignal(view.built):
        panel.hops.setValue(3)
    assert cmdb.ids["Banking"] in view.nodes and len(view.nodes) == 7
    with qtbot.waitSignal(view.built):
        panel.hops.setValue(1)
    assert set(view.nodes) == {cmdb.ids[n] for n in ("esx-1", "vm-1", "vm-2", "DC1")}

    view.export_png(tmp_path / "g.png")
    view.export_svg(tmp_path / "g.svg")
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "g.svg").read_text("utf-8")
    assert "<svg" in svg and "esx-1" in svg


def test_graph_opens_readable_and_shows_more_on_demand(qtbot, db, cmdb_runner):
    from tests.factories import make_team, make_ticket

    hub, _ = sv.create_ci(db, None, sv.CiInput("esx-9", "server"))
    room, _ = sv.create_ci(db, None, sv.CiInput("room-1", "location"))
    sv.add_relationship(db, None, hub.id, "contained_in", room.id)
    vms = []
    for i in range(130):
        vm, _ = sv.create_ci(db, None, sv.CiInput(f"vm-{i:03d}", "virtual_machine"))
        sv.add_relationship(db, None, vm.id, "runs_on", hub.id)
        vms.append(vm)
    team = make_team(db)
    for _i in range(2):
        sv.link_ci(db, None, make_ticket(db, team).id, vms[0].id)
    panel = CiGraphPanel(cmdb_runner)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    with qtbot.waitSignal(panel.view.built):
        panel.show_ci(vms[0].id)
    assert set(panel.view.nodes) == {vms[0].id, hub.id}  # 1 hop: the VM and its host
    assert not panel.more.isVisible()
    assert panel.view.nodes[vms[0].id].open_incidents == 2
    assert panel.view.nodes[hub.id].open_incidents == 0

    with qtbot.waitSignal(panel.view.built):
        panel.show_ci(hub.id)  # the host: 131 neighbours, capped at a readable 60
    assert len(panel.view.nodes) == 60
    assert "60 CIs shown, 72 more within 1 hop" in panel.status.text()
    assert panel.more.isVisible() and panel.more.text() == "Show 60 more"
    with qtbot.waitSignal(panel.view.built):
        panel.more.click()
    assert len(panel.view.nodes) == 120 and panel.more.text() == "Show 12 more"
    with qtbot.waitSignal(panel.view.built):
        panel.more.click()
    assert len(panel.view.nodes) == 132 and not panel.more.isVisible()
    assert "132 CIs within 1 hop" in panel.status.text()
    with qtbot.waitSignal(panel.view.built):
        panel.hops.setValue(2)  # another depth starts from the readable cap again
    assert len(panel.view.nodes) == 60


def test_a_graph_built_before_its_tab_is_shown_is_drawn_full_size(qtbot, db, cmdb, cmdb_runner):
    """The Graph tab is often built while hidden: the fit waits until the view has a size,
    instead of shrinking a small graph to the smallest zoom."""
    panel = CiGraphPanel(cmdb_runner)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    view = panel.view
    with qtbot.waitSignal(view.built):
        panel.show_ci(cmdb.ids["bank-app"])
    assert not view.isVisible()
    panel.show()
    qtbot.waitUntil(lambda: view.transform().m11() == 1.0)  # 4 CIs fit at 1:1
