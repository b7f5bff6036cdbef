"""The desk-wide settings screen: every option of the settings registry, grouped by section.

The screen knows no option by name: it builds one editor per registered ``Option`` (a spin box
for a number, a list of choices for a ``StrEnum``, a check box for yes/no), so a feature that
registers an option appears here without a change to this file. Values are read and saved
through the database worker; a refused value leaves what the administrator typed on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import desk.cmdb.settings  # noqa: F401  (registers the CMDB's options)
from desk.errors import DeskError
from desk.services import settings
from desk.services.settings import Option
from desk.ui.ticket.common import error_color
from desk.ui.worker import DbRunner


class SettingsDialog(QDialog):
    loaded = Signal()
    saved = Signal()

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Desk settings"))
        self.editors: dict[str, QWidget] = {}
        self.loaded_values: dict[str, Any] = {}

        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("These settings apply to every console on this database."), self)
        hint.setWordWrap(True)
        lay.addWidget(hint)
        body = QWidget(self)
        body_lay = QVBoxLayout(body)
        forms: dict[str, QFormLayout] = {}
        for option in settings.OPTIONS.values():
            form = forms.get(option.section)
            if form is None:
                box = QGroupBox(option.section_label, body)
                form = forms[option.section] = QFormLayout(box)
                # A word-wrapped label beside its field is given one line's height and cut
                # off; a long title goes above its field instead.
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                body_lay.addWidget(box)
            editor = self._editor(option, body)
            editor.setEnabled(False)  # until the values are read
            editor.setObjectName(option.key)
            self.editors[option.key] = editor
            label = QLabel(option.label, body)
            label.setBuddy(editor)
            form.addRow(label, editor)
        body_lay.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        lay.addWidget(scroll, 1)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(620, 560)
        self.reload()

    # ------------------------------------------------------------ editors

    def _editor(self, option: Option, parent: QWidget) -> QWidget:
        if option.choices:
            combo = QComboBox(parent)
            for choice in option.choices:
                combo.addItem(getattr(choice, "label", str(choice)), str(choice))
            return combo
        if option.type is bool:
            return QCheckBox(parent)
        if option.type is int:
            spin = QSpinBox(parent)
            spin.setRange(option.minimum if option.minimum is not None else -(2**31),
                          option.maximum if option.maximum is not None else 2**31 - 1)
            spin.setGroupSeparatorShown(True)
            return spin
        raise TypeError(f"no editor for settings of type {option.type!r}")

    def value(self, key: str) -> Any:
        """What the editor of ``key`` shows now."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        assert isinstance(editor, QSpinBox)
        return editor.value()

    def set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(str(value)))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        else:
            assert isinstance(editor, QSpinBox)
            editor.setValue(int(value))

    def changed_values(self) -> dict[str, Any]:
        return {k: self.value(k) for k in self.editors
                if k in self.loaded_values and self.value(k) != self._shown(k)}

    def _shown(self, key: str) -> Any:
        loaded = self.loaded_values[key]
        return str(loaded) if isinstance(self.editors[key], QComboBox) else loaded

    # ------------------------------------------------------------ database

    def reload(self) -> None:
        self.runner.read(settings.current_settings, owner=self, on_done=self._show,
                         on_error=self._failed, label="settings")

    def _show(self, values: dict[str, Any]) -> None:
        self.loaded_values = values
        for key, value in values.items():
            if key in self.editors:
                self.set_value(key, value)
                self.editors[key].setEnabled(True)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def save(self) -> None:
        changed = self.changed_values()
        if not changed:
            self._say(self.tr("Nothing to save: no setting was changed."))
            return
        self.save_button.setEnabled(False)
        self.runner.write(settings.save_settings, changed,
                          owner=self, on_done=lambda _c: self._saved(changed),
                          on_error=self._failed, label="save settings")

    def _saved(self, changed: dict[str, Any]) -> None:
        self.loaded_values.update(changed)
        self.save_button.setEnabled(True)
        self._say(self.tr("Settings saved."))
        self.saved.emit()

    def _failed(self, err: BaseException) -> None:
        if not isinstance(err, DeskError):
            raise err
        self.save_button.setEnabled(bool(self.loaded_values))
        self._say(str(err), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        palette = self.message.palette()
        color = (error_color(palette) if error
                 else self.palette().color(QPalette.ColorRole.WindowText))
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.message.setPalette(palette)
        self.message.setText(text)
