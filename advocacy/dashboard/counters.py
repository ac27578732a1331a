"""record_contact: the one way calls, emails and web-form reports add to the dashboard's numbers.

Call it inside the transaction that records the attempt, so a count and its row commit together.
Increments are `UPDATE ... SET value = value + n`, safe with many concurrent workers.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from advocacy.dashboard.models import CampaignSupporter, Metric, MinuteCount, PlaceCount, TargetCount
from advocacy.privacy.identity import identity_key


def _increment(model: type[models.Model], amount: int, **key) -> None:
    if model.objects.filter(**key).update(value=models.F("value") + amount):
        return
    try:
        with transaction.atomic():
            model.objects.create(value=amount, **key)
    except IntegrityError:  # another worker created it between our update and insert
        model.objects.filter(**key).update(value=models.F("value") + amount)


def record_contact(
    *,
    campaign_id: int,
    metric: str,
    amount: int = 1,
    at: datetime | None = None,
    target_id: int | None = None,
    state: str = "",
    district: int | None = None,
) -> None:
    """Add `amount` to `metric` for the campaign's minute, and for the target and place when given."""
    metric = Metric(metric).value
    at = at or timezone.now()
    minute = at.replace(second=0, microsecond=0)
    _increment(MinuteCount, amount, campaign_id=campaign_id, minute=minute, metric=metric)
    if target_id is not None:
        _increment(TargetCount, amount, campaign_id=campaign_id, target_id=target_id, metric=metric)
    if state:
        _increment(PlaceCount, amount, campaign_id=campaign_id, state=state,
                   district=-1 if district is None else district, metric=metric)


def supporter_key(identity: str) -> str:
    """The same keyed hash the retention job leaves in place of a phone or email, so a supporter whose
    row was already hashed is still counted once."""
    return identity_key(identity)


def record_supporter(*, campaign_id: int, identity: str, at: datetime | None = None) -> bool:
    """Count a supporter (phone in E.164 or email) once per campaign. True when they are new."""
    try:
        with transaction.atomic():
            CampaignSupporter.objects.create(campaign_id=campaign_id, supporter_key=supporter_key(identity))
    except IntegrityError:
        return False
    record_contact(campaign_id=campaign_id, metric=Metric.UNIQUE_SUPPORTERS, at=at)
    return True
