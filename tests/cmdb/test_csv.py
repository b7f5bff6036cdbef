"""CSV import/export: good files, every kind of bad row, BOM, idempotence, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.cmdb import graph
from desk.cmdb import services as sv
from desk.cmdb.csvio import ImportFailed, export_cmdb, import_cmdb
from desk.errors import DeskError
from desk.models import AuditEntry
from desk.services import people

CIS = """\
name,class,status,environment,criticality,owner_group,external_id,location,os,vcpus,\
service_owner
Online Banking,business_service,in_use,production,1,Unix,,,,,J. Smith
bank-app,application,in_use,production,2,,APP-1,,,,
vm-001,virtual_machine,in_use,production,2,Unix,VM-1,DC1,RHEL 9,4,
vm-002,virtual_machine,maintenance,test,3,,VM-2,DC1,,2,
DC1,location,,,,,,,,,
db1,database,,,,,DB-1,,,,
db1,server,,,,,SRV-1,DC1,,,
"""
RELS = """source,type,target
Online Banking,depends_on,bank-app
bank-app,runs_on,vm-001
bank-app,runs_on,vm-002
bank-app,depends_on,database:db1
database:db1,runs_on,server:db1
server:db1,contained_in,DC1
vm-001,runs_on,server:db1
"""


def write(tmp_path: Path, name: str, text: str, bom: bool = False) -> Path:
    p = tmp_path / name
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return p


def audit_count(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.fixture
def unix(db):
    people.create_group(db, "Unix")
    return db


def test_import_good_files_with_bom(unix, tmp_path):
    db = unix
    summary = import_cmdb(db, None, write(tmp_path, "cis.csv", CIS, bom=True),
                          write(tmp_path, "rels.csv", RELS, bom=True)).value
    assert (summary.created, summary.updated, summary.relationships_created) == (7, 0, 7)
    rows = {r.name + "/" + r.class_name: r for r in sv.page_cis(db, sv.CiFilter(), 50)}
    vm = sv.get_ci(db, rows["vm-001/virtual_machine"].id)
    assert (vm.owner_group, vm.location, vm.attributes) == ("Unix", "DC1",
                                                            {"os": "RHEL 9", "vcpus": 4})
    assert rows["DC1/location"].status == "in_use" and rows["DC1/location"].criticality == 3
    assert rows["vm-002/virtual_machine"].environment == "test"
    result = graph.impact(db, [rows["DC1/location"].id])
    assert [c.name for c in result.services] == ["Online Banking"]
    assert [(c.name, c.class_name, c.distance) for c in result.affected] == [
        ("db1", "server", 1), ("db1", "database", 2), ("vm-001", "virtual_machine", 2),
        ("bank-app", "application", 3), ("Online Banking", "business_service", 4)]


def test_reimport_changes_nothing_and_updates_by_external_id(unix, tmp_path):
    db = unix
    cis, rels = write(tmp_path, "cis.csv", CIS), write(tmp_path, "rels.csv", RELS)
    import_cmdb(db, None, cis, rels)
    before = {r.id: r.updated_at for r in sv.page_cis(db, sv.CiFilter(), 50)}
    audits = audit_count(db)
    again = import_cmdb(db, None, cis, rels).value
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert (again.relationships_created, again.relationships_unchanged) == (0, 7)
    assert {r.id: r.updated_at for r in sv.page_cis(db, sv.CiFilter(), 50)} == before
    assert audit_count(db) == audits
    # A discovery tool renames vm-001 (same external id) and changes its vCPUs.
    renamed = CIS.replace("vm-001,virtual_machine,in_use,production,2,Unix,VM-1,DC1,RHEL 9,4,",
                          "vm-001a,virtual_machine,in_use,production,2,Unix,VM-1,DC1,RHEL 9,8,")
    third = import_cmdb(db, None, write(tmp_path, "cis2.csv", renamed)).value
    assert (third.created, third.updated, third.unchanged) == (0, 1, 6)
    vm = next(r for r in sv.page_cis(db, sv.CiFilter(text="vm-001"), 5))
    assert vm.name == "vm-001a" and vm.id in before
    history = {(h.field, h.old_value, h.new_value) for h in sv.ci_history(db, vm.id)}
    assert {("name", "vm-001", "vm-001a"), ("attributes.vcpus", "4", "8")} <= history


BAD_CIS = """name,class,status,environment,criticality,owner_group,external_id,vcpus,colour
good-1,server,,,,,,,
,server,,,,,,,
x,toaster,,,,,,,
y,server,broken,,,,,,
z,server,,moon,,,,,
w,server,,,9,,,,
v,server,,,,Nobody,,,
u,virtual_machine,,,,,,lots,
t,server,,,,,,,red
good-1,server,,,,,,,
s1,server,,,,,EXT-1,,
s2,server,,,,,EXT-1,,
"""
BAD_RELS = """source,type,target
good-1,likes,s1
good-1,depends_on,nowhere
s1,depends_on,s1
dup,depends_on,s1
"""


def test_every_bad_row_is_reported_and_nothing_is_written(unix, tmp_path):
    db = unix
    sv.create_ci(db, None, sv.CiInput("dup", "server"))
    sv.create_ci(db, None, sv.CiInput("dup", "database"))
    audits = audit_count(db)
    with pytest.raises(ImportFailed) as err:
        import_cmdb(db, None, write(tmp_path, "cis.csv", BAD_CIS),
                    write(tmp_path, "rels.csv", BAD_RELS))
    report = err.value.report().splitlines()
    expected = [
        ("cis.csv line 3:", "name is required"),
        ("cis.csv line 4:", "unknown class 'toaster'"),
        ("cis.csv line 5:", "Unknown status broken"),
        ("cis.csv line 6:", "Unknown environment moon"),
        ("cis.csv line 7:", "Criticality must be"),
        ("cis.csv line 8:", "unknown owner group 'Nobody'"),
        ("cis.csv line 9:", "vcpus must be a whole number"),
        ("cis.csv line 10:", "class server has no field colour"),
        ("cis.csv line 11:", "the same CI as line 2"),
        ("cis.csv line 13:", "external id EXT-1 is used on line 12 too"),
        ("rels.csv line 2:", "Unknown relationship type likes"),
        ("rels.csv line 3:", "no CI named 'nowhere'"),
        ("rels.csv line 4:", "itself"),
        ("rels.csv line 5:", "'dup' names more than one CI; write class:name"),
    ]
    assert len(report) == len(expected), report
    for line, (where, why) in zip(report, expected, strict=True):
        assert line.startswith(where) and why in line, line
    assert "14 bad rows" in str(err.value)
    assert sv.count_cis(db, sv.CiFilter()) == 2
    assert audit_count(db) == audits


def test_bad_headers_and_encodings(db, tmp_path):
    with pytest.raises(ImportFailed, match="1 bad rows") as err:
        import_cmdb(db, None, write(tmp_path, "cis.csv", "name,klass\nx,server\n"))
    assert "missing columns: class" in err.value.report()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name,class\nSão Paulo,location\n".encode("latin-1"))
    with pytest.raises(DeskError, match="not UTF-8"):
        import_cmdb(db, None, latin)
    with pytest.raises(DeskError, match="Cannot read"):
        import_cmdb(db, None, tmp_path / "missing.csv")


def test_export_import_round_trip(unix, tmp_path, sqlite_url):
    from desk.db.session import open_database

    db = unix
    sv.create_class(db, None, "printer", fields=[{"name": "dpi", "type": "integer"},
                                                  {"name": "duplex", "type": "boolean"},
                                                  {"name": "bought", "type": "date"}])
    import_cmdb(db, None, write(tmp_path, "cis.csv", CIS), write(tmp_path, "rels.csv", RELS))
    sv.create_ci(db, None, sv.CiInput("prn, \"floor 2\"", "printer", asset_tag="A-7",
                                      attributes={"dpi": 600, "duplex": True,
                                                  "bought": "2024-02-29"}))
    first = export_cmdb(db, tmp_path / "out-cis.csv", tmp_path / "out-rels.csv")
    assert (first.cis, first.relationships) == (8, 7)
    rels = (tmp_path / "out-rels.csv").read_text(encoding="utf-8")
    assert "database:db1,runs_on,server:db1" in rels
    other = open_database(sqlite_url.replace("desk.sqlite3", "other.sqlite3"))
    try:
        people.create_group(other, "Unix")
        sv.create_class(other, None, "printer", fields=[{"name": "dpi", "type": "integer"},
                                                         {"name": "duplex", "type": "boolean"},
                                                         {"name": "bought", "type": "date"}])
        summary = import_cmdb(other, None, tmp_path / "out-cis.csv",
                              tmp_path / "out-rels.csv").value
        assert (summary.created, summary.relationships_created) == (8, 7)
        export_cmdb(other, tmp_path / "again-cis.csv", tmp_path / "again-rels.csv")
        for a, b in (("out-cis.csv", "again-cis.csv"), ("out-rels.csv", "again-rels.csv")):
            assert (tmp_path / a).read_text("utf-8") == (tmp_path / b).read_text("utf-8")
        again = import_cmdb(other, None, tmp_path / "again-cis.csv",
                            tmp_path / "again-rels.csv").value
        assert (again.created, again.updated, again.relationships_created) == (0, 0, 0)
    finally:
        other.dispose()


FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+44 20 7946", "-minus", "@SUM(A1)",
            "'=already quoted", "\tindented"]


def _ci_names(db) -> list[str]:
    from desk.models import ConfigurationItem

    with db.read() as s:
        return sorted(s.scalars(select(ConfigurationItem.name)))


def test_formula_cells_are_neutralized_on_export_and_round_trip(db, tmp_path):
    for name in FORMULAS:
        sv.create_ci(db, None, sv.CiInput(name, "server", asset_tag="=1+1"))
    stored = _ci_names(db)
    export_cmdb(db, tmp_path / "cis.csv")
    import csv

    with open(tmp_path / "cis.csv", encoding="utf-8", newline="") as f:
        cells = [c for row in list(csv.reader(f))[1:] for c in row if c]
    risky = [c for c in cells if c[0] in "=+-@\t\r"]
    assert risky == [] and "'=1+1" in cells and "''=already quoted" in cells
    again = import_cmdb(db, None, tmp_path / "cis.csv").value
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(FORMULAS))
    assert _ci_names(db) == stored and "=HYPERLINK(\"http://evil\",\"x\")" in stored


def test_an_unterminated_quote_names_its_line(db, tmp_path):
    bad = write(tmp_path, "cis.csv", 'name,class\nx,server\n"y,server\nz,server\n')
    with pytest.raises(DeskError, match=r"cis.csv line 3: a value opened with a quote \(\"\) "
                                        r"is never closed"):
        import_cmdb(db, None, bad)


@pytest.mark.parametrize("where, message", [
    ("folder", "it is a folder"), ("missing/cis.csv", "does not exist")])
def test_export_paths_are_checked_like_import_paths(db, tmp_path, where, message):
    (tmp_path / "folder").mkdir()
    with pytest.raises(DeskError, match=f"Cannot write .*{message}"):
        export_cmdb(db, tmp_path / "ok.csv", tmp_path / where)
    assert not (tmp_path / "ok.csv").exists()  # nothing half written


def test_a_cell_with_a_nul_is_a_bad_row_naming_its_column(db, tmp_path):
    cis = write(tmp_path, "cis.csv", "name,class,serial\nok,server,\nbad,server,SN\x001\n")
    with pytest.raises(ImportFailed, match="1 bad rows") as err:
        import_cmdb(db, None, cis)
    assert err.value.report() == (
        "cis.csv line 3: serial contains a character that cannot be saved (U+0000)")
    assert sv.count_cis(db, sv.CiFilter()) == 0
