"""The rules a ticket's fields obey, written once.

The ticket service calls them at its boundary (CLI, bulk edits, sync) and the editor calls the
same functions to put a message beside the field before anything is sent. Each rule raises
``ValidationError`` naming its field; the ones that normalise return the clean value.
Rules that need the database (assignee is a member of the group) stay in the service; the
lifecycle's rules are ``lifecycle.check_transition``.
"""

from __future__ import annotations

import uuid

from desk.domain import lifecycle
from desk.domain.enums import Channel, Kind, Status
from desk.domain.kinds import FIELD
from desk.domain.text import required_text
from desk.errors import ValidationError
from desk.i18n import _


def check_required(name: str, value: str | None) -> str:
    """A field the spec marks required, stripped; its own message when empty or too long."""
    spec = FIELD[name]
    if spec.required is None or spec.max_length is None:
        raise ValueError(f"{name} is not a required text field")
    return required_text(value, name, spec.max_length, _(spec.required), spec.label())


def check_kind(value: str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise ValidationError(_("Unknown ticket kind {kind}").format(kind=value),
                              field="kind") from None


def check_channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        raise ValidationError(_("Unknown channel {channel}").format(channel=value),
                              field="channel") from None


def check_parent(ticket_id: uuid.UUID | None, parent_id: uuid.UUID | None) -> None:
    if parent_id is not None and parent_id == ticket_id:
        raise ValidationError(_("A ticket cannot be its own parent"), field="parent_id")


def check_resolution_notes(kind: Kind, current: Status, target: Status,
                           notes: str | None) -> None:
    """An agent resolving a ticket in the form tells the requester what was done. (Bulk and
    CLI resolutions may go without: they resolve many tickets with one code.)"""
    if (Status(current) is not Status(target)
            and lifecycle.is_resolving(kind, current, target) and not (notes or "").strip()):
        raise ValidationError(_("Describe the resolution for the requester"),
                              field="resolution_notes")
