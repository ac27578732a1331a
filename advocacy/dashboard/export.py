"""The contact-attempt CSV, streamed row by row so a million attempts never sit in memory at once.

Organizers get what they need to follow up on offices, not supporters' personal data: no phone
numbers, emails or names.
"""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.calls.models import CallLeg
from advocacy.csv_stream import csv_lines
from advocacy.emails.models import EmailDelivery

HEADER = ["time", "channel", "target_id", "target", "state", "district", "status", "duration_seconds", "outcome",
          "partner"]
CHUNK = 2000


def attempt_rows(*, campaign_id: int) -> Iterator[list]:
    legs = (CallLeg.objects.filter(campaign_id=campaign_id, session__is_preview=False).order_by("created_at", "id")
            .values_list("created_at", "target__key", "target__name", "target__title", "session__state",
                         "session__district", "status", "duration_seconds", "outcome", "is_district_office",
                         "session__partner_code"))
    for created, key, name, title, state, district, status, duration, outcome, office, partner in legs.iterator(
            CHUNK):
        yield [created.isoformat(), "call_district_office" if office else "call", key or "",
               f"{title} {name}".strip() if name else "", state, "" if district is None else district, status,
               duration, outcome, partner]
    emails = (EmailDelivery.objects.filter(campaign_id=campaign_id).order_by("created_at", "id")
              .values_list("created_at", "channel", "target__key", "target__name", "target__title", "action__state",
                           "action__district", "status", "action__partner_code"))
    for created, channel, key, name, title, state, district, status, partner in emails.iterator(CHUNK):
        yield [created.isoformat(), channel, key, f"{title} {name}".strip(), state,
               "" if district is None else district, status, "", "", partner]


def attempts_csv(*, campaign_id: int) -> Iterator[str]:
    return csv_lines(HEADER, attempt_rows(campaign_id=campaign_id))
