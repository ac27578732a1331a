"""Scheduled call-backs: "call me later", at a time the offices are open.

A supporter picks a time (on the call form, or on the status page when the queue's wait is long); the session
waits as `scheduled` with `scheduled_for`. The reconciler's pass (every minute) queues the ones that came due;
they are then placed by place_call like any other call: paced, under its lease, exactly once. A signed link
(no login) cancels a call-back that has not been queued yet.

The offices we dial are the members' Washington offices and the fixed targets, all on Eastern time, so the
times offered lie inside the campaign's office hours (office_hours_start/end, default 9:00-17:00), Monday to
Friday, in Eastern time, before the campaign's window ends.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign

OFFICE_TIME_ZONE = ZoneInfo("America/New_York")
STEP = timedelta(minutes=30)
LEAD = timedelta(minutes=10)  # the earliest offer is at least this far ahead
SALT = "calls.callback.cancel"


def callback_times(campaign: Campaign, *, now: datetime | None = None) -> list[datetime]:
    """The times a call-back can be asked for: every half hour inside office hours (Eastern), weekdays, in the
    next CALL_LATER_DAYS days, before the campaign's window closes. Aware datetimes in the offices' zone."""
    now = (now or timezone.now()).astimezone(OFFICE_TIME_ZONE)
    times = []
    for day in range(settings.CALL_LATER_DAYS + 1):
        date = (now + timedelta(days=day)).date()
        if date.weekday() >= 5:
            continue
        at = datetime.combine(date, campaign.office_hours_start, OFFICE_TIME_ZONE)
        closes = datetime.combine(date, campaign.office_hours_end, OFFICE_TIME_ZONE)
        while at < closes:
            if at >= now + LEAD and (campaign.window_end is None or at < campaign.window_end):
                times.append(at)
            at += STEP
    return times


def parse_choice(campaign: Campaign, value: str, *, now: datetime | None = None) -> datetime | None:
    """One of callback_times() from its form value (ISO 8601); None for anything else."""
    try:
        chosen = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return next((t for t in callback_times(campaign, now=now) if t == chosen), None)


def cancel_token(session: CallSession) -> str:
    return signing.Signer(salt=SALT).sign(str(session.pk)).rsplit(":", 1)[1]


def token_is_valid(session: CallSession, token: str) -> bool:
    try:
        return signing.Signer(salt=SALT).unsign(f"{session.pk}:{token}") == str(session.pk)
    except signing.BadSignature:
        return False


def schedule_instead(*, session: CallSession, when: datetime) -> bool:
    """A supporter waiting in the queue asks to be called at `when` instead. Only while the call is still
    waiting (not being placed): its pending place_call then finds it `scheduled` and does nothing."""
    now = timezone.now()
    return bool(CallSession.objects.filter(pk=session.pk, status=CallSession.Status.QUEUED, twilio_sid="")
                .exclude(placing_lease_until__gt=now)
                .update(status=CallSession.Status.SCHEDULED, scheduled_for=when, slot_at=None, twilio_account=""))


def cancel(*, session: CallSession) -> bool:
    """Cancel a call-back that has not come due; False when it is already queued, placed or cancelled."""
    return bool(CallSession.objects.filter(pk=session.pk, status=CallSession.Status.SCHEDULED).update(
        status=CallSession.Status.CANCELED, ended_at=timezone.now(), last_error="call-back cancelled by supporter"))


def release_due_callbacks(*, now: datetime, enqueue: Callable[[str], object]) -> int:
    """Queue every call-back whose time has come; each once (a conditional update), enqueued after commit."""
    released = 0
    due = CallSession.objects.filter(status=CallSession.Status.SCHEDULED, scheduled_for__lte=now)
    for pk in due.values_list("pk", flat=True)[:500]:
        with transaction.atomic():
            if CallSession.objects.filter(pk=pk, status=CallSession.Status.SCHEDULED).update(
                    status=CallSession.Status.QUEUED, slot_at=None):
                transaction.on_commit(lambda pk=str(pk): enqueue(pk))
                released += 1
    return released
