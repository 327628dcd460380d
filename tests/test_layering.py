"""The domain and the store must work with Textual absent: the TUI is one client among several.

Each domain module is imported in a fresh interpreter where importing ``textual`` fails, so a
stray import anywhere in the chain is caught, not masked by a module cached by another test.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import verifier

DOMAIN_PACKAGES = ("ingest", "text", "corroborate", "store", "export")
BLOCKER = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError("textual is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import importlib
importlib.import_module(sys.argv[1])
assert not any(m == "textual" or m.startswith("textual.") for m in sys.modules), "textual leaked"
"""


def domain_modules() -> list[str]:
    names = ["verifier.models", "verifier.pipeline", "verifier.safety", "verifier.cli"]
    cli = [f"{verifier.__path__[0]}/cli"]
    names += [f"verifier.cli.{m.name}" for m in pkgutil.iter_modules(cli)]
    for package in DOMAIN_PACKAGES:
        names.append(f"verifier.{package}")
        path = [f"{verifier.__path__[0]}/{package}"]
        names += [f"verifier.{package}.{m.name}" for m in pkgutil.iter_modules(path)]
    return names


@pytest.mark.parametrize("module", domain_modules())
def test_domain_module_imports_without_textual(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, module], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_tui_never_parses_text() -> None:
    """The TUI shows what the text stage stored; it must not import the NLP itself."""
    import ast
    from pathlib import Path

    tui = Path(verifier.__path__[0]) / "tui"
    for file in tui.rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("verifier.text", "verifier.ingest", "nltk")), (
                    f"{file.name} imports {node.module}"
                )
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(("verifier.text", "nltk")), file.name


def _outside_store() -> list[tuple[str, object]]:
    """Every module outside ``verifier/store/`` with its parsed tree."""
    import ast
    from pathlib import Path

    root = Path(verifier.__path__[0])
    return [
        (str(file.relative_to(root)), ast.parse(file.read_text(encoding="utf-8")))
        for file in sorted(root.rglob("*.py"))
        if file.relative_to(root).parts[0] != "store"
    ]


def test_sql_lives_only_in_the_store() -> None:
    """Other packages ask the store through its public API: no SQL, no private store names."""
    import ast

    from verifier.store import db

    private = {n for n in vars(db.Store) if n.startswith("_") and not n.endswith("__")}
    private |= {n for n in vars(db) if n.startswith("_") and not n.startswith("__")}
    for name, tree in _outside_store():
        assert isinstance(tree, ast.AST)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                owner = node.value.id if isinstance(node.value, ast.Name) else ""
                assert node.attr not in ("execute", "executemany", "executescript"), (
                    f"{name}:{node.lineno} runs SQL outside the store"
                )
                assert owner == "self" or node.attr not in private, (
                    f"{name}:{node.lineno} uses the store's private {node.attr}"
                )
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if isinstance(node, ast.ImportFrom) and module.startswith("verifier.store"):
                hidden = [a.name for a in node.names if a.name.startswith("_")]
                assert not hidden, f"{name} imports {hidden} from {node.module}"


READINGS = frozenset(
    {
        "verifier.text.numbers",
        "verifier.text.passage",
        "verifier.text.predicates",
        "verifier.text.speakers",
        "verifier.text.terms",
        "verifier.text.figures",
        "verifier.text.cues",
        "verifier.text.retelling",
        "verifier.text.events",
        "verifier.text.stopwords",
    }
)
"""The text stage's readings later stages may import (public names only): numbers, passage
facts, what a sentence says happened, speakers, index terms, claim figures, cue strength and
hedges, retellings, articles' event names, and the stopword list the text stage and the
retrieval query share (it lived in ``corroborate`` until the event reading in ``text`` needed
it too)."""
DISPLAY_ONLY = {"tui/text.py"}
"""Regexes that only make text safe to show (control characters), never read its meaning."""


def test_later_stages_read_meaning_only_through_the_text_stage() -> None:
    """Corroboration, provenance, priority and the TUI import readings from ``text``; they
    never re-parse text themselves: no regex, no NLP, no word lists, no text internals."""
    import ast

    later = ("corroborate/", "provenance/", "priority.py", "tui/")
    for name, tree in _outside_store():
        if not name.startswith(later):
            continue
        assert isinstance(tree, ast.AST)
        for node in ast.walk(tree):
            modules: list[tuple[str, list[str]]] = []
            if isinstance(node, ast.Import):
                modules = [(a.name, []) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [(node.module, [a.name for a in node.names])]
            for module, names in modules:
                assert module.split(".")[0] != "nltk", f"{name} imports {module}"
                if module == "re" and name not in DISPLAY_ONLY:
                    raise AssertionError(f"{name} parses text with regular expressions")
                if module.startswith("verifier.text"):
                    assert module in READINGS, f"{name} imports {module}, not a reading"
                    hidden = [n for n in names if n.startswith("_")]
                    assert not hidden, f"{name} imports {hidden} from {module}"
