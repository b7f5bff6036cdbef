"""SQLite and PostgreSQL find the same tickets for the same words (issue 14): one table of
queries over one small data set, asserted on both databases (the ``db`` fixture runs each
test on both), plus the one difference by design the README documents."""

from __future__ import annotations

import pytest

from desk.db.session import Database
from desk.queues.service import count, fetch_rows, search
from desk.services import tickets
from desk.services.people import CurrentUser
from tests.factories import Team, make_ticket

DATA = {
    "printer": ("Printer jams on floor 3", "Paper tray 2 is stuck"),
    "blueprint": ("Blueprint plotter offline", "The plotter in room 12 shows an error"),
    "scanner": ("Scanner or copier broken", "Mail from user@contoso.com: scanner beeps"),
    "chinese": ("网络打印机无法连接", "三楼的打印机显示脱机"),
    "mail": ("E-mail bounces", "Error 50% of the time; not delivered"),
    "screen": ("Écran noir", "Le moniteur reste noir"),
}

# (what is typed, the tickets found) — the same on both databases.
QUERIES = [
    ("printer", ["printer"]),                        # one word
    ("printer floor", ["printer"]),                  # every word must occur
    ("printer scanner", []),
    ("printer OR scanner", ["printer", "scanner"]),  # OR between two words: either
    ("printer OR scanner beeps", ["scanner"]),
    ("printer or scanner", []),                      # lower-case "or" is a word
    ('"floor 3"', ["printer"]),                      # quoted phrase
    ('"3 floor"', []),
    ("print", ["blueprint", "printer"]),             # part of a word
    ("PrInTeR", ["printer"]),                        # case
    ("ERROR", ["blueprint", "mail"]),
    ("contoso", ["scanner"]),                        # inside an e-mail address
    ("user@contoso.com", ["scanner"]),
    ("e-mail", ["mail"]),                            # punctuation
    ("50%", ["mail"]),
    ("fuser", ["printer"]),                          # the worklog
    ("-offline", []),                                # no exclusion: "-" is a character
    ("NOT delivered", ["mail"]),                     # no NOT: a word
    ("打印机", ["chinese"]),                          # Chinese, 3+ characters
    ("打印 脱机", ["chinese"]),
    ("room 12", ["blueprint"]),
    ("Écran", ["screen"]),
    ("noir", ["screen"]),
]


@pytest.fixture
def data(db: Database, team: Team) -> dict[str, str]:
    made = {key: make_ticket(db, team, title=title, description=description)
            for key, (title, description) in DATA.items()}
    tickets.add_worklog(db, team.agent.id, made["printer"].id, "internal",
                        "Replaced the fuser assembly")
    return {key: t.number for key, t in made.items()}


def numbers_found(db: Database, me: CurrentUser, text: str) -> list[str]:
    outcome = search(db, text, me)
    assert outcome.spec is not None, text
    rows = fetch_rows(db, outcome.spec, me, None, 0, 50)
    assert count(db, outcome.spec, me) == len(rows), text
    return sorted(r.number for r in rows)


def test_same_tickets_on_both_databases(db: Database, me: CurrentUser,
                                        data: dict[str, str]) -> None:
    wrong = []
    for text, keys in QUERIES:
        want = sorted(data[k] for k in keys)
        got = numbers_found(db, me, text)
        if got != want:
            wrong.append(f"{text!r}: found {got}, expected {want}")
    assert not wrong, "\n".join(wrong)


def test_letters_beyond_a_to_z_fold_case_on_postgresql_only(
        db: Database, me: CurrentUser, data: dict[str, str]) -> None:
    # As the README's "Searching" section says: SQLite's LIKE folds A–Z only.
    expected = [data["screen"]] if db.dialect == "postgresql" else []
    assert numbers_found(db, me, "écran") == expected
    # A–Z fold on both: only the "é" has to match in case on SQLite.
    assert numbers_found(db, me, "ÉCRAN NOIR") == [data["screen"]]
