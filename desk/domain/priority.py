"""Priority from impact × urgency through a matrix an administrator can change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desk.errors import ValidationError
from desk.i18n import _

LEVELS = (1, 2, 3)  # 1 High, 2 Medium, 3 Low
PRIORITIES = (1, 2, 3, 4, 5)


def level_label(level: int) -> str:
    return {1: _("1 - High"), 2: _("2 - Medium"), 3: _("3 - Low")}[level]


def priority_label(priority: int) -> str:
    return {
        1: _("P1 Critical"),
        2: _("P2 High"),
        3: _("P3 Moderate"),
        4: _("P4 Low"),
        5: _("P5 Planning"),
    }[priority]


DEFAULT_MATRIX: dict[tuple[int, int], int] = {
    (1, 1): 1, (1, 2): 2, (1, 3): 3,
    (2, 1): 2, (2, 2): 3, (2, 3): 4,
    (3, 1): 3, (3, 2): 4, (3, 3): 5,
}  # fmt: skip


@dataclass(frozen=True)
class PriorityMatrix:
    cells: Mapping[tuple[int, int], int] = field(default_factory=lambda: dict(DEFAULT_MATRIX))

    def __post_init__(self) -> None:
        missing = [(i, u) for i in LEVELS for u in LEVELS if (i, u) not in self.cells]
        if missing:
            raise ValidationError(_("Priority matrix is missing cells: {cells}").format(
                cells=", ".join(f"{i}×{u}" for i, u in missing)))
        for key, value in self.cells.items():
            if value not in PRIORITIES:
                raise ValidationError(
                    _("Priority matrix cell {cell} must be 1–5, got {value}").format(
                        cell=f"{key[0]}×{key[1]}", value=value))

    def priority(self, impact: int, urgency: int) -> int:
        if impact not in LEVELS:
            raise ValidationError(_("Impact must be 1, 2 or 3"), field="impact")
        if urgency not in LEVELS:
            raise ValidationError(_("Urgency must be 1, 2 or 3"), field="urgency")
        return self.cells[(impact, urgency)]
