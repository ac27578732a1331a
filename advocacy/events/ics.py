"""An iCalendar (RFC 5545) file for one event."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from advocacy.events.models import Event


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace(
        "\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_lines(*, uid: str, stamp: dt.datetime, starts: dt.datetime, ends: dt.datetime, summary: str,
                   description: str, location: str | None, url: str, geo: tuple[float, float] | None = None,
                   alarm_minutes: int | None = None) -> str:
    """One VEVENT in a VCALENDAR, folded and CRLF-terminated; an alarm `alarm_minutes` before the start."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Day of Action//Events//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}", f"DTSTART:{_utc(starts)}", f"DTEND:{_utc(ends)}",
        f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(description)}",
    ]
    lines += [f"LOCATION:{_escape(location)}"] if location is not None else []
    lines.append(f"URL:{url}")
    if geo is not None:
        lines.append(f"GEO:{geo[0]:.6f};{geo[1]:.6f}")
    if alarm_minutes is not None:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(summary)}",
                  f"TRIGGER:-PT{alarm_minutes}M", "END:VALARM"]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def event_ics(event: Event) -> str:
    url = f"{settings.PUBLIC_BASE_URL}/c/{event.campaign.slug}/events/{event.pk}/"
    place = event.online_url if event.is_online else event.full_place
    geo = (event.latitude, event.longitude) if event.latitude is not None and not event.is_online else None
    return calendar_lines(uid=f"event-{event.pk}@{settings.EMAIL_MESSAGE_ID_DOMAIN}", stamp=event.created_at,
                          starts=event.starts_at, ends=event.ends_at or event.starts_at + dt.timedelta(hours=1),
                          summary=event.title, description=event.description + "\n\n" + url,
                          location=place or "", url=url, geo=geo)
