"""Reads for the dashboard and the public counter, all from the rollup tables (never counting raw rows)."""

from __future__ import annotations

from django.db.models import Max, Min, Q, Sum
from django.db.models.functions import Coalesce

from advocacy.dashboard.call_queue import call_queue
from advocacy.dashboard.chart import CALLS, EMAILS, activity_chart
from advocacy.dashboard.models import Metric, MinuteCount, PlaceCount, TargetCount


def _metric_rows(campaign_id: int) -> list[tuple[str, int, object, object]]:
    """(metric, total, first minute, last minute) for each metric recorded, in one GROUP BY over the rollup."""
    return list(MinuteCount.objects.filter(campaign_id=campaign_id).values("metric")
                .annotate(total=Sum("value"), first=Min("minute"), last=Max("minute"))
                .values_list("metric", "total", "first", "last"))


def metric_totals(*, campaign_id: int, rows: list | None = None) -> dict[str, int]:
    """Every metric's total for the campaign, zero where nothing was recorded."""
    totals = {metric.value: 0 for metric in Metric}
    totals.update({metric: int(total or 0) for metric, total, _, _ in
                   (rows if rows is not None else _metric_rows(campaign_id))})
    return totals


def public_totals(*, campaign_id: int) -> dict[str, int]:
    """What the action page and partner sites show: no personal data, just how many."""
    totals = metric_totals(campaign_id=campaign_id)
    return {
        "calls": totals[Metric.CALL_CONNECTED],
        "call_sessions": totals[Metric.CALL_SESSION_STARTED],
        "emails": totals[Metric.EMAIL_SENT] + totals[Metric.CWC_DELIVERED] + totals[Metric.WEBFORM_REPORTED],
        "supporters": totals[Metric.UNIQUE_SUPPORTERS],
    }


def public_counter(*, slug: str) -> dict | None:
    """The public counter's body for a published campaign, or None when there is no such campaign."""
    from advocacy.campaigns.selectors import published_campaigns

    campaign = published_campaigns().filter(slug=slug).only("pk", "goal_calls", "goal_emails").first()
    if campaign is None:
        return None
    return {"campaign": slug, "totals": public_totals(campaign_id=campaign.pk),
            "goals": {"calls": campaign.goal_calls, "emails": campaign.goal_emails}}


def per_target(*, campaign_id: int) -> list[dict]:
    """One row per target with any count, summed in SQL: [{"id", "name", "contacts", "calls_connected", ...}]."""
    def total(*metrics):
        return Coalesce(Sum("value", filter=Q(metric__in=metrics)), 0)

    rows = (TargetCount.objects.filter(campaign_id=campaign_id)
            .values("target_id", "target__key", "target__title", "target__name")
            .annotate(contacts=total(*CONTACT_METRICS), connected=total(Metric.CALL_CONNECTED),
                      talk=total(Metric.TALK_SECONDS), busy=total(Metric.CALL_BUSY),
                      no_answer=total(Metric.CALL_NO_ANSWER), emails=total(Metric.EMAIL_SENT, Metric.CWC_DELIVERED,
                                                                         Metric.WEBFORM_REPORTED))
            .order_by("-contacts", "target__title", "target__name"))
    return [{"id": row["target__key"], "name": f"{row['target__title']} {row['target__name']}".strip(),
             "contacts": row["contacts"], "calls_connected": row["connected"],
             "average_call_seconds": round(row["talk"] / row["connected"]) if row["connected"] else 0,
             "busy": row["busy"], "no_answer": row["no_answer"], "emails": row["emails"]} for row in rows]


def top_places(*, campaign_id: int, limit: int = 10) -> tuple[list[dict], list[dict]]:
    """The states and the districts with the most contacts: one GROUP BY (state, district) in SQL (a few hundred
    rows at most), the states summed from it here."""
    rows = list(PlaceCount.objects.filter(campaign_id=campaign_id, metric__in=CONTACT_METRICS)
                .values_list("state", "district").annotate(contacts=Sum("value")).order_by())
    by_state: dict[str, int] = {}
    for state, _district, contacts in rows:
        by_state[state] = by_state.get(state, 0) + contacts
    states = sorted(by_state.items(), key=lambda item: (-item[1], item[0]))[:limit]
    districts = sorted(((s, d, n) for s, d, n in rows if d >= 0), key=lambda r: (-r[2], r[0], r[1]))[:limit]
    return ([{"state": state, "contacts": contacts} for state, contacts in states],
            [{"district": f"{state}-{'AL' if district == 0 else district}", "contacts": contacts}
             for state, district, contacts in districts])


