"""People administration (``desk admin user``): the ``users`` row and, on PostgreSQL, the
person's own login role, changed together in one transaction.

On PostgreSQL each person signs in as their own login role, a member of exactly one of the
database's group roles (agent, lead, field, admin; migration 0008). The login is created,
re-pointed and disabled by ``desk_private.grant_login`` / ``revoke_login``, which run as the
database owner and only for administrators, so an administrator needs no CREATEROLE. A change
of kind or a disabling takes effect at the person's next statement: privileges and the
row-level policies look at role membership each time. On SQLite there are no logins: only the
``users`` row changes.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk.db.session import Database, changes_of
from desk.domain.enums import Role
from desk.domain.text import clean_text, search_text
from desk.errors import DeskError, ValidationError
from desk.i18n import _
from desk.models import Group, GroupMember, User
from desk.services.changes import Changes, Written

# The CLI's short names for the four kinds of user, and the group role suffix of each.
KINDS: dict[str, Role] = {
    "agent": Role.AGENT,
    "lead": Role.TEAM_LEAD,
    "field": Role.FIELD_TECHNICIAN,
    "admin": Role.ADMIN,
}
_KIND_OF_ROLE = {role: kind for kind, role in KINDS.items()}

# Lower case so that the login is the same with or without quotes in psql.
_LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class PersonView:
    login: str
    display_name: str
    kind: str  # agent | lead | field | admin
    active: bool
    groups: tuple[str, ...]


class NotAllowed(DeskError):
    """The signed-in login may not manage people."""


def _check_login(login: str) -> str:
    login = login.strip()
    if not _LOGIN.fullmatch(login) or login.startswith("pg_"):
        raise ValidationError(_(
            "{login} is not a valid login: use lower-case letters, digits and _ "
            "(up to 63, not starting with a digit or pg_)").format(login=login),
            field="login")
    return login


def _require_admin(s: Session) -> None:
    if s.get_bind().dialect.name != "postgresql":
        return  # a SQLite file is one person's: whoever opens it manages it
    kind = s.execute(text("SELECT desk_private.my_kind()")).scalar()
    if kind not in ("owner", "admin"):
        raise NotAllowed(_("Only an administrator can manage people on this database"))


def _password_verifier(s: Session, login: str, password: str) -> str:
    """The SCRAM verifier, worked out here by libpq: the password itself never reaches the
    server (nor its statement log)."""
    raw = s.connection().connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode(), login.encode(),
                                         b"scram-sha-256")).decode()


def add_user(db: Database, login: str, display_name: str, kind: str,
             groups: Sequence[str] = (), password: str | None = None,
             ) -> Written[PersonView]:
    """Create a person: their ``users`` row, group memberships and (PostgreSQL) login role."""
    login = _check_login(login)
    display_name = clean_text(display_name, "display_name", _("Display name"))
    if kind not in KINDS:
        raise ValidationError(_("Unknown role {role}: use agent, lead, field or admin").format(
            role=kind), field="role")
    with db.write() as s:
        _require_admin(s)
        if s.scalar(select(User.id).where(User.username == login)) is not None:
            raise ValidationError(_("The user name {name} is taken").format(name=login),
                                  field="login")
        group_ids: list[uuid.UUID] = []
        for name in dict.fromkeys(search_text(g).strip() for g in groups):
            gid = s.scalar(select(Group.id).where(Group.name == name,
                                                  Group.deleted_at.is_(None)))
            if gid is None:
                raise ValidationError(_("There is no group {name}").format(name=name),
                                      field="group")
            group_ids.append(gid)
        user = User(username=login, display_name=display_name.strip() or login,
                    role=KINDS[kind], active=True)
        s.add(user)
        s.flush()
        s.add_all(GroupMember(group_id=gid, user_id=user.id) for gid in group_ids)
        if s.get_bind().dialect.name == "postgresql":
            verifier = _password_verifier(s, login, password) if password else None
            s.execute(text("SELECT desk_private.grant_login(:login, :kind, :verifier)"),
                      {"login": login, "kind": kind, "verifier": verifier})
        s.flush()
        view = _person(s, user)
    return Written(view, changes_of(s))


def disable_user(db: Database, login: str) -> Changes:
    """Mark the person inactive and (PostgreSQL) take away their login and every privilege."""
    login = login.strip()
    with db.write() as s:
        _require_admin(s)
        user = s.scalar(select(User).where(User.username == login, User.deleted_at.is_(None)))
        if user is None:
            raise ValidationError(_("There is no user {name}").format(name=login),
                                  field="login")
        user.active = False
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SELECT desk_private.revoke_login(:login)"), {"login": login})
    return changes_of(s)


def list_people(db: Database) -> list[PersonView]:
    with db.read() as s:
        users = s.scalars(select(User).where(User.deleted_at.is_(None))
                          .order_by(User.username))
        return [_person(s, u) for u in users]


def _person(s: Session, user: User) -> PersonView:
    names = s.scalars(
        select(Group.name).join(GroupMember, GroupMember.group_id == Group.id)
        .where(GroupMember.user_id == user.id, GroupMember.deleted_at.is_(None),
               Group.deleted_at.is_(None))
        .order_by(Group.name))
    return PersonView(user.username, user.display_name,
                      _KIND_OF_ROLE.get(Role(user.role), user.role), user.active,
                      tuple(names))
