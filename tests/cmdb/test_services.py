"""CI, relationship and ticket-link use cases on both databases."""

from __future__ import annotations

import pytest

from desk.cmdb import services as sv
from desk.errors import ConflictError, NotFound, ValidationError
from desk.services import people
from tests.cmdb.helpers import ci, rel
from tests.factories import make_team, make_ticket


def test_create_ci_validates_and_audits(db):
    group, _ = people.create_group(db, "Unix")
    vm = ci(db, "vm-001", "virtual_machine", owner_group_id=group.id,
            attributes={"vcpus": "4", "os": "RHEL 9"})
    assert vm.attributes == {"vcpus": 4, "os": "RHEL 9"}
    assert vm.owner_group == "Unix" and vm.class_label == "Virtual machine"
    assert [h.field for h in sv.ci_history(db, vm.id)] == ["created"]
    with pytest.raises(ValidationError, match="exists already"):
        ci(db, "vm-001", "virtual_machine")
    ci(db, "vm-001", "server")  # (name, class) is unique, not the name alone
    with pytest.raises(ValidationError, match="vcpus must be a whole number"):
        ci(db, "vm-002", "virtual_machine", attributes={"vcpus": "many"})
    with pytest.raises(ValidationError, match="no field"):
        ci(db, "vm-003", "virtual_machine", attributes={"colour": "red"})
    with pytest.raises(ValidationError, match="Unknown CI class"):
        ci(db, "x", "toaster")
    with pytest.raises(ValidationError, match="Criticality"):
        ci(db, "y", "server", criticality=7)
    with pytest.raises(ValidationError, match="Unknown status"):
        ci(db, "z", "server", status="broken")


def test_update_ci_locks_optimistically_and_audits_each_field(db):
    vm = ci(db, "vm-001", "virtual_machine", attributes={"vcpus": 2})
    v2, _ = sv.update_ci(db, None, vm.id, vm.row_version,
                         {"status": "maintenance", "attributes": {"vcpus": 4}})
    assert (v2.status, v2.attributes, v2.row_version) == ("maintenance", {"vcpus": 4}, 2)
    with pytest.raises(ConflictError) as err:
        sv.update_ci(db, None, vm.id, vm.row_version, {"status": "retired"})
    assert err.value.current.status == "maintenance"  # type: ignore[attr-defined]
    history = {(h.field, h.old_value, h.new_value) for h in sv.ci_history(db, vm.id)}
    assert ("status", "in_use", "maintenance") in history
    assert ("attributes.vcpus", "2", "4") in history
    same, _ = sv.update_ci(db, None, vm.id, v2.row_version, {"status": "maintenance"})
    assert same.row_version == 2  # nothing changed, nothing written


def test_custom_class_with_required_field(db):
    cls, _ = sv.create_class(db, None, "Printer", fields=[
        {"name": "ip_address", "type": "text", "required": True},
        {"name": "colour", "type": "boolean"}])
    assert cls.name == "printer" and cls.fields[0].required
    with pytest.raises(ValidationError, match="ip_address is required"):
        ci(db, "prn-1", "printer")
    p = ci(db, "prn-1", "printer", attributes={"ip_address": "10.0.0.9", "colour": "yes"})
    assert p.attributes == {"ip_address": "10.0.0.9", "colour": True}
    with pytest.raises(ValidationError, match="taken"):
        sv.create_class(db, None, "scanner", fields=[{"name": "serial", "type": "text"}])
    with pytest.raises(ValidationError, match="Unknown field type"):
        sv.create_class(db, None, "scanner", fields=[{"name": "dpi", "type": "float"}])
    counts = {c.name: c.count for c in sv.list_classes(db, with_counts=True)}
    assert counts["printer"] == 1 and counts["server"] == 0


def test_relationships_are_typed_directed_and_unique(db):
    app = ci(db, "crm")
    vm = ci(db, "vm-1", "virtual_machine")
    rid = rel(db, app, "runs_on", vm)
    with pytest.raises(ValidationError, match="exists already"):
        rel(db, app, "runs_on", vm)
    rel(db, app, "depends_on", vm)  # another type is another edge
    rel(db, vm, "depends_on", app)  # cycles are allowed
    with pytest.raises(ValidationError, match="itself"):
        rel(db, app, "depends_on", app)
    with pytest.raises(ValidationError, match="Unknown relationship type"):
        rel(db, app, "likes", vm)
    both = sv.ci_relationships(db, app.id)
    assert {(r.type, r.outgoing, r.other_name) for r in both} == {
        ("runs_on", True, "vm-1"), ("depends_on", True, "vm-1"), ("depends_on", False, "vm-1")}
    sv.remove_relationship(db, None, rid)
    with pytest.raises(NotFound):
        sv.remove_relationship(db, None, rid)
    rel(db, app, "runs_on", vm)  # re-adding revives the removed edge
    assert len(sv.ci_relationships(db, app.id)) == 3
    fields = [h.field for h in sv.ci_history(db, app.id)]
    assert fields.count("relationship.runs_on") == 3


