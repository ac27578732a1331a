"""How a message reaches an office. Email now, through Django's mail API and whatever anymail backend the
settings choose; a Communicating With Congress (CWC) XML channel for approved delivery agents can be added
beside it with the same `send(delivery) -> provider message id` shape."""

from __future__ import annotations

import smtplib
import socket
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.html import escape, linebreaks

from advocacy.emails.models import EmailDelivery
from common.errors import PermanentDeliveryError, TransientDeliveryError


def _classify(exc: Exception) -> Exception:
    from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reply in exc.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):  # greylisting, a full mailbox, throttling
            return TransientDeliveryError(f"recipient deferred: {exc.recipients}")
        return PermanentDeliveryError(f"recipient refused: {exc.recipients}")
    if isinstance(exc, AnymailRecipientsRefused):
        return PermanentDeliveryError(f"recipient refused: {exc}")
    if isinstance(exc, AnymailAPIError):
        status = getattr(exc, "status_code", None) or 500
        if status == 429 or status >= 500:
            return TransientDeliveryError(f"provider {status}: {exc}")
        return PermanentDeliveryError(f"provider {status}: {exc}")
    if isinstance(exc, smtplib.SMTPResponseException) and 400 <= exc.smtp_code < 500:
        return TransientDeliveryError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}")
    if isinstance(exc, smtplib.SMTPResponseException):
        return PermanentDeliveryError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}")
    if isinstance(exc, OSError | socket.timeout | smtplib.SMTPException):
        return TransientDeliveryError(f"mail server unreachable: {exc}")
    return PermanentDeliveryError(str(exc))


def build_message(*, subject: str, body: str, to: list[str], from_email: str, reply_to: list[str] | None = None,
                  message_id: str | None = None) -> EmailMultiAlternatives:
    """A text part and an escaped HTML part; headers only from cleaned, single-line values."""
    headers = {"Message-ID": message_id} if message_id else {}
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to,
                                     reply_to=reply_to or [], headers=headers)
    message.attach_alternative(linebreaks(escape(body)), "text/html")
    return message


def send_message(message: EmailMultiAlternatives) -> str:
    try:
        message.send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - every failure is classified as transient or permanent
        raise _classify(exc) from exc
    status = getattr(message, "anymail_status", None)
    return str(status.message_id if status and status.message_id else message.extra_headers.get("Message-ID", ""))


class EmailChannel:
    def send(self, delivery: EmailDelivery) -> str:
        action, campaign = delivery.action, delivery.campaign
        from_email = campaign.from_email or settings.DEFAULT_FROM_EMAIL
        message = build_message(
            subject=delivery.subject, body=delivery.body, to=[delivery.address], from_email=from_email,
            reply_to=[formataddr((action.name, action.email))], message_id=delivery.message_id)
        return send_message(message)
