"""Webhooks read a session's campaign from this process's copy (advocacy.campaigns.content), by the version their
own query read: one column of the campaign row joined in, instead of all of its columns on every request."""

from __future__ import annotations

from django.db.models import F, QuerySet

from advocacy.calls.models import CallSession
from advocacy.campaigns.content import campaign_as_of


def with_campaign_version(sessions: QuerySet, *, path: str = "campaign") -> QuerySet:
    return sessions.annotate(campaign_version=F(f"{path}__updated_at"))


def attach_campaign(session: CallSession, version) -> CallSession:
    session.campaign = campaign_as_of(session.campaign_id, version)
    return session
