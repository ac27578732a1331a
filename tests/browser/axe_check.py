"""axe-core run inside the page: the list of accessibility violations (empty is the goal)."""

from __future__ import annotations

from pathlib import Path

from tests.services import skip_or_fail

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        skip_or_fail(f"axe-core is not installed at {AXE} (scripts/install-browser installs it)")
    # Evaluated through the DevTools protocol, not as a <script> tag: the pages' CSP allows only our own scripts.
    page.evaluate("source => { (0, eval)(source); }", AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]
