"""The import graph runs downward only: no circles, providers know no app, targets knows no advocacy internals.

Every import counts, including the ones inside functions: an import deferred to run time still ties the two
modules together, and was how the old circles were hidden.

Layers, lowest first; a module may import its own layer and any lower one:
  common/              shared plain-Python pieces (errors every layer may raise)
  advocacy.providers   the only way out (Twilio, email, CWC, geocoders, downloads); imports no app
  targets              who represents whom; imports only common and the providers
  advocacy.*           the apps and the project
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("common", "advocacy", "targets")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imported_names(path: Path, name: str) -> set[str]:
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {}
    for name, path in modules.items():
        edges = set()
        for imported in imported_names(path, name):
            # "from advocacy.calls import services" names the module advocacy.calls.services.
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):
                edges.add(imported)
        graph[name] = edges
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm; returns the components with more than one module."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer(module: str) -> int:
    if module == "common" or module.startswith("common."):
        return 0
    if module == "advocacy.providers" or module.startswith("advocacy.providers."):
        return 1
    if module == "targets" or module.startswith("targets."):
        return 2
    return 3


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{source} imports {target}" for source, targets in graph.items()
                  for target in targets if layer(target) > layer(source))


def test_no_import_circles():
    assert strongly_connected(import_graph()) == []


def test_imports_run_downward_only():
    assert upward_imports(import_graph()) == []


def test_the_checks_see_a_circle_and_an_upward_import():
    graph = {"advocacy.a": {"advocacy.b"}, "advocacy.b": {"advocacy.c"}, "advocacy.c": {"advocacy.a"},
             "advocacy.providers.x": {"advocacy.calls.tasks"}}
    assert strongly_connected(graph) == [["advocacy.a", "advocacy.b", "advocacy.c"]]
    assert upward_imports(graph) == ["advocacy.providers.x imports advocacy.calls.tasks"]
    assert layer("advocacy.api.responses") > layer("targets.api")
