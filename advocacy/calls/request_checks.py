"""What a new call request is checked against, read in one query with the call it repeats, if any: the campaign's
live calls (capacity), the toll-fraud counts of the client's address, the length of the line it joins, and the
same phone's call under way from the same client (submissions.py answers with that call instead)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.calls.selectors import count_subquery, live_calls_subquery, stale_cutoffs, waiting_sessions
from advocacy.campaigns.models import Campaign
from common.compiled import CompiledRead, IPAddress


@dataclass(frozen=True)
class RequestChecks:
    """What a new call request is checked against, read in one query (call_request_checks)."""

    live_calls: int  # the campaign's calls holding a line now (stale ones never count)
    unanswered_numbers: int  # different numbers asked for from the address in the last day, never answered
    number_unanswered: bool  # this number is one of them
    waiting: int  # calls waiting to be placed (the pool's line a new call joins at the end of)
    earlier: uuid.UUID | None = None  # the same call asked for already, still under way (this request repeats it)


def _unanswered_from(ip, since: datetime):
    return CallSession.objects.filter(ip_address=ip, created_at__gte=since, status__in=CallSession.FINAL,
                                      supporter_connected=False, is_preview=False)


def _count_distinct_phones(sessions) -> Coalesce:
    counted = sessions.order_by().annotate(n=Func(F("phone"), template="COUNT(DISTINCT %(expressions)s)",
                                                  output_field=IntegerField()))
    return Coalesce(Subquery(counted.values("n")), 0, output_field=IntegerField())


def _under_way(phone, since: datetime, came_in: datetime, **client) -> Subquery:
    """The same phone's call asked for in the campaign since a time and still under way when this request came in
    (not ended, or ended since), requested by the same client (its address, or a partner's server).

    "When it came in", not "now": a double click that waited its turn behind the first one's transaction while
    that call rang and ended is still the same request (a fast failure can end a call within a second)."""
    return Subquery(CallSession.objects.filter(
        Q(ended_at__gte=came_in) | ~Q(status__in=CallSession.FINAL), campaign_id=OuterRef("pk"), phone=phone,
        created_at__gte=since, is_preview=False, direction=CallSession.Direction.OUTBOUND, **client)
        .order_by("-created_at").values("pk")[:1])


def _request_checks(campaign_id, phone, ip, since, repeat_since, came_in, cutoffs, **client):
    return (Campaign.objects.filter(pk=campaign_id)
            .annotate(live=live_calls_subquery(cutoffs),
                      unanswered=_count_distinct_phones(_unanswered_from(ip, since)),
                      this_unanswered=count_subquery(_unanswered_from(ip, since).filter(phone=phone)),
                      waiting=count_subquery(waiting_sessions().filter(Q(slot_at__gt=cutoffs[0])
                                                                       | Q(slot_at__isnull=True))),
                      earlier=_under_way(phone, repeat_since, came_in, **client))
            .values_list("live", "unanswered", "this_unanswered", "waiting", "earlier"))


# Every call request: compiled once per process (common/compiled.py); the first cutoff is now. A supporter's
# request is repeated from the same address; a partner's server sends no address, so its partner code stands in.
_TIMES = (datetime,) * 7
_REQUEST_CHECKS = CompiledRead(lambda campaign_id, phone, ip, since, repeat_since, came_in, *cutoffs: _request_checks(
    campaign_id, phone, ip, since, repeat_since, came_in, cutoffs, ip_address=ip), int, str, IPAddress, *_TIMES)
_PARTNER_REQUEST_CHECKS = CompiledRead(
    lambda campaign_id, phone, ip, partner, since, repeat_since, came_in, *cutoffs: _request_checks(
        campaign_id, phone, ip, since, repeat_since, came_in, cutoffs, ip_address__isnull=True, partner_code=partner),
    int, str, IPAddress, str, *_TIMES)


def call_request_checks(*, campaign: Campaign, phone: str, ip_address: str | None, partner_code: str = "",
                        came_in: datetime | None = None) -> RequestChecks:
    """The capacity, toll-fraud and place-in-line figures a new call request needs, and the call it repeats if
    any (submissions.py), in one query. Without an address (a partner's server) the unanswered numbers are 0."""
    now = timezone.now()
    came_in = came_in or now
    times = (now - timedelta(days=1), came_in - timedelta(seconds=settings.CALL_DUPLICATE_WINDOW_SECONDS), came_in,
             *stale_cutoffs(now))
    if ip_address:
        found = _REQUEST_CHECKS(campaign.pk, phone, ip_address, *times)
    else:
        found = _PARTNER_REQUEST_CHECKS(campaign.pk, phone, NO_ADDRESS, partner_code, *times)
    live, unanswered, this_unanswered, waiting, earlier = found[0] if found else (0, 0, 0, 0, None)
    if not ip_address:
        unanswered, this_unanswered = 0, 0
    return RequestChecks(live_calls=live, unanswered_numbers=unanswered, number_unanswered=this_unanswered > 0,
                         waiting=waiting, earlier=earlier)


NO_ADDRESS = "192.0.2.1"  # TEST-NET-1 (RFC 5737): no supporter's address; its count is ignored anyway
