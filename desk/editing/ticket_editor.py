"""The state of one ticket being edited, without any toolkit.

The editor keeps the ticket as loaded (``base``) apart from what the agent typed; the
difference is what a save sends, what the unsaved-changes question is about and what a local
draft keeps. It checks the typed values with the rules the service applies
(``desk.domain.ticket_rules``, ``lifecycle``) and keeps one message per field until that field
changes. When a save meets a newer version, ``merge`` with the fresh values tells which fields
merge by themselves and which both sides changed; ``resolve`` applies the agent's choices.
The ticket form binds its widgets to an editor; tests drive it directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from desk.domain import lifecycle, ticket_rules
from desk.domain.enums import Kind, Status
from desk.domain.kinds import FIELD, FIELDS, REFERENCE_FIELDS, RESOLUTION, KindSpec, kind_spec
from desk.domain.priority import PriorityMatrix
from desk.drafts import Draft, from_json, to_json
from desk.editing.merge import Merged, merge
from desk.errors import ValidationError
from desk.ids import uuid7
from desk.services.dto import TicketView
from desk.services.tickets import NewTicket

MINE = "mine"
THEIRS = "theirs"


def view_values(view: TicketView) -> dict[str, Any]:
    """A ticket's editable fields as the editor holds them."""
    return {f.name: normalize(f.name, getattr(view, f.name)) for f in FIELDS}


def normalize(field: str, value: Any) -> Any:
    spec = FIELD[field]
    if spec.strip and isinstance(value, str):
        value = value.strip()
    if spec.blank_is_none and not (value.strip() if isinstance(value, str) else value):
        return None
    return value