def test_tickets_link_to_many_cis_and_deleting_a_ci_unlinks(db):
    team = make_team(db)
    t = make_ticket(db, team)
    other = make_ticket(db, team, title="Slow CRM")
    a, b = ci(db, "crm"), ci(db, "erp")
    sv.link_ci(db, team.agent.id, t.id, a.id)
    sv.link_ci(db, team.agent.id, t.id, b.id)
    sv.link_ci(db, team.agent.id, t.id, b.id)  # linking twice is harmless
    sv.link_ci(db, team.agent.id, other.id, a.id)
    assert [c.name for c in sv.ticket_cis(db, t.id)] == ["crm", "erp"]
    assert {x.number for x in sv.ci_tickets(db, a.id)} == {t.number, other.number}
    assert [x.number for x in sv.open_tickets_on(db, [a.id, b.id], exclude_ticket=t.id)] == [
        other.number]
    sv.unlink_ci(db, team.agent.id, t.id, b.id)
    assert [c.name for c in sv.ticket_cis(db, t.id)] == ["crm"]
    sv.link_ci(db, team.agent.id, t.id, b.id)
    assert len(sv.ticket_cis(db, t.id)) == 2
    sv.delete_ci(db, None, a.id)
    assert [c.name for c in sv.ticket_cis(db, t.id)] == ["erp"]
    with pytest.raises(NotFound):
        sv.get_ci(db, a.id)


def test_list_pages_filter_and_sort_in_the_database(db):
    for i in range(25):
        ci(db, f"vm-{i:02d}", "virtual_machine", status="retired" if i % 5 == 0 else "in_use")
    ci(db, "db-main", "database", external_id="CMDB-77")
    flt = sv.CiFilter(sort="name")
    first = sv.first_ci_page(db, flt, 10)
    assert first.total == sv.count_cis(db, flt) == 26
    page2 = sv.page_cis(db, flt, 10, after=first.rows[-1])
    page3 = sv.page_cis(db, flt, 10, after=page2[-1])
    assert [r.name for r in first.rows][:2] == ["db-main", "vm-00"]
    assert len(page3) == 6
    vm_class = next(c.id for c in sv.list_classes(db) if c.name == "virtual_machine")
    assert sv.count_cis(db, sv.CiFilter(class_id=vm_class, status="retired")) == 5
    assert [r.name for r in sv.page_cis(db, sv.CiFilter(text="cmdb-7"), 10)] == ["db-main"]
    desc = sv.page_cis(db, sv.CiFilter(sort="name", descending=True), 1)
    assert desc[0].name == "vm-24"
    assert [r.name for r in sv.search_cis(db, "VM-1", limit=3)] == ["vm-10", "vm-11", "vm-12"]
    assert sv.search_cis(db, "50%") == []


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_equal_one_full_sorted_read_for_every_sort_key(db, descending):
    unix, _ = people.create_group(db, "Unix")
    web, _ = people.create_group(db, "Web")
    for i in range(23):
        # Ties on every key but the name, and empty owner groups and external ids.
        ci(db, f"ci-{i % 11:02d}", ("server", "virtual_machine", "database")[i % 3],
           status=("in_use", "retired")[i % 2], criticality=1 + i % 4,
           owner_group_id=(None, unix.id, web.id)[i % 3 if i % 4 else 0],
           external_id=f"EXT-{i:02d}" if i % 2 else None)
    for key in sv.SORT_COLUMNS:
        flt = sv.CiFilter(sort=key, descending=descending)
        everything = sv.page_cis(db, flt, 1000)
        assert len(everything) == 23
        first = sv.first_ci_page(db, flt, 4)
        assert first.total == 23
        paged, page = list(first.rows), first.rows
        while page:
            page = sv.page_cis(db, flt, 4, after=page[-1])
            paged.extend(page)
        assert [r.id for r in paged] == [r.id for r in everything], key
        values = [getattr(r, sv._SORT_ATTRS[key]) for r in everything]
        present = [v for v in values if v is not None]
        assert present == sorted(present, reverse=descending), key
        # Empty values stay together at the end (ascending) or the start (descending).
        nulls = [v is None for v in values]
        assert nulls == sorted(nulls, reverse=descending), key


def test_ci_searches_with_a_nul_or_lone_surrogate_find_the_ci(db):
    ci(db, "vm-001", "virtual_machine", external_id="VM-1")
    for typed in ("vm\x00-001", "vm-001\ud800"):
        assert [r.name for r in sv.search_cis(db, typed)] == ["vm-001"], typed
        assert sv.count_cis(db, sv.CiFilter(text=typed)) == 1
        assert [r.name for r in sv.first_ci_page(db, sv.CiFilter(text=typed), 10).rows] == [
            "vm-001"]
    assert sv.ci_ids_for_names(db, ["vm-001\x00"])[1] == []


def test_ci_text_with_an_unstorable_character_is_refused_naming_the_field(db):
    with pytest.raises(ValidationError, match=r"Name contains .* \(U\+0000\)") as err:
        ci(db, "vm\x00", "virtual_machine")
    assert err.value.field == "name"
    with pytest.raises(ValidationError, match="Serial contains") as err:
        ci(db, "vm-001", "virtual_machine", serial="SN\ud800")
    assert err.value.field == "serial"
    with pytest.raises(ValidationError) as err:
        ci(db, "vm-001", "virtual_machine", attributes={"os": "RHEL\x00"})
    assert err.value.field == "os"
    vm = ci(db, "vm-001", "virtual_machine")
    with pytest.raises(ValidationError) as err:
        sv.update_ci(db, None, vm.id, vm.row_version, {"external_id": "X\x00"})
    assert err.value.field == "external_id"
    assert sv.get_ci(db, vm.id).external_id is None
