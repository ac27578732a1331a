"""Dashboard counts of a call's steps, committed with the step; previews count nothing."""

from __future__ import annotations

from advocacy.calls.campaign_copy import attach_campaign, with_campaign_version
from advocacy.calls.models import CallLeg, CallSession
from advocacy.dashboard.counters import record_contact


def count(session: CallSession, metric: str, *, target_id: int | None = None, amount: int = 1) -> None:
    if session.is_preview or amount <= 0:
        return
    record_contact(campaign_id=session.campaign_id, metric=metric, amount=amount, target_id=target_id,
                   state=session.state, district=session.district, partner_code=session.partner_code)


def locked_session(session_id) -> CallSession:
    """The session's row only is locked, never its campaign's (every call of the campaign would queue on it)."""
    locked = with_campaign_version(CallSession.objects.select_for_update(of=("self",))).get(pk=session_id)
    return attach_campaign(locked, locked.campaign_version)


def locked_leg(leg_id, *, session_id=None) -> CallLeg:
    """The leg's row only is locked (the session is read in the same query); with `session_id`, a leg of
    another session is not found."""
    legs = CallLeg.objects.select_for_update(of=("self",)).select_related("target", "session")
    if session_id is not None:
        legs = legs.filter(session_id=session_id)
    return legs.get(pk=leg_id)
