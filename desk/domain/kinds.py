"""Each ticket kind's fields, described once.

The spec drives the ticket form (which fields, in which order and section, with which
labels), the console's "New" menu and the editor's validation, so adding a kind or a field
is one entry here. Labels are source text marked with ``N_``; ``label()``/``mnemonic()``
translate when shown, never at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desk.domain import lifecycle
from desk.domain.enums import Channel, Kind, ResolutionCode
from desk.i18n import N_, _

# Where the form puts a field; the form maps each section to a layout.
SUMMARY = "summary"
CONTACT = "contact"
HANDLING = "handling"
RESOLUTION = "resolution"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_text: str  # the field's name in messages, conflicts, history
    mnemonic_text: str  # the form's label, with the & of its keyboard accelerator
    section: str
    default: Any = None  # what a new ticket starts with
    required: str | None = None  # the message when left empty; None: may stay empty
    max_length: int | None = None
    reference: bool = False  # holds the id of another record (drafts keep it as text)
    on_create: bool = True  # part of a new ticket; else set once the ticket exists
    strip: bool = False  # surrounding blanks are not part of the value
    blank_is_none: bool = False  # an empty entry means "no value"

    def label(self) -> str:
        return _(self.label_text)

    def mnemonic(self) -> str:
        return _(self.mnemonic_text)


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", N_("Title"), N_("&Title"), SUMMARY, "",
              required=N_("A title is required"), max_length=300, strip=True),
    FieldSpec("description", N_("Description"), N_("&Description"), SUMMARY, ""),
    FieldSpec("requester_id", N_("Requester"), N_("Re&quester"), CONTACT, reference=True),
    FieldSpec("organization_id", N_("Organization"), N_("&Organization"), CONTACT,
              reference=True),
    FieldSpec("channel", N_("Channel"), N_("C&hannel"), CONTACT, Channel.PHONE.value),
    FieldSpec("category_id", N_("Category"), N_("Cat&egory"), CONTACT, reference=True),
    FieldSpec("parent_id", N_("Parent ticket"), N_("Pa&rent ticket"), CONTACT,
              reference=True),
    FieldSpec("major_incident", N_("Major incident"),
              N_("&Major incident — significant business impact"), CONTACT, False),
    FieldSpec("status", N_("Status"), N_("Stat&us"), HANDLING, on_create=False),
    FieldSpec("impact", N_("Impact"), N_("&Impact"), HANDLING, 3),
    FieldSpec("urgency", N_("Urgency"), N_("Urgenc&y"), HANDLING, 3),
    FieldSpec("group_id", N_("Assignment group"), N_("Assignment &group"), HANDLING,
              reference=True),
    FieldSpec("assignee_id", N_("Assignee"), N_("&Assignee"), HANDLING, reference=True),
    FieldSpec("resolution_code", N_("Resolution code"), N_("Resolution &code"), RESOLUTION,
              on_create=False, blank_is_none=True),
    FieldSpec("resolution_notes", N_("Resolution notes"), N_("Reso&lution notes"), RESOLUTION,
              on_create=False, blank_is_none=True),
)
FIELD: Mapping[str, FieldSpec] = {f.name: f for f in FIELDS}
REFERENCE_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.reference)
_COMMON = tuple(f.name for f in FIELDS if f.name != "major_incident")


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    menu_text: str  # the "New" menu's entry, with its accelerator
    fields: tuple[str, ...]  # what the form shows, in spec order
    resolution_codes: tuple[ResolutionCode, ...]  # what the form offers when resolving
    shortcut: str | None = None

    def menu_label(self) -> str:
        return _(self.menu_text)

    def shows(self, field: str) -> bool:
        return field in self.fields

    def new_values(self) -> dict[str, Any]:
        """What a new ticket of this kind starts with (every field, shown or not)."""
        values = {f.name: f.default for f in FIELDS}
        values["status"] = lifecycle.initial_status(self.kind).value
        return values


R = ResolutionCode
KINDS: Mapping[Kind, KindSpec] = {
    Kind.INCIDENT: KindSpec(
        Kind.INCIDENT, N_("&Incident"), tuple(f.name for f in FIELDS),
        (R.SOLVED, R.WORKAROUND, R.NOT_REPRODUCIBLE, R.DUPLICATE, R.USER_ERROR)),
    Kind.SERVICE_REQUEST: KindSpec(
        Kind.SERVICE_REQUEST, N_("&Service request"), _COMMON,
        (R.FULFILLED, R.DUPLICATE, R.USER_ERROR)),
    Kind.PROBLEM: KindSpec(
        Kind.PROBLEM, N_("&Problem"), _COMMON,
        (R.SOLVED, R.WORKAROUND, R.DUPLICATE, R.NOT_REPRODUCIBLE)),
    Kind.CHANGE: KindSpec(
        Kind.CHANGE, N_("&Change"), _COMMON, (R.SUCCESSFUL, R.UNSUCCESSFUL)),
}


def kind_spec(kind: str) -> KindSpec:
    return KINDS[Kind(kind)]


def field_label(name: str) -> str | None:
    """The translated name of a ticket field, or None for a name that is not a field."""
    spec = FIELD.get(name)
    return spec.label() if spec is not None else None
