"""The SLA's part of the queue engine, registered at start-up: a view saved before "at risk"
became a registered filter term still selects the tickets at risk."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from desk.models.views import SavedView
from desk.queues import saved
from desk.queues.builtin import builtin_views
from desk.queues.service import count, fetch_rows
from desk.services.people import current_user
from desk.slaops.queue_views import AT_RISK, register_queue_parts, unregister_queue_parts
from desk.timeutil import utcnow

from .conftest import Desk, H, M

# As Desk wrote "Breaching soon" duplicated into a saved view when the filter had a field
# ``sla_at_risk`` of its own.
OLD_BODY = {"filter": {"my_groups": True, "open_only": True, "sla_at_risk": True},
            "sort": {"column": "sla_next", "descending": False}}


@pytest.fixture
def registered(desk: Desk) -> Iterator[Desk]:
    register_queue_parts(desk.db)
    yield desk
    unregister_queue_parts()


def test_a_view_saved_before_terms_still_selects_tickets_at_risk(registered: Desk) -> None:
    desk = registered
    now = utcnow()
    late = desk.create(now - 5 * H, impact=1, urgency=1)  # P1, 24×7: 4 h to resolve
    desk.move(late.id, now - 5 * H + 5 * M, status="in_progress")
    desk.create(now - 10 * M, impact=1, urgency=1)  # far from its warning
    me = current_user(desk.db, desk.team.agent.username)
    assert me is not None
    with desk.db.write() as s:
        s.add(SavedView(user_id=me.id, name="Mine at risk", spec=OLD_BODY, position=0))

    (view,) = saved.list_views(desk.db, me.id)
    assert view.filter.term(AT_RISK) is True
    assert [r.number for r in fetch_rows(desk.db, view, me, None, 0, 50)] == [late.number]
    assert count(desk.db, view, me) == 1
    # Saved again, it is written as it was read.
    assert json.loads(view.to_json()) == OLD_BODY


def test_breaching_soon_is_listed_once_registered(desk: Desk) -> None:
    assert "builtin:breaching" not in {v.key for v in builtin_views()}
    register_queue_parts(desk.db)
    register_queue_parts(desk.db)  # again at a second start: still one view
    try:
        keys = [v.key for v in builtin_views()]
        assert keys.count("builtin:breaching") == 1 and keys.count("builtin:breached") == 1
        assert keys[-2:] == ["builtin:breaching", "builtin:breached"]
    finally:
        unregister_queue_parts()
