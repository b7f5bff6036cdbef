"""Refresh the translation catalogues and compile them.

    .venv/bin/python tools/update_translations.py

``pyside6-lupdate`` finds ``self.tr(...)`` and ``QCoreApplication.translate(...)`` in
``desk/ui``; it does not know the core's ``_("...")`` helper, so those strings are collected
here (with ``ast``) and handed to lupdate as ``translate("desk", ...)`` calls, the context the
GUI's backend for ``desk.i18n`` uses. Existing translations are kept. Then ``pyside6-lrelease``
compiles each ``.ts`` to the ``.qm`` the console loads.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CATALOGUES = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def core_strings() -> list[tuple[str, str | None]]:
    """Every literal passed to ``_()`` or ``N_()`` in the Qt-free core, and to the GUI's
    free-function helper ``translate()`` (``desk.ui.ticket.common``) with its literal
    ``disambiguation=`` if any; both use the context ``desk``."""
    found: dict[tuple[str, str | None], None] = {}
    for path in sorted((ROOT / "desk").rglob("*.py")):
        in_ui = path.relative_to(ROOT / "desk").parts[0] == "ui"
        helpers = ("translate",) if in_ui else ("_", "N_")
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and len(node.args) == 1
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[(node.args[0].value, _disambiguation(node))] = None
    return list(found)


def _disambiguation(call: ast.Call) -> str | None:
    for keyword in call.keywords:
        if (keyword.arg == "disambiguation" and isinstance(keyword.value, ast.Constant)
                and isinstance(keyword.value.value, str)):
            return keyword.value.value
    return None


def _translate_call(text: str, disambiguation: str | None) -> str:
    extra = "" if disambiguation is None else f", {disambiguation!r}"
    return f"QCoreApplication.translate(\"desk\", {text!r}{extra})\n"


def main() -> int:
    ui_files = sorted(str(p) for p in (ROOT / "desk" / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "core_strings.py"
        shim.write_text("from PySide6.QtCore import QCoreApplication\n" + "".join(
            _translate_call(text, disambiguation) for text, disambiguation in core_strings()),
            encoding="utf-8")
        for lang in LANGUAGES:
            ts = CATALOGUES / f"desk_{lang}.ts"
            subprocess.run([str(BIN / "pyside6-lupdate"), "-locations", "none",
                            "-no-obsolete", *ui_files, str(shim), "-ts", str(ts)], check=True)
            subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
