"""``QueueRow.of``: the fast way pages build their rows gives the row the constructor gives."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime
from types import MappingProxyType

import pytest

from desk.queues.columns import QueueRow


def values() -> tuple:
    now = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
    return (uuid.uuid4(), "INC0000042", "incident", 2, "in_progress", "VPN drops", "Ann Lee",
            "Contoso", "Network", "Bo Chen", "Network/VPN", "phone", now, now, True, 3,
            MappingProxyType({"sla_resolution_due": now}), (now, uuid.uuid4()))


def test_of_builds_the_row_the_constructor_builds() -> None:
    v = values()
    row = QueueRow.of(v)
    assert row == QueueRow(*v)
    assert tuple(getattr(row, f.name) for f in dataclasses.fields(row)) == v
    assert row.sort_key == v[-1] and row.extra["sla_resolution_due"] == v[12]
    assert hash(row.id) == hash(v[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.title = "changed"  # type: ignore[misc]


def test_of_refuses_a_short_row() -> None:
    with pytest.raises(TypeError):
        QueueRow.of(values()[:-1])
