"""Shared bits of the CMDB widgets: class colours, labels, a guard for late callbacks."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QColor

from desk.cmdb.vocab import (
    CiStatus,
    Environment,
    RelType,
    builtin_class_label,
    label_from_name,
)

# Distinct, colour-blind-friendlier hues (Okabe–Ito based) for the built-in classes.
CLASS_COLORS = {
    "business_service": "#D55E00",
    "application": "#0072B2",
    "database": "#CC79A7",
    "server": "#009E73",
    "virtual_machine": "#56B4E9",
    "network_device": "#E69F00",
    "storage": "#8C6D31",
    "workstation": "#999999",
    "location": "#6A3D9A",
}
REL_COLORS = {
    RelType.DEPENDS_ON: "#37474F",
    RelType.RUNS_ON: "#1565C0",
    RelType.CONTAINED_IN: "#6A3D9A",
    RelType.CONNECTS_TO: "#E69F00",
    RelType.BACKED_UP_BY: "#8C6D31",
}


def class_color(name: str) -> QColor:
    known = CLASS_COLORS.get(name)
    if known:
        return QColor(known)
    # Administrators' classes: a stable colour from the name.
    hue = int(hashlib.sha1(name.encode()).hexdigest()[:4], 16) % 360
    return QColor.fromHsv(hue, 150, 200)


def class_label(name: str, fallback: str | None = None) -> str:
    return builtin_class_label(name) or fallback or label_from_name(name)


def status_label(value: str) -> str:
    try:
        return CiStatus(value).label
    except ValueError:
        return value


def environment_label(value: str) -> str:
    try:
        return Environment(value).label
    except ValueError:
        return value


def rel_label(value: str, outgoing: bool = True) -> str:
    try:
        t = RelType(value)
    except ValueError:
        return value
    return t.label if outgoing else t.reverse_label
