"""Counts per partner, read from the call sessions and email actions themselves (each row carries its
partner_code), so the dashboard's rollup counters stay as they are. Indexed on (campaign, partner_code)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count

from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.selectors import published_campaigns
from advocacy.emails.models import EmailAction, EmailDelivery

# Deliveries that count as sent, as the EMAIL_SENT and WEBFORM_REPORTED counters count them.
SENT_STATUSES = (EmailDelivery.Status.SENT, EmailDelivery.Status.DELIVERED, EmailDelivery.Status.BOUNCED,
                 EmailDelivery.Status.COMPLAINED, EmailDelivery.Status.REPORTED)
FIELDS = ("call_sessions", "calls_connected", "email_actions", "emails")


def _grouped(queryset, field: str) -> dict[str, int]:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).values_list(field, "n").order_by())


def _counts(*, campaign_id: int, code: str | None = None) -> dict[str, dict[str, int]]:
    sessions = CallSession.objects.filter(campaign_id=campaign_id, is_preview=False)
    legs = CallLeg.objects.filter(campaign_id=campaign_id, session__is_preview=False,
                                  status=CallLeg.Status.COMPLETED)
    actions = EmailAction.objects.filter(campaign_id=campaign_id)
    deliveries = EmailDelivery.objects.filter(campaign_id=campaign_id, status__in=SENT_STATUSES)
    if code is not None:
        sessions, legs = sessions.filter(partner_code=code), legs.filter(session__partner_code=code)
        actions, deliveries = actions.filter(partner_code=code), deliveries.filter(action__partner_code=code)
    return {"call_sessions": _grouped(sessions, "partner_code"),
            "calls_connected": _grouped(legs, "session__partner_code"),
            "email_actions": _grouped(actions, "partner_code"),
            "emails": _grouped(deliveries, "action__partner_code")}


def partner_breakdown(*, campaign_id: int) -> list[dict]:
    """One row per partner code (the code "" is supporters who came without one), busiest first."""
    counts = _counts(campaign_id=campaign_id)
    codes = set().union(*(table.keys() for table in counts.values()))
    rows = [{"partner": code, **{field: counts[field].get(code, 0) for field in FIELDS}} for code in codes]
    return sorted(rows, key=lambda r: (-(r["calls_connected"] + r["emails"]), -r["call_sessions"], r["partner"]))


def partner_contribution(*, campaign_id: int, code: str) -> dict:
    """What one partner's supporters did, for the public counter: numbers only."""
    counts = _counts(campaign_id=campaign_id, code=code)
    return {"partner": code, **{field: counts[field].get(code, 0) for field in FIELDS}}


def cached_partner_contribution(*, campaign_id: int, code: str) -> dict:
    """partner_contribution, cached like the public counter: the action page may show it to many at once."""
    key = f"partner-contribution:{campaign_id}:{code}"
    found = cache.get(key)
    if found is None:
        found = partner_contribution(campaign_id=campaign_id, code=code)
        cache.set(key, found, settings.PUBLIC_STATS_CACHE_SECONDS)
    return found


def published_partner_contribution(*, slug: str, code: str) -> dict | None:
    campaign_id = published_campaigns().filter(slug=slug).values_list("pk", flat=True).first()
    return None if campaign_id is None else partner_contribution(campaign_id=campaign_id, code=code)
