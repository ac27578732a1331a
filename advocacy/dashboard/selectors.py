"""Reads for the dashboard and the public counter, all from the rollup tables (never counting raw rows)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum

from advocacy.dashboard.models import Metric, MinuteCount, PlaceCount, TargetCount


def metric_totals(*, campaign_id: int) -> dict[str, int]:
    """Every metric's total for the campaign, zero where nothing was recorded."""
    totals = {metric.value: 0 for metric in Metric}
    rows = (MinuteCount.objects.filter(campaign_id=campaign_id).values("metric").annotate(total=Sum("value"))
            .values_list("metric", "total"))
    totals.update({metric: int(total or 0) for metric, total in rows})
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


def per_minute(*, campaign_id: int, metrics: list[str]) -> dict[str, list[tuple]]:
    series: dict[str, list[tuple]] = {metric: [] for metric in metrics}
    rows = (MinuteCount.objects.filter(campaign_id=campaign_id, metric__in=metrics).order_by("minute")
            .values_list("metric", "minute", "value"))
    for metric, minute, value in rows:
        series[metric].append((minute, value))
    return series


def per_target(*, campaign_id: int) -> dict[int, dict[str, int]]:
    table: dict[int, dict[str, int]] = {}
    for target_id, metric, value in TargetCount.objects.filter(campaign_id=campaign_id).values_list(
            "target_id", "metric", "value"):
        table.setdefault(target_id, {})[metric] = value
    return table


def per_place(*, campaign_id: int) -> list[tuple[str, int, str, int]]:
    return list(PlaceCount.objects.filter(campaign_id=campaign_id).values_list("state", "district", "metric", "value"))


CONTACT_METRICS = (Metric.CALL_ATTEMPTED, Metric.EMAIL_SENT, Metric.CWC_DELIVERED, Metric.WEBFORM_REPORTED)
OUTCOMES = (Metric.OUTCOME_SPOKE_TO_STAFF, Metric.OUTCOME_LEFT_VOICEMAIL, Metric.OUTCOME_LINE_BUSY,
            Metric.OUTCOME_NO_ANSWER, Metric.OUTCOME_OTHER)
MAX_CHART_MINUTES = 24 * 60


def _percent(done: int, goal: int) -> float | None:
    return round(100.0 * done / goal, 1) if goal else None


def _minute_series(campaign) -> list[dict]:
    rows = per_minute(campaign_id=campaign.pk, metrics=[Metric.CALL_CONNECTED, *CONTACT_METRICS[1:]])
    values: dict = {}
    for metric, points in rows.items():
        key = "calls" if metric == Metric.CALL_CONNECTED else "emails"
        for minute, value in points:
            values.setdefault(minute, {"calls": 0, "emails": 0})[key] += value
    start = campaign.window_start or (min(values) if values else None)
    end = campaign.window_end or (max(values) + dt.timedelta(minutes=1) if values else None)
    if start is None or end is None:
        return []
    start = start.replace(second=0, microsecond=0)
    minutes = min(int((end - start).total_seconds() // 60), MAX_CHART_MINUTES)
    if minutes <= 0:
        return []
    if minutes == MAX_CHART_MINUTES and values:  # a long window: chart the last day with activity
        start = max(start, max(values) - dt.timedelta(minutes=MAX_CHART_MINUTES - 1))
    series = []
    for i in range(minutes):
        minute = start + dt.timedelta(minutes=i)
        point = values.get(minute, {"calls": 0, "emails": 0})
        series.append({"minute": minute.isoformat(), **point})
    return series


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


def dashboard_stats(*, campaign) -> dict:
    """Everything the organizer dashboard shows, from a few hundred rollup rows."""
    from targets.models import Target

    totals = metric_totals(campaign_id=campaign.pk)
    emails = totals[Metric.EMAIL_SENT] + totals[Metric.CWC_DELIVERED]
    targets_table = []
    table = per_target(campaign_id=campaign.pk)
    names = {t.pk: (t.key, str(t)) for t in Target.objects.filter(pk__in=table)}
    for target_id, counts in table.items():
        connected = counts.get(Metric.CALL_CONNECTED, 0)
        key, name = names.get(target_id, ("", ""))
        targets_table.append({
            "id": key, "name": name,
            "contacts": sum(counts.get(m, 0) for m in CONTACT_METRICS),
            "calls_connected": connected,
            "average_call_seconds": round(counts.get(Metric.TALK_SECONDS, 0) / connected) if connected else 0,
            "busy": counts.get(Metric.CALL_BUSY, 0), "no_answer": counts.get(Metric.CALL_NO_ANSWER, 0),
            "emails": sum(counts.get(m, 0) for m in CONTACT_METRICS[1:]),
        })
    targets_table.sort(key=lambda row: (-row["contacts"], row["name"]))
    states: dict[str, int] = {}
    districts: dict[str, int] = {}
    for state, district, metric, value in per_place(campaign_id=campaign.pk):
        if metric not in CONTACT_METRICS:
            continue
        states[state] = states.get(state, 0) + value
        if district >= 0:
            label = f"{state}-{'AL' if district == 0 else district}"
            districts[label] = districts.get(label, 0) + value
    return {
        "campaign": campaign.slug,
        "totals": _totals(totals),
        "goals": {
            "calls": {"goal": campaign.goal_calls, "done": totals[Metric.CALL_CONNECTED],
                      "percent": _percent(totals[Metric.CALL_CONNECTED], campaign.goal_calls)},
            "emails": {"goal": campaign.goal_emails, "done": emails + totals[Metric.WEBFORM_REPORTED],
                       "percent": _percent(emails + totals[Metric.WEBFORM_REPORTED], campaign.goal_emails)},
        },
        "per_minute": _minute_series(campaign),
        "targets": targets_table,
        "top_states": sorted(({"state": s, "contacts": n} for s, n in states.items()),
                             key=lambda r: (-r["contacts"], r["state"]))[:10],
        "top_districts": sorted(({"district": d, "contacts": n} for d, n in districts.items()),
                                key=lambda r: (-r["contacts"], r["district"]))[:10],
        "outcomes": {metric.removeprefix("outcome_"): totals[metric] for metric in OUTCOMES},
    }


def organize_rows() -> list[dict]:
    """/organize/: every campaign with its headline counts and the events waiting for review."""
    from django.db.models import Count, Q

    from advocacy.campaigns.models import Campaign

    campaigns = Campaign.objects.annotate(
        pending_events=Count("events", filter=Q(events__status="pending")),
        listed_events=Count("events", filter=Q(events__status="approved"))).order_by("-window_start", "title")
    return [{"campaign": campaign, "totals": public_totals(campaign_id=campaign.pk)} for campaign in campaigns]
