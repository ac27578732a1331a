"""Downloads of whole public repositories as one tarball (one request instead of hundreds of raw files).

Imports no app: callers pass the URL and the timeout and get {path inside the archive: text}.
"""

from __future__ import annotations

import io
import tarfile

import requests


class ArchiveUnavailable(Exception):
    pass


def text_files_in_tarball(url: str, *, under: str, suffix: str, timeout: float) -> dict[str, str]:
    """Every file whose path contains `/under/` and ends with `suffix`, keyed by its file name."""
    try:
        response = requests.get(url, timeout=timeout)
        response.raise_for_status()
    except requests.RequestException as exc:
        raise ArchiveUnavailable(f"download of {url} failed: {exc}") from exc
    files: dict[str, str] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:*") as archive:
            for member in archive:
                if member.isfile() and f"/{under.strip('/')}/" in f"/{member.name}" and member.name.endswith(suffix):
                    handle = archive.extractfile(member)
                    if handle is not None:
                        files[member.name.rsplit("/", 1)[-1]] = handle.read().decode("utf-8", errors="replace")
    except tarfile.TarError as exc:
        raise ArchiveUnavailable(f"{url} is not a readable tarball: {exc}") from exc
    return files
