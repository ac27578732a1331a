"""Email delivery tasks. Each locks its row for the whole send, so a redelivered copy waits, then finds it done."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from advocacy.delivery import PermanentDeliveryError, TransientDeliveryError, claim_row, retry_transient
from advocacy.emails import services
from advocacy.emails.channels import EmailChannel, build_message, send_message
from advocacy.emails.models import EmailAction, EmailDelivery

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="advocacy.emails.tasks.deliver_email", acks_late=True, max_retries=8)
def deliver_email(self, delivery_id: int) -> str:
    try:
        with transaction.atomic():
            delivery = claim_row(EmailDelivery, delivery_id, ready=lambda d: d.status == EmailDelivery.Status.QUEUED)
            if delivery is None:
                return "nothing to do"
            delivery.attempts += 1
            provider_id = EmailChannel().send(delivery)
            services.mark_sent(delivery=delivery, provider_message_id=provider_id)
    except TransientDeliveryError as exc:
        EmailDelivery.objects.filter(pk=delivery_id).update(last_error=str(exc)[:1000])
        retry_transient(self, exc)
        return "retrying"
    except PermanentDeliveryError as exc:
        EmailDelivery.objects.filter(pk=delivery_id, status=EmailDelivery.Status.QUEUED).update(
            status=EmailDelivery.Status.FAILED, last_error=str(exc)[:1000])
        logger.warning("email delivery %s failed permanently: %s", delivery_id, exc)
        return "failed"
    return "sent"


def _send_to_supporter(action: EmailAction, template: str, subject: str, field: str, context: dict) -> None:
    """A system email to the supporter, sent once: the timestamp `field` is set in the same locked transaction."""
    with transaction.atomic():
        action = claim_row(EmailAction, action.pk, ready=lambda a: getattr(a, field) is None)
        if action is None:
            return
        with translation.override(action.language):
            body = render_to_string(template, {"action": action, **context})
        message = build_message(subject=str(subject), body=body, to=[action.email],
                                from_email=action.campaign.from_email or settings.DEFAULT_FROM_EMAIL)
        send_message(message)
        setattr(action, field, timezone.now())
        action.save(update_fields=[field])


@shared_task(bind=True, name="advocacy.emails.tasks.send_confirmation", acks_late=True, max_retries=8)
def send_confirmation(self, action_id: int) -> None:
    action = EmailAction.objects.select_related("campaign").get(pk=action_id)
    link = settings.PUBLIC_BASE_URL + reverse("emails:confirm", args=[action.token])
    with translation.override(action.language):
        subject = translation.gettext("Confirm your email to send your messages")
    try:
        _send_to_supporter(action, "emails/confirmation_email.txt", subject, "confirmation_sent_at",
                           {"link": link, "deliveries": action.deliveries.select_related("target")})
    except TransientDeliveryError as exc:
        retry_transient(self, exc)


@shared_task(bind=True, name="advocacy.emails.tasks.send_receipt", acks_late=True, max_retries=8)
def send_receipt(self, action_id: int) -> None:
    action = EmailAction.objects.select_related("campaign").get(pk=action_id)
    link = settings.PUBLIC_BASE_URL + reverse("emails:action", args=[action.token])
    with translation.override(action.language):
        subject = translation.gettext("Your messages for %(campaign)s") % {"campaign": action.campaign.title}
    try:
        _send_to_supporter(action, "emails/receipt_email.txt", subject, "receipt_sent_at",
                           {"link": link, "deliveries": action.deliveries.select_related("target")})
    except TransientDeliveryError as exc:
        retry_transient(self, exc)


@shared_task(name="advocacy.emails.tasks.expire_unconfirmed")
def expire_unconfirmed() -> int:
    return services.expire_unconfirmed()
