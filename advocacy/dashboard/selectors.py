"""Reads for the dashboard and the public counter, all from the rollup tables (never counting raw rows)."""

from __future__ import annotations

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
        "emails": totals[Metric.EMAIL_SENT] + totals[Metric.WEBFORM_REPORTED],
        "supporters": totals[Metric.UNIQUE_SUPPORTERS],
    }


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
