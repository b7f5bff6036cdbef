"""The demo CMDB must load for any seed, also on top of an earlier demo."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk.cmdb.demo import add_demo_cmdb
from desk.models import CiRelationship


@pytest.mark.parametrize("seeds", [(1,), (2,), (3, 1)])
def test_demo_cmdb_loads_for_every_seed(sqlite_db, seeds):
    for seed in seeds:
        add_demo_cmdb(sqlite_db, seed=seed, locale="en")
    with sqlite_db.read() as s:
        edges = s.scalar(select(func.count()).select_from(CiRelationship))
        distinct = s.scalar(select(func.count()).select_from(
            select(CiRelationship.source_id, CiRelationship.type, CiRelationship.target_id)
            .distinct().subquery()))
    assert edges > 1000 and edges == distinct
