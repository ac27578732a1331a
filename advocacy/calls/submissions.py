"""A supporter asks for a call: a double click, a resubmitted form or a partner's retried POST returns the call
already asked for instead of ringing the supporter twice.

The same phone in the same campaign, from the same client, while its call is still under way (or was, when the
request came in) and within CALL_DUPLICATE_WINDOW_SECONDS is the same request; so is an API request with an
Idempotency-Key already used in the campaign. Concurrent duplicates are serialised by a short lock in the shared
cache (Redis in production) and, on SQLite, by the write transaction.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy.calls import request_checks, safety, services
from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign
from common.compiled import CompiledRead

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


_KEYED = CompiledRead(lambda campaign_id, key: CallSession.objects.filter(campaign_id=campaign_id, idempotency_key=key)
                      .order_by("pk")[:1], int, str)


def _keyed(*, campaign: Campaign, phone: str, idempotency_key: str) -> CallSession | None:
    """The call asked for under this Idempotency-Key in the campaign (the same number only)."""
    keyed = next(iter(_KEYED(campaign.pk, idempotency_key)), None) if idempotency_key else None
    if keyed is not None and keyed.phone != phone:
        raise safety.CallRefused("idempotency_key_reused",
                                 _("This Idempotency-Key was already used for another request."), status=422)
    return keyed


def submit_call(*, campaign: Campaign, phone: str, zip_code: str, address: str | None = None,
                ip_address: str | None = None, language: str = "en", idempotency_key: str = "",
                partner_code: str = "", first_name: str = "",
                scheduled_for: datetime | None = None) -> Submission:
    """services.start_call_session, unless this request was already made. Raises what it raises."""
    came_in = timezone.now()  # before waiting for the lock and the transaction (see request_checks._under_way)
    phone = safety.normalize_phone(phone)
    idempotency_key = idempotency_key.strip()[:64]
    # The lock serialises processes sharing the cache; the transaction serialises them on SQLite (IMMEDIATE).
    with _submission_lock(f"{campaign.pk}:{phone}"), transaction.atomic():
        earlier = _keyed(campaign=campaign, phone=phone, idempotency_key=idempotency_key)
        if earlier is not None:
            return Submission(session=earlier, created=False)
        # The same phone's call under way, asked for from the same client (address, or partner server), is this
        # request made again; another client giving the same number is a new request under the usual limits: it is
        # never shown someone else's call (that would say who is calling whom). Read with the request's checks.
        checks = request_checks.call_request_checks(campaign=campaign, phone=phone, ip_address=ip_address or None,
                                                    partner_code=partner_code, came_in=came_in)
        if checks.earlier is not None:
            return Submission(session=CallSession.objects.get(pk=checks.earlier), created=False)
        session = services.start_call_session(campaign=campaign, phone=phone, zip_code=zip_code, address=address,
                                              ip_address=ip_address, language=language,
                                              idempotency_key=idempotency_key, partner_code=partner_code,
                                              first_name=first_name, scheduled_for=scheduled_for, checks=checks)
    return Submission(session=session, created=True)
