"""The form's Qt-free helpers: catalogue reads (names, category tree) and the draft store."""

from __future__ import annotations

import uuid

import pytest

from desk.drafts import Draft, DraftStore, from_json, to_json
from desk.errors import ValidationError
from desk.services import catalog
from tests.factories import make_ticket
from tests.ui.conftest import OFFSCREEN_POPUP


def test_category_tree_depth_first_with_paths(world):
    nodes = catalog.list_categories(world.db)
    assert [(n.depth, n.path) for n in nodes] == [
        (0, "Hardware"), (1, "Hardware › Printer"), (0, "Network")]
    with pytest.raises(ValidationError) as err:
        catalog.create_category(world.db, "Printer", world.category_ids["hardware"])
    assert err.value.field == "name"
    node, changes = catalog.create_category(world.db, "Toner", world.category_ids["printer"])
    assert node.path == "Hardware › Printer › Toner" and "categories" in changes.tables


def test_ticket_detail_resolves_every_name(world):
    view = make_ticket(world.db, world.team, requester_id=world.contact_ids["alice"],
                       organization_id=world.org_ids["acme"],
                       category_id=world.category_ids["printer"],
                       assignee_id=world.team.agent.id)
    detail = catalog.ticket_detail(world.db, view.id)
    assert detail.name(view.requester_id) == "Alice Archer"
    assert detail.name(view.organization_id) == "Acme Ltd"
    assert detail.name(view.category_id) == "Hardware › Printer"
    assert detail.name(str(view.group_id)) == "Service Desk"  # events keep ids as text
    assert detail.name(view.assignee_id) == "Arne Agent"
    assert catalog.find_ticket_ref(world.db, view.number.lower()).id == view.id
    assert catalog.find_ticket_ref(world.db, "INC9999999") is None


def test_draft_store_round_trip_and_damaged_file(tmp_path):
    store = DraftStore(tmp_path)
    tid = uuid.uuid4()
    values = {"title": "Typed", "group_id": tid, "major_incident": True}
    store.save(Draft(key=str(tid), database="sqlite:///x", kind="incident",
                     values=to_json(values)))
    store.save(Draft(key="new-1", database="sqlite:///other", kind="change"))
    assert [d.key for d in store.load_all("sqlite:///x")] == [str(tid)]
    loaded = store.get(str(tid))
    assert from_json(loaded.values, ["group_id"]) == values
    assert not list(tmp_path.glob("*.tmp"))  # written atomically

    store.path("new-1").write_text("{ half a draft", encoding="utf-8")
    assert [d.key for d in store.load_all()] == [str(tid)]
    assert store.path("new-1").with_suffix(".unreadable").exists()  # kept for a human
    store.remove(str(tid))
    store.remove(str(tid))  # removing twice is fine
    assert store.load_all() == []


@OFFSCREEN_POPUP
def test_category_popup_filters_and_picks(qtbot, make_form, world, runner):
    form = make_form()
    picker = form.fields.category
    picker.open_tree()
    qtbot.waitUntil(picker.popup.isVisible)
    qtbot.keyClicks(picker.filter, "print")
    visible = [i.text(0) for i in picker._all_items() if not i.isHidden()]
    assert sorted(visible) == ["Hardware", "Printer"]  # the match and its parent
    qtbot.keyClick(picker.filter, "\r")
    assert not picker.popup.isVisible()
    assert picker.value() == world.category_ids["printer"]
    assert form.has_unsaved()
