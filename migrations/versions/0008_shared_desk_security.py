"""shared desk security: group roles, grants, row-level security, audit, change feed

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

Both databases: ``tickets.confidential`` (HR and security tickets that only their group, their
assignee, leads and administrators see).

PostgreSQL only — the database is the security boundary (an agent may open ``psql`` with their
own login; what they can do there is what the console lets them do):

- **Group roles** ``desk_<database>_agent|lead|field|admin`` (roles are cluster-wide, so the
  database name is part of the name; a name over 63 bytes uses ``desk_<md5 of the name>``
  instead). ``desk_private.kind_role(kind)`` answers the name, so nothing else derives it.
  Every person is a login role that is a member of exactly one of them (``desk admin user``).
- **Grants**: least privilege per group role (``_GRANTS`` below is the table of them); nothing
  on the database, the ``public`` schema or Desk's functions is left to ``PUBLIC``; nobody but
  the owner has ``TRUNCATE``, and nobody may UPDATE or DELETE ``ticket_events``,
  ``worklog_entries`` or ``audit_entries``.
- **Row-level security**, ``FORCE``d so the owner's own non-superuser sessions obey it too,
  with policies on ``session_user`` (never on a setting a client can ``SET``) through
  ``SECURITY DEFINER`` helpers in ``desk_private`` with a fixed ``search_path``.
- **Audit**: a trigger sets ``audit_entries.actor_id`` to the ``users`` row of
  ``session_user`` and ``created_at`` to the server's time for every session but the owner's
  (migrations, demo and bulk imports keep the values they load).
- **Ticket numbers**: people may only move a counter forward by one (the console's
  ``UPDATE … RETURNING``) or start a missing one at 2.
- **Change feed** ``desk_private.changes``: statement triggers on every table record table, row
  key, operation and the writing transaction's id (``xid8``); readers remember a snapshot, so
  a transaction that started earlier and commits later is never skipped (``desk.db.feed``).
  ``NOTIFY desk_changes`` (payload: the table) wakes listeners after commit. People read the
  feed; only the triggers write it and only ``desk_private.prune_changes`` (owner and
  administrators) deletes from it, raising ``pruned_below`` so a reader that fell behind
  learns it must reload.

Migrations run as the database owner (the role that ran this one; superusers count as it).
A later migration that adds a table must also grant it to the four roles
(``desk_private.kind_role(kind)`` names them), give it the three ``desk_feed_*`` triggers
(``desk_private.record_changes('<row key expression>')``) and, if it hangs off tickets,
policies; ``tests/db/test_permissions_pg.py`` fails until the table is in its matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("agent", "lead", "field", "admin")

R, RI, RIU, RIUD = "SELECT", "SELECT, INSERT", "SELECT, INSERT, UPDATE", \
    "SELECT, INSERT, UPDATE, DELETE"
# table: privileges of (agent, lead, field, admin). Row-level security narrows the rows.
_GRANTS: dict[str, tuple[str, str, str, str]] = {
    "alembic_version": (R, R, R, R),
    "users": (R, R, R, RIU),
    "groups": (R, R, R, RIU),
    "group_members": (R, R, R, RIU),
    "organizations": (RIU, RIU, R, RIU),
    "contacts": (RIU, RIU, R, RIU),
    "categories": (R, R, R, RIU),
    "priority_matrix": (R, R, R, RIU),
    "settings": (R, R, R, RIUD),
    "ci_classes": (R, R, R, RIU),
    "configuration_items": (RIU, RIU, R, RIU),
    "ci_relationships": (RIU, RIU, R, RIU),
    "sla_calendars": (R, R, R, RIU),
    "sla_policies": (R, R, R, RIU),
    "sla_targets": (R, R, R, RIUD),
    "saved_views": (RIU, RIU, RIU, RIU),
    "tickets": (RIU, RIU, RIU, RIU),
    "ticket_counters": (RIU, RIU, RIU, RIU),
    "ticket_events": (RI, RI, RI, RI),
    "worklog_entries": (RI, RI, RI, RI),
    "audit_entries": (RI, RI, RI, RI),
    "attachments": (RIU, RIU, RIU, RIU),
    "ticket_cis": (RIU, RIU, RIU, RIU),
    "sla_clocks": (RIUD, RIUD, RIUD, RIUD),
    # The escalation scan claims a row by inserting it and then writes what it did.
    "sla_escalations": (RI, RI, RI, RI),
}
_COLUMN_GRANTS = {"sla_escalations": "UPDATE (outcome)"}

# How the change feed names a row of each table (tables keyed by ``id`` are not listed).
_ROW_KEYS = {
    "priority_matrix": "impact || '/' || urgency",
    "settings": "key",
    "ticket_counters": "kind",
    "sla_clocks": "ticket_id || '/' || target",
    "sla_escalations": "ticket_id || '/' || target || '/' || level",
}
_FEED_TABLES = tuple(t for t in _GRANTS if t != "alembic_version")

_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, pg_temp"

# Rows that hang off a ticket: visible with the ticket, changed by who may change it.
_TICKET_CHILDREN = ("ticket_events", "worklog_entries", "attachments", "ticket_cis",
                    "sla_clocks")


# The rules of DOMAIN.md's table, written once: the tickets' policies use them as they are
# (each scalar subquery is worked out once per statement, not once per row) and the
# functions that the other tables' policies call take the same column names as arguments.
_KIND = "(SELECT desk_private.my_kind())"
_ME = "(SELECT desk_private.me())"
_SEE = (f"({_KIND} IN ('owner', 'admin', 'lead')"
        f" OR {_KIND} = 'agent' AND (NOT confidential OR assignee_id = {_ME}"
        " OR group_id = ANY ((SELECT desk_private.my_groups())::uuid[]))"
        f" OR {_KIND} = 'field' AND assignee_id = {_ME})")
_CHANGE = (f"({_KIND} IN ('owner', 'admin')"
           f" OR {_KIND} IN ('lead', 'agent') AND (assignee_id = {_ME}"
           " OR group_id = ANY ((SELECT desk_private.my_groups())::uuid[]))"
           f" OR {_KIND} = 'lead' AND group_id = ANY ((SELECT desk_private.led_groups())::uuid[])"
           f" OR {_KIND} = 'field' AND assignee_id = {_ME})")


def _helpers(roles: dict[str, str], owner: str) -> list[str]:
    kind_case = " ".join(f"WHEN {_lit(k)} THEN {_lit(roles[k])}" for k in KINDS)
    return [
        "CREATE SCHEMA desk_private",
        f"""CREATE FUNCTION desk_private.kind_role(kind text) RETURNS name
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
            AS $$ SELECT (CASE kind {kind_case} END)::name $$""",
        # The owner (and superusers, members of every role) keep the full view they need to
        # migrate and load data; FORCE would otherwise apply the people's policies to them.
        f"""CREATE FUNCTION desk_private.my_kind() RETURNS text LANGUAGE sql STABLE {_DEFINER}
            AS $$ SELECT CASE
                WHEN pg_has_role(session_user, {_lit(owner)}, 'MEMBER') THEN 'owner'
                WHEN pg_has_role(session_user, {_lit(roles['admin'])}, 'MEMBER') THEN 'admin'
                WHEN pg_has_role(session_user, {_lit(roles['lead'])}, 'MEMBER') THEN 'lead'
                WHEN pg_has_role(session_user, {_lit(roles['agent'])}, 'MEMBER') THEN 'agent'
                WHEN pg_has_role(session_user, {_lit(roles['field'])}, 'MEMBER') THEN 'field'
                END $$""",
        f"""CREATE FUNCTION desk_private.me() RETURNS uuid LANGUAGE sql STABLE {_DEFINER}
            AS $$ SELECT id FROM public.users WHERE username = session_user
                  AND active AND deleted_at IS NULL $$""",
        f"""CREATE FUNCTION desk_private.my_groups() RETURNS uuid[] LANGUAGE sql STABLE
            {_DEFINER}
            AS $$ SELECT coalesce(array_agg(m.group_id), '{{}}') FROM public.group_members m
                  WHERE m.user_id = desk_private.me() AND m.deleted_at IS NULL $$""",
        f"""CREATE FUNCTION desk_private.led_groups() RETURNS uuid[] LANGUAGE sql STABLE
            {_DEFINER}
            AS $$ SELECT coalesce(array_agg(g.id), '{{}}') FROM public.groups g
                  WHERE g.team_lead_id = desk_private.me() AND g.deleted_at IS NULL $$""",
        f"""CREATE FUNCTION desk_private.may_change(group_id uuid, assignee_id uuid)
            RETURNS boolean LANGUAGE sql STABLE {_DEFINER} AS $$ SELECT {_CHANGE} $$""",
        f"""CREATE FUNCTION desk_private.may_change_ticket(ticket uuid) RETURNS boolean
            LANGUAGE sql STABLE {_DEFINER}
            AS $$ SELECT coalesce((SELECT desk_private.may_change(t.group_id, t.assignee_id)
                                   FROM public.tickets t WHERE t.id = ticket), false) $$""",
    ]


def _people(roles: dict[str, str], owner: str) -> list[str]:
    """What ``desk admin user`` runs as the owner: administrators manage logins through these
    two functions only, so they need no CREATEROLE of their own (which on PostgreSQL 15 could
    grant far more than Desk's roles)."""
    kinds = "ARRAY[" + ", ".join(_lit(k) for k in KINDS) + "]"
    check = """IF desk_private.my_kind() NOT IN ('owner', 'admin') THEN
                    RAISE EXCEPTION 'only administrators manage people'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;"""
    # Only a login that is nothing but a Desk person may be taken over or disabled.
    plain = f"""(NOT r.rolsuper AND NOT r.rolcreaterole AND NOT r.rolcreatedb
                 AND NOT r.rolreplication AND NOT r.rolbypassrls
                 AND NOT pg_has_role(r.oid, {_lit(owner)}, 'MEMBER'))"""
    return [
        f"""CREATE FUNCTION desk_private.is_member(login text, kind text) RETURNS boolean
            LANGUAGE sql STABLE {_DEFINER}
            AS $$ SELECT EXISTS (SELECT 1 FROM pg_auth_members m
                                 JOIN pg_roles g ON g.oid = m.roleid
                                 JOIN pg_roles p ON p.oid = m.member
                                 WHERE g.rolname = desk_private.kind_role(kind)
                                   AND p.rolname = login) $$""",
        f"""CREATE FUNCTION desk_private.grant_login(login text, kind text, verifier text)
            RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$
            DECLARE
                r record;
                k text;
            BEGIN
                {check}
                IF desk_private.kind_role(kind) IS NULL THEN
                    RAISE EXCEPTION 'unknown kind of user: %', kind
                        USING ERRCODE = 'invalid_parameter_value';
                END IF;
                SELECT * INTO r FROM pg_roles WHERE rolname = login;
                IF NOT FOUND THEN
                    EXECUTE format('CREATE ROLE %I LOGIN', login);
                ELSIF {plain} THEN
                    EXECUTE format('ALTER ROLE %I LOGIN', login);
                ELSE
                    RAISE EXCEPTION 'the login % is not a plain login role', login
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF verifier IS NOT NULL THEN
                    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier);
                END IF;
                FOREACH k IN ARRAY {kinds} LOOP
                    IF k = kind THEN
                        EXECUTE format('GRANT %I TO %I', desk_private.kind_role(k), login);
                    ELSIF desk_private.is_member(login, k) THEN
                        EXECUTE format('REVOKE %I FROM %I', desk_private.kind_role(k), login);
                    END IF;
                END LOOP;
            END $$""",
        # Without its kind role a disabled person's open sessions lose every privilege at
        # their next statement, not at their next sign-in.
        f"""CREATE FUNCTION desk_private.revoke_login(login text) RETURNS void
            LANGUAGE plpgsql {_DEFINER} AS $$
            DECLARE
                r record;
                k text;
            BEGIN
                {check}
                SELECT * INTO r FROM pg_roles WHERE rolname = login;
                IF NOT FOUND THEN
                    RETURN;
                END IF;
                IF NOT {plain} THEN
                    RAISE EXCEPTION 'the login % is not a plain login role', login
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                EXECUTE format('ALTER ROLE %I NOLOGIN', login);
                FOREACH k IN ARRAY {kinds} LOOP
                    IF desk_private.is_member(login, k) THEN
                        EXECUTE format('REVOKE %I FROM %I', desk_private.kind_role(k), login);
                    END IF;
                END LOOP;
            END $$""",
    ]


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _policies() -> list[str]:
    ticket_visible = "EXISTS (SELECT 1 FROM tickets t WHERE t.id = {})"
    sql = [
        f"CREATE POLICY see ON tickets FOR SELECT USING {_SEE}",
        f"""CREATE POLICY add ON tickets FOR INSERT
            WITH CHECK ({_KIND} <> 'field' OR assignee_id = {_ME})""",
        # Routing a ticket away (another group, another assignee) is part of changing it.
        f"CREATE POLICY change ON tickets FOR UPDATE USING {_CHANGE} WITH CHECK (true)",
        f"""CREATE POLICY own ON saved_views FOR ALL
            USING (user_id = {_ME} OR {_KIND} = 'owner')""",
        f"""CREATE POLICY see ON audit_entries FOR SELECT
            USING (CASE WHEN table_name = 'tickets' THEN {ticket_visible.format('record_id')}
                        ELSE {_KIND} <> 'field' END)""",
        """CREATE POLICY add ON audit_entries FOR INSERT
            WITH CHECK (table_name <> 'tickets' OR desk_private.may_change_ticket(record_id))""",
    ]
    # Every console runs the escalation scan over the clocks it sees: whoever sees a ticket
    # may record (once, by the primary key) that its SLA warned or breached, and what was
    # done about it; the actions themselves change the ticket under its own policy.
    sql += [
        f"""CREATE POLICY see ON sla_escalations FOR SELECT
            USING ({ticket_visible.format('ticket_id')})""",
        f"""CREATE POLICY add ON sla_escalations FOR INSERT
            WITH CHECK ({ticket_visible.format('ticket_id')})""",
        f"""CREATE POLICY change ON sla_escalations FOR UPDATE
            USING ({ticket_visible.format('ticket_id')})""",
    ]
    # A child row is visible with its ticket (the tickets' own policy decides, as the
    # reader) and changed by whoever may change the ticket.
    for table in _TICKET_CHILDREN:
        sql += [
            f"""CREATE POLICY see ON {table} FOR SELECT
                USING ({ticket_visible.format('ticket_id')})""",
            f"""CREATE POLICY add ON {table} FOR INSERT
                WITH CHECK (desk_private.may_change_ticket(ticket_id))""",
            f"""CREATE POLICY change ON {table} FOR UPDATE
                USING (desk_private.may_change_ticket(ticket_id))
                WITH CHECK (desk_private.may_change_ticket(ticket_id))""",
            f"""CREATE POLICY remove ON {table} FOR DELETE
                USING (desk_private.may_change_ticket(ticket_id))""",
        ]
    return sql


_RLS_TABLES = ("tickets", "saved_views", "audit_entries", "sla_escalations",
               *_TICKET_CHILDREN)


def _audit_and_counters() -> list[str]:
    return [
        f"""CREATE FUNCTION desk_private.stamp_audit() RETURNS trigger LANGUAGE plpgsql
            {_DEFINER} AS $$
            BEGIN
                IF desk_private.my_kind() IS DISTINCT FROM 'owner' THEN
                    NEW.actor_id := desk_private.me();
                    NEW.created_at := statement_timestamp();
                END IF;
                RETURN NEW;
            END $$""",
        """CREATE TRIGGER stamp_audit BEFORE INSERT ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION desk_private.stamp_audit()""",
        f"""CREATE FUNCTION desk_private.guard_counter() RETURNS trigger LANGUAGE plpgsql
            {_DEFINER} AS $$
            BEGIN
                IF desk_private.my_kind() IN ('owner', 'admin') THEN
                    RETURN NEW;
                END IF;
                IF TG_OP = 'INSERT' AND NEW.next_number = 2
                        OR TG_OP = 'UPDATE' AND NEW.kind = OLD.kind
                           AND NEW.next_number = OLD.next_number + 1 THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'ticket numbers only move forward by one'
                    USING ERRCODE = 'insufficient_privilege';
            END $$""",
        """CREATE TRIGGER guard_counter BEFORE INSERT OR UPDATE ON ticket_counters
            FOR EACH ROW EXECUTE FUNCTION desk_private.guard_counter()""",
    ]


def _feed() -> list[str]:
    sql = [
        """CREATE TABLE desk_private.changes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            xid xid8 NOT NULL,
            table_name text NOT NULL,
            row_id text NOT NULL,
            op "char" NOT NULL,
            at timestamptz NOT NULL DEFAULT statement_timestamp())""",
        "CREATE INDEX changes_xid ON desk_private.changes (xid)",
        "CREATE INDEX changes_at ON desk_private.changes (at)",
        """CREATE TABLE desk_private.feed_state (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            pruned_below xid8 NOT NULL)""",
        "INSERT INTO desk_private.feed_state (pruned_below) VALUES ('0')",
        # One INSERT … SELECT per statement (transition tables), not one per row: bulk
        # loads of a million tickets pay for one extra scan, not a million trigger calls.
        f"""CREATE FUNCTION desk_private.record_changes() RETURNS trigger LANGUAGE plpgsql
            {_DEFINER} AS $$
            DECLARE
                n bigint;
            BEGIN
                EXECUTE format(
                    'INSERT INTO desk_private.changes (xid, table_name, row_id, op) '
                    'SELECT pg_current_xact_id(), %L, (%s)::text, %L FROM %I',
                    TG_TABLE_NAME, TG_ARGV[0], left(TG_OP, 1),
                    CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END);
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n > 0 THEN
                    PERFORM pg_notify('desk_changes', TG_TABLE_NAME);
                END IF;
                RETURN NULL;
            END $$""",
        # The snapshot a feed reader keeps as its position, without the transactions that
        # pg_stat_activity places in another database of the cluster: they never write this
        # feed, and a long one elsewhere (a benchmark building an index) would otherwise
        # hold every position here back. Anything not placed elsewhere stays, so a
        # transaction that ended meanwhile is never dropped by mistake.
        f"""CREATE FUNCTION desk_private.feed_snapshot() RETURNS pg_snapshot
            LANGUAGE plpgsql STABLE {_DEFINER} AS $$
            DECLARE
                s pg_snapshot := pg_current_snapshot();
                mine xid8[];
            BEGIN
                SELECT coalesce(array_agg(x ORDER BY x), '{{}}') INTO mine
                FROM pg_snapshot_xip(s) AS x
                WHERE NOT EXISTS (
                    SELECT 1 FROM pg_stat_activity a
                    WHERE a.datname <> current_database()
                      AND a.backend_xid::text = (x::text::numeric % 4294967296)::text)
                  AND NOT EXISTS (
                    SELECT 1 FROM pg_prepared_xacts p
                    WHERE p.database <> current_database()
                      AND p.transaction::text = (x::text::numeric % 4294967296)::text);
                RETURN (coalesce(mine[1], pg_snapshot_xmax(s))::text || ':'
                        || pg_snapshot_xmax(s)::text || ':'
                        || array_to_string(mine, ','))::pg_snapshot;
            END $$""",
        # Only entries of transactions older than every one still open here are pruned, so
        # ``pruned_below`` never passes a position taken afterwards (no reload loop) and a
        # position behind it is exactly one that may have missed a pruned entry.
        f"""CREATE FUNCTION desk_private.prune_changes(keep interval) RETURNS bigint
            LANGUAGE plpgsql {_DEFINER} AS $$
            DECLARE
                horizon xid8 := pg_snapshot_xmin(desk_private.feed_snapshot());
                gone bigint;
                highest xid8;
            BEGIN
                IF desk_private.my_kind() NOT IN ('owner', 'admin') THEN
                    RAISE EXCEPTION 'only administrators prune the change feed'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                WITH d AS (DELETE FROM desk_private.changes
                           WHERE at < statement_timestamp() - keep AND xid < horizon
                           RETURNING xid)
                SELECT count(*), max(xid) INTO gone, highest FROM d;
                IF highest IS NOT NULL THEN
                    UPDATE desk_private.feed_state
                    SET pruned_below = greatest(pruned_below,
                                                (highest::text::numeric + 1)::text::xid8);
                END IF;
                RETURN gone;
            END $$""",
    ]
    for table in _FEED_TABLES:
        key = _ROW_KEYS.get(table, "id")
        for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            sql.append(
                f"CREATE TRIGGER desk_feed_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {rows} TABLE AS {rows.lower()}_rows "
                f"FOR EACH STATEMENT EXECUTE FUNCTION desk_private.record_changes({_lit(key)})")
    return sql


def _role_names(bind: sa.Connection) -> dict[str, str]:
    database = bind.exec_driver_sql("SELECT current_database()").scalar_one()
    names = {}
    for kind in KINDS:
        name = f"desk_{database}_{kind}"
        if len(name.encode()) > 63:
            digest = bind.exec_driver_sql("SELECT md5(%(d)s)", {"d": database}).scalar_one()
            name = f"desk_{digest}_{kind}"
        names[kind] = name
    return names


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def upgrade() -> None:
    op.add_column("tickets", sa.Column("confidential", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = _role_names(bind)
    owner = bind.exec_driver_sql("SELECT current_user").scalar_one()
    database = _ident(bind.exec_driver_sql("SELECT current_database()").scalar_one())
    sql = [f"CREATE ROLE {_ident(roles[k])} NOLOGIN" for k in KINDS]
    sql += [f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
            "REVOKE ALL ON SCHEMA public FROM PUBLIC"]
    sql += _helpers(roles, owner)
    sql += _people(roles, owner)
    sql += _audit_and_counters()
    sql += _feed()
    sql += ["REVOKE ALL ON ALL FUNCTIONS IN SCHEMA desk_private FROM PUBLIC"]
    for i, kind in enumerate(KINDS):
        role = _ident(roles[kind])
        sql += [f"GRANT CONNECT ON DATABASE {database} TO {role}",
                f"GRANT USAGE ON SCHEMA public, desk_private TO {role}",
                f"GRANT SELECT ON desk_private.changes, desk_private.feed_state TO {role}"]
        for fn in ("kind_role(text)", "my_kind()", "me()", "my_groups()", "led_groups()",
                   "may_change(uuid, uuid)", "may_change_ticket(uuid)", "feed_snapshot()"):
            sql.append(f"GRANT EXECUTE ON FUNCTION desk_private.{fn} TO {role}")
        for table, privileges in _GRANTS.items():
            sql.append(f"GRANT {privileges[i]} ON {table} TO {role}")
        for table, privileges in _COLUMN_GRANTS.items():
            sql.append(f"GRANT {privileges} ON {table} TO {role}")
    for fn in ("prune_changes(interval)", "grant_login(text, text, text)",
               "revoke_login(text)"):
        sql.append(f"GRANT EXECUTE ON FUNCTION desk_private.{fn} TO {_ident(roles['admin'])}")
    for table in _RLS_TABLES:
        sql += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"]
    sql += _policies()
    for statement in sql:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # The names the upgrade chose (the database may have been renamed since).
        roles = {k: bind.exec_driver_sql("SELECT desk_private.kind_role(%(k)s)", {"k": k})
                 .scalar_one() for k in KINDS}
        database = _ident(bind.exec_driver_sql("SELECT current_database()").scalar_one())
        sql = []
        for table in _RLS_TABLES:
            sql += [f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY",
                    f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"]
        sql += [f"DROP POLICY IF EXISTS {name} ON {table}" for table in _RLS_TABLES
                for name in ("see", "add", "change", "remove", "own")]
        sql += [f"DROP TRIGGER desk_feed_{event} ON {table}" for table in _FEED_TABLES
                for event in ("insert", "update", "delete")]
        sql += ["DROP TRIGGER stamp_audit ON audit_entries",
                "DROP TRIGGER guard_counter ON ticket_counters",
                "DROP SCHEMA desk_private CASCADE"]
        for kind in KINDS:
            role = _ident(roles[kind])
            sql += [f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
                    f"REVOKE ALL ON SCHEMA public FROM {role}",
                    f"REVOKE ALL ON DATABASE {database} FROM {role}",
                    f"DROP ROLE {role}"]
        sql += [f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO PUBLIC",
                "GRANT USAGE ON SCHEMA public TO PUBLIC"]
        for statement in sql:
            op.execute(statement)
    op.drop_column("tickets", "confidential")
