"""Attaching files from disk and writing them back, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.errors import AttachmentTooLarge, DeskError
from desk.services import attachments, settings, tickets
from tests.factories import make_team, make_ticket


def test_a_file_round_trips_through_a_ticket(db, tmp_path: Path):
    team = make_team(db)
    t = make_ticket(db, team)
    source = tmp_path / "error log.txt"
    source.write_bytes(b"line 1\n")
    view, changes = attachments.add_file(db, team.agent.id, t.id, str(source))
    assert (view.filename, view.size) == ("error log.txt", 7)
    assert t.id in changes.ticket_ids
    dest = tmp_path / "out" / "copy.txt"
    assert attachments.export_attachment(db, view.id, str(dest)) == str(dest)
    assert dest.read_bytes() == b"line 1\n"


def test_a_file_over_the_limit_gets_the_ticket_services_message(db, tmp_path: Path):
    team = make_team(db)
    t = make_ticket(db, team)
    settings.set_setting(db, "attachment_max_bytes", 10)
    big = tmp_path / "dump.bin"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(AttachmentTooLarge) as from_file:
        attachments.add_file(db, team.agent.id, t.id, str(big))
    with pytest.raises(AttachmentTooLarge) as from_bytes:
        tickets.add_attachment(db, team.agent.id, t.id, "dump.bin", big.read_bytes())
    assert str(from_file.value) == str(from_bytes.value) == \
        "dump.bin is 2.0 KB — larger than the limit of 10 bytes"
    assert tickets.list_attachments(db, t.id) == []


def test_a_missing_file_is_one_clear_message(db, tmp_path: Path):
    team = make_team(db)
    t = make_ticket(db, team)
    with pytest.raises(DeskError, match=r"^Cannot read gone\.txt: No such file or directory$"):
        attachments.add_file(db, team.agent.id, t.id, str(tmp_path / "gone.txt"))
