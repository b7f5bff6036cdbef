"""CMDB vocabulary: CI status, environment, relationship types, class field types.

Stored as their string values. Labels go through ``_()`` so the console and the CLI can be
translated without touching logic.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from desk.i18n import _


class CiStatus(StrEnum):
    PLANNED = "planned"
    IN_USE = "in_use"
    MAINTENANCE = "maintenance"
    RETIRED = "retired"

    @property
    def label(self) -> str:
        return {
            CiStatus.PLANNED: _("Planned"),
            CiStatus.IN_USE: _("In use"),
            CiStatus.MAINTENANCE: _("Maintenance"),
            CiStatus.RETIRED: _("Retired"),
        }[self]


class Environment(StrEnum):
    PRODUCTION = "production"
    TEST = "test"
    DEVELOPMENT = "development"

    @property
    def label(self) -> str:
        return {
            Environment.PRODUCTION: _("Production"),
            Environment.TEST: _("Test"),
            Environment.DEVELOPMENT: _("Development"),
        }[self]


class RelType(StrEnum):
    """``source <type> target``: "A depends on B"."""

    DEPENDS_ON = "depends_on"
    RUNS_ON = "runs_on"
    CONTAINED_IN = "contained_in"
    CONNECTS_TO = "connects_to"
    BACKED_UP_BY = "backed_up_by"

    @property
    def label(self) -> str:
        return {
            RelType.DEPENDS_ON: _("depends on"),
            RelType.RUNS_ON: _("runs on"),
            RelType.CONTAINED_IN: _("is contained in"),
            RelType.CONNECTS_TO: _("connects to"),
            RelType.BACKED_UP_BY: _("is backed up by"),
        }[self]

    @property
    def reverse_label(self) -> str:
        """The same edge read from its target: "B is needed by A"."""
        return {
            RelType.DEPENDS_ON: _("is needed by"),
            RelType.RUNS_ON: _("hosts"),
            RelType.CONTAINED_IN: _("contains"),
            RelType.CONNECTS_TO: _("is connected from"),
            RelType.BACKED_UP_BY: _("backs up"),
        }[self]


class OutageDirection(StrEnum):
    """Which way an outage travels along ``A <type> B``: what an administrator sets per type."""

    TO_SOURCE = "to_source"
    TO_TARGET = "to_target"
    BOTH = "both"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            OutageDirection.TO_SOURCE: _("If B is down, A is affected"),
            OutageDirection.TO_TARGET: _("If A is down, B is affected"),
            OutageDirection.BOTH: _("If either is down, the other is affected"),
            OutageDirection.NONE: _("Carries no outage"),
        }[self]

    @property
    def to_source(self) -> bool:
        return self in (OutageDirection.TO_SOURCE, OutageDirection.BOTH)

    @property
    def to_target(self) -> bool:
        return self in (OutageDirection.TO_TARGET, OutageDirection.BOTH)


# "A depends on B", "A runs on B", "A is contained in B": B down affects A. "A connects to B"
# names B as A's uplink (a rack switch connects to its core switch), so B down cuts A off.
# A backup being down does not stop what it backs up.
DEFAULT_OUTAGE: dict[RelType, OutageDirection] = {
    RelType.DEPENDS_ON: OutageDirection.TO_SOURCE,
    RelType.RUNS_ON: OutageDirection.TO_SOURCE,
    RelType.CONTAINED_IN: OutageDirection.TO_SOURCE,
    RelType.CONNECTS_TO: OutageDirection.TO_SOURCE,
    RelType.BACKED_UP_BY: OutageDirection.NONE,
}


class FieldType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"


CRITICALITY_MIN, CRITICALITY_MAX = 1, 4
DEFAULT_CRITICALITY = 3


def builtin_class_label(name: str) -> str | None:
    """Translated label of a built-in class (custom classes carry their own label)."""
    return {
        "business_service": _("Business service"),
        "application": _("Application"),
        "database": _("Database"),
        "server": _("Server"),
        "virtual_machine": _("Virtual machine"),
        "network_device": _("Network device"),
        "storage": _("Storage"),
        "workstation": _("Workstation"),
        "location": _("Location"),
    }.get(name)


# Words that are written in capitals inside a label made from a field's name.
_ACRONYMS = frozenset({"api", "cpu", "dns", "gb", "id", "ip", "mac", "os", "tb", "url", "vm"})


def field_label(name: str) -> str:
    """The label of a class's field: translated for the built-in fields, made from the name
    for administrators' fields."""
    builtin = {
        "service_owner": _("Service owner"),
        "service_hours": _("Service hours"),
        "version": _("Version"),
        "vendor": _("Vendor"),
        "url": _("URL"),
        "engine": _("Engine"),
        "size_gb": _("Size (GB)"),
        "os": _("Operating system"),
        "cpu_cores": _("CPU cores"),
        "memory_gb": _("Memory (GB)"),
        "ip_address": _("IP address"),
        "vcpus": _("vCPUs"),
        "model": _("Model"),
        "capacity_tb": _("Capacity (TB)"),
        "assigned_to": _("Assigned to"),
        "address": _("Address"),
        "city": _("City"),
    }.get(name)
    return builtin if builtin is not None else label_from_name(name)


def label_from_name(name: str) -> str:
    """A label for a name an administrator gave a field or class: words in sentence case,
    acronyms in capitals (``ip_phone`` -> ``IP phone``)."""
    words = [w.upper() if w.lower() in _ACRONYMS else w for w in name.split("_") if w]
    if not words:
        return name
    first = words[0]
    words[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(words)


# Ids fixed by migration 0003 (the same on every database).
BUILTIN_CLASS_IDS: dict[str, uuid.UUID] = {
    name: uuid.UUID(f"019aa3b5-ec00-7000-8000-0000c3db000{i}")
    for i, name in enumerate(("business_service", "application", "database", "server",
                              "virtual_machine", "network_device", "storage", "workstation",
                              "location"))
}
