"""How a message reaches an office. Email now, through the email adapter (advocacy/providers/email.py); a
Communicating With Congress (CWC) XML channel for approved delivery agents can be added beside it with the same
`send(delivery) -> provider message id` shape."""

from __future__ import annotations

from email.utils import formataddr

from django.conf import settings

from advocacy.emails.models import EmailDelivery
from advocacy.providers.email import build_message, send_message


class EmailChannel:
    def send(self, delivery: EmailDelivery) -> str:
        action, campaign = delivery.action, delivery.campaign
        from_email = campaign.from_email or settings.DEFAULT_FROM_EMAIL
        message = build_message(
            subject=delivery.subject, body=delivery.body, to=[delivery.address], from_email=from_email,
            reply_to=[formataddr((action.name, action.email))], message_id=delivery.message_id)
        return send_message(message)
