"""The search box: ticket numbers, full text over title/description/worklog, hostile input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from desk.db.session import Database
from desk.queues.fulltext import rebuild_after_bulk_load, suspend_for_bulk_load, tokens
from desk.queues.service import count, fetch_rows, parse_number, search
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.services import tickets
from desk.services.people import CurrentUser
from tests.factories import Team, make_ticket
from tests.queues.populate import bulk_tickets


def found(db: Database, me: CurrentUser, query: str) -> list[str]:
    outcome = search(db, query, me)
    assert outcome.spec is not None, outcome
    rows = fetch_rows(db, outcome.spec, me, None, 0, 100)
    assert count(db, outcome.spec, me) == len(rows)
    return [r.title for r in rows]


@pytest.fixture
def corpus(db: Database, team: Team) -> dict[str, object]:
    printer = make_ticket(db, team, title="Printer jams on floor 3",
                          description="Paper tray 2 is stuck")
    discount = make_ticket(db, team, title="Invoice shows 50% discount",
                           description="customer expected 50 euros off")
    fifty = make_ticket(db, team, title="Fifty users cannot log in",
                        description="about 50 accounts locked")
    chinese = make_ticket(db, team, title="网络打印机无法连接",
                          description="三楼的打印机显示脱机")
    quoted = make_ticket(db, team, title='Error "disk_full" on \\\\fs01\\share',
                         description="path C:\\temp\\x_y")
    tickets.add_worklog(db, team.agent.id, printer.id, "internal",
                        "Replaced the fuser assembly; tested OK")
    return {"printer": printer, "discount": discount, "fifty": fifty, "chinese": chinese,
            "quoted": quoted}


def test_number_opens_the_ticket(db: Database, me: CurrentUser, corpus: dict) -> None:
    t = corpus["chinese"]
    for typed in (t.number, t.number.lower(), f"  {t.number}  ", "inc4", "INC-4", "Inc00004"):
        outcome = search(db, typed, me)
        assert outcome.ticket_id == t.id, typed
        assert outcome.spec is None
    # A number nobody has is searched as text instead of failing.
    assert search(db, "INC9999999", me).spec is not None


def test_parse_number() -> None:
    assert parse_number("chg12") == "CHG0000012"
    assert parse_number("REQ 0001234") == "REQ0001234"
    assert parse_number("INC12 printer") is None
    assert parse_number("XYZ12") is None


def test_words_in_worklog_bodies_are_found(db: Database, me: CurrentUser,
                                           corpus: dict) -> None:
    assert found(db, me, "fuser") == ["Printer jams on floor 3"]
    # Every token must occur somewhere in the ticket: title + worklog together.
    assert found(db, me, "printer fuser") == ["Printer jams on floor 3"]
    assert found(db, me, "printer vpn") == []


def test_new_worklog_and_edited_title_are_searchable_at_once(
        db: Database, team: Team, me: CurrentUser, corpus: dict) -> None:
    t = corpus["fifty"]
    tickets.add_worklog(db, team.agent.id, t.id, "public", "Reset via SelfServicePortal")
    assert found(db, me, "selfserviceportal") == ["Fifty users cannot log in"]
    current = tickets.get_ticket(db, t.id)
    tickets.update_ticket(db, team.agent.id, t.id, current.row_version,
                          {"title": "Accounts locked after AD sync"})
    assert found(db, me, "accounts locked") == ["Accounts locked after AD sync"]
    assert found(db, me, "fifty") == []


def test_percent_is_literal(db: Database, me: CurrentUser, corpus: dict) -> None:
    assert found(db, me, "50%") == ["Invoice shows 50% discount"]
    assert sorted(found(db, me, "50")) == ["Fifty users cannot log in",
                                           "Invoice shows 50% discount"]


def test_quotes_backslashes_and_underscores_are_literal(db: Database, me: CurrentUser,
                                                        corpus: dict) -> None:
    title = 'Error "disk_full" on \\\\fs01\\share'
    assert found(db, me, '"disk_full"') == [title]
    assert found(db, me, 'disk_full') == [title]
    assert found(db, me, "x_y") == [title]
    assert found(db, me, "\\fs01\\") == [title]
    assert found(db, me, "x%y") == []
    assert found(db, me, "disk_") == [title]


def test_chinese_text(db: Database, me: CurrentUser, corpus: dict) -> None:
    assert found(db, me, "打印机") == ["网络打印机无法连接"]
    assert found(db, me, "打印") == ["网络打印机无法连接"]  # two characters
    assert found(db, me, "脱机") == ["网络打印机无法连接"]  # in the description
    assert found(db, me, "打印 脱机") == ["网络打印机无法连接"]
    assert found(db, me, "扫描仪") == []


def test_best_matches_first(db: Database, team: Team, me: CurrentUser) -> None:
    make_ticket(db, team, title="Laptop battery", description="laptop laptop laptop laptop")
    make_ticket(db, team, title="Monitor flickers", description="next to a laptop dock")
    titles = found(db, me, "laptop")
    assert titles == ["Laptop battery", "Monitor flickers"]


def test_title_matches_rank_above_newer_matches_elsewhere(db: Database, team: Team,
                                                         me: CurrentUser) -> None:
    make_ticket(db, team, title="VPN drops every hour", description="since Monday")
    make_ticket(db, team, title="Cannot reach intranet", description="VPN client shows error")
    make_ticket(db, team, title="VPN token expired", description="vpn vpn")
    # The newest ticket without the word in its title comes after every title match; among
    # equals the most recently updated is first.
    assert found(db, me, "vpn") == ["VPN token expired", "VPN drops every hour",
                                    "Cannot reach intranet"]
    # Two tokens: the title holding both beats the title holding one.
    make_ticket(db, team, title="Intranet VPN", description="client")
    assert found(db, me, "vpn intranet")[0] == "Intranet VPN"


def test_all_trigrams_without_the_word_do_not_match(db: Database, team: Team,
                                                    me: CurrentUser) -> None:
    # Every trigram of "printer" (pri rin int nte ter) but never the word itself.
    make_ticket(db, team, title="prism rink", description="intern enter")
    make_ticket(db, team, title="Printer offline", description="")
    assert found(db, me, "printer") == ["Printer offline"]
    long_word = "Supercalifragilisticexpialidocious-server-42"
    make_ticket(db, team, title=f"Restart {long_word}", description="")
    assert found(db, me, long_word.upper()) == [f"Restart {long_word}"]
    assert found(db, me, long_word[:-1] + "3") == []


def test_search_combines_with_other_criteria_and_other_sorts(
        db: Database, me: CurrentUser, corpus: dict) -> None:
    spec = ViewSpec("s", "s", Filter(text="printer", open_only=True), SortSpec("title", True))
    rows = fetch_rows(db, spec, me, None, 0, 10)
    assert [r.title for r in rows] == ["Printer jams on floor 3"]


def test_tokens() -> None:
    assert tokens('printer "floor 3" x') == ["printer", "floor 3", "x"]
    assert tokens('a\x00b "unbalanced') == ["ab", '"unbalanced']
    assert tokens("   ") == []


# ---------------------------------------------------------------- hostile input


def schema_of(db: Database) -> list[tuple[str, ...]]:
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            return [tuple(r) for r in conn.execute(text(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))]
        insp = inspect(conn)
        return [(t, str(sorted(i["name"] for i in insp.get_indexes(t))))
                for t in sorted(insp.get_table_names())]


hostile = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("\"'%_\\\x00*:^()-+ ~{}[]ab中文😀;NEAR AND OR NOT"))),
    st.builds(lambda s, n: (s or "x") * n, st.text(max_size=8), st.integers(100, 1300)),
    st.sampled_from(["'; DROP TABLE tickets; --", '" OR 1=1 --', "50%", "%%", "_", "\\",
                     "\x00", "😀😀", "NEAR(a b)", "title:x", "a*", '"""', "INC\x00001",
                     "x" * 10_240]),
)


