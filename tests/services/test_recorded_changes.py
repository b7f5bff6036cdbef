"""What a write says it changed is what changed in the database.

Every public write function runs once on a real database (SQLite and PostgreSQL); each table's
rows are snapshot before and after, and the changes the unit of work recorded must equal the
difference row for row (table, key, insert/update/delete). A write function added without a
step here fails ``test_every_write_function_is_covered``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import desk
import desk.models.cmdb
import desk.models.sla
from desk.cmdb import csvio, major
from desk.cmdb import services as cmdb
from desk.cmdb import settings as cmdb_settings
from desk.db.session import Database, changes_of
from desk.models import Setting
from desk.models.base import Base
from desk.queues import saved
from desk.queues.spec import Filter
from desk.services import admin_users, catalog, people, settings, tickets
from desk.services.changes import Changes, RowOp, Written
from desk.sla import demo, engine, policy
from desk.sla.policy import STANDARD, Action, ActionKind, find_calendar, list_policies
from desk.slaops import admin, escalation, service

MON = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)

Snapshot = dict[str, dict[object, tuple[Any, ...]]]


def snapshot(db: Database) -> Snapshot:
    out: Snapshot = {}
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            rows: dict[object, tuple[Any, ...]] = {}
            for row in s.execute(select(table)):
                key = tuple(row._mapping[c.name] for c in pk)
                rows[key[0] if len(key) == 1 else key] = tuple(row)
            out[table.name] = rows
    return out


def diff(before: Snapshot, after: Snapshot) -> dict[str, dict[object, RowOp]]:
    out: dict[str, dict[object, RowOp]] = {}
    for table, rows in after.items():
        old = before[table]
        ops = {k: RowOp.INSERT for k in rows.keys() - old.keys()}
        ops |= {k: RowOp.DELETE for k in old.keys() - rows.keys()}
        ops |= {k: RowOp.UPDATE for k in rows.keys() & old.keys() if rows[k] != old[k]}
        if ops:
            out[table] = ops
    return out


class Recorder:
    """Runs writes and checks each one's recorded changes against the database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.covered: set[str] = set()

    def __call__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        before = snapshot(self.db)
        result = fn(self.db, *args, **kwargs)
        after = snapshot(self.db)
        assert isinstance(result, (Written, Changes)), fn.__name__
        changes = result.changes if isinstance(result, Written) else result
        recorded = {t: dict(keys) for t, keys in changes.rows.items()}
        assert recorded == diff(before, after), fn.__qualname__
        # Every ticket whose row or child rows changed is named.
        touched = set(changes.ids("tickets"))
        for table in ("ticket_events", "worklog_entries", "attachments", "ticket_cis"):
            for key in changes.ids(table):
                row = after[table].get(key) or before[table].get(key)
                touched.add(_ticket_id(table, row))
        assert touched <= changes.ticket_ids, fn.__qualname__
        self.covered.add(f"{fn.__module__}.{fn.__name__}")
        return result.value if isinstance(result, Written) else result


def _ticket_id(table: str, row: tuple[Any, ...] | None) -> uuid.UUID:
    assert row is not None
    column = list(Base.metadata.tables[table].columns.keys()).index("ticket_id")
    return row[column]


CORE_PACKAGES = ("desk.services", "desk.cmdb", "desk.queues", "desk.sla", "desk.drafts")


