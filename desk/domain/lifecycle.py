"""Lifecycles per ticket kind as state machines (docs/domain.md, "Lifecycles").

Each kind maps a status to the statuses it may move to. A refused transition names the allowed
ones. "Resolving" (entering a status that ends the work) requires a resolution code.
"""

from __future__ import annotations

from collections.abc import Mapping

from desk.domain.enums import Kind, Status
from desk.errors import TransitionError, ValidationError
from desk.i18n import _

S = Status

_INCIDENT: Mapping[Status, tuple[Status, ...]] = {
    # New -> Resolved directly is first-contact resolution, the desk's best outcome.
    S.NEW: (S.IN_PROGRESS, S.PENDING_CUSTOMER, S.RESOLVED, S.CANCELLED),
    S.IN_PROGRESS: (S.PENDING_CUSTOMER, S.PENDING_VENDOR, S.PENDING_CHANGE, S.RESOLVED,
                    S.CANCELLED),
    S.PENDING_CUSTOMER: (S.IN_PROGRESS, S.RESOLVED, S.CANCELLED),
    S.PENDING_VENDOR: (S.IN_PROGRESS, S.RESOLVED, S.CANCELLED),
    S.PENDING_CHANGE: (S.IN_PROGRESS, S.RESOLVED, S.CANCELLED),
    S.RESOLVED: (S.IN_PROGRESS, S.CLOSED),  # reopen, or confirm/auto-close
    S.CLOSED: (),
    S.CANCELLED: (),
}

_REQUEST: Mapping[Status, tuple[Status, ...]] = {
    S.NEW: (S.IN_PROGRESS, S.PENDING_CUSTOMER, S.RESOLVED, S.CANCELLED),
    S.IN_PROGRESS: (S.PENDING_CUSTOMER, S.PENDING_VENDOR, S.RESOLVED, S.CANCELLED),
    S.PENDING_CUSTOMER: (S.IN_PROGRESS, S.RESOLVED, S.CANCELLED),
    S.PENDING_VENDOR: (S.IN_PROGRESS, S.RESOLVED, S.CANCELLED),
    S.RESOLVED: (S.IN_PROGRESS, S.CLOSED),
    S.CLOSED: (),
    S.CANCELLED: (),
}

_PROBLEM: Mapping[Status, tuple[Status, ...]] = {
    S.NEW: (S.IN_PROGRESS, S.CANCELLED),
    S.IN_PROGRESS: (S.PENDING_VENDOR, S.KNOWN_ERROR, S.RESOLVED, S.CANCELLED),
    S.PENDING_VENDOR: (S.IN_PROGRESS, S.CANCELLED),
    S.KNOWN_ERROR: (S.IN_PROGRESS, S.RESOLVED, S.CANCELLED),
    S.RESOLVED: (S.IN_PROGRESS, S.CLOSED),
    S.CLOSED: (),
    S.CANCELLED: (),
}

_CHANGE: Mapping[Status, tuple[Status, ...]] = {
    S.NEW: (S.ASSESS, S.CANCELLED),
    S.ASSESS: (S.AUTHORIZE, S.REJECTED, S.CANCELLED),
    S.AUTHORIZE: (S.SCHEDULED, S.REJECTED, S.CANCELLED),
    S.SCHEDULED: (S.IMPLEMENT, S.CANCELLED),
    S.IMPLEMENT: (S.REVIEW,),
    S.REVIEW: (S.CLOSED,),
    S.CLOSED: (),
    S.REJECTED: (),
    S.CANCELLED: (),
}

LIFECYCLES: Mapping[Kind, Mapping[Status, tuple[Status, ...]]] = {
    Kind.INCIDENT: _INCIDENT,
    Kind.SERVICE_REQUEST: _REQUEST,
    Kind.PROBLEM: _PROBLEM,
    Kind.CHANGE: _CHANGE,
}


def statuses(kind: Kind) -> tuple[Status, ...]:
    """The statuses of a kind, in lifecycle order."""
    return tuple(LIFECYCLES[Kind(kind)])


def initial_status(kind: Kind) -> Status:
    return Status.NEW


def allowed_transitions(kind: Kind, current: Status) -> tuple[Status, ...]:
    lifecycle = LIFECYCLES[Kind(kind)]
    try:
        return lifecycle[Status(current)]
    except KeyError:
        raise ValidationError(
            _("{status} is not a status of a {kind}").format(
                status=Status(current).label, kind=Kind(kind).label),
            field="status") from None


def is_resolving(kind: Kind, current: Status, target: Status) -> bool:
    """Whether moving ``current -> target`` ends the work and so needs a resolution code."""
    if Kind(kind) is Kind.CHANGE:
        return Status(target) is S.CLOSED and Status(current) is S.REVIEW
    return Status(target) is S.RESOLVED


def is_reopen(current: Status, target: Status) -> bool:
    return Status(current) is S.RESOLVED and Status(target) is S.IN_PROGRESS


def check_transition(
    kind: Kind, current: Status, target: Status, resolution_code: str | None = None
) -> None:
    """Raise ``TransitionError`` unless ``current -> target`` is allowed for ``kind``."""
    current, target = Status(current), Status(target)
    if current is target:
        return
    allowed = allowed_transitions(kind, current)
    if target not in allowed:
        if allowed:
            names = ", ".join(s.label for s in allowed)
            msg = _("A {kind} cannot go from {current} to {target}; allowed: {allowed}")
        else:
            names = ""
            msg = _("A {kind} in {current} is final and cannot go to {target}")
        raise TransitionError(
            msg.format(kind=Kind(kind).label.lower(), current=current.label,
                       target=target.label, allowed=names),
            field="status")
    if is_resolving(kind, current, target) and not resolution_code:
        raise ValidationError(
            _("Resolving needs a resolution code"), field="resolution_code")
