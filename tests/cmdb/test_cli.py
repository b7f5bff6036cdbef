"""``desk cmdb import/export/impact`` end to end through the real ``desk`` entry point."""

from __future__ import annotations

import json

import pytest

from desk.cli import main
from tests.cmdb.test_csv import CIS, RELS, write


@pytest.fixture(autouse=True)
def _database(sqlite_url, capsys):
    """cmdb commands open existing databases only; 'desk db upgrade' creates one."""
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    capsys.readouterr()


def test_a_mistyped_database_path_is_not_created(tmp_path, capsys):
    missing = tmp_path / "typo" / "desk.sqlite3"
    assert main(["cmdb", "impact", "DC1", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"There is no database file {missing}" in err and len(err.splitlines()) == 1
    assert not missing.parent.exists()


def test_import_impact_export(sqlite_url, tmp_path, capsys):
    cis = write(tmp_path, "cis.csv", CIS.replace(",Unix,", ",,"))
    rels = write(tmp_path, "rels.csv", RELS)
    assert main(["cmdb", "import", "--cis", str(cis), "--relationships", str(rels),
                 "--db", sqlite_url]) == 0
    assert "7 CIs created" in capsys.readouterr().out

    assert main(["cmdb", "impact", "DC1", "--json", "--db", sqlite_url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "down": ["DC1"],
        "affected": [{"name": "db1", "class": "server", "distance": 1},
                     {"name": "db1", "class": "database", "distance": 2},
                     {"name": "vm-001", "class": "virtual_machine", "distance": 2},
                     {"name": "bank-app", "class": "application", "distance": 3},
                     {"name": "Online Banking", "class": "business_service", "distance": 4}],
        "services": ["Online Banking"]}

    assert main(["cmdb", "impact", "server:db1", "--depth", "1", "--db", sqlite_url]) == 0
    table = capsys.readouterr().out
    assert "database" in table and "bank-app" not in table

    assert main(["cmdb", "impact", "Online Banking", "--up", "--json", "--db", sqlite_url]) == 0
    up = json.loads(capsys.readouterr().out)
    assert up["affected"][0] == {"name": "bank-app", "class": "application", "distance": 1}
    assert {"name": "DC1", "class": "location", "distance": 4} in up["affected"]

    assert main(["cmdb", "export", "--cis", str(tmp_path / "o.csv"), "--relationships",
                 str(tmp_path / "r.csv"), "--db", sqlite_url]) == 0
    assert "7 CIs and 7 relationships" in capsys.readouterr().out
    assert main(["cmdb", "import", "--cis", str(tmp_path / "o.csv"), "--relationships",
                 str(tmp_path / "r.csv"), "--db", sqlite_url]) == 0
    assert "0 CIs created, 0 updated, 7 unchanged" in capsys.readouterr().out


def test_user_errors_exit_2_with_a_clear_message(sqlite_url, tmp_path, capsys):
    assert main(["cmdb", "impact", "nowhere", "db1", "--db", sqlite_url]) == 2
    err = capsys.readouterr().err
    assert "no CI named nowhere" in err and "no CI named db1" in err
    bad = write(tmp_path, "bad.csv", "name,class\nx,toaster\ny,server\n,server\n")
    assert main(["cmdb", "import", "--cis", str(bad), "--db", sqlite_url]) == 2
    err = capsys.readouterr().err
    assert "bad.csv line 2: unknown class 'toaster'" in err
    assert "bad.csv line 4: A CI name is required" in err
    assert "2 bad rows; nothing was imported" in err.splitlines()[-1]


def test_class_administration(sqlite_url, capsys):
    assert main(["cmdb", "add-class", "printer", "--field", "dpi:integer",
                 "--field", "ip_address:text:required", "--db", sqlite_url]) == 0
    assert main(["cmdb", "classes", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "printer (0)" in out and "ip_address:text:required" in out
    assert main(["cmdb", "add-class", "scanner", "--field", "dpi", "--db", sqlite_url]) == 2
    assert main(["cmdb", "propagation", "depends_on", "--db", sqlite_url]) == 0
    assert "Propagating: depends_on" in capsys.readouterr().out


def test_export_to_a_folder_is_one_line_and_exit_2(sqlite_url, tmp_path, capsys):
    assert main(["cmdb", "export", "--cis", str(tmp_path), "--db", sqlite_url]) == 2
    err = capsys.readouterr().err
    assert f"Cannot write {tmp_path}: it is a folder" in err and len(err.splitlines()) == 1
