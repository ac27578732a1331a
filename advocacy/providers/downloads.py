"""Downloads: the one way to fetch a public data file (house rule 1). A file comes from a local directory laid out
like shared/data (`--data-dir`), or from a URL: http(s) through requests, or a local path / file:// URL.
Tested against a local HTTP server (tests/fakes/downloads.py)."""

from __future__ import annotations

from pathlib import Path

import requests
from django.conf import settings


class SourceUnavailable(Exception):
    """The file is not there, or the download failed; the message says which and why."""


def read_text(*, relative_path: str, data_dir: Path | None = None, url: str | None = None) -> str:
    """The file at `data_dir / relative_path` when a data directory is given, else the body at `url`."""
    if data_dir is not None:
        path = Path(data_dir) / relative_path
        if not path.exists():
            raise SourceUnavailable(f"{path} does not exist")
        return path.read_text(encoding="utf-8")
    if not url:
        raise SourceUnavailable(f"no URL configured for {relative_path}; pass --data-dir")
    if url.startswith(("/", "file:")):
        path = Path(url.removeprefix("file://"))
        if not path.exists():
            raise SourceUnavailable(f"{path} does not exist")
        return path.read_text(encoding="utf-8")
    try:
        response = requests.get(url, timeout=settings.SYNC_DOWNLOAD_TIMEOUT)
        response.raise_for_status()
    except requests.RequestException as exc:
        raise SourceUnavailable(f"download of {url} failed: {exc}") from exc
    response.encoding = response.encoding or "utf-8"
    return response.text
