"""CSV a line at a time, for StreamingHttpResponse: a large export never sits in memory whole."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator


class _Line:
    def write(self, value: str) -> str:
        return value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell a spreadsheet will not run: text starting like a formula gets a leading apostrophe (OWASP's advice
    for CSV injection). Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])
