"""Email delivery tasks. Each locks its row for the whole send, so a redelivered copy waits, then finds it done."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from advocacy.delivery import (
    MAX_RETRIES,
    PermanentDeliveryError,
    TransientDeliveryError,
    claim_row,
    retry_transient,
)
from advocacy.emails import confirmation, services
from advocacy.emails.channels import EmailChannel, build_message, send_message
from advocacy.emails.models import EmailAction, EmailDelivery

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="advocacy.emails.tasks.deliver_email", acks_late=True, max_retries=MAX_RETRIES)
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
        # The failed attempt's transaction rolled back, so it is counted here, outside it.
        if self.request.retries >= MAX_RETRIES:
            services.mark_failed(delivery_id=delivery_id, reason=f"gave up after {MAX_RETRIES + 1} attempts: {exc}")
            logger.warning("email delivery %s failed after %s attempts: %s", delivery_id, MAX_RETRIES + 1, exc)
            return "failed"
        EmailDelivery.objects.filter(pk=delivery_id, status=EmailDelivery.Status.QUEUED).update(
            attempts=F("attempts") + 1, last_error=str(exc)[:1000])
        retry_transient(self, exc, max_retries=MAX_RETRIES)
        return "retrying"
    except PermanentDeliveryError as exc:
        services.mark_failed(delivery_id=delivery_id, reason=str(exc))
        logger.warning("email delivery %s failed permanently: %s", delivery_id, exc)
        return "failed"
    return "sent"


def _send_to_supporter(action: EmailAction, template: str, subject: str, field: str, context) -> None:
    """A system email to the supporter, sent once: the timestamp `field` is set in the same locked transaction."""
    with transaction.atomic():
        action = claim_row(EmailAction, action.pk, ready=lambda a: getattr(a, field) is None)
        if action is None:
            return
        if callable(context):  # a context that needs the locked row (the confirmation secret)
            context = context(action)
        with translation.override(action.language):
            body = render_to_string(template, {"action": action, **context})
        message = build_message(subject=str(subject), body=body, to=[action.email],
                                from_email=action.campaign.from_email or settings.DEFAULT_FROM_EMAIL)
        send_message(message)
        setattr(action, field, timezone.now())
        action.save(update_fields=[field])


def _send_or_retry(task, action: EmailAction, template: str, subject: str, field: str, context: dict) -> None:
    """A supporter's address the provider refuses (or that stays unreachable) is logged, not retried forever:
    their messages to the offices are unaffected and still recorded."""
    try:
        _send_to_supporter(action, template, subject, field, context)
    except TransientDeliveryError as exc:
        if task.request.retries >= MAX_RETRIES:
            logger.warning("%s to action %s not sent after %s attempts: %s", template, action.pk, MAX_RETRIES + 1, exc)
            return
        retry_transient(task, exc, max_retries=MAX_RETRIES)
    except PermanentDeliveryError as exc:
        logger.warning("%s to action %s refused: %s", template, action.pk, exc)


@shared_task(bind=True, name="advocacy.emails.tasks.send_confirmation", acks_late=True,
             max_retries=MAX_RETRIES)
def send_confirmation(self, action_id: int) -> None:
    action = EmailAction.objects.select_related("campaign").get(pk=action_id)
    with translation.override(action.language):
        subject = translation.gettext("Confirm your email to send your messages")

    def context(locked: EmailAction) -> dict:
        # A fresh secret in the same transaction as the send: a retried send gets its own, a sent one stays.
        secret = confirmation.issue_secret(locked)
        return {"link": settings.PUBLIC_BASE_URL + reverse("emails:confirm", args=[secret]),
                "deliveries": action.deliveries.select_related("target")}

    _send_or_retry(self, action, "emails/confirmation_email.txt", subject, "confirmation_sent_at", context)


@shared_task(bind=True, name="advocacy.emails.tasks.send_receipt", acks_late=True,
             max_retries=MAX_RETRIES)
def send_receipt(self, action_id: int) -> None:
    action = EmailAction.objects.select_related("campaign").get(pk=action_id)
    link = settings.PUBLIC_BASE_URL + reverse("emails:action", args=[action.token])
    with translation.override(action.language):
        subject = translation.gettext("Your messages for %(campaign)s") % {"campaign": action.campaign.title}
    _send_or_retry(self, action, "emails/receipt_email.txt", subject, "receipt_sent_at",
                   {"link": link, "deliveries": action.deliveries.select_related("target")})


@shared_task(name="advocacy.emails.tasks.expire_unconfirmed")
def expire_unconfirmed() -> int:
    return services.expire_unconfirmed()
