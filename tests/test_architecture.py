"""The shape of the code, as tests: no import cycle, short modules and functions, stages that only import downwards,
and every pinned runtime dependency in use.

The import graph is read from the source (ast), imports inside functions included, so a cycle cannot hide behind a
deferred import; only `if TYPE_CHECKING:` blocks are left out (they never run). Each failure names the offender.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "litsite"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80

# Code other engineers are changing while this test was written: each entry names the owner, and the lead empties
# these lists at merge. An entry that no longer exceeds its limit fails the test, so the lists only shrink.
LONG_MODULES_ALLOWED: dict[str, str] = {}
LONG_FUNCTIONS_ALLOWED: dict[str, str] = {}

# The stage folders and the stages each may import besides itself and the shared leaves, lowest first: csl is the
# formatting library everything above builds on; load reads the sources; importers make content; cite, site and
# render follow the build; reuse keeps what a build made for the next; write only writes; preview drives builds.
# cli and pipeline sit on top and may import anything.
LEAVES = {
    "litsite",
    "litsite.errors",
    "litsite.safety",
    "litsite.slugs",
    "litsite.parallel",
    "litsite.progress",
    "litsite.digests",
}
MAY_IMPORT: dict[str, set[str]] = {
    "csl": set(),
    "write": set(),
    "load": {"csl"},
    "cite": {"load", "csl"},
    "importers": {"load", "csl", "cite"},
    "site": {"load", "csl", "cite"},
    "render": {"load", "csl", "cite", "site"},
    "reuse": {"load", "csl", "cite", "site", "render", "write"},
    "preview": {"load", "csl", "cite", "site", "render", "reuse", "write", "pipeline"},
}
# (module, stage it imports) pairs that break the layering today, all in the build state that core is regrouping
# (issue 15 item 2: one build state behind a reuse facade; the files of a site and the bookkeeping are write's and
# reuse's types used across stages). An entry no longer needed fails the test, so the list only shrinks.
UPWARD_IMPORTS_ALLOWED: dict[tuple[str, str], str] = {
    ("litsite.render.pages", "reuse"): "core (item 2: page reuse wired into render_site)",
    ("litsite.render.pages", "write"): "core (item 2: SiteFiles, the files of a site, defined by write)",
    ("litsite.write.outdir", "reuse"): "core (item 2: the bookkeeping folder, reuse.books)",
    ("litsite.write.writer", "reuse"): "core (item 2: the bookkeeping folder, reuse.books and reuse.store)",
}


@dataclass(frozen=True)
class Import:
    """One import statement of a litsite module that names another litsite module."""

    source: str
    target: str
    line: int

    def __str__(self) -> str:
        return f"{module_path(self.source)}:{self.line}: {self.source} imports {self.target}"


@cache
def modules() -> dict[str, Path]:
    """Every litsite module by dotted name (a package by its own name, for its __init__.py)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def module_path(name: str) -> str:
    """The module's file, relative to the repository."""
    return modules()[name].relative_to(REPO).as_posix()


@cache
def tree(name: str) -> ast.Module:
    """The parsed source of a module."""
    return ast.parse(modules()[name].read_text(encoding="utf-8"), filename=str(modules()[name]))


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if _type_checking_only(child):
            yield from (n for c in child.orelse for n in _import_nodes_of(c))
            continue
        yield from _import_nodes_of(child)


def _import_nodes_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    yield from _import_nodes(node)


def _resolve(name: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".") if modules()[name].name == "__init__.py" else name.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


