"""Dashboard counts of a call's steps, committed with the step; previews count nothing."""

from __future__ import annotations

import uuid

from advocacy.calls.campaign_copy import attach_campaign, with_campaign_version
from advocacy.calls.models import CallLeg, CallSession
from advocacy.dashboard.counters import record_contact
from common.compiled import CompiledRead

# Every webhook locks its session or leg: compiled once per process (common/compiled.py).
_LOCKED_SESSION = CompiledRead(lambda session_id: with_campaign_version(
    CallSession.objects.select_for_update(of=("self",))).filter(pk=session_id), uuid.UUID)
_LOCKED_LEG = CompiledRead(lambda leg_id: CallLeg.objects.select_for_update(of=("self",))
                           .select_related("target", "session").filter(pk=leg_id), int)
_LOCKED_LEG_OF_SESSION = CompiledRead(lambda leg_id, session_id: CallLeg.objects.select_for_update(of=("self",))
                                      .select_related("target", "session").filter(pk=leg_id, session_id=session_id),
                                      int, uuid.UUID)


def count(session: CallSession, metric: str, *, target_id: int | None = None, amount: int = 1) -> None:
    if session.is_preview or amount <= 0:
        return
    record_contact(campaign_id=session.campaign_id, metric=metric, amount=amount, target_id=target_id,
                   state=session.state, district=session.district, partner_code=session.partner_code)


def locked_session(session_id) -> CallSession:
    """The session's row only is locked, never its campaign's (every call of the campaign would queue on it)."""
    found = _LOCKED_SESSION(session_id)
    if not found:
        raise CallSession.DoesNotExist(f"no call session {session_id}")
    return attach_campaign(found[0], found[0].campaign_version)


def locked_leg(leg_id, *, session_id=None) -> CallLeg:
    """The leg's row only is locked (the session is read in the same query); with `session_id`, a leg of
    another session is not found."""
    found = _LOCKED_LEG(leg_id) if session_id is None else _LOCKED_LEG_OF_SESSION(leg_id, session_id)
    if not found:
        raise CallLeg.DoesNotExist(f"no call leg {leg_id}" + (f" in session {session_id}" if session_id else ""))
    return found[0]
