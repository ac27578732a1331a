"""The email adapter: the one way out for mail, through Django's mail API and whatever anymail backend (or SMTP
server) the settings choose. It builds a message, sends it, and says whether a failure is worth retrying
(common.errors.TransientDeliveryError) or not (PermanentDeliveryError). Tested against tests/fakes/smtp.py."""

from __future__ import annotations

import smtplib
import socket

from django.core.mail import EmailMultiAlternatives
from django.utils.html import escape, linebreaks

from common.errors import PermanentDeliveryError, TransientDeliveryError


def _classify_anymail(exc: Exception) -> Exception | None:
    from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

    if isinstance(exc, AnymailRecipientsRefused):
        return PermanentDeliveryError(f"recipient refused: {exc}")
    if isinstance(exc, AnymailAPIError):
        status = getattr(exc, "status_code", None) or 500
        if status == 429 or status >= 500:
            return TransientDeliveryError(f"provider {status}: {exc}")
        return PermanentDeliveryError(f"provider {status}: {exc}")
    return None


def classify(exc: Exception) -> Exception:
    """A sending failure as a transient or permanent delivery error, with the provider's reason."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reply in exc.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):  # greylisting, a full mailbox, throttling
            return TransientDeliveryError(f"recipient deferred: {exc.recipients}")
        return PermanentDeliveryError(f"recipient refused: {exc.recipients}")
    from_anymail = _classify_anymail(exc)
    if from_anymail is not None:
        return from_anymail
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
    """Send; return the provider's message id (or our Message-ID header). Raises a classified delivery error."""
    try:
        message.send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - every failure is classified as transient or permanent
        raise classify(exc) from exc
    status = getattr(message, "anymail_status", None)
    return str(status.message_id if status and status.message_id else message.extra_headers.get("Message-ID", ""))
