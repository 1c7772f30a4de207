"""The package boundaries a newcomer relies on: the domain in one place, app and loader apart."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(package: str) -> set[tuple[str, str]]:
    """(module file, imported top-level package) for every import under ``package``."""
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found |= {(str(path.relative_to(ROOT)), a.name.split(".")[0]) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((str(path.relative_to(ROOT)), node.module.split(".")[0]))
    return found


def test_the_web_app_never_imports_the_loader():
    assert sorted(f for f, pkg in _imports("app") if pkg == "indexer") == []


def test_the_loader_never_imports_the_web_app():
    assert sorted(f for f, pkg in _imports("indexer") if pkg == "app") == []


def test_the_domain_imports_neither_side():
    assert sorted(f for f, pkg in _imports("directory") if pkg in ("app", "indexer")) == []


def test_the_loader_cli_starts_without_flask():
    probe = (
        "import sys, runpy; sys.argv = ['indexer', '--help'];\n"
        "try:\n    runpy.run_module('indexer', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'app')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "Load physician profiles" in result.stdout  # the help really printed
    assert result.stdout.strip().splitlines()[-1] == "[]"
