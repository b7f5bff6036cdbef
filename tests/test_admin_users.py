"""``desk admin user add|disable|list``: the users row and (PostgreSQL) the person's login."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.cli import main
from desk.db.session import Database, open_database
from desk.errors import DeskError, ValidationError
from desk.services import admin_users, people
from desk.services.admin_users import NotAllowed, PersonView


@pytest.fixture
def sqlite_desk(sqlite_url: str) -> Iterator[Database]:
    db = open_database(sqlite_url)
    people.create_group(db, "Service Desk")
    people.create_group(db, "Network")
    yield db
    db.dispose()


def test_add_list_and_disable_on_sqlite(sqlite_desk):
    person, changes = admin_users.add_user(sqlite_desk, "ann", "Ann Agent", "agent",
                                           ["Service Desk", "Network"])
    assert person == PersonView("ann", "Ann Agent", "agent", True, ("Network", "Service Desk"))
    assert "users" in changes.tables
    admin_users.add_user(sqlite_desk, "lee", "Lee Lead", "lead")
    admin_users.disable_user(sqlite_desk, "ann")
    assert admin_users.list_people(sqlite_desk) == [
        PersonView("ann", "Ann Agent", "agent", False, ("Network", "Service Desk")),
        PersonView("lee", "Lee Lead", "lead", True, ()),
    ]
    # A disabled person is no longer offered at sign-in.
    assert [u.username for u in people.list_users(sqlite_desk)] == ["lee"]


@pytest.mark.parametrize(("login", "kind", "groups", "message"), [
    ("Ann", "agent", [], "Ann is not a valid login"),
    ("pg_ann", "agent", [], "pg_ann is not a valid login"),
    ("ann", "boss", [], "Unknown role boss"),
    ("ann", "agent", ["Nowhere"], "There is no group Nowhere"),
])
def test_bad_input_is_refused_and_nothing_is_written(sqlite_desk, login, kind, groups,
                                                      message):
    with pytest.raises(ValidationError, match=message):
        admin_users.add_user(sqlite_desk, login, "Ann", kind, groups)
    assert admin_users.list_people(sqlite_desk) == []


def test_a_taken_login_is_refused(sqlite_desk):
    admin_users.add_user(sqlite_desk, "ann", "Ann", "agent")
    with pytest.raises(ValidationError, match="The user name ann is taken"):
        admin_users.add_user(sqlite_desk, "ann", "Another Ann", "admin")


def test_cli_add_list_disable(sqlite_desk, sqlite_url, capsys):
    assert main(["admin", "user", "add", "ann", "--name", "Ann Agent", "--role", "field",
                 "--group", "Network", "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.strip() == "Added ann (Ann Agent) as field"
    assert main(["admin", "user", "disable", "ann", "--db", sqlite_url]) == 0
    assert main(["admin", "user", "list", "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == \
        "ann\tAnn Agent\tfield\tdisabled\tNetwork"


def test_cli_errors_are_one_line(sqlite_desk, sqlite_url, capsys):
    assert main(["admin", "user", "disable", "nobody", "--db", sqlite_url]) == 2
    assert capsys.readouterr().err.strip() == "desk: error: There is no user nobody"


# ----------------------------------------------------------------- PostgreSQL logins

@pytest.fixture
def shared(pg_url: str) -> Iterator[tuple[Database, str, str]]:
    """The shared database opened by its owner, the URL, and a prefix for unique logins
    (login roles are cluster-wide: they are dropped afterwards)."""
    db = open_database(pg_url)
    people.create_group(db, "Service Desk")
    people.create_group(db, "HR")
    prefix = f"t{uuid.uuid4().hex[:8]}"
    yield db, pg_url, prefix
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for (name,) in conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                                    {"p": f"{prefix}%"}).all():
            conn.execute(text(f'DROP ROLE "{name}"'))
    db.dispose()


def _as(pg_url: str, login: str) -> psycopg.Connection:
    url = make_url(pg_url)
    return psycopg.connect(host=url.host, port=url.port or 5432, user=login,
                           dbname=url.database, autocommit=True)


def _open_as(pg_url: str, login: str) -> Database:
    return open_database(make_url(pg_url).set(username=login).render_as_string(
        hide_password=False))


@pytest.mark.pg
def test_a_new_person_signs_in_with_their_own_login(shared):
    db, url, prefix = shared
    admin_users.add_user(db, f"{prefix}_ann", "Ann", "agent", ["Service Desk"],
                         password="s3cret horse")
    with _as(url, f"{prefix}_ann") as conn:
        assert conn.execute("SELECT desk_private.my_kind(), session_user").fetchone() == \
            ("agent", f"{prefix}_ann")
    with db.read() as s:
        stored = s.scalar(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                          {"r": f"{prefix}_ann"})
    assert stored.startswith("SCRAM-SHA-256$")


@pytest.mark.pg
def test_an_administrator_login_manages_people_and_an_agent_cannot(shared):
    db, url, prefix = shared
    admin_users.add_user(db, f"{prefix}_ada", "Ada", "admin")
    admin_users.add_user(db, f"{prefix}_ann", "Ann", "agent")
    as_admin = _open_as(url, f"{prefix}_ada")
    as_agent = _open_as(url, f"{prefix}_ann")
    try:
        person, _ = admin_users.add_user(as_admin, f"{prefix}_fin", "Fin", "field", ["HR"])
        assert person.kind == "field"
        with _as(url, f"{prefix}_fin") as conn:
            assert conn.execute("SELECT desk_private.my_kind()").fetchone() == ("field",)
        with pytest.raises(NotAllowed, match="Only an administrator can manage people"):
            admin_users.add_user(as_agent, f"{prefix}_eve", "Eve", "admin")
        with pytest.raises(NotAllowed):
            admin_users.disable_user(as_agent, f"{prefix}_ada")
    finally:
        as_admin.dispose()
        as_agent.dispose()
    assert people.find_user(db, f"{prefix}_eve") is None


@pytest.mark.pg
def test_disabling_takes_effect_at_the_next_statement(shared):
    db, url, prefix = shared
    admin_users.add_user(db, f"{prefix}_ann", "Ann", "agent", ["Service Desk"])
    with _as(url, f"{prefix}_ann") as open_session:
        assert open_session.execute("SELECT count(*) FROM tickets").fetchone() == (0,)
        admin_users.disable_user(db, f"{prefix}_ann")
        # Without its group role the login cannot even use the schema any more.
        with pytest.raises(psycopg.errors.UndefinedTable):
            open_session.execute("SELECT count(*) FROM tickets")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            open_session.execute("SELECT count(*) FROM public.tickets")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        _as(url, f"{prefix}_ann")


@pytest.mark.pg
def test_a_new_group_membership_counts_at_the_next_statement(shared):
    from desk.domain.enums import Kind
    from desk.services import tickets

    db, url, prefix = shared
    ann, _ = admin_users.add_user(db, f"{prefix}_ann", "Ann", "agent", ["Service Desk"])
    hr = next(g for g in people.list_groups(db) if g.name == "HR")
    secret, _ = tickets.create_ticket(db, None, tickets.NewTicket(
        kind=Kind.INCIDENT, title="Salary question", group_id=hr.id))
    with db.write() as s:
        s.execute(text("UPDATE tickets SET confidential = true WHERE id = :id"),
                  {"id": secret.id})
    with _as(url, f"{prefix}_ann") as session:
        assert session.execute("SELECT count(*) FROM tickets").fetchone() == (0,)
        people.add_member(db, hr.id, people.find_user(db, ann.login).id)
        assert session.execute("SELECT title FROM tickets").fetchall() == [
            ("Salary question",)]


@pytest.mark.pg
def test_a_login_that_is_not_a_plain_person_is_not_taken_over(shared):
    db, _url, prefix = shared
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE ROLE "{prefix}_dba" LOGIN CREATEROLE'))
    with pytest.raises(DeskError, match="not a plain login role"):
        admin_users.add_user(db, f"{prefix}_dba", "DBA", "admin")
    assert people.find_user(db, f"{prefix}_dba") is None


@pytest.mark.pg
def test_on_postgresql_the_signed_in_person_is_the_login(shared):
    db, url, prefix = shared
    admin_users.add_user(db, f"{prefix}_ann", "Ann", "agent", ["Service Desk"])
    admin_users.add_user(db, f"{prefix}_ada", "Ada", "admin")
    as_ann = _open_as(url, f"{prefix}_ann")
    try:
        # Asking for someone else's name changes nothing: the login decides.
        me = people.current_user(as_ann, f"{prefix}_ada")
        assert (me.username, me.role, len(me.group_ids)) == (f"{prefix}_ann", "agent", 1)
    finally:
        as_ann.dispose()


@pytest.mark.pg
def test_a_login_without_an_active_user_gets_one_clear_message(shared):
    db, url, prefix = shared
    with db.read() as s:
        agent_role = s.scalar(text("SELECT desk_private.kind_role('agent')"))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE ROLE "{prefix}_ghost" LOGIN IN ROLE "{agent_role}"'))
    ghost = _open_as(url, f"{prefix}_ghost")
    try:
        with pytest.raises(people.NotADeskUser) as caught:
            people.current_user(ghost, f"{prefix}_ghost")
    finally:
        ghost.dispose()
    assert str(caught.value) == (f"The login {prefix}_ghost is not an active user of this "
                                 "desk; ask an administrator to add it")
