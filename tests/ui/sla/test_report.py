"""The attainment report dialog shows met / breached per policy, group and month, and
exports exactly that as CSV."""

from __future__ import annotations

import csv

from PySide6.QtCore import QDate

from desk.ui.sla.report import AttainmentDialog

from .conftest import MON, H, M, SlaDesk


def resolve(sla: SlaDesk, ticket_id, responded, resolved) -> None:
    sla.move(ticket_id, responded, status="in_progress")
    sla.move(ticket_id, resolved, status="resolved", resolution_code="solved",
             resolution_notes="Fixed")


def test_report_counts_and_exports(qtbot, sla, sla_runner, keep, tmp_path):
    good = sla.create(MON, impact=1, urgency=1)  # P1 (24×7): 15 min response, 4 h resolution
    resolve(sla, good.id, MON + 10 * M, MON + H)  # both met
    late = sla.create(MON, impact=1, urgency=1)
    resolve(sla, late.id, MON + 30 * M, MON + 5 * H)  # both breached
    april = MON.replace(month=4, day=6)  # a Monday
    sla.create(april, impact=3, urgency=1)  # P3, still open: both targets long past due
    dialog = AttainmentDialog(sla_runner)
    keep(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    assert dialog.table_texts() == [
        ["2026-03", "P1 Critical", "Service Desk", "First response", "1", "1", "2", "50.0 %"],
        ["2026-03", "P1 Critical", "Service Desk", "Resolution", "1", "1", "2", "50.0 %"],
        ["2026-04", "P3 Moderate", "Service Desk", "First response", "0", "1", "1", "0.0 %"],
        ["2026-04", "P3 Moderate", "Service Desk", "Resolution", "0", "1", "1", "0.0 %"],
    ]
    assert dialog.summary.text() == "Overall: 2 of 6 targets met (33.3 %)."

    # Only March, not per month.
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.from_month.setDate(QDate(2026, 3, 1))
        dialog.until_month.setDate(QDate(2026, 3, 1))
        dialog.use_until.setChecked(True)
        dialog.use_from.setChecked(True)
        dialog.by_month.setChecked(False)
    qtbot.waitUntil(lambda: dialog._op is None and len(dialog.rows) == 2, timeout=10_000)
    assert [(r.policy, r.target, r.met, r.breached) for r in dialog.rows] == [
        ("P1 Critical", "first_response", 1, 1), ("P1 Critical", "resolution", 1, 1)]
    assert dialog.table.isColumnHidden(0)

    path = tmp_path / "attainment.csv"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8 with a BOM
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines == [
        ["month", "policy", "group", "target", "met", "breached", "total",
         "attainment_percent"],
        ["", "P1 Critical", "Service Desk", "first_response", "1", "1", "2", "50.0"],
        ["", "P1 Critical", "Service Desk", "resolution", "1", "1", "2", "50.0"],
    ]
    assert "Wrote 2 rows" in dialog.status.text()
