"""Counts per partner, read from the partner rollup (dashboard's PartnerCount, written by record_contact in the
transaction that records each contact that came with a partner code): one query however many rows were recorded."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from advocacy.campaigns.selectors import published_campaigns
from advocacy.dashboard.models import Metric, PartnerCount

FIELDS = ("call_sessions", "calls_connected", "email_actions", "emails")
# Which rollup metric adds to which field; "emails" is what the dashboard counts as emails.
FIELD_OF = {Metric.CALL_SESSION_STARTED: "call_sessions", Metric.CALL_CONNECTED: "calls_connected",
            Metric.EMAIL_ACTION_SUBMITTED: "email_actions", Metric.EMAIL_SENT: "emails",
            Metric.CWC_DELIVERED: "emails", Metric.WEBFORM_REPORTED: "emails"}
# The same fields among stats.json's "totals" (the campaign's own counters), for the "no partner" row.
TOTALS = {"call_sessions": ("call_sessions",), "calls_connected": ("calls_connected",),
          "emails": ("emails_sent", "cwc_delivered", "webform_reported")}


def _rows(*, campaign_id: int, code: str | None = None) -> dict[str, dict[str, int]]:
    counts = PartnerCount.objects.filter(campaign_id=campaign_id, metric__in=FIELD_OF)
    if code is not None:
        counts = counts.filter(partner_code=code)
    rows: dict[str, dict[str, int]] = {}
    for partner, metric, value in counts.values_list("partner_code", "metric", "value"):
        row = rows.setdefault(partner, {"partner": partner, **dict.fromkeys(FIELDS, 0)})
        row[FIELD_OF[metric]] += value
    return rows


def _without_partner(rows: list[dict], totals: dict) -> dict | None:
    """The campaign's totals minus what partners brought; email actions are counted for partners only (None).
    Never below 0: a partner's contact committed between the two reads is in the sums and not yet in the totals."""
    row = {"partner": "", **{field: max(0, sum(totals[key] for key in keys) - sum(r[field] for r in rows))
                             for field, keys in TOTALS.items()}, "email_actions": None}
    return row if any(row[field] for field in TOTALS) else None


def partner_breakdown(*, campaign_id: int, totals: dict | None = None) -> list[dict]:
    """One row per partner code, busiest first, and a "no partner" row (code "") for supporters who came without
    one. `totals` is stats.json's "totals" (campaign_totals), read here when not given."""
    if totals is None:
        from advocacy.campaigns.models import Campaign
        from advocacy.dashboard.selectors import campaign_totals

        totals = campaign_totals(campaign=Campaign(pk=campaign_id))
    rows = list(_rows(campaign_id=campaign_id).values())
    rows += [row for row in [_without_partner(rows, totals)] if row]
    return sorted(rows, key=lambda r: (-(r["calls_connected"] + r["emails"]), -r["call_sessions"], r["partner"]))


def partner_contribution(*, campaign_id: int, code: str) -> dict:
    """What one partner's supporters did, for the public counter: numbers only."""
    return _rows(campaign_id=campaign_id, code=code).get(code) or {"partner": code, **dict.fromkeys(FIELDS, 0)}


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
