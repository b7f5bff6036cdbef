"""Fixtures for the CMDB widgets: a small CMDB on a real database and a real DbRunner."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

import desk.models.cmdb  # noqa: F401  (registers the CMDB tables)
from desk.cmdb import services as sv
from desk.db.session import Database
from desk.ui.worker import DbRunner


@dataclass(frozen=True)
class Cmdb:
    ids: dict[str, uuid.UUID]


def make_cmdb(db: Database) -> Cmdb:
    """Banking → bank-app → vm-1/vm-2 → esx-1 → DC1; crm → vm-2; a few spare servers."""
    ids: dict[str, uuid.UUID] = {}
    for name, cls in (("Banking", "business_service"), ("bank-app", "application"),
                      ("crm", "application"), ("vm-1", "virtual_machine"),
                      ("vm-2", "virtual_machine"), ("esx-1", "server"), ("DC1", "location"),
                      *((f"srv-{i:03d}", "server") for i in range(12))):
        view, _ = sv.create_ci(db, None, sv.CiInput(name, cls))
        ids[name] = view.id
    for a, t, b in (("Banking", "depends_on", "bank-app"), ("bank-app", "runs_on", "vm-1"),
                    ("bank-app", "runs_on", "vm-2"), ("crm", "runs_on", "vm-2"),
                    ("vm-1", "runs_on", "esx-1"), ("vm-2", "runs_on", "esx-1"),
                    ("esx-1", "contained_in", "DC1")):
        sv.add_relationship(db, None, ids[a], t, ids[b])
    return Cmdb(ids)


@pytest.fixture
def cmdb(db: Database) -> Cmdb:
    return make_cmdb(db)


@pytest.fixture
def cmdb_runner(qtbot, db: Database) -> Iterator[DbRunner]:
    r = DbRunner(db)
    yield r
    r.shutdown()
