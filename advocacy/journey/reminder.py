"""A calendar file for one moment of the campaign's schedule ("remind me" on the done page)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from advocacy.campaigns.models import ScheduleItem, translated
from advocacy.events.ics import calendar_lines


def schedule_item_ics(item: ScheduleItem, language: str) -> str:
    page = f"{settings.PUBLIC_BASE_URL}/c/{item.campaign.slug}/"
    description = translated(item, "description", language)
    return calendar_lines(
        uid=f"schedule-{item.pk}@{settings.EMAIL_MESSAGE_ID_DOMAIN}", stamp=item.starts_at,
        starts=item.starts_at, ends=item.ends_at or item.starts_at + dt.timedelta(hours=1),
        summary=translated(item, "title", language), description=f"{description}\n\n{item.url or page}".strip(),
        location=None, url=item.url or page, alarm_minutes=15)
