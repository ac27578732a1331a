"""A static file host over real HTTP: serves a directory laid out like shared/data, as raw.githubusercontent.com
or an ICE_DATA_URL host would. `fail(path, status, times)` makes the next requests for a path answer an error."""

from __future__ import annotations

from pathlib import Path

from tests.fakes.http import FakeHTTPServer


class FakeFileHost(FakeHTTPServer):
    def __init__(self, root: Path):
        self.root = Path(root)
        self.failures: dict[str, list[int]] = {}
        super().__init__(self._answer)

    def fail(self, path: str, status: int = 503, times: int = 1) -> None:
        self.failures.setdefault(path, []).extend([status] * times)

    def _answer(self, request):
        path = request["path"]
        if self.failures.get(path):
            return self.failures[path].pop(0), b"upstream error", {"Content-Type": "text/plain"}
        file = (self.root / path.lstrip("/")).resolve()
        if self.root.resolve() not in file.parents or not file.is_file():
            return 404, b"404: Not Found", {"Content-Type": "text/plain"}
        return 200, file.read_bytes(), {"Content-Type": "text/plain; charset=utf-8"}
