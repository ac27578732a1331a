"""A supporter asks for a call: a double click, a resubmitted form or a partner's retried POST returns the call
already asked for instead of ringing the supporter twice.

The same phone in the same campaign while its call is still under way and within CALL_DUPLICATE_WINDOW_SECONDS
is the same request; so is an API request with an Idempotency-Key already used in the campaign. Concurrent
duplicates are serialised by a short lock in the shared cache (Redis in production).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy.calls import safety, services
from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign

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


def _earlier(*, campaign: Campaign, phone: str, idempotency_key: str, ip_address: str | None,
             partner_code: str) -> CallSession | None:
    """The call this request repeats: the one under the same Idempotency-Key, or the same phone's call under way
    requested from the same client (address, or partner server). Another client giving the same number is a new
    request under the usual limits: it is never shown someone else's call (that would say who is calling whom)."""
    if idempotency_key:
        keyed = CallSession.objects.filter(campaign=campaign, idempotency_key=idempotency_key).first()
        if keyed is not None:
            if keyed.phone != phone:
                raise safety.CallRefused("idempotency_key_reused",
                                         _("This Idempotency-Key was already used for another request."), status=422)
            return keyed
    since = timezone.now() - timedelta(seconds=settings.CALL_DUPLICATE_WINDOW_SECONDS)
    same_client = {"ip_address": ip_address} if ip_address else {"ip_address": None, "partner_code": partner_code}
    return (CallSession.objects.filter(campaign=campaign, phone=phone, created_at__gte=since, is_preview=False,
                                       direction=CallSession.Direction.OUTBOUND, **same_client)
            .exclude(status__in=CallSession.FINAL).order_by("-created_at").first())


def submit_call(*, campaign: Campaign, phone: str, zip_code: str, address: str | None = None,
                ip_address: str | None = None, language: str = "en", idempotency_key: str = "",
                partner_code: str = "", first_name: str = "",
                scheduled_for: datetime | None = None) -> Submission:
    """services.start_call_session, unless this request was already made. Raises what it raises."""
    phone = safety.normalize_phone(phone)
    idempotency_key = idempotency_key.strip()[:64]
    # The lock serialises processes sharing the cache; the transaction serialises them on SQLite (IMMEDIATE).
    with _submission_lock(f"{campaign.pk}:{phone}"), transaction.atomic():
        earlier = _earlier(campaign=campaign, phone=phone, idempotency_key=idempotency_key,
                           ip_address=ip_address or None, partner_code=partner_code)
        if earlier is not None:
            return Submission(session=earlier, created=False)
        session = services.start_call_session(campaign=campaign, phone=phone, zip_code=zip_code, address=address,
                                              ip_address=ip_address, language=language,
                                              idempotency_key=idempotency_key, partner_code=partner_code,
                                              first_name=first_name, scheduled_for=scheduled_for)
    return Submission(session=session, created=True)
