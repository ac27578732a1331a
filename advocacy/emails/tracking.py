"""A provider's tracking webhook (anymail): each delivery moves to delivered, bounced or complained once, and a
repeated event (providers retry their webhooks) is counted once."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from advocacy.dashboard.counters import record_contact
from advocacy.dashboard.models import Metric
from advocacy.emails.models import EmailDelivery

TRACKING = {
    "delivered": (EmailDelivery.Status.DELIVERED, Metric.EMAIL_DELIVERED),
    "bounced": (EmailDelivery.Status.BOUNCED, Metric.EMAIL_BOUNCED),
    "rejected": (EmailDelivery.Status.BOUNCED, Metric.EMAIL_BOUNCED),
    "complained": (EmailDelivery.Status.COMPLAINED, None),
}


def apply_tracking_event(*, message_id: str, event_type: str, at=None) -> bool:
    """A provider's tracking webhook: each delivery moves to delivered/bounced/complained once."""
    with transaction.atomic():
        delivery = (EmailDelivery.objects.select_for_update(of=("self",)).select_related("action")
                    .filter(provider_message_id=message_id).first())
        if delivery is None:
            return False
        if event_type == "opened":
            if delivery.opened_at is None:
                delivery.opened_at = at or timezone.now()
                delivery.save(update_fields=["opened_at"])
            return True
        if event_type not in TRACKING or delivery.status not in (EmailDelivery.Status.SENT,
                                                                 EmailDelivery.Status.DELIVERED):
            return False
        status, metric = TRACKING[event_type]
        if delivery.status == status:
            return False
        delivery.status, delivery.event_at = status, at or timezone.now()
        delivery.save(update_fields=["status", "event_at"])
        if metric:
            action = delivery.action
            record_contact(campaign_id=action.campaign_id, metric=metric, target_id=delivery.target_id,
                           state=action.state, district=action.district)
    return True
