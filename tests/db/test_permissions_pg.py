"""What each kind of person can do with their own login in psql: the security documentation.

One shared PostgreSQL database (migrated by its owner) with four people, each signed in with
raw psycopg as their own login role — no Desk code between them and the server:

=======  ======================================================
agent    member of Service Desk
lead     team lead (and member) of Service Desk
field    field technician of Service Desk
admin    administrator
=======  ======================================================

Tickets (Service Desk / HR are the groups; ``conf`` = confidential):

=============  ============  ============  =============
name           group         confidential  assignee
=============  ============  ============  =============
desk           Service Desk  no            —
desk_conf      Service Desk  yes           —
hr             HR            no            —
hr_conf        HR            yes           —
field_job      HR            no            field
=============  ============  ============  =============

Every statement runs in a transaction that is rolled back, so the cases do not affect each
other.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.db.session import Database, open_database
from desk.domain.enums import Kind
from desk.services import admin_users, people, tickets
from tests.conftest import PG_SERVER, need_pg

pytestmark = pytest.mark.pg

KINDS = ("agent", "lead", "field", "admin")

# S select, I insert, U update, D delete, T truncate; "-" nothing. Row-level security then
# narrows the rows (see the visibility and change matrices below).
PRIVILEGES = """
table                agent  lead   field  admin
alembic_version      S      S      S      S
users                S      S      S      SIU
groups               S      S      S      SIU
group_members        S      S      S      SIU
organizations        SIU    SIU    S      SIU
contacts             SIU    SIU    S      SIU
categories           S      S      S      SIU
priority_matrix      S      S      S      SIU
settings             S      S      S      SIUD
ci_classes           S      S      S      SIU
configuration_items  SIU    SIU    S      SIU
ci_relationships     SIU    SIU    S      SIU
sla_calendars        S      S      S      SIU
sla_policies         S      S      S      SIU
sla_targets          S      S      S      SIUD
saved_views          SIU    SIU    SIU    SIU
tickets              SIU    SIU    SIU    SIU
ticket_counters      SIU    SIU    SIU    SIU
ticket_events        SI     SI     SI     SI
worklog_entries      SI     SI     SI     SI
audit_entries        SI     SI     SI     SI
attachments          SIU    SIU    SIU    SIU
ticket_cis           SIU    SIU    SIU    SIU
sla_clocks           SIUD   SIUD   SIUD   SIUD
sla_escalations      SIU    SIU    SIU    SIU
"""
# (sla_escalations: UPDATE of ``outcome`` only.)

# Which tickets each person sees — in lists, counts and searches alike.
VISIBLE = {
    "agent": {"desk", "desk_conf", "hr", "field_job"},
    "lead": {"desk", "desk_conf", "hr", "hr_conf", "field_job"},
    "field": {"field_job"},
    "admin": {"desk", "desk_conf", "hr", "hr_conf", "field_job"},
}
# Which tickets each person may change (and add worklog, attachments and events to).
CHANGEABLE = {
    "agent": {"desk", "desk_conf"},
    "lead": {"desk", "desk_conf"},
    "field": {"field_job"},
    "admin": {"desk", "desk_conf", "hr", "hr_conf", "field_job"},
}


@dataclass
class Desk:
    db: Database
    dbname: str
    logins: dict[str, str]  # kind -> login
    user_ids: dict[str, uuid.UUID]
    tickets: dict[str, uuid.UUID]
    group_roles: list[str]

    def connect(self, kind: str) -> psycopg.Connection:
        return _connect(self.logins[kind], self.dbname)


def _server() -> dict[str, object]:
    url = make_url(PG_SERVER)
    return dict(host=url.host, port=url.port or 5432)


def _connect(user: str, dbname: str) -> psycopg.Connection:
    return psycopg.connect(**_server(), user=user, dbname=dbname)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def desk() -> Iterator[Desk]:
    need_pg()
    url = make_url(PG_SERVER)
    admin_params = dict(**_server(), user=url.username or "postgres",
                        dbname=url.database or "postgres", autocommit=True)
    dbname = f"desk_test_{uuid.uuid4().hex[:12]}"
    prefix = f"p{uuid.uuid4().hex[:8]}"
    logins = {kind: f"{prefix}_{kind}" for kind in KINDS}
    with psycopg.connect(**admin_params) as conn:  # type: ignore[arg-type]
        conn.execute(f'CREATE DATABASE "{dbname}"')
    db = open_database(url.set(drivername="postgresql+psycopg", database=dbname)
                       .render_as_string(hide_password=False))
    try:
        hr, _ = people.create_group(db, "HR")
        sd, _ = people.create_group(db, "Service Desk")
        for kind in KINDS:
            groups = ["Service Desk"] if kind in ("agent", "lead", "field") else []
            admin_users.add_user(db, logins[kind], kind.title(), kind, groups)
        user_ids = {k: people.find_user(db, login).id for k, login in logins.items()}
        with db.write() as s:
            s.execute(text("UPDATE groups SET team_lead_id = :lead WHERE id = :g"),
                      {"lead": user_ids["lead"], "g": sd.id})
        made = {}
        for name, group, assignee in (("desk", sd, None), ("desk_conf", sd, None),
                                      ("hr", hr, None), ("hr_conf", hr, None),
                                      ("field_job", hr, user_ids["field"])):
            view, _ = tickets.create_ticket(db, user_ids["admin"], tickets.NewTicket(
                kind=Kind.INCIDENT, title=name, group_id=group.id))
            made[name] = view.id
            with db.write() as s:
                s.execute(text("UPDATE tickets SET confidential = :c, assignee_id = :a "
                               "WHERE id = :id"),
                          {"c": name.endswith("_conf"), "a": assignee, "id": view.id})
        with db.read() as s:
            group_roles = [s.scalar(text("SELECT desk_private.kind_role(:k)"), {"k": k})
                           for k in KINDS]
        yield Desk(db, dbname, logins, user_ids, made, group_roles)
    finally:
        db.dispose()
        with psycopg.connect(**admin_params) as conn:  # type: ignore[arg-type]
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            for role in [*logins.values(), *(f"desk_{dbname}_{k}" for k in KINDS)]:
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _attempt(conn: psycopg.Connection, sql: str, params: object = None) -> int | str:
    """Run one statement in a transaction that is rolled back: the row count, or the name
    of the error the server raised."""
    try:
        with conn.transaction(force_rollback=True):
            cur = conn.execute(sql, params)  # type: ignore[arg-type]
            return cur.rowcount
    except psycopg.Error as err:
        return type(err).__name__


def _expected_privileges() -> dict[tuple[str, str], str]:
    lines = [line.split() for line in PRIVILEGES.strip().splitlines()]
    header = lines[0][1:]
    return {(row[0], kind): letters.replace("-", "") for row in lines[1:]
            for kind, letters in zip(header, row[1:], strict=True)}


def _statements(table: str, column: str) -> dict[str, str]:
    # The privilege is checked when the statement is planned, before any row is touched.
    return {
        "S": f"SELECT 1 FROM {table} LIMIT 0",
        "I": f"INSERT INTO {table} SELECT * FROM {table} WHERE false",
        "U": f"UPDATE {table} SET {column} = {column} WHERE false",
        "D": f"DELETE FROM {table} WHERE false",
        "T": f"TRUNCATE {table}",
    }


@pytest.mark.parametrize("kind", KINDS)
def test_table_privileges_match_the_matrix(desk, kind):
    expected = _expected_privileges()
    with desk.db.read() as s:
        tables = sorted(s.scalars(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
        last_column = dict(s.execute(text(
            "SELECT DISTINCT ON (table_name) table_name, column_name "
            "FROM information_schema.columns WHERE table_schema = 'public' "
            "ORDER BY table_name, ordinal_position DESC")).all())
    # Every table is in the matrix (a new table must be granted and documented).
    assert sorted(t for t, k in expected if k == kind) == tables
    column_grants = {("sla_escalations", "U"): "outcome"}
    found, wanted = {}, {}
    with desk.connect(kind) as conn:
        for table in tables:
            for letter, sql in _statements(table, last_column[table]).items():
                column = column_grants.get((table, letter))
                if column:
                    sql = _statements(table, column)[letter]
                outcome = _attempt(conn, sql)
                found[table, letter] = outcome == 0
                wanted[table, letter] = letter in expected[table, kind]
    assert {k for k, ok in found.items() if ok} == {k for k, ok in wanted.items() if ok}


def test_nothing_is_granted_to_public(desk):
    with desk.db.read() as s:
        public_grants = s.execute(text(
            "SELECT table_name, privilege_type FROM information_schema.table_privileges "
            "WHERE grantee = 'PUBLIC' AND table_schema IN ('public', 'desk_private')")).all()
        db_acl = s.scalar(text("SELECT datacl::text FROM pg_database "
                               "WHERE datname = current_database()"))
        public_schema_usage = s.scalar(text(
            "SELECT has_schema_privilege('public', 'public', 'USAGE')"))
        functions = s.scalars(text(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'desk_private' "
            "AND has_function_privilege('public', p.oid, 'EXECUTE')")).all()
    assert public_grants == []
    # (PUBLIC's entries in an ACL are the ones with nobody before the "=".)
    assert [e for e in db_acl.strip("{}").split(",") if e.startswith("=")] == []
    assert public_schema_usage is False
    assert functions == []


def _titles(conn: psycopg.Connection, where: str = "true") -> set[str]:
    return {r[0] for r in conn.execute(f"SELECT title FROM tickets WHERE {where}")}


@pytest.mark.parametrize("kind", KINDS)
def test_who_sees_which_tickets_in_lists_counts_and_search(desk, kind):
    with desk.connect(kind) as conn:
        assert _titles(conn) == VISIBLE[kind]
        count = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        assert count == len(VISIBLE[kind])
        assert _titles(conn, "title LIKE '%conf%'") == {t for t in VISIBLE[kind]
                                                        if "conf" in t}
        # What hangs off a ticket follows the ticket: the creation events.
        events = {r[0] for r in conn.execute(
            "SELECT t.title FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id")}
        assert events == VISIBLE[kind]
        raw_events = conn.execute("SELECT count(DISTINCT ticket_id) FROM ticket_events"
                                  ).fetchone()[0]
        assert raw_events == len(VISIBLE[kind])


@pytest.mark.parametrize("kind", KINDS)
def test_who_changes_which_tickets(desk, kind):
    changed, noted = set(), set()
    with desk.connect(kind) as conn:
        for name, ticket_id in desk.tickets.items():
            if _attempt(conn, "UPDATE tickets SET title = title WHERE id = %s",
                        (ticket_id,)) == 1:
                changed.add(name)
            if _attempt(conn, "INSERT INTO worklog_entries (id, created_at, ticket_id, "
                        "author_id, visibility, body) VALUES (gen_random_uuid(), now(), %s, "
                        "NULL, 'internal', 'note')", (ticket_id,)) == 1:
                noted.add(name)
    assert changed == CHANGEABLE[kind]
    assert noted == CHANGEABLE[kind]


def test_an_agent_routes_a_ticket_away_and_then_cannot_change_it(desk):
    hr_group = _group_of(desk, "hr")
    with desk.connect("agent") as conn, conn.transaction(force_rollback=True):
        assert conn.execute("UPDATE tickets SET group_id = %s WHERE id = %s",
                            (hr_group, desk.tickets["desk"])).rowcount == 1
        assert conn.execute("UPDATE tickets SET title = 'x' WHERE id = %s",
                            (desk.tickets["desk"],)).rowcount == 0


def _group_of(desk: Desk, name: str) -> uuid.UUID:
    with desk.db.read() as s:
        return s.scalar(text("SELECT group_id FROM tickets WHERE id = :id"),
                        {"id": desk.tickets[name]})


def test_field_technicians_create_only_tickets_assigned_to_them(desk):
    insert = ("INSERT INTO tickets (id, kind, number, title, description, status, impact, "
              "urgency, priority, channel, assignee_id, major_incident, opened_at, "
              "row_version, created_at, updated_at) VALUES (gen_random_uuid(), 'incident', "
              "%s, 'on site', '', 'new', 3, 3, 5, 'walk_in', %s, false, now(), 1, now(), "
              "now())")
    with desk.connect("field") as conn:
        assert _attempt(conn, insert, ("INC9000001", desk.user_ids["field"])) == 1
        assert _attempt(conn, insert, ("INC9000002", None)) == "InsufficientPrivilege"


@pytest.mark.parametrize("kind", KINDS)
def test_nobody_changes_history_worklog_or_audit(desk, kind):
    with desk.connect(kind) as conn:
        for table in ("ticket_events", "worklog_entries", "audit_entries"):
            assert _attempt(conn, f"UPDATE {table} SET created_at = now()") == \
                "InsufficientPrivilege"
            assert _attempt(conn, f"DELETE FROM {table}") == "InsufficientPrivilege"


def test_the_database_writes_the_audit_actor_and_time(desk):
    forged = "2000-01-01 00:00:00+00"
    with desk.connect("agent") as conn:
        with conn.transaction():
            row = conn.execute(
                "INSERT INTO audit_entries (id, created_at, actor_id, table_name, record_id, "
                "field, old_value, new_value) VALUES (gen_random_uuid(), %s, %s, "
                "'configuration_items', gen_random_uuid(), 'name', 'a', 'b') "
                "RETURNING actor_id, created_at > now() - interval '1 hour'",
                (forged, desk.user_ids["admin"])).fetchone()
        # Not about a ticket the agent may change: refused.
        assert _attempt(conn, "INSERT INTO audit_entries (id, created_at, table_name, "
                        "record_id, field) VALUES (gen_random_uuid(), now(), 'tickets', %s, "
                        "'title')", (desk.tickets["hr"],)) == "InsufficientPrivilege"
    assert row == (desk.user_ids["agent"], True)


def test_nobody_changes_their_own_role_or_becomes_someone_else(desk):
    with desk.connect("agent") as conn:
        assert _attempt(conn, "UPDATE users SET role = 'admin'") == "InsufficientPrivilege"
        assert _attempt(conn, f'SET ROLE "{desk.group_roles[3]}"') == "InsufficientPrivilege"
        assert _attempt(conn, "SET ROLE postgres") == "InsufficientPrivilege"
        for sql in ("SET SESSION AUTHORIZATION '{}'", "SET session_authorization = '{}'",
                    "SELECT set_config('session_authorization', '{}', false)"):
            assert _attempt(conn, sql.format(desk.logins["admin"])) == \
                "InsufficientPrivilege"
        # Their own group role gives nothing more than they have.
        with conn.transaction(force_rollback=True):
            conn.execute(f'SET LOCAL ROLE "{desk.group_roles[0]}"')
            assert _titles(conn) == VISIBLE["agent"]
        assert _attempt(conn, "SELECT desk_private.grant_login(%s, 'admin', NULL)",
                        (desk.logins["agent"],)) == "InsufficientPrivilege"
        assert _attempt(conn, "SELECT desk_private.prune_changes('0')") == \
            "InsufficientPrivilege"


def test_ticket_numbers_only_move_forward_by_one(desk):
    with desk.connect("agent") as conn:
        assert _attempt(conn, "UPDATE ticket_counters SET next_number = next_number + 1 "
                        "WHERE kind = 'incident'") == 1
        assert _attempt(conn, "UPDATE ticket_counters SET next_number = 1") == \
            "InsufficientPrivilege"


def test_the_change_feed_is_read_only_for_people(desk):
    with desk.connect("admin") as conn:
        assert _attempt(conn, "SELECT 1 FROM desk_private.changes LIMIT 0") == 0
        for sql in ("INSERT INTO desk_private.changes (xid, table_name, row_id, op) "
                    "VALUES ('1', 'tickets', 'x', 'I')",
                    "DELETE FROM desk_private.changes",
                    "UPDATE desk_private.feed_state SET pruned_below = '0'"):
            assert _attempt(conn, sql) == "InsufficientPrivilege"


def _definer_functions(desk: Desk) -> list[tuple[str, list[str] | None]]:
    with desk.db.read() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT p.oid::regprocedure::text, p.proconfig FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "ORDER BY 1"))]


def test_every_security_definer_function_fixes_its_search_path(desk):
    functions = _definer_functions(desk)
    assert len(functions) >= 12
    assert [name for name, config in functions
            if config != ["search_path=pg_catalog, pg_temp"]] == []


# Look-alikes of what the SECURITY DEFINER functions use; each one raises when touched.
_TRAPPED_FUNCTIONS = ("pg_has_role(name, text, text)", "pg_has_role(oid, text, text)",
                      "current_database()", "statement_timestamp()", "pg_current_xact_id()",
                      "pg_current_snapshot()", "pg_notify(text, text)")
_TRAPPED_TABLES = ("users", "groups", "group_members", "tickets", "audit_entries",
                   "ticket_counters", "pg_roles", "pg_auth_members")


@pytest.fixture
def trap(desk: Desk) -> Iterator[str]:
    """A schema that shadows every name the SECURITY DEFINER functions rely on, with objects
    that raise 'trap sprung' when used: a function that looked a name up on the caller's
    search_path would fail (or answer differently) instead of passing quietly."""
    schema = f"trap_{uuid.uuid4().hex[:6]}"
    sql = [f"CREATE SCHEMA {schema}",
           f"""CREATE FUNCTION {schema}.sprung() RETURNS text LANGUAGE plpgsql
               AS $$ BEGIN RAISE EXCEPTION 'trap sprung'; END $$"""]
    for fn in _TRAPPED_FUNCTIONS:
        name, args = fn.split("(")
        returns = {"pg_has_role": "boolean", "current_database": "name",
                   "statement_timestamp": "timestamptz", "pg_current_xact_id": "xid8",
                   "pg_current_snapshot": "pg_snapshot", "pg_notify": "void"}[name]
        sql.append(f"""CREATE FUNCTION {schema}.{name}({args} RETURNS {returns}
                       LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'trap sprung'; END $$""")
    for table in _TRAPPED_TABLES:
        sql.append(f"CREATE VIEW {schema}.{table} AS SELECT {schema}.sprung() AS id, "
                   f"{schema}.sprung() AS username, {schema}.sprung() AS rolname")
    sql += [f"GRANT USAGE ON SCHEMA {schema} TO PUBLIC",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO PUBLIC"]
    with desk.db.engine.begin() as conn:
        for statement in sql:
            conn.exec_driver_sql(statement)
    yield schema
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")


CALLS = (
    "SELECT desk_private.my_kind()",
    "SELECT desk_private.me()",
    "SELECT desk_private.my_groups()",
    "SELECT desk_private.led_groups()",
    "SELECT desk_private.may_change(NULL, NULL)",
    "SELECT count(*) FROM public.tickets",
    "SELECT count(*) FROM public.tickets WHERE desk_private.may_change_ticket(id)",
    "SELECT count(*) FROM public.ticket_events",
    "SELECT desk_private.feed_snapshot() IS NOT NULL",
)
# Statements that fire the triggers (audit stamp, counter guard, change feed).
WRITES = (
    "INSERT INTO public.audit_entries (id, created_at, table_name, record_id, field) "
    "VALUES (gen_random_uuid(), now(), 'configuration_items', gen_random_uuid(), 'x') "
    "RETURNING actor_id = desk_private.me()",
    "UPDATE public.ticket_counters SET next_number = next_number + 1 "
    "WHERE kind = 'incident' RETURNING true",
)


@pytest.mark.parametrize("kind", ["agent", "admin"])
def test_a_search_path_trick_changes_no_answer(desk, trap, kind):
    def answers(conn: psycopg.Connection) -> list[object]:
        got: list[object] = [conn.execute(sql).fetchone() for sql in CALLS]
        for sql in WRITES:
            with conn.transaction(force_rollback=True):
                got.append(conn.execute(sql).fetchone())
        return got

    with desk.connect(kind) as conn:
        honest = answers(conn)
        conn.execute(f"SET search_path = {trap}, pg_catalog, public")
        tricked = answers(conn)
        if kind == "admin":
            # The people functions and pruning, under the trap.
            with conn.transaction(force_rollback=True):
                conn.execute("SELECT desk_private.grant_login(%s, 'agent', NULL)",
                              (f"{desk.logins['agent']}_new",))
                conn.execute("SELECT desk_private.revoke_login(%s)",
                             (f"{desk.logins['agent']}_new",))
                conn.execute("SELECT desk_private.prune_changes('1 day')")
        else:
            for sql in ("SELECT desk_private.grant_login('x', 'admin', NULL)",
                        "SELECT desk_private.revoke_login('x')",
                        "SELECT desk_private.prune_changes('0')"):
                assert _attempt(conn, sql) == "InsufficientPrivilege"
    assert honest[0] == (kind,)
    assert honest[-2:] == [(True,), (True,)]
    assert tricked == honest


def test_an_agent_cannot_create_objects_to_shadow_names(desk):
    with desk.connect("agent") as conn:
        assert _attempt(conn, "CREATE TEMP TABLE users (username text)") == \
            "InsufficientPrivilege"
        assert _attempt(conn, "CREATE TABLE public.x (a int)") == "InsufficientPrivilege"
        assert _attempt(conn, "CREATE FUNCTION desk_private.x() RETURNS int "
                        "LANGUAGE sql AS 'SELECT 1'") == "InsufficientPrivilege"


def test_whoever_sees_a_ticket_records_its_escalation_once(desk):
    insert = ("INSERT INTO sla_escalations (ticket_id, target, level, fired_at, actions) "
              "VALUES (%s, 'resolution', 'warning', now(), '[]')")
    with desk.connect("agent") as conn:
        # Seen but not the agent's to change: the escalation scan still records it.
        assert _attempt(conn, insert, (desk.tickets["hr"],)) == 1
        assert _attempt(conn, insert, (desk.tickets["hr_conf"],)) == "InsufficientPrivilege"
        assert _attempt(conn, "UPDATE sla_escalations SET level = 'breach'") == \
            "InsufficientPrivilege"
