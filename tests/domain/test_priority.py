from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.priority import DEFAULT_MATRIX, PriorityMatrix
from desk.errors import ValidationError


def test_default_matrix_matches_domain_table():
    m = PriorityMatrix()
    assert m.priority(1, 1) == 1  # P1 Critical
    assert m.priority(1, 3) == 3
    assert m.priority(2, 2) == 3
    assert m.priority(3, 3) == 5  # P5 Planning
    assert m.priority(3, 1) == 3


@given(st.sampled_from([1, 2, 3]), st.sampled_from([1, 2, 3]))
def test_higher_impact_or_urgency_never_lowers_priority(i, u):
    m = PriorityMatrix()
    if i > 1:
        assert m.priority(i - 1, u) <= m.priority(i, u)
    if u > 1:
        assert m.priority(i, u - 1) <= m.priority(i, u)


def test_admin_matrix_is_used():
    cells = dict(DEFAULT_MATRIX)
    cells[(2, 2)] = 2
    assert PriorityMatrix(cells).priority(2, 2) == 2


def test_incomplete_or_bad_matrix_is_refused():
    cells = dict(DEFAULT_MATRIX)
    del cells[(3, 3)]
    with pytest.raises(ValidationError, match="missing"):
        PriorityMatrix(cells)
    with pytest.raises(ValidationError, match="1–5"):
        PriorityMatrix({**DEFAULT_MATRIX, (1, 1): 9})


def test_out_of_range_impact_names_the_field():
    with pytest.raises(ValidationError) as err:
        PriorityMatrix().priority(4, 1)
    assert err.value.field == "impact"
