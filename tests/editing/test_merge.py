"""The per-field three-way merge that the ticket form and offline sync share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desk.editing.merge import merge

FIELDS = ("title", "impact", "group_id", "notes")
values = st.one_of(st.none(), st.integers(0, 3), st.sampled_from(["", "a", "b"]))
records = st.fixed_dictionaries({f: values for f in FIELDS})


def test_each_side_keeps_what_only_it_changed():
    base = {"title": "Mail down", "impact": 3, "urgency": 3}
    mine = {"title": "Mail down for Acme", "impact": 3, "urgency": 1}
    theirs = {"title": "Mail down", "impact": 1, "urgency": 3}
    merged = merge(base, mine, theirs)
    assert merged.values == {"title": "Mail down for Acme", "impact": 1, "urgency": 1}
    assert merged.conflicts == ()


def test_both_changing_a_field_differently_is_a_conflict_that_keeps_mine():
    merged = merge({"title": "A", "impact": 3}, {"title": "B", "impact": 3},
                   {"title": "C", "impact": 2})
    assert merged.conflicts == ("title",)
    assert merged.values == {"title": "B", "impact": 2}


def test_both_making_the_same_change_is_no_conflict():
    merged = merge({"title": "A"}, {"title": "B"}, {"title": "B"})
    assert merged == merge({"title": "A"}, {"title": "B"}, {"title": "A"})
    assert merged.conflicts == ()


def test_a_field_one_side_dropped_or_added():
    merged = merge({"a": 1, "b": 2}, {"a": 1, "b": 2, "c": 3}, {"a": 1})
    assert merged.values == {"a": 1, "c": 3}  # they dropped b, I added c
    assert merge({"a": 1}, {}, {"a": 2}).conflicts == ("a",)  # I dropped it, they changed it


@given(records, records)
def test_when_they_changed_nothing_mine_wins_whole(base, mine):
    assert merge(base, mine, base).values == mine
    assert merge(base, mine, base).conflicts == ()


@given(records, records)
def test_when_i_changed_nothing_theirs_wins_whole(base, theirs):
    assert merge(base, base, theirs).values == theirs
    assert merge(base, base, theirs).conflicts == ()


@given(records, records, records)
def test_conflicts_are_symmetric_and_only_where_both_changed(base, mine, theirs):
    merged = merge(base, mine, theirs)
    assert merged.conflicts == merge(base, theirs, mine).conflicts
    assert set(merged.conflicts) == {f for f in FIELDS
                                     if base[f] != mine[f] != theirs[f] != base[f]}
    for f in FIELDS:
        if f not in merged.conflicts:  # outside the conflicts the order of sides is moot
            assert merged.values[f] == merge(base, theirs, mine).values[f]


@given(records, records, records)
def test_merged_value_is_always_one_sides(base, mine, theirs):
    merged = merge(base, mine, theirs)
    for f in FIELDS:
        assert merged.values[f] in (mine[f], theirs[f])
        if mine[f] != base[f] and f not in merged.conflicts:
            assert merged.values[f] == mine[f]
