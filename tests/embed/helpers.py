"""Read an embedded form the way a browser would: from the page the iframe shows."""

from __future__ import annotations

import html
import re

OWN_ORIGIN = "http://testserver"


def form_fields(page: str, form_id: str) -> dict[str, str]:
    """The named inputs (hidden and filled) of the form with this id, as rendered."""
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', page, re.S).group(0)
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        attributes = dict(re.findall(r'([a-z-]+)="([^"]*)"', tag))
        if "name" in attributes:
            fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
    return fields


def embed_form(client, campaign, form_id: str, **params) -> dict[str, str]:
    page = client.get(f"/c/{campaign.slug}/embed/", {"zip": "10002", **params}).content.decode()
    return form_fields(page, form_id)
