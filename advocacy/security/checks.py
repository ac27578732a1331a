"""System checks that stop a production deployment from running with a hole open (manage.py check)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

NO_TRACKING = ("django.core.mail.backends.", "anymail.backends.test.")


def tracking_provider_configured() -> bool:
    backend = settings.EMAIL_BACKEND
    return backend.startswith("anymail.backends.") and not backend.startswith(NO_TRACKING)


def webhooks_unprotected() -> bool:
    """Production with an email provider whose tracking webhooks nobody authenticates."""
    return not settings.DEBUG and tracking_provider_configured() and not settings.ANYMAIL.get("WEBHOOK_SECRET")


@register(Tags.security, deploy=False)
def webhook_secret_check(app_configs, **kwargs):
    if webhooks_unprotected():
        return [Error(
            "ANYMAIL_WEBHOOK_SECRET is not set, so anyone could post forged delivery events.",
            hint="Set ANYMAIL_WEBHOOK_SECRET to 'user:password' and give the same credentials to the provider's "
                 "tracking webhook URL. Until then /anymail/ answers 403.",
            id="advocacy.E001")]
    return []
