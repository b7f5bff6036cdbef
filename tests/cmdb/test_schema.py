"""Migration 0003 matches the CMDB models exactly, and seeds the built-in classes."""

from __future__ import annotations

import importlib.util

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desk.cmdb import services as sv
from desk.cmdb.vocab import BUILTIN_CLASS_IDS
from desk.db import migrate
from desk.models import Base

CMDB_TABLES = {"ci_classes", "configuration_items", "ci_relationships", "ticket_cis"}


def _touches_cmdb(diff: object) -> bool:
    text = repr(diff)
    return any(t in text for t in CMDB_TABLES)


def test_cmdb_models_match_migrated_schema(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": migrate.include_object})
        diff = [d for d in compare_metadata(ctx, Base.metadata) if _touches_cmdb(d)]
    assert diff == []


def test_builtin_classes_are_seeded_with_the_fixed_ids(db):
    classes = sv.list_classes(db)
    assert {c.name: c.id for c in classes} == BUILTIN_CLASS_IDS
    assert [c.name for c in classes if c.is_service] == ["business_service"]
    names = [c.name for c in classes]
    assert (names[0], names[-1]) == ("business_service", "location")
    spec = importlib.util.spec_from_file_location(
        "rev0003", migrate.MIGRATIONS_DIR / "versions" / "0003_cmdb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {row[1]: str(row[0]) for row in module.BUILTIN_CLASSES} == {
        k: str(v) for k, v in BUILTIN_CLASS_IDS.items()}
