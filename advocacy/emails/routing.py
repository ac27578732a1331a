"""How each office gets its message (CWC, email, or the official web form) and how the letter is signed."""

from __future__ import annotations

from advocacy.campaigns.scripts import supporter_signature
from advocacy.emails.cwc import accepts_cwc
from advocacy.emails.models import EmailDelivery
from targets.models import Target


def channel_for(target: Target) -> tuple[str, str] | None:
    """(channel, address): CWC where the office takes it, else the target's own email, else its official form
    (from contact-congress), else the form or home page congress-legislators gives."""
    if target.kind == Target.Kind.MEMBER and accepts_cwc(target):
        return EmailDelivery.Channel.CWC, target.cwc_office
    if target.email:
        return EmailDelivery.Channel.EMAIL, target.email
    form = target.official_form_url or target.contact_form or target.url
    if form:
        return EmailDelivery.Channel.WEBFORM, form
    return None


def signed(body: str, supporter: dict) -> str:
    """Templates that sign with the supporter's name keep their own signature; the rest get one appended."""
    name = supporter.get("name", "")
    if not name or name in body:
        return body
    return f"{body}\n\n{supporter_signature(supporter)}"
