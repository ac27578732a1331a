"""The email reconciler, run by celery beat every minute (CELERY_BEAT_SCHEDULE "reconcile-emails").

An accepted action is never lost: whatever happened to its task (the broker was down when it was enqueued, a
worker died, a message was dropped), a delivery still `queued` after EMAIL_STUCK_SECONDS is enqueued again, and
one still unsent EMAIL_GIVE_UP_HOURS after the supporter confirmed is failed with the reason, never left stuck.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone

from advocacy.emails.models import EmailDelivery
from advocacy.emails.queue import requeue_stuck_deliveries, requeue_unsent_notices

logger = logging.getLogger(__name__)


def fail_abandoned_deliveries(*, now: dt.datetime) -> int:
    hours = settings.EMAIL_GIVE_UP_HOURS
    abandoned = EmailDelivery.objects.filter(status=EmailDelivery.Status.QUEUED,
                                             action__confirmed_at__lt=now - dt.timedelta(hours=hours))
    return EmailDelivery.objects.filter(pk__in=list(abandoned.values_list("pk", flat=True))).update(
        status=EmailDelivery.Status.FAILED,
        last_error=Concat(Value(f"not sent within {hours} hours of confirmation; last error: "), F("last_error")))


def reconcile_emails(*, now: dt.datetime | None = None) -> dict[str, int]:
    """One pass; returns what it did, for the task result and the logs."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EMAIL_STUCK_SECONDS)
    with transaction.atomic():
        failed = fail_abandoned_deliveries(now=now)
        requeued = len(requeue_stuck_deliveries(cutoff=cutoff, now=now))
        notices = requeue_unsent_notices(cutoff=cutoff, now=now)
    done = {"failed": failed, "requeued": requeued, "notices_requeued": notices}
    if any(done.values()):
        logger.warning("email reconciler: %s", done)
    return done