def write_functions() -> set[str]:
    """Every public function of the core packages that takes the database first and whose
    result carries ``Changes``."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(desk.__path__, "desk."):
        if not info.name.startswith(CORE_PACKAGES):
            continue
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            if next(iter(inspect.signature(fn).parameters), None) != "db":
                continue
            returns = str(fn.__annotations__.get("return", ""))
            if returns.startswith(("Written", "Changes")):
                found.add(f"{module.__name__}.{name}")
    return found


CIS_CSV = "name,class,status,environment,criticality\nweb-01,server,in_use,production,2\n"
RELS_CSV = "source,type,target\nweb-01,depends_on,db-01\n"


def run_every_write(rec: Recorder, tmp_path: Path) -> None:
    # People and catalogue
    lead = rec(people.create_user, "lead", "Lena Lead", "team_lead")
    agent = rec(people.create_user, "agent", "Arne Agent")
    group = rec(people.create_group, "Service Desk", team_lead_id=lead.id)
    rec(people.add_member, group.id, lead.id)
    rec(people.add_member, group.id, agent.id)
    org = rec(people.create_organization, "Acme")
    rec(people.create_contact, "Alice", "alice@acme.example", organization_id=org.id)
    rec(catalog.create_category, "Hardware")
    rec(settings.set_setting, "attachment_max_bytes", 10_000)
    rec(admin_users.add_user, "newcomer", "New Comer", "agent", ())
    rec(admin_users.disable_user, "newcomer")
    rec(settings.save_settings, {"attachment_max_bytes": 20_000, "auto_close_business_days": 3})

    # SLA defaults first, so tickets get clocks
    rec(policy.ensure_default_sla)
    second = rec(people.create_group, "Second line")

    # Tickets
    new = tickets.NewTicket(kind="incident", title="Mail is down", impact=3, urgency=1,
                            group_id=group.id)
    t1 = rec(tickets.create_ticket, agent.id, new, at=MON)
    t2 = rec(tickets.create_ticket, agent.id, replace(new, title="VPN"), at=MON)
    t1 = rec(tickets.update_ticket, agent.id, t1.id, t1.row_version,
             {"status": "in_progress", "assignee_id": agent.id}, at=MON + H)
    rec(tickets.bulk_update, agent.id, [t1.id, t2.id], {"impact": 2}, note="Escalated",
        at=MON + 2 * H)
    rec(tickets.add_worklog, agent.id, t2.id, "public", "We are on it", at=MON + 2 * H)
    att = rec(tickets.add_attachment, agent.id, t1.id, "log.txt", b"hello", at=MON + 2 * H)
    rec(tickets.remove_attachment, agent.id, att.id)

    # Saved views
    view = rec(saved.create_view, agent.id, "Mine", Filter())
    rec(saved.update_view, agent.id, view.saved_id, name="My tickets")
    rec(saved.rename_view, agent.id, view.saved_id, "Mine again")
    copy = rec(saved.duplicate_view, agent.id, view.saved_id)
    rec(saved.reorder_views, agent.id, [copy.saved_id, view.saved_id])
    rec(saved.move_view, agent.id, copy.saved_id, 1)
    rec(saved.delete_view, agent.id, copy.saved_id)

    # CMDB
    appliance = rec(cmdb.create_class, agent.id, "appliance", "Appliance")
    rec(cmdb.set_class_fields, agent.id, appliance.id, [{"name": "os", "type": "text"}])
    web = rec(cmdb.create_ci, agent.id, cmdb.CiInput("web-02", "server"))
    dbci = rec(cmdb.create_ci, agent.id, cmdb.CiInput("db-01", "server"))
    web = rec(cmdb.update_ci, agent.id, web.id, web.row_version, {"criticality": 1})
    rel = rec(cmdb.add_relationship, agent.id, web.id, "depends_on", dbci.id)
    rec(cmdb.remove_relationship, agent.id, rel)
    rec(cmdb.link_ci, agent.id, t1.id, web.id)
    rec(cmdb.link_ci, agent.id, t2.id, web.id)
    rec(cmdb.unlink_ci, agent.id, t2.id, web.id)
    rec(cmdb_settings.set_propagating_types, ["depends_on"])
    rec(cmdb_settings.set_outage_directions, {"connects_to": "both"})
    rec(cmdb_settings.set_major_incident_rule, 2, 60)
    rec(major.link_major_incident, agent.id, t1.id, [t1.id, t2.id])
    cis = tmp_path / "cis.csv"
    cis.write_text(CIS_CSV, encoding="utf-8")
    rels = tmp_path / "rels.csv"
    rels.write_text(RELS_CSV, encoding="utf-8")
    rec(csvio.import_cmdb, agent.id, cis, rels)
    rec(cmdb.delete_ci, agent.id, dbci.id)

    # SLA administration, recomputes and escalations
    cal = find_calendar(rec.db, STANDARD)
    longer = dict(cal.definition)
    longer["hours"] = {d: [["08:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
    rec(service.apply_calendar_change, cal.id, longer, now=MON + 3 * H)
    new_cal = rec(service.create_calendar, "Night shift", longer)
    rec(admin.save_calendar, None, "Weekend", longer)
    cal = find_calendar(rec.db, STANDARD)
    rec(admin.save_calendar, cal.id, STANDARD, cal.definition,
        expected_version=cal.row_version, now=MON + 4 * H)
    p3 = next(p for p in list_policies(rec.db) if p.name == "P3 Moderate")
    stricter = replace(p3, targets=(replace(p3.target("first_response"), seconds=1800),
                                    p3.target("resolution")))
    rec(service.apply_policy_change, stricter, now=MON + 5 * H)
    p3 = next(p for p in list_policies(rec.db) if p.name == "P3 Moderate")
    fr = p3.target("first_response")
    actions = (Action(ActionKind.RAISE_PRIORITY), Action(ActionKind.REASSIGN, second.id))
    rec(admin.save_policy, replace(p3, targets=(replace(fr, breach_actions=actions),
                                                p3.target("resolution"))), now=MON + 6 * H)
    rec(engine.recompute, now=MON + 7 * H, scope="all")
    rec(service.recompute_open, now=MON + 8 * H)
    t3 = rec(tickets.create_ticket, agent.id, replace(new, title="Printer"), at=MON + 8 * H)
    rec(escalation.run_escalations, MON + 30 * H)
    rec(tickets.create_ticket, agent.id, replace(new, title="Phones"), at=MON + 30 * H)
    rec(admin.escalation_tick, [group.id], None, MON + 60 * H)
    rec(demo.add_demo_sla, now=MON + 61 * H)
    assert t3 is not None and new_cal is not None


def test_recorded_changes_equal_the_database_difference(db: Database, tmp_path: Path) -> None:
    rec = Recorder(db)
    run_every_write(rec, tmp_path)
    # A new write function needs a step in ``run_every_write``.
    assert write_functions() - rec.covered == set()


def test_a_rolled_back_savepoint_records_nothing(db: Database) -> None:
    with db.write() as s:
        s.add(Setting(key="kept", value=1))
        with pytest.raises(ValueError), s.begin_nested():
            s.add(Setting(key="undone", value=2))
            s.flush()
            raise ValueError
    assert changes_of(s).ids("settings") == {"kept"}


def test_bulk_update_records_only_the_tickets_it_updated(db: Database) -> None:
    """``bulk_update`` skips a ticket the change does not fit (in a savepoint of its own)."""
    rec = Recorder(db)
    user = rec(people.create_user, "agent", "Arne Agent")
    group = rec(people.create_group, "Desk")
    rec(people.add_member, group.id, user.id)
    new = tickets.NewTicket(kind="incident", title="Mail", group_id=group.id)
    open_ = rec(tickets.create_ticket, user.id, new)
    done = rec(tickets.create_ticket, user.id, new)
    rec(tickets.update_ticket, user.id, done.id, done.row_version, {"status": "cancelled"})
    result = rec(tickets.bulk_update, user.id, [open_.id, done.id],
                 {"status": "in_progress", "assignee_id": user.id}, note="Taking these")
    assert result.updated == (open_.id,) and len(result.skipped) == 1
    assert tickets.list_worklog(db, done.id) == []


def test_changes_merge_to_the_net_effect() -> None:
    a = uuid.uuid4()
    inserted = Changes({"tickets": {a: RowOp.INSERT}}, frozenset({a}))
    updated = Changes({"tickets": {a: RowOp.UPDATE}}, frozenset({a}))
    deleted = Changes({"tickets": {a: RowOp.DELETE}}, frozenset({a}))
    assert (inserted | updated).ids("tickets", RowOp.INSERT) == {a}
    assert not (inserted | deleted).touches("tickets")
    assert (deleted | inserted).ids("tickets", RowOp.UPDATE) == {a}
    assert (updated | Changes()).touches_ticket(a) and not Changes()


def test_changes_cannot_be_read_before_the_commit(sqlite_db: Database) -> None:
    with sqlite_db.write() as s, pytest.raises(RuntimeError):
        changes_of(s)