@cache
def imports(name: str) -> tuple[Import, ...]:
    """The litsite modules a module imports, anywhere in its body; `from a import b` names a.b when b is a module."""
    known = modules()
    found: list[Import] = []
    for node in _import_nodes(tree(name)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = _resolve(name, node)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for target in targets:
            if target in known and target != name:
                found.append(Import(name, target, node.lineno))
    return tuple(found)


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    graph = {name: sorted({i.target for i in imports(name)}) for name in modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for name in graph:
        if name not in index:
            visit(name)
    return found


def test_import_graph_is_read():
    """The graph sees deferred imports (a guard against a reader that silently finds nothing)."""
    assert any(i.target == "litsite.pipeline" for i in imports("litsite.cli")), imports("litsite.cli")
    assert len([i for name in modules() for i in imports(name)]) > 200


def test_no_import_cycle():
    problems = []
    for component in _cycles():
        inside = set(component)
        edges = [str(i) for name in component for i in imports(name) if i.target in inside]
        problems.append("cycle among " + ", ".join(component) + ":\n    " + "\n    ".join(edges))
    assert not problems, "\n".join(problems)


def _stage(name: str) -> str | None:
    """The stage folder (or top-level module: cli, pipeline) a module belongs to; None for a shared leaf."""
    return None if name in LEAVES else name.split(".")[1]


def test_stages_import_downwards():
    problems = []
    exercised = set()
    for name in modules():
        stage = _stage(name)
        if stage not in MAY_IMPORT:
            continue  # a leaf, cli or pipeline
        allowed = MAY_IMPORT[stage] | {stage}
        for imp in imports(name):
            target = _stage(imp.target)
            if target is None or target in allowed:
                continue
            if (name, target) in UPWARD_IMPORTS_ALLOWED:
                exercised.add((name, target))
            else:
                problems.append(f"{imp} (the {stage} stage may import only {sorted(allowed)} and the shared leaves)")
    for name in LEAVES:
        problems += [f"{i} (a shared leaf imports no stage)" for i in imports(name) if i.target not in LEAVES]
    stale = set(UPWARD_IMPORTS_ALLOWED) - exercised
    assert not stale, f"no longer needed, remove from UPWARD_IMPORTS_ALLOWED: {sorted(stale)}"
    assert not problems, "\n".join(problems)


def test_no_module_is_too_long():
    missing = set(LONG_MODULES_ALLOWED) - set(modules())
    assert not missing, f"allowed but not found: {missing}"
    problems = []
    for name, path in modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if name in LONG_MODULES_ALLOWED:
            assert lines > MAX_MODULE_LINES, f"{module_path(name)} is short now: remove it from LONG_MODULES_ALLOWED"
        elif lines > MAX_MODULE_LINES:
            problems.append(f"{module_path(name)}: {lines} lines (at most {MAX_MODULE_LINES})")
    assert not problems, "\n".join(problems)


def _functions(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}.{child.name}", child
            yield from _functions(child, f"{prefix}.{child.name}")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}.{child.name}")
        else:
            yield from _functions(child, prefix)


def test_no_function_is_too_long():
    problems = []
    seen = set()
    for name in modules():
        for qualname, node in _functions(tree(name), name):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if qualname in LONG_FUNCTIONS_ALLOWED:
                seen.add(qualname)
                assert lines > MAX_FUNCTION_LINES, f"{qualname} is short now: remove it from LONG_FUNCTIONS_ALLOWED"
            elif lines > MAX_FUNCTION_LINES:
                problems.append(f"{module_path(name)}:{node.lineno}: {qualname} is {lines} lines long")
    assert seen == set(LONG_FUNCTIONS_ALLOWED), f"allowed but not found: {set(LONG_FUNCTIONS_ALLOWED) - seen}"
    assert not problems, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(problems)


def _pins() -> dict[str, int]:
    """The distributions requirements.txt pins, by normalised name, with their line."""
    pins = {}
    for number, line in enumerate((REPO / "requirements.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            pins[_normal(re.split(r"[<>=!~;\[ ]", line)[0])] = number
    return pins


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _third_party_imports() -> dict[str, Import]:
    """Each top-level module outside litsite and the standard library that litsite imports, with one place."""
    found: dict[str, Import] = {}
    for name in modules():
        for node in _import_nodes(tree(name)):
            if isinstance(node, ast.ImportFrom) and node.level:
                continue
            heads = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for head in (h.split(".")[0] for h in heads):
                if head and head != "litsite" and head not in sys.stdlib_module_names:
                    found.setdefault(head, Import(name, head, node.lineno))
    return found


def _requires(dist: str) -> set[str]:
    """The distributions a distribution needs (its extras left out)."""
    needed = set()
    for req in metadata.requires(dist) or []:
        if "extra ==" not in req:
            needed.add(_normal(re.split(r"[<>=!~;\[ (]", req.strip())[0]))
    return needed


def test_every_pinned_dependency_is_used():
    """A pin is imported by litsite, or needed by a pin that is (six for citeproc-py, MarkupSafe for Jinja2…)."""
    pins = _pins()
    try:
        owners = {top: {_normal(d) for d in dists} for top, dists in metadata.packages_distributions().items()}
    except Exception as exc:  # pragma: no cover - metadata of the environment, not of litsite
        pytest.skip(f"installed distributions unreadable: {exc}")
    used = {dist for top in _third_party_imports() for dist in owners.get(top, ())}
    reached, todo = set(), [d for d in used if d in pins]
    while todo:
        dist = todo.pop()
        if dist not in reached:
            reached.add(dist)
            todo += [d for d in _requires(dist) if d in pins]
    unused = [f"requirements.txt:{line}: {dist} is pinned but litsite never imports it" for dist, line in pins.items()]
    unused = [msg for msg, dist in zip(unused, pins, strict=True) if dist not in reached]
    assert not unused, "\n".join(unused)


def test_every_imported_dependency_is_pinned():
    pins = _pins()
    owners = {top: {_normal(d) for d in dists} for top, dists in metadata.packages_distributions().items()}
    problems = [
        f"{imp}: no distribution of it is pinned in requirements.txt"
        for top, imp in sorted(_third_party_imports().items())
        if not owners.get(top, set()) & set(pins)
    ]
    assert not problems, "\n".join(problems)
