"""``desk sla …`` on a real SQLite file."""

from __future__ import annotations

import json

import pytest

from desk.cli import main
from desk.db.session import open_database
from desk.sla.policy import STANDARD, ensure_default_sla, find_calendar

from .conftest import MON, Desk, H
from .test_explain_report import _history


@pytest.fixture
def cli_desk(sqlite_url: str):
    from tests.factories import make_team

    db = open_database(sqlite_url)
    ensure_default_sla(db)
    yield Desk(db, make_team(db)), sqlite_url
    db.dispose()


def test_report_to_csv_and_to_the_terminal(cli_desk, tmp_path, capsys) -> None:
    desk, url = cli_desk
    _history(desk)
    out = tmp_path / "report.csv"
    assert main(["sla", "report", "--csv", str(out), "--db", url]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("month,policy,group,target,met,breached,total,attainment_percent\n")
    assert "2026-03,P3 Moderate,Service Desk,resolution,2,1,3,66.7" in text
    assert main(["sla", "report", "--since", "2026-04", "--db", url]) == 0
    printed = capsys.readouterr().out
    assert "2026-04" in printed and "2026-03" not in printed
    assert "First response" in printed and "first_response" not in printed
    assert main(["sla", "report", "--since", "April", "--db", url]) == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_calendar_export_edit_import_preview_then_apply(cli_desk, tmp_path, capsys) -> None:
    desk, url = cli_desk
    t = desk.create(MON)
    path = tmp_path / "standard.json"
    assert main(["sla", "calendar", "export", STANDARD, str(path), "--db", url]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["hours"]["mon"] == [["09:00", "17:00"]]
    data["holidays"] = ["2026-03-03"]
    path.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()

    assert main(["sla", "calendar", "import", STANDARD, str(path), "--db", url]) == 0
    out = capsys.readouterr().out
    assert t.number in out and "+24.0 h" in out and "Nothing saved" in out
    assert find_calendar(desk.db, STANDARD).definition["holidays"] == []

    assert main(["sla", "calendar", "import", STANDARD, str(path), "--apply", "--db", url]) == 0
    assert find_calendar(desk.db, STANDARD).definition["holidays"] == ["2026-03-03"]

    assert main(["sla", "calendar", "import", "Shanghai", str(path), "--apply",
                 "--db", url]) == 0
    assert "created" in capsys.readouterr().out


def test_bad_calendar_files_are_refused_with_a_message(cli_desk, tmp_path, capsys) -> None:
    _desk, url = cli_desk
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert main(["sla", "calendar", "import", "X", str(broken), "--db", url]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    broken.write_text(json.dumps({"tz": "Mars/Olympus", "hours": {}}), encoding="utf-8")
    assert main(["sla", "calendar", "import", "X", str(broken), "--db", url]) == 2
    assert "tz: unknown time zone" in capsys.readouterr().err
    assert main(["sla", "calendar", "export", "Nope", "-", "--db", url]) == 2


def test_holidays_show_what_would_change_then_apply(cli_desk, capsys) -> None:
    desk, url = cli_desk
    t = desk.create(MON + 30 * 24 * H, urgency=3)  # P5 from 1 April 2026: over Qingming
    args = ["sla", "holidays", "--country", "CN", "--years", "2026", "--calendar", STANDARD,
            "--db", url]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "2026-10-01" in out and "Make-up workdays added: " in out
    assert t.number in out and "Nothing saved" in out
    assert find_calendar(desk.db, STANDARD).definition["holidays"] == []
    assert main([*args, "--apply"]) == 0
    saved = find_calendar(desk.db, STANDARD).definition
    assert "2026-10-01" in saved["holidays"] and saved["workdays"]
    assert main(args) == 0
    assert "has them all already" in capsys.readouterr().out


def test_recompute_and_escalate(cli_desk, capsys) -> None:
    desk, url = cli_desk
    desk.create(MON, impact=1, urgency=1)
    assert main(["sla", "recompute", "--db", url]) == 0
    assert "1 tickets, 2 clocks recomputed" in capsys.readouterr().out
    assert main(["sla", "escalate", "--db", url]) == 0
    assert "4 escalations fired" in capsys.readouterr().out
