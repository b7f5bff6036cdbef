"""Queue engine fixtures: a team on the ``db`` fixture (SQLite and PostgreSQL) and its agent."""

from __future__ import annotations

import pytest

import desk.models.views  # noqa: F401  (saved_views; until desk.models imports it)
from desk.db.session import Database
from desk.services import people
from desk.services.people import CurrentUser
from tests.factories import Team, make_team


@pytest.fixture
def team(db: Database) -> Team:
    return make_team(db)


@pytest.fixture
def me(db: Database, team: Team) -> CurrentUser:
    user = people.current_user(db, team.agent.username)
    assert user is not None
    return user
