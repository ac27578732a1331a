"""The web-form steps: an office that takes messages only through its own form. The supporter opens it from our
page ("form opened"), pastes the message and tells us they sent it ("marked sent"); we never call it "sent"."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from advocacy.dashboard.models import Metric
from advocacy.delivery import enqueue_on_commit
from advocacy.emails import queue
from advocacy.emails.models import EmailDelivery
from advocacy.emails.services import _count


def open_webform(*, delivery: EmailDelivery) -> str:
    """The supporter opened the office's form from our page: count it once, and give back the form's URL."""
    with transaction.atomic():
        delivery = EmailDelivery.objects.select_for_update(of=("self",)).select_related("action").get(pk=delivery.pk)
        if delivery.status == EmailDelivery.Status.TO_REPORT:
            delivery.status, delivery.event_at = EmailDelivery.Status.FORM_OPENED, timezone.now()
            delivery.save(update_fields=["status", "event_at"])
            _count(delivery.action, Metric.WEBFORM_OPENED, delivery.target_id)
    return delivery.address


def report_webform(*, delivery: EmailDelivery) -> bool:
    with transaction.atomic():
        delivery = EmailDelivery.objects.select_for_update(of=("self",)).select_related("action").get(pk=delivery.pk)
        if delivery.status not in (EmailDelivery.Status.TO_REPORT, EmailDelivery.Status.FORM_OPENED):
            return False
        delivery.status, delivery.sent_at = EmailDelivery.Status.REPORTED, timezone.now()
        delivery.save(update_fields=["status", "sent_at"])
        _count(delivery.action, Metric.WEBFORM_REPORTED, delivery.target_id)
        if not delivery.action.deliveries.filter(status__in=queue.UNSETTLED).exists():
            enqueue_on_commit(queue.SEND_RECEIPT, delivery.action_id)  # sent once; a no-op if the receipt went
    return True
