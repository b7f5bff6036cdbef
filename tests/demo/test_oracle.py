"""The bulk path writes exactly what the ticket services would have written.

The demo records each ticket's life as service calls (create, update, worklog, each at its
time); replaying those calls through ``desk.services.tickets`` on the same database must give
the same ticket fields, the same event log and the same worklog as the rows the demo wrote
in bulk — only ids and numbers differ.
"""

from __future__ import annotations

import uuid
from typing import Any

from desk.db.session import Database
from desk.demo import load
from desk.demo.generate import plan_demo
from desk.demo.life import build_chunk, to_datetime
from desk.services import tickets as svc
from tests.demo.conftest import NOW, demo

SEED = 11
# The audit trail the Audit tab shows: the demo writes a ticket's creation and its status,
# group, assignee and priority changes as the service does.
AUDITED = {"created", "status", "group_id", "assignee_id", "priority"}


def _uuid(hex32: str | None) -> uuid.UUID | None:
    return None if hex32 is None else uuid.UUID(hex32)


def _member(m: tuple[str, str] | None) -> uuid.UUID | None:
    return None if m is None else uuid.UUID(m[0])


def _replay(db: Database, ops: list[tuple[Any, ...]], ids: dict[str, uuid.UUID]) -> uuid.UUID:
    """Run one ticket's recorded life through the services; returns the new ticket's id."""
    _, t, actor, f = ops[0]
    view, _ = svc.create_ticket(db, _member(actor), svc.NewTicket(
        kind=f["kind"], title=f["title"], description=f["description"], impact=f["impact"],
        urgency=f["urgency"], channel=f["channel"], category_id=_uuid(f["category_id"]),
        requester_id=_uuid(f["requester_id"]), organization_id=_uuid(f["organization_id"]),
        group_id=None if f["group"] is None else uuid.UUID(f["group"].hex),
        assignee_id=_member(f["assignee"]),
        parent_id=None if f["parent_id"] is None else ids[f["parent_id"]],
        major_incident=f["major_incident"]), at=to_datetime(t))
    for op in ops[1:]:
        if op[0] == "worklog":
            _, t, author, visibility, body = op
            svc.add_worklog(db, _member(author), view.id, visibility, body, at=to_datetime(t))
            continue
        _, t, actor, changes = op
        mapped: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "group":
                mapped["group_id"] = None if value is None else uuid.UUID(value.hex)
            elif key == "assignee":
                mapped["assignee_id"] = _member(value)
            else:
                mapped[key] = value
        current = svc.get_ticket(db, view.id)
        svc.update_ticket(db, _member(actor), view.id, current.row_version, mapped,
                          at=to_datetime(t))
    return view.id


def test_bulk_rows_equal_a_replay_through_the_services(db: Database) -> None:
    n = 300
    # Plan in a transaction that is rolled back: the run below creates the same reference
    # rows (same ids), so the recorded operations refer to real people and groups.
    with db.engine.connect() as conn, conn.begin() as tx:
        load.start_transaction(conn)
        plan = plan_demo(conn, n, SEED, "en", NOW)
        tx.rollback()
    demo(db, n, seed=SEED)
    chunk = build_chunk(plan.ctx, plan.specs[0], record=True)
    assert chunk.plans is not None and len(chunk.plans) == n

    demo_ids: dict[str, uuid.UUID] = {}  # demo ticket id (hex) -> replayed ticket id
    compared = set()
    for ops in chunk.plans:
        number = ops[0][3]["number"]
        original = svc.find_by_number(db, number)
        assert original is not None
        replayed_id = _replay(db, ops, demo_ids)
        demo_ids[original.id.hex] = replayed_id
        replayed = svc.get_ticket(db, replayed_id)
        # One service call, one row_version step: a call that writes the ticket twice (e.g.
        # an autoflush before it sets updated_at) shows up here first.
        assert replayed.row_version == original.row_version, (
            f"{number}: row_version {replayed.row_version} after replaying {len(ops)} service "
            f"calls, expected {original.row_version} (one step per call that changes it)")
        skip = {"id", "number", "parent_id"}
        assert {k: v for k, v in vars(replayed).items() if k not in skip} == {
            k: v for k, v in vars(original).items() if k not in skip}, number
        if original.parent_id is not None:
            assert replayed.parent_id == demo_ids[original.parent_id.hex]

        def events(ticket_id: uuid.UUID) -> list[tuple[Any, ...]]:
            return [(e.at, e.actor_id, e.field, e.old_value, e.new_value)
                    for e in svc.list_events(db, ticket_id)]

        def worklog(ticket_id: uuid.UUID) -> list[tuple[Any, ...]]:
            return [(w.created_at, w.author_id, w.visibility, w.body)
                    for w in svc.list_worklog(db, ticket_id)]

        def audit(ticket_id: uuid.UUID, own_number: str) -> list[tuple[Any, ...]]:
            return [(a.created_at, a.actor_id, a.table_name, a.field, a.old_value,
                     "NUMBER" if a.new_value == own_number else a.new_value)
                    for a in svc.list_audit(db, ticket_id) if a.field in AUDITED]

        assert events(replayed_id) == events(original.id), number
        assert worklog(replayed_id) == worklog(original.id), number
        replayed_audit = audit(replayed_id, replayed.number)
        assert replayed_audit == audit(original.id, number), number
        assert replayed_audit[0][3] == "created" and replayed_audit[0][5] == "NUMBER"
        compared.add((original.kind, original.status))
    # The replay covered every kind and the common end states.
    assert {k for k, _ in compared} == {"incident", "service_request", "problem", "change"}
    assert {("incident", "closed"), ("incident", "in_progress"),
            ("service_request", "closed")} <= compared
