"""Sending the queued messages to the offices, each exactly once, and what happens after each attempt.

An action's messages go out in one task (deliver_emails): one broker round trip and one held SMTP connection for
all of them, each message still claimed by its own row lock in its own transaction, so a message is never sent
twice and one office's failure never holds up another's. A message that fails transiently is handed to the
single-message task (deliver_email), whose retries back off on their own.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from advocacy.dashboard.counters import record_contact
from advocacy.dashboard.models import Metric
from advocacy.emails.channels import EmailChannel
from advocacy.emails.cwc import CwcChannel
from advocacy.emails.models import EmailAction, EmailDelivery
from common.compiled import CompiledRead
from common.writes import save_fields

# The claim every message's send starts with, compiled once per process (common/compiled.py).
_CLAIM = CompiledRead(lambda delivery_id: EmailDelivery.objects.select_for_update(of=("self",))
                      .select_related("action", "campaign").filter(pk=delivery_id), int)
_SETTLED = CompiledRead(lambda delivery_id: EmailDelivery.objects.filter(pk=delivery_id).only("action_id").annotate(
    waiting=Exists(EmailDelivery.objects.filter(action_id=OuterRef("action_id"), status=EmailDelivery.Status.QUEUED)),
    street_address=F("action__street_address")), int)


def send_delivery(*, delivery_id: int) -> bool:
    """Send one queued message to its office, once: the row stays locked for the whole send, so a redelivered
    task waits and then finds it sent. False when there is nothing to do. Raises a delivery error on failure
    (its transaction rolls back; see record_failed_attempt)."""
    with transaction.atomic():
        claimed = _CLAIM(delivery_id)
        if not claimed or claimed[0].status != EmailDelivery.Status.QUEUED:
            return False
        delivery = claimed[0]
        delivery.attempts += 1
        channel = CwcChannel() if delivery.channel == EmailDelivery.Channel.CWC else EmailChannel()
        mark_sent(delivery=delivery, provider_message_id=channel.send(delivery))
    return True


def mark_sent(*, delivery: EmailDelivery, provider_message_id: str) -> None:
    """Called inside the send's locked transaction. CWC's acceptance is its delivery."""
    by_cwc = delivery.channel == EmailDelivery.Channel.CWC
    delivery.status = EmailDelivery.Status.DELIVERED if by_cwc else EmailDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.provider_message_id = str(provider_message_id)[:200]
    save_fields(delivery, "status", "sent_at", "provider_message_id", "attempts", "last_error", "provider_response")
    action = delivery.action
    record_contact(campaign_id=action.campaign_id, metric=Metric.CWC_DELIVERED if by_cwc else Metric.EMAIL_SENT,
                   target_id=delivery.target_id, state=action.state, district=action.district,
                   partner_code=action.partner_code)


def record_failed_attempt(*, delivery_id: int, reason: str) -> None:
    """A transient failure, to be retried: the attempt's own transaction rolled back, so it is counted here."""
    EmailDelivery.objects.filter(pk=delivery_id, status=EmailDelivery.Status.QUEUED).update(
        attempts=F("attempts") + 1, last_error=reason[:1000], queued_at=timezone.now())


def mark_failed(*, delivery_id: int, reason: str) -> bool:
    """The provider refused the message for good, or retries ran out: record why. The failed attempt's own
    transaction rolled back, so the attempt is counted here."""
    return bool(EmailDelivery.objects.filter(pk=delivery_id, status=EmailDelivery.Status.QUEUED).update(
        status=EmailDelivery.Status.FAILED, attempts=F("attempts") + 1, last_error=reason[:1000]))


def finish_if_settled(*, delivery_id: int) -> int | None:
    """When no message of this delivery's action still waits for us to send it, forget the street address
    (only CWC needed it) and return the action's id: time for the receipt."""
    found = _SETTLED(delivery_id)
    if not found or found[0].waiting:
        return None
    action_id = found[0].action_id
    if found[0].street_address:
        save_fields(EmailAction(pk=action_id, street_address=""), "street_address")
    return action_id
