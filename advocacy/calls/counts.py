"""Dashboard counts of a call's steps, committed with the step; previews count nothing."""

from __future__ import annotations

from advocacy.calls.models import CallLeg, CallSession
from advocacy.dashboard.counters import record_contact


def count(session: CallSession, metric: str, *, target_id: int | None = None, amount: int = 1) -> None:
    if session.is_preview or amount <= 0:
        return
    record_contact(campaign_id=session.campaign_id, metric=metric, amount=amount, target_id=target_id,
                   state=session.state, district=session.district)


def locked_session(session_id) -> CallSession:
    return CallSession.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=session_id)


def locked_leg(leg_id) -> CallLeg:
    return CallLeg.objects.select_for_update(of=("self",)).select_related("target", "session").get(pk=leg_id)
