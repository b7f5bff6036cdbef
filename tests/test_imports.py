"""Every module of ``desk`` imports alone in a fresh interpreter: no import cycle hides
behind the order in which the application happens to import things."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One interpreter for all modules (one each would take a minute): before each import, every
# ``desk`` module is forgotten, so each one starts from nothing, as in a fresh process.
SCRIPT = r"""
import importlib, json, sys, traceback
failed = {}
for name in json.loads(sys.argv[1]):
    for loaded in [m for m in sys.modules if m == "desk" or m.startswith("desk.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=-3)
print(json.dumps(failed))
"""


def modules() -> list[str]:
    names = []
    for path in sorted((ROOT / "desk").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def environment() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_every_module_imports_alone() -> None:
    # ``desk.__main__`` runs the command when imported: the next test starts it instead.
    names = [n for n in modules() if n != "desk.__main__"]
    assert len(names) > 100
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(names)], cwd=ROOT,
                          env=environment(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    failed = json.loads(done.stdout.strip().splitlines()[-1])
    assert not failed, "\n".join(f"{name}:\n{trace}" for name, trace in failed.items())


def test_python_m_desk_starts() -> None:
    done = subprocess.run([sys.executable, "-m", "desk", "--version"], cwd=ROOT,
                          env=environment(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("desk ")
