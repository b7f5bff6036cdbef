"""Long search text (issue 14): at most ``MAX_TERMS`` terms are searched, the outcome says so,
and a search on PostgreSQL stops at its own time limit with a clear message."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from desk.db.session import Database
from desk.errors import DeskError
from desk.queues import service
from desk.queues.fulltext import MAX_TERMS, parse, tokens
from desk.queues.service import count, fetch_rows, search
from desk.services.people import CurrentUser
from tests.factories import Team, make_ticket

WORDS = [f"w{i:03d}x" for i in range(500)]


def found(db: Database, me: CurrentUser, text: str) -> tuple[list[str], int | None]:
    outcome = search(db, text, me)
    assert outcome.spec is not None
    rows = fetch_rows(db, outcome.spec, me, None, 0, 50)
    assert count(db, outcome.spec, me) == len(rows)
    return [r.title for r in rows], outcome.capped_at


def test_500_distinct_words_search_the_first_16(db: Database, team: Team,
                                                me: CurrentUser) -> None:
    # Holds the first 16 words only: found, because the other 484 are not searched.
    make_ticket(db, team, title="First words", description=" ".join(WORDS[:MAX_TERMS]))
    make_ticket(db, team, title="Too few", description=" ".join(WORDS[1:MAX_TERMS]))
    assert found(db, me, " ".join(WORDS)) == (["First words"], MAX_TERMS)
    # Repeats are one term each: no cap, nothing dropped.
    assert found(db, me, " ".join(WORDS[:MAX_TERMS] * 30)) == (["First words"], None)


def test_a_10_kb_paste_returns_and_reports_the_cap(db: Database, team: Team,
                                                   me: CurrentUser) -> None:
    paste = " ".join(f"printer{i} jams" for i in range(1200))[:10_240]
    assert len(paste) == 10_240
    make_ticket(db, team, title="Pasted log",
                description=" ".join(f"printer{i} jams" for i in range(MAX_TERMS)))
    make_ticket(db, team, title="Other printer", description="printer1 jams")
    assert found(db, me, paste) == (["Pasted log"], MAX_TERMS)
    # One 10 kB word has no white space to split at: one term, searched whole.
    assert found(db, me, "x" * 10_240) == ([], None)


def test_parse() -> None:
    assert parse('printer "floor 3" printer').groups == (("printer",), ("floor 3",))
    assert parse("printer OR scanner jam").groups == (("printer", "scanner"), ("jam",))
    assert parse("a OR b OR c").groups == (("a", "b", "c"),)
    # Not between two terms, or quoted, or in lower case: a plain term.
    assert parse("OR printer").groups == (("OR",), ("printer",))
    assert parse('printer "OR" or').groups == (("printer",), ("OR",), ("or",))
    assert parse("printer OR").groups == (("printer",),)
    terms = parse(" ".join(WORDS))
    assert (terms.count, terms.truncated) == (MAX_TERMS, True)
    assert tokens(" ".join(WORDS)) == WORDS[:MAX_TERMS]
    # An OR before a dropped term drops with it.
    text = " ".join(WORDS[:MAX_TERMS]) + " OR extra"
    assert parse(text).groups[-1] == (WORDS[MAX_TERMS - 1],)


# SQLite has no statement timeout: PostgreSQL only.
@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.pg)],
                         indirect=True)
def test_a_search_stops_at_its_time_limit_on_postgresql(
        db: Database, team: Team, me: CurrentUser, monkeypatch: pytest.MonkeyPatch) -> None:
    make_ticket(db, team, title="Printer jam")
    spec = search(db, "printer", me).spec
    assert spec is not None
    monkeypatch.setattr(service, "SEARCH_TIMEOUT_MS", 300)
    # Another session holds the table: the search waits for it until its own limit.
    other = create_engine(db.engine.url)
    try:
        with other.begin() as conn:
            conn.exec_driver_sql("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(DeskError, match=r"^The search took longer than 0\.3 s and "
                                                r"was stopped; search for fewer or longer"):
                count(db, spec, me)
    finally:
        other.dispose()
    # The limit was the search's: the same connection pool answers afterwards.
    assert count(db, spec, me) == 1
