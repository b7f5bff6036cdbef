"""Run the console under Xvfb and save screenshots of its main views as PNGs.

    .venv/bin/python tools/screenshot.py [--db FILE] [--out DIR] [--locale zh_CN] [--dark]

Without DISPLAY an Xvfb server is started on :99 (stopped afterwards). The database is
filled with ``desk demo`` when empty (or, if the demo generator fails, with a small set of
tickets made through the services). The console starts through the same ``Startup`` as
``desk gui``; the script then opens a ticket, a new ticket and a conflict, grabbing each.
Sleeps are fine here: this is a tool for looking, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return None
    if shutil.which("Xvfb") is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print("no Xvfb: grabbing offscreen", file=sys.stderr)
        return None
    proc = subprocess.Popen(["Xvfb", ":99", "-screen", "0", "1600x1000x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = ":99"
    for _ in range(50):
        if Path("/tmp/.X11-unix/X99").exists():
            break
        time.sleep(0.1)
    return proc


def ensure_data(path: Path, tickets: int) -> str:
    """A demo database at ``path``; returns a user name to sign in as."""
    from desk.db.session import open_database
    from desk.services import people

    db = open_database(str(path))
    try:
        if not people.list_users(db):
            try:
                from desk.demo.generate import generate_demo

                generate_demo(db, tickets=tickets, seed=1, locale="en")
            except Exception as err:  # the demo generator is optional for screenshots
                print(f"desk demo failed ({err}); seeding a few tickets instead",
                      file=sys.stderr)
                db.dispose()
                for leftover in path.parent.glob(path.name + "*"):
                    leftover.unlink()
                db = open_database(str(path))
                seed_small(db)
        users = people.list_users(db)
        agents = [u for u in users if u.role == "agent"] or users
        return agents[0].username
    finally:
        db.dispose()


def seed_small(db: object) -> None:
    from desk.domain.enums import Kind, Role, Status
    from desk.models import Contact, Organization
    from desk.services import catalog, people, tickets

    lead, _ = people.create_user(db, "lena", "Lena Lindqvist", Role.TEAM_LEAD)
    agent, _ = people.create_user(db, "arne", "Arne Agent")
    group, _ = people.create_group(db, "Service Desk", team_lead_id=lead.id)
    people.add_member(db, group.id, lead.id)
    people.add_member(db, group.id, agent.id)
    with db.write() as s:
        org = Organization(name="Acme Ltd")
        s.add(org)
        s.flush()
        s.add(Contact(name="Alice Archer", email="alice@acme.example", organization_id=org.id))
    hw, _ = catalog.create_category(db, "Hardware")
    printer, _ = catalog.create_category(db, "Printer", hw.id)
    for i, (kind, title) in enumerate([
            (Kind.INCIDENT, "Printer on floor 2 jams on every page"),
            (Kind.INCIDENT, "VPN drops every hour"),
            (Kind.SERVICE_REQUEST, "New laptop for a new hire"),
            (Kind.PROBLEM, "Recurring print spooler crashes"),
            (Kind.CHANGE, "Replace core switch in building B")]):
        view, _ = tickets.create_ticket(db, agent.id, tickets.NewTicket(
            kind=kind, title=title, group_id=group.id, impact=1 + i % 3, urgency=2,
            category_id=printer.id, description="Reported by phone."))
        if kind is Kind.INCIDENT:
            tickets.add_worklog(db, agent.id, view.id, "internal", "Checked the spooler log.")
            tickets.add_worklog(db, agent.id, view.id, "public", "We are looking into it.")
            view = tickets.get_ticket(db, view.id)
            tickets.update_ticket(db, lead.id, view.id, view.row_version,
                                  {"status": Status.IN_PROGRESS, "assignee_id": agent.id})


def dark_palette(app: object) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    app.setStyle(QStyleFactory.create("Fusion"))
    p = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"),
                        (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1f1f1f"),
                        (QPalette.ColorRole.AlternateBase, "#333333"),
                        (QPalette.ColorRole.Text, "#e6e6e6"),
                        (QPalette.ColorRole.Button, "#353535"),
                        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                        (QPalette.ColorRole.Highlight, "#3d7bd9"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff"),
                        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
                        (QPalette.ColorRole.Mid, "#555555"),
                        (QPalette.ColorRole.ToolTipBase, "#333333"),
                        (QPalette.ColorRole.ToolTipText, "#e6e6e6")):
        p.setColor(role, QColor(color))
    app.setPalette(p)


async def shoot(args: argparse.Namespace, user: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desk.db.session import open_database
    from desk.drafts import DraftStore
    from desk.services import tickets
    from desk.ui.app import Startup

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = ("_dark" if args.dark else "") + (f"_{args.locale}" if args.locale else "")
    settings = QSettings(str(out / "screenshot-settings.ini"), QSettings.Format.IniFormat)
    settings.clear()
    shutil.rmtree(out / "drafts", ignore_errors=True)
    startup = Startup(str(args.db), user, settings=settings,
                      drafts=DraftStore(out / "drafts"))
    window = await startup.run()
    assert window is not None
    window.resize(1500, 920)
    window.show()

    async def settle(seconds: float = 1.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            await asyncio.sleep(0.05)

    def grab(name: str, widget: object = None, screen: bool = False) -> None:
        path = out / f"{name}{suffix}.png"
        if screen:  # popups are windows of their own: grab the screen area of the window
            geo = window.frameGeometry()
            QApplication.primaryScreen().grabWindow(0, geo.x(), geo.y(), geo.width(),
                                                    geo.height()).save(str(path))
        else:
            (widget or window).grab().save(str(path))
        print(path)

    await settle(2.0)
    grab("01_main")

    db = startup.db
    with db.read() as s:
        from sqlalchemy import select

        from desk.models import Ticket, WorklogEntry

        ticket_id = s.scalar(select(WorklogEntry.ticket_id).join(
            Ticket, Ticket.id == WorklogEntry.ticket_id).where(Ticket.kind == "incident")
            .order_by(WorklogEntry.created_at.desc()).limit(1))
    form = window.open_ticket(ticket_id)
    await settle(2.0)
    grab("02_ticket")
    form.tabs.setCurrentWidget(form.history)
    await settle(0.5)
    grab("03_ticket_history")
    form.tabs.setCurrentWidget(form.worklog_tab)

    new = window.new_ticket("incident")
    await settle(1.0)
    new.description.setPlainText("Since this morning the phone shows no new mail.")
    new.impact.setCurrentIndex(1)
    new.urgency.setCurrentIndex(0)
    new.save()  # nothing in the title: the message appears beside it
    await settle(0.5)
    grab("04_new_ticket_validation")
    new.title.setText("Email not syncing on phone")
    new.title.textEdited.emit(new.title.text())
    new.category.open_tree()
    await settle(0.5)
    grab("05_category_tree", screen=True)
    new.category.popup.hide()
    await settle(0.3)

    window.tabs.setCurrentWidget(form)
    form.description.setPlainText(form.description.toPlainText() + "\nUser reports again.")
    form.title.setText(form.title.text() + " (floor 2)")
    form.title.textEdited.emit(form.title.text())
    other = open_database(str(args.db))
    try:
        current = tickets.get_ticket(other, ticket_id)
        tickets.update_ticket(other, None, ticket_id, current.row_version,
                              {"title": f"Checked by another agent at {time.strftime('%H:%M:%S')}",
                               "impact": 1 if current.impact != 1 else 2})
    finally:
        other.dispose()
    form.save()
    await settle(1.5)
    if form.conflict_dialog is not None:
        grab("06_conflict", form.conflict_dialog)
        form.conflict_dialog.reject()
    await settle(0.3)
    window._close_approved = True
    window.close()
    startup.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/ui_demo.sqlite3"))
    parser.add_argument("--out", default="/tmp/screens")
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--locale", default="")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    if args.locale:
        os.environ["LANGUAGE"] = args.locale
        os.environ["LC_ALL"] = f"{args.locale}.UTF-8"
    xvfb = start_xvfb()
    try:
        user = ensure_data(args.db, args.tickets)
        import qasync
        from PySide6.QtCore import QLocale

        from desk.ui.app import install_translators, make_application

        app = make_application(["desk-screenshot"])
        if args.dark:
            dark_palette(app)
        install_translators(app, QLocale(args.locale) if args.locale else None)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(shoot(args, user))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