class TicketEditor:
    def __init__(self, kind: str, ticket: TicketView | None = None) -> None:
        self.spec: KindSpec = kind_spec(ticket.kind if ticket is not None else kind)
        self.ticket_id: uuid.UUID | None = None
        # One key for every attempt to create this ticket: a retry after a lost reply is
        # recognised instead of making a second ticket.
        self.create_id = uuid7()
        self.version: int | None = None
        self.base: dict[str, Any] = self.spec.new_values()
        self._typed: dict[str, Any] = dict(self.base)
        self.errors: dict[str, str] = {}
        self._error_seen: dict[str, Any] = {}  # field -> its value when the message came
        if ticket is not None:
            self.load(ticket)

    @property
    def kind(self) -> Kind:
        return self.spec.kind

    @property
    def is_new(self) -> bool:
        return self.ticket_id is None

    # ------------------------------------------------------------ loaded and typed values

    def load(self, ticket: TicketView) -> None:
        """``ticket`` as saved becomes the base; what was typed is dropped."""
        self.ticket_id = ticket.id
        self.rebase(view_values(ticket), ticket.row_version)

    def rebase(self, base: Mapping[str, Any], version: int | None,
               values: Mapping[str, Any] | None = None) -> None:
        """Edit on top of ``base`` at ``version``, with ``values`` typed (else none)."""
        self.base = {f.name: base[f.name] for f in FIELDS}
        self.version = version
        self._typed = dict(self.base)
        for name, value in (values or {}).items():
            if self.editable(name):
                self.set(name, value)

    def set(self, field: str, value: Any) -> None:
        if not self.editable(field):
            raise ValueError(f"a {self.kind.value} has no editable {field}")
        self._typed[field] = value = normalize(field, value)
        if field in self._error_seen and self._error_seen[field] != value:
            # A message beside a field goes away once the agent changes that field.
            del self._error_seen[field]
            del self.errors[field]

    def values(self) -> dict[str, Any]:
        """Every field as it would be saved: typed where the form shows it, else as loaded
        (resolution fields count only while the ticket is being resolved or is resolved)."""
        resolving = self.resolution_needed()
        return {f.name: self._typed[f.name]
                if self.spec.shows(f.name) and (resolving or f.section != RESOLUTION)
                else self.base[f.name] for f in FIELDS}

    def changed(self) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if v != self.base[k]}

    @property
    def dirty(self) -> bool:
        return bool(self.changed())

    def priority(self, matrix: PriorityMatrix) -> int | None:
        """The priority the typed impact and urgency give (None: not a pair the matrix has)."""
        values = self.values()
        try:
            return matrix.priority(values["impact"], values["urgency"])
        except ValidationError:
            return None

    def resolution_needed(self) -> bool:
        """Whether the chosen status resolves the ticket, or it is resolved already."""
        current, chosen = self.base["status"], self._typed["status"] or self.base["status"]
        if chosen != current:
            return lifecycle.is_resolving(self.kind, current, chosen)
        return bool(self.base["resolution_code"])

    def editable(self, field: str) -> bool:
        """Whether the agent may set ``field`` (the kind has it; a new ticket starts as New)."""
        return self.spec.shows(field) and (FIELD[field].on_create or not self.is_new)

    # ------------------------------------------------------------ validation

    def validate(self) -> dict[str, str]:
        """Check the values with the service's rules; every message beside a field (these and
        any added before), in form order."""
        values = self.values()
        found: dict[str, str] = {}

        def check(rule: Callable[..., Any], *args: Any) -> None:
            try:
                rule(*args)
            except ValidationError as err:
                found.setdefault(err.field or "", str(err))

        for spec in FIELDS:
            if spec.required is not None and self.spec.shows(spec.name):
                check(ticket_rules.check_required, spec.name, values[spec.name])
        check(ticket_rules.check_channel, values["channel"])
        check(ticket_rules.check_parent, self.ticket_id, values["parent_id"])
        if not self.is_new:
            status = (self.base["status"], values["status"])
            check(lifecycle.check_transition, self.kind, *status, values["resolution_code"])
            check(ticket_rules.check_resolution_notes, self.kind, *status,
                  values["resolution_notes"])
        for field, message in found.items():
            self.add_error(field, message)
        return {f.name: self.errors[f.name] for f in FIELDS if f.name in self.errors}

    def add_error(self, field: str, message: str) -> None:
        """A message beside ``field`` (from a rule, the service or a lookup of the form)."""
        self.errors[field] = message
        if field in FIELD:
            self._error_seen[field] = self._typed[field]

    def clear_errors(self) -> None:
        self.errors.clear()
        self._error_seen.clear()

    # ------------------------------------------------------------ saving

    def new_ticket(self) -> NewTicket:
        values = self.values()
        return NewTicket(kind=self.kind, id=self.create_id,
                         **{f.name: values[f.name] for f in FIELDS if f.on_create})

    # ------------------------------------------------------------ drafts

    def draft(self, key: str, database: str, number: str | None, labels: dict[str, str],
              composer: dict[str, Any]) -> Draft:
        """The unsaved state for the draft store (``labels``: the names shown for ids)."""
        values = self.values()
        return Draft(key=key, database=database, kind=self.kind.value,
                     ticket_id=str(self.ticket_id) if self.ticket_id else None, number=number,
                     title=values["title"], base_version=self.version,
                     base=to_json(self.base), values=to_json(values), labels=labels,
                     composer=composer)

    def restore(self, draft: Draft) -> None:
        """Put a draft's typed values back on top of what was loaded."""
        base, version = self.base, self.version
        if not self.is_new and draft.base_version not in (None, version):
            # Edits made against an older version: saving must meet a conflict, not
            # overwrite what others saved meanwhile.
            base, version = from_json(draft.base, REFERENCE_FIELDS), draft.base_version
        self.rebase(base, version, from_json(draft.values, REFERENCE_FIELDS))

    # ------------------------------------------------------------ conflicts

    def merge(self, theirs: Mapping[str, Any]) -> Merged:
        """Their saved values against the typed ones, both from ``base``."""
        return merge(self.base, self.values(), theirs)

    def their_changes(self, theirs: Mapping[str, Any]) -> list[str]:
        return [f.name for f in FIELDS if theirs[f.name] != self.base[f.name]]

    def resolve(self, theirs: Mapping[str, Any], version: int,
                choices: Mapping[str, str]) -> None:
        """Edit on top of ``theirs``: merged values, with ``MINE``/``THEIRS`` per field where
        the agent chose."""
        mine = self.values()
        values = self.merge(theirs).values
        for field, choice in choices.items():
            values[field] = theirs[field] if choice == THEIRS else mine[field]
        self.rebase(theirs, version, values)

    def status_lost(self) -> bool:
        """Whether the typed status cannot follow the base's (after a rebase)."""
        current, chosen = Status(self.base["status"]), Status(self._typed["status"])
        return chosen is not current and chosen not in lifecycle.allowed_transitions(
            self.kind, current)
