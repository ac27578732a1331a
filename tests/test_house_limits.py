"""The house limits on the project's own Python: no module over 300 lines, no function over 40 lines.

Migrations are generated, and the modules in DATA_MODULES are data rather than logic (each with its reason), so
neither counts. A function's length runs from its `def` line to its last line, docstring and comments included;
a nested function counts on its own and inside the function that holds it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("advocacy", "common", "targets", "scripts", "tests")
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
DATA_MODULES = {
    # The Spanish catalogue: one msgid → msgstr pair per string supporters read or hear, kept in Python so that
    # scripts/i18n/apply.py can check it covers every msgid; it grows with the product, not with its logic.
    "scripts/i18n/es.py",
}


def project_modules(root: Path = ROOT) -> list[Path]:
    paths = [root / "manage.py"] if (root / "manage.py").exists() else []
    for folder in SOURCE_DIRS:
        paths += (root / folder).rglob("*.py")
    return sorted(path for path in paths
                  if "migrations" not in path.parts and path.relative_to(root).as_posix() not in DATA_MODULES)


def long_modules(paths: list[Path], root: Path = ROOT) -> list[str]:
    found = []
    for path in paths:
        lines = len(path.read_text().splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(root)}: {lines} lines")
    return found


def long_functions(paths: list[Path], root: Path = ROOT) -> list[str]:
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found.append(f"{path.relative_to(root)}:{node.lineno} {node.name}(): {lines} lines")
    return found


def test_no_module_is_over_300_lines():
    assert long_modules(project_modules()) == []


def test_no_function_is_over_40_lines():
    assert long_functions(project_modules()) == []


def test_the_checks_see_a_long_module_and_a_long_function(tmp_path):
    (tmp_path / "advocacy" / "migrations").mkdir(parents=True)
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    (tmp_path / "advocacy" / "long.py").write_text(f"async def longest():\n{body}\n" + "\n" * 300)
    (tmp_path / "advocacy" / "short.py").write_text(f"def fits():\n{body[: body.rindex(chr(10))]}\n")
    (tmp_path / "advocacy" / "migrations" / "0001_initial.py").write_text(f"def generated():\n{body}\n" * 10)
    paths = project_modules(tmp_path)
    assert [path.name for path in paths] == ["long.py", "short.py"]
    assert long_modules(paths, tmp_path) == ["advocacy/long.py: 341 lines"]
    assert long_functions(paths, tmp_path) == ["advocacy/long.py:1 longest(): 41 lines"]
