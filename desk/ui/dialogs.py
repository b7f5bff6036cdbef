"""Dialogs of the console's start and of errors: database password, which database, who am I.

Every dialog here is opened non-blocking (``open()``) by its caller, which waits for
``finished``; none of them touches the database itself. A password typed here lives only in
the ``PasswordStore`` of this session (or the system keyring when the user asks for it): it is
never logged, written to settings or shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.connect import parse_db_url
from desk.domain.enums import Role
from desk.errors import DeskError
from desk.services.people import UserView
from desk.ui.i18n import sorted_by_name
from desk.ui.ticket.common import FieldBox


class StartupWindow(QWidget):
    """What the user sees while the database opens (it may take seconds on a server)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Desk"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Desk"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        lay.addWidget(title)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Working"))
        lay.addWidget(self.progress)

    def set_state(self, text: str, busy: bool = True) -> None:
        self.status.setText(text)
        self.progress.setVisible(busy)


class PasswordDialog(QDialog):
    def __init__(self, prompt: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database password"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        if problem:
            note = QLabel(problem, self)
            note.setWordWrap(True)
            lay.addWidget(note)
        form = QFormLayout()
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(self.tr("Password"))
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        label.setBuddy(self.edit)
        form.addRow(label)
        form.addRow(self.tr("&Password:"), self.edit)
        lay.addLayout(form)
        self.remember_box = QCheckBox(self.tr("&Remember in the system keyring"), self)
        self.remember_box.setToolTip(self.tr(
            "Without it Desk asks again at the next start; the password is never written "
            "to a settings file"))
        lay.addWidget(self.remember_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def password(self) -> str:
        return self.edit.text()

    def remember(self) -> bool:
        return self.remember_box.isChecked()

    def done(self, result: int) -> None:
        super().done(result)
        if result != QDialog.DialogCode.Accepted:
            self.edit.clear()


class StartupErrorDialog(QDialog):
    """The database could not be opened: retry, pick another one, or quit."""

    RETRY = 1
    CHOOSE = 2
    QUIT = 0

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cannot open the database"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("<b>Desk cannot open the database.</b>"), self)
        lay.addWidget(head)
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.choose_button = QPushButton(self.tr("&Choose another database…"), self)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        for b, code in ((self.retry_button, self.RETRY), (self.choose_button, self.CHOOSE),
                        (self.quit_button, self.QUIT)):
            b.clicked.connect(lambda _=False, c=code: self.done(c))
            buttons.addWidget(b)
        self.retry_button.setDefault(True)
        lay.addLayout(buttons)


class ChooseDatabaseDialog(QDialog):
    """A database file, or a PostgreSQL server URL (without a password)."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a database"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.file_radio = QRadioButton(self.tr("A database &file on this computer"), self)
        self.server_radio = QRadioButton(self.tr("A PostgreSQL &server"), self)
        group = QButtonGroup(self)
        group.addButton(self.file_radio)
        group.addButton(self.server_radio)
        lay.addWidget(self.file_radio)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Database file"))
        self.path.setPlaceholderText(self.tr("/path/to/desk.sqlite3"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        lay.addWidget(self.server_radio)
        self.url = QLineEdit(self)
        self.url.setAccessibleName(self.tr("Server URL"))
        self.url.setPlaceholderText("postgresql://agent@dbhost:5432/desk")
        self.url_box = FieldBox(self.url, self)
        lay.addWidget(self.url_box)
        self.default_box = QCheckBox(self.tr("Open this database by &default"), self)
        lay.addWidget(self.default_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if current.startswith("postgres"):
            self.server_radio.setChecked(True)
            self.url.setText(current)
        else:
            self.file_radio.setChecked(True)
            self.path.setText(current.removeprefix("sqlite:///"))
        self.path.textEdited.connect(lambda: self.file_radio.setChecked(True))
        self.url.textEdited.connect(lambda: self.server_radio.setChecked(True))

    def chosen_url(self) -> str:
        if self.server_radio.isChecked():
            return self.url.text().strip()
        return self.path.text().strip()

    def make_default(self) -> bool:
        return self.default_box.isChecked()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.path.text(),
            self.tr("Desk databases (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path.setText(path)
            self.file_radio.setChecked(True)

    def _check(self) -> None:
        self.url_box.clear_error()
        text = self.chosen_url()
        if not text:
            self.url_box.show_error(self.tr("Enter a file or a server URL"))
            return
        try:
            parse_db_url(text)
        except DeskError as err:
            self.url_box.show_error(str(err))
            return
        self.accept()


class UserPickDialog(QDialog):
    """Who is working at this console (a local database has no logins)."""

    def __init__(self, users: list[UserView], database: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumSize(400, 360)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Who is working on {db}?").format(db=database), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Users"))
        for u in sorted_by_name(users, lambda u: u.display_name):
            item = QListWidgetItem(f"{u.display_name}  ({u.username} · {Role(u.role).label})")
            item.setData(Qt.ItemDataRole.UserRole, u.username)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda *_: self.accept())
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def username(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def choose(self, username: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == username:
                self.list.setCurrentRow(i)


class FirstAdminDialog(QDialog):
    """A new database has no users: create the first administrator.

    The caller creates the user on the database worker and calls ``show_error`` when the
    service refuses (the dialog stays open with what was typed)."""

    submitted = Signal(str, str)  # username, display name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create the first administrator"))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This database has no users yet. Create yours; you will be its administrator "
            "and can add agents and groups later."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setMaxLength(80)
        self.display = QLineEdit(self)
        self.display.setMaxLength(200)
        self.boxes = {"username": FieldBox(self.username, self),
                      "display_name": FieldBox(self.display, self)}
        form.addRow(self.tr("&User name:"), self.boxes["username"])
        form.addRow(self.tr("&Display name:"), self.boxes["display_name"])
        lay.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _submit(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        if not self.username.text().strip():
            self.show_error("username", self.tr("A user name is required"))
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.username.text().strip(),
                            self.display.text().strip() or self.username.text().strip())

    def show_error(self, field: str | None, message: str) -> None:
        self.ok_button.setEnabled(True)
        box = self.boxes.get(field or "", self.boxes["username"])
        box.show_error(message)
        box.field.setFocus()


def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A non-blocking error message (the caller may keep a reference for tests)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
