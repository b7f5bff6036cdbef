"""A plain text box as tall as its text, within limits.

A box sized for a page of text makes a one-line description look like the whole form; one
that grows without end pushes the rest of the form away. This one shows at least
``min_lines`` lines and at most ``max_lines``; beyond that it scrolls.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QSizeF
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class FittingTextEdit(QPlainTextEdit):
    def __init__(self, min_lines: int = 3, max_lines: int = 15, parent: QWidget | None = None,
                 **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.min_lines, self.max_lines = min_lines, max_lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The plain text layout counts wrapped lines as it lays blocks out (on edits, on a
        # new width, as they are painted) and reports each new count here.
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def height_for(self, lines: int) -> int:
        """The height that shows ``lines`` lines without scrolling."""
        margins = self.contentsMargins()
        vm = self.viewportMargins()
        # + 1: the box scrolls once the text reaches the viewport's last pixel row.
        chrome = (margins.top() + margins.bottom() + vm.top() + vm.bottom()
                  + 2 * self.document().documentMargin() + 1)
        return math.ceil(lines * self.fontMetrics().lineSpacing() + chrome)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self, _size: QSizeF | None = None) -> None:
        lines = min(max(self.document().lineCount(), self.min_lines), self.max_lines)
        self.setFixedHeight(self.height_for(lines))
