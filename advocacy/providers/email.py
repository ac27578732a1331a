"""The email adapter: the one way out for mail, through Django's mail API and whatever anymail backend (or SMTP
server) the settings choose. It builds a message, sends it, and says whether a failure is worth retrying
(common.errors.TransientDeliveryError) or not (PermanentDeliveryError). Tested against tests/fakes/smtp.py."""

from __future__ import annotations

import smtplib
import socket
import threading
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.test.signals import setting_changed
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


# Backends with nothing to keep open (or that bind process state when built: console's stream, locmem's outbox)
# are built per message, as Django does; SMTP and anymail's HTTP backends keep their connection or session.
_NOTHING_TO_REUSE = ("django.core.mail.backends.locmem.", "django.core.mail.backends.console.",
                     "django.core.mail.backends.filebased.", "django.core.mail.backends.dummy.")
_held = threading.local()  # one open connection per process (and per thread in a threaded server)


def _settings_key() -> tuple:
    return (settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER,
            settings.EMAIL_USE_TLS, getattr(settings, "EMAIL_USE_SSL", False))


def reuses_connection() -> bool:
    return settings.EMAIL_CONNECTION_REUSE and not settings.EMAIL_BACKEND.startswith(_NOTHING_TO_REUSE)


def close_connection() -> None:
    """Close this process's held connection (after an error, on a settings change, or when it is too old)."""
    held = getattr(_held, "conn", None)
    _held.conn = None
    if held is not None:
        try:
            held[1].close()
        except Exception:  # noqa: BLE001 - a connection that is already broken closes as well as it can
            pass


def _on_setting_changed(*, setting: str, **_kwargs) -> None:
    if setting.startswith("EMAIL_"):
        close_connection()


setting_changed.connect(_on_setting_changed)


def _connection():
    """The held connection, opened on first use and reopened when the settings changed, it sat idle longer than
    EMAIL_CONNECTION_MAX_IDLE_SECONDS (servers drop idle clients) or carried EMAIL_CONNECTION_MAX_MESSAGES."""
    held, now = getattr(_held, "conn", None), time.monotonic()
    if held is not None and (held[0] != _settings_key() or now - held[2] > settings.EMAIL_CONNECTION_MAX_IDLE_SECONDS
                             or held[3] >= settings.EMAIL_CONNECTION_MAX_MESSAGES):
        close_connection()
        held = None
    if held is None:
        connection = get_connection(fail_silently=False)
        connection.open()
        held = [_settings_key(), connection, now, 0]
        _held.conn = held
    held[2], held[3] = now, held[3] + 1
    return held[1]


def send_message(message: EmailMultiAlternatives) -> str:
    """Send; return the provider's message id (or our Message-ID header). Raises a classified delivery error.
    Over a held connection (reuses_connection()) any failure closes it: the next message opens a fresh one,
    and this one is retried by its task, never counted as sent without the server's acceptance."""
    try:
        if reuses_connection():
            message.connection = _connection()
            if message.connection.send_messages([message]) != 1:
                raise PermanentDeliveryError("the mail backend accepted no recipient")
        else:
            message.send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - every failure is classified as transient or permanent
        if reuses_connection():
            close_connection()
        raise classify(exc) from exc
    status = getattr(message, "anymail_status", None)
    return str(status.message_id if status and status.message_id else message.extra_headers.get("Message-ID", ""))
