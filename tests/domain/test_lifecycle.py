from __future__ import annotations

import itertools

import pytest

from desk.domain import lifecycle
from desk.domain.enums import Kind, Status
from desk.errors import TransitionError, ValidationError

S = Status


@pytest.mark.parametrize("kind", list(Kind))
def test_every_status_of_a_kind_is_reachable_from_new(kind):
    seen, todo = {S.NEW}, [S.NEW]
    while todo:
        for nxt in lifecycle.allowed_transitions(kind, todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(lifecycle.statuses(kind))


def test_incident_default_path_is_allowed():
    path = [S.NEW, S.IN_PROGRESS, S.PENDING_CUSTOMER, S.IN_PROGRESS, S.RESOLVED, S.CLOSED]
    for a, b in itertools.pairwise(path):
        lifecycle.check_transition(Kind.INCIDENT, a, b, resolution_code="solved")


def test_invalid_transition_names_the_allowed_ones():
    with pytest.raises(TransitionError) as err:
        lifecycle.check_transition(Kind.INCIDENT, S.NEW, S.CLOSED)
    msg = str(err.value)
    assert "In progress" in msg and "Resolved" in msg and "Cancelled" in msg
    assert err.value.field == "status"


def test_final_status_says_it_is_final():
    with pytest.raises(TransitionError, match="final"):
        lifecycle.check_transition(Kind.INCIDENT, S.CLOSED, S.IN_PROGRESS)


def test_resolving_requires_a_resolution_code():
    with pytest.raises(ValidationError) as err:
        lifecycle.check_transition(Kind.INCIDENT, S.IN_PROGRESS, S.RESOLVED)
    assert err.value.field == "resolution_code"
    lifecycle.check_transition(Kind.INCIDENT, S.IN_PROGRESS, S.RESOLVED, "workaround")


def test_reopen_and_cancel_as_in_domain():
    assert S.IN_PROGRESS in lifecycle.allowed_transitions(Kind.INCIDENT, S.RESOLVED)
    for kind in Kind:
        for status in lifecycle.statuses(kind):
            if status.is_open and status not in (S.IMPLEMENT, S.REVIEW):
                assert S.CANCELLED in lifecycle.allowed_transitions(kind, status), (kind, status)


def test_change_lifecycle_order_and_rejection():
    path = [S.NEW, S.ASSESS, S.AUTHORIZE, S.SCHEDULED, S.IMPLEMENT, S.REVIEW]
    for a, b in itertools.pairwise(path):
        lifecycle.check_transition(Kind.CHANGE, a, b)
    with pytest.raises(ValidationError):
        lifecycle.check_transition(Kind.CHANGE, S.REVIEW, S.CLOSED)  # needs an outcome code
    lifecycle.check_transition(Kind.CHANGE, S.REVIEW, S.CLOSED, "successful")
    assert S.REJECTED in lifecycle.allowed_transitions(Kind.CHANGE, S.AUTHORIZE)
    with pytest.raises(TransitionError):
        lifecycle.check_transition(Kind.CHANGE, S.NEW, S.IMPLEMENT)


def test_status_of_another_kind_is_refused():
    with pytest.raises(ValidationError):
        lifecycle.allowed_transitions(Kind.INCIDENT, S.ASSESS)
