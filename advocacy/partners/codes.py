"""The partner code of a request: the authenticated API key's partner first, then a ?ref= / ref field.

A code is a short label partners choose ("unidos-tx"); anything else is dropped rather than refused, so a
mistyped link still lets the supporter act (it just is not credited).
"""

from __future__ import annotations

import re

MAX_LENGTH = 40
_CODE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


def clean_partner_code(value) -> str:
    """The code in canonical form (lower case), or "" when it is missing or not a valid code."""
    code = str(value or "").strip().lower()
    return code if _CODE.match(code) else ""


def partner_code_for(request, body: dict | None = None) -> str:
    """Who to credit: an API key's partner (set as request.partner by the API auth) wins over a claimed ref."""
    authenticated = clean_partner_code(getattr(request, "partner", None))
    if authenticated:
        return authenticated
    if body is not None:
        return clean_partner_code(body.get("ref"))
    if request.method == "POST":
        return clean_partner_code(request.POST.get("ref"))
    return clean_partner_code(request.GET.get("ref"))
