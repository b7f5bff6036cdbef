"""A per-field three-way merge of records edited in two places.

``base`` is what both sides started from, ``mine`` and ``theirs`` what each made of it. A field
changed on one side only takes that side's value; a field both changed to the same value is no
conflict; a field both changed to different values is a conflict, and keeps ``mine`` in the
merged values until someone chooses. The ticket form uses it when a save meets a newer version;
offline sync uses it for records changed on the desk while a technician was away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_ABSENT = object()  # a field one side does not have (added or dropped there)


@dataclass(frozen=True)
class Merged:
    values: dict[str, Any]
    conflicts: tuple[str, ...]  # in the order of the fields of base, then mine, then theirs


def merge(base: Mapping[str, Any], mine: Mapping[str, Any],
          theirs: Mapping[str, Any]) -> Merged:
    values: dict[str, Any] = {}
    conflicts: list[str] = []
    for name in dict.fromkeys([*base, *mine, *theirs]):
        b = base.get(name, _ABSENT)
        m = mine.get(name, _ABSENT)
        t = theirs.get(name, _ABSENT)
        if m == t or t == b:
            value = m
        elif m == b:
            value = t
        else:
            value = m
            conflicts.append(name)
        if value is not _ABSENT:
            values[name] = value
    return Merged(values, tuple(conflicts))
