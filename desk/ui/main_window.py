"""The console's main window: the queue, open tickets and the CMDB in tabs, menus, the
status bar."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desk.domain.enums import Kind, Role
from desk.domain.kinds import KINDS
from desk.drafts import Draft, DraftStore, database_key
from desk.errors import ConfigError, ConnectionFailed, DeskError
from desk.services import catalog
from desk.services.catalog import TicketRef
from desk.services.numbers import find_by_number
from desk.services.people import CurrentUser
from desk.ui.cmdb.window import CmdbWindow
from desk.ui.i18n import choose_language, chosen_language, name_list
from desk.ui.queue.pane import QueuePane
from desk.ui.sla.notify import NotificationBanner, NotificationCenter
from desk.ui.ticket.form import TicketForm
from desk.ui.worker import DbRunner

log = logging.getLogger(__name__)

PING_INTERVAL_MS = 30_000


class MainWindow(QMainWindow):
    closed = Signal()  # the window closed for good (after the unsaved-changes question)

    def __init__(self, runner: DbRunner, me: CurrentUser, *, settings: QSettings | None = None,
                 drafts: DraftStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.settings = settings if settings is not None else QSettings()
        self.drafts = drafts if drafts is not None else DraftStore()
        self.database = database_key(runner.db.target)
        self.forms: dict[str, TicketForm] = {}  # draft key (ticket id or new-…) -> form
        self.question: QMessageBox | None = None  # the open "unsaved changes?" question
        self._close_approved = False
        self._splitter_state: QByteArray | None = None
        self.sla_dialogs: dict[str, QDialog] = {}
        # Qt adds the application's name ("… — Desk") itself.
        self.setWindowTitle(me.display_name)
        self.setMinimumSize(900, 600)

        central = QWidget(self)
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        self.drafts_bar = self._build_drafts_bar(central)
        cl.addWidget(self.drafts_bar)
        self.sla_banner = NotificationBanner(central)
        cl.addWidget(self.sla_banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setChildrenCollapsible(False)
        cl.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.pane = QueuePane(runner, me, "queue", self.splitter)
        self.pane.openTicketRequested.connect(self.open_ticket)
        self.pane.newTicketRequested.connect(self.choose_kind)
        self.pane.setMinimumWidth(320)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.setVisible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self.runner.busy.connect(self._busy)
        self.runner.failed.connect(self._failed)
        self._ping_timer = QTimer(self)
        self._ping_timer.setInterval(PING_INTERVAL_MS)
        self._ping_timer.timeout.connect(self.check_connection)
        self._ping_timer.start()
        self.notifications = NotificationCenter(runner, me, self.settings, self.database,
                                                self.sla_banner, parent=self)
        self.notifications.openTicketRequested.connect(self.open_ticket)
        self.notifications.openQueueRequested.connect(self.pane.show_view)
        self.notifications.start()
        self.restore_state()
        self.offer_drafts()

    # ------------------------------------------------------------ tickets in tabs

    def open_ticket(self, ticket_id: uuid.UUID) -> TicketForm:
        """Open a ticket in a tab, or bring its tab forward when it is open already."""
        key = str(ticket_id)
        form = self.forms.get(key)
        if form is None:
            form = self._add_form(TicketForm(self.runner, self.me, self.drafts, self.database,
                                             ticket_id=ticket_id))
        self.tabs.setCurrentWidget(form)
        return form

    def new_ticket(self, kind: str = Kind.INCIDENT) -> TicketForm:
        form = self._add_form(TicketForm(self.runner, self.me, self.drafts, self.database,
                                         kind=kind))
        self.tabs.setCurrentWidget(form)
        form.loaded.connect(form.focus_first_field)
        return form

    def choose_kind(self) -> None:
        """Ctrl+N: a small menu of ticket kinds at the centre of the window."""
        menu = QMenu(self)
        for action in self.new_actions:
            menu.addAction(action)
        self.kind_menu = menu
        center = self.rect().center()
        menu.popup(self.mapToGlobal(QPoint(center.x() - 90, center.y() - 60)))

    def current_form(self) -> TicketForm | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TicketForm) else None

    def save_current(self) -> None:
        form = self.current_form()
        if form is not None:
            form.save()

    def close_current(self) -> None:
        idx = self.tabs.currentIndex()
        if idx >= 0:
            self.close_tab(idx)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if not isinstance(widget, TicketForm) or not widget.has_unsaved():
            self._remove_tab(widget)
            return
        form = widget
        self.tabs.setCurrentWidget(form)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("{title} has unsaved changes. Save them before closing?")
                          .format(title=form.tab_title()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        self.question = box

        def answered(_result: int) -> None:
            self.question = None
            button = box.standardButton(box.clickedButton()) if box.clickedButton() else None
            box.deleteLater()
            if button == QMessageBox.StandardButton.Save:
                form.save(then=lambda ok: ok and self._remove_tab(form))
            elif button == QMessageBox.StandardButton.Discard:
                form.discard()
                self._remove_tab(form)

        box.finished.connect(answered)
        box.open()

    def _add_form(self, form: TicketForm) -> TicketForm:
        self.forms[form.draft_key] = form
        self.tabs.addTab(form, form.tab_title())
        self.tabs.setVisible(True)
        form.titleChanged.connect(lambda _t, f=form: self._retitle(f))
        form.dirtyChanged.connect(lambda _d, f=form: self._retitle(f))
        form.ticketCreated.connect(lambda _id, f=form: self._rekey(f))
        form.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        if self.tabs.count() == 1:
            self._fit_splitter()
        return form

    def _retitle(self, form: TicketForm) -> None:
        idx = self.tabs.indexOf(form)
        if idx >= 0:
            dirty = form.has_unsaved()
            self.tabs.setTabText(idx, ("• " if dirty else "") + form.tab_title())
            self.tabs.setTabToolTip(idx, form.title.text() or form.tab_title())

    def _rekey(self, form: TicketForm) -> None:
        for key, f in list(self.forms.items()):
            if f is form:
                del self.forms[key]
        self.forms[form.draft_key] = form
        self._retitle(form)

    def _remove_tab(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        idx = self.tabs.indexOf(widget)
        if idx >= 0:
            self.tabs.removeTab(idx)
        for key, f in list(self.forms.items()):
            if f is widget:
                del self.forms[key]
        if isinstance(widget, TicketForm):
            widget.dispose()
        widget.deleteLater()
        if self.tabs.count() == 0 and self.tabs.isVisible():
            self._splitter_state = self.splitter.saveState()
            self.tabs.setVisible(False)

    def _fit_splitter(self) -> None:
        """The tab area just appeared: give it the room it had last time (or 58 %)."""
        if self._splitter_state is not None and self.splitter.restoreState(
                self._splitter_state) and min(self.splitter.sizes()) > 0:
            return
        total = sum(self.splitter.sizes()) or self.width()
        # The queue pane carries its sidebar: half the width leaves the table readable.
        self.splitter.setSizes([int(total * 0.5), int(total * 0.5)])

    # ------------------------------------------------------------ go to a number

    def go_to_ticket(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Go to ticket"),
                                          self.tr("Ticket number (e.g. INC0001234 or 1234):"))
        if ok and number.strip():
            self.open_number(number)

    def open_number(self, number: str) -> None:
        """Open the ticket a number names, with or without its prefix; ask which one when
        several kinds have it."""
        self.runner.read(find_by_number, number.strip(),
                         owner=self, on_done=lambda refs: self._number_found(number, refs),
                         label="go to ticket")

    def _number_found(self, number: str, refs: list[TicketRef]) -> None:
        if not refs:
            self.statusBar().showMessage(
                self.tr("There is no ticket {number}").format(number=number.strip().upper()),
                8000)
        elif len(refs) == 1:
            self.open_ticket(refs[0].id)
        else:
            self.pane.choose_ticket(number, refs)

    # ------------------------------------------------------------ drafts left by a crash

    def _build_drafts_bar(self, parent: QWidget) -> QFrame:
        bar = QFrame(parent)
        bar.setObjectName("banner")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(10, 6, 10, 6)
        self.drafts_text = QLabel(bar)
        self.drafts_text.setWordWrap(True)
        lay.addWidget(self.drafts_text, 1)
        self.restore_button = QPushButton(self.tr("&Restore"), bar)
        self.restore_button.clicked.connect(self.restore_drafts)
        self.discard_drafts_button = QPushButton(self.tr("Discard"), bar)
        self.discard_drafts_button.clicked.connect(self.discard_drafts)
        later = QPushButton(self.tr("Later"), bar)
        later.clicked.connect(lambda: bar.setVisible(False))
        for b in (self.restore_button, self.discard_drafts_button, later):
            lay.addWidget(b)
        bar.setVisible(False)
        return bar

    def offer_drafts(self) -> list[Draft]:
        found = [d for d in self.drafts.load_all(self.database) if d.key not in self.forms]
        self._offered = found
        if found:
            names = name_list(d.number or d.title or self.tr("new ticket") for d in found[:4])
            self.drafts_text.setText(self.tr(
                "Desk was closed with unsaved edits. Restore {n} unsaved drafts? ({names})")
                .format(n=len(found), names=names) if len(found) != 1 else self.tr(
                "Desk was closed with unsaved edits. Restore the unsaved draft of {names}?")
                .format(names=names))
        self.drafts_bar.setVisible(bool(found))
        return found

    def restore_drafts(self) -> list[TicketForm]:
        forms = []
        for draft in self._offered:
            if draft.ticket_id:
                form = self.open_ticket(uuid.UUID(draft.ticket_id))
            else:
                form = self._add_form(TicketForm(self.runner, self.me, self.drafts,
                                                 self.database, kind=draft.kind))
            form.restore_draft(draft)
            forms.append(form)
        if forms:
            self.tabs.setCurrentWidget(forms[0])
        self.drafts_bar.setVisible(False)
        self._offered = []
        return forms

    def discard_drafts(self) -> None:
        for draft in self._offered:
            self.drafts.remove(draft.key)
        self._offered = []
        self.drafts_bar.setVisible(False)

    # ------------------------------------------------------------ actions and menus

    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New ticket…"), self.choose_kind, "Ctrl+N",
                                       self.tr("Create a ticket; choose its kind"))
        self.new_actions = []
        for spec in KINDS.values():
            action = QAction(spec.menu_label(), self)
            if spec.shortcut:
                action.setShortcut(spec.shortcut)
            action.triggered.connect(lambda _c=False, k=spec.kind: self.new_ticket(k))
            self.new_actions.append(action)
        self.save_action = self._action(self.tr("&Save"), self.save_current, "Ctrl+S")
        self.close_action = self._action(self.tr("&Close tab"), self.close_current, "Ctrl+W")
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.search_action = self._action(self.tr("&Search tickets"), self._search, "Ctrl+K")
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, "F5")
        self.goto_action = self._action(self.tr("&Go to ticket…"), self.go_to_ticket, "Ctrl+G")
        self.view_actions = [
            self._action(self.tr("Queue view {n}").format(n=i),
                         lambda i=i: self.pane.switch_view(i - 1), f"Ctrl+{i}")
            for i in range(1, 10)]
        self.report_action = self._action(self.tr("SLA &attainment…"), self.open_sla_report,
                                          tip=self.tr("Targets met and breached per policy, "
                                                      "group and month"))
        self.calendars_action = self._action(self.tr("Business &calendars…"),
                                             self.open_calendar_editor,
                                             tip=self.tr("Working hours, holidays and make-up "
                                                         "workdays of the SLA clocks"))
        self.policies_action = self._action(self.tr("SLA &policies…"), self.open_policy_editor,
                                            tip=self.tr("Which tickets get which targets"))
        self.settings_action = self._action(
            self.tr("Desk &settings…"), self.open_settings,
            tip=self.tr("Attachment limit, how outages travel in the CMDB, major incidents"))
        self.cmdb_action = self._action(self.tr("&CMDB"), self.open_cmdb, "Ctrl+Shift+C",
                                        self.tr("Browse configuration items"))
        self.cmdb_window: CmdbWindow | None = None

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addAction(self.new_action)
        new_menu = file.addMenu(self.tr("New &kind"))
        for action in self.new_actions:
            new_menu.addAction(action)
        file.addSeparator()
        file.addAction(self.save_action)
        file.addAction(self.close_action)
        file.addSeparator()
        file.addAction(self.quit_action)

        go = bar.addMenu(self.tr("&Go"))
        go.addAction(self.search_action)
        go.addAction(self.goto_action)
        go.addAction(self.refresh_action)
        views = go.addMenu(self.tr("&Queue views"))
        for action in self.view_actions:
            views.addAction(action)

        pane_actions = self._pane_actions()
        self.tickets_menu = bar.addMenu(self.tr("&Tickets"))
        for action in pane_actions:
            self.tickets_menu.addAction(action)
        self.tickets_menu.menuAction().setVisible(bool(pane_actions))

        tools = bar.addMenu(self.tr("&CMDB"))
        tools.addAction(self.cmdb_action)

        reports = bar.addMenu(self.tr("&Reports"))
        reports.addAction(self.report_action)
        self.admin_menu = bar.addMenu(self.tr("&Administration"))
        self.admin_menu.addAction(self.calendars_action)
        self.admin_menu.addAction(self.policies_action)
        admin_only = self.me.role == Role.ADMIN  # leads only read settings
        self.admin_menu.addSeparator().setVisible(admin_only)
        self.admin_menu.addAction(self.settings_action)
        self.settings_action.setVisible(admin_only)
        self.admin_menu.menuAction().setVisible(self.is_administrator())

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.language_actions = self._language_actions(self.language_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Desk"), self._about))

    def _language_actions(self, menu: QMenu) -> dict[str | None, QAction]:
        """One checkable entry per language; language names are written in their own
        language, so whoever cannot read the current one still finds theirs."""
        group = QActionGroup(menu)
        chosen = self.language = chosen_language()
        actions: dict[str | None, QAction] = {}
        for language, text in ((None, self.tr("System language")), ("en", "English"),
                               ("zh_CN", "简体中文")):
            action = QAction(text, menu, checkable=True)
            action.setChecked(language == chosen)
            action.triggered.connect(lambda _c=False, lang=language: self.set_language(lang))
            group.addAction(action)
            menu.addAction(action)
            actions[language] = action
        menu.addSeparator()
        note = menu.addAction(self.tr("Applies when Desk next starts"))
        note.setEnabled(False)
        return actions

    def set_language(self, language: str | None) -> None:
        """Keep the language for the next start (translations are loaded at start)."""
        try:
            choose_language(language)
        except (OSError, ConfigError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else err
            self.statusBar().showMessage(
                self.tr("The language could not be saved: {reason}").format(reason=reason),
                10_000)
            self.language_actions[self.language].setChecked(True)
            return
        self.language = language
        if language is None:
            message = self.tr("Desk will follow the system's language from its next start.")
        else:
            message = self.tr("Desk will start in {language} next time.").format(
                language=self.language_actions[language].text())
        self.statusBar().showMessage(message, 10_000)

    def _pane_actions(self) -> list[QAction]:
        """The pane's bulk actions for the Tickets menu. One the window has already (the
        same shortcut, e.g. F5) is left out and loses its shortcut: two actions on one key
        would make Qt refuse both as ambiguous."""
        mine = {a.shortcut().toString() for a in self.actions() if not a.shortcut().isEmpty()}
        out = []
        for action in self.pane.actions():
            key = action.shortcut().toString()
            if key and key in mine:
                action.setShortcut(QKeySequence())
                continue
            out.append(action)
        return out

    def _search(self) -> None:
        self.pane.focus_search()

    def refresh(self) -> None:
        self.pane.refresh()
        form = self.current_form()
        if form is not None:
            form.refresh()
        self.check_connection()

    def open_cmdb(self) -> None:
        """The CMDB in its own window (one; brought forward when open): the browser needs
        more width than the ticket pane has."""
        if self.cmdb_window is None or not isValid(self.cmdb_window):
            self.cmdb_window = CmdbWindow(self.runner, self.settings)
            self.cmdb_window.openTicketRequested.connect(self._open_ticket_from_cmdb)
        self.cmdb_window.show()
        self.cmdb_window.raise_()
        self.cmdb_window.activateWindow()

    def _open_ticket_from_cmdb(self, ticket_id: uuid.UUID) -> None:
        self.open_ticket(ticket_id)
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------ SLA administration

    def is_administrator(self) -> bool:
        """Team leads and administrators set up calendars and policies."""
        return self.me.role in (Role.TEAM_LEAD, Role.ADMIN)

    def _open_dialog(self, name: str, make: Callable[[], QDialog]) -> QDialog:
        """One instance of each SLA dialog, non-modal; brought forward when open."""
        dialog = self.sla_dialogs.get(name)
        if dialog is None or not isValid(dialog):
            dialog = make()
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.sla_dialogs[name] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_calendar_editor(self) -> QDialog:
        from desk.ui.sla.calendar_editor import CalendarEditor

        return self._open_dialog("calendars", lambda: CalendarEditor(self.runner, self))

    def open_policy_editor(self) -> QDialog:
        from desk.ui.sla.policy_editor import PolicyEditor

        return self._open_dialog("policies", lambda: PolicyEditor(self.runner, self))

    def open_settings(self) -> QDialog:
        from desk.ui.settings_dialog import SettingsDialog

        return self._open_dialog("settings", lambda: SettingsDialog(self.runner, self))

    def open_sla_report(self) -> QDialog:
        from desk.ui.sla.report import AttainmentDialog

        return self._open_dialog("report", lambda: AttainmentDialog(self.runner, self))

    def _about(self) -> None:
        from desk import __version__

        QMessageBox.about(self, self.tr("About Desk"), self.tr(
            "<b>Desk {version}</b><br>A service desk console (ITIL / ISO/IEC 20000).")
            .format(version=__version__))

    # ------------------------------------------------------------ status bar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        target = self.runner.db.target
        if target.is_sqlite:
            where = self.tr("File: {path}").format(path=target.display())
        else:
            where = self.tr("Server: {server}").format(server=target.display())
        self.db_label = QLabel(where, self)
        self.db_label.setToolTip(self.tr("The database this console works on"))
        name = self.me.display_name
        if self.me.role in Role._value2member_map_:
            signed_in = self.tr("Signed in as {name} ({role})").format(
                name=name, role=Role(self.me.role).label)
        else:
            signed_in = self.tr("Signed in as {name}").format(name=name)
        self.user_label = QLabel(signed_in, self)
        self.connection_label = QLabel(self.tr("Connected"), self)
        self.live_label = QLabel(self)
        self.live_label.setVisible(False)  # until live updates report (show_live)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(90)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Working"))
        self.busy_bar.setVisible(False)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.live_label)

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    def _failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self.check_connection()

    def check_connection(self) -> None:
        self.runner.read(catalog.ping, owner=self, on_done=lambda _ok: self._set_connected(True),
                         on_error=self._ping_failed, label="ping")

    def _ping_failed(self, err: BaseException) -> None:
        if not isinstance(err, DeskError):
            raise err
        self._set_connected(False, str(err) if isinstance(err, ConnectionFailed) else "")

    def _set_connected(self, ok: bool, reason: str = "") -> None:
        self.connection_label.setText(self.tr("Connected") if ok else self.tr("Disconnected"))
        self.connection_label.setToolTip(reason)

    def show_live(self, online: bool) -> None:
        """Whether other consoles' changes arrive by themselves (live updates' status)."""
        self.live_label.setText(self.tr("Live") if online
                                else self.tr("Offline — reconnecting…"))
        self.live_label.setToolTip(
            self.tr("Changes made in other consoles appear here without refreshing") if online
            else self.tr("Changes made in other consoles appear after F5 until the "
                         "connection is back"))
        self.live_label.setVisible(True)

    # ------------------------------------------------------------ state and closing

    def restore_state(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("window/splitter")
        # Applied when the first tab opens: with no tab the queue has the whole width.
        self._splitter_state = splitter if isinstance(splitter, QByteArray) else None
        self.pane.restore_state(s)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        if self.tabs.isVisible():
            self._splitter_state = self.splitter.saveState()
        if self._splitter_state is not None:
            s.setValue("window/splitter", self._splitter_state)
        self.pane.save_state(s)
        s.sync()

    def unsaved_forms(self) -> list[TicketForm]:
        return [f for f in self.forms.values() if f.has_unsaved()]

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_forms()
        if self._close_approved or not unsaved:
            self.save_state()
            if self.cmdb_window is not None and isValid(self.cmdb_window):
                self.cmdb_window.close()
                self.cmdb_window.deleteLater()
                self.cmdb_window = None
            self._ping_timer.stop()
            self.notifications.stop()
            for form in list(self.forms.values()):
                form.dispose()
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        if self.question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("{n} open tickets have unsaved changes. Save them before "
                                  "quitting?").format(n=len(unsaved))
                          if len(unsaved) != 1 else
                          self.tr("{title} has unsaved changes. Save them before quitting?")
                          .format(title=unsaved[0].tab_title()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        self.question = box

        def answered(_result: int) -> None:
            self.question = None
            button = box.standardButton(box.clickedButton()) if box.clickedButton() else None
            box.deleteLater()
            if button == QMessageBox.StandardButton.Discard:
                for form in unsaved:
                    form.discard()
                self._close_approved = True
                self.close()
            elif button == QMessageBox.StandardButton.Save:
                self._save_all_then_close(unsaved)

        box.finished.connect(answered)
        box.open()

    def _save_all_then_close(self, forms: list[TicketForm]) -> None:
        remaining = list(forms)

        def next_one(ok: bool = True) -> None:
            if not ok:
                return  # the form shows why; the window stays open
            if not remaining:
                self._close_approved = True
                self.close()
                return
            form = remaining.pop(0)
            self.tabs.setCurrentWidget(form)
            form.save(then=next_one)

        next_one()
