"""The Qt layer asks the core for data; it never opens the database itself."""

from __future__ import annotations

import ast
from pathlib import Path

import desk.ui

UI = Path(desk.ui.__file__).resolve().parent


def _db_imports(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        found += [f"{name}:{node.lineno} imports {n}"
                  for n in names if n == "desk.db" or n.startswith("desk.db.")]
    return found


def test_no_ui_module_imports_desk_db():
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 10
    assert [hit for path in modules for hit in _db_imports(
        path.read_text(encoding="utf-8"), str(path.relative_to(UI.parent)))] == []


def test_the_scan_sees_every_form_of_importing_desk_db():
    for line in ("from desk.db.session import Database", "import desk.db.engine",
                 "from desk import db", "def f():\n    from desk.db import url\n"):
        assert _db_imports(line, "probe.py"), line
    assert _db_imports("from desk.connect import Database", "probe.py") == []
