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


def event_ics(event: Event) -> str:
    url = f"{settings.PUBLIC_BASE_URL}/c/{event.campaign.slug}/events/{event.pk}/"
    ends = event.ends_at or event.starts_at + dt.timedelta(hours=1)
    location = event.online_url if event.is_online else event.full_place
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Day of Action//Events//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{settings.EMAIL_MESSAGE_ID_DOMAIN}",
        f"DTSTAMP:{_utc(event.created_at)}", f"DTSTART:{_utc(event.starts_at)}", f"DTEND:{_utc(ends)}",
        f"SUMMARY:{_escape(event.title)}", f"DESCRIPTION:{_escape(event.description + chr(10) + chr(10) + url)}",
        f"LOCATION:{_escape(location)}", f"URL:{url}",
    ]
    if event.latitude is not None and not event.is_online:
        lines.append(f"GEO:{event.latitude:.6f};{event.longitude:.6f}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
