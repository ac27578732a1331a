"""The campaign a request to an embeddable view belongs to (for its allow-list and its form tokens)."""

from __future__ import annotations

from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaigns
from advocacy.emails.models import EmailAction


def campaign_by_slug(kwargs: dict) -> Campaign | None:
    return published_campaigns().filter(slug=kwargs.get("slug")).first()


def campaign_of_call(kwargs: dict) -> Campaign | None:
    session = CallSession.objects.filter(pk=kwargs.get("session_id")).select_related("campaign").first()
    return session.campaign if session else None


def campaign_of_email_action(kwargs: dict) -> Campaign | None:
    action = EmailAction.objects.filter(token=kwargs.get("token")).select_related("campaign").first()
    return action.campaign if action else None
