"""Guards against a broken Qt binding: a long session must not crash the process."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call; None's
    # count hit zero after a few thousand calls and the interpreter aborted mid-session.
    widget = QWidget()
    qtbot.addWidget(widget)
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
        widget.setToolTip("x")
    assert sys.getrefcount(None) >= before - 50
