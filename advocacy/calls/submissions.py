"""A supporter asks for a call: a double click, a resubmitted form or a partner's retried POST returns the call
already asked for instead of ringing the supporter twice.

The same phone in the same campaign, from the same client, while its call is still under way (or was, when the
request came in) and within CALL_DUPLICATE_WINDOW_SECONDS is the same request; so is an API request with an
Idempotency-Key already used in the campaign. Concurrent duplicates are serialised by a short lock in the shared
cache (Redis in production) and, on SQLite, by the write transaction.
"""

from __future__ import annotations

import datetime as dt
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy.calls import safety, services
from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign
from common.compiled import CompiledRead, IPAddress

LOCK_SECONDS = 15


@dataclass(frozen=True)
class Submission:
    session: CallSession
    created: bool  # False: the call this same request already asked for


@contextmanager
def _submission_lock(key: str):
    name = f"call-submission:{key}"
    deadline = time.monotonic() + LOCK_SECONDS
    while not cache.add(name, 1, timeout=LOCK_SECONDS) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield
    finally:
        cache.delete(name)


def _under_way(client_field: str, kind: type = str, **constant):
    """The same phone's call asked for in the campaign since a time and still under way when this request came in
    (not ended, or ended since), requested by the same client (compiled once per process: common/compiled.py).

    "When it came in", not "now": a double click that waited its turn behind the first one's transaction while
    that call rang and ended is still the same request (a fast failure can end a call within a second)."""
    return CompiledRead(lambda campaign_id, phone, since, came_in, client: CallSession.objects.filter(
        Q(ended_at__gte=came_in) | ~Q(status__in=CallSession.FINAL),
        campaign_id=campaign_id, phone=phone, created_at__gte=since, is_preview=False,
        direction=CallSession.Direction.OUTBOUND, **{client_field: client}, **constant)
        .order_by("-created_at")[:1], int, str, dt.datetime, dt.datetime, kind)


_UNDER_WAY_FROM_ADDRESS = _under_way("ip_address", kind=IPAddress)
_UNDER_WAY_FROM_PARTNER = _under_way("partner_code", ip_address__isnull=True)  # a partner's server: no address
_KEYED = CompiledRead(lambda campaign_id, key: CallSession.objects.filter(campaign_id=campaign_id, idempotency_key=key)
                      .order_by("pk")[:1], int, str)


def _earlier(*, campaign: Campaign, phone: str, idempotency_key: str, ip_address: str | None,
             partner_code: str, came_in: datetime) -> CallSession | None:
    """The call this request repeats: the one under the same Idempotency-Key, or the same phone's call under way
    requested from the same client (address, or partner server). Another client giving the same number is a new
    request under the usual limits: it is never shown someone else's call (that would say who is calling whom)."""
    if idempotency_key:
        keyed = next(iter(_KEYED(campaign.pk, idempotency_key)), None)
        if keyed is not None:
            if keyed.phone != phone:
                raise safety.CallRefused("idempotency_key_reused",
                                         _("This Idempotency-Key was already used for another request."), status=422)
            return keyed
    since = came_in - timedelta(seconds=settings.CALL_DUPLICATE_WINDOW_SECONDS)
    if ip_address:
        found = _UNDER_WAY_FROM_ADDRESS(campaign.pk, phone, since, came_in, ip_address)
    else:
        found = _UNDER_WAY_FROM_PARTNER(campaign.pk, phone, since, came_in, partner_code)
    return found[0] if found else None


def submit_call(*, campaign: Campaign, phone: str, zip_code: str, address: str | None = None,
                ip_address: str | None = None, language: str = "en", idempotency_key: str = "",
                partner_code: str = "", first_name: str = "",
                scheduled_for: datetime | None = None) -> Submission:
    """services.start_call_session, unless this request was already made. Raises what it raises."""
    came_in = timezone.now()  # before waiting for the lock and the transaction (see _under_way)
    phone = safety.normalize_phone(phone)
    idempotency_key = idempotency_key.strip()[:64]
    # The lock serialises processes sharing the cache; the transaction serialises them on SQLite (IMMEDIATE).
    with _submission_lock(f"{campaign.pk}:{phone}"), transaction.atomic():
        earlier = _earlier(campaign=campaign, phone=phone, idempotency_key=idempotency_key,
                           ip_address=ip_address or None, partner_code=partner_code, came_in=came_in)
        if earlier is not None:
            return Submission(session=earlier, created=False)
        session = services.start_call_session(campaign=campaign, phone=phone, zip_code=zip_code, address=address,
                                              ip_address=ip_address, language=language,
                                              idempotency_key=idempotency_key, partner_code=partner_code,
                                              first_name=first_name, scheduled_for=scheduled_for)
    return Submission(session=session, created=True)
