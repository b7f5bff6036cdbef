"""The search box with long text (issue 14): the status line says when only the first words
were searched, and a new search cancels the one still on its way."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk.db.session import Database
from desk.queues.fulltext import MAX_TERMS
from desk.ui.worker import DbRunner
from tests.factories import Team, make_ticket
from tests.ui.queue.conftest import OFFSCREEN_ONLY, idle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)

ALL = 5
WORDS = [f"w{i:03d}x" for i in range(500)]


def test_a_long_text_says_only_the_first_words_were_searched(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    make_ticket(db, team, title="Log paste", description=" ".join(WORDS[:MAX_TERMS]))
    pane = make_pane(ALL)
    pane.search(" ".join(WORDS))
    qtbot.waitUntil(lambda: pane.current_view().is_search and pane.model.count_known
                    and not pane.model.loading, timeout=10_000)
    idle(qtbot, qrunner)
    assert pane.model.rowCount() == 1
    assert pane.status.text() == "1 ticket — Searched for the first 16 words"

    # A short search afterwards is not capped any more.
    pane.search("paste")
    qtbot.waitUntil(lambda: pane.status.text() == "1 ticket", timeout=10_000)

    # Nothing found: the status shows the start of the text, and the cap.
    pane.search(" ".join(reversed(WORDS)))
    qtbot.waitUntil(lambda: not any(s.is_search for s in pane.view_specs()), timeout=10_000)
    idle(qtbot, qrunner)
    status = pane.status.text()
    assert status.startswith("Nothing found for “w499x w498x")
    assert status.endswith("…” — Searched for the first 16 words")
    assert len(pane.search_box.text()) == len(" ".join(WORDS))  # kept, to be corrected


def test_a_new_search_cancels_the_previous_one(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    make_ticket(db, team, title="Printer jam")
    make_ticket(db, team, title="Scanner offline")
    pane = make_pane(ALL)
    added: list[str] = []
    pane.views.model().rowsInserted.connect(
        lambda _parent, first, _last: added.append(pane.views.item(first).text()))
    # Typed before the first answer could come back: only the second is ever shown.
    pane.search("printer")
    pane.search("scanner")
    qtbot.waitUntil(lambda: pane.current_view().is_search and pane.model.count_known
                    and not pane.model.loading, timeout=10_000)
    idle(qtbot, qrunner)
    assert [r.title for r in (pane.model.row_at(i) for i in range(pane.model.rowCount()))] == [
        "Scanner offline"]
    assert len(added) == 1 and "scanner" in added[0], added
