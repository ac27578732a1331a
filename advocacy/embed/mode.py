"""Embed mode: how a request says it runs inside a partner's iframe, and what it carries along.

Cookies do not reach a cross-site frame, so everything the frame needs travels in the URL (GET) or in hidden
form fields (POST): embed=1, the partner's ref and the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

from advocacy.partners.codes import clean_partner_code


@dataclass(frozen=True)
class EmbedMode:
    ref: str = ""
    language: str = ""

    def params(self, *, embed_flag: bool = True) -> dict[str, str]:
        params = {"embed": "1"} if embed_flag else {}
        if self.ref:
            params["ref"] = self.ref
        if self.language:
            params["lang"] = self.language
        return params

    @property
    def query(self) -> str:
        return urlencode(self.params())


def clean_language(value) -> str:
    code = str(value or "").strip().lower()[:5]
    return code if code in dict(settings.LANGUAGES) else ""


def embed_mode_of(request, *, always: bool = False) -> EmbedMode | None:
    """The request's embed mode, or None for a top-level page."""
    data = request.POST if request.method == "POST" else request.GET
    if not always and data.get("embed") != "1":
        return None
    return EmbedMode(ref=clean_partner_code(data.get("ref")), language=clean_language(data.get("lang")))


def with_embed_query(location: str, mode: EmbedMode) -> str:
    """A local redirect target with the embed parameters added; other targets unchanged."""
    if not location.startswith("/") or location.startswith("//"):
        return location
    path, hash_mark, fragment = location.partition("#")
    separator = "&" if "?" in path else "?"
    return f"{path}{separator}{mode.query}{hash_mark}{fragment}"
