"""Before Qt loads its X11 (xcb) plugin, Desk checks the libraries the plugin needs: a bare
system gets a one-line message with the install command and exit status 2, not a core dump."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from desk.ui.app import XCB_INSTALL, missing_xcb_packages, xcb_problem

ALL_THERE = {"xcb-cursor", "xcb-icccm", "xcb-image", "xcb-keysyms", "xcb-render-util",
             "xcb-shape", "xkbcommon-x11"}


def finder(present: set[str]):
    asked: list[str] = []

    def found(name: str, soname: str) -> bool:
        asked.append(soname)
        return name in present

    return found, asked


def test_missing_libraries_are_named_when_qt_would_use_xcb() -> None:
    found, _asked = finder(ALL_THERE - {"xcb-icccm", "xcb-keysyms"})
    for env in ({"DISPLAY": ":0"}, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"},
                {"DISPLAY": ":1", "QT_QPA_PLATFORM": "xcb:nograb"}):
        assert missing_xcb_packages(env, found) == ["libxcb-icccm4", "libxcb-keysyms1"]
    message = xcb_problem({"DISPLAY": ":0"}, found)
    assert message is not None and "\n" not in message
    assert "libxcb-icccm4, libxcb-keysyms1" in message
    assert message.endswith(XCB_INSTALL)
    assert XCB_INSTALL == (
        "sudo apt-get install -y --no-install-recommends libxcb-cursor0 libxcb-icccm4 "
        "libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0")


def test_nothing_is_checked_when_qt_would_not_use_xcb() -> None:
    found, asked = finder(set())
    for env in ({}, {"DISPLAY": ""}, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"},
                {"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}):
        assert missing_xcb_packages(env, found) == []
        assert xcb_problem(env, found) is None
    assert asked == []
    found, _asked = finder(ALL_THERE)
    assert xcb_problem({"DISPLAY": ":0"}, found) is None


def test_desk_prints_the_install_line_and_exits_2(tmp_path: Path) -> None:
    """The real command line on a display whose xcb libraries lack icccm (the loader's
    answer is the one thing replaced)."""
    script = textwrap.dedent("""
        import sys
        import desk.ui.app as desk_app
        desk_app.has_library = lambda name, soname: name != "xcb-icccm"
        from desk.cli import main
        sys.exit(main(["gui", "--db", sys.argv[1]]))
    """)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = ":99"
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "desk.sqlite3")],
                          capture_output=True, text=True, timeout=120, env=env,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "desk: cannot open a window: Qt's X11 platform needs libxcb-icccm4. Install them "
        f"with: {XCB_INSTALL}"]
    assert not (tmp_path / "desk.sqlite3").exists()  # stopped before anything started


def test_the_readme_gives_the_same_install_line() -> None:
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert XCB_INSTALL in readme.read_text(encoding="utf-8")
