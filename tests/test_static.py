"""The package type-checks (it ships ``py.typed``), passes its linter, and keeps its layers.

Layers, bottom to top: ``punct`` and ``checks``; ``records``; ``text``, ``morph``, ``lexicon``;
then the summaries (``scoring``, ``summarizer``, ``keywords``) and the quotes (``quotes/``), which
never import each other, with ``factcheck`` beside them; on top ``batch``, ``dask``, ``display``,
``export``, ``cli`` and the package itself.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def test_mypy_finds_no_type_errors():
    result = run("mypy", "--no-error-summary")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = run("ruff", "check", "summarize", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


# -- the package's layers, read from its source with ast ------------------------------------------
PACKAGE = ROOT / "summarize"
LAYERS = {
    "punct": 0,
    "checks": 0,
    "records": 1,
    "text": 2,
    "morph": 2,
    "lexicon": 2,
    "scoring": 3,
    "summarizer": 3,
    "keywords": 3,
    "features": 3,
    "sentence_model": 3,
    "quotes": 3,
    "factcheck": 3,
    "batch": 4,
    "dask": 4,
    "display": 4,
    "export": 4,
    "cli": 4,
    "__init__": 4,
    "__main__": 4,
}
"""Bottom to top: a module imports only from layers below its own (the top layer excepted)."""
SIDES = {
    "scoring": "summaries",
    "summarizer": "summaries",
    "keywords": "summaries",
    "features": "summaries",
    "sentence_model": "summaries",
    "quotes": "quotes",
}
"""Modules of layer 3 that may import each other: those of one side (factcheck is alone)."""
LAZY_UP = {("records", "display"), ("records", "export")}
"""The only imports upward: records' methods import display and export when called."""
MAX_LINES = 500


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name ("summarize.quotes" is the package's __init__)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path) -> list[tuple[str, str, bool]]:
    """(module imported, name imported or "", inside a function) for every import of the package's own.

    Imports inside functions and under ``TYPE_CHECKING`` count like any other.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    inside = {id(node) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef) for node in ast.walk(fn)}
    known = modules()
    found = []
    for node in ast.walk(tree):
        lazy = id(node) in inside
        if isinstance(node, ast.Import):
            found += [(alias.name, "", lazy) for alias in node.names if alias.name.startswith("summarize")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("summarize"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub, "", lazy) if sub in known else (target, alias.name, lazy))
    return found


def unit(name: str) -> str:
    """The layer unit of a module: its first part under summarize ("summarize.quotes.cues" -> "quotes")."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layering_errors() -> list[str]:
    errors = []
    for name, path in modules().items():
        here = unit(name)
        if here not in LAYERS:
            errors.append(f"{name} has no layer: add it to LAYERS")
            continue
        for target, imported, lazy in imports(name, path):
            there = unit(target)
            if imported.startswith("_") and not imported.startswith("__"):
                errors.append(f"{name} imports the private name {imported} from {target}")
            if there not in LAYERS:
                errors.append(f"{name} imports {target}, which has no layer")
                continue
            if here == there:
                continue
            if (here, there) in LAZY_UP and lazy:
                continue
            mine, theirs = LAYERS[here], LAYERS[there]
            if here == "records" and there != "punct":
                errors.append(f"records imports {target}: it may import only punct")
            elif theirs > mine or (theirs == mine and mine < 4 and SIDES.get(here, here) != SIDES.get(there)):
                errors.append(f"{name} (layer {mine}) imports {target} (layer {theirs})")
    return errors


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules it imports (lazily or not), the sanctioned lazy imports upward left out."""
    graph: dict[str, set[str]] = {}
    for name, path in modules().items():
        graph[name] = set()
        for target, _, lazy in imports(name, path):
            if not (lazy and (unit(name), unit(target)) in LAZY_UP) and target != name:
                graph[name].add(target)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` if there is one."""
    state: dict[str, int] = {}  # 1: being visited, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_module_imports_upward_across_sides_or_a_private_name():
    assert layering_errors() == []


def test_no_import_cycle_even_through_imports_inside_functions():
    assert cycle(import_graph()) is None


def test_the_checks_see_what_they_check():
    """The checks themselves catch what they are for (on made-up import graphs and sources)."""
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
    assert "summarize.quotes.cues" in modules() and "summarize.quotes" in modules()
    found = imports("summarize.quotes.cues", PACKAGE / "quotes" / "cues.py")
    assert ("summarize.lexicon", "load", False) in found and (
        "summarize.quotes.document",
        "Doc",
        False,
    ) in found
    assert ("summarize.export", "to_frame", True) in imports("summarize.records", PACKAGE / "records.py")
    assert word_lists('X = frozenset("министр глава мэр губернатор лидер шеф".split())')
    assert word_lists('if w in {"он", "она", "они", "его", "ее", "их"}: pass')
    assert not word_lists('ok = w.endswith(("ова", "ева", "ина", "ына", "ская", "цкая"))')
    assert not word_lists('if w in ("по", "при", "и"): pass')


def test_no_module_is_over_500_lines():
    long = {
        name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


# -- word lists live in summarize/data/ -----------------------------------------------------------
_CYRILLIC_WORD = re.compile(r"[а-яё][а-яё-]*")
MAX_LISTED = 5
"""A literal of more than this many lower-case Russian words is a word list: it belongs in data/."""


def _words(node: ast.AST) -> list[str]:
    """The lower-case Russian words a literal collection (or a "…".split()) spells out."""
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        items = node.elts
    elif isinstance(node, ast.Dict):
        items = [key for key in node.keys if key is not None]
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return [w for w in node.func.value.value.split() if _CYRILLIC_WORD.fullmatch(w)]
    else:
        return []
    return [
        i.value
        for i in items
        if isinstance(i, ast.Constant) and isinstance(i.value, str) and _CYRILLIC_WORD.fullmatch(i.value)
    ]


def word_lists(source: str) -> list[str]:
    """The word lists spelled out in ``source``; endings passed to ``str.endswith``/``startswith`` are
    grammar, not words."""
    tree = ast.parse(source)
    endings = {
        id(arg)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in ("endswith", "startswith")
        for arg in call.args
    }
    return [
        f"line {node.lineno}: {', '.join(words[:3])}, …"
        for node in ast.walk(tree)
        if id(node) not in endings and len(words := _words(node)) > MAX_LISTED
    ]


def test_no_module_spells_out_a_word_list():
    found = {name: lists for name, path in modules().items() if (lists := word_lists(path.read_text()))}
    assert found == {}