@pytest.fixture
def hostile_db(db: Database, team: Team) -> Iterator[Database]:
    make_ticket(db, team, title="Printer jams", description="50% of pages, 中文 😀")
    yield db


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=hostile)
def test_any_text_is_data(hostile_db: Database, me: CurrentUser, query: str) -> None:
    db = hostile_db
    before = schema_of(db)
    outcome = search(db, query, me)
    if outcome.spec is not None:
        n = count(db, outcome.spec, me)
        rows = fetch_rows(db, outcome.spec, me, None, 0, 50)
        assert len(rows) == min(n, 50)
        # The same text as a saved-view criterion beside other sorts.
        spec = ViewSpec("x", "x", Filter(text=query, open_only=True), SortSpec("number"))
        fetch_rows(db, spec, me, None, 0, 50)
    assert schema_of(db) == before


# ---------------------------------------------------------------- bulk loads


def test_bulk_load_suspend_and_rebuild(db: Database, team: Team, me: CurrentUser) -> None:
    make_ticket(db, team, title="Before the load: scanner")
    with db.engine.begin() as conn:
        suspend_for_bulk_load(conn)
    bulk_tickets(db, 300, group_ids=(team.group.id,), start=100)
    with db.engine.begin() as conn:
        rebuild_after_bulk_load(conn)
    assert len(found(db, me, "badge")) == len([i for i in range(100, 400) if i % 8 == 7])
    assert found(db, me, "issue 107") == ["laptop issue 107"]
    assert found(db, me, "scanner") == ["Before the load: scanner"]
    # The triggers are back: a new ticket is searchable at once.
    make_ticket(db, team, title="After the load: plotter")
    assert found(db, me, "plotter") == ["After the load: plotter"]
