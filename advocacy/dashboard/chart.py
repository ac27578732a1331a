"""The dashboard's activity chart: calls and emails over time, summed in SQL into at most MAX_POINTS buckets.

Two ranges: "hour" (the default) zooms to the last hour of activity, minute by minute; "all" shows the whole action
window (or, without one, everything recorded), bucketed to a round number of minutes so a 24-hour day is 144
ten-minute bars rather than 1,440 one-minute ones. The database returns one row per bucket.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import IntegerField, Max, Min, Q, Sum
from django.db.models.expressions import RawSQL
from django.utils import timezone

from advocacy.dashboard.models import Metric, MinuteCount

RANGES = ("hour", "all")
MAX_POINTS = 144
STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440)  # minutes per bucket
ZOOM = dt.timedelta(hours=1)
MINUTE = dt.timedelta(minutes=1)
CALLS = (Metric.CALL_CONNECTED,)
EMAILS = (Metric.EMAIL_SENT, Metric.CWC_DELIVERED, Metric.WEBFORM_REPORTED)


def _floor(at: dt.datetime) -> dt.datetime:
    return at.replace(second=0, microsecond=0)


def _ceil(at: dt.datetime) -> dt.datetime:
    return _floor(at) + (MINUTE if at != _floor(at) else dt.timedelta(0))


def bucket_minutes(minutes: int) -> int:
    """The smallest round bucket that fits `minutes` into MAX_POINTS bars."""
    return next((step for step in STEPS if -(-minutes // step) <= MAX_POINTS), -(-minutes // MAX_POINTS))


def _bucket_index(origin: dt.datetime, step: int) -> RawSQL:
    column = f'{connection.ops.quote_name(MinuteCount._meta.db_table)}."minute"'
    if connection.vendor == "postgresql":
        sql = f"FLOOR(EXTRACT(EPOCH FROM ({column} - %s)) / %s)::integer"
        return RawSQL(sql, (origin, step * 60), output_field=IntegerField())
    sql = f"CAST((CAST(strftime('%%s', {column}) AS integer) - %s) / %s AS integer)"
    return RawSQL(sql, (int(origin.timestamp()), step * 60), output_field=IntegerField())


def activity_bounds(campaign_id: int) -> dict:
    """{"first": minute, "last": minute} of the charted metrics (None, None when nothing was recorded)."""
    return MinuteCount.objects.filter(campaign_id=campaign_id, metric__in=CALLS + EMAILS).aggregate(
        first=Min("minute"), last=Max("minute"))


def chart_span(campaign, *, zoom: str = "hour", now: dt.datetime | None = None, activity: dict | None = None):
    """(start, end) of the chart, whole minutes, end exclusive; None when there is nothing to chart."""
    activity = activity or activity_bounds(campaign.pk)
    start = campaign.window_start or activity["first"]
    end = campaign.window_end or (activity["last"] + MINUTE if activity["last"] else None)
    if start is None or end is None:
        return None
    start, end = _floor(start), _ceil(end)
    if zoom == "hour":
        end = min(end, _ceil(now or timezone.now()))
        if activity["last"] is not None and activity["last"] + MINUTE <= end - ZOOM:
            end = activity["last"] + MINUTE  # nothing in the last hour: show the last hour that had activity
        start = max(start, end - ZOOM)
    return (start, end) if end > start else None


def activity_chart(campaign, *, zoom: str = "hour", now: dt.datetime | None = None,
                   activity: dict | None = None) -> dict:
    """{"range", "bucket_minutes", "start", "end", "points": [{"minute": iso, "calls": n, "emails": n}, ...]}.

    `activity`: activity_bounds() when the caller has already read them (dashboard_stats, with the totals)."""
    span = chart_span(campaign, zoom=zoom, now=now, activity=activity)
    if span is None:
        return {"range": zoom, "bucket_minutes": 1, "start": None, "end": None, "points": []}
    start, end = span
    minutes = int((end - start).total_seconds() // 60)
    step = bucket_minutes(minutes)
    rows = (MinuteCount.objects.filter(campaign_id=campaign.pk, metric__in=CALLS + EMAILS, minute__gte=start,
                                       minute__lt=end)
            .annotate(bucket=_bucket_index(start, step)).values("bucket")
            .annotate(calls=Sum("value", filter=Q(metric__in=CALLS)), emails=Sum("value", filter=Q(metric__in=EMAILS)))
            .values_list("bucket", "calls", "emails"))
    counts = {bucket: (calls or 0, emails or 0) for bucket, calls, emails in rows}
    points = []
    for index in range(-(-minutes // step)):
        calls, emails = counts.get(index, (0, 0))
        points.append({"minute": (start + index * step * MINUTE).isoformat(), "calls": calls, "emails": emails})
    return {"range": zoom, "bucket_minutes": step, "start": start.isoformat(), "end": end.isoformat(),
            "points": points}
