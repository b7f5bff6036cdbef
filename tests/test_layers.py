"""Imports point down: every module of ``desk`` imports only its own layer and the layers
below it, as the table in docs/architecture.md (the one source) lists them; only ``desk.ui``
imports Qt."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desk"
DOC = ROOT / "docs" / "architecture.md"
QT = ("PySide6", "shiboken6", "qasync")

Layers = dict[str, tuple[int, str]]  # module name prefix -> (rank, layer name)


def doc_layers(text: str) -> Layers:
    """The rows ``| <rank> <name> | `module`, … |`` of the layer table."""
    found: Layers = {}
    for line in text.splitlines():
        m = re.match(r"^\|\s*(\d+)\s+([^|]+?)\s*\|(.*)\|\s*$", line)
        if m is None:
            continue
        for name in re.findall(r"`([\w.]+)`", m.group(3)):
            if name in found:
                raise AssertionError(f"{name} is in two rows of the layer table")
            found[name] = (int(m.group(1)), m.group(2))
    return found


def module_names() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def layer_of(module: str, layers: Layers) -> tuple[int, str] | None:
    """The row of the longest name that is ``module`` or a package holding it; the root
    package's row names only the root module (else it would hold every module)."""
    best = None
    for name in layers:
        inside = module.startswith(name + ".") and "." in name
        if (module == name or inside) and (best is None or len(name) > len(best)):
            best = name
    return layers[best] if best is not None else None


def imports_of(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) of every import in the file, function-level ones included;
    ``from package import name`` counts as importing ``package.name`` when that is a
    module (it runs that module), else ``package``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                base = ".".join([*here, base] if base else here)
            out += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return out


def resolve(name: str, modules: dict[str, Path]) -> str:
    """``name`` if it is a module of desk, else the longest module prefix of it."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def test_the_doc_has_the_layer_table() -> None:
    layers = doc_layers(DOC.read_text(encoding="utf-8"))
    assert layers, "docs/architecture.md lost its layer table"
    ranks = sorted({rank for rank, _ in layers.values()})
    assert ranks == list(range(len(ranks))), ranks


def test_every_module_has_a_layer() -> None:
    layers = doc_layers(DOC.read_text(encoding="utf-8"))
    missing = [m for m in module_names() if layer_of(m, layers) is None]
    assert not missing, f"not in the layer table of docs/architecture.md: {missing}"
    stale = [name for name in layers if name not in module_names()]
    assert not stale, f"the layer table names modules that do not exist: {stale}"


def test_imports_point_down() -> None:
    layers = doc_layers(DOC.read_text(encoding="utf-8"))
    modules = module_names()
    upward = []
    for module, path in modules.items():
        rank, name = layer_of(module, layers) or (0, "?")
        for line, imported in imports_of(path, module):
            if imported.split(".")[0] != "desk":
                continue
            target = resolve(imported, modules)
            their = layer_of(target, layers)
            if their is not None and their[0] > rank:
                upward.append(f"{path.relative_to(ROOT)}:{line}: {module} ({name}) imports "
                              f"{target} ({their[1]})")
    assert not upward, "imports pointing up:\n" + "\n".join(upward)


def test_only_the_ui_imports_qt() -> None:
    found = []
    for module, path in module_names().items():
        if module == "desk.ui" or module.startswith("desk.ui."):
            continue
        for line, imported in imports_of(path, module):
            if imported.split(".")[0] in QT:
                found.append(f"{path.relative_to(ROOT)}:{line}: {imported}")
    assert not found, "Qt outside desk.ui:\n" + "\n".join(found)


@pytest.mark.parametrize(("source", "expected"), [
    # A lower layer importing a higher one, at function level: found.
    ("def f():\n    from desk.slaops.admin import start_sla\n", "desk.slaops.admin"),
    # The package form of the same import.
    ("from desk.slaops import admin\n", "desk.slaops.admin"),
])
def test_an_upward_import_is_reported(tmp_path: Path, source: str, expected: str) -> None:
    """The check itself: what a queue module importing the SLA use cases would produce."""
    layers = doc_layers(DOC.read_text(encoding="utf-8"))
    path = tmp_path / "sql.py"
    path.write_text(source, encoding="utf-8")
    modules = module_names()
    (imported,) = [resolve(name, modules) for _, name in imports_of(path, "desk.queues.sql")]
    assert imported == expected
    assert layer_of(imported, layers)[0] > layer_of("desk.queues.sql", layers)[0]  # type: ignore[index]
