"""People use cases: users, groups (queues) and membership, organizations, contacts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from desk.db.session import Database, changes_of
from desk.domain.enums import Role
from desk.domain.text import clean_text, search_text
from desk.errors import DeskError, ValidationError
from desk.i18n import _
from desk.models import Contact, Group, GroupMember, Organization, User
from desk.services.changes import Changes, Written


@dataclass(frozen=True)
class UserView:
    id: uuid.UUID
    username: str
    display_name: str
    email: str | None
    role: str
    active: bool


@dataclass(frozen=True)
class GroupView:
    id: uuid.UUID
    name: str
    description: str
    team_lead_id: uuid.UUID | None


@dataclass(frozen=True)
class ContactView:
    id: uuid.UUID
    name: str
    email: str | None
    phone: str | None
    organization_id: uuid.UUID | None
    organization_name: str | None


@dataclass(frozen=True)
class OrganizationView:
    id: uuid.UUID
    name: str


def _user(u: User) -> UserView:
    return UserView(u.id, u.username, u.display_name, u.email, u.role, u.active)


def list_users(db: Database, active_only: bool = True) -> list[UserView]:
    with db.read() as s:
        q = select(User).where(User.deleted_at.is_(None)).order_by(User.display_name)
        if active_only:
            q = q.where(User.active.is_(True))
        return [_user(u) for u in s.scalars(q)]


def find_user(db: Database, username: str) -> UserView | None:
    with db.read() as s:
        u = s.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))
        return _user(u) if u is not None else None


def create_user(db: Database, username: str, display_name: str, role: str = Role.AGENT,
                email: str | None = None) -> Written[UserView]:
    username = clean_text(username.strip(), "username", _("User name"))
    display_name = clean_text(display_name, "display_name", _("Display name"))
    email = None if email is None else clean_text(email, "email", _("Email"))
    if not username:
        raise ValidationError(_("A user name is required"), field="username")
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(_("Unknown role {role}").format(role=role), field="role") from None
    with db.write() as s:
        if s.scalar(select(User.id).where(User.username == username)) is not None:
            raise ValidationError(_("The user name {name} is taken").format(name=username),
                                  field="username")
        u = User(username=username, display_name=display_name.strip() or username,
                 role=role, email=email, active=True)
        s.add(u)
        s.flush()
        view = _user(u)
    return Written(view, changes_of(s))


def list_groups(db: Database) -> list[GroupView]:
    with db.read() as s:
        return groups_in(s)


def groups_in(s: Session) -> list[GroupView]:
    rows = s.scalars(select(Group).where(Group.deleted_at.is_(None)).order_by(Group.name))
    return [GroupView(g.id, g.name, g.description, g.team_lead_id) for g in rows]


def create_group(db: Database, name: str, description: str = "",
                 team_lead_id: uuid.UUID | None = None) -> Written[GroupView]:
    name = clean_text(name.strip(), "name", _("Name"))
    description = clean_text(description, "description", _("Description"))
    if not name:
        raise ValidationError(_("A group name is required"), field="name")
    with db.write() as s:
        if s.scalar(select(Group.id).where(Group.name == name)) is not None:
            raise ValidationError(_("The group {name} exists already").format(name=name),
                                  field="name")
        g = Group(name=name, description=description, team_lead_id=team_lead_id)
        s.add(g)
        s.flush()
        view = GroupView(g.id, g.name, g.description, g.team_lead_id)
    return Written(view, changes_of(s))


def add_member(db: Database, group_id: uuid.UUID, user_id: uuid.UUID) -> Changes:
    with db.write() as s:
        existing = s.scalar(select(GroupMember).where(GroupMember.group_id == group_id,
                                                      GroupMember.user_id == user_id))
        if existing is None:
            s.add(GroupMember(group_id=group_id, user_id=user_id))
        elif existing.deleted_at is not None:
            existing.deleted_at = None
    return changes_of(s)


def group_members(db: Database, group_id: uuid.UUID) -> list[UserView]:
    with db.read() as s:
        rows = s.scalars(
            select(User).join(GroupMember, GroupMember.user_id == User.id)
            .where(GroupMember.group_id == group_id, GroupMember.deleted_at.is_(None),
                   User.deleted_at.is_(None), User.active.is_(True))
            .order_by(User.display_name))
        return [_user(u) for u in rows]


def groups_of(db: Database, user_id: uuid.UUID) -> list[uuid.UUID]:
    with db.read() as s:
        return list(s.scalars(select(GroupMember.group_id).where(
            GroupMember.user_id == user_id, GroupMember.deleted_at.is_(None))))


def list_organizations(db: Database) -> list[OrganizationView]:
    with db.read() as s:
        return organizations_in(s)


def organizations_in(s: Session) -> list[OrganizationView]:
    rows = s.execute(select(Organization.id, Organization.name)
                     .where(Organization.deleted_at.is_(None))
                     .order_by(Organization.name))
    return [OrganizationView(*r) for r in rows]


def create_organization(db: Database, name: str) -> Written[OrganizationView]:
    name = clean_text(name.strip(), "name", _("Name"))
    if not name:
        raise ValidationError(_("An organization name is required"), field="name")
    with db.write() as s:
        if s.scalar(select(Organization.id).where(Organization.name == name)) is not None:
            raise ValidationError(_("The organization {name} exists already").format(
                name=name), field="name")
        org = Organization(name=name)
        s.add(org)
        s.flush()
        view = OrganizationView(org.id, org.name)
    return Written(view, changes_of(s))


def create_contact(db: Database, name: str, email: str | None = None, phone: str | None = None,
                   organization_id: uuid.UUID | None = None) -> Written[ContactView]:
    name = clean_text(name.strip(), "name", _("Name"))
    if not name:
        raise ValidationError(_("A contact name is required"), field="name")
    email = clean_text((email or "").strip(), "email", _("Email")) or None
    if email is not None and ("@" not in email or " " in email):
        raise ValidationError(_("{email} is not an email address").format(email=email),
                              field="email")
    with db.write() as s:
        org_name = None
        if organization_id is not None:
            org = s.get(Organization, organization_id)
            if org is None:
                raise ValidationError(_("Unknown organization"), field="organization_id")
            org_name = org.name
        c = Contact(name=name, email=email,
                    phone=clean_text((phone or "").strip(), "phone", _("Phone")) or None,
                    organization_id=organization_id)
        s.add(c)
        s.flush()
        view = ContactView(c.id, c.name, c.email, c.phone, c.organization_id, org_name)
    return Written(view, changes_of(s))


def escape_like(text: str) -> str:
    """User text as a literal LIKE pattern fragment (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_contacts(db: Database, text: str, limit: int = 20) -> list[ContactView]:
    """Search-as-you-type over contact name and email (prefix of any word is enough)."""
    text = search_text(text)
    pattern = f"%{escape_like(text.strip().lower())}%"
    with db.read() as s:
        q = (select(Contact.id, Contact.name, Contact.email, Contact.phone,
                    Contact.organization_id, Organization.name)
             .outerjoin(Organization, Organization.id == Contact.organization_id)
             .where(Contact.deleted_at.is_(None))
             .order_by(Contact.name).limit(limit))
        if text.strip():
            q = q.where(or_(func.lower(Contact.name).like(pattern, escape="\\"),
                            func.lower(Contact.email).like(pattern, escape="\\")))
        return [ContactView(*r) for r in s.execute(q)]


@dataclass(frozen=True)
class CurrentUser:
    """Who is signed in to this console, with the groups whose queues are theirs."""

    id: uuid.UUID
    username: str
    display_name: str
    role: str
    group_ids: tuple[uuid.UUID, ...]


class NotADeskUser(DeskError):
    """The PostgreSQL login that signed in is no active person of this desk."""


def current_user(db: Database, username: str) -> CurrentUser | None:
    """Who ``username`` is, or None when nobody is.

    On PostgreSQL a person is their login: the answer is the ``users`` row of
    ``session_user`` whatever name was asked for, and a login without an active row raises
    ``NotADeskUser``. Only the database owner (maintenance, tests) may act as anyone.
    """
    if db.dialect == "postgresql":
        with db.read() as s:
            login, kind = s.execute(text("SELECT session_user, desk_private.my_kind()")).one()
        if kind != "owner":
            me = find_user(db, login)
            if me is None or not me.active:
                raise NotADeskUser(_(
                    "The login {login} is not an active user of this desk; ask an "
                    "administrator to add it").format(login=login))
            username = login
    user = find_user(db, username)
    if user is None:
        return None
    return CurrentUser(user.id, user.username, user.display_name, user.role,
                       tuple(groups_of(db, user.id)))
