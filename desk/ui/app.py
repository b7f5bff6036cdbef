"""Starting the console: Qt application, translations, the qasync loop, opening the
database off the GUI thread, signing in, and the main window.

The start is one coroutine (``Startup.run``) on the qasync loop: it reads top to bottom like
the steps a user sees, while the GUI stays responsive. Blocking work (connecting, migrating)
runs in the loop's executor; dialogs are opened non-blocking and awaited through their
``finished`` signal, so no nested event loop ever runs inside a coroutine.

Passwords: the database is first opened without asking; when the server refuses, the GUI
thread asks, keeps the answer in the session's ``PasswordStore`` and tries again. The worker
thread never shows a dialog.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import hashlib
import logging
import os
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import isValid

from desk import __version__
from desk import config as local_config
from desk.connect import (
    APP_NAME,
    Database,
    DatabaseTarget,
    PasswordStore,
    open_database,
    parse_db_url,
    start_position,
)
from desk.domain.enums import Role
from desk.drafts import DraftStore, database_key
from desk.errors import AuthenticationFailed, DeskError, ValidationError
from desk.i18n import _, set_backend
from desk.services import people
from desk.services.people import CurrentUser
from desk.slaops.admin import start_sla
from desk.ui.dialogs import (
    ChooseDatabaseDialog,
    FirstAdminDialog,
    PasswordDialog,
    StartupErrorDialog,
    StartupWindow,
    UserPickDialog,
    show_error,
)
from desk.ui.gc import GuiThreadCollector
from desk.ui.i18n import translate, ui_locale
from desk.ui.live import LiveUpdates
from desk.ui.main_window import MainWindow
from desk.ui.worker import DbRunner

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
ORGANIZATION = "Desk"


# ---------------------------------------------------------------- can Qt open a window?

# What Qt's xcb platform plugin loads (find_library name, soname, Debian package). Qt does
# not check them before loading the plugin: one missing aborts the process (exit 134, core
# dump), and its message names libxcb-cursor0 whichever is missing.
XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor.so.0", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm.so.4", "libxcb-icccm4"),
    ("xcb-image", "libxcb-image.so.0", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("xcb-render-util", "libxcb-render-util.so.0", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape.so.0", "libxcb-shape0"),
    ("xkbcommon-x11", "libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)
XCB_INSTALL = ("sudo apt-get install -y --no-install-recommends "
               + " ".join(package for _n, _s, package in XCB_LIBRARIES))


def has_library(name: str, soname: str) -> bool:
    """Whether the dynamic loader finds the library (by the linker cache, else by loading
    its soname, as the plugin would)."""
    if ctypes.util.find_library(name) is not None:
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_packages(environ: Mapping[str, str],
                         found: Callable[[str, str], bool] | None = None) -> list[str]:
    """The packages of the xcb plugin's libraries that are missing, when Qt is about to use
    that plugin (X11 display, no other platform chosen); empty otherwise. ``found(name,
    soname)`` answers whether a library is there (default: ``has_library``)."""
    found = found or has_library
    platform = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if not environ.get("DISPLAY") or platform not in ("", "xcb"):
        return []
    return [package for name, soname, package in XCB_LIBRARIES if not found(name, soname)]


def xcb_problem(environ: Mapping[str, str],
                found: Callable[[str, str], bool] | None = None) -> str | None:
    """The one-line reason Desk cannot open a window here, with the install line."""
    missing = missing_xcb_packages(environ, found)
    if not missing:
        return None
    return _("desk: cannot open a window: Qt's X11 platform needs {packages}. Install them "
             "with: {command}").format(packages=", ".join(missing), command=XCB_INSTALL)


# ---------------------------------------------------------------- application set-up


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Desk's catalogue for the system locale (English when there is none) plus Qt's own
    (standard buttons), and the core's ``_()`` pointed at Qt's translation."""
    locale = locale or QLocale.system()
    installed = []
    desk_tr = QTranslator(app)
    if desk_tr.load(locale, "desk", "_", str(TRANSLATIONS)):
        app.installTranslator(desk_tr)
        installed.append(desk_tr)
    qt_tr = QTranslator(app)
    if qt_tr.load(locale, "qtbase", "_",
                  QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        installed.append(qt_tr)
    set_backend(lambda s: QCoreApplication.translate("desk", s))
    return installed


def use_language(app: QCoreApplication) -> list[QTranslator]:
    """The language chosen in the console (else the system's) for this run: its catalogues,
    and its formats and name order for every ``QLocale()`` the console makes."""
    locale = ui_locale()
    QLocale.setDefault(locale)
    return install_translators(app, locale)


def stylesheet() -> str:
    """Spacing and shapes only; colours come from the palette (light and dark schemes)."""
    try:
        return (RESOURCES / "desk.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setStyleSheet(stylesheet())
    return app


def signin_key(target: DatabaseTarget) -> str:
    digest = hashlib.sha1(database_key(target).encode("utf-8")).hexdigest()[:16]
    return f"signin/{digest}"


# ---------------------------------------------------------------- awaitables over Qt


async def ask(dialog: QDialog) -> int:
    """Open ``dialog`` (non-blocking) and wait for its result."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


async def on_worker(runner: DbRunner, fn: Callable[..., Any], *args: Any,
                    write: bool = False) -> Any:
    """Run ``fn(db, *args)`` on the database worker and wait for its answer."""
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def done(result: Any) -> None:
        if not future.done():
            future.set_result(result)

    def failed(err: BaseException) -> None:
        if not future.done():
            future.set_exception(err)

    submit = runner.write if write else runner.read
    submit(fn, *args, on_done=done, on_error=failed)
    return await future


# ---------------------------------------------------------------- the start


class Startup(QObject):
    """Opens the database, signs the user in and shows the main window.

    ``dialog`` holds whichever dialog is waiting for the user (tests answer it).
    """

    def __init__(self, db_url: str | None = None, user: str | None = None, *,
                 settings: QSettings | None = None, drafts: DraftStore | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_url = db_url
        self.user = user
        self.settings = settings if settings is not None else QSettings()
        self.drafts = drafts
        self.passwords = PasswordStore()  # no prompt: only the GUI thread asks
        self.splash = StartupWindow()
        self.dialog: QDialog | None = None
        self.db: Database | None = None
        self.runner: DbRunner | None = None
        self.window: MainWindow | None = None
        self.live: LiveUpdates | None = None
        self._opened_url: str | None = None  # the url ``open`` last opened
        self._asked: set[str] = set()  # servers whose password was asked this session
        self._chosen_urls: set[str] = set()  # databases the user picked in the chooser
        # Connecting and migrating block: one thread of their own, never the GUI thread.
        self._opener = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-open")

    async def run(self) -> MainWindow | None:
        """The main window, shown; None when the user quit before it opened."""
        self.splash.show()
        try:
            while True:
                db = await self.open()
                if db is None:
                    return None
                self.db = db
                self.runner = DbRunner(db)
                try:
                    me = await self.sign_in(self.runner, db)
                except DeskError as err:
                    # Not a person of this desk (or the server went away meanwhile):
                    # Retry once an administrator has added them, or another database.
                    self._close_database()
                    self.db_url = await self._after_error(str(err), self._opened_url)
                    if self.db_url is None:
                        return None
                    continue
                break
            if me is None:
                self.shutdown()
                return None
            await self.start_sla(self.runner)
            # Listening starts before the window first loads anything: nothing is missed.
            self.live = await self.start_live(self.runner)
            self.window = MainWindow(self.runner, me, settings=self.settings,
                                     drafts=self.drafts)
            if self.live is not None:
                self.live.status_changed.connect(self.window.show_live)
            self.window.show()
            GuiThreadCollector.freeze()
            return self.window
        finally:
            self.splash.close()

    async def start_live(self, runner: DbRunner) -> LiveUpdates | None:
        """Other consoles' changes arriving by themselves; None when they cannot (the
        console works on, refreshed by F5)."""
        try:
            position = await on_worker(runner, start_position)
        except DeskError as err:
            log.warning("live updates not available: %s", err)
            return None
        return LiveUpdates(runner, position, self)

    async def start_sla(self, runner: DbRunner) -> None:
        """Default calendars and policies on a fresh database, and the queue's SLA columns,
        before the queue first asks for its columns. A failure here costs the SLA columns,
        not the console."""
        self.splash.set_state(translate("Loading SLA calendars…"))
        try:
            await on_worker(runner, start_sla, write=True)
        except DeskError as err:
            log.warning("SLA set-up failed: %s", err)
            show_error(self.splash, translate("SLA not available"), str(err))

    def shutdown(self) -> None:
        self._opener.shutdown(wait=False, cancel_futures=True)
        if self.window is not None and isValid(self.window):
            # Gone before the runner stops, so no view timer calls a stopped runner.
            shiboken6.delete(self.window)
        self.window = None
        # Delete on the GUI thread now, not whenever Python's collector runs (which may be
        # on a worker thread, where Qt refuses to stop the widget's timers).
        self.splash.close()
        self.splash.deleteLater()
        self._close_database()

    def _close_database(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None
        if self.runner is not None:
            self.runner.shutdown()
            self.runner.deleteLater()  # its busy timer must die on the GUI thread
            self.runner = None
        if self.db is not None:
            self.db.dispose()
            self.db = None

    async def _ask(self, dialog: QDialog) -> int:
        self.dialog = dialog
        try:
            return await ask(dialog)
        finally:
            self.dialog = None
            dialog.deleteLater()

    # ------------------------------------------------------------ opening

    async def open(self) -> Database | None:
        url = self.db_url
        while not url:
            try:
                url = local_config.configured_database()
                break  # None: the embedded default
            except DeskError as err:
                # A broken configuration file: Retry reads it again, or choose a database.
                url = await self._after_error(str(err), None)
                if url is None:
                    return None
        loop = asyncio.get_running_loop()
        keep_in_keyring: str | None = None
        while True:
            try:
                target = parse_db_url(url)
            except DeskError as err:
                url = await self._after_error(str(err), url)
                if url is None:
                    return None
                continue
            self.splash.set_state(translate("Opening database {where}…").format(
                where=target.display()))
            try:
                # Only the embedded default (a first start) and a file the user chose in
                # the chooser may be created: a mistyped --db or configured path is named
                # as missing instead of becoming a new empty desk.
                create = not url or url in self._chosen_urls
                db = await loop.run_in_executor(
                    self._opener, partial(open_database, target, self.passwords, create=create))
            except AuthenticationFailed as err:
                self.passwords.forget(target)
                keep_in_keyring = None
                dialog = PasswordDialog(
                    translate("Password for {who}").format(who=target.display()),
                    str(err) if self._asked_before(target) else "", self.splash)
                if await self._ask(dialog) == QDialog.DialogCode.Accepted:
                    password = dialog.password()
                    self.passwords.remember_for_session(target, password)
                    if dialog.remember():
                        keep_in_keyring = password
                    dialog.edit.clear()
                    self._asked.add(target.keyring_key())
                    continue
                url = await self._after_error(str(err), url)
                if url is None:
                    return None
                continue
            except DeskError as err:
                url = await self._after_error(str(err), url)
                if url is None:
                    return None
                continue
            if keep_in_keyring is not None:
                try:
                    self.passwords.save(target, keep_in_keyring)
                except DeskError as err:
                    show_error(None, translate("Password not stored"), str(err))
            self._opened_url = url
            return db

    def _asked_before(self, target: DatabaseTarget) -> bool:
        return target.keyring_key() in self._asked

    async def _after_error(self, message: str, url: str | None) -> str | None:
        """Retry (same url), another database (its url), or None to quit."""
        self.splash.set_state(message, busy=False)
        choice = await self._ask(StartupErrorDialog(message, self.splash))
        if choice == StartupErrorDialog.RETRY:
            return url or ""
        if choice == StartupErrorDialog.CHOOSE:
            current = url or str(parse_db_url(None).sqlite_path or "")
            chooser = ChooseDatabaseDialog(current, self.splash)
            if await self._ask(chooser) == QDialog.DialogCode.Accepted:
                chosen = chooser.chosen_url()
                if chooser.make_default():
                    try:
                        values = local_config.load()
                    except DeskError:  # broken: the user's choice replaces it
                        values = {}
                    values["database"] = parse_db_url(chosen).url.render_as_string(
                        hide_password=True)
                    local_config.save(values)
                self._chosen_urls.add(chosen)
                return chosen
            return await self._after_error(message, url)
        return None

    # ------------------------------------------------------------ who am I

    async def sign_in(self, runner: DbRunner, db: Database) -> CurrentUser | None:
        """Who uses this console; None when the user gave up. Raises ``DeskError`` (on
        PostgreSQL: ``NotADeskUser``) when the login is nobody here."""
        self.splash.set_state(translate("Signing in…"))
        if db.target.is_postgresql:
            return await self._sign_in_as_login(runner, db)
        key = signin_key(db.target)
        for candidate in (self.user, self.settings.value(key)):
            if not candidate:
                continue
            me = await on_worker(runner, people.current_user, str(candidate))
            if me is not None:
                self.settings.setValue(key, me.username)
                return me
            if candidate == self.user:
                show_error(self.splash, translate("Unknown user"),
                           translate("There is no user {name} in this database.").format(
                               name=self.user))
        users = await on_worker(runner, people.list_users)
        if not users:
            username = await self._create_first_admin(runner)
        else:
            picker = UserPickDialog(users, db.target.display(), self.splash)
            if await self._ask(picker) != QDialog.DialogCode.Accepted:
                return None
            username = picker.username()
        if not username:
            return None
        me = await on_worker(runner, people.current_user, username)
        if me is not None:
            self.settings.setValue(key, me.username)
        return me

    async def _sign_in_as_login(self, runner: DbRunner, db: Database) -> CurrentUser | None:
        """On a shared database a person is their login: no picker. Only the database
        owner (maintenance) may name someone else (``--user``), and sets up the first
        administrator of an empty desk."""
        login = db.target.url.username or ""
        me = await on_worker(runner, people.current_user, self.user or login)
        if me is not None:
            return me
        # Only the owner's login gets here: anyone else is their own user or refused.
        if await on_worker(runner, people.list_users):
            raise DeskError(translate("There is no user {name} in this database.").format(
                name=self.user or login))
        username = await self._create_first_admin(runner)
        if not username:
            return None
        return await on_worker(runner, people.current_user, username)

    async def _create_first_admin(self, runner: DbRunner) -> str | None:
        dialog = FirstAdminDialog(self.splash)
        created: asyncio.Future[str] = asyncio.get_running_loop().create_future()

        async def create(username: str, display: str) -> None:
            try:
                user, _changes = await on_worker(runner, people.create_user, username,
                                                 display, Role.ADMIN, write=True)
            except ValidationError as err:
                dialog.show_error(err.field, str(err))
                return
            except DeskError as err:
                dialog.show_error(None, str(err))
                return
            if not created.done():
                created.set_result(user.username)
            dialog.accept()

        tasks: set[asyncio.Task[None]] = set()

        def submitted(username: str, display: str) -> None:
            task = asyncio.ensure_future(create(username, display))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

        dialog.submitted.connect(submitted)
        result = await self._ask(dialog)
        if result != QDialog.DialogCode.Accepted:
            return None
        return await created


# ---------------------------------------------------------------- entry point


def run(db_url: str | None = None, user: str | None = None) -> int:
    """``desk`` / ``desk gui``: run the console until its window closes. Exit status."""
    import qasync

    problem = xcb_problem(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    app = make_application()
    use_language(app)
    app.setQuitOnLastWindowClosed(False)  # the coroutine decides when the console ends
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    startup = Startup(db_url, user)

    async def main() -> int:
        window = await startup.run()
        if window is None:
            return 1
        closed: asyncio.Future[None] = loop.create_future()
        window.closed.connect(lambda: closed.done() or closed.set_result(None))
        await closed
        return 0

    try:
        with loop:
            status = loop.run_until_complete(main())
    finally:
        startup.shutdown()
        collector.stop()
        set_backend(None)
    return status