CHARTED = CALLS + EMAILS
CONTACT_METRICS = (Metric.CALL_ATTEMPTED, Metric.EMAIL_SENT, Metric.CWC_DELIVERED, Metric.WEBFORM_REPORTED)
OUTCOMES = (Metric.OUTCOME_SPOKE_TO_STAFF, Metric.OUTCOME_LEFT_VOICEMAIL, Metric.OUTCOME_LINE_BUSY,
            Metric.OUTCOME_NO_ANSWER, Metric.OUTCOME_OTHER)


def _percent(done: int, goal: int) -> float | None:
    return round(100.0 * done / goal, 1) if goal else None


def _totals(totals: dict[str, int]) -> dict[str, int | float]:
    return {
        "call_sessions": totals[Metric.CALL_SESSION_STARTED],
        "supporters_connected": totals[Metric.SUPPORTER_CONNECTED],
        "calls_attempted": totals[Metric.CALL_ATTEMPTED],
        "calls_connected": totals[Metric.CALL_CONNECTED],
        "talk_minutes": round(totals[Metric.TALK_SECONDS] / 60, 1),
        "calls_busy": totals[Metric.CALL_BUSY],
        "calls_no_answer": totals[Metric.CALL_NO_ANSWER],
        "calls_failed": totals[Metric.CALL_FAILED],
        "emails_sent": totals[Metric.EMAIL_SENT],
        "emails_delivered": totals[Metric.EMAIL_DELIVERED],
        "emails_bounced": totals[Metric.EMAIL_BOUNCED],
        "webform_reported": totals[Metric.WEBFORM_REPORTED],
        "cwc_delivered": totals[Metric.CWC_DELIVERED],
        "webform_opened": totals[Metric.WEBFORM_OPENED],
        "unique_supporters": totals[Metric.UNIQUE_SUPPORTERS],
    }


def campaign_totals(*, campaign) -> dict[str, int | float]:
    """The dashboard's headline numbers (the "totals" of stats.json), e.g. {"calls_connected": 12, ...}."""
    return _totals(metric_totals(campaign_id=campaign.pk))


def dashboard_stats(*, campaign, zoom: str = "hour") -> dict:
    """Everything the organizer dashboard shows: a handful of GROUP BY queries over the rollups, each returning
    at most one row per target, per chart bucket or per metric, however many contacts were recorded."""
    rows = _metric_rows(campaign.pk)
    totals = metric_totals(campaign_id=campaign.pk, rows=rows)
    emails = totals[Metric.EMAIL_SENT] + totals[Metric.CWC_DELIVERED] + totals[Metric.WEBFORM_REPORTED]
    charted = [(first, last) for metric, _, first, last in rows if metric in CHARTED]
    bounds = {"first": min((f for f, _ in charted), default=None), "last": max((la for _, la in charted), default=None)}
    chart = activity_chart(campaign, zoom=zoom, activity=bounds)
    top_states, top_districts = top_places(campaign_id=campaign.pk)
    return {
        "campaign": campaign.slug,
        "totals": _totals(totals),
        "goals": {
            "calls": {"goal": campaign.goal_calls, "done": totals[Metric.CALL_CONNECTED],
                      "percent": _percent(totals[Metric.CALL_CONNECTED], campaign.goal_calls)},
            "emails": {"goal": campaign.goal_emails, "done": emails, "percent": _percent(emails, campaign.goal_emails)},
        },
        "per_minute": chart.pop("points"),
        "chart": chart,
        "targets": per_target(campaign_id=campaign.pk),
        "top_states": top_states,
        "top_districts": top_districts,
        "outcomes": {metric.removeprefix("outcome_"): totals[metric] for metric in OUTCOMES},
        "call_queue": call_queue(campaign_id=campaign.pk),
    }


def organize_rows() -> list[dict]:
    """/organize/: every campaign with its headline counts and the events waiting for review."""
    from django.db.models import Count, Q

    from advocacy.campaigns.models import Campaign

    campaigns = Campaign.objects.annotate(
        pending_events=Count("events", filter=Q(events__status="pending")),
        listed_events=Count("events", filter=Q(events__status="approved"))).order_by("-window_start", "title")
    return [{"campaign": campaign, "totals": public_totals(campaign_id=campaign.pk)} for campaign in campaigns]
